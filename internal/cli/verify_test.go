package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A fictional story checked against a fictional interview: q1 is in the
// record, q2 is not.
const (
	verifyStory = "\"The pool will reopen in March,\" said Lena Maris, the parks director.\n\n" +
		"\"We have never closed a pool in winter,\" Maris said.\n"
	verifyInterview = "Q: When does the pool reopen?\nMARIS: Um, the pool will reopen in March.\n"
)

func TestVerifySourcesFromConfig(t *testing.T) {
	tests := []struct {
		name     string
		config   string
		args     []string
		severity string // of quote-not-in-source on q2
	}{
		{"config sources", "sources: [interview.txt]\n", nil, "warning"},
		{"config sources declared partial", "sources: [interview.txt]\nsources-partial: true\n", nil, "info"},
		{"config sources-partial false", "sources: [interview.txt]\nsources-partial: false\n", nil, "warning"},
		{"--partial flag", "sources: [interview.txt]\n", []string{"--partial"}, "info"},
		{"--source flag, config declares partial", "sources-partial: yes\n", []string{"--source", "interview.txt"}, "info"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := isolate(t)
			write(t, dir, "interview.txt", []byte(verifyInterview))
			write(t, dir, ".quotecheck.yaml", []byte(tt.config))
			write(t, dir, "story.txt", []byte(verifyStory))
			r := execCLI(t, "", append([]string{"verify", "story.txt"}, tt.args...)...)
			assert.Equal(t, ExitClean, r.code, r.stderr)
			assert.Contains(t, r.stdout, "q1 verbatim")
			assert.Contains(t, r.stdout, "q2 not-found")
			assert.Contains(t, r.stdout, ": "+tt.severity+": ")
			assert.Contains(t, r.stdout, "[quote-not-in-source]")
		})
	}
}

func TestConfigShowSources(t *testing.T) {
	dir := isolate(t)
	write(t, dir, ".quotecheck.yaml", []byte("sources: [interview.txt]\nsources-partial: true\n"))
	r := execCLI(t, "", "config", "show")
	assert.Equal(t, ExitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "interview.txt (.quotecheck.yaml:1)")
	assert.Contains(t, r.stdout, "sources-partial: true (.quotecheck.yaml:2)")
}

func TestConfigShowSourceFlags(t *testing.T) {
	dir := isolate(t)
	write(t, dir, ".quotecheck.yaml", []byte("sources: [interview.txt]\n"))
	r := execCLI(t, "", "config", "show", "--source", "call.txt", "--partial")
	assert.Equal(t, ExitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "call.txt (--source)")
	assert.NotContains(t, r.stdout, "interview.txt")
	assert.Contains(t, r.stdout, "sources-partial: true (--partial)")
}

func TestReportWithSources(t *testing.T) {
	dir := isolate(t)
	write(t, dir, "interview.txt", []byte(verifyInterview))
	write(t, dir, "story.txt", []byte(verifyStory))
	r := execCLI(t, "", "report", "story.txt", "--source", "interview.txt", "--source", "missing.srt", "--html", "out.html")
	assert.Equal(t, ExitError, r.code, "an unreadable source is exit 2")
	assert.Contains(t, r.stderr, "source error: missing.srt")
	assert.Contains(t, r.stderr, "2 checked against the sources")
	page, err := os.ReadFile(filepath.Join(dir, "out.html"))
	require.NoError(t, err, "the page is written with the other sources")
	assert.Contains(t, string(page), `id="v-q1"`)
	assert.Contains(t, string(page), `id="v-q2"`)
	assert.Contains(t, string(page), "In the record")

	r = execCLI(t, "", "report", "story.txt", "--html", "plain.html")
	assert.Equal(t, ExitClean, r.code, r.stderr)
	plain, err := os.ReadFile(filepath.Join(dir, "plain.html"))
	require.NoError(t, err)
	assert.NotContains(t, string(plain), `id="v-q1"`)
}
