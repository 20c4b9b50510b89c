package versions_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/extract"
	"github.com/quotecheck/quotecheck/versions"
)

// testdataDir finds testdata/versions at the module root.
func testdataDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata", "versions")
		}
		parent := filepath.Dir(dir)
		require.NotEqual(t, dir, parent, "go.mod not found above the test")
		dir = parent
	}
}

// load reads and extracts one version of a test article.
func load(t testing.TB, name, file string) *article.Document {
	t.Helper()
	path := filepath.Join(testdataDir(t), name, file)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	doc := article.New(path, string(data))
	extract.Extract(doc)
	return doc
}

// want describes one expected change.
type want struct {
	typ        versions.Type
	punctOnly  bool
	oldParts   int
	newParts   int
	oldContain string
	newContain string
}

func TestCompareVersionPairs(t *testing.T) {
	tests := []struct {
		name string
		want []want
	}{
		{"reworded", []want{{typ: versions.Changed, oldParts: 1, newParts: 1, oldContain: "long enough", newContain: "far too long"}}},
		{"punctuation", []want{
			{typ: versions.Changed, punctOnly: true, oldParts: 1, newParts: 1, oldContain: "We're not done", newContain: "We’re not done"},
			{typ: versions.Changed, punctOnly: true, oldParts: 1, newParts: 1, oldContain: "the storms", newContain: "The storms"},
		}},
		{"removed", []want{
			{typ: versions.Removed, oldParts: 1, oldContain: "slide in a PowerPoint"},
			{typ: versions.Removed, oldParts: 1, oldContain: "afterthought"},
		}},
		{"added", []want{{typ: versions.Added, newParts: 1, newContain: "under budget"}}},
		{"reattributed", []want{{typ: versions.SpeakerChanged, oldParts: 1, newParts: 1, oldContain: "never run a boat", newContain: "never run a boat"}}},
		{"reordered", nil},
		{"split", []want{{typ: versions.Changed, punctOnly: true, oldParts: 1, newParts: 2, oldContain: "in May and we", newContain: "in May, and we"}}},
		{"merged", []want{{typ: versions.Changed, oldParts: 2, newParts: 1, oldContain: "next year Pensioners", newContain: "next year and pensioners"}}},
		{"unchanged", nil},
		{"combined", []want{
			{typ: versions.Changed, oldParts: 1, newParts: 1, oldContain: "long enough", newContain: "far too long"},
			{typ: versions.Changed, punctOnly: true, oldParts: 1, newParts: 2, oldContain: "in May and we", newContain: "in May, and we"},
			{typ: versions.SpeakerChanged, oldParts: 1, newParts: 1, oldContain: "never run a boat", newContain: "never run a boat"},
			{typ: versions.Removed, oldParts: 1, oldContain: "notice pinned"},
			{typ: versions.Added, newParts: 1, newContain: "under budget"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, new := load(t, tt.name, "v1.txt"), load(t, tt.name, "v2.txt")
			got := versions.Compare(old, new)
			require.Len(t, got, len(tt.want), "changes: %+v", got)
			for i, w := range tt.want {
				c := got[i]
				assert.Equal(t, w.typ, c.Type, "change %d", i)
				assert.Equal(t, w.punctOnly, c.PunctuationOnly, "change %d: punctuation only", i)
				assert.Len(t, c.OldParts, w.oldParts, "change %d: old parts", i)
				assert.Len(t, c.NewParts, w.newParts, "change %d: new parts", i)
				assert.Contains(t, strings.ReplaceAll(c.OldText, ",", ""), strings.ReplaceAll(w.oldContain, ",", ""), "change %d: old text", i)
				assert.Contains(t, c.NewText, w.newContain, "change %d: new text", i)
				assert.Equal(t, c.Old == nil, w.oldParts == 0)
				assert.Equal(t, c.New == nil, w.newParts == 0)
				if c.Type == versions.Changed {
					o, n := versions.DiffTexts(c.Diff)
					assert.Equal(t, c.OldText, o, "the diff gives back the old text")
					assert.Equal(t, c.NewText, n, "the diff gives back the new text")
				} else {
					assert.Empty(t, c.Diff)
				}
			}
			// The same version against itself never changes.
			assert.Empty(t, versions.Compare(old, old))
			assert.Empty(t, versions.Compare(new, new))
		})
	}
}

func TestCompareIsDeterministic(t *testing.T) {
	for _, name := range []string{"merged", "split", "reordered", "punctuation"} {
		old, new := load(t, name, "v1.txt"), load(t, name, "v2.txt")
		first := versions.Compare(old, new)
		for i := 0; i < 20; i++ {
			assert.Equal(t, first, versions.Compare(old, new), name)
		}
	}
}

func TestAlignReordered(t *testing.T) {
	old, new := load(t, "reordered", "v1.txt"), load(t, "reordered", "v2.txt")
	pairs := versions.Align(old, new)
	require.Len(t, pairs, 3)
	for _, p := range pairs {
		require.Len(t, p.Old, 1)
		require.Len(t, p.New, 1)
		assert.Equal(t, old.QuoteText(p.Old[0]), new.QuoteText(p.New[0]))
	}
}

func TestWordDiff(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       []versions.DiffOp
	}{
		{"empty", "", "", nil},
		{"equal", "We are ready.", "We are ready.", []versions.DiffOp{{Op: versions.Equal, Text: "We are ready."}}},
		{"replace words", "Whether it survives is another story.", "Whether it survives is a different question.", []versions.DiffOp{
			{Op: versions.Equal, Text: "Whether it survives is "},
			{Op: versions.Delete, Text: "another story"},
			{Op: versions.Insert, Text: "a different question"},
			{Op: versions.Equal, Text: "."},
		}},
		{"insert word", "We will win.", "We will surely win.", []versions.DiffOp{
			{Op: versions.Equal, Text: "We will "},
			{Op: versions.Insert, Text: "surely "},
			{Op: versions.Equal, Text: "win."},
		}},
		{"delete word", "It is a very big mistake.", "It is a big mistake.", []versions.DiffOp{
			{Op: versions.Equal, Text: "It is a "},
			{Op: versions.Delete, Text: "very "},
			{Op: versions.Equal, Text: "big mistake."},
		}},
		{"whole words, not letters", "cat", "cart", []versions.DiffOp{
			{Op: versions.Delete, Text: "cat"},
			{Op: versions.Insert, Text: "cart"},
		}},
		{"typographic apostrophe", "We're here", "We’re here", []versions.DiffOp{
			{Op: versions.Delete, Text: "We're"},
			{Op: versions.Insert, Text: "We’re"},
			{Op: versions.Equal, Text: " here"},
		}},
		{"from nothing", "", "New words", []versions.DiffOp{{Op: versions.Insert, Text: "New words"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := versions.WordDiff(tt.a, tt.b)
			assert.Equal(t, tt.want, got)
			o, n := versions.DiffTexts(got)
			assert.Equal(t, tt.a, o)
			assert.Equal(t, tt.b, n)
		})
	}
}

// word returns a distinct pseudo-word for n.
func word(n int) string {
	const syll = "ka lo mi ne ru ta sho vi pe da"
	parts := strings.Fields(syll)
	var b strings.Builder
	for {
		b.WriteString(parts[n%len(parts)])
		n /= len(parts)
		if n == 0 {
			return b.String()
		}
	}
}

func TestWordDiffBoundedOnHugeRewrites(t *testing.T) {
	// Mostly rewritten quotes of thousands of words would take minutes
	// with an unbounded word diff; the diff falls back to sentences, then
	// to one deletion and one insertion, and still gives the texts back.
	r := rand.New(rand.NewPCG(1, 1))
	for _, tt := range []struct {
		name      string
		words     int
		sentences bool
	}{
		{"words", 900, false},
		{"sentences", 20000, true},
		{"one block", 20000, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var a, b strings.Builder
			for i := 0; i < tt.words; i++ {
				a.WriteString(word(r.IntN(3000)))
				b.WriteString(word(r.IntN(3000)))
				sep := " "
				if tt.sentences && i%12 == 11 {
					sep = ". "
				}
				a.WriteString(sep)
				b.WriteString(sep)
			}
			start := time.Now()
			ops := versions.WordDiff("Same start. "+a.String()+"same end.", "Same start. "+b.String()+"same end.")
			assert.Less(t, time.Since(start), 5*time.Second)
			o, n := versions.DiffTexts(ops)
			assert.Equal(t, "Same start. "+a.String()+"same end.", o)
			assert.Equal(t, "Same start. "+b.String()+"same end.", n)
			assert.Equal(t, versions.Equal, ops[0].Op)
			assert.Equal(t, versions.Equal, ops[len(ops)-1].Op)
		})
	}
}
