package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitParagraphs splits text on blank lines (lines holding only
// whitespace). Each paragraph's span is trimmed of surrounding whitespace.
// Single line breaks inside a paragraph are kept: hard-wrapped copy is one
// paragraph.
func SplitParagraphs(text string) []Paragraph {
	// sized for the usual blank-line separators at once, a line break
	// counted in one vectorised pass (a search for "\n\n" costs a call a
	// paragraph): a long document's list is not copied again and again
	// as it grows
	paras := make([]Paragraph, 0, strings.Count(text, "\n")/2+1)
	start := -1 // start of the current paragraph, -1 when between paragraphs
	lineStart := 0
	flush := func(end int) {
		if start >= 0 {
			s := Span{start, end}.TrimSpace(text)
			if !s.Empty() {
				paras = append(paras, Paragraph{Span: s})
			}
			start = -1
		}
	}
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		if isBlank(text[lineStart:lineEnd]) {
			flush(lineStart)
		} else if start < 0 {
			start = lineStart
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	flush(len(text))
	markHeadings(text, paras)
	return paras
}

func isBlank(line string) bool {
	for _, r := range line {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// TrimSpace returns the span without the white space at either end of
// the text it covers.
func (s Span) TrimSpace(text string) Span {
	for s.Start < s.End {
		r, size := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.Start += size
	}
	for s.End > s.Start {
		r, size := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) {
			break
		}
		s.End -= size
	}
	return s
}

// markHeadings flags headlines, decks and crossheads: short paragraphs that
// do not end like a sentence.
func markHeadings(text string, paras []Paragraph) {
	for i := range paras {
		p := text[paras[i].Start:paras[i].End]
		last, _ := utf8.DecodeLastRuneInString(p)
		switch last {
		case '.', '!', '?', ':', ';', ',', '"', '\u201d', '\'', '\u2019', '\u2026', ')':
			continue
		}
		if len(p) > 400 || strings.ContainsAny(p, "\n") || wordCount(p) > 25 {
			continue
		}
		paras[i].Heading = true
	}
}

// wordCount counts space-separated words without allocating.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in, n = true, n+1
		}
	}
	return n
}
