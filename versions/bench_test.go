package versions_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/extract"
	"github.com/quotecheck/quotecheck/versions"
)

// genPara is one paragraph of a generated article.
type genPara struct {
	quote   []string // words of the quotation; nil for narrative
	speaker int
	text    []string // words of a narrative paragraph
}

var (
	genFirst = []string{"Ada", "Teodor", "Wren", "Ines", "Hal", "Priya", "Miles", "Rosa", "Gus", "Odile", "Bram", "Coral"}
	genLast  = []string{"Marsh", "Lisk", "Dacey", "Calder", "Berwick", "Anand", "Orrin", "Vint", "Hallam", "Fenwick", "Tully", "Quarle"}
	genRole  = []string{"the harbour master", "a councillor", "the auctioneer", "a skipper", "the mayor", "a librarian"}
)

func genWords(r *rand.Rand, n int) []string {
	common := []string{"the", "and", "we", "it", "of", "to", "a", "in", "that", "is"}
	out := make([]string, n)
	for i := range out {
		if r.IntN(3) == 0 {
			out[i] = common[r.IntN(len(common))]
		} else {
			out[i] = word(r.IntN(5000))
		}
	}
	return out
}

func genSpeaker(i int) string {
	return genFirst[i%len(genFirst)] + " " + genLast[i/len(genFirst)%len(genLast)]
}

func (p genPara) render() string {
	if p.quote == nil {
		return strings.Join(p.text, " ") + "."
	}
	return fmt.Sprintf("%q said %s, %s.", strings.Join(p.quote, " ")+",", genSpeaker(p.speaker), genRole[p.speaker%len(genRole)])
}

func render(paras []genPara) string {
	parts := make([]string, len(paras))
	for i, p := range paras {
		parts[i] = p.render()
	}
	return "Generated story for the benchmark\n\n" + strings.Join(parts, "\n\n") + "\n"
}

// genPair builds two versions of a generated article of about size bytes
// and counts the quote changes made between them.
func genPair(size int) (old, new string, made map[versions.Type]int) {
	r := rand.New(rand.NewPCG(1, 2))
	var paras []genPara
	for n := 0; n < size; {
		var p genPara
		if r.IntN(2) == 0 {
			p = genPara{text: append([]string{"Officials"}, genWords(r, 10+r.IntN(20))...)}
		} else {
			p = genPara{quote: append([]string{"We"}, genWords(r, 8+r.IntN(25))...), speaker: r.IntN(144)}
		}
		paras = append(paras, p)
		n += len(p.render()) + 2
	}
	made = map[versions.Type]int{}
	var next []genPara
	for _, p := range paras {
		roll := r.IntN(100)
		switch {
		case p.quote == nil && roll < 5: // narrative edit
			q := p
			q.text = append(append([]string(nil), p.text...), "meanwhile")
			next = append(next, q)
		case p.quote == nil:
			next = append(next, p)
		case roll < 3: // reworded
			q := p
			q.quote = append(append([]string(nil), p.quote[:3]...), append([]string{"truly"}, p.quote[4:]...)...)
			next = append(next, q)
			made[versions.Changed]++
		case roll < 4: // cut
			made[versions.Removed]++
		case roll < 5: // re-attributed
			q := p
			q.speaker = (p.speaker + 1) % 144
			next = append(next, q)
			made[versions.SpeakerChanged]++
		case roll < 6: // a new quote after this one
			next = append(next, p, genPara{quote: append([]string{"We"}, genWords(r, 12)...), speaker: r.IntN(144)})
			made[versions.Added]++
		default:
			next = append(next, p)
		}
	}
	// Move some paragraphs further down.
	for k := 0; k < len(next)/50; k++ {
		i, j := r.IntN(len(next)), r.IntN(len(next))
		next[i], next[j] = next[j], next[i]
	}
	return render(paras), render(next), made
}

func extracted(path, text string) *article.Document {
	doc := article.New(path, text)
	extract.Extract(doc)
	return doc
}

func TestGeneratedPair(t *testing.T) {
	oldText, newText, made := genPair(200 << 10)
	got := map[versions.Type]int{}
	for _, c := range versions.Compare(extracted("old", oldText), extracted("new", newText)) {
		got[c.Type]++
	}
	require.NotEmpty(t, made)
	assert.Equal(t, made, got)
}

// BenchmarkCompare aligns and diffs the quotes of two extracted ~1 MB
// versions.
func BenchmarkCompare(b *testing.B) {
	oldText, newText, _ := genPair(1 << 20)
	old, new := extracted("old", oldText), extracted("new", newText)
	b.SetBytes(int64(len(oldText) + len(newText)))
	for b.Loop() {
		versions.Compare(old, new)
	}
}

// BenchmarkDiffDocuments is the whole of `quotecheck diff` on two ~1 MB
// versions short of reading files: extract both, then compare.
func BenchmarkDiffDocuments(b *testing.B) {
	oldText, newText, _ := genPair(1 << 20)
	b.SetBytes(int64(len(oldText) + len(newText)))
	for b.Loop() {
		versions.Compare(extracted("old", oldText), extracted("new", newText))
	}
}
