//go:build unix

package checker_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/checker"
)

// TestExpandPathsSkipsNamedPipes: a named pipe in a folder would block
// the reader forever; it is left out with a note. Named on the command
// line, it is read (as with <(zcat archive.gz)).
func TestExpandPathsSkipsNamedPipes(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "a.txt")
	pipe := filepath.Join(dir, "b.txt")
	text := "“Hi,” said Ada Penrose.\n"
	require.NoError(t, os.WriteFile(story, []byte(text), 0o644))
	require.NoError(t, syscall.Mkfifo(pipe, 0o644))

	var notes []string
	inputs := checker.ExpandPathsNoting([]string{dir}, func(path, reason string) { notes = append(notes, path+": "+reason) })
	// the listing says the story is a regular file; its size is read
	// when it is
	assert.Equal(t, []checker.Input{{Path: story, Regular: true}}, inputs)
	assert.Equal(t, []string{pipe + ": not a regular file (a named pipe)"}, notes)

	assert.Equal(t, []checker.Input{{Path: story, Regular: true}}, checker.ExpandPaths([]string{dir}))
	assert.Equal(t, []checker.Input{{Path: story, Size: int64(len(text)), Sized: true}}, checker.ExpandPaths([]string{story}))
	assert.Equal(t, []checker.Input{{Path: pipe}}, checker.ExpandPaths([]string{pipe}))
}
