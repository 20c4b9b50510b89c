package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// benchCorpus writes the fictional stories under testdata (every .txt
// file, each a real-shaped news story) again and again until total bytes,
// as many files of about fileSize bytes, and returns the folder and the
// bytes written.
func benchCorpus(b *testing.B, total, fileSize int) (string, int64) {
	b.Helper()
	var stories []string
	err := filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			data, err := os.ReadFile(p)
			if err == nil && len(data) > 200 {
				stories = append(stories, string(data))
			}
		}
		return nil
	})
	require.NoError(b, err)
	require.NotEmpty(b, stories)
	dir := b.TempDir()
	var written int64
	for n := 0; written < int64(total); n++ {
		var file strings.Builder
		for i := 0; file.Len() < fileSize; i++ {
			file.WriteString(stories[(n*7+i)%len(stories)])
			file.WriteString("\n\n")
		}
		require.NoError(b, os.WriteFile(filepath.Join(dir, fmt.Sprintf("story-%05d.txt", n)), []byte(file.String()), 0o644))
		written += int64(file.Len())
	}
	return dir, written
}

// BenchmarkCheckCLI measures `quotecheck check --format json` end to end,
// in-process: reading, extraction, rules, the report and its encoding
// (text format too, for the cost of the JSON). A 32 MB document shows
// that cost stays linear; it takes a while, so leave it out when
// comparing cores:
//
//	go test ./internal/cli -run '^$' -bench 'CheckCLI/(files|one)' -cpu 1,2
//	go test ./internal/cli -run '^$' -bench 'CheckCLI/document-32MB' -cpu 1
func BenchmarkCheckCLI(b *testing.B) {
	for _, c := range []struct {
		name            string
		format          string
		total, fileSize int
	}{
		{"files-10KB", "json", 4 << 20, 10 << 10},
		{"files-10KB-text", "text", 4 << 20, 10 << 10},
		{"one-file-4MB", "json", 4 << 20, 4 << 20},
		{"document-1MB", "json", 1 << 20, 1 << 20},
		{"document-32MB", "json", 32 << 20, 32 << 20},
	} {
		b.Run(c.name, func(b *testing.B) {
			dir, n := benchCorpus(b, c.total, c.fileSize)
			b.SetBytes(n)
			b.ResetTimer()
			for b.Loop() {
				code := Run([]string{"quotecheck", "check", "--format", c.format, "--fail-on", "never", "--config", os.DevNull, dir}, strings.NewReader(""), io.Discard, io.Discard)
				if code != ExitClean {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
