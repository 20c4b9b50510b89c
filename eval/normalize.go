package eval

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

var quoteFold = strings.NewReplacer(
	"\u201C", `"`, "\u201D", `"`, "\u201E", `"`, "\u201F", `"`, "\u00AB", `"`, "\u00BB", `"`,
	"\u2018", "'", "\u2019", "'", "\u201A", "'", "\u201B", "'", "\u2032", "'", "\u2033", `"`,
)

// Normalize applies the scoring normalisation: NFKC, typographic quotes
// folded to ASCII, whitespace collapsed, case folded, and surrounding
// punctuation trimmed.
func Normalize(s string) string {
	s = norm.NFKC.String(s)
	s = quoteFold.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ToLower(s)
	return strings.Trim(s, ",.;:!? ")
}

// words splits a normalised text into word tokens without punctuation.
func words(s string) []string {
	f := strings.Fields(s)
	out := f[:0]
	for _, w := range f {
		w = strings.Trim(w, `,.;:!?"'()[]—–-…`)
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// softMatch reports whether two normalised texts share at least 80% of
// their word tokens in both directions.
func softMatch(a, b string) bool {
	wa, wb := words(a), words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	count := map[string]int{}
	for _, w := range wb {
		count[w]++
	}
	shared := 0
	for _, w := range wa {
		if count[w] > 0 {
			count[w]--
			shared++
		}
	}
	return float64(shared) >= 0.8*float64(len(wa)) && float64(shared) >= 0.8*float64(len(wb))
}

// textsMatch compares two raw texts by the scoring rules.
func textsMatch(a, b string) bool {
	na, nb := Normalize(a), Normalize(b)
	return na == nb || softMatch(na, nb)
}

var leadingDrops = []string{"a ", "an ", "the "}
var honorificDrops = []string{"mr ", "mr. ", "mrs ", "mrs. ", "ms ", "ms. ", "dr ", "dr. ", "prof ", "prof. "}

// nameKey normalises a speaker name and drops a leading article and
// honorific, as the scorer does.
func nameKey(s string) string {
	s = Normalize(s)
	for _, p := range leadingDrops {
		if strings.HasPrefix(s, p) {
			s = s[len(p):]
			break
		}
	}
	for _, p := range honorificDrops {
		if strings.HasPrefix(s, p) {
			s = s[len(p):]
			break
		}
	}
	return s
}

// SpeakerMatches applies the scorer's speaker rule to one prediction.
func SpeakerMatches(name, mention, predType string, gold []string, goldType string) bool {
	if goldType == "none" {
		return name == "" && mention == ""
	}
	if name == "" && mention == "" {
		return false
	}
	preds := []string{nameKey(name), nameKey(mention)}
	for _, g := range gold {
		gk := nameKey(g)
		for _, p := range preds {
			if p != "" && p == gk {
				return true
			}
		}
	}
	if len(gold) == 0 {
		return false
	}
	if goldType == "person" {
		gw := words(nameKey(gold[0]))
		if len(gw) == 0 {
			return false
		}
		last := gw[len(gw)-1]
		for _, p := range preds {
			pw := words(p)
			if len(pw) > 0 && pw[len(pw)-1] == last {
				return true
			}
		}
		return false
	}
	for _, g := range gold {
		gw := words(Normalize(g))
		for _, p := range preds {
			pw := words(p)
			if hasRun(pw, gw) || hasRun(gw, pw) {
				return true
			}
		}
	}
	return false
}

// hasRun reports whether two consecutive words of a occur consecutively in b.
func hasRun(a, b []string) bool {
	for i := 0; i+1 < len(a); i++ {
		for j := 0; j+1 < len(b); j++ {
			if a[i] == b[j] && a[i+1] == b[j+1] {
				return true
			}
		}
	}
	return false
}
