package eval

import "github.com/quotecheck/quotecheck/namematch"

// Normalize applies the scoring normalisation (see namematch.Normalize).
func Normalize(s string) string { return namematch.Normalize(s) }

// SpeakerMatches applies the scorer's speaker rule to one prediction (see
// namematch.SpeakerMatches).
func SpeakerMatches(name, mention string, gold []string, goldType string) bool {
	return namematch.SpeakerMatches(name, mention, gold, goldType)
}

func nameKey(s string) string { return namematch.NameKey(s) }

// tokens are the word tokens of a text after normalisation.
func tokens(s string) []string { return namematch.WordTokens(Normalize(s)) }

// overlap is the share of word tokens two texts have in common, the
// smaller of the two directions (0 when either has none).
func overlap(a, b string) float64 {
	ta, tb := tokens(a), tokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, w := range tb {
		count[w]++
	}
	shared := 0
	for _, w := range ta {
		if count[w] > 0 {
			count[w]--
			shared++
		}
	}
	return min(float64(shared)/float64(len(ta)), float64(shared)/float64(len(tb)))
}

// softThreshold is the token overlap at which two texts are the same quote.
const softThreshold = 0.8

// textsMatch compares two raw texts by the scoring rules.
func textsMatch(a, b string) bool {
	return Normalize(a) == Normalize(b) || overlap(a, b) >= softThreshold
}
