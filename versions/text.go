package versions

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/quotecheck/quotecheck/article"
)

// token is one unit of a quote for the word diff: a word, a run of
// whitespace, or one other character.
type token struct {
	text string
	word bool
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isApostrophe reports whether r can join the two halves of a word
// ("don't", "council’s").
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// tokenize splits s into words (letters, digits and marks, joined by an
// apostrophe between letters), whitespace runs and single other
// characters. Invalid UTF-8 bytes become one-byte tokens of their own, so
// that joining the tokens gives back s exactly.
func tokenize(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				if isApostrophe(r2) && j+n2 < len(s) {
					if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); isWordRune(r3) {
						j += n2
						continue
					}
				}
				break
			}
			out = append(out, token{text: s[i:j], word: true})
			i = j
		case unicode.IsSpace(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsSpace(r2) {
					break
				}
				j += n2
			}
			out = append(out, token{text: s[i:j]})
			i = j
		default:
			out = append(out, token{text: s[i : i+n]})
			i += n
		}
	}
	return out
}

// typographic folds typographic quotation marks, apostrophes and dashes to
// their plain forms.
var typographic = strings.NewReplacer(
	"\u201C", `"`, "\u201D", `"`, "\u201E", `"`, "\u201F", `"`, "\u00AB", `"`, "\u00BB", `"`,
	"\u2018", "'", "\u2019", "'", "\u201A", "'", "\u201B", "'", "\u2032", "'", "\u2033", `"`,
	"\u2013", "-", "\u2014", "-", "\u2012", "-", "\u2010", "-", "\u2011", "-",
	"\u00A0", " ", "\u2026", "...",
)

// exactKey is the text two quotes must share to be the same words: spaces
// collapsed, and a comma or full stop at the end dropped, since it only
// shows whether the attribution follows the quote.
func exactKey(s string) string {
	return strings.TrimRight(article.CollapseSpaces(s), ",. ")
}

// looseKey is what is left of a quote once punctuation, typographic marks,
// spacing and case are ignored: two quotes with the same loose key differ
// only in those.
func looseKey(s string) string {
	s = norm.NFKC.String(typographic.Replace(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// simWords returns the words of s that text similarity compares: lower-
// cased and lightly stemmed, without function words (two unrelated
// sentences share plenty of "we", "the" and "will"), unless s has nothing
// else, which stopOnly then reports.
func simWords(s string) (words []string, stopOnly bool) {
	var all, content []string
	for _, t := range tokenize(s) {
		if !t.word {
			continue
		}
		w := strings.ToLower(strings.ReplaceAll(t.text, "\u2019", "'"))
		all = append(all, stem(w))
		if !stopWords[w] {
			content = append(content, stem(w))
		}
	}
	if len(content) == 0 {
		return all, true
	}
	return content, false
}

// stopWords are function words left out of text similarity.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor of to in on at for with by from as into
		is are was were be been being am it it's its this that these those there here
		i i'm me my we we're we've we'll us our you you're your they they're them their
		he he's him his she she's her who whom which what when where why how
		will would shall should can could may might must do does did done have has had
		not no so if then than too very just also all any some such own same`) {
		m[w] = true
	}
	return m
}()

// stem drops a possessive and a plural "s", so that "excuses" and
// "excuse" count as one word.
func stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = w[:len(w)-1]
	}
	return w
}

var nameDrops = []string{"a ", "an ", "the "}
var honorifics = []string{"mr ", "mr. ", "mrs ", "mrs. ", "ms ", "ms. ", "dr ", "dr. ", "prof ", "prof. ", "cllr ", "cllr. ", "sen. ", "rep. "}

// nameKey normalises a speaker name for comparison: case, typographic
// marks and spaces folded, a leading article and honorific dropped.
func nameKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(typographic.Replace(s)), " "))
	for _, p := range nameDrops {
		if strings.HasPrefix(s, p) {
			s = s[len(p):]
			break
		}
	}
	for _, p := range honorifics {
		if strings.HasPrefix(s, p) {
			s = s[len(p):]
			break
		}
	}
	return strings.Trim(s, ",.;: ")
}

// SameSpeaker reports whether two attributions, one from each version,
// name the same source. Names are compared loosely, because the canonical
// name of a source can shift with narrative edits ("Joan Pattinson" and
// "Pattinson", "the Bank of Valdoria" and "Bank of Valdoria"), but a
// different person, a different kind of source, or a quote losing or
// gaining its speaker is a different speaker.
func SameSpeaker(a, b *article.Speaker) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if a.Name == b.Name {
		return true // the usual case, without normalising
	}
	ka, kb := nameKey(a.Name), nameKey(b.Name)
	if ka == kb {
		return true
	}
	if a.Type != b.Type {
		return false
	}
	wa, wb := strings.Fields(ka), strings.Fields(kb)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if a.Type == article.Person {
		// Same surname, and no conflicting given name.
		if wa[len(wa)-1] != wb[len(wb)-1] {
			return false
		}
		if len(wa) == 1 || len(wb) == 1 {
			return true
		}
		fa, fb := strings.TrimRight(wa[0], "."), strings.TrimRight(wb[0], ".")
		return fa == fb || fa == initial(fb) || fb == initial(fa)
	}
	// Organisations and anonymous sources: one description inside the
	// other, or mostly the same words.
	if strings.Contains(" "+ka+" ", " "+kb+" ") || strings.Contains(" "+kb+" ", " "+ka+" ") {
		return true
	}
	return dice(bagOf(wa), bagOf(wb)) >= 0.6
}

// initial returns the first character of s.
func initial(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}

// bagOf counts words.
func bagOf(words []string) map[string]int {
	m := make(map[string]int, len(words))
	for _, w := range words {
		m[w]++
	}
	return m
}

// dice is the Dice coefficient of two word bags.
func dice(a, b map[string]int) float64 {
	na, nb, shared := 0, 0, 0
	for w, n := range a {
		na += n
		shared += min(n, b[w])
	}
	for _, n := range b {
		nb += n
	}
	if na+nb == 0 {
		return 0
	}
	return 2 * float64(shared) / float64(na+nb)
}
