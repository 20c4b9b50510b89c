package input

import (
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

// builder assembles extracted article text and its map back into the
// source. Text copied verbatim maps byte for byte; a decoded character (an
// entity, an escape) maps to the start of what it was decoded from;
// separators the builder adds (paragraph breaks) map to nothing, so an
// offset on one resolves to the start of the next copied text.
type builder struct {
	buf strings.Builder
	m   article.OffsetMap
	// para is set when a paragraph break is due before the next text.
	para bool
	// space is the source offset of collapsed whitespace due before the
	// next text (HTML), or -1.
	space int
	// newlines counts line breaks due before the next text (HTML <br>),
	// and nlAt is the source offset of the first.
	newlines, nlAt int
}

func newBuilder() *builder { return &builder{space: -1} }

// String returns the text built so far.
func (b *builder) String() string { return b.buf.String() }

// Map returns the offset map of the text built so far.
func (b *builder) Map() *article.OffsetMap { return &b.m }

// Len is the length of the text built so far.
func (b *builder) Len() int { return b.buf.Len() }

// paragraph asks for a paragraph break before the next text.
func (b *builder) paragraph() {
	if b.buf.Len() > 0 {
		b.para = true
	}
	b.space = -1
	b.newlines = 0
}

// pendingSpace asks for one space before the next text, at source offset
// at, unless the paragraph is empty or a break is already due.
func (b *builder) pendingSpace(at int) {
	if b.space < 0 {
		b.space = at
	}
}

// lineBreak asks for a line break before the next text; two in a row make
// a paragraph break.
func (b *builder) lineBreak(at int) {
	if b.buf.Len() == 0 {
		return
	}
	if b.newlines == 0 {
		b.nlAt = at
	}
	b.newlines++
	if b.newlines >= 2 {
		b.paragraph()
	}
}

// flush writes the separators due before new text.
func (b *builder) flush() {
	switch {
	case b.buf.Len() == 0:
	case b.para:
		b.buf.WriteString("\n\n")
	case b.newlines > 0:
		b.m.Add(b.buf.Len(), b.nlAt, 1)
		b.buf.WriteByte('\n')
	case b.space >= 0:
		b.m.Add(b.buf.Len(), b.space, 1)
		b.buf.WriteByte(' ')
	}
	b.para, b.space, b.newlines = false, -1, 0
}

// copy appends s, which was copied verbatim from source offset at.
func (b *builder) copy(s string, at int) {
	if s == "" {
		return
	}
	b.flush()
	b.m.Add(b.buf.Len(), at, len(s))
	b.buf.WriteString(s)
}

// copyBytes is copy of bytes, without making a string of them first.
func (b *builder) copyBytes(s []byte, at int) {
	if len(s) == 0 {
		return
	}
	b.flush()
	b.m.Add(b.buf.Len(), at, len(s))
	b.buf.Write(s)
}

// grow makes room for n more bytes of text in about segments pieces.
func (b *builder) grow(n, segments int) {
	b.buf.Grow(n)
	b.m.Grow(segments)
}

// decoded appends s, decoded from the source text that starts at offset
// at: its first byte maps there, the rest to the next copied text.
func (b *builder) decoded(s string, at int) {
	if s == "" {
		return
	}
	b.flush()
	if at >= 0 {
		b.m.Add(b.buf.Len(), at, 1)
	}
	b.buf.WriteString(s)
}

// raw appends s within the current paragraph without separators (a line
// break inside a Markdown paragraph), mapping its first byte to at.
func (b *builder) raw(s string, at int) {
	if b.buf.Len() == 0 {
		return
	}
	if at >= 0 {
		b.m.Add(b.buf.Len(), at, 1)
	}
	b.buf.WriteString(s)
}
