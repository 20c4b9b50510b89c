package batch

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/batch/batchgen"
)

// BenchmarkRun runs batch over a generated archive of 2,000 articles of
// about 5 KB with one worker per core, writing the reports to a file.
func BenchmarkRun(b *testing.B) {
	dir := b.TempDir()
	archive := filepath.Join(dir, "archive.jsonl")
	size, err := batchgen.WriteArchive(archive, false, 1, 2000, 5000)
	require.NoError(b, err)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		stats, err := Run(context.Background(), Options{Paths: []string{archive}, Out: filepath.Join(dir, "out.jsonl"), Stdout: io.Discard})
		require.NoError(b, err)
		require.Equal(b, 2000, stats.Figures.Read)
	}
	b.ReportMetric(2000*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	_ = os.Remove(filepath.Join(dir, "out.jsonl"))
}
