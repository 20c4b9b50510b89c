package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBatchCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "results.jsonl")
	code, stdout, stderr := runCLI("batch", "../../testdata/batch/desk.jsonl", "--out", out,
		"--quotes", filepath.Join(dir, "q.csv"), "--sources", filepath.Join(dir, "s.csv"), "--summary", filepath.Join(dir, "s.html"))
	assert.Equal(t, ExitClean, code, stderr)
	assert.Empty(t, stdout)
	for _, want := range []string{"SUMMARY", "quotations", "TOP ANONYMOUS DESCRIPTIONS", "MOST QUOTED SOURCES", "FINDINGS PER RULE",
		"BY SECTION", "BY AUTHOR", "BY MONTH", "5 records read, 5 checked, 0 failed"} {
		assert.Contains(t, stderr, want)
	}
	for _, f := range []string{"results.jsonl", "q.csv", "s.csv", "s.html"} {
		st, err := os.Stat(filepath.Join(dir, f))
		require.NoError(t, err)
		assert.Positive(t, st.Size(), f)
	}

	// Any failed record: exit 2, after reporting the rest.
	code, stdout, stderr = runCLI("batch", "--quiet", "../../testdata/batch/damaged.jsonl")
	assert.Equal(t, ExitError, code)
	assert.Equal(t, 11, strings.Count(stdout, "\n"), "the reports go to standard output without --out")
	assert.NotContains(t, stderr, "SUMMARY", "--quiet prints no figures")
	assert.Contains(t, stderr, "11 records read, 8 checked, 3 failed")

	// --resume needs --out.
	code, _, stderr = runCLI("batch", "--resume", "../../testdata/batch/desk.jsonl")
	assert.Equal(t, ExitError, code)
	assert.Contains(t, stderr, "--resume")

	// A finished run resumed: nothing new, the same file.
	before, err := os.ReadFile(out)
	require.NoError(t, err)
	code, _, stderr = runCLI("batch", "-q", "--resume", "--out", out, "../../testdata/batch/desk.jsonl")
	assert.Equal(t, ExitClean, code, stderr)
	assert.Contains(t, stderr, "5 of them already in the output")
	after, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after))

	code, _, stderr = runCLI("batch")
	assert.Equal(t, ExitError, code)
	assert.Contains(t, stderr, "no paths given")
}
