package batch

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSummaryWithoutCSVs: a run without the CSV files builds only the
// part of each record's model that the summary reads; its output lines,
// figures and HTML summary are those of a run that builds it all.
func TestSummaryWithoutCSVs(t *testing.T) {
	for _, archive := range []string{deskArchive, damagedArchive} {
		full, light := t.TempDir(), t.TempDir()
		fullStats := runBatch(t, Options{Paths: []string{archive}, Workers: 2,
			Out: filepath.Join(full, "results.jsonl"), Summary: filepath.Join(full, "summary.html"),
			Quotes: filepath.Join(full, "quotes.csv"), Sources: filepath.Join(full, "sources.csv")})
		lightStats := runBatch(t, Options{Paths: []string{archive}, Workers: 2,
			Out: filepath.Join(light, "results.jsonl"), Summary: filepath.Join(light, "summary.html")})
		assert.Equal(t, fullStats.Figures, lightStats.Figures, archive)
		for _, name := range []string{"results.jsonl", "summary.html"} {
			want, err := os.ReadFile(filepath.Join(full, name))
			require.NoError(t, err)
			got, err := os.ReadFile(filepath.Join(light, name))
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got), "%s of %s", name, archive)
		}
	}
}
