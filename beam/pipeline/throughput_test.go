package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/batch"
	"github.com/quotecheck/quotecheck/batch/batchgen"
)

// cpuTime is the CPU time the process has used so far.
func cpuTime(t testing.TB) time.Duration {
	var ru syscall.Rusage
	require.NoError(t, syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestThroughput measures the pipeline on the local Prism runner next to
// batch on the same generated archive of fictional articles of about
// 5 KB: articles per second of wall-clock time and per CPU-second (the
// cost model of beam/README.md). It takes minutes, so it runs only when
// asked:
//
//	QUOTECHECK_BEAM_THROUGHPUT=1 go test ./pipeline -run TestThroughput -v -timeout 60m
//
// QUOTECHECK_BEAM_THROUGHPUT_N lists the archive sizes (default 20000),
// comma-separated.
func TestThroughput(t *testing.T) {
	if os.Getenv("QUOTECHECK_BEAM_THROUGHPUT") == "" {
		t.Skip("set QUOTECHECK_BEAM_THROUGHPUT=1 to measure the pipeline next to batch")
	}
	sizes := []int{20000}
	if v := os.Getenv("QUOTECHECK_BEAM_THROUGHPUT_N"); v != "" {
		sizes = nil
		for f := range strings.SplitSeq(v, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			require.NoError(t, err)
			sizes = append(sizes, n)
		}
	}
	t.Logf("%d cores, GOMAXPROCS %d", runtime.NumCPU(), runtime.GOMAXPROCS(0))
	for _, n := range sizes {
		dir := t.TempDir()
		archive := filepath.Join(dir, fmt.Sprintf("archive-%d.jsonl", n))
		size, err := batchgen.WriteArchive(archive, false, 1, n, 5000)
		require.NoError(t, err)

		measure := func(name string, run func()) {
			cpu, start := cpuTime(t), time.Now()
			run()
			wall, used := time.Since(start), cpuTime(t)-cpu
			t.Logf("%6d articles (%5.1f MB)  %-22s %6.1f s  %6.0f articles/s  %5.0f articles per CPU-second  (CPU %3.0f%%)",
				n, float64(size)/1e6, name, wall.Seconds(), float64(n)/wall.Seconds(), float64(n)/used.Seconds(),
				100*used.Seconds()/wall.Seconds())
		}
		measure("batch", func() {
			stats, err := batch.Run(context.Background(), batch.Options{Paths: []string{archive}, Out: filepath.Join(dir, "batch.jsonl")})
			require.NoError(t, err)
			require.Equal(t, n, stats.Records)
		})
		measure("beam, Prism runner", func() {
			counts := runPipeline(t, Options{Inputs: []string{archive}, Out: filepath.Join(dir, "beam", "results"),
				Summary: filepath.Join(dir, "beam", "summary.json")})
			require.Equal(t, int64(n), counts[MetricChecked])
		})
		shards, err := filepath.Glob(filepath.Join(dir, "beam", "results-*.jsonl"))
		require.NoError(t, err)
		var written int64
		for _, p := range shards {
			st, err := os.Stat(p)
			require.NoError(t, err)
			written += st.Size()
		}
		t.Logf("results: %.1f MB (%.1f KB an article), what the pipeline shuffles besides the archive itself", float64(written)/1e6, float64(written)/1e3/float64(n))
	}
}
