package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExpand: a folder is walked as batch walks it (article files only,
// hidden folders skipped, in walk order), globs are expanded, missing
// files are kept for the reader to report, and the pipeline's own outputs
// are left out.
func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.jsonl", "a/b.jsonl.gz", "a/notes.bin", ".hidden/c.jsonl", "out/part-00000-of-00001.jsonl", "z.md"} {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("{}\n"), 0o644))
	}
	fn := &expandFn{Skip: []string{filepath.Join(dir, "out", "part")}}
	for _, tc := range []struct {
		name, input string
		want        []string
	}{
		{"folder", dir, []string{"a/b.jsonl.gz", "a.jsonl", "z.md"}},
		{"glob", filepath.Join(dir, "*.jsonl"), []string{"a.jsonl"}},
		{"missing file", filepath.Join(dir, "gone.jsonl"), []string{"gone.jsonl"}},
		{"output folder", filepath.Join(dir, "out"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			require.NoError(t, fn.ProcessElement(context.Background(), tc.input, func(p string) {
				rel, err := filepath.Rel(dir, p)
				require.NoError(t, err)
				got = append(got, filepath.ToSlash(rel))
			}))
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestHiddenBelow(t *testing.T) {
	assert.True(t, hiddenBelow("gs://b/archive/", "gs://b/archive/.tmp/x.jsonl"))
	assert.False(t, hiddenBelow("gs://b/.archive/", "gs://b/.archive/x.jsonl"))
	assert.False(t, hiddenBelow("gs://b/archive/", "gs://b/archive/2031/x.jsonl"))
}
