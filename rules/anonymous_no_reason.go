package rules

import (
	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// AnonymousNoReason flags quotations from anonymous sources when the story
// never says why the source was not named.
var AnonymousNoReason = &checker.Rule{
	ID:       "anonymous-no-reason",
	Severity: checker.Warning,
	Title:    "Anonymous source with no reason given for anonymity",
	Rationale: "AP, Reuters, The New York Times and the BBC require a story to tell readers why " +
		"a source was granted anonymity (\"spoke on condition of anonymity because they were " +
		"not authorised to discuss the talks\"). A bare \"sources said\" is the weakest form of " +
		"attribution: it says neither who the sources are nor why they hide.",
	Bad: `"The deal is dead," a person familiar with the talks said.`,
	Good: `"The deal is dead," said a person familiar with the talks, who spoke on condition ` +
		`of anonymity because the negotiations are private.`,
	Run: func(pass *checker.Pass) {
		for _, q := range pass.Doc.Quotations() {
			if q.Speaker == nil || q.Speaker.Type != article.Anonymous {
				continue
			}
			src := &pass.Doc.Sources[q.Speaker.Source]
			if src.AnonymityReason {
				continue
			}
			if src.Bare {
				pass.Reportf(q.Span, q.ID, "bare %q: describe the sources and say why they were not named", src.Name+" said")
				continue
			}
			pass.Reportf(q.Span, q.ID, "the story never says why %q was granted anonymity", src.Name)
		}
	},
}
