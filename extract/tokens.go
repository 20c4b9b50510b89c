package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/internal/swar"
)

type tokKind uint8

const (
	tokWord tokKind = iota + 1
	tokPunct
	tokQuote
)

// token is a word, a punctuation mark, or a whole quotation (marks and
// all) treated as one opaque token by the attribution grammar.
type token struct {
	start, end int
	text       string
	lower      string
	flags      wordFlags
	quote      int32 // index into the quote list for tokQuote
	kind       tokKind
	// punct is the byte of a one-byte punctuation token, 0 for any other,
	// so that the grammar's many tests for "," and "." compare one byte
	punct byte
}

func (t *token) isWord(w string) bool { return t.kind == tokWord && t.lower == w }

func (t *token) isPunct(p string) bool {
	if len(p) == 1 {
		return t.punct == p[0]
	}
	return t.kind == tokPunct && t.text == p
}

// capitalised reports whether a word token starts with an upper-case
// letter: a flag the word table sets once per distinct word, as it is
// asked of every token many times.
func (t *token) capitalised() bool { return t.flags&fCapitalised != 0 }

// startsUpper reports whether a word starts with an upper-case letter.
func startsUpper(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return 'A' <= w[0] && w[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// wordTable gives each word token its lower-cased form and word-class
// flags. It remembers words of up to 16 bytes in a direct-mapped table,
// each slot keyed by the word's bytes themselves held in two machine
// words, so that a repeated word ("the", "said", a name) costs two loads
// and two comparisons, without a string comparison that would read the
// remembered word's bytes from wherever they lie; a word not remembered
// costs one lookup in the lexicon's flags. The table outlives its
// document: most of an article's words were seen in the articles before
// it, where a table started afresh for each one found nearly three words
// in five missing. It never holds a document's text: a word already in
// lower case is its own lower-cased form, handed out from the token's
// text, and other lower-cased forms are copies, whose bytes are bounded
// by keptWordBytes before the table starts over.
type wordTable struct {
	slots []wordSlot
	buf   []byte
	kept  int // bytes copied into buf since the table last started over
}

type wordSlot struct {
	key wordKey
	// lower is the word lower-cased, "" when that is the word itself
	lower string
	flags wordFlags
}

// wordKey is a word of up to 16 bytes, little-endian and padded with
// zero bytes. A word holds no zero byte, so the padding tells its length,
// and the zero key, an empty slot's, is no word's.
type wordKey struct{ lo, hi uint64 }

// maxKeyedWord is the longest word a key holds; a longer one is worked
// out each time it occurs (it is rarely repeated).
const maxKeyedWord = 16

// wordKeyAt is the key of the word text[i:end], false when it is longer
// than a key holds.
func wordKeyAt(text string, i, end int) (wordKey, bool) {
	n := end - i
	if n > maxKeyedWord || n <= 0 {
		return wordKey{}, false
	}
	if i+maxKeyedWord <= len(text) {
		// two loads, the bytes after the word masked off
		lo := swar.Load(text, i)
		if n <= 8 {
			return wordKey{lo: lo & lowBytes(n)}, true
		}
		return wordKey{lo: lo, hi: swar.Load(text, i+8) & lowBytes(n-8)}, true
	}
	var k wordKey // at the end of the text, byte by byte
	for j := 0; j < n; j++ {
		if j < 8 {
			k.lo |= uint64(text[i+j]) << (8 * j)
		} else {
			k.hi |= uint64(text[i+j]) << (8 * (j - 8))
		}
	}
	return k, true
}

// lowBytes is a mask of the n (1 to 8) low bytes of a word.
func lowBytes(n int) uint64 { return ^uint64(0) >> (64 - 8*n) }

// slot is the key's place in a table of 1<<wordSlotBits slots.
func (k wordKey) slot() uint64 {
	return ((k.lo ^ k.hi*0x9E3779B97F4A7C15) * 0xBF58476D1CE4E5B9) >> (64 - wordSlotBits)
}

type wordEntry struct {
	lower string
	flags wordFlags
}

// wordSlotBits sizes the table: 4,096 slots, 160 KB, which stays in the
// cache while the words of a few articles pass through it.
const wordSlotBits = 12

// keptWordBytes bounds the lower-cased copies the table makes before it
// starts over; conflicting words replace each other in a slot, so without
// a bound a long run would copy the same words again and again.
const keptWordBytes = 1 << 20

// lookup returns w's entry; w is not empty, isLower says it is known to
// be in lower case already, and hyphen whether it holds a hyphen-minus.
// (tokenize does the same inline.)
func (wt *wordTable) lookup(w string, isLower, hyphen bool, lex *Lexicon) wordEntry {
	if wt.slots == nil {
		wt.slots = make([]wordSlot, 1<<wordSlotBits)
	}
	key, ok := wordKeyAt(w, 0, len(w))
	if !ok {
		return wt.entry(w, isLower, hyphen, lex)
	}
	slot := &wt.slots[key.slot()]
	if slot.key != key {
		return wt.learn(slot, key, w, isLower, hyphen, lex)
	}
	return slot.entryFor(w)
}

// entryFor is the slot's entry for w, the word it holds.
func (slot *wordSlot) entryFor(w string) wordEntry {
	if slot.lower == "" {
		return wordEntry{lower: w, flags: slot.flags}
	}
	return wordEntry{lower: slot.lower, flags: slot.flags}
}

// learn fills slot with w's entry: lookup of a word the table does not
// hold.
func (wt *wordTable) learn(slot *wordSlot, key wordKey, w string, isLower, hyphen bool, lex *Lexicon) wordEntry {
	if wt.kept > keptWordBytes {
		wt.reset()
	}
	e := wt.entry(w, isLower, hyphen, lex)
	slot.key, slot.flags, slot.lower = key, e.flags, e.lower
	if e.lower == w {
		// the word itself, which may be the document's bytes: not kept
		slot.lower = ""
	}
	return e
}

// entry works out w's lower-cased form and flags. The form is w itself
// or a string of its own, never other bytes of w's text.
func (wt *wordTable) entry(w string, isLower, hyphen bool, lex *Lexicon) wordEntry {
	lower := w
	if !isLower {
		lower = wt.lower(w)
	}
	f := lex.wordClasses(lower)
	if hyphen {
		// hyphenated numbers are read part by part
		f &^= fNumberWord
		if isNumberWord(lower) {
			f |= fNumberWord
		}
	}
	// a word known to be lower case cannot start with a capital
	if !isLower && startsUpper(w) {
		f |= fCapitalised
	}
	return wordEntry{lower: lower, flags: f}
}

// reset forgets every word.
func (wt *wordTable) reset() {
	clear(wt.slots)
	wt.kept = 0
}

// lower lower-cases w, returning w itself when it has no upper-case
// letter. An ASCII word is lowered in one pass as it is copied.
func (wt *wordTable) lower(w string) string {
	// lowered words are cut from a shared chunk rather than allocated one
	// by one; bytes handed out are never written again (a full chunk is
	// left to the strings that point into it), so the strings stay valid
	// for as long as anything holds them, across documents too
	if cap(wt.buf)-len(wt.buf) < len(w) {
		wt.buf = make([]byte, 0, max(lowerChunk, len(w)))
	}
	start := len(wt.buf)
	low := wt.buf[start : start+len(w)]
	hasUpper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return strings.ToLower(w) // the chunk's bytes stay unclaimed
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			hasUpper = true
		}
		low[i] = c
	}
	if !hasUpper {
		return w
	}
	wt.buf = wt.buf[:start+len(w)]
	wt.kept += len(w)
	return unsafe.String(unsafe.SliceData(low), len(low))
}

