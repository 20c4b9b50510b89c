package engine

import (
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/report"
)

func TestMemoryBudget(t *testing.T) {
	dir := t.TempDir()
	sized := func(name string, size int64) checker.Input {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		require.NoError(t, err)
		require.NoError(t, f.Truncate(size)) // sparse: no bytes written
		require.NoError(t, f.Close())
		return checker.Input{Path: p}
	}
	small := sized("small.txt", 5<<10)
	big := sized("big.txt", 60<<20)
	mid := sized("mid.txt", 20<<20)
	tests := []struct {
		name    string
		workers int
		inputs  []checker.Input
		want    int64
	}{
		{"small inputs keep the runtime's pacing", 2, []checker.Input{small, small, {Path: "-"}}, 0},
		{"one large file", 1, []checker.Input{small, big}, 8*(60<<20) + 64<<20},
		{"the workers' largest files may be in hand at once", 2, []checker.Input{mid, small, big}, 8*(80<<20) + 64<<20},
		{"with one worker only the largest", 1, []checker.Input{mid, big}, 8*(60<<20) + 64<<20},
		{"missing files and folders do not count", 2, []checker.Input{{Path: filepath.Join(dir, "gone.txt")}, {Path: dir}, small}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New(Options{ConfigFile: os.DevNull, Workers: tt.workers})
			require.NoError(t, err)
			assert.Equal(t, tt.want, e.MemoryBudget(tt.inputs))
		})
	}
	t.Run("small inputs", func(t *testing.T) {
		e, err := New(Options{ConfigFile: os.DevNull, Workers: 2})
		require.NoError(t, err)
		assert.True(t, e.SmallInputs([]checker.Input{small, small, small}), "articles")
		assert.False(t, e.SmallInputs([]checker.Input{small, sized("quarter.txt", 200<<10), sized("half.txt", 300<<10)}), "two in hand above 256 KB")
		assert.False(t, e.SmallInputs([]checker.Input{small, {Path: "-"}}), "standard input has no size")
	})
}

// TestMemoryByStage prints what checking one file holds, stage by stage,
// in bytes per input byte, for the lead's and the next profiler's use. It
// runs only when QUOTECHECK_MEMORY_FILE names a file:
//
//	QUOTECHECK_MEMORY_FILE=/tmp/qc-corpus/one-60MB.txt go test ./engine -run TestMemoryByStage -v
//
// The collector runs at GOGC=10 meanwhile, so that the sampled heap is
// close to what is live; a peak is sampled every 2 ms.
func TestMemoryByStage(t *testing.T) {
	path := os.Getenv("QUOTECHECK_MEMORY_FILE")
	if path == "" {
		t.Skip("set QUOTECHECK_MEMORY_FILE to measure memory by stage")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	live := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc)
	}
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
		}
	}()
	defer func() { close(stop); <-sampled }()

	e, err := New(Options{ConfigFile: os.DevNull})
	require.NoError(t, err)
	s, err := e.Settings(path)
	require.NoError(t, err)
	base := live()
	data, err := e.readWhole(path)
	require.NoError(t, err)
	n := float64(len(data))
	perByte := func(stage string, before, after float64) {
		t.Logf("%-44s %8.1f MB  %5.2f B/B", stage, (after-before)/1e6, (after-before)/n)
	}
	after := live()
	perByte("file read (becomes the text)", base, after)
	text, err := article.DecodeOwned(data)
	require.NoError(t, err)
	before := after
	doc := article.New(path, text)
	after = live()
	perByte("paragraphs", before, after)
	before = after
	peak.Store(0)
	findings, err := s.Checker.CheckDocumentContext(context.Background(), doc)
	require.NoError(t, err)
	top := float64(peak.Load())
	after = live()
	perByte("extraction and rules at their peak", before, top)
	perByte("quotes, sources and findings kept", before, after)
	t.Logf("%d quotes, %d sources, %d findings", len(doc.Quotes), len(doc.Sources), len(findings))
	before = after
	doc.Lines()
	after = live()
	perByte("line index", before, after)
	peak.Store(0)
	w, err := report.NewWriter("json", io.Discard, io.Discard, report.Tool{}, 0)
	require.NoError(t, err)
	require.NoError(t, w.Write(checker.Result{Path: path, Doc: doc, Findings: findings}))
	require.NoError(t, w.Close())
	perByte("JSON report, encoded to the output", after, float64(peak.Load()))
	runtime.KeepAlive(doc)
}

