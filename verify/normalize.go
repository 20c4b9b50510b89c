package verify

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/quotecheck/quotecheck/article"
)

// token is one normalised word of a quotation or a source, with the span
// of the raw characters it came from. A contraction becomes two tokens
// that share the contraction's span; a run of number words becomes one.
type token struct {
	norm string
	span article.Span
	// contracted marks the halves of an expanded contraction.
	contracted bool
	// filler marks a hesitation sound ("um"), cheap to skip; discourse a
	// word of a discourse filler ("you know"), cheaper than others.
	filler, discourse bool
	// capital marks a raw form that starts with an upper-case letter
	// anywhere but at the start of a sentence: likely a name.
	capital bool
	// number marks digits or number words.
	number bool
	// wildcard marks a bracketed insertion in a quotation ("[the
	// minister]"): it stands for any short run of source words.
	wildcard bool
	// ellipsisBefore and sentenceBefore mark a cut ("…") or a sentence end
	// between this token and the one before it.
	ellipsisBefore, sentenceBefore bool
}

// tokenMode says how brackets and ellipses are read.
type tokenMode int

const (
	// quoteMode reads brackets as insertions and ellipses as cuts.
	quoteMode tokenMode = iota
	// sourceMode drops bracketed stage directions ("[laughter]").
	sourceMode
	// spokenMode also drops parenthesised ones ("(applause)"): captions
	// and transcripts.
	spokenMode
)

// maxBracket bounds the look-ahead for a closing bracket.
const maxBracket = 200

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02BC' }

// tokenize reads the words of text[from:to], appending to out.
func tokenize(out []token, text string, from, to int, mode tokenMode) []token {
	start := len(out)
	sentence, ellipsis := true, false
	emit := func(t token) {
		t.ellipsisBefore, t.sentenceBefore = ellipsis, sentence
		out = append(out, t)
		sentence, ellipsis = false, false
	}
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r) || mode == quoteMode && r == '[' && inlineBracket(text, i, to):
			j := wordEnd(text, i, to, mode)
			raw := text[i:j]
			t := token{norm: foldWord(raw), span: article.Span{Start: i, End: j}}
			first, _ := utf8.DecodeRuneInString(strings.TrimLeft(raw, "["))
			t.capital = unicode.IsUpper(first) && !sentence && t.norm != "i"
			if t.norm != "" {
				emit(t)
			}
			i = j
			continue
		case mode == spokenMode && (r == '<' || r == '{'):
			// caption markup: <i>, </v>, <00:01:02.000>, {\an8}
			want := byte('>')
			if r == '{' {
				want = '}'
			}
			if c := strings.IndexByte(text[i:min(to, i+maxBracket)], want); c > 0 {
				i += c + 1
				continue
			}
		case r == '%':
			emit(token{norm: "percent", span: article.Span{Start: i, End: i + n}})
		case r == '…':
			ellipsis = mode == quoteMode || ellipsis
		case r == '.':
			if dots := countDots(text, i, to); dots >= 3 {
				ellipsis = mode == quoteMode || ellipsis
				i = skipDots(text, i, to)
				continue
			}
			sentence = true
		case r == '?' || r == '!':
			sentence = true
		case r == '[' || r == '(' && mode == spokenMode:
			closeAt := closing(text, i, to, r)
			if closeAt < 0 {
				break
			}
			inner := strings.TrimSpace(text[i+1 : closeAt])
			if mode == quoteMode {
				if strings.Trim(inner, ".… ") == "" {
					ellipsis = true
				} else {
					emit(token{norm: "[" + inner + "]", wildcard: true, span: article.Span{Start: i, End: closeAt + 1}})
				}
			}
			i = closeAt + 1
			continue
		}
		i += n
	}
	return normalizeTokens(out, start)
}

// inlineBracket reports whether a '[' at i edits a word ("[w]e",
// "govern[ment]") rather than inserting words.
func inlineBracket(text string, i, to int) bool {
	c := closing(text, i, to, '[')
	if c < 0 || strings.ContainsAny(text[i:c], " \t\n") {
		return false
	}
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:i]); isWordRune(r) {
			return true
		}
	}
	if c+1 < to {
		if r, _ := utf8.DecodeRuneInString(text[c+1:]); isWordRune(r) {
			return true
		}
	}
	return false
}

// wordEnd returns the end of the word starting at i: letters, digits and
// marks, joined by an apostrophe between letters, by a full stop or comma
// between digits, and (in a quotation) by brackets inside the word.
func wordEnd(text string, i, to int, mode tokenMode) int {
	j := i
	for j < to {
		r, n := utf8.DecodeRuneInString(text[j:])
		switch {
		case isWordRune(r):
			j += n
			continue
		case mode == quoteMode && r == '[' && inlineBracket(text, j, to):
			j += n
			continue
		case mode == quoteMode && r == ']' && j > i:
			j += n
			continue
		case (isApostrophe(r) || r == '.' || r == ',') && j > i && j+n < to:
			prev, _ := utf8.DecodeLastRuneInString(text[i:j])
			next, _ := utf8.DecodeRuneInString(text[j+n:])
			if isApostrophe(r) && isWordRune(prev) && unicode.IsLetter(next) ||
				r != '\'' && !isApostrophe(r) && unicode.IsDigit(prev) && unicode.IsDigit(next) {
				j += n
				continue
			}
		}
		break
	}
	if j == i { // a lone bracket
		_, n := utf8.DecodeRuneInString(text[i:])
		j += n
	}
	return j
}

