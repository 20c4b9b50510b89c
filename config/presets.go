package config

import (
	"sort"

	"github.com/quotecheck/quotecheck/checker"
)

// Preset is a house style a config file can extend: rule severities and
// options as Go data, documented by `quotecheck config presets` and
// docs/config.md. Presets are quotecheck's starting points for newsrooms
// that follow these stylebooks, not configurations the organisations
// publish.
type Preset struct {
	Name        string
	Description string
	// Severity sets rules' severities (and so enables them).
	Severity map[string]checker.Severity
	// Disabled turns rules off.
	Disabled []string
	// SpeechVerbs and AnonymityReasons are added to the built-in lists.
	SpeechVerbs      []string
	AnonymityReasons []string
	// LoadedVerbs, when not nil, replaces the built-in loaded-verb list.
	LoadedVerbs []string
}

// Presets are the house styles by name.
var Presets = map[string]*Preset{
	"ap": {
		Name: "ap",
		Description: "AP style: \"said\" is almost always the right verb, so loaded verbs warn; " +
			"first references give the full name and later ones the bare surname (no courtesy " +
			"titles), so a surname before the full name warns; every anonymous source needs the " +
			"reason anonymity was granted, so a missing reason is an error.",
		Severity: map[string]checker.Severity{
			"non-neutral-verb":            checker.Warning,
			"surname-before-introduction": checker.Warning,
			"anonymous-no-reason":         checker.Error,
		},
	},
	"reuters": {
		Name: "reuters",
		Description: "Reuters style: anonymous sources are a last resort that must be described " +
			"as precisely as possible and say why they are not named, so a missing reason is an " +
			"error; loaded verbs warn.",
		Severity: map[string]checker.Severity{
			"anonymous-no-reason": checker.Error,
			"non-neutral-verb":    checker.Warning,
		},
	},
	"bbc": {
		Name: "bbc",
		Description: "BBC (British) style: courtesy titles on later references (\"Mr Sunak\"), " +
			"so surname checks stay at info; loaded verbs warn; British phrasings of the reason " +
			"for anonymity (\"speaking privately\", \"who did not wish to be named\") count as " +
			"reasons.",
		Severity: map[string]checker.Severity{
			"non-neutral-verb": checker.Warning,
		},
		AnonymityReasons: []string{
			"speaking privately", "spoke privately", "did not wish to be named",
			"did not want to be named", "wished to remain anonymous",
			"wanted to remain anonymous", "asked to remain anonymous",
		},
	},
}

// PresetNames lists the preset names in order.
func PresetNames() []string {
	names := make([]string, 0, len(Presets))
	for n := range Presets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
