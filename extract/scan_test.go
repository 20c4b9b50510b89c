package extract_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/extract"
)

// scanned is what a test expects of one RawQuote.
type scanned struct {
	Text      string // the quoted words, exactly
	Open      string // the opening mark
	Close     string // the closing mark, "" when the quote runs on or is never closed
	Paragraph int
	RunsOn    bool
	Continues bool
	Unclosed  bool // RawQuote.Unterminated
}

// problem is what a test expects of one MarkProblem.
type problem struct {
	Kind string
	Mark string
	At   int // byte offset of the mark
}

func scan(text string) ([]scanned, []problem, []extract.RawQuote) {
	raw, probs := extract.Scan(text, article.SplitParagraphs(text))
	qs := []scanned{}
	for _, q := range raw {
		qs = append(qs, scanned{
			Text:      text[q.Span.Start:q.Span.End],
			Open:      text[q.Open.Start:q.Open.End],
			Close:     text[q.Close.Start:q.Close.End],
			Paragraph: q.Paragraph,
			RunsOn:    q.RunsOn,
			Continues: q.Continues,
			Unclosed:  q.Unterminated,
		})
	}
	ps := []problem{}
	for _, p := range probs {
		ps = append(ps, problem{Kind: p.Kind, Mark: p.Mark, At: p.Span.Start})
	}
	return qs, ps, raw
}

