package rules

import (
	"strconv"
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
