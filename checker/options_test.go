package checker_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/quotecheck/quotecheck/checker"
)

func TestLoadedVerbsOptionReachesRule(t *testing.T) {
	text := "Headline\n\n\"We followed every rule,\" said Dana Whitfield, the director.\n\n\"We are done,\" Whitfield claimed.\n\n\"Enough,\" Whitfield harrumphed.\n"
	tests := []struct {
		name   string
		loaded []string
		want   int
	}{
		{"built-in list", nil, 1},
		{"said counts as loaded", []string{"say", "claim"}, 2},
		{"no verb is loaded", []string{}, 0},
		{"a configured verb unknown to the extractor", []string{"harrumph"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := checker.Config{}
			if tt.loaded != nil {
				cfg.Rules = map[string]checker.RuleOptions{"non-neutral-verb": {"verbs": tt.loaded}}
			}
			c := suppressChecker(t, cfg)
			r := c.CheckText("s.txt", text)
			n := 0
			for _, f := range r.Findings {
				if f.Rule == "non-neutral-verb" {
					n++
				}
			}
			assert.Equal(t, tt.want, n)
		})
	}
}

func TestAnonymityReasonsOption(t *testing.T) {
	text := "Headline\n\n\"The deal is dead,\" said a minister, speaking privately after the meeting.\n"
	count := func(cfg checker.Config) (n int, reason bool) {
		c := suppressChecker(t, cfg)
		r := c.CheckText("s.txt", text)
		for _, f := range r.Findings {
			if f.Rule == "anonymous-no-reason" {
				n++
			}
		}
		for _, s := range r.Doc.Sources {
			reason = reason || s.AnonymityReason
		}
		return n, reason
	}
	n, reason := count(checker.Config{})
	assert.Equal(t, 1, n, "without the option the phrase is no reason")
	assert.False(t, reason)

	n, reason = count(checker.Config{Options: checker.Options{AnonymityReasons: []string{"Speaking   privately"}}})
	assert.Equal(t, 0, n, "a configured phrase near the source is a reason")
	assert.True(t, reason)
}