func TestScan(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		quotes   []scanned
		problems []problem
	}{
		{
			name:   "no quotes",
			text:   "The council met on Tuesday and voted to close the harbour road.",
			quotes: []scanned{},
		},
		{
			name: "straight double quotes",
			text: `"We will not back down," said Maria Okafor.`,
			quotes: []scanned{
				{Text: "We will not back down,", Open: `"`, Close: `"`},
			},
		},
		{
			name: "curly double quotes, two in one paragraph",
			text: "\u201cIt was a long night,\u201d said Okafor. \u201cWe are tired but hopeful.\u201d",
			quotes: []scanned{
				{Text: "It was a long night,", Open: "\u201c", Close: "\u201d"},
				{Text: "We are tired but hopeful.", Open: "\u201c", Close: "\u201d"},
			},
		},
		{
			name: "quote after the attribution",
			text: "Ines Calloway said: \u201cThe harbour belongs to everyone.\u201d",
			quotes: []scanned{
				{Text: "The harbour belongs to everyone.", Open: "\u201c", Close: "\u201d"},
			},
		},
		{
			name: "British single outer quotes with nested doubles",
			text: "\u2018We will not accept the \u201cfinal offer\u201d from the board,\u2019 said Ines Calloway.",
			quotes: []scanned{
				{Text: "We will not accept the \u201cfinal offer\u201d from the board,", Open: "\u2018", Close: "\u2019"},
			},
		},
		{
			name: "straight single outer quotes with nested straight doubles",
			text: `'Single marks outside,' said the minister. 'And "nested" words inside.'`,
			quotes: []scanned{
				{Text: "Single marks outside,", Open: "'", Close: "'"},
				{Text: `And "nested" words inside.`, Open: "'", Close: "'"},
			},
		},
		{
			name: "nested curly singles stay in the outer double quote",
			text: "\u201cShe told me \u2018go home\u2019 and left,\u201d Lund said.",
			quotes: []scanned{
				{Text: "She told me \u2018go home\u2019 and left,", Open: "\u201c", Close: "\u201d"},
			},
		},
		{
			name:   "apostrophes: contractions and possessives",
			text:   "She didn't care about Xi's plan, and Lund won't either. Rock'n'roll is fine.",
			quotes: []scanned{},
		},
		{
			name:   "apostrophes: decades",
			text:   "Prices last rose like this in the '90s and in the \u201960s.",
			quotes: []scanned{},
		},
		{
			name:   "apostrophes: plural possessives",
			text:   "The ministers' line did not ease traders\u2019 concerns about the farmers' market.",
			quotes: []scanned{},
		},
		{
			name: "apostrophes inside a quotation do not end it",
			text: "\u201cWe don\u2019t think the traders\u2019 concerns in the \u201990s were Xi\u2019s fault,\u201d Lund said.",
			quotes: []scanned{
				{Text: "We don\u2019t think the traders\u2019 concerns in the \u201990s were Xi\u2019s fault,", Open: "\u201c", Close: "\u201d"},
			},
		},
		{
			name: "plural possessive inside a single-quoted quotation",
			text: "\u2018I think the ministers' line is wrong in private,\u2019 she said.",
			quotes: []scanned{
				{Text: "I think the ministers' line is wrong in private,", Open: "\u2018", Close: "\u2019"},
			},
		},
		{
			name: "single quoted word next to a possessive",
			text: "A senior aide said \u2018no\u2019 to the traders\u2019 concerns.",
			quotes: []scanned{
				{Text: "no", Open: "\u2018", Close: "\u2019"},
			},
		},
		{
			name:   "inch marks and feet are not quotes",
			text:   `He said the 12" pipe and the 6' board were fine.`,
			quotes: []scanned{},
		},
		{
			name: "span excludes marks and surrounding spaces",
			text: `"  spaced words  " he said.`,
			quotes: []scanned{
				{Text: "spaced words", Open: `"`, Close: `"`},
			},
		},
		{
			name: "span excludes spaces inside curly marks",
			text: "\u201c \u00a0Hello there \u201d, she said.",
			quotes: []scanned{
				{Text: "Hello there", Open: "\u201c", Close: "\u201d"},
			},
		},
		{
			name: "guillemets",
			text: "\u00abNous refusons,\u00bb a dit la maire.",
			quotes: []scanned{
				{Text: "Nous refusons,", Open: "\u00ab", Close: "\u00bb"},
			},
		},
		{
			name: "running quotation across two paragraphs",
			text: "\u201cThe first part runs on.\n\n\u201cAnd this paragraph closes it,\u201d she said.",
			quotes: []scanned{
				{Text: "The first part runs on.", Open: "\u201c", Paragraph: 0, RunsOn: true},
				{Text: "And this paragraph closes it,", Open: "\u201c", Close: "\u201d", Paragraph: 1, Continues: true},
			},
		},
		{
			name: "running quotation across three paragraphs with straight marks",
			text: "\"One.\n\n\"Two.\n\n\"Three,\" he said.",
			quotes: []scanned{
				{Text: "One.", Open: `"`, Paragraph: 0, RunsOn: true},
				{Text: "Two.", Open: `"`, Paragraph: 1, RunsOn: true, Continues: true},
				{Text: "Three,", Open: `"`, Close: `"`, Paragraph: 2, Continues: true},
			},
		},
		{
			name: "running quotation in British style",
			text: "\u2018The first part runs on.\n\n\u2018And it closes here,\u2019 she said.",
			quotes: []scanned{
				{Text: "The first part runs on.", Open: "\u2018", Paragraph: 0, RunsOn: true},
				{Text: "And it closes here,", Open: "\u2018", Close: "\u2019", Paragraph: 1, Continues: true},
			},
		},
		{
			name: "unclosed quote not followed by a reopening paragraph",
			text: "\u201cThis never closes, she said.\n\nThe next paragraph is narration.",
			quotes: []scanned{
				{Text: "This never closes, she said.", Open: "\u201c", Unclosed: true},
			},
			problems: []problem{{Kind: "unclosed", Mark: "\u201c", At: 0}},
		},
		{
			name: "unclosed quote at the end of the text",
			text: "Narration first.\n\n\"Unclosed at the end",
			quotes: []scanned{
				{Text: "Unclosed at the end", Open: `"`, Paragraph: 1, Unclosed: true},
			},
			problems: []problem{{Kind: "unclosed", Mark: `"`, At: 18}},
		},
		{
			name: "unclosed quote whose next paragraph opens later, not at its start",
			text: "\u201cOpen here.\n\nShe said \u201cno\u201d again.",
			quotes: []scanned{
				{Text: "Open here.", Open: "\u201c", Paragraph: 0, Unclosed: true},
				{Text: "no", Open: "\u201c", Close: "\u201d", Paragraph: 1},
			},
			problems: []problem{{Kind: "unclosed", Mark: "\u201c", At: 0}},
		},
		{
			name:     "stray closing curly mark",
			text:     "He said the plan was dead.\u201d Nobody replied.",
			quotes:   []scanned{},
			problems: []problem{{Kind: "stray-close", Mark: "\u201d", At: 26}},
		},
		{
			name:     "stray closing guillemet",
			text:     "Fin de la discussion\u00bb, dit-elle.",
			quotes:   []scanned{},
			problems: []problem{{Kind: "stray-close", Mark: "\u00bb", At: 20}},
		},
		{
			name:   "unclosed single opener in a story without single quotes is an apostrophe",
			text:   "The tour ended in \u2018Frisco, he said.",
			quotes: []scanned{},
		},
		{
			name: "CRLF paragraphs",
			text: "\u201cFirst,\u201d she said.\r\n\r\n\u201cSecond,\u201d he said.\r\n",
			quotes: []scanned{
				{Text: "First,", Open: "\u201c", Close: "\u201d", Paragraph: 0},
				{Text: "Second,", Open: "\u201c", Close: "\u201d", Paragraph: 1},
			},
		},
		{
			name: "quote over a hard line break stays one quote",
			text: "\u201cThis quote is\nhard-wrapped,\u201d she said.",
			quotes: []scanned{
				{Text: "This quote is\nhard-wrapped,", Open: "\u201c", Close: "\u201d"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, probs, raw := scan(tt.text)
			assert.Equal(t, tt.quotes, got)
			want := tt.problems
			if want == nil {
				want = []problem{}
			}
			assert.Equal(t, want, probs)
			paras := article.SplitParagraphs(tt.text)
			for _, q := range raw {
				require.Less(t, q.Paragraph, len(paras))
				p := paras[q.Paragraph]
				assert.True(t, p.Start <= q.Open.Start && q.Open.End <= q.Span.Start && q.Span.End <= p.End,
					"quote %q: open %v span %v paragraph %v", tt.text[q.Span.Start:q.Span.End], q.Open, q.Span, p.Span)
				if !q.Unterminated && !q.RunsOn {
					assert.LessOrEqual(t, q.Span.End, q.Close.Start)
				}
			}
		})
	}
}

