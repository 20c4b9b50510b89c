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

	text := "\u201cYes,\u201d said Ada Lind.\n"
	size := int64(len(text))
	for _, c := range []struct {
		name    string
		path    string
		limit   int64
		listed  int64 // the size the folder listing found, 0 for none
		want    string
		handled bool
	}{
		{"a story", story, 1 << 20, 0, text, true},
		{"a story listed at its size: no fstat", story, 1 << 20, size, text, true},
		{"listed smaller: it grew since, the general reader reads it all", story, 1 << 20, size - 3, "", false},
		{"listed larger: it shrank since", story, 1 << 20, size + 5, text, true},
		{"listed over the limit: fstat decides", story, 4, size, "", false},
		{"an empty file", empty, 1 << 20, 0, "", true},
		{"over the limit: the general reader says so", story, 4, 0, "", false},
		{"a folder", dir, 1 << 20, 0, "", false},
		{"a folder said to be a file", dir, 1 << 20, 10, "", false},
		{"missing: the general reader names the error", filepath.Join(dir, "nope.txt"), 1 << 20, 0, "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, handled := readRegularFile(c.path, c.limit, c.listed)
			assert.Equal(t, c.handled, handled)
			assert.Equal(t, c.want, string(data))
		})
	}
}
