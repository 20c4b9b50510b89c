package checker_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/quotecheck/quotecheck/checker"
)

// TestArticleFoldersHoldOnlyArticles: a folder walk reads every article
// file, a README.md too, so the folders of test stories hold stories only
// (their notes are in testdata/README.md) and `check testdata/articles/`,
// as the README shows it, checks articles and nothing else.
func TestArticleFoldersHoldOnlyArticles(t *testing.T) {
	for _, folder := range []string{"articles", "xss", "inputs", "versions", "batch"} {
		for _, in := range checker.ExpandPaths([]string{filepath.Join("..", "testdata", folder)}) {
			assert.NoError(t, in.Err)
			name := strings.ToLower(filepath.Base(in.Path))
			assert.False(t, strings.HasPrefix(name, "readme") || strings.HasPrefix(name, "notes"), "%s is not an article", in.Path)
		}
	}
}
