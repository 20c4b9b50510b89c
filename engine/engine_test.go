package engine

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/config"
	"github.com/quotecheck/quotecheck/input"
)

const anonymousStory = "\"The deal is dead,\" a senior official said.\n"

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, data, 0o644))
}

func rulesOf(rs []checker.Result) []string {
	var out []string
	for _, r := range rs {
		for _, f := range r.Findings {
			out = append(out, f.Rule)
		}
	}
	return out
}

func TestSettingsPerPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(config.EnvVar, "")
	writeFile(t, filepath.Join(dir, "quiet", config.FileName), []byte("rules:\n  anonymous-source: off\n  anonymous-no-reason: off\n"))
	writeFile(t, filepath.Join(dir, "quiet", "a.txt"), []byte(anonymousStory))
	writeFile(t, filepath.Join(dir, "b.txt"), []byte(anonymousStory))

	eng, err := New(Options{Overrides: config.Overrides{Severity: []config.SeverityOverride{{Rule: "anonymous-source", Severity: checker.Error}}}})
	require.NoError(t, err)
	ctx := context.Background()
	// a --severity turns its rule on over the file's off, as it says
	assert.Equal(t, []string{"anonymous-source"}, rulesOf(eng.Check(ctx, checker.Input{Path: filepath.Join(dir, "quiet", "a.txt")})))
	b := eng.Check(ctx, checker.Input{Path: filepath.Join(dir, "b.txt")})
	assert.Contains(t, rulesOf(b), "anonymous-source")

	cfg, err := eng.Config(filepath.Join(dir, "quiet", "a.txt"))
	require.NoError(t, err)
	assert.Equal(t, config.Origin{Kind: config.FromFlag, Name: "--severity"}, cfg.Rule("anonymous-source").SeverityFrom)
	assert.Equal(t, config.FromFile, cfg.Rule("anonymous-no-reason").EnabledFrom.Kind)

	_, err = New(Options{Overrides: config.Overrides{Disable: []string{"no-such-rule"}}})
	var ue *UsageError
	assert.ErrorAs(t, err, &ue)
}

func TestReaderFormats(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(strings.Repeat("x", 5000)))
	zw.Close()
	tests := []struct {
		name    string
		file    string
		data    []byte
		max     int64
		results int
		err     string
	}{
		{"text", "a.txt", []byte(anonymousStory), 0, 1, ""},
		{"gzip text", "a.txt.gz", gzipBytes(t, anonymousStory), 0, 1, ""},
		{"gzip json lines", "a.jsonl.gz", gzipBytes(t, `{"text":"one"}`+"\n"+`{"text":"two"}`+"\n"), 0, 2, ""},
		{"gzip under a plain name", "a.txt", gzipBytes(t, anonymousStory), 0, 1, ""},
		{"not gzip though named so", "b.txt.gz", []byte(anonymousStory), 0, 1, "not gzip-compressed"},
		{"decompressed past the limit", "big.txt.gz", gz.Bytes(), 1000, 1, "above the 1000 byte limit"},
		{"too large", "big.txt", []byte(strings.Repeat("x", 2000)), 1000, 1, "above the 1000 byte limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			writeFile(t, path, tt.data)
			eng, err := New(Options{ConfigFile: os.DevNull, Input: inputMax(tt.max)})
			require.NoError(t, err)
			rs := eng.Check(context.Background(), checker.Input{Path: path})
			require.Len(t, rs, tt.results)
			if tt.err == "" {
				assert.NoError(t, rs[0].Err)
			} else {
				require.Error(t, rs[0].Err)
				assert.Contains(t, rs[0].Err.Error(), tt.err)
			}
		})
	}
}

func TestStoryIsOne(t *testing.T) {
	eng, err := New(Options{ConfigFile: os.DevNull})
	require.NoError(t, err)
	r := eng.Story(context.Background(), "s.jsonl", "-", []byte(`{"text":"one"}`+"\n"+`{"text":"two"}`+"\n"), "")
	assert.ErrorContains(t, r.Err, "holds 2 articles")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r = eng.Story(ctx, "s.txt", "-", []byte(anonymousStory), "")
	assert.ErrorIs(t, r.Err, context.Canceled)
}

func TestReadSized(t *testing.T) {
	data, err := readSized(strings.NewReader("hello world"), 5, 100)
	require.NoError(t, err)
	assert.Equal(t, "hello world", string(data), "a file that grew is read whole")
	_, err = readSized(strings.NewReader("hello world"), 5, 8)
	var tl *article.TooLargeError
	assert.ErrorAs(t, err, &tl)
	data, err = readSized(strings.NewReader("hi"), 5, 100)
	require.NoError(t, err)
	assert.Equal(t, "hi", string(data), "a file that shrank")
}

func gzipBytes(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func inputMax(n int64) input.Options { return input.Options{MaxSize: n} }

// TestSourcesPerPath: each story is verified against its own config's
// sources; a source that cannot be read is reported once and left out.
func TestSourcesPerPath(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(config.EnvVar, "")
	story := []byte("\"The pool will reopen in March,\" said Lena Maris, the parks director.\n")
	writeFile(t, filepath.Join(dir, "pool", config.FileName), []byte("sources: [interview.txt, missing.srt]\n"))
	writeFile(t, filepath.Join(dir, "pool", "interview.txt"), []byte("MARIS: The pool will reopen in May.\n"))
	writeFile(t, filepath.Join(dir, "pool", "story.txt"), story)
	writeFile(t, filepath.Join(dir, "other", "story.txt"), story)

	var reported []error
	eng, err := New(Options{SourceError: func(err error) { reported = append(reported, err) }})
	require.NoError(t, err)
	ctx := context.Background()
	for range 2 {
		rs := eng.Check(ctx, checker.Input{Path: filepath.Join(dir, "pool", "story.txt")})
		require.Len(t, rs, 1)
		require.Len(t, rs[0].Verifications, 1)
		assert.Contains(t, rulesOf(rs), "misquote")
	}
	assert.Len(t, reported, 1, "the missing source is reported once")
	assert.Equal(t, 1, eng.SourceErrors())

	other := eng.Check(ctx, checker.Input{Path: filepath.Join(dir, "other", "story.txt")})
	assert.Empty(t, other[0].Verifications, "no sources, no verification")
	assert.NotContains(t, rulesOf(other), "quote-not-in-source")
}
