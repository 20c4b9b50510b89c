//go:build unix

package batch

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOutputLockedByAnotherRun: a second run writing the same --out stops
// at once with a clear error and leaves the first run's file alone.
func TestOutputLockedByAnotherRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "results.jsonl")
	require.NoError(t, os.WriteFile(out, []byte("{\"id\": \"first run\"}\n"), 0o644))
	// the first run, still writing, holds the lock
	first, err := os.OpenFile(out, os.O_RDWR, 0)
	require.NoError(t, err)
	defer first.Close()
	require.NoError(t, syscall.Flock(int(first.Fd()), syscall.LOCK_EX|syscall.LOCK_NB))

	for _, resume := range []bool{false, true} {
		stats, err := Run(context.Background(), Options{Paths: []string{deskArchive}, Out: out, Resume: resume})
		assert.Nil(t, stats)
		assert.ErrorContains(t, err, out+": another quotecheck batch run is writing this file")
		data, _ := os.ReadFile(out)
		assert.Equal(t, "{\"id\": \"first run\"}\n", string(data), "the first run's output is untouched")
	}

	// Once the first run is done, the file is free again.
	require.NoError(t, first.Close())
	stats := runBatch(t, Options{Paths: []string{deskArchive}, Out: out})
	assert.Equal(t, 5, stats.Figures.Checked)
}
