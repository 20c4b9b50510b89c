package rules

import (
	"strings"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// AnonymousNoReason flags each anonymous source, once, when the story never
// says why it was not named.
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
		// once per source, at its first quote: the missing reason is one
		// fix, however many times the source is quoted
		quotes := map[int][]*article.Quote{}
		var order []int
		for _, q := range pass.Doc.Quotations() {
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
			also := ""
			if len(qs) > 1 {
				ids := make([]string, 0, len(qs)-1)
				for _, q := range qs[1:] {
					ids = append(ids, q.ID)
				}
				also = " (also quoted in " + strings.Join(ids, ", ") + ")"
			}
			if src.Bare {
				pass.Reportf(qs[0].Span, qs[0].ID, "bare %q: describe the sources and say why they were not named%s", src.Name+" said", also)
				continue
			}
			pass.Reportf(qs[0].Span, qs[0].ID, "the story never says why %q was granted anonymity%s", src.Name, also)
		}
	},
}