func countDots(text string, i, to int) int {
	n := 0
	for ; i < to && (text[i] == '.' || text[i] == ' ' && i+1 < to && text[i+1] == '.'); i++ {
		if text[i] == '.' {
			n++
		}
	}
	return n
}

func skipDots(text string, i, to int) int {
	for i < to && (text[i] == '.' || text[i] == ' ' && i+1 < to && text[i+1] == '.') {
		i++
	}
	return i
}

// closing finds the bracket closing the one at i, within maxBracket bytes
// and on the same paragraph.
func closing(text string, i, to int, open rune) int {
	want := byte(']')
	if open == '(' {
		want = ')'
	}
	end := min(to, i+maxBracket)
	for j := i + 1; j < end; j++ {
		switch text[j] {
		case want:
			return j
		case '[', '(':
			return -1
		}
	}
	return -1
}

// foldWord is the normal form of one raw word: NFKC, case folded,
// apostrophes plain, brackets and digit-group commas removed.
func foldWord(raw string) string {
	s := raw
	if !isASCII(s) {
		s = norm.NFKC.String(s)
		s = strings.NewReplacer("\u2019", "'", "\u02BC", "'").Replace(s)
	}
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "[]") {
		s = strings.NewReplacer("[", "", "]", "").Replace(s)
	}
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		s = strings.ReplaceAll(s, ",", "")
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
		if !strings.Contains(raw, ".") {
			s = strings.ReplaceAll(raw, ",", "") // integers keep their zeros
		}
	}
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// normalizeTokens rewrites out[start:] in place: contractions expanded,
// equivalent spellings merged, number words turned into digits, and
// hesitations marked.
func normalizeTokens(out []token, start int) []token {
	toks := append([]token(nil), out[start:]...)
	out = out[:start]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.wildcard {
			out = append(out, t)
			continue
		}
		if e := lex.expand(t.norm); e != nil {
			for k, w := range e {
				part := t
				part.norm, part.contracted = w, true
				if k > 0 {
					part.ellipsisBefore, part.sentenceBefore, part.capital = false, false, false
				}
				out = append(out, part)
			}
			continue
		}
		if i+1 < len(toks) {
			if w, ok := lex.pairs[[2]string{t.norm, toks[i+1].norm}]; ok && !toks[i+1].ellipsisBefore {
				t.norm, t.span.End = w, toks[i+1].span.End
				out = append(out, t)
				i++
				continue
			}
		}
		if _, ok := lex.numbers[t.norm]; ok {
			j, value := numberRun(toks, i)
			if j > i {
				t.norm, t.span.End, t.number = strconv.Itoa(value), toks[j-1].span.End, true
				out = append(out, t)
				i = j - 1
				continue
			}
		}
		if w, ok := lex.equivalent[t.norm]; ok {
			t.norm = w
		}
		t.number = t.norm[0] >= '0' && t.norm[0] <= '9'
		t.filler = lex.fillers[t.norm]
		out = append(out, t)
	}
	markDiscourse(out[start:])
	return out
}

// markDiscourse marks the words of discourse fillers ("you know", "like").
func markDiscourse(toks []token) {
	for i := range toks {
		for _, p := range lex.discourse {
			if i+len(p) > len(toks) {
				continue
			}
			match := true
			for k, w := range p {
				if toks[i+k].norm != w {
					match = false
					break
				}
			}
			if match {
				for k := range p {
					toks[i+k].discourse = true
				}
			}
		}
	}
}

// numberRun reads number words from toks[i] ("two hundred and forty") and
// returns the index after them and their value. "and" joins only after
// "hundred" or "thousand"; a run never crosses a cut.
func numberRun(toks []token, i int) (int, int) {
	total, current, j := 0, 0, i
	for j < len(toks) {
		w := toks[j].norm
		if j > i && (toks[j].ellipsisBefore || toks[j].sentenceBefore) {
			break
		}
		if w == "and" && j > i && j+1 < len(toks) && (toks[j-1].norm == "hundred" || toks[j-1].norm == "thousand") {
			if _, ok := lex.numbers[toks[j+1].norm]; ok {
				j++
				continue
			}
			break
		}
		v, ok := lex.numbers[w]
		if !ok {
			break
		}
		switch v {
		case 100:
			if current == 0 {
				current = 1
			}
			current *= 100
		case 1000:
			if current == 0 {
				current = 1
			}
			total += current * 1000
			current = 0
		default:
			current += v
		}
		j++
	}
	return j, total + current
}
