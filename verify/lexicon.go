package verify

import (
	"embed"
	"slices"
	"strings"
)

// The language knowledge of verification: word lists under
// verify/lexicon/, one entry per line with # comments, embedded in the
// binary and read only through the lexicon value below.
//
//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// lexicon is everything verify knows about English words.
type lexicon struct {
	fillers    map[string]bool
	discourse  [][]string
	whole      map[string][]string // contraction -> expansion
	suffixes   [][2]string         // contraction suffix -> expansion word
	negations  map[string]bool
	quantities map[string]bool
	antonyms   map[[2]string]bool
	numbers    map[string]int
	equivalent map[string]string
	pairs      map[[2]string]string // two-word spellings ("per cent")
}

var lex = loadLexicon()

func lexiconLines(name string) []string {
	data, err := lexiconFiles.ReadFile("lexicon/" + name)
	if err != nil {
		panic("verify: missing lexicon file " + name)
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.ToLower(line))
	}
	return out
}

func wordSet(name string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lexiconLines(name) {
		m[l] = true
	}
	return m
}

func loadLexicon() *lexicon {
	l := &lexicon{
		fillers:    wordSet("fillers.txt"),
		negations:  wordSet("negations.txt"),
		quantities: wordSet("quantifiers.txt"),
		whole:      map[string][]string{},
		antonyms:   map[[2]string]bool{},
		numbers:    map[string]int{},
		equivalent: map[string]string{},
		pairs:      map[[2]string]string{},
	}
	for _, line := range lexiconLines("discourse-fillers.txt") {
		l.discourse = append(l.discourse, strings.Fields(line))
	}
	for _, line := range lexiconLines("contractions.txt") {
		f := strings.Fields(line)
		if strings.HasPrefix(f[0], "*") {
			l.suffixes = append(l.suffixes, [2]string{f[0][1:], f[1]})
			continue
		}
		l.whole[f[0]] = f[1:]
	}
	for _, line := range lexiconLines("antonyms.txt") {
		f := strings.Fields(line)
		l.antonyms[[2]string{f[0], f[1]}] = true
		l.antonyms[[2]string{f[1], f[0]}] = true
	}
	for _, line := range lexiconLines("number-words.txt") {
		f := strings.Fields(line)
		n := 0
		for _, c := range f[1] {
			n = n*10 + int(c-'0')
		}
		l.numbers[f[0]] = n
	}
	for _, line := range lexiconLines("equivalents.txt") {
		f := strings.Fields(line)
		if a, b, ok := strings.Cut(f[0], "_"); ok {
			l.pairs[[2]string{a, b}] = f[1]
			continue
		}
		l.equivalent[f[0]] = f[1]
	}
	return l
}

// expand returns what a contracted word stands for, or nil.
func (l *lexicon) expand(w string) []string {
	if e, ok := l.whole[w]; ok {
		return e
	}
	for _, s := range l.suffixes {
		if len(w) > len(s[0]) && strings.HasSuffix(w, s[0]) {
			return []string{w[:len(w)-len(s[0])], s[1]}
		}
	}
	return nil
}

// isDiscourse reports whether words (normalised) are all discourse fillers
// or hesitations, read as a sequence of the listed phrases.
func (l *lexicon) isDiscourse(words []string) bool {
	if len(words) == 0 {
		return false
	}
	for i := 0; i < len(words); {
		if l.fillers[words[i]] {
			i++
			continue
		}
		matched := false
		for _, p := range l.discourse {
			if i+len(p) <= len(words) && slices.Equal(words[i:i+len(p)], p) {
				i += len(p)
				matched = true
				break
			}
		}
		if !matched {
			return false
		}
	}
	return true
}
