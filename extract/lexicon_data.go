package extract

import (
	"embed"
	"fmt"
	"strings"
	"unicode/utf8"
)

// The extractor's language knowledge lives in plain-text files under
// extract/lexicon/, one entry per line with # comments, embedded in the
// binary. A newsroom extends a list by adding a line; the tests check that
// every file loads.

//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// lexiconLines returns the entries of a lexicon file: trimmed, non-empty
// lines that are not comments. A missing file is a build mistake, caught
// by the tests, so it panics.
func lexiconLines(name string) []string {
	data, err := lexiconFiles.ReadFile("lexicon/" + name)
	if err != nil {
		panic(fmt.Sprintf("extract: lexicon file %s: %v", name, err))
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// wordList reads a lexicon file as a list, in file order.
func wordList(name string) []string { return lexiconLines(name) }

// wordSet reads a lexicon file as a lookup table.
func wordSet(name string) map[string]bool { return set(lexiconLines(name)...) }

// wordPairs reads "key value" lines.
func wordPairs(name string) map[string]string {
	m := map[string]string{}
	for _, line := range lexiconLines(name) {
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			k, v, _ = strings.Cut(line, " ")
		}
		m[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return m
}

// wordGenders reads "word gender" lines: m, f, p (plural), n (neuter) or
// - for none.
func wordGenders(name string) map[string]byte {
	m := map[string]byte{}
	for k, v := range wordPairs(name) {
		var g byte
		if v != "" && v != "-" {
			g = v[0]
		}
		m[k] = g
	}
	return m
}

// wordPhrases reads lines of space-separated words.
func wordPhrases(name string) [][]string {
	var out [][]string
	for _, line := range lexiconLines(name) {
		out = append(out, strings.Fields(line))
	}
	return out
}

// Lexicon is the vocabulary one extractor reads: the embedded lists plus
// a newsroom's configured additions. Every part of the extractor that asks
// whether a word is a reporting verb, or a phrase a reason for anonymity,
// asks the Lexicon of its Extractor, so a configured word works
// everywhere.
type Lexicon struct {
	forms   map[string]verbForm
	flags   map[string]wordFlags
	reasons []string
	// reasonFinder looks for every reason in one pass over a sentence
	reasonFinder *phraseFinder
	// inFlags has a bit for the hash of every word in flags: most words
	// of a story are in no list, and one bit test spares them the lookup
	// in classes, an open-addressed copy of flags keyed by wordHash
	inFlags *pairSet
	classes *classTable
}

// classTable is a read-only hash table of words to their flags, probed
// with wordHash, the hash inFlags has just tested: cheaper than a Go map
// for the lexicon's few thousand short words.
type classTable struct {
	slots []classSlot
	shift uint32
}

type classSlot struct {
	word  string
	flags wordFlags
}

func newClassTable(words map[string]wordFlags) *classTable {
	bits := uint32(4)
	for 1<<bits < 2*len(words) {
		bits++
	}
	t := &classTable{slots: make([]classSlot, 1<<bits), shift: 32 - bits}
	mask := uint32(len(t.slots) - 1)
	for w, f := range words {
		if w == "" {
			continue
		}
		i := wordHash(w) >> t.shift
		for t.slots[i].word != "" {
			i = (i + 1) & mask
		}
		t.slots[i] = classSlot{word: w, flags: f}
	}
	return t
}

// get returns the flags of w, whose wordHash is h.
func (t *classTable) get(w string, h uint32) wordFlags {
	mask := uint32(len(t.slots) - 1)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		switch t.slots[i].word {
		case w:
			return t.slots[i].flags
		case "":
			return 0
		}
	}
}

// pairSet is a set of 16-bit keys, one bit each (8 KB): the lexicon's
// filter of word hashes, and the phrase finder's first two bytes.
type pairSet [1 << 16 / 8]byte

func (s *pairSet) add(k uint16)      { s[k>>3] |= 1 << (k & 7) }
func (s *pairSet) has(k uint16) bool { return s[k>>3]&(1<<(k&7)) != 0 }

// newWordFilter is a one-hash Bloom filter of the words: the top 16 bits
// of each word's hash.
func newWordFilter(words map[string]wordFlags) *pairSet {
	f := new(pairSet)
	for w := range words {
		if w != "" {
			f.add(uint16(wordHash(w) >> 16))
		}
	}
	return f
}

// wordHash mixes a word's length and three of its bytes: cheap, and
// enough to spread the words of a story and of the lexicon. w is not
// empty.
func wordHash(w string) uint32 {
	h := uint32(len(w))*0x9E3779B1 ^ uint32(w[0]) ^ uint32(w[len(w)-1])<<8 ^ uint32(w[len(w)>>1])<<16
	return h * 0x85EBCA6B
}

// wordClasses returns the flags of a lower-cased word.
func (l *Lexicon) wordClasses(lower string) wordFlags {
	if lower == "" {
		return 0 // no list holds the empty word
	}
	h := wordHash(lower)
	if !l.inFlags.has(uint16(h >> 16)) {
		return 0
	}
	return l.classes.get(lower, h)
}

// defaultLexicon is the built-in vocabulary.
var defaultLexicon = &Lexicon{forms: speechForms, flags: lexFlags, reasons: anonymityReasons, reasonFinder: newPhraseFinder(anonymityReasons), inFlags: newWordFilter(lexFlags), classes: newClassTable(lexFlags)}

// speech returns the reporting-verb form of a lower-case word.
func (l *Lexicon) speech(w string) (verbForm, bool) {
	vf, ok := l.forms[w]
	return vf, ok
}

// boilerplate holds the lines publishing systems insert into copy.
var boilerplate = wordSet("boilerplate.txt")

// boilerplateEnds holds, for each line of boilerplate with the trimmed
// characters taken off its ends, its first and last bytes: a paragraph
// whose own ends differ is none of them, which spares folding it and two
// lookups (every short paragraph without a quotation is asked).
// (A line with a byte outside ASCII at an end is left out: a paragraph
// with such an end is never looked up.)
var boilerplateEnds = func() (ends asciiPairSet) {
	for line := range boilerplate {
		if t := strings.Trim(line, boilerplateTrim); t != "" && t[0] < utf8.RuneSelf && t[len(t)-1] < utf8.RuneSelf {
			ends.add(t[0], t[len(t)-1])
		}
	}
	return ends
}()

// asciiPairSet is a set of pairs of ASCII bytes, one bit each.
type asciiPairSet [utf8.RuneSelf * utf8.RuneSelf / 64]uint64

func (s *asciiPairSet) add(a, b byte) {
	i := int(a)<<7 | int(b)
	s[i/64] |= 1 << (i % 64)
}

func (s *asciiPairSet) has(a, b byte) bool {
	i := int(a)<<7 | int(b)
	return s[i/64]&(1<<(i%64)) != 0
}

// boilerplateSkip holds the ASCII bytes that foldASCII turns into a space
// or that strings.Trim takes off with boilerplateTrim.
var boilerplateSkip = func() (skip [utf8.RuneSelf]bool) {
	for c := range byte(utf8.RuneSelf) {
		skip[c] = c == ' ' || '\t' <= c && c <= '\r' || strings.IndexByte(boilerplateTrim, c) >= 0
	}
	return skip
}()

// mayBeBoilerplate is false when paragraph cannot be a line of
// boilerplate: the first and last ASCII bytes it keeps once folded and
// trimmed start and end no line of it. A byte outside ASCII at either end
// leaves the question to the full test.
func mayBeBoilerplate(paragraph string) bool {
	i, j := 0, len(paragraph)-1
	for i <= j && paragraph[i] < utf8.RuneSelf && boilerplateSkip[paragraph[i]] {
		i++
	}
	for j >= i && paragraph[j] < utf8.RuneSelf && boilerplateSkip[paragraph[j]] {
		j--
	}
	if i > j || paragraph[i] >= utf8.RuneSelf || paragraph[j] >= utf8.RuneSelf {
		return true
	}
	return boilerplateEnds.has(foldByte(paragraph[i]), foldByte(paragraph[j]))
}

// trimASCIISkip is bytes.Trim(p, boilerplateTrim) of a folded ASCII
// line, whose only space is ' ' and which holds none of the cut set's
// other runes.
func trimASCIISkip(p []byte) []byte {
	for len(p) > 0 && boilerplateSkip[p[0]] {
		p = p[1:]
	}
	for len(p) > 0 && boilerplateSkip[p[len(p)-1]] {
		p = p[:len(p)-1]
	}
	return p
}

// IsBoilerplate reports whether a paragraph is a line a publishing system
// inserted ("Story continues below", "READ MORE"): case, surrounding
// spaces and punctuation ignored.
func IsBoilerplate(paragraph string) bool {
	return len(paragraph) <= 80 && mayBeBoilerplate(paragraph) && isBoilerplateLine(paragraph)
}

// isBoilerplateLine is IsBoilerplate without the length bound and the
// quick test of the paragraph's ends.
func isBoilerplateLine(paragraph string) bool {
	// ASCII lines, nearly all, are folded on the stack: no allocation for
	// every short paragraph of every article
	var buf [80]byte
	if p, ok := foldASCII(buf[:0], paragraph); ok {
		return boilerplate[string(p)] || boilerplate[string(trimASCIISkip(p))]
	}
	p := strings.ToLower(strings.Join(strings.Fields(paragraph), " "))
	return boilerplate[p] || boilerplate[strings.Trim(p, boilerplateTrim)]
}

const boilerplateTrim = " .:;,!-–—|•·"

// inLowerSet reports whether w lower-cased is in words, whose longest
// word is longest bytes: an ASCII word longer than that is turned away
// at once (it keeps its length when lowered), a short one is lowered on
// the stack (the lists it serves hold no word over 16 bytes).
func inLowerSet(words map[string]bool, longest int, w string) bool {
	if len(w) > longest && isASCII(w) {
		return false
	}
	var buf [16]byte
	if len(w) <= len(buf) {
		if lower, ok := foldASCII(buf[:0], w); ok {
			return words[string(lower)]
		}
	}
	return words[strings.ToLower(w)]
}

// foldASCII appends s to buf lower-cased, its runs of white space made one
// space and trimmed, as strings.Fields and strings.ToLower would; it
// reports false when s is not all ASCII.
func foldASCII(buf []byte, s string) ([]byte, bool) {
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return nil, false
		case c == ' ' || '\t' <= c && c <= '\r':
			space = len(buf) > 0
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		buf = append(buf, c)
	}
	return buf, true
}
