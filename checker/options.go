package checker

import (
	"strings"

	"github.com/quotecheck/quotecheck/extract"
)

// Options are the rule and extractor options a config file sets. The zero
// value means the built-in behaviour everywhere.
type Options struct {
	// SpeechVerbs are extra reporting verbs (lemmas such as "opine"),
	// inflected by the extractor.
	SpeechVerbs []string
	// AnonymityReasons are extra phrases that say why a source is not
	// named ("spoke privately", "not cleared to brief"), looked for in the
	// sentences that mention the source (ASCII case ignored).
	AnonymityReasons []string
	// LoadedVerbs, when not nil, replaces the built-in list of loaded
	// attribution verbs used by non-neutral-verb. Entries are lemmas
	// ("claim") or exact forms ("claimed"). An empty, non-nil list means
	// no verb is loaded.
	LoadedVerbs []string
}

// LoadedVerb reports whether an attribution verb form is loaded under
// these options, and returns its lemma. A nil receiver uses the built-in
// list.
func (o *Options) LoadedVerb(word string) (string, bool) {
	if o == nil || o.LoadedVerbs == nil {
		return extract.LoadedVerb(word)
	}
	lower := strings.ToLower(word)
	lemma, _ := extract.LoadedVerb(lower)
	if lemma == "" {
		lemma = lower
	}
	for _, v := range o.LoadedVerbs {
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