// TestScanRunningQuoteNoProblem checks that a well-formed running
// quotation reports no mark problem at all, whatever the mark style.
func TestScanRunningQuoteNoProblem(t *testing.T) {
	for _, marks := range [][2]string{{"\u201c", "\u201d"}, {`"`, `"`}, {"\u2018", "\u2019"}, {"\u00ab", "\u00bb"}} {
		o, c := marks[0], marks[1]
		text := o + "We began in the spring.\n\n" + o + "We carried on through the summer.\n\n" + o + "And we finished in the autumn," + c + " said Dana Reyes."
		t.Run(o, func(t *testing.T) {
			qs, probs, _ := scan(text)
			assert.Empty(t, probs)
			require.Len(t, qs, 3)
			assert.True(t, qs[0].RunsOn && !qs[0].Continues)
			assert.True(t, qs[1].RunsOn && qs[1].Continues)
			assert.True(t, !qs[2].RunsOn && qs[2].Continues)
			assert.Equal(t, "And we finished in the autumn,", qs[2].Text)
		})
	}
}

// TestScanExtractFlags checks that Extract copies the scanner's running and
// unclosed flags onto the document's quotes.
func TestScanExtractFlags(t *testing.T) {
	text := "\u201cThe first part runs on.\n\n\u201cAnd it closes here,\u201d said Dana Reyes.\n\n\u201cThis one never closes, she said.\n\nNarration."
	doc := article.New("t.txt", text)
	extract.Extract(doc)
	require.Len(t, doc.Quotes, 3)
	assert.True(t, doc.Quotes[0].RunsOn)
	assert.True(t, doc.Quotes[1].Continues)
	assert.True(t, doc.Quotes[2].Unclosed)
	assert.False(t, doc.Quotes[0].Unclosed)
	assert.Equal(t, article.Span{}, doc.Quotes[2].Close)
	require.Len(t, doc.Marks, 1)
	assert.Equal(t, "unclosed", doc.Marks[0].Kind)
	for i, q := range doc.Quotes {
		assert.Equal(t, "q"+string(rune('1'+i)), q.ID)
	}
}
