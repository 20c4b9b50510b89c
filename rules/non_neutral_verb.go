package rules

import (
	"strings"

	"github.com/quotecheck/quotecheck/checker"
)

// NonNeutralVerb flags loaded attribution verbs.
var NonNeutralVerb = &checker.Rule{
	ID:       "non-neutral-verb",
	Severity: checker.Info,
	Title:    "Loaded attribution verb",
	Rationale: "\"Said\" is neutral. Verbs such as claimed, admitted, conceded, insisted, " +
		"alleged, boasted or revealed pass a judgement on the speaker or on the truth of what " +
		"they said; use them only when that judgement is the story's, and stands up. The list " +
		"of loaded verbs can be replaced with the loaded-verbs option of the config file.",
	Bad:  `"We followed every rule," the director claimed.`,
	Good: `"We followed every rule," the director said.`,
	Run: func(pass *checker.Pass) {
		seen := map[int]bool{}
		for _, q := range pass.Doc.Quotations() {
			if q.Cue == "" || q.CueSpan.Empty() || seen[q.CueSpan.Start] {
				continue
			}
			verb := strings.Fields(q.Cue)[0]
			if lemma, loaded := pass.Options.LoadedVerb(verb); loaded {
				seen[q.CueSpan.Start] = true
				pass.Reportf(q.CueSpan, q.ID, "loaded attribution verb %q (%s): \"said\" is neutral", verb, lemma)
			}
		}
	},
}
