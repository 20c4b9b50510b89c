package rules

import (
	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// GuessConfidence is the confidence below which an attribution is a guess
// the editor should confirm (on PolNeAR such attributions are right about
// a third of the time).
const GuessConfidence = 0.4

// UnconfirmedAttribution asks the editor to confirm who speaks a quotation
// whose speaker the extractor could not read, where missing-attribution
// would be a guess.
var UnconfirmedAttribution = &checker.Rule{
	ID:       "unconfirmed-attribution",
	Severity: checker.Info,
	Title:    "Attribution could not be confirmed",
	Rationale: "Real copy attributes quotations in ways no reader of sentences can always follow: " +
		"a speaker named two paragraphs up, a layout convention, a transcript, a document. When " +
		"quotecheck finds no speaker but cannot be sure none is given, it asks the editor to " +
		"confirm the attribution instead of reporting an error; so it does for an attribution " +
		"that is only a guess (confidence below 0.4, such as the one person a paragraph names).",
	Bad: "The ferry board met on Tuesday with Ilse Varga in the chair.\n\n\"We will see what the summer brings.\"",
	Good: "The ferry board met on Tuesday.\n\n\"We will see what the summer brings,\" said " +
		"Ilse Varga, the board's chair.",
	Run: func(pass *checker.Pass) {
		for _, q := range pass.Quotations() {
			switch {
			case q.Speaker == nil && q.Confidence < NoSpeakerConfidence:
				pass.Report(checker.Finding{Span: q.Span, Quote: q.ID, Message: "no speaker found for " + quoted(article.Shorten(pass.Doc.QuoteText(q), 40)) + ": confirm who is speaking, or attribute it in the sentence"})
			case q.Speaker != nil && q.Confidence < GuessConfidence:
				pass.Report(checker.Finding{Span: q.Span, Quote: q.ID, Message: quoted(article.Shorten(pass.Doc.QuoteText(q), 40)) + " is attributed to " + q.Speaker.Name + " only by a guess: confirm who is speaking"})
			}
		}
	},
}
