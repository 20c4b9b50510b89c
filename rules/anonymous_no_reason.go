package rules

import (
	"strings"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// AnonymousNoReason flags each anonymous source, once, when the story never
// says why it was not named. The finding is at the words that introduce
// the source, where the reason belongs, so that it never sits on the same
// spot as anonymous-source's finding about a quotation: one finding per
// source for the missing reason, one per quotation for the anonymity.
var AnonymousNoReason = &checker.Rule{
	ID:       "anonymous-no-reason",
	Severity: checker.Warning,
	Title:    "Anonymous source with no reason given for anonymity",
	Rationale: "AP, Reuters, The New York Times and the BBC require a story to tell readers why " +
		"a source was granted anonymity (\"spoke on condition of anonymity because they were " +
		"not authorised to discuss the talks\"). A bare \"sources said\" is the weakest form of " +
		"attribution: it says neither who the sources are nor why they hide. Reported once per " +
		"source, at the words that introduce it, naming the source's quotations.",
	Bad: `"The deal is dead," a person familiar with the talks said.`,
	Good: `"The deal is dead," said a person familiar with the talks, who spoke on condition ` +
		`of anonymity because the negotiations are private.`,
	Run: func(pass *checker.Pass) {
		// once per source: the missing reason is one fix, however many
		// times the source is quoted
		quotes := map[int][]*article.Quote{}
		var order []int
		for _, q := range pass.Quotations() {
			if q.Speaker == nil || q.Speaker.Type != article.Anonymous {
				continue
			}
			si := q.Speaker.Source
			if pass.Doc.Sources[si].AnonymityReason {
				continue
			}
			if _, seen := quotes[si]; !seen {
				order = append(order, si)
			}
			quotes[si] = append(quotes[si], q)
		}
		for _, si := range order {
			src := &pass.Doc.Sources[si]
			qs := quotes[si]
			ids := make([]string, 0, len(qs))
			for _, q := range qs {
				ids = append(ids, q.ID)
			}
			quotedIn := " (quoted in " + strings.Join(ids, ", ") + ")"
			at := src.Intro
			if at.End <= at.Start || at.Start == qs[0].Span.Start {
				at = qs[0].Span // no introduction found: the first quotation
			}
			if src.Bare {
				pass.Report(checker.Finding{Span: at, Quote: qs[0].ID, Message: "bare " + quoted(src.Name+" said") + ": describe the sources and say why they were not named" + quotedIn})
				continue
			}
			pass.Report(checker.Finding{Span: at, Quote: qs[0].ID, Message: "the story never says why " + quoted(src.Name) + " was granted anonymity" + quotedIn})
		}
	},
}
