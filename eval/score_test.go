package eval

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"\u201cWe will not back down,\u201d", "we will not back down"},
		{"  It\u2019s   DONE.  ", "it's done"},
		{"Stra\u00dfe", "strasse"},
		{"\u00a0a\u00a0b?!", "a b"},
	} {
		assert.Equal(t, tc.want, Normalize(tc.in), tc.in)
	}
}

func TestOverlap(t *testing.T) {
	assert.InDelta(t, 1.0, overlap("We will win.", "we WILL win"), 1e-9)
	assert.InDelta(t, 0.8, overlap("one two three four five", "one two three four six"), 1e-9)
	assert.InDelta(t, 0.5, overlap("one two", "one two three four"), 1e-9)
	assert.Zero(t, overlap("", "one"))
}

func TestMatchQuotesGreedyInGoldOrder(t *testing.T) {
	gold := []GoldQuote{{Text: "the dam is safe and sound"}, {Text: "the dam is safe"}}
	preds := []string{"the dam is safe", "the dam is safe and sound today"}
	// the first gold quote takes its best prediction, even when a later
	// gold quote would have wanted it
	assert.Equal(t, []int{1, 0}, matchQuotes(gold, preds))
	assert.Equal(t, []int{-1}, matchQuotes([]GoldQuote{{Text: "nothing alike here"}}, preds))
}

func TestSpeakerMatches(t *testing.T) {
	for _, tc := range []struct {
		name          string
		pred, mention string
		gold          []string
		typ           string
		want          bool
	}{
		{"exact name", "Maria Okafor", "", []string{"Maria Okafor"}, "person", true},
		{"mention with honorific", "Maria Okafor", "Ms. Okafor", []string{"Ms Okafor"}, "person", true},
		{"surname of the canonical name", "Okafor", "", []string{"Maria Okafor, the union leader"}, "person", true},
		{"pronouns prove nothing", "Tomas Ferrin", "he", []string{"he"}, "person", false},
		{"name inside a longer gold mention", "Chris Low", "", []string{"Chris Low at FTN Financial"}, "person", true},
		{"possessor is not the speaker", "Donald Trump", "", []string{"Donald Trump's son"}, "person", false},
		{"two-word run of a description", "senior western diplomat", "", []string{"a senior western diplomat in Lenz"}, "anonymous", true},
		{"one word is not enough", "diplomat", "", []string{"a senior western diplomat"}, "anonymous", false},
		{"gold none wants no speaker", "", "", nil, "none", true},
		{"gold none, a speaker given", "Okafor", "", nil, "none", false},
		{"no speaker for a gold speaker", "", "", []string{"Okafor"}, "person", false},
		{"the article is dropped", "the inspection report", "", []string{"inspection report"}, "document", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, SpeakerMatches(tc.pred, tc.mention, tc.gold, tc.typ))
		})
	}
}

func TestCalibrationTable(t *testing.T) {
	s := NewScore()
	s.Calibration = []Judged{{0.95, true}, {0.95, true}, {0.85, false}, {0.4, true}}
	rows := s.CalibrationTable()
	byC := map[float64]CalibrationRow{}
	for _, r := range rows {
		byC[r.AtLeast] = r
	}
	assert.Equal(t, 4, byC[0.3].Quotes)
	assert.InDelta(t, 0.75, byC[0.3].Right, 1e-9)
	assert.Equal(t, 3, byC[0.8].Quotes)
	assert.InDelta(t, 2.0/3, byC[0.8].Right, 1e-9)
	assert.Equal(t, 2, byC[0.95].Quotes)
	assert.InDelta(t, 1.0, byC[0.95].Right, 1e-9)
}
