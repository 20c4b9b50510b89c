package article

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/quotecheck/quotecheck/internal/swar"
)

// Position is a printable location: 1-based line, column in Unicode
// characters, and column in UTF-16 code units (for SARIF).
type Position struct {
	Offset   int
	Line     int
	Column   int
	Column16 int
}

// LineIndex converts byte offsets to positions. It is built once per
// document and only used when printing.
type LineIndex struct {
	text   string
	starts []int
	// base is added to line numbers: the line of the file on which text
	// starts, less one (Document.SourceLine).
	base int
	// last is the previous lookup: spans are mostly asked for in order, so
	// counting columns on from it keeps a long line (a JSON Lines record)
	// from being rescanned for every span. A LineIndex is therefore not
	// safe for concurrent use.
	last Position
}

// NewLineIndex indexes the line starts of text. "\r\n" and "\n" end lines.
func NewLineIndex(text string) *LineIndex {
	starts := make([]int, 1, strings.Count(text, "\n")+1)
	for i := 0; i < len(text); {
		nl := strings.IndexByte(text[i:], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
		starts = append(starts, i)
	}
	return &LineIndex{text: text, starts: starts}
}

// Position returns the location of a byte offset.
func (li *LineIndex) Position(offset int) Position {
	if offset < 0 {
		offset = 0
	}
	if offset > len(li.text) {
		offset = len(li.text)
	}
	line := li.lineOf(offset)
	start := li.starts[line]
	col, col16 := 1, 1
	if l := li.last; l.Line == li.base+line+1 && l.Offset >= start && l.Column > 0 &&
		(l.Offset == len(li.text) || utf8.RuneStart(li.text[l.Offset])) {
		switch {
		case l.Offset <= offset:
			start, col, col16 = l.Offset, l.Column, l.Column16
		case l.Offset-offset < offset-start && utf8.RuneStart(li.text[offset]):
			// closer to the last lookup than to the line start: count back
			n, n16 := columns(li.text[offset:l.Offset])
			col, col16 = l.Column-n, l.Column16-n16
			p := Position{Offset: offset, Line: l.Line, Column: col, Column16: col16}
			li.last = p
			return p
		}
	}
	n, n16 := columns(li.text[start:offset])
	col, col16 = col+n, col16+n16
	p := Position{Offset: offset, Line: li.base + line + 1, Column: col, Column16: col16}
	li.last = p
	return p
}

// lineOf is the 0-based line that holds offset: the line of the previous
// lookup when offset is on it too, as the spans of one quotation and its
// speaker mostly are, else a binary search of the line starts.
func (li *LineIndex) lineOf(offset int) int {
	if l := li.last.Line - li.base - 1; li.last.Line > 0 && l < len(li.starts) && li.starts[l] <= offset &&
		(l+1 == len(li.starts) || offset < li.starts[l+1]) {
		return l
	}
	// the last start at or before offset (starts[0] is 0)
	lo, hi := 0, len(li.starts)
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if li.starts[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// columns counts the characters of s and the UTF-16 code units they take,
// as decoding it rune by rune would (a byte that is not UTF-8 is one
// character). ASCII is counted eight bytes at a time up to the first byte
// outside it, and characters of two and three bytes, whose UTF-16 form is
// one unit, by their bytes' ranges without decoding.
func columns(s string) (n, n16 int) {
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			high := swar.NonASCII(swar.Load(s, i))
			if high == 0 {
				n, n16, i = n+8, n16+8, i+8
				continue
			}
			// the ASCII bytes before the first that is not
			k := bits.TrailingZeros64(high) / 8
			n, n16, i = n+k, n16+k, i+k
		}
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			n, n16, i = n+1, n16+1, i+1
			continue
		case 0xC2 <= c && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			n, n16, i = n+1, n16+1, i+2
			continue
		case 0xE0 <= c && c <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			(c != 0xE0 || s[i+1] >= 0xA0) && (c != 0xED || s[i+1] < 0xA0):
			// no overlong form, no surrogate: what DecodeRune accepts
			n, n16, i = n+1, n16+1, i+3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n, i = n+1, i+size
		if r >= 0x10000 {
			n16 += 2
		} else {
			n16++
		}
	}
	return n, n16
}

// Line returns the text of a 1-based line without its line ending.
func (li *LineIndex) Line(n int) string {
	n -= li.base
	if n < 1 || n > len(li.starts) {
		return ""
	}
	start := li.starts[n-1]
	end := len(li.text)
	if n < len(li.starts) {
		end = li.starts[n] - 1
	}
	if end > start && li.text[end-1] == '\r' {
		end--
	}
	return li.text[start:end]
}
