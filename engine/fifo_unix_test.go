//go:build unix

package engine

import (
	"context"
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
	assert.Equal(t, []checker.Input{{Path: story, Size: int64(len(anonymousStory)), Sized: true}}, inputs)
	assert.Equal(t, []string{"b.txt: not a regular file (a named pipe)"}, notes)

	var checked []string
	eng.Run(context.Background(), inputs, nil, func(r checker.Result) {
		require.NoError(t, r.Err)
		checked = append(checked, r.Path)
	})
	assert.Equal(t, []string{story}, checked)
}
