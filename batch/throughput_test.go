package batch

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/batch/batchgen"
)

// TestBatchThroughput measures `quotecheck batch` on a generated archive
// of 100,000 fictional articles of about 5 KB, plain and gzip-compressed,
// with one worker and with all cores: articles/s, MB/s (of uncompressed
// archive) and the peak resident memory of the process. It builds the
// command and runs it as a child process, so the figures are those a user
// gets. It takes a few minutes, so it runs only when asked:
//
//	QUOTECHECK_THROUGHPUT=1 go test ./batch -run TestBatchThroughput -v -timeout 60m
//
// QUOTECHECK_THROUGHPUT_N sets the number of articles and
// QUOTECHECK_THROUGHPUT_DIR a folder that keeps the generated archives
// between runs.
func TestBatchThroughput(t *testing.T) {
	if os.Getenv("QUOTECHECK_THROUGHPUT") == "" {
		t.Skip("set QUOTECHECK_THROUGHPUT=1 to measure batch throughput on a generated archive of 100,000 articles")
	}
	n := 100000
	if v := os.Getenv("QUOTECHECK_THROUGHPUT_N"); v != "" {
		var err error
		n, err = strconv.Atoi(v)
		require.NoError(t, err)
	}
	dir := os.Getenv("QUOTECHECK_THROUGHPUT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	plain := filepath.Join(dir, fmt.Sprintf("archive-%d.jsonl", n))
	gz := plain + ".gz"
	for _, p := range []string{plain, gz} {
		if _, err := os.Stat(p); err == nil {
			continue
		}
		start := time.Now()
		_, err := batchgen.WriteArchive(p+".tmp", p == gz, 1, n, 5000)
		require.NoError(t, err)
		require.NoError(t, os.Rename(p+".tmp", p))
		t.Logf("generated %s in %.1f s", filepath.Base(p), time.Since(start).Seconds())
	}
	st, err := os.Stat(plain)
	require.NoError(t, err)
	size := st.Size()
	gst, err := os.Stat(gz)
	require.NoError(t, err)
	t.Logf("archive: %d records (about one in twenty a second version of an earlier one), %.1f MB plain (%.1f KB a record), %.1f MB gzip; %d cores",
		n, float64(size)/1e6, float64(size)/1e3/float64(n), float64(gst.Size())/1e6, runtime.NumCPU())

	bin := filepath.Join(t.TempDir(), "quotecheck")
	build := exec.Command("go", "build", "-o", bin, "../cmd/quotecheck")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())

	out := filepath.Join(t.TempDir(), "out")
	type run struct {
		name    string
		archive string
		args    []string
		env     []string
	}
	runs := []run{
		{"plain, 1 worker", plain, []string{"-j", "1"}, nil},
		{"plain, 1 worker, 1 core (GOMAXPROCS=1)", plain, []string{"-j", "1"}, []string{"GOMAXPROCS=1"}},
		{"plain, 2 workers", plain, []string{"-j", "2"}, nil},
		{"gzip, 2 workers", gz, []string{"-j", "2"}, nil},
		{"plain, 2 workers, + CSVs and summary", plain, []string{"-j", "2", "--quotes", out + ".quotes.csv", "--sources", out + ".sources.csv", "--summary", out + ".html"}, nil},
	}
	if os.Getenv("QUOTECHECK_THROUGHPUT_QUICK") != "" {
		runs = []run{runs[0], runs[2]}
	}
	rates := map[string]float64{}
	for _, r := range runs {
		args := append([]string{"batch", "--quiet", "--out", out + ".jsonl"}, r.args...)
		args = append(args, r.archive)
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), r.env...)
		var stderr []byte
		pipe, err := cmd.StderrPipe()
		require.NoError(t, err)
		start := time.Now()
		require.NoError(t, cmd.Start())
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			stderr = append(stderr, sc.Bytes()...)
			stderr = append(stderr, '\n')
		}
		err = cmd.Wait()
		elapsed := time.Since(start)
		require.NoError(t, err, "%s", stderr)
		rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
		lines := countLines(t, out+".jsonl")
		require.Equal(t, n, lines, "one output line per record")
		rate := float64(n) / elapsed.Seconds()
		rates[r.name] = rate
		t.Logf("%-42s %6.1f s  %6.0f articles/s  %5.1f MB/s  peak RSS %4.0f MB  (CPU %.0f%%)",
			r.name, elapsed.Seconds(), rate, float64(size)/1e6/elapsed.Seconds(), float64(rss)/1024,
			100*(cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime()).Seconds()/elapsed.Seconds())
	}
	if one, two := rates["plain, 1 worker"], rates["plain, 2 workers"]; one > 0 && two > 0 {
		t.Logf("speed-up, 2 workers over 1: %.2f×", two/one)
	}
	if one, two := rates["plain, 1 worker, 1 core (GOMAXPROCS=1)"], rates["plain, 2 workers"]; one > 0 && two > 0 {
		t.Logf("speed-up, 2 workers on 2 cores over 1 worker on 1 core: %.2f×", two/one)
	}
}

func countLines(t *testing.T, path string) int {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	n := 0
	for {
		_, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			break
		}
		n++
	}
	return n
}