// lowerChunk is the size of the chunks lowered words are cut from.
const lowerChunk = 4096

// ASCII classes as isSpace and isWordRune give them, found by one lookup.
const (
	asciiOther = iota
	asciiSpace
	asciiWord
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range rune(utf8.RuneSelf) {
		switch {
		case isSpace(c):
			t[c] = asciiSpace
		case isWordRune(c):
			t[c] = asciiWord
		}
	}
	return t
}()

// tokenize appends the paragraph's tokens to buf[:0], reusing its memory.
func tokenize(buf []token, words *wordTable, text string, p article.Span, regions []article.Span, quoteIdx []int, lex *Lexicon) []token {
	toks := buf[:0]
	// one token per four bytes is generous for prose; a giant paragraph is
	// counted first, so that its buffer is made once at its size rather
	// than grown and copied step by step (1 MB of marks is a million tokens)
	want := (p.End-p.Start)/4 + 16
	if p.End-p.Start > 1<<16 {
		want = tokenBoundRegions(text, p, regions)
	}
	if cap(toks) < want {
		toks = make([]token, 0, want)
	}
	if words.slots == nil {
		words.slots = make([]wordSlot, 1<<wordSlotBits)
	}
	slots := words.slots
	// limit is where the next quotation region starts, or the paragraph's
	// end: no word or mark token runs past it
	ri := 0
	limit := p.End
	if len(regions) > 0 {
		limit = regions[0].Start
	}
	for i := p.Start; i < p.End; {
		if i >= limit && ri < len(regions) {
			r := regions[ri]
			toks = append(toks, token{kind: tokQuote, start: r.Start, end: r.End, text: text[r.Start:r.End], quote: int32(quoteIdx[ri])})
			i = r.End
			ri++
			limit = p.End
			if ri < len(regions) {
				limit = regions[ri].Start
			}
			continue
		}
		if text[i] == ' ' {
			i++ // most runes are letters and single spaces
			continue
		}
		r, size := rune(text[i]), 1
		var space, word bool
		if r < utf8.RuneSelf {
			space, word = asciiClass[r] == asciiSpace, asciiClass[r] == asciiWord
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
			space, word = isSpace(r), isWordRune(r)
		}
		switch {
		case space:
			i += size
		case word:
			end, lower, hyphen := wordEndLower(text, i, limit)
			w := text[i:end]
			var e wordEntry
			if key, ok := wordKeyAt(text, i, end); !ok {
				e = words.entry(w, lower, hyphen, lex)
			} else if slot := &slots[key.slot()]; slot.key == key {
				e = slot.entryFor(w)
			} else {
				e = words.learn(slot, key, w, lower, hyphen, lex)
			}
			toks = append(toks, token{kind: tokWord, start: i, end: end, text: w, lower: e.lower, flags: e.flags})
			i = end
			if i < limit && text[i] == ' ' {
				i++ // the space after a word, without another turn of the loop
			}
		default:
			end := i + size
			// keep "..." and ". . ." as one ellipsis token
			if r == '.' {
				for end < limit && (text[end] == '.' || text[end] == ' ' && end+1 < limit && text[end+1] == '.') {
					end++
				}
			}
			var punct byte
			if end == i+1 {
				punct = text[i]
			}
			toks = append(toks, token{kind: tokPunct, start: i, end: end, text: text[i:end], lower: text[i:end], punct: punct})
			i = end
		}
	}
	return toks
}

