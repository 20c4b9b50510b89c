// Package namematch holds the text normalisation and speaker-name matching
// of the gold-format spec, shared by eval (scoring) and verify (transcript
// speaker labels) so that both decide "same speaker" the same way.
package namematch

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// The normalisation and speaker rules below follow the gold-format spec
// and the reference scorer (shared/tools/score.py) step by step, so that
// eval and the scorer agree on every figure.

var quoteFold = strings.NewReplacer(
	"\u201C", `"`, "\u201D", `"`, "\u201E", `"`, "\u00AB", `"`, "\u00BB", `"`,
	"\u2018", "'", "\u2019", "'", "\u201A", "'", "\u2032", "'", "\u00A0", " ",
)

// The patterns are compiled when first used: compiling the Unicode
// classes costs about a millisecond, which every run of the binary paid
// at start-up although only eval and verify match names.
var (
	caseFold  = cases.Fold()
	spaceRun  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s+`) })
	wordToken = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[\p{L}\p{N}_]+`) })
)

// WordTokens splits s into runs of letters, digits and underscores, as
// the scorer's \w+ does.
func WordTokens(s string) []string { return wordToken().FindAllString(s, -1) }

// stripChars are trimmed from both ends of a normalised text.
const stripChars = " \t\n,.;:!?\"'"

// Normalize applies the scoring normalisation: NFKC, typographic quotes
// folded to ASCII, whitespace collapsed, case folded, and surrounding
// punctuation trimmed.
func Normalize(s string) string {
	s = norm.NFKC.String(s)
	s = quoteFold.Replace(s)
	s = spaceRun().ReplaceAllString(s, " ")
	s = caseFold.String(s)
	return strings.Trim(s, stripChars)
}

// leadWords are dropped from the front of names before comparing them.
var leadWords = map[string]bool{"a": true, "an": true, "the": true, "mr": true, "mrs": true,
	"ms": true, "miss": true, "dr": true, "prof": true, "professor": true, "sir": true}

// pronouns prove nothing about who spoke: "he" in gold and prediction may
// be two people.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true,
	"i": true, "you": true, "who": true, "which": true, "that": true, "him": true, "her": true,
	"them": true, "us": true, "me": true, "one": true, "this": true, "these": true, "those": true}

// NameKey normalises a speaker name, drops full stops and leading
// articles and honorifics.
func NameKey(s string) string {
	w := strings.Fields(strings.ReplaceAll(Normalize(s), ".", ""))
	for len(w) > 0 && leadWords[w[0]] {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

// nameWords splits a name key into word tokens, keeping apostrophes as
// tokens of their own so that a possessor can be told apart.
var nameWordToken = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[\p{L}\p{N}_]+|'`) })

// SpeakerMatches applies the scorer's speaker rule to one prediction.
func SpeakerMatches(name, mention string, gold []string, goldType string) bool {
	if goldType == "none" {
		return name == "" && mention == ""
	}
	if name == "" && mention == "" {
		return false
	}
	goldKeys := map[string]bool{}
	for _, g := range gold {
		if k := NameKey(g); k != "" && !pronouns[k] {
			goldKeys[k] = true
		}
	}
	cands := []string{NameKey(name), NameKey(mention)}
	for _, c := range cands {
		if c != "" && !pronouns[c] && goldKeys[c] {
			return true
		}
	}
	pn := strings.Fields(NameKey(name))
	if goldType == "person" && len(gold) > 0 {
		// the last word of the canonical name, before any appositive
		canon, _, _ := strings.Cut(gold[0], ",")
		cw := strings.Fields(NameKey(canon))
		if len(cw) > 0 && len(pn) > 0 && pn[len(pn)-1] == cw[len(cw)-1] {
			return true
		}
		// a name inside a longer gold mention, not as its possessor
		pw := WordTokens(strings.Join(pn, " "))
		for g := range goldKeys {
			gw := nameWordToken().FindAllString(g, -1)
			n := len(pw)
			for i := 0; n > 0 && i+n <= len(gw); i++ {
				if slices.Equal(gw[i:i+n], pw) && !(i+n < len(gw) && gw[i+n] == "'") {
					return true
				}
			}
		}
	}
	// descriptions: a run of two or more words of one inside the other
	for _, c := range cands {
		for g := range goldKeys {
			short, long := strings.Fields(c), strings.Fields(g)
			if len(short) > len(long) {
				short, long = long, short
			}
			if len(short) < 2 {
				continue
			}
			for i := 0; i+len(short) <= len(long); i++ {
				if slices.Equal(long[i:i+len(short)], short) {
					return true
				}
			}
		}
	}
	return false
}
