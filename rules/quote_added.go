package rules

import (
	"fmt"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/versions"
)

// QuoteAdded notes a quotation that is new in a later version of an
// article.
var QuoteAdded = &checker.Rule{
	ID:       "quote-added",
	Severity: checker.Info,
	Needs:    checker.NeedsVersions,
	Title:    "Quotation added in a later version",
	Rationale: "Quotations added while a story is updated are often gathered in a hurry; " +
		"listing them lets an editor check each new quote's source and attribution " +
		"before the update goes out. Found by `quotecheck diff`.",
	Bad:  `v2 adds: The central bank called the plan "a credible step."`,
	Good: `v2 adds: The central bank welcomed the plan in a statement.`,
	Run: func(pass *checker.Pass) {
		for i := range pass.Changes {
			c := &pass.Changes[i]
			if c.Type != versions.Added {
				continue
			}
			pass.Report(checker.Finding{Quote: c.New.ID, Span: c.New.Span, Change: c,
				Message: fmt.Sprintf("quotation added (%s)", speakerOf(c.New))})
		}
	},
}