// tokenBoundRegions is tokenBound of a paragraph whose quotation regions
// are one token each.
func tokenBoundRegions(text string, p article.Span, regions []article.Span) int {
	n, at := 0, p.Start
	for _, r := range regions {
		n += tokenBound(text[at:max(at, r.Start)]) + 1
		at = max(at, r.End)
	}
	return n + tokenBound(text[at:max(at, p.End)])
}

// tokenBound is at least the number of tokens tokenize makes of s: a word
// token starts only after a rune that is not part of a word, and every
// other rune that is not a space is at most one token.
func tokenBound(s string) int {
	n := 0
	inWord := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
				if !inWord {
					n++
				}
				inWord = true
			case c == ' ' || '\t' <= c && c <= '\r':
				inWord = false
			default:
				n++
				inWord = false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case isWordRune(r):
			if !inWord {
				n++
			}
			inWord = true
		case isSpace(r):
			inWord = false
		default:
			n++
			inWord = false
		}
	}
	return n
}

// wordEndLower finds the end of a word starting at i (letters and digits,
// with inner apostrophes, hyphens, and full stops of abbreviations and
// numbers) and reports whether the word is already in lower case (ASCII
// with no capital), which spares lower-casing it, and whether it holds a
// hyphen-minus, which spares searching for one.
func wordEndLower(text string, i, limit int) (end int, lower, hyphen bool) {
	return wordEnd(text, i, i, limit, true)
}

