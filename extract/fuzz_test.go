package extract_test

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/extract"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/rules"
)

// fuzzSeeds are small fictional snippets covering the scanner's and the
// attributor's patterns.
var fuzzSeeds = []string{
	"",
	"\"",
	"\u201c",
	"\u2019",
	`"We will not back down," said Maria Okafor, the union leader.`,
	"\u201cIt was a long night,\u201d said Okafor. \u201cWe are tired.\u201d",
	"\u2018We reject the \u201cfinal offer\u201d,\u2019 said Ines Calloway.",
	"She didn't care about Xi's plan in the '90s or the \u201960s; the ministers' line eased traders\u2019 concerns.",
	"\u201cThe first part runs on.\n\n\u201cAnd this closes it,\u201d she said.",
	"\u2018British run.\n\n\u2018Still going.\n\n\u2018Done,\u2019 he said.",
	"\u201cThis never closes, she said.\n\nNarration follows.",
	"He said the plan was dead.\u201d Nobody replied.",
	"\u00abNous refusons,\u00bb a dit la maire.",
	"\"The deal is dead,\" a person familiar with the talks said, speaking on condition of anonymity.",
	"\"We followed every rule,\" the director claimed.",
	"\"We will not [raise taxes] . . . this year,\" Lund said.",
	"\"We are ready,\" Okafor said.\n\nMaria Okafor, the union's president, said: \"Yes.\"",
	"Harbour vote\r\n\r\n\u201cYes,\u201d she said.\r\n",
	"\uFEFF\"Hello,\" said Dana Reyes.",
	"The 12\" pipe and the 6' board.",
	"\"  spaced  \" he said. \" \"",
	"According to officials, the plan was \"a disaster\".",
	"\"Why?\" asked Tomas Lund. \"Because,\" he said.",
	"\u201c\u201d\u2018\u2019\"\"''\u00ab\u00bb",
	"\"caf\u00e9 \U0001F600,\" said \u00c9lodie.",
}

// scanSeeds cover the scanner's mark conventions and line handling.
var scanSeeds = []string{
	"''We will come,'' she said. ''Not before.''",
	"''He said, 'no,''' she said. '''No' was all.''",
	"``TeX style,'' he said. ```code```",
	"\u2019\u2019Archive,\u2019\u2019 he said. \u2018\u2018Old.\u2019\u2019",
	"\u201eDeutsch \u201averschachtelt\u2018\u201c, sagte sie. \u00bbAuch\u00ab.",
	"\u00ab Fran\u00e7ais \u00bb.\n\n\u00bb Suite \u00bb, dit-elle.",
	"\u300c\u65e5\u672c\u300e\u8a9e\u300f\u300d\u2039a\u203a\u203ab\u2039",
	"\u201d\u2026 opens here,\u201d he said. \u201d \u201d",
	"\u202a\u201dHidden,\u201d she wrote.",
	"\u201cLine one.\n\u201cLine two,\u201d she said.\nThen \u201cthree.\nFour\u201d.",
	"\u201cNo close.\nNarration follows\n\n\u201c",
	"6'' pipe and 8\" board ''''",
}

// FuzzScan runs the quotation scanner over arbitrary text. It must not
// panic, and every span it returns must lie inside its paragraph, be well
// ordered and fall on character boundaries.
func FuzzScan(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, s := range scanSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		paras := article.SplitParagraphs(text)
		for i, p := range paras {
			if p.Start < 0 || p.End > len(text) || p.Start >= p.End {
				t.Fatalf("paragraph %d span %v out of range (len %d)", i, p.Span, len(text))
			}
			if i > 0 && paras[i-1].End > p.Start {
				t.Fatalf("paragraphs %d and %d overlap", i-1, i)
			}
		}
		quotes, problems := extract.Scan(text, paras)
		valid := utf8.ValidString(text)
		onBoundary := func(off int) bool {
			return off == len(text) || utf8.RuneStart(text[off])
		}
		for i, q := range quotes {
			if q.Paragraph < 0 || q.Paragraph >= len(paras) {
				t.Fatalf("quote %d: paragraph %d of %d", i, q.Paragraph, len(paras))
			}
			p := paras[q.Paragraph].Span
			if q.Span.Start > q.Span.End {
				t.Fatalf("quote %d: inverted span %v", i, q.Span)
			}
			if q.Span.Start < p.Start || q.Span.End > p.End {
				t.Fatalf("quote %d: span %v outside paragraph %v", i, q.Span, p)
			}
			if q.Open.Start < p.Start || q.Open.End > q.Span.Start {
				t.Fatalf("quote %d: opening mark %v not before span %v in paragraph %v", i, q.Open, q.Span, p)
			}
			if q.Close.Start < q.Span.End || q.Close.End > p.End || q.Close.Start > q.Close.End {
				t.Fatalf("quote %d: closing mark %v not after span %v in paragraph %v", i, q.Close, q.Span, p)
			}
			if i > 0 && quotes[i-1].Span.End > q.Open.Start {
				t.Fatalf("quote %d overlaps quote %d", i, i-1)
			}
			if q.Continues && (i == 0 || !quotes[i-1].RunsOn) {
				t.Fatalf("quote %d continues a quote that does not run on", i)
			}
			if q.RunsOn && q.Unterminated {
				t.Fatalf("quote %d both runs on and is unterminated", i)
			}
			if valid {
				for _, off := range []int{q.Span.Start, q.Span.End, q.Open.Start, q.Open.End, q.Close.Start, q.Close.End} {
					if !onBoundary(off) {
						t.Fatalf("quote %d: offset %d is not on a character boundary", i, off)
					}
				}
			}
		}
		for i, pr := range problems {
			if pr.Span.Start < 0 || pr.Span.End > len(text) || pr.Span.Start >= pr.Span.End {
				t.Fatalf("problem %d: span %v out of range", i, pr.Span)
			}
			if pr.Mark != text[pr.Span.Start:pr.Span.End] {
				t.Fatalf("problem %d: mark %q is not the text at %v", i, pr.Mark, pr.Span)
			}
			if pr.Kind != "unclosed" && pr.Kind != "stray-close" {
				t.Fatalf("problem %d: unknown kind %q", i, pr.Kind)
			}
		}
	})
}

