package eval_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/eval"
	"github.com/quotecheck/quotecheck/rules"
)

// TestVerifyAccuracy scores verify on the fictional stories of
// testdata/verify: verdicts, misquote precision and recall, and no
// misquote on a quotation whose only changes are cosmetic.
func TestVerifyAccuracy(t *testing.T) {
	golds, err := eval.LoadGold("../testdata/verify/gold.jsonl")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(golds), 8)
	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(t, err)
	s := eval.NewScore()
	for i := range golds {
		eval.ScoreArticle(s, chk, &golds[i])
	}
	assert.GreaterOrEqual(t, s.Verdicts, 80)
	assert.GreaterOrEqual(t, s.VerdictAccuracy(), 0.95, "%v", s.Mistakes)
	assert.GreaterOrEqual(t, s.Misquotes.Precision(), 0.95, "%v", s.Mistakes)
	assert.GreaterOrEqual(t, s.Misquotes.Recall(), 0.95, "%v", s.Mistakes)
	assert.Zero(t, s.CosmeticMisquotes, "%v", s.Mistakes)
}
