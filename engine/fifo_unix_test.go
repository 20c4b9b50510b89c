//go:build unix

package engine

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/checker"
)

// TestInputsSkipNamedPipes: a folder's named pipe (nobody writes to it)
// is left out of the inputs, Options.Skipped is told, and the rest of
// the folder is checked instead of the run blocking forever.
func TestInputsSkipNamedPipes(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "a.txt")
	writeFile(t, story, []byte(anonymousStory))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "b.txt"), 0o644))

	var notes []string
	eng, err := New(Options{Skipped: func(path, reason string) { notes = append(notes, filepath.Base(path)+": "+reason) }})
	require.NoError(t, err)
	inputs := eng.Inputs([]string{dir})
	assert.Equal(t, []checker.Input{{Path: story, Regular: true}}, inputs)
	assert.Equal(t, []string{"b.txt: not a regular file (a named pipe)"}, notes)

	var checked []string
	eng.Run(context.Background(), inputs, nil, func(r checker.Result) {
		require.NoError(t, r.Err)
		checked = append(checked, r.Path)
	})
	assert.Equal(t, []string{story}, checked)
}

// TestNamedPipeOnCommandLineIsRead: a named pipe given by name (as with
// <(zcat story.gz)) is opened once and read to its end, not opened to be
// looked at, closed under its writer and opened again.
func TestNamedPipeOnCommandLineIsRead(t *testing.T) {
	pipe := filepath.Join(t.TempDir(), "story.txt")
	require.NoError(t, syscall.Mkfifo(pipe, 0o644))
	go func() {
		f, err := os.OpenFile(pipe, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer f.Close()
		_, _ = f.WriteString(anonymousStory)
	}()
	eng, err := New(Options{})
	require.NoError(t, err)
	inputs := eng.Inputs([]string{pipe})
	require.Len(t, inputs, 1)
	assert.False(t, inputs[0].Sized, "a pipe has no size to trust")
	results := eng.Check(context.Background(), inputs[0])
	require.Len(t, results, 1)
	require.NoError(t, results[0].Err)
	assert.NotEmpty(t, results[0].Doc.Quotes)
}
