package article

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		want, want16 := naiveColumns(s)
		n, n16 := columns(s)
		assert.Equal(t, want, n, "characters of %q", s)
		assert.Equal(t, want16, n16, "UTF-16 units of %q", s)
	}
}

// FuzzColumns holds columns, which skips ASCII eight bytes at a time and
// reads two- and three-byte characters by their ranges, to decoding the
// bytes rune by rune, valid UTF-8 or not.
func FuzzColumns(f *testing.F) {
	for _, s := range []string{"", "plain ascii text, long", "café “quoted” 😀 text", "bad \xff\xfe bytes", "\xe0\x80\x80 overlong", "\xed\xa0\x80 surrogate", "12345678\xe2\x80", "\xc2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, want16 := naiveColumns(s)
		n, n16 := columns(s)
		require.Equal(t, want, n, "characters of %q", s)
		require.Equal(t, want16, n16, "UTF-16 units of %q", s)
	})
}

// On long lines (a JSON Lines record is one line), every offset, asked in
// any order, gets the column a count from the line's start gives:
// characters, and UTF-16 units with astral ones two.
func TestPositionOnLongLines(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for _, pieces := range [][]string{
		{"word ", "é", "“curly” ", "😀", "\t", "ab"},                     // valid UTF-8
		{"word ", "é", "“curly” ", "😀", "\xff", "\xe2\x80", "\t", "ab"}, // not
	} {
		positionsOnLongLines(t, r, pieces)
	}
}

// naivePosition is a position counted from the start of the text, one
// character at a time.
func naivePosition(text string, off int) Position {
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if text[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	n, n16 := naiveColumns(text[start:off])
	return Position{Offset: off, Line: line, Column: 1 + n, Column16: 1 + n16}
}

// naiveColumns counts characters and UTF-16 units rune by rune, as the
// standard library decodes them (a byte that is not UTF-8 is one).
func naiveColumns(s string) (n, n16 int) {
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n16 += 2
		} else {
			n16++
		}
	}
	return n, n16
}

// FuzzLineIndexPosition: offsets asked in any order, on short lines and
// long ones (where a lookup counts on or back from the one before), get
// the position a count from the text's start gives.
func FuzzLineIndexPosition(f *testing.F) {
	f.Add("short\n"+strings.Repeat("word é “x” 😀 ", 80), uint64(12345))
	f.Add(strings.Repeat("\xe2\x80a\xff", 200)+"\n"+strings.Repeat("ab", 300), uint64(7))
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		if len(text) > 1<<14 {
			return
		}
		r := rand.New(rand.NewSource(int64(seed)))
		li := NewLineIndex(text)
		for range 64 {
			off := r.Intn(len(text) + 1)
			require.Equal(t, naivePosition(text, off), li.Position(off), "offset %d", off)
		}
	})
}

func positionsOnLongLines(t *testing.T, r *rand.Rand, pieces []string) {
	var b strings.Builder
	b.WriteString("short first line\n")
	for b.Len() < 9000 {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	b.WriteString("\nshort middle line\n")
	for b.Len() < 15000 {
		b.WriteString(pieces[r.Intn(len(pieces))])
	}
	text := b.String()
	want := func(off int) Position { return naivePosition(text, off) }
	li := NewLineIndex(text)
	for i := 0; i < 3000; i++ {
		off := r.Intn(len(text) + 1)
		require.Equal(t, want(off), li.Position(off), "offset %d", off)
	}
}
