package article

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSpan(t *testing.T) {
	tests := []struct {
		name     string
		span     Span
		length   int
		empty    bool
		contains map[int]bool
	}{
		{"ordinary", Span{2, 5}, 3, false, map[int]bool{1: false, 2: true, 4: true, 5: false}},
		{"zero width", Span{3, 3}, 0, true, map[int]bool{3: false}},
		{"inverted", Span{5, 2}, -3, true, map[int]bool{3: false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.length, tt.span.Len())
			assert.Equal(t, tt.empty, tt.span.Empty())
			for off, want := range tt.contains {
				assert.Equal(t, want, tt.span.Contains(off), "Contains(%d)", off)
			}
		})
	}
}

// paraTexts returns the text of each paragraph.
func paraTexts(text string, paras []Paragraph) []string {
	out := make([]string, len(paras))
	for i, p := range paras {
		out[i] = text[p.Start:p.End]
	}
	return out
}

func TestSplitParagraphs(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		want     []string
		headings []bool
	}{
		{
			name: "empty",
			text: "",
			want: []string{},
		},
		{
			name: "whitespace only",
			text: " \n\t\n  \r\n",
			want: []string{},
		},
		{
			name:     "single paragraph",
			text:     "The council met on Tuesday.",
			want:     []string{"The council met on Tuesday."},
			headings: []bool{false},
		},
		{
			name:     "headline then body",
			text:     "Council backs harbour plan\n\nThe council voted on Tuesday.\n\nIt was close.",
			want:     []string{"Council backs harbour plan", "The council voted on Tuesday.", "It was close."},
			headings: []bool{true, false, false},
		},
		{
			name:     "hard-wrapped lines stay one paragraph",
			text:     "The council met\non Tuesday and voted.\n\nNext.",
			want:     []string{"The council met\non Tuesday and voted.", "Next."},
			headings: []bool{false, false},
		},
		{
			name:     "blank lines holding spaces and tabs separate paragraphs",
			text:     "One.\n  \t \nTwo.",
			want:     []string{"One.", "Two."},
			headings: []bool{false, false},
		},
		{
			name:     "surrounding whitespace trimmed",
			text:     "\n\n   Indented first.  \n\n\tTabbed second.\t\n\n",
			want:     []string{"Indented first.", "Tabbed second."},
			headings: []bool{false, false},
		},
		{
			name:     "CRLF line endings",
			text:     "Harbour vote\r\n\r\nThe council met.\r\nIt voted.\r\n\r\n\u201cYes,\u201d she said.\r\n",
			want:     []string{"Harbour vote", "The council met.\r\nIt voted.", "\u201cYes,\u201d she said."},
			headings: []bool{true, false, false},
		},
		{
			name:     "paragraph ending in a closing quote is not a heading",
			text:     "She said it was \u201cfine\u201d",
			want:     []string{"She said it was \u201cfine\u201d"},
			headings: []bool{false},
		},
		{
			name:     "no trailing newline",
			text:     "First.\n\nLast line without newline",
			want:     []string{"First.", "Last line without newline"},
			headings: []bool{false, true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras := SplitParagraphs(tt.text)
			assert.Equal(t, tt.want, paraTexts(tt.text, paras))
			if tt.headings != nil {
				got := make([]bool, len(paras))
				for i, p := range paras {
					got[i] = p.Heading
				}
				assert.Equal(t, tt.headings, got)
			}
			for i, p := range paras {
				assert.LessOrEqual(t, 0, p.Start)
				assert.Less(t, p.Start, p.End)
				assert.LessOrEqual(t, p.End, len(tt.text))
				if i > 0 {
					assert.Less(t, paras[i-1].End, p.Start, "paragraphs in order and disjoint")
				}
			}
		})
	}
}

