package rules

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

var messageTexts = []string{
	"", "Ilse Castellane", `she said "no"`, `back\slash`, "tab\there", "\x00\x7f",
	"We’ll keep the school open as long as the numbers allow, whatever it costs",
	"  spaced   out\n words  ", "caf\u00e9 \U0001F600 and more words to pass forty runes",
	"bad \xff utf-8 \xe2\x80 in a long enough quotation to be cut short here", "\u2028",
}

func TestQuotedIsStrconvQuote(t *testing.T) {
	for _, s := range messageTexts {
		assert.Equal(t, strconv.Quote(s), quoted(s), "%q", s)
	}
}

func FuzzQuoted(f *testing.F) {
	for _, s := range messageTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if q := quoted(s); q != strconv.Quote(s) {
			t.Fatalf("quoted(%q) = %s", s, q)
		}
	})
}

// The readings the faster helpers replaced, kept as the reference.
func firstWordByFields(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}

func ellipsisBySearches(s string) (int, int) {
	best, n := -1, 0
	for _, e := range []string{". . .", "...", "…"} {
		if i := strings.Index(s, e); i >= 0 && (best < 0 || i < best) {
			best, n = i, len(e)
		}
	}
	return best, n
}

var cueAndQuoteTexts = append([]string{
	"said", "  said in a statement", "\u00a0told\u2003reporters", "claimed\tlater", "said\u0085then",
	"wait... what", "wait. . . what", "so … then", ". .. ...", "…...", "a.b.c. . .", "x . . . .", ".",
	"caf\u00e9 said", "\xe2\x80 said...", "..", ". .", "end…",
}, messageTexts...)

func TestFirstWordAndEllipsisMatchTheirReferences(t *testing.T) {
	for _, s := range cueAndQuoteTexts {
		assert.Equal(t, firstWordByFields(s), firstWord(s), "%q", s)
		wi, wn := ellipsisBySearches(s)
		gi, gn := ellipsisAt(s)
		assert.Equal(t, [2]int{wi, wn}, [2]int{gi, gn}, "%q", s)
	}
}

func FuzzFirstWordAndEllipsis(f *testing.F) {
	for _, s := range cueAndQuoteTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := firstWord(s), firstWordByFields(s); got != want {
			t.Fatalf("firstWord(%q) = %q, want %q", s, got, want)
		}
		wi, wn := ellipsisBySearches(s)
		if gi, gn := ellipsisAt(s); gi != wi || gn != wn {
			t.Fatalf("ellipsisAt(%q) = %d, %d, want %d, %d", s, gi, gn, wi, wn)
		}
	})
}
