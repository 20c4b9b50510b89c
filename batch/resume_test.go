package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/batch/batchgen"
	"github.com/quotecheck/quotecheck/internal/testnote"
)

// childEnv, when set, makes the test binary run one batch (the Options
// in the variable, as JSON) instead of the tests: the resume test kills
// such a child in the middle of its run.
const childEnv = "QUOTECHECK_BATCH_CHILD"

func TestMain(m *testing.M) {
	if spec := os.Getenv(childEnv); spec != "" {
		var opt Options
		if err := json.Unmarshal([]byte(spec), &opt); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		if _, err := Run(context.Background(), opt); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(testnote.Main(m))
}

// readOutputs reads a run's output files.
func readOutputs(t *testing.T, opt Options) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, p := range []string{opt.Out, opt.Quotes, opt.Sources, opt.Summary} {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		out[filepath.Base(p)] = b
	}
	return out
}

func assertSameOutputs(t *testing.T, want, got map[string][]byte, msg string) {
	t.Helper()
	for name, b := range want {
		if !assert.True(t, bytes.Equal(b, got[name]), "%s: %s differs from the uninterrupted run's (%d bytes, want %d)", msg, name, len(got[name]), len(b)) {
			// Show the first difference.
			i := 0
			for i < len(b) && i < len(got[name]) && b[i] == got[name][i] {
				i++
			}
			lo := max(i-200, 0)
			t.Logf("first difference at byte %d:\nwant …%s\ngot  …%s", i, b[lo:min(i+200, len(b))], got[name][lo:min(i+200, len(got[name]))])
		}
	}
}

// TestResumeAfterCut: an output cut anywhere (on a line boundary, inside
// a line, empty, complete) is continued by --resume to exactly the
// uninterrupted run's outputs, CSV files and summary included, also when
// a later version's predecessor is among the records skipped.
func TestResumeAfterCut(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "archive.jsonl")
	_, err := batchgen.WriteArchive(archive, false, 11, 600, 2500)
	require.NoError(t, err)
	// Damage in the middle, to resume over error records too.
	data, err := os.ReadFile(archive)
	require.NoError(t, err)
	lines := bytes.SplitAfter(data, []byte("\n"))
	lines[250] = []byte("{\"id\": \"broken\", \"text\": \"cut off\n")
	require.NoError(t, os.WriteFile(archive, bytes.Join(lines, nil), 0o644))

	full := outputs(filepath.Join(dir, "full"))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "full"), 0o755))
	full.Paths = []string{archive}
	fullStats := runBatch(t, full)
	want := readOutputs(t, full)
	out := want["results.jsonl"]
	require.Equal(t, 1, fullStats.Figures.Failed)
	require.Greater(t, fullStats.Figures.VersionsCompared, 10)

	// Cut points: nothing, inside the first line, line boundaries before
	// and after the error record, inside later lines, everything.
	boundary := func(n int) int { return bytes.Index(out, []byte(fmt.Sprintf(`"record":%d,`, n))) }
	lineStart := func(n int) int { return bytes.LastIndexByte(out[:boundary(n)], '\n') + 1 }
	cuts := []int{0, 10, lineStart(200), lineStart(260), lineStart(300) + 77, lineStart(599) - 1, len(out)}
	for i, cut := range cuts {
		t.Run(fmt.Sprint(cut), func(t *testing.T) {
			d := filepath.Join(dir, fmt.Sprint("cut", i))
			require.NoError(t, os.Mkdir(d, 0o755))
			opt := outputs(d)
			opt.Paths, opt.Resume, opt.Workers = []string{archive}, true, 2
			require.NoError(t, os.WriteFile(opt.Out, out[:cut], 0o644))
			// Stale CSVs from the interrupted run are replaced.
			require.NoError(t, os.WriteFile(opt.Quotes, []byte("stale"), 0o644))
			stats := runBatch(t, opt)
			assertSameOutputs(t, want, readOutputs(t, opt), fmt.Sprintf("resumed at byte %d", cut))
			assert.Equal(t, fullStats.Figures, stats.Figures.withoutResumed(), "summary figures")
			assert.Equal(t, bytes.Count(out[:cut], []byte("\n")), stats.Figures.Resumed)
		})
	}
}

