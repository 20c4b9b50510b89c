package rules

import (
	"strings"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/extract"
)

// NonNeutralVerb flags loaded attribution verbs.
var NonNeutralVerb = &checker.Rule{
	ID:       "non-neutral-verb",
	Severity: checker.Info,
	Title:    "Loaded attribution verb",
	Rationale: "\"Said\" is neutral. Verbs such as claimed, admitted, conceded, insisted, " +
		"alleged, boasted or revealed pass a judgement on the speaker or on the truth of what " +
		"they said; use them only when that judgement is the story's, and stands up. The list " +
		"of loaded verbs can be replaced with the rule's verbs option in the config file.",
	Options: []checker.RuleOption{{Name: "verbs", SpeechVerbs: true,
		Usage: "loaded verbs, as lemmas (\"claim\") or exact forms (\"claimed\"), replacing the built-in list; an empty list turns the rule's list off"}},
	Bad:  `"We followed every rule," the director claimed.`,
	Good: `"We followed every rule," the director said.`,
	Run: func(pass *checker.Pass) {
		seen := map[int]bool{}
		for _, q := range pass.Quotations() {
			if q.Cue == "" || q.CueSpan.Empty() || seen[q.CueSpan.Start] {
				continue
			}
			verb := firstWord(q.Cue)
			if lemma, loaded := LoadedVerb(pass.RuleOptions, verb); loaded {
				seen[q.CueSpan.Start] = true
				pass.Report(checker.Finding{Span: q.CueSpan, Quote: q.ID, Message: "loaded attribution verb " + quoted(verb) + " (" + lemma + "): \"said\" is neutral"})
			}
		}
	},
}

// LoadedVerb reports whether an attribution verb form is loaded under the
// rule's options, and returns its lemma. Without a configured verbs list
// the built-in one applies.
func LoadedVerb(opts checker.RuleOptions, word string) (string, bool) {
	verbs, set := opts.Option("verbs")
	if !set {
		return extract.LoadedVerb(word)
	}
	lower := strings.ToLower(word)
	lemma, _ := extract.LoadedVerb(lower)
	if lemma == "" {
		lemma = lower
	}
	for _, v := range verbs {
		v = strings.ToLower(strings.TrimSpace(v))
		if v == lemma || v == lower {
			return lemma, true
		}
		// a configured verb the built-in list does not know: its inflections
		for _, form := range extract.Inflections(v) {
			if form == lower {
				return v, true
			}
		}
	}
	return lemma, false
}
