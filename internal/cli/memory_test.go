package cli

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/engine"
)

// TestCheckSetsMemoryLimit: a large input sets the runtime's soft memory
// limit to the engine's budget, small inputs are collected less often
// within a small limit, the environment wins, and the settings come back
// once the check is done.
func TestCheckSetsMemoryLimit(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(big)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(20<<20)) // sparse, and binary: an input error
	require.NoError(t, f.Close())
	small := filepath.Join(t.TempDir(), "small.txt")
	require.NoError(t, os.WriteFile(small, []byte("\"It works,\" she said.\n"), 0o644))
	eng, err := engine.New(engine.Options{ConfigFile: os.DevNull, Workers: 1})
	require.NoError(t, err)

	tests := []struct {
		name, envGC, envLimit, path string
		wantLimit                   int64
		wantGC                      int
	}{
		{"small input: collected less often, within 64 MB", "", "", small, 64 << 20, engine.SmallInputGCPercent},
		{"small input with GOGC: left alone", "100", "", small, math.MaxInt64, 100},
		{"large input: 8 bytes a byte plus 64 MB", "", "", big, 8*(20<<20) + 64<<20, 100},
		{"GOMEMLIMIT wins", "", "1GiB", big, math.MaxInt64, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOGC", tt.envGC)
			t.Setenv("GOMEMLIMIT", tt.envLimit)
			limitBefore, gcBefore := debug.SetMemoryLimit(math.MaxInt64), debug.SetGCPercent(100)
			defer func() { debug.SetMemoryLimit(limitBefore); debug.SetGCPercent(gcBefore) }()

			restore := limitMemory(eng, eng.Inputs([]string{tt.path}))
			assert.Equal(t, tt.wantLimit, debug.SetMemoryLimit(-1))
			gc := debug.SetGCPercent(100)
			debug.SetGCPercent(gc)
			assert.Equal(t, tt.wantGC, gc)
			restore()
			assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "limit restored")
			gc = debug.SetGCPercent(100)
			assert.Equal(t, 100, gc, "GC percent restored")
		})
	}
}
