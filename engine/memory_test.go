package engine

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/checker"
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
}
