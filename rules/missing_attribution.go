package rules

import (
	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// NoSpeakerConfidence is how sure the extractor must be that a quotation
// names no speaker (article.Quote.Confidence of a quote without one) for
// missing-attribution to fire; below it the quote gets
// unconfirmed-attribution instead. The extractor is sure only of shapes
// that real copy confirms: an agentless passive ("was hailed as “…”") or
// a quotation with nobody named around it.
const NoSpeakerConfidence = 0.8

// MissingAttribution flags quotations with no speaker.
var MissingAttribution = &checker.Rule{
	ID:       "missing-attribution",
	Severity: checker.Error,
	Title:    "Quotation with no speaker",
	Rationale: "Every direct quotation needs a speaker, in its own sentence or clearly carried " +
		"from the quotation it continues. A quote that nobody said is either an unsourced claim " +
		"or a scare quote that should lose its marks. The rule fires only where the extractor " +
		"is sure no speaker is given; a quotation whose speaker it could not read gets " +
		"unconfirmed-attribution, so a pre-publish hook does not refuse a story for nothing.",
	Bad:  `The scheme was hailed as "the boldest plan in a generation".`,
	Good: `Mayor Ines Calloway hailed the scheme as "the boldest plan in a generation".`,
	Run: func(pass *checker.Pass) {
		for _, q := range pass.Quotations() {
			if q.Speaker != nil || q.Confidence < NoSpeakerConfidence {
				continue
			}
			pass.Report(checker.Finding{Span: q.Span, Quote: q.ID, Message: "quotation has no speaker (" + quoted(article.Shorten(pass.Doc.QuoteText(q), 40)) + "): attribute it, or drop the quotation marks"})
		}
	},
}