// withoutResumed returns a copy of the figures with Resumed cleared, to
// compare a resumed run's figures with an uninterrupted one's.
func (f *Figures) withoutResumed() *Figures {
	c := *f
	c.Resumed = 0
	return &c
}

// TestResumeAfterKill kills a run with SIGKILL half way through and
// resumes it: the final output equals an uninterrupted run's.
func TestResumeAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process; skipped with -short")
	}
	dir := t.TempDir()
	archive := filepath.Join(dir, "archive.jsonl.gz")
	_, err := batchgen.WriteArchive(archive, true, 21, 3000, 4000)
	require.NoError(t, err)

	full := outputs(filepath.Join(dir, "full"))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "full"), 0o755))
	full.Paths = []string{archive}
	runBatch(t, full)
	want := readOutputs(t, full)
	size := len(want["results.jsonl"])

	opt := outputs(filepath.Join(dir, "killed"))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "killed"), 0o755))
	opt.Paths, opt.Workers = []string{archive}, 2
	spec, err := json.Marshal(opt)
	require.NoError(t, err)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+string(spec))
	require.NoError(t, cmd.Start())
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	killed := false
	deadline := time.After(2 * time.Minute)
wait:
	for {
		select {
		case err := <-done:
			require.NoError(t, err)
			break wait
		case <-deadline:
			t.Fatal("the child run did not finish")
		case <-time.After(2 * time.Millisecond):
			if st, err := os.Stat(opt.Out); err == nil && st.Size() > int64(size)*2/5 {
				require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
				<-done
				killed = true
				break wait
			}
		}
	}
	if !killed {
		t.Log("the child finished before it could be killed; resuming a finished run")
	}
	partial, err := os.ReadFile(opt.Out)
	require.NoError(t, err)
	t.Logf("killed with %d of %d bytes written (whole lines: %d)", len(partial), size, bytes.Count(partial, []byte("\n")))

	opt.Resume = true
	stats := runBatch(t, opt)
	assertSameOutputs(t, want, readOutputs(t, opt), "resumed after kill")
	assert.Equal(t, 3000, stats.Figures.Read)
	assert.Positive(t, stats.Figures.Resumed)
}

// TestResumeRejectsForeignFile: --resume refuses an output file that is
// not a batch output, rather than append to it.
func TestResumeRejectsForeignFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	require.NoError(t, os.WriteFile(out, []byte("{\"hello\": 1}\n"), 0o644))
	_, err := Run(context.Background(), Options{Paths: []string{deskArchive}, Out: out, Resume: true})
	require.ErrorContains(t, err, "not a batch output record")
	b, _ := os.ReadFile(out)
	assert.Equal(t, "{\"hello\": 1}\n", string(b), "left alone")
}

// TestResumeDuplicates: an archive that holds the same record twice is
// resumed between the two copies: the first is skipped, the second
// checked, as in an uninterrupted run.
func TestResumeDuplicates(t *testing.T) {
	dir := t.TempDir()
	desk, err := os.ReadFile(deskArchive)
	require.NoError(t, err)
	first, _, _ := bytes.Cut(desk, []byte("\n"))
	archive := filepath.Join(dir, "dup.jsonl")
	require.NoError(t, os.WriteFile(archive, append(append(desk, first...), '\n'), 0o644))

	full := outputs(filepath.Join(dir, "full"))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "full"), 0o755))
	full.Paths = []string{archive}
	runBatch(t, full)
	want := readOutputs(t, full)
	lines := bytes.SplitAfter(want["results.jsonl"], []byte("\n"))
	require.Len(t, lines, 7) // six records and the empty rest

	for _, keep := range []int{1, 3, 6} {
		d := filepath.Join(dir, fmt.Sprint("keep", keep))
		require.NoError(t, os.Mkdir(d, 0o755))
		opt := outputs(d)
		opt.Paths, opt.Resume = []string{archive}, true
		require.NoError(t, os.WriteFile(opt.Out, bytes.Join(lines[:keep], nil), 0o644))
		stats := runBatch(t, opt)
		assertSameOutputs(t, want, readOutputs(t, opt), fmt.Sprintf("resumed after %d lines", keep))
		assert.Equal(t, 6, stats.Records)
		assert.Equal(t, keep, stats.Figures.Resumed)
	}
}
