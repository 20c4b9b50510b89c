package extract_test

import (
	"fmt"
	"os"
	"strings"
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
			name: "two apostrophes as double marks",
			text: "''The ferry will run on Sunday,'' said Odile Marchetti. ''After that, we will see.''",
			quotes: []scanned{
				{Text: "The ferry will run on Sunday,", Open: "''", Close: "''"},
				{Text: "After that, we will see.", Open: "''", Close: "''"},
			},
		},
		{
			name: "two apostrophes as double marks around apostrophes",
			text: "''We don't know Xi's plan for the '90s, or the voters' view,'' she said.",
			quotes: []scanned{
				{Text: "We don't know Xi's plan for the '90s, or the voters' view,", Open: "''", Close: "''"},
			},
		},
		{
			name: "three apostrophes close a nested single and the double",
			text: "''He told me, 'not today,''' said Odile Marchetti.",
			quotes: []scanned{
				{Text: "He told me, 'not today,'", Open: "''", Close: "''"},
			},
		},
		{
			name: "three apostrophes open the double and a nested single",
			text: "'''Not today' was all he said,'' the clerk recalled.",
			quotes: []scanned{
				{Text: "'Not today' was all he said,", Open: "''", Close: "''"},
			},
		},
		{
			name: "two typographic apostrophes as double marks",
			text: "Odile Marchetti called it a \u2019\u2019timetable for nobody\u2019\u2019 on Monday.",
			quotes: []scanned{
				{Text: "timetable for nobody", Open: "\u2019\u2019", Close: "\u2019\u2019"},
			},
		},
		{
			name: "TeX-style marks",
			text: "``The ferry will run on Sunday,'' said Odile Marchetti. ``After that, we will see.''",
			quotes: []scanned{
				{Text: "The ferry will run on Sunday,", Open: "``", Close: "''"},
				{Text: "After that, we will see.", Open: "``", Close: "''"},
			},
		},
		{
			name:   "inch marks written as two apostrophes are not quotes",
			text:   "The pipe is 6'' wide and the board is 8'' long.",
			quotes: []scanned{},
		},
		{
			name:   "a run of backticks is not a mark",
			text:   "Type ```make``` and wait.",
			quotes: []scanned{},
		},
		{
			name: "closing double mark used as an opener at the start of a paragraph",
			text: "\u201d\u2026 and the ferry will run on Sunday,\u201d said Odile Marchetti.",
			quotes: []scanned{
				{Text: "\u2026 and the ferry will run on Sunday,", Open: "\u201d", Close: "\u201d"},
			},
		},
		{
			name: "closing double mark used as an opener after a space",
			text: "She called the timetable \u201da mess\u201d on Monday.",
			quotes: []scanned{
				{Text: "a mess", Open: "\u201d", Close: "\u201d"},
			},
		},
		{
			name: "opening double mark used as a closer",
			text: "\u201cIt is unusual,\u201c said Larry Vance. \u201cVery unusual.\u201d",
			quotes: []scanned{
				{Text: "It is unusual,", Open: "\u201c", Close: "\u201c"},
				{Text: "Very unusual.", Open: "\u201c", Close: "\u201d"},
			},
		},
		{
			name: "invisible format character before the opening mark",
			text: "\u202a\u201dThanks for the ferry,\u201d wrote Pia Lenz.",
			quotes: []scanned{
				{Text: "Thanks for the ferry,", Open: "\u201d", Close: "\u201d"},
			},
		},
		{
			name:     "closing marks between spaces stay stray",
			text:     "\u201d \u201d \u201d",
			quotes:   []scanned{},
			problems: []problem{{Kind: "stray-close", Mark: "\u201d", At: 0}, {Kind: "stray-close", Mark: "\u201d", At: 4}, {Kind: "stray-close", Mark: "\u201d", At: 8}},
		},
		{
			name: "German marks with a nested single quotation",
			text: "\u201eEr nannte es \u201aeine Frechheit\u2018 und ging\u201c, sagte Odile Marchetti.",
			quotes: []scanned{
				{Text: "Er nannte es \u201aeine Frechheit\u2018 und ging", Open: "\u201e", Close: "\u201c"},
			},
		},
		{
			name: "Japanese corner brackets with a nested quotation",
			text: "\u300c\u5f7c\u306f\u300e\u5f8c\u3067\u300f\u3068\u8a00\u3063\u305f\u300d\u3068\u7530\u4e2d\u3055\u3093\u306f\u8a00\u3063\u305f\u3002",
			quotes: []scanned{
				{Text: "\u5f7c\u306f\u300e\u5f8c\u3067\u300f\u3068\u8a00\u3063\u305f", Open: "\u300c", Close: "\u300d"},
			},
		},
		{
			name: "French spaced guillemets",
			text: "\u00ab Le bac partira dimanche \u00bb, a dit Odile Marchetti.",
			quotes: []scanned{
				{Text: "Le bac partira dimanche", Open: "\u00ab", Close: "\u00bb"},
			},
		},
		{
			name: "French running quotation reopened with a closing guillemet",
			text: "\u00ab Le bac partira dimanche.\n\n\u00bb Apr\u00e8s, nous verrons \u00bb, a dit Odile Marchetti.",
			quotes: []scanned{
				{Text: "Le bac partira dimanche.", Open: "\u00ab", Paragraph: 0, RunsOn: true},
				{Text: "Apr\u00e8s, nous verrons", Open: "\u00bb", Close: "\u00bb", Paragraph: 1, Continues: true},
			},
		},
		{
			name: "German running quotation",
			text: "\u201eDie F\u00e4hre f\u00e4hrt am Sonntag.\n\n\u201eDanach sehen wir weiter\u201c, sagte sie.",
			quotes: []scanned{
				{Text: "Die F\u00e4hre f\u00e4hrt am Sonntag.", Open: "\u201e", Paragraph: 0, RunsOn: true},
				{Text: "Danach sehen wir weiter", Open: "\u201e", Close: "\u201c", Paragraph: 1, Continues: true},
			},
		},
		{
			name: "running quotation in two-apostrophe marks",
			text: "''We began in the spring.\n\n''We finished in the autumn,'' said Dana Reyes.",
			quotes: []scanned{
				{Text: "We began in the spring.", Open: "''", Paragraph: 0, RunsOn: true},
				{Text: "We finished in the autumn,", Open: "''", Close: "''", Paragraph: 1, Continues: true},
			},
		},
		{
			name: "one paragraph a line: a quotation reopened on the next line runs on",
			text: "\u201cWe began in the spring.\n\u201cWe finished in the autumn,\u201d said Dana Reyes. \u201cIt was hard.\u201d\nThe council thanked her.",
			quotes: []scanned{
				{Text: "We began in the spring.", Open: "\u201c", RunsOn: true},
				{Text: "We finished in the autumn,", Open: "\u201c", Close: "\u201d", Continues: true},
				{Text: "It was hard.", Open: "\u201c", Close: "\u201d"},
			},
		},
		{
			name: "one paragraph a line with straight marks",
			text: "\"One.\n\"Two,\" he said.",
			quotes: []scanned{
				{Text: "One.", Open: `"`, RunsOn: true},
				{Text: "Two,", Open: `"`, Close: `"`, Continues: true},
			},
		},
		{
			name: "one paragraph a line: a quotation carries on into the next line without a mark",
			text: "\u201cWe began in the spring.\nThen we finished in the autumn,\u201d said Dana Reyes.",
			quotes: []scanned{
				{Text: "We began in the spring.", Open: "\u201c", RunsOn: true},
				{Text: "Then we finished in the autumn,", Open: "", Close: "\u201d", Continues: true},
			},
		},
		{
			name: "a quotation carried over a line and never closed is reported at its opening mark",
			text: "Narration.\n\n\u201cWe began in the spring.\nNothing closes it",
			quotes: []scanned{
				{Text: "We began in the spring.", Open: "\u201c", Paragraph: 1, RunsOn: true},
				{Text: "Nothing closes it", Open: "", Paragraph: 1, Continues: true, Unclosed: true},
			},
			problems: []problem{{Kind: "unclosed", Mark: "\u201c", At: 12}},
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
	pairs := [][2]string{{"\u201c", "\u201d"}, {`"`, `"`}, {"\u2018", "\u2019"}, {"\u00ab", "\u00bb"},
		{"''", "''"}, {"``", "''"}, {"\u201e", "\u201c"}, {"\u00bb", "\u00ab"}, {"\u300c", "\u300d"}}
	for _, marks := range pairs {
		// paragraphs apart, or one paragraph a line
		for _, sep := range []string{"\n\n", "\n"} {
			o, c := marks[0], marks[1]
			text := o + "We began in the spring." + sep + o + "We carried on through the summer." + sep + o + "And we finished in the autumn," + c + " said Dana Reyes."
			t.Run(fmt.Sprintf("%s%q", o, sep), func(t *testing.T) {
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
}

// A line of a running quotation with no words ("!") is still a piece of
// it: dropping it left the next line continuing nothing (found by
// FuzzScan).
func TestScanRunningPieceWithoutWordsIsKept(t *testing.T) {
	qs, _, _ := scan("\"Stop!\nOne more thing.")
	require.Len(t, qs, 2)
	assert.True(t, qs[0].RunsOn && !qs[0].Continues, "%+v", qs[0])
	assert.True(t, qs[1].Continues, "%+v", qs[1])
	assert.Equal(t, "One more thing.", qs[1].Text)

	qs, _, _ = scan("\"!\nNo one answered.")
	require.Len(t, qs, 2)
	assert.Equal(t, "!", qs[0].Text)
	assert.True(t, qs[0].RunsOn && qs[1].Continues)
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

// markPairCases has one invented sentence for every pair in
// data/marks.txt: a convention added there needs a row here.
var markPairCases = []struct {
	open, close string
	text        string
	quote       string
}{
	{"\u201c", "\u201d", "\u201cThe ferry will run on Sunday,\u201d said Odile Marchetti.", "The ferry will run on Sunday,"},
	{`"`, `"`, `"The ferry will run on Sunday," said Odile Marchetti.`, "The ferry will run on Sunday,"},
	{"''", "''", "''The ferry will run on Sunday,'' said Odile Marchetti.", "The ferry will run on Sunday,"},
	{"``", "''", "``The ferry will run on Sunday,'' said Odile Marchetti.", "The ferry will run on Sunday,"},
	{"\u2018\u2018", "\u2019\u2019", "\u2018\u2018The ferry will run on Sunday,\u2019\u2019 said Odile Marchetti.", "The ferry will run on Sunday,"},
	{"\u2019\u2019", "\u2019\u2019", "\u2019\u2019The ferry will run on Sunday,\u2019\u2019 said Odile Marchetti.", "The ferry will run on Sunday,"},
	{"\u201f", "\u201d", "\u201fThe ferry will run on Sunday,\u201d said Odile Marchetti.", "The ferry will run on Sunday,"},
	{"\u201e", "\u201c", "\u201eDie F\u00e4hre f\u00e4hrt am Sonntag\u201c, sagte Odile Marchetti.", "Die F\u00e4hre f\u00e4hrt am Sonntag"},
	{"\u201e", "\u201d", "\u201eProm kursuje w niedziel\u0119\u201d \u2013 powiedzia\u0142a Odile Marchetti.", "Prom kursuje w niedziel\u0119"},
	{"\u201d", "\u201d", "\u201dF\u00e4rjan g\u00e5r p\u00e5 s\u00f6ndag\u201d, sa Odile Marchetti.", "F\u00e4rjan g\u00e5r p\u00e5 s\u00f6ndag"},
	{"\u2018", "\u2019", "\u2018The ferry will run on Sunday,\u2019 said Odile Marchetti.", "The ferry will run on Sunday,"},
	{"'", "'", "'The ferry will run on Sunday,' said Odile Marchetti.", "The ferry will run on Sunday,"},
	{"\u201b", "\u2019", "\u201bThe ferry will run on Sunday,\u2019 said Odile Marchetti.", "The ferry will run on Sunday,"},
	{"\u201a", "\u2018", "\u201aDie F\u00e4hre f\u00e4hrt am Sonntag\u2018, sagte Odile Marchetti.", "Die F\u00e4hre f\u00e4hrt am Sonntag"},
	{"\u201a", "\u2019", "\u201aProm kursuje w niedziel\u0119\u2019 \u2013 powiedzia\u0142a Odile Marchetti.", "Prom kursuje w niedziel\u0119"},
	{"\u00ab", "\u00bb", "\u00abLe bac partira dimanche\u00bb, a dit Odile Marchetti.", "Le bac partira dimanche"},
	{"\u00bb", "\u00ab", "\u00bbDie F\u00e4hre f\u00e4hrt am Sonntag\u00ab, sagte Odile Marchetti.", "Die F\u00e4hre f\u00e4hrt am Sonntag"},
	{"\u00bb", "\u00bb", "\u00bbF\u00e4rjan g\u00e5r p\u00e5 s\u00f6ndag\u00bb, sa Odile Marchetti.", "F\u00e4rjan g\u00e5r p\u00e5 s\u00f6ndag"},
	{"\u2039", "\u203a", "\u2039Le bac partira dimanche\u203a, a dit Odile Marchetti.", "Le bac partira dimanche"},
	{"\u203a", "\u2039", "\u203aDie F\u00e4hre f\u00e4hrt am Sonntag\u2039, sagte Odile Marchetti.", "Die F\u00e4hre f\u00e4hrt am Sonntag"},
	{"\u300c", "\u300d", "\u300c\u30d5\u30a7\u30ea\u30fc\u306f\u65e5\u66dc\u65e5\u306b\u51fa\u307e\u3059\u300d\u3068\u7530\u4e2d\u3055\u3093\u306f\u8a00\u3063\u305f\u3002", "\u30d5\u30a7\u30ea\u30fc\u306f\u65e5\u66dc\u65e5\u306b\u51fa\u307e\u3059"},
	{"\u300e", "\u300f", "\u300e\u30d5\u30a7\u30ea\u30fc\u306f\u65e5\u66dc\u65e5\u306b\u51fa\u307e\u3059\u300f\u3068\u7530\u4e2d\u3055\u3093\u306f\u8a00\u3063\u305f\u3002", "\u30d5\u30a7\u30ea\u30fc\u306f\u65e5\u66dc\u65e5\u306b\u51fa\u307e\u3059"},
	{"\ufe41", "\ufe42", "\ufe41\u6e21\u8f2a\u661f\u671f\u65e5\u958b\ufe42\u5979\u8aaa\u3002", "\u6e21\u8f2a\u661f\u671f\u65e5\u958b"},
	{"\ufe43", "\ufe44", "\ufe43\u6e21\u8f2a\u661f\u671f\u65e5\u958b\ufe44\u5979\u8aaa\u3002", "\u6e21\u8f2a\u661f\u671f\u65e5\u958b"},
}

// TestScanMarkPairs checks that every convention's pair of marks makes a
// quotation and no mark problem.
func TestScanMarkPairs(t *testing.T) {
	for _, tt := range markPairCases {
		t.Run(tt.open+tt.close, func(t *testing.T) {
			got, probs, _ := scan(tt.text)
			assert.Equal(t, []scanned{{Text: tt.quote, Open: tt.open, Close: tt.close}}, got)
			assert.Empty(t, probs)
		})
	}
}

// TestScanMarkPairsCovered holds every line of data/marks.txt to a row of
// markPairCases.
func TestScanMarkPairsCovered(t *testing.T) {
	data, err := os.ReadFile("data/marks.txt")
	require.NoError(t, err)
	covered := map[[2]string]bool{}
	for _, c := range markPairCases {
		covered[[2]string{c.open, c.close}] = true
	}
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		require.GreaterOrEqual(t, len(f), 3, "line %q", line)
		n++
		assert.True(t, covered[[2]string{f[0], f[1]}], "no markPairCases row for %s %s (%s)", f[0], f[1], strings.Join(f[2:], " "))
	}
	assert.Equal(t, len(markPairCases), n, "markPairCases rows and data/marks.txt pairs")
}
