//go:build unix

package batch

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFolderWithNamedPipe: a named pipe in a folder (nobody ever writes
// to it) is left out, with a note, instead of blocking the run forever.
func TestFolderWithNamedPipe(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte("“The pier is unsafe,” said Ada Penrose.\n"), 0o644))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "b.txt"), 0o644))
	out := filepath.Join(t.TempDir(), "results.jsonl")

	var skipped []string
	done := make(chan *Stats, 1)
	go func() {
		stats, err := Run(context.Background(), Options{Paths: []string{dir}, Out: out,
			Skipped: func(path, reason string) { skipped = append(skipped, filepath.Base(path)+": "+reason) }})
		assert.NoError(t, err)
		done <- stats
	}()
	select {
	case stats := <-done:
		assert.Equal(t, 1, stats.Figures.Checked)
		assert.Equal(t, []string{"b.txt: not a regular file (a named pipe)"}, skipped)
	case <-time.After(20 * time.Second):
		t.Fatal("the batch run hangs on a named pipe in the folder")
	}
}

// TestOutToAPipe: --out may name a pipe (/dev/stdout piped on); it is
// neither truncated, locked nor synced, and the run succeeds.
func TestOutToAPipe(t *testing.T) {
	pipe := filepath.Join(t.TempDir(), "out.pipe")
	require.NoError(t, syscall.Mkfifo(pipe, 0o644))
	got := make(chan []byte, 1)
	go func() {
		data, err := os.ReadFile(pipe)
		assert.NoError(t, err)
		got <- data
	}()
	stats, err := Run(context.Background(), Options{Paths: []string{deskArchive}, Out: pipe})
	require.NoError(t, err)
	assert.Equal(t, 5, stats.Figures.Checked)
	select {
	case data := <-got:
		assert.Equal(t, 5, bytes.Count(data, []byte("\n")))
	case <-time.After(20 * time.Second):
		t.Fatal("nothing read from the pipe")
	}
}
