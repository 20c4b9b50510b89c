package rules

import "github.com/quotecheck/quotecheck/checker"

// UnbalancedQuotes flags opening marks never closed and stray closing marks.
var UnbalancedQuotes = &checker.Rule{
	ID:       "unbalanced-quotes",
	Severity: checker.Error,
	Title:    "Quotation mark never closed, or closed without opening",
	Rationale: "A quotation that runs into the next paragraph leaves its first paragraph open " +
		"and reopens the next; any other unbalanced mark hides where the speaker's words end, " +
		"so readers (and this checker) cannot tell quotation from paraphrase.",
	Bad:  `"We will appeal, Ortiz said after the hearing.`,
	Good: `"We will appeal," Ortiz said after the hearing.`,
	Run: func(pass *checker.Pass) {
		for _, m := range pass.Doc.Marks {
			switch m.Kind {
			case "unclosed":
				pass.Reportf(m.Span, "", "opening %s is never closed, and the next paragraph does not continue the quotation", m.Mark)
			default:
				pass.Reportf(m.Span, "", "closing %s has no opening mark", m.Mark)
			}
		}
	},
}
