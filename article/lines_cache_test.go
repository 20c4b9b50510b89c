package article

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPositionOrderIndependent checks that the lookup cache gives the same
// positions whatever order offsets are asked in.
func TestPositionOrderIndependent(t *testing.T) {
	text := "first line\r\nsecond “curly” line with 😀 emoji\n\nthird line, longer than the others\n"
	want := make([]Position, len(text)+1)
	for off := range want {
		want[off] = NewLineIndex(text).Position(off) // fresh index: no cache
	}
	li := NewLineIndex(text)
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		off := r.Intn(len(text) + 1)
		assert.Equal(t, want[off], li.Position(off), "offset %d", off)
	}
	// a record that starts on line 5 of its file (Document.SourceLine)
	li = NewLineIndex(text)
	li.base = 4
	for i := 0; i < 2000; i++ {
		off := r.Intn(len(text) + 1)
		p := want[off]
		p.Line += 4
		assert.Equal(t, p, li.Position(off), "offset %d", off)
	}
}

// TestColumnsMatchRuneCount holds the ASCII fast path to the rune loop it
// replaces: characters, and UTF-16 units with astral characters as two.
func TestColumnsMatchRuneCount(t *testing.T) {
	for _, s := range []string{"", "plain ascii", "café “quoted” 😀 text", "bad \xff\xfe bytes", "\xf0\x9f", "日本語 and 𝄞",
		"exactly8", "seventeen chars!!", "ascii run then é", "1234567é", "12345678é90123456😀", "é1234567812345678",
		"123456789012345é", "1234567890123456é", "12345678901234567890123é", "sixteen bytes!!!sixteen bytes!!!x", "123456789012345678901234😀5678"} {
		want, want16 := 0, 0
		for _, r := range s {
			want++
			if r >= 0x10000 {
				want16 += 2
			} else {
				want16++
			}
		}
		n, n16 := columns(s)
		assert.Equal(t, want, n, "characters of %q", s)
		assert.Equal(t, want16, n16, "UTF-16 units of %q", s)
	}
}