// wordEnd is wordEndLower reading on from j. (As its own function, with
// wordEndLower a wrapper the tokenizer inlines, it compiles to fewer
// instructions a word.)
func wordEnd(text string, i, j, limit int, lower bool) (end int, _, hyphen bool) {
	for j < limit {
		if c := text[j]; 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			j++ // ASCII letters and digits without decoding
			continue
		} else if 'A' <= c && c <= 'Z' {
			j++
			lower = false
			continue
		} else if c == ' ' {
			break // most words end at a space
		}
		r, size := rune(text[j]), 1
		if r >= utf8.RuneSelf {
			lower = false
			r, size = utf8.DecodeRuneInString(text[j:])
			if isWordRune(r) || unicode.Is(unicode.Mn, r) {
				j += size
				continue
			}
		}
		joiner := r == '\'' || r == '\u2019' || r == '-' || r == '\u2010' || r == '&' || r == '.' || r == ','
		if joiner && j+size < limit {
			next, _ := utf8.DecodeRuneInString(text[j+size:])
			inner := (r == '\'' || r == '\u2019' || r == '-' || r == '\u2010' || r == '&') && isWordRune(next)
			num := (r == '.' || r == ',') && unicode.IsDigit(next) && j > i && unicode.IsDigit(lastRune(text[i:j]))
			// "U.S.", and state tags after a party letter: "D-N.Y.", "R-S.C."
			abbr := r == '.' && unicode.IsLetter(next) && (j-i <= 2 || j-i <= 4 && text[j-2] == '-' && unicode.IsUpper(next))
			if inner || num || abbr {
				hyphen = hyphen || r == '-'
				j += size
				continue
			}
		}
		if r == '.' {
			if isAbbreviation(text[i:j+1]) || strings.Contains(text[i:j], ".") || isInitial(text[i:j]) {
				j += size
			}
		}
		// plural possessive apostrophe ("ministers' line")
		if (r == '\'' || r == '\u2019') && j > i && (text[j-1] == 's' || text[j-1] == 'S') {
			next := ' '
			if j+size < limit {
				next, _ = utf8.DecodeRuneInString(text[j+size:])
			}
			if isSpace(next) {
				j += size
			}
		}
		break
	}
	return j, lower, hyphen
}

