package rules

import "github.com/quotecheck/quotecheck/checker"

// MissingAttribution flags quotations with no speaker.
var MissingAttribution = &checker.Rule{
	ID:       "missing-attribution",
	Severity: checker.Error,
	Title:    "Quotation with no speaker",
	Rationale: "Every direct quotation needs a speaker, in its own sentence or clearly carried " +
		"from the quotation it continues. A quote that nobody said is either an unsourced claim " +
		"or a scare quote that should lose its marks.",
	Bad:  `The scheme was hailed as "the boldest plan in a generation".`,
	Good: `Mayor Ines Calloway hailed the scheme as "the boldest plan in a generation".`,
	Run: func(pass *checker.Pass) {
		for _, q := range pass.Doc.Quotations() {
			if q.Speaker != nil {
				continue
			}
			pass.Reportf(q.Span, q.ID, "quotation has no speaker (%q): attribute it, or drop the quotation marks", short(pass.Doc.QuoteText(q), 40))
		}
	},
}