// TestLimitMemory: a large input sets the runtime's soft memory limit to
// the engine's budget, small inputs are collected less often within a
// small limit, the environment wins, and the settings come back once the
// check is done.
func TestLimitMemory(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(big)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(20<<20)) // sparse, and binary: an input error
	require.NoError(t, f.Close())
	small := filepath.Join(t.TempDir(), "small.txt")
	require.NoError(t, os.WriteFile(small, []byte("\"It works,\" she said.\n"), 0o644))
	eng, err := New(Options{ConfigFile: os.DevNull, Workers: 1})
	require.NoError(t, err)

	tests := []struct {
		name, envGC, envLimit, path string
		wantLimit                   int64
		wantGC                      int
	}{
		{"small input: collected less often, within 64 MB", "", "", small, 64 << 20, SmallInputGCPercent},
		{"small input with GOGC: left alone", "100", "", small, math.MaxInt64, 100},
		{"large input: 8 bytes a byte plus 64 MB", "", "", big, 8*(20<<20) + 64<<20, 100},
		{"GOMEMLIMIT wins", "", "1GiB", big, math.MaxInt64, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOGC", tt.envGC)
			t.Setenv("GOMEMLIMIT", tt.envLimit)
			defer keepRuntimeSettings()()

			restore := eng.LimitMemory(eng.Inputs([]string{tt.path}))
			assertRuntime(t, tt.wantLimit, tt.wantGC)
			assertPlanLimit(t, eng, tt.wantLimit)
			restore()
			assertRuntime(t, math.MaxInt64, 100)
			assertPlanLimit(t, eng, math.MaxInt64)
		})
	}
}

// TestLimitMemoryRisesAsFolderFilesAreRead: a folder's files have no size
// until read; they count as small, and reading a large one raises the
// plan before it is checked.
func TestLimitMemoryRisesAsFolderFilesAreRead(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer keepRuntimeSettings()()
	dir := t.TempDir()
	for name, size := range map[string]int64{"a.txt": 3 << 10, "b.txt": 100 << 10, "c.txt": 200 << 10, "d.txt": 20 << 20} {
		f, err := os.Create(filepath.Join(dir, name))
		require.NoError(t, err)
		require.NoError(t, f.Truncate(size))
		require.NoError(t, f.Close())
	}
	eng, err := New(Options{ConfigFile: os.DevNull, Workers: 2})
	require.NoError(t, err)
	inputs := eng.Inputs([]string{dir})
	require.Len(t, inputs, 4)
	for _, in := range inputs {
		require.True(t, in.Regular && !in.Sized, "%s: listed, size not read", in.Path)
	}
	restore := eng.LimitMemory(inputs)
	defer restore()
	assertRuntime(t, SmallInputLimit, SmallInputGCPercent)
	read := func(i int) { eng.readInput(inputs[i], func(input.Record) {}) }
	read(0)
	read(1)
	assertRuntime(t, SmallInputLimit, SmallInputGCPercent) // 103 KB in hand
	read(2)
	assertRuntime(t, math.MaxInt64, 100) // 300 KB: the runtime's own pacing
	assertPlanLimit(t, eng, math.MaxInt64)
	read(3)
	assertRuntime(t, 8*(20<<20+200<<10)+64<<20, 100) // the two largest may be in hand
	assertPlanLimit(t, eng, 8*(20<<20+200<<10)+64<<20)
	restore()
	assertRuntime(t, math.MaxInt64, 100)
	assertPlanLimit(t, eng, math.MaxInt64)
}

// assertPlanLimit: Engine.MemoryLimit reports the limit the plan set,
// 0 where the runtime has none.
func assertPlanLimit(t *testing.T, eng *Engine, wantLimit int64) {
	t.Helper()
	if wantLimit == math.MaxInt64 {
		wantLimit = 0
	}
	assert.Equal(t, wantLimit, eng.MemoryLimit(), "the plan's limit")
}

// keepRuntimeSettings starts from the runtime's defaults and returns what
// puts the settings found back.
func keepRuntimeSettings() func() {
	limitBefore, gcBefore := debug.SetMemoryLimit(math.MaxInt64), debug.SetGCPercent(100)
	return func() { debug.SetMemoryLimit(limitBefore); debug.SetGCPercent(gcBefore) }
}

func assertRuntime(t *testing.T, wantLimit int64, wantGC int) {
	t.Helper()
	assert.Equal(t, wantLimit, debug.SetMemoryLimit(-1), "memory limit")
	gc := debug.SetGCPercent(100)
	debug.SetGCPercent(gc)
	assert.Equal(t, wantGC, gc, "GC percent")
}