func TestLineIndexPosition(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		offset int
		want   Position
	}{
		{"start", "abc", 0, Position{Offset: 0, Line: 1, Column: 1, Column16: 1}},
		{"inside first line", "abc\ndef", 2, Position{Offset: 2, Line: 1, Column: 3, Column16: 3}},
		{"newline itself", "abc\ndef", 3, Position{Offset: 3, Line: 1, Column: 4, Column16: 4}},
		{"start of second line", "abc\ndef", 4, Position{Offset: 4, Line: 2, Column: 1, Column16: 1}},
		{"CRLF second line", "abc\r\ndef", 5, Position{Offset: 5, Line: 2, Column: 1, Column16: 1}},
		{"CRLF inside second line", "abc\r\ndef", 7, Position{Offset: 7, Line: 2, Column: 3, Column16: 3}},
		// "é" is two bytes but one character.
		{"multibyte before offset", "caf\u00e9 bar", 6, Position{Offset: 6, Line: 1, Column: 6, Column16: 6}},
		// curly marks are three bytes each.
		{"curly quotes", "\u201cHi,\u201d she", 3 + 3 + 3 + 1, Position{Offset: 10, Line: 1, Column: 7, Column16: 7}},
		// U+1F600 is four bytes, one character, two UTF-16 units.
		{"astral character", "\U0001F600 ok", 5, Position{Offset: 5, Line: 1, Column: 3, Column16: 4}},
		{"offset past the end is clamped", "ab\ncd", 99, Position{Offset: 5, Line: 2, Column: 3, Column16: 3}},
		{"negative offset is clamped", "ab", -4, Position{Offset: 0, Line: 1, Column: 1, Column16: 1}},
		{"trailing newline", "ab\n", 3, Position{Offset: 3, Line: 2, Column: 1, Column16: 1}},
		{"empty text", "", 0, Position{Offset: 0, Line: 1, Column: 1, Column16: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, NewLineIndex(tt.text).Position(tt.offset))
		})
	}
}

func TestLineIndexLine(t *testing.T) {
	tests := []struct {
		name string
		text string
		n    int
		want string
	}{
		{"first LF", "one\ntwo\nthree", 1, "one"},
		{"middle LF", "one\ntwo\nthree", 2, "two"},
		{"last without newline", "one\ntwo\nthree", 3, "three"},
		{"CR stripped", "one\r\ntwo\r\n", 1, "one"},
		{"CR stripped second", "one\r\ntwo\r\n", 2, "two"},
		{"empty line after final newline", "one\n", 2, ""},
		{"zero", "one", 0, ""},
		{"past the end", "one", 5, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, NewLineIndex(tt.text).Line(tt.n))
		})
	}
}

func TestDocument(t *testing.T) {
	text := "Harbour vote\n\n\u201cWe back it,\u201d said Ines Calloway. The \u201cBlue Line\u201d opens soon."
	doc := New("stories/harbour.txt", text)
	require.Len(t, doc.Paragraphs, 2)
	assert.Equal(t, "stories/harbour.txt", doc.Path)
	assert.Equal(t, text, doc.Text)

	first := strings.Index(text, "We back it,")
	term := strings.Index(text, "Blue Line")
	doc.Quotes = []Quote{
		{ID: "q1", Span: Span{first, first + len("We back it,")}, Kind: Quotation},
		{ID: "q2", Span: Span{term, term + len("Blue Line")}, Kind: Term, TermReason: "title"},
	}

	t.Run("Slice", func(t *testing.T) {
		tests := []struct {
			span Span
			want string
		}{
			{Span{0, 7}, "Harbour"},
			{Span{0, 0}, ""},
			{Span{-1, 3}, ""},
			{Span{5, 3}, ""},
			{Span{0, len(text) + 1}, ""},
			{Span{len(text), len(text)}, ""},
		}
		for _, tt := range tests {
			assert.Equal(t, tt.want, doc.Slice(tt.span), "Slice(%v)", tt.span)
		}
	})
	t.Run("QuoteText", func(t *testing.T) {
		assert.Equal(t, "We back it,", doc.QuoteText(&doc.Quotes[0]))
		assert.Equal(t, "Blue Line", doc.QuoteText(&doc.Quotes[1]))
	})
	t.Run("Quotations skips terms", func(t *testing.T) {
		qs := doc.Quotations()
		require.Len(t, qs, 1)
		assert.Equal(t, "q1", qs[0].ID)
		qs[0].Cue = "said" // pointers into doc.Quotes
		assert.Equal(t, "said", doc.Quotes[0].Cue)
	})
	t.Run("QuoteByID", func(t *testing.T) {
		require.NotNil(t, doc.QuoteByID("q2"))
		assert.Equal(t, Term, doc.QuoteByID("q2").Kind)
		assert.Nil(t, doc.QuoteByID("q9"))
	})
	t.Run("Position", func(t *testing.T) {
		p := doc.Position(first)
		assert.Equal(t, 3, p.Line)
		assert.Equal(t, 2, p.Column, "after one curly mark")
		p = doc.Position(term)
		assert.Equal(t, 3, p.Line)
		assert.Equal(t, len([]rune(text[strings.LastIndex(text, "\n")+1:term]))+1, p.Column)
	})
}
