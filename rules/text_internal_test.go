package rules

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// shortBefore is short as it was first written, which messages must keep
// printing.
func shortBefore(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

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

func TestShortKeepsItsOutput(t *testing.T) {
	for _, s := range messageTexts {
		for _, n := range []int{1, 5, 40} {
			assert.Equal(t, shortBefore(s, n), short(s, n), "%q %d", s, n)
		}
	}
}

func FuzzMessageText(f *testing.F) {
	for _, s := range messageTexts {
		f.Add(s, 40)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		if q := quoted(s); q != strconv.Quote(s) {
			t.Fatalf("quoted(%q) = %s", s, q)
		}
		if n < 1 || n > 100 {
			return
		}
		if got, want := short(s, n), shortBefore(s, n); got != want {
			t.Fatalf("short(%q, %d) = %q, want %q", s, n, got, want)
		}
	})
}
