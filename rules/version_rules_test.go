package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/checker"
)

// versionsOf reads a version rule's example: "v1: OLD → v2: NEW", or
// "v2 adds: NEW" for a paragraph added to an article.
func versionsOf(t *testing.T, example string) (string, string) {
	t.Helper()
	const lead = "Harbour story\n\nThe council met on Tuesday.\n\n"
	if rest, ok := strings.CutPrefix(example, "v2 adds: "); ok {
		return lead, lead + rest + "\n"
	}
	rest, ok := strings.CutPrefix(example, "v1: ")
	require.True(t, ok, "example %q", example)
	old, new, ok := strings.Cut(rest, " → v2: ")
	require.True(t, ok, "example %q", example)
	if new == "(paragraph cut)" {
		new = ""
	}
	return lead + old + "\n", lead + new + "\n"
}

// TestVersionRuleExamples runs each version rule over its own examples:
// the bad one must be reported, the good one not.
func TestVersionRuleExamples(t *testing.T) {
	chk, err := checker.New(All(), checker.Config{})
	require.NoError(t, err)
	for _, r := range []*checker.Rule{QuoteChanged, QuoteRemoved, QuoteAdded, SpeakerChanged} {
		t.Run(r.ID, func(t *testing.T) {
			require.True(t, r.ComparesVersions())
			require.Same(t, r, ByID(All(), r.ID), "registered in All")
			for _, ex := range []struct {
				text string
				want bool
			}{{r.Bad, true}, {r.Good, false}} {
				old, new := versionsOf(t, ex.text)
				findings := chk.Compare(chk.CheckText("v1", old).Doc, chk.CheckText("v2", new).Doc)
				fired := false
				for _, f := range findings {
					if f.Rule == r.ID {
						fired = true
						require.NotNil(t, f.Change)
						assert.Equal(t, r.ID, f.Rule)
					}
				}
				assert.Equal(t, ex.want, fired, "%s: %v", ex.text, findings)
			}
		})
	}
}

// TestVersionRulesQuietInCheck: outside a comparison the version rules
// have nothing to report.
func TestVersionRulesQuietInCheck(t *testing.T) {
	chk, err := checker.New(All(), checker.Config{})
	require.NoError(t, err)
	r := chk.CheckText("a", "Story\n\n\"We will win,\" said Ada Marsh, the mayor.\n")
	for _, f := range r.Findings {
		assert.NotContains(t, []string{"quote-changed", "quote-removed", "quote-added", "speaker-changed"}, f.Rule)
	}
}
