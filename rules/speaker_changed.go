package rules

import (
	"fmt"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/versions"
)

// SpeakerChanged flags a quotation attributed to someone else in a later
// version of an article.
var SpeakerChanged = &checker.Rule{
	ID:       "speaker-changed",
	Severity: checker.Error,
	Needs:    checker.NeedsVersions,
	Title:    "Quotation attributed to a different speaker in a later version",
	Rationale: "Putting words in the wrong mouth is among the most serious errors a story " +
		"can carry, and fixing it always calls for a correction that names both the " +
		"wrong and the right speaker. This rule reports a quotation whose speaker is " +
		"no longer the same source: another person, another kind of source, or no " +
		"speaker at all. A shorter or fuller form of the same name is not a change. " +
		"Found by `quotecheck diff`.",
	Bad:  `v1: "We signed an agreement, not a blank check," Bayón said. → v2: "We signed an agreement, not a blank check," said Carla Montiel.`,
	Good: `v1: "We signed an agreement, not a blank check," Bayón said. → v2: "We signed an agreement, not a blank check," said Ernesto Bayón, the party leader.`,
	Run: func(pass *checker.Pass) {
		for i := range pass.Changes {
			c := &pass.Changes[i]
			if c.Type != versions.SpeakerChanged {
				continue
			}
			pass.Report(checker.Finding{Quote: c.New.ID, Span: c.New.Span, Change: c,
				Message: fmt.Sprintf("quotation re-attributed: was %s, now %s", speakerOf(c.Old), speakerOf(c.New))})
		}
	},
}

// speakerOf names who a quote is attributed to, for messages.
func speakerOf(q *article.Quote) string {
	if q == nil || q.Speaker == nil {
		return "no speaker"
	}
	if q.Speaker.Name != "" {
		return q.Speaker.Name
	}
	return q.Speaker.Mention
}