var fuzzChecker = func() *checker.Checker {
	c, err := checker.New(rules.All(), checker.Config{})
	if err != nil {
		panic(err)
	}
	return c
}()

// FuzzExtract runs the whole pipeline (decode, extract, rules, report) on
// arbitrary bytes. It must not panic, and every span it reports must lie
// inside the decoded text.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("caf\xe9 \"au lait,\" she said"))
	// the attribution frames of real copy
	f.Add([]byte("\"VARGA: Thank you.\n\n\"FERRIN: It is a pleasure.\""))
	f.Add([]byte("\u201cThe bridge is our lifeline.\u201d \u2015 Anja Polder\n\n\"Hi.\"\n\n- Ilse Varga."))
	f.Add([]byte("''The ferry will run,'' said Odile Marchetti. ''After that, we will see.''"))
	f.Add([]byte("\"The pumps failed,\" the inspection report said. \"Twice,\" read the email."))
	f.Add([]byte("Ilse Varga: Levee 'Years Behind'\n\nStated Stone:\n\n\"The stakes are high.\""))
	f.Add([]byte("Sen. Ilse Varga (D-N.Y.) said, citing \"the magic,\" that the company's promise of \"a smooth crossing\" held."))
	f.Add([]byte("bin\x00ary"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			t.Skip("large inputs are covered by the benchmarks")
		}
		res := fuzzChecker.CheckBytes("fuzz.txt", data)
		if res.Err != nil {
			if res.Doc != nil || len(res.Findings) > 0 {
				t.Fatalf("error result carries a document: %v", res.Err)
			}
			return
		}
		doc := res.Doc
		n := len(doc.Text)
		in := func(s article.Span) bool { return s.Start >= 0 && s.Start <= s.End && s.End <= n }
		for i, q := range doc.Quotes {
			if !in(q.Span) || !in(q.Open) || !in(q.Close) || !in(q.CueSpan) {
				t.Fatalf("quote %d (%s): span %v open %v close %v cue %v outside text of %d bytes", i, q.ID, q.Span, q.Open, q.Close, q.CueSpan, n)
			}
			if sp := q.Speaker; sp != nil {
				if !in(sp.MentionSpan) {
					t.Fatalf("quote %d: speaker mention %v outside text", i, sp.MentionSpan)
				}
				if sp.Source < 0 || sp.Source >= len(doc.Sources) {
					t.Fatalf("quote %d: speaker source %d of %d", i, sp.Source, len(doc.Sources))
				}
			}
			if q.Confidence < 0 || q.Confidence > 1 {
				t.Fatalf("quote %d: confidence %v", i, q.Confidence)
			}
		}
		for i, s := range doc.Sources {
			if !in(s.Intro) || !in(s.ReasonSpan) {
				t.Fatalf("source %d: intro %v reason %v outside text", i, s.Intro, s.ReasonSpan)
			}
			for _, id := range s.Quotes {
				if doc.QuoteByID(id) == nil {
					t.Fatalf("source %d lists unknown quote %q", i, id)
				}
			}
		}
		for i, m := range doc.Marks {
			if !in(m.Span) {
				t.Fatalf("mark problem %d: span %v outside text", i, m.Span)
			}
		}
		for i, fd := range res.Findings {
			if !in(fd.Span) {
				t.Fatalf("finding %d (%s): span %v outside text of %d bytes", i, fd.Rule, fd.Span, n)
			}
			if fd.Quote != "" && doc.QuoteByID(fd.Quote) == nil {
				t.Fatalf("finding %d (%s) names unknown quote %q", i, fd.Rule, fd.Quote)
			}
		}
		if _, err := json.Marshal(report.DocumentOf(res)); err != nil {
			t.Fatalf("report: %v", err)
		}
	})
}
