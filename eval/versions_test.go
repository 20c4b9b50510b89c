package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/internal/testnote"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/rules"
)

// versionsCorpus finds the shared development corpus: ../shared/corpus/dev
// next to the module root, or "" when it is absent.
func versionsCorpus(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			corpus := filepath.Join(dir, "..", "shared", "corpus", "dev")
			if _, err := os.Stat(corpus); err != nil {
				return ""
			}
			return corpus
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func loadCorpus(t *testing.T, dir string) []Gold {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var out []Gold
	for _, f := range files {
		golds, err := LoadGold(f)
		require.NoError(t, err)
		out = append(out, golds...)
	}
	return out
}

// TestVersionChangesDev holds `quotecheck diff` to the thresholds
// on the versions in the shared development corpus: change precision and
// recall at least 0.95, and no change reported that the gold does not list.
func TestVersionChangesDev(t *testing.T) {
	dir := versionsCorpus(t)
	if dir == "" {
		testnote.Skip(t, "../shared/corpus/dev not found next to the repository: version changes not measured")
	}
	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(t, err)
	s := NewScore()
	versions := 0
	for _, g := range loadCorpus(t, dir) {
		if len(g.Versions) == 0 {
			continue
		}
		versions += len(g.Versions)
		s.AddVersions(chk, &g, chk.CheckText(g.ID, g.Text).Doc)
	}
	require.NotZero(t, versions, "no gold article in %s has versions", dir)
	for _, m := range s.Mistakes {
		t.Logf("%s: %s: %s", m.Article, m.Kind, m.Detail)
	}
	t.Logf("%d versions: change precision %.3f, recall %.3f (tp %d, fp %d, fn %d)", versions,
		s.Changes.Precision(), s.Changes.Recall(), s.Changes.TP, s.Changes.FP, s.Changes.FN)
	assert.GreaterOrEqual(t, s.Changes.Precision(), 0.95, "change precision")
	assert.GreaterOrEqual(t, s.Changes.Recall(), 0.95, "change recall")
	assert.Zero(t, s.Changes.FP, "changes reported that the gold does not list")
}

// narrativeEdits rewrites the paragraphs of an article that hold no
// quotation marks and leaves every quoting paragraph as it was: a
// sentence added to the lead, a paragraph inserted, one reworded, one
// deleted, and two swapped.
func narrativeEdits(doc *article.Document) (string, int) {
	quoting := map[int]bool{}
	for i := range doc.Quotes {
		quoting[doc.Quotes[i].Paragraph] = true
	}
	var paras []string
	var free []int
	for i, p := range doc.Paragraphs {
		text := doc.Slice(p.Span)
		if !quoting[i] && !p.Heading && !strings.ContainsAny(text, "\"“”‘") {
			free = append(free, len(paras))
		}
		paras = append(paras, text)
	}
	edits := 0
	if len(free) > 0 {
		paras[free[0]] += " Officials gave no further details on Thursday."
		edits++
	}
	if len(free) > 1 {
		paras[free[1]] = strings.Replace(paras[free[1]], " the ", " this ", 1)
		edits++
	}
	if len(free) > 3 {
		a, b := free[2], free[3]
		paras[a], paras[b] = paras[b], paras[a]
		edits++
	}
	if len(free) > 4 {
		paras[free[4]] = ""
		edits++
	}
	var out []string
	for i, p := range paras {
		if p != "" {
			out = append(out, p)
		}
		if i == 1 {
			out = append(out, "The figures could not be independently verified.")
			edits++
		}
	}
	return strings.Join(out, "\n\n") + "\n", edits
}

// TestNarrativeEditsNotReported edits only the narrative of every
// article in the development corpus, and of each of its versions, and
// requires that no quote change is reported.
func TestNarrativeEditsNotReported(t *testing.T) {
	dir := versionsCorpus(t)
	if dir == "" {
		testnote.Skip(t, "../shared/corpus/dev not found next to the repository: narrative edits not checked")
	}
	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(t, err)
	for _, g := range loadCorpus(t, dir) {
		texts := []string{g.Text}
		for _, v := range g.Versions {
			texts = append(texts, v.Text)
		}
		for k, text := range texts {
			old := chk.CheckText(g.ID, text).Doc
			edited, edits := narrativeEdits(old)
			require.NotZero(t, edits)
			t.Logf("%s (text %d): %d narrative edits", g.ID, k, edits)
			new := chk.CheckText(g.ID+"-edited", edited).Doc
			for _, f := range chk.Compare(old, new) {
				t.Errorf("%s (text %d): narrative-only edit reported: %s: %s", g.ID, k, f.Rule, f.Message)
			}
		}
	}
}
