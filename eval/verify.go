package eval

import (
	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// addVerifications scores verify's verdicts and misquote findings against
// the gold verdicts of an article that has sources.
func (s *Score) addVerifications(g *Gold, r checker.Result) {
	if len(g.Sources) == 0 || r.Doc == nil {
		return
	}
	preds := r.Doc.Quotations()
	predText := make([]string, len(preds))
	for i, q := range preds {
		predText[i] = r.Doc.QuoteText(q)
	}
	predFor := matchQuotes(g.Quotes, predText)
	verdict := map[string]string{}
	for _, v := range r.Verifications {
		verdict[v.Quote] = string(v.Verdict)
	}
	misquoted := map[string]bool{}
	for _, f := range r.Findings {
		if f.Rule == "misquote" {
			misquoted[f.Quote] = true
		}
	}
	matched := map[string]bool{}
	for gi := range g.Quotes {
		gq := &g.Quotes[gi]
		var q *article.Quote
		if pi := predFor[gi]; pi >= 0 {
			q = preds[pi]
			matched[q.ID] = true
		}
		if gq.Verdict != "" {
			s.Verdicts++
			got := "(quote not found)"
			if q != nil {
				got = verdict[q.ID]
			}
			if got == gq.Verdict {
				s.VerdictsRight++
			} else {
				s.mistake(g, "verdict", "%q: want %s, got %s", short(gq.Text), gq.Verdict, got)
			}
		}
		want := gq.Verdict == "altered" && gq.Meaning
		got := q != nil && misquoted[q.ID]
		switch {
		case want && got:
			s.Misquotes.TP++
		case want:
			s.Misquotes.FN++
			s.mistake(g, "misquote-missed", "%q", short(gq.Text))
		case got:
			s.Misquotes.FP++
			s.mistake(g, "misquote-spurious", "%q", short(gq.Text))
			if gq.Verdict == "altered" {
				s.CosmeticMisquotes++
			}
		}
	}
	for _, q := range preds {
		if misquoted[q.ID] && !matched[q.ID] {
			s.Misquotes.FP++
		}
	}
}
