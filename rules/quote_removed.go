package rules

import (
	"fmt"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/versions"
)

// QuoteRemoved flags a quotation cut from a later version of an article.
var QuoteRemoved = &checker.Rule{
	ID:       "quote-removed",
	Severity: checker.Warning,
	Needs:    checker.NeedsVersions,
	Title:    "Quotation removed from a later version",
	Rationale: "Cutting a quotation after publication can be routine trimming, but it can " +
		"also remove a source's side of the story or a remark that prompted a complaint; " +
		"standards desks want to see every cut and decide whether a correction or " +
		"clarification is due. Found by `quotecheck diff`; the position is in the " +
		"earlier version.",
	Bad:  `v1: "They will vote yes in the end," the official said. → v2: (paragraph cut)`,
	Good: `v1: "They will vote yes in the end," the official said. → v2: "They will vote yes in the end," the finance ministry official said.`,
	Run: func(pass *checker.Pass) {
		for i := range pass.Changes {
			c := &pass.Changes[i]
			if c.Type != versions.Removed {
				continue
			}
			pass.Report(checker.Finding{Quote: c.Old.ID, Span: c.Old.Span, Change: c,
				Message: fmt.Sprintf("quotation removed (%s)", speakerOf(c.Old))})
		}
	},
}
