package engine

import (
	"context"
	"io"
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
