//go:build unix

package pipeline

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExpandSkipsNamedPipes: a folder's named pipe, which would block the
// worker reading it, is left out as batch's walk leaves it out, and the
// walk says so.
func TestExpandSkipsNamedPipes(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "a.jsonl")
	require.NoError(t, os.WriteFile(story, []byte("{}\n"), 0o644))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "b.jsonl"), 0o644))

	var notes []string
	files, err := expandLocal(dir, func(path, reason string) { notes = append(notes, filepath.Base(path)+": "+reason) })
	require.NoError(t, err)
	assert.Equal(t, []string{story}, files)
	assert.Equal(t, []string{"b.jsonl: not a regular file (a named pipe)"}, notes)
}
