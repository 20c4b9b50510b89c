//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckFolderWithNamedPipe: a named pipe in a folder is left out
// (it would block forever); --verbose says so.
func TestCheckFolderWithNamedPipe(t *testing.T) {
	dir := isolate(t)
	write(t, dir, "stories/a.txt", []byte(cleanStory))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "stories", "b.txt"), 0o644))

	r := execCLI(t, "", "check", "stories")
	assert.Equal(t, ExitClean, r.code, r.stderr)
	assert.Empty(t, r.stderr)

	r = execCLI(t, "", "check", "--verbose", "stories")
	assert.Equal(t, ExitClean, r.code, r.stderr)
	assert.Equal(t, "quotecheck: skipped stories/b.txt: not a regular file (a named pipe)\n", r.stderr)

	r = execCLI(t, "", "batch", "--quiet", "--verbose", "--out", "out.jsonl", "stories")
	assert.Equal(t, ExitClean, r.code, r.stderr)
	assert.Contains(t, r.stderr, "quotecheck: skipped stories/b.txt: not a regular file (a named pipe)\n")
}

// TestBatchSameOutputTwice: while one batch run writes --out, a second
// one writing the same file fails at once, exit 2, and says why.
func TestBatchSameOutputTwice(t *testing.T) {
	dir := isolate(t)
	write(t, dir, "stories/a.txt", []byte(cleanStory))
	write(t, dir, "out.jsonl", []byte("{}\n"))
	first, err := os.OpenFile(filepath.Join(dir, "out.jsonl"), os.O_RDWR, 0)
	require.NoError(t, err)
	defer first.Close()
	require.NoError(t, syscall.Flock(int(first.Fd()), syscall.LOCK_EX|syscall.LOCK_NB))

	r := execCLI(t, "", "batch", "--quiet", "--out", "out.jsonl", "stories")
	assert.Equal(t, ExitError, r.code)
	assert.Equal(t, "quotecheck: batch: out.jsonl: another quotecheck batch run is writing this file; wait for it to finish or choose another output\n", r.stderr)
}

// TestEvalFolderWithNamedPipe: eval's folder walk leaves a named pipe out
// too, instead of hanging on it.
func TestEvalFolderWithNamedPipe(t *testing.T) {
	dir := isolate(t)
	require.NoError(t, os.Mkdir(filepath.Join(dir, "gold"), 0o755))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "gold", "pipe.json"), 0o644))
	done := make(chan cliResult, 1)
	go func() { done <- execCLI(t, "", "eval", "gold") }()
	select {
	case r := <-done:
		assert.Equal(t, ExitError, r.code)
		assert.Contains(t, r.stderr, "no .json or .jsonl gold files")
	case <-time.After(20 * time.Second):
		t.Fatal("eval hangs on a named pipe in the folder")
	}
}
