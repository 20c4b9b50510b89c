package cli

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckSetsMemoryLimit: a large input sets the runtime's soft memory
// limit to the engine's budget, unless GOMEMLIMIT says otherwise.
func TestCheckSetsMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	big := filepath.Join(t.TempDir(), "big.txt")
	f, err := os.Create(big)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(20<<20)) // sparse, and binary: an input error
	require.NoError(t, f.Close())
	small := filepath.Join(t.TempDir(), "small.txt")
	require.NoError(t, os.WriteFile(small, []byte("\"It works,\" she said.\n"), 0o644))

	tests := []struct {
		name, envLimit, path string
		want                 int64
	}{
		{"small input: left alone", "", small, math.MaxInt64},
		{"large input: 8 bytes a byte plus 64 MB", "", big, 8*(20<<20) + 64<<20},
		{"GOMEMLIMIT wins", "1GiB", big, math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			debug.SetMemoryLimit(math.MaxInt64)
			t.Setenv("GOMEMLIMIT", tt.envLimit)
			runCLI("check", "--config", os.DevNull, "-j", "1", tt.path)
			assert.Equal(t, tt.want, debug.SetMemoryLimit(-1))
		})
	}
}
