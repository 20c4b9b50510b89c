package eval

import (
	"fmt"
	"io"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/verify"
)

// ScoreArticle checks a gold article's text and adds it to the score.
func ScoreArticle(s *Score, chk *checker.Checker, g *Gold) {
	if len(g.Sources) > 0 {
		var srcs []*verify.Source
		for _, gs := range g.Sources {
			src, err := verify.FromText(gs.Name, gs.Text)
			if err != nil {
				s.mistake(g, "source", "%v", err)
				continue
			}
			srcs = append(srcs, src)
		}
		chk = chk.WithSources(verify.NewSet(srcs...))
	}
	r := chk.CheckText(g.ID, g.Text)
	s.Add(g, r.Doc, r.Findings)
	s.addVerifications(g, r)
	s.AddVersions(chk, g, r.Doc)
}

// WriteScore prints the figures, the calibration table and up to
// maxErrors mistakes. The figures are those the reference scorer prints,
// computed the same way.
func WriteScore(w io.Writer, s *Score, maxErrors int) {
	fmt.Fprintf(w, "articles            %d\n", s.Articles)
	fmt.Fprintf(w, "gold quotes         %d\n", s.GoldQuotes)
	fmt.Fprintf(w, "quote precision     %.3f\n", s.Quotes.Precision())
	fmt.Fprintf(w, "quote recall        %.3f\n", s.Quotes.Recall())
	fmt.Fprintf(w, "quote F1            %.3f\n", s.Quotes.F1())
	fmt.Fprintf(w, "speaker accuracy    %.3f  (all gold quotes)\n", s.SpeakerAccuracy())
	fmt.Fprintf(w, "speaker accuracy    %.3f  (matched quotes)\n", s.SpeakerAccuracyMatched())
	fmt.Fprintf(w, "speaker-type acc.   %.3f\n", s.TypeAccuracy())
	if s.Unresolved > 0 {
		fmt.Fprintf(w, "pronoun-only gold   %d  (quotes whose gold speaker is a pronoun: not scored for speaker or type)\n", s.Unresolved)
	}
	fmt.Fprintf(w, "false errors        %.1f per 100 quotes, in %d of %d articles  (missing-attribution where the gold has a speaker or no quote)\n",
		s.FalseErrorsPer100(), s.FalseErrorArticles, s.Articles)
	if s.Changes.TP+s.Changes.FP+s.Changes.FN > 0 {
		fmt.Fprintf(w, "change precision    %.3f\n", s.Changes.Precision())
		fmt.Fprintf(w, "change recall       %.3f\n", s.Changes.Recall())
	}
	if s.Verdicts > 0 {
		fmt.Fprintf(w, "verdict accuracy    %.3f  (%d of %d gold verdicts)\n", s.VerdictAccuracy(), s.VerdictsRight, s.Verdicts)
		fmt.Fprintf(w, "misquote precision  %.3f\n", s.Misquotes.Precision())
		fmt.Fprintf(w, "misquote recall     %.3f  (tp %d, fp %d, fn %d)\n", s.Misquotes.Recall(), s.Misquotes.TP, s.Misquotes.FP, s.Misquotes.FN)
		fmt.Fprintf(w, "cosmetic misquotes  %d  (misquote on a quote whose only changes are cosmetic)\n", s.CosmeticMisquotes)
	}
	if rules := s.FindingRules(); len(rules) > 0 {
		fmt.Fprintf(w, "findings\n")
		for _, id := range rules {
			c := s.Findings[id]
			fmt.Fprintf(w, "  %-28s precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)\n", id, c.Precision(), c.Recall(), c.TP, c.FP, c.FN)
		}
	}
	if len(s.Calibration) > 0 {
		fmt.Fprintf(w, "calibration         attributions with confidence >= c, and how often they are right\n")
		for _, r := range s.CalibrationTable() {
			mark := ""
			if r.Quotes > 0 && r.Right < r.AtLeast {
				mark = "  (below c)"
			}
			fmt.Fprintf(w, "  c >= %.2f  %6d quotes  right %.3f%s\n", r.AtLeast, r.Quotes, r.Right, mark)
		}
	}
	if maxErrors > 0 && len(s.Mistakes) > 0 {
		fmt.Fprintf(w, "mistakes (%d)\n", len(s.Mistakes))
		for i, m := range s.Mistakes {
			if i == maxErrors {
				fmt.Fprintf(w, "  … %d more\n", len(s.Mistakes)-maxErrors)
				break
			}
			fmt.Fprintf(w, "  %s: %s: %s\n", m.Article, m.Kind, m.Detail)
		}
	}
}
