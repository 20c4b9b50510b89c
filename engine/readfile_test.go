package engine

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadRegularFile(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("the general reader reads every file here")
	}
	dir := t.TempDir()
	story := filepath.Join(dir, "story.txt")
	require.NoError(t, os.WriteFile(story, []byte("\u201cYes,\u201d said Ada Lind.\n"), 0o644))
	empty := filepath.Join(dir, "empty.txt")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))

	for _, c := range []struct {
		name    string
		path    string
		limit   int64
		want    string
		handled bool
	}{
		{"a story", story, 1 << 20, "\u201cYes,\u201d said Ada Lind.\n", true},
		{"an empty file", empty, 1 << 20, "", true},
		{"over the limit: the general reader says so", story, 4, "", false},
		{"a folder", dir, 1 << 20, "", false},
		{"missing: the general reader names the error", filepath.Join(dir, "nope.txt"), 1 << 20, "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, handled := readRegularFile(c.path, c.limit)
			assert.Equal(t, c.handled, handled)
			assert.Equal(t, c.want, string(data))
		})
	}
}
