package rules_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/rules"
)

// TestAnonymousFindingsNeverShareASpot: an anonymous quotation gets one
// finding (anonymous-source); the missing reason is reported once per
// source, at the words introducing it, not again on a quotation.
func TestAnonymousFindingsNeverShareASpot(t *testing.T) {
	story, err := os.ReadFile("../testdata/articles/anonymous.txt")
	require.NoError(t, err)
	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(t, err)
	stories := map[string]string{
		"anonymous.txt": string(story),
		"one line":      "\"The deal is dead,\" a person familiar with the talks said.\n\n\"Nobody will sign,\" the person said.\n",
		"bare sources":  "\"The deal is dead,\" sources said.\n",
	}
	for name, text := range stories {
		t.Run(name, func(t *testing.T) {
			res := chk.CheckText(name, text)
			at := map[int][]string{}
			counts := map[string]int{}
			for _, f := range res.Findings {
				if f.Rule == rules.AnonymousSource.ID || f.Rule == rules.AnonymousNoReason.ID {
					at[f.Span.Start] = append(at[f.Span.Start], f.Rule)
					counts[f.Rule]++
				}
			}
			for start, ids := range at {
				assert.Len(t, ids, 1, "findings %v at byte %d", ids, start)
			}
			anonymousQuotes, sourcesWithoutReason := 0, map[int]bool{}
			for _, q := range res.Doc.Quotations() {
				if q.Speaker != nil && q.Speaker.Type == article.Anonymous {
					anonymousQuotes++
				}
			}
			for i, s := range res.Doc.Sources {
				if s.Type == article.Anonymous && !s.AnonymityReason && len(s.Quotes) > 0 {
					sourcesWithoutReason[i] = true
				}
			}
			assert.Equal(t, anonymousQuotes, counts[rules.AnonymousSource.ID])
			assert.Equal(t, len(sourcesWithoutReason), counts[rules.AnonymousNoReason.ID])
		})
	}
}