// isAbbreviation looks a word with its full stop up in the abbreviations,
// lower-cased on the stack when it is short and ASCII (every word before
// a full stop comes here).
func isAbbreviation(w string) bool {
	// most words before a full stop are longer than any abbreviation
	return inLowerSet(abbreviations, longestAbbreviation, w)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

// sentence is a run of tokens [from, to) in a paragraph's token list.
type sentence struct{ from, to int }

// maxSentenceTokens caps a sentence: every look-back inside a sentence is
// then bounded, whatever the input (a run of marks, a paragraph with no
// full stop). Real sentences stay far below it.
const maxSentenceTokens = 160

// splitSentences breaks tokens at sentence-final punctuation, and after a
// quotation that ends a sentence when what follows is not its attribution,
// and after maxSentenceTokens tokens. It appends to buf[:0], reusing its
// memory.
func splitSentences(buf []sentence, lex *Lexicon, toks []token, quoteTexts func(int) string) []sentence {
	out := buf[:0]
	start := 0
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		end := false
		switch t.kind {
		case tokPunct:
			if t.punct == '.' || t.punct == '!' || t.punct == '?' {
				end = i+1 == len(toks) || startsSentence(&toks[i+1])
			}
		case tokWord:
			if i+1 < len(toks) && toks[i+1].kind == tokQuote && len(t.text) > 2 && strings.HasSuffix(t.text, ".") && strings.Contains(t.text, "-") {
				// `said Sen. Lindsey Graham, R-S.C. "But …"`: the tag ends the sentence
				end = startsSentence(&toks[i+1])
			}
		case tokQuote:
			if i+1 == len(toks) {
				break
			}
			inner := strings.TrimRight(quoteTexts(int(t.quote)), " \u201D\u2019\"'")
			last := lastRune(inner)
			// `"Why?" Smith asked.` keeps its attribution; after a full stop
			// inside the marks a capitalised word starts a new sentence
			if last == '.' && startsSentence(&toks[i+1]) || (last == '!' || last == '?') && startsSentence(&toks[i+1]) && !attributionFollows(lex, toks[i+1:]) {
				end = true
			}
		}
		if end || i+1-start >= maxSentenceTokens {
			out = append(out, sentence{start, i + 1})
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, sentence{start, len(toks)})
	}
	return out
}

func startsSentence(t *token) bool {
	return t.kind == tokQuote || t.capitalised() || t.kind == tokWord && unicode.IsDigit(lastRune(t.text[:1]))
}

// attributionFollows reports whether a speech verb comes within the next
// few tokens, before any sentence punctuation: `"Why?" Smith asked.`
func attributionFollows(lex *Lexicon, toks []token) bool {
	for i := range toks {
		t := &toks[i]
		if i > 6 || t.kind == tokQuote || t.kind == tokPunct && (t.text == "." || t.text == ";" || t.text == ":") {
			return false
		}
		if vf, ok := lex.speech(t.lower); ok && t.kind == tokWord && !vf.Gerund && (!vf.Base || i > 0 && (toks[i-1].lower == "i" || toks[i-1].lower == "we")) {
			return true
		}
		if t.isWord("according") {
			return true
		}
		// `"…?" Ruth Okafor pressed.`: a name, then a past verb that ends
		// the sentence
		if i > 0 && i <= 4 && t.kind == tokWord && !t.capitalised() && (strings.HasSuffix(t.lower, "ed") || (t.flags&fIrregPast != 0)) &&
			(i+1 == len(toks) || toks[i+1].kind == tokPunct) && allCapitalised(toks[:i]) {
			return true
		}
	}
	return false
}

func allCapitalised(toks []token) bool {
	for i := range toks {
		t := &toks[i]
		if t.kind != tokWord || !t.capitalised() {
			return false
		}
	}
	return true
}

// datelineEnd returns the index after a dateline that opens a paragraph
// ("PUERTO ALCOR, Valdoria (Meridian Wire) —"), or 0.
func datelineEnd(toks []token) int {
	k := 0
	caps := 0
	for k < len(toks) && toks[k].kind == tokWord && isAllCaps(toks[k].text) {
		k++
		caps++
	}
	if caps == 0 {
		return 0
	}
	// ", Valdoria" and "(Meridian Wire)"
	for n := 0; k < len(toks) && n < 12; n++ {
		t := &toks[k]
		if t.kind == tokPunct && (t.text == "\u2014" || t.text == "\u2013" || t.text == "-" || t.text == "--") {
			// "WASHINGTON -- President Obama": a doubled hyphen is one dash
			for k+1 < len(toks) && toks[k+1].kind == tokPunct && (toks[k+1].text == "-" || toks[k+1].text == "\u2014") {
				k++
			}
			return k + 1
		}
		if t.kind == tokQuote || t.isPunct(".") {
			return 0
		}
		k++
	}
	return 0
}
