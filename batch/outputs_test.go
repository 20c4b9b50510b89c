package batch

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSummaryCheckedAtStart: a summary that cannot be written stops the
// run before any record is read, not after the whole archive.
func TestSummaryCheckedAtStart(t *testing.T) {
	dir := t.TempDir()
	opt := Options{Paths: []string{deskArchive}, Out: filepath.Join(dir, "results.jsonl"),
		Summary: filepath.Join(dir, "no-such-folder", "summary.html")}
	stats, err := Run(context.Background(), opt)
	require.Error(t, err)
	assert.Nil(t, stats, "nothing was checked")
	assert.Contains(t, err.Error(), "no-such-folder/summary.html cannot be written: no such file or directory")
	assert.NoFileExists(t, opt.Out)

	// A summary written leaves no temporary file behind.
	opt.Summary = filepath.Join(dir, "summary.html")
	runBatch(t, opt)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Equal(t, []string{"results.jsonl", "summary.html"}, names)
}
