package article

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

// CollapseSpaces must agree with the strings functions it stands for.
func FuzzCollapseSpaces(f *testing.F) {
	for _, s := range []string{"Ilse Varga", " Ilse  Varga", "Ilse\nVarga", "Ilse Varga ", "Ilse\u00a0Varga", "caf\u00e9 x", "\xff y", "", " "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assert.Equal(t, strings.Join(strings.Fields(s), " "), CollapseSpaces(s), "%q", s)
	})
}

// Text already one space between words comes back as it is, not as a
// copy.
func TestCollapseSpacesKeepsCleanText(t *testing.T) {
	s := "Ilse Varga of the harbour board"
	assert.Equal(t, unsafe.StringData(s), unsafe.StringData(CollapseSpaces(s)))
	assert.Equal(t, "Ilse Varga", CollapseSpaces("  Ilse\n Varga "))
}

// shortenByRunes is what Shorten computes, written the plain way: the
// messages, tables and HTML that print shortened text must keep printing
// the same.
func shortenByRunes(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if n <= 0 || len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

var shortenTexts = []string{
	"", "Ilse Castellane", "We’ll keep the school open as long as the numbers allow, whatever it costs",
	"  spaced   out\n words  ", "caf\u00e9 \U0001F600 and more words to pass forty runes",
	"bad \xff utf-8 \xe2\x80 in a long enough quotation to be cut short here",
}

func TestShorten(t *testing.T) {
	for _, s := range shortenTexts {
		for _, n := range []int{-1, 0, 1, 5, 40} {
			want := shortenByRunes(s, n)
			if n <= 0 || len([]rune(CollapseSpaces(s))) <= n {
				want = CollapseSpaces(s) // uncut text keeps its bytes, invalid ones too
			}
			assert.Equal(t, want, Shorten(s, n), "%q %d", s, n)
		}
	}
}

func FuzzShorten(f *testing.F) {
	for _, s := range shortenTexts {
		f.Add(s, 40)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 1 || n > 100 || len([]rune(CollapseSpaces(s))) <= n {
			return
		}
		if got, want := Shorten(s, n), shortenByRunes(s, n); got != want {
			t.Fatalf("Shorten(%q, %d) = %q, want %q", s, n, got, want)
		}
	})
}
