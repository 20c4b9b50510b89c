package rules_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/rules"
)

func TestLoadedVerb(t *testing.T) {
	tests := []struct {
		name       string
		opts       checker.RuleOptions
		word       string
		wantLemma  string
		wantLoaded bool
	}{
		{"nil options use the built-in list", nil, "claimed", "claim", true},
		{"built-in list, neutral verb", checker.RuleOptions{}, "said", "say", false},
		{"configured lemma matches an inflection", checker.RuleOptions{"verbs": []string{"say"}}, "said", "say", true},
		{"configured list replaces the built-in one", checker.RuleOptions{"verbs": []string{"say"}}, "claimed", "claim", false},
		{"exact form", checker.RuleOptions{"verbs": []string{"Quipped"}}, "quipped", "quip", true},
		{"empty list: nothing is loaded", checker.RuleOptions{"verbs": []string{}}, "claimed", "claim", false},
		{"a configured verb the built-in list does not know", checker.RuleOptions{"verbs": []string{"opine"}}, "opined", "opine", true},
		{"unknown verb", checker.RuleOptions{"verbs": []string{"opine"}}, "ruled", "rule", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lemma, loaded := rules.LoadedVerb(tt.opts, tt.word)
			assert.Equal(t, tt.wantLemma, lemma)
			assert.Equal(t, tt.wantLoaded, loaded)
		})
	}
}
