package extract

import (
	"unicode"
	"unicode/utf8"

	"github.com/quotecheck/quotecheck/article"
)

// markFamily groups quotation marks that pair with each other.
type markFamily uint8

const (
	familyDouble markFamily = iota + 1
	familySingle
	familyGuillemet
)

// markShape is what a mark's neighbours say about it.
type markShape uint8

const (
	shapeOpen markShape = iota + 1
	shapeClose
	shapeEither   // straight mark with no telling context
	shapePossess  // closing-shaped single mark after "s": a possessive or a close
	shapeNotAMark // apostrophe, elision, inch mark
)

type mark struct {
	span   article.Span
	family markFamily
	shape  markShape
}

// RawQuote is a quoted run found by the scanner, before attribution.
type RawQuote struct {
	Span        article.Span
	Open, Close article.Span
	Paragraph   int
	Family      markFamily
	// Unterminated is set when the paragraph ended inside the quote.
	Unterminated bool
	RunsOn       bool
	Continues    bool
}

// Scan finds the quotations in each paragraph of text. Nested quotations
// stay inside their outer quote; a quotation left open at the end of a
// paragraph and reopened at the start of the next is a running quotation.
func Scan(text string, paras []article.Paragraph) ([]RawQuote, []article.MarkProblem) {
	var quotes []RawQuote
	var problems []article.MarkProblem
	// singleOuter counts closed top-level single-mark quotes; it tells
	// whether the story uses British-style outer marks, so an unclosed
	// single opener is a real problem rather than a stray apostrophe.
	singleOuter := 0
	var pending *RawQuote // unterminated quote from the previous paragraph
	// maybeApos is an unclosed single opener set aside as an apostrophe; it
	// is kept after all if the next paragraph reopens with a single mark
	// (a running quotation in a British-style story).
	var maybeApos *RawQuote
	for pi, p := range paras {
		marks := classifyMarks(text, p.Span)
		pq, probs := pairMarks(text, p.Span, pi, marks)
		if pending != nil {
			if len(pq) > 0 && pq[0].Open.Start == firstRuneStart(text, p.Span) && pq[0].Family == pending.Family {
				quotes[len(quotes)-1].RunsOn = true
				quotes[len(quotes)-1].Unterminated = false
				pq[0].Continues = true
			} else {
				problems = append(problems, unclosedProblem(text, quotes[len(quotes)-1]))
			}
			pending = nil
		} else if maybeApos != nil && len(pq) > 0 && pq[0].Open.Start == firstRuneStart(text, p.Span) && pq[0].Family == familySingle {
			maybeApos.RunsOn = true
			maybeApos.Unterminated = false
			quotes = append(quotes, *maybeApos)
			pq[0].Continues = true
		}
		maybeApos = nil
		for _, q := range pq {
			if q.Family == familySingle && !q.Unterminated {
				singleOuter++
			}
		}
		for i := range pq {
			q := pq[i]
			if q.Unterminated && q.Family == familySingle && singleOuter == 0 && !q.Continues {
				// An opening single mark never closed in a story that does
				// not use single marks as quotation marks is an apostrophe.
				maybeApos = &pq[i]
				continue
			}
			quotes = append(quotes, q)
			if q.Unterminated {
				pending = &quotes[len(quotes)-1]
			}
		}
		problems = append(problems, probs...)
	}
	if pending != nil {
		problems = append(problems, unclosedProblem(text, *pending))
	}
	return quotes, problems
}

func unclosedProblem(text string, q RawQuote) article.MarkProblem {
	return article.MarkProblem{Span: q.Open, Kind: "unclosed", Mark: text[q.Open.Start:q.Open.End]}
}

func firstRuneStart(text string, s article.Span) int { return s.Start }

// classifyMarks finds quotation-mark candidates in a paragraph and decides
// from their neighbours whether each opens, closes or is an apostrophe.
func classifyMarks(text string, p article.Span) []mark {
	var marks []mark
	for i := p.Start; i < p.End; {
		r, size := utf8.DecodeRuneInString(text[i:])
		var fam markFamily
		switch r {
		case '"', '\u201C', '\u201D', '\u201E', '\u201F':
			fam = familyDouble
		case '\'', '\u2018', '\u2019', '\u201A', '\u201B':
			fam = familySingle
		case '\u00AB', '\u00BB':
			fam = familyGuillemet
		}
		if fam == 0 {
			i += size
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(text[p.Start:i])
		if i == p.Start {
			prev = ' '
		}
		next, _ := utf8.DecodeRuneInString(text[i+size : p.End])
		if i+size >= p.End {
			next = ' '
		}
		m := mark{span: article.Span{Start: i, End: i + size}, family: fam}
		m.shape = shapeOf(r, prev, next, text[i+size:p.End])
		if m.shape != shapeNotAMark {
			marks = append(marks, m)
		}
		i += size
	}
	return marks
}

func isOpenContext(r rune) bool {
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '{' || r == '\u2014' || r == '\u2013' ||
		r == '-' || r == '/' || r == '\u201C' || r == '\u2018' || r == '"' || r == '\'' || r == '\u00AB' || r == ':'
}

func isCloseContext(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '(' && r != '[' && r != '{' && r != '\'' || r == '\u201D' || r == '\u2019' || r == '"' || r == '\u00BB'
}

func shapeOf(r, prev, next rune, after string) markShape {
	switch r {
	case '\u201C', '\u201E', '\u00AB':
		return shapeOpen
	case '\u201D', '\u00BB':
		return shapeClose
	case '"', '\u201F':
		openCtx, closeCtx := isOpenContext(prev), isCloseContext(next)
		switch {
		case unicode.IsDigit(prev) && closeCtx:
			return shapeEither // perhaps an inch mark; pairing decides
		case openCtx && !closeCtx:
			return shapeOpen
		case !openCtx && closeCtx:
			return shapeClose
		}
		return shapeEither
	}
	// single marks
	if isWordRune(prev) && isWordRune(next) {
		return shapeNotAMark // don't, Xi's, rock'n'roll
	}
	if isOpenContext(prev) && unicode.IsDigit(next) && isElision(after) {
		return shapeNotAMark // '90s, ’60s
	}
	switch r {
	case '\u2018', '\u201B', '\u201A':
		if isWordRune(prev) && !isCloseContext(next) {
			return shapeNotAMark
		}
		return shapeOpen
	case '\u2019':
		if isOpenContext(prev) {
			if isWordRune(next) {
				return shapeNotAMark // ’em, ’til: apostrophe in place of letters
			}
			return shapeEither
		}
	case '\'':
		if isOpenContext(prev) && !unicode.IsSpace(next) {
			return shapeOpen
		}
		if isOpenContext(prev) {
			return shapeEither
		}
	}
	// closing-shaped single mark
	if prev == 's' || prev == 'S' || prev == 'z' {
		if unicode.IsSpace(next) || next == ',' || next == '.' || next == ';' || next == ':' || next == ')' {
			return shapePossess
		}
	}
	if isCloseContext(next) {
		return shapeClose
	}
	return shapeNotAMark
}

// isElision reports whether text after a mark is a decade or year ("90s",
// "60s", "08").
func isElision(after string) bool {
	digits := 0
	for _, r := range after {
		if unicode.IsDigit(r) {
			digits++
			continue
		}
		if r == 's' && digits == 2 {
			return true
		}
		return digits == 2 && !unicode.IsLetter(r)
	}
	return digits == 2
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// pairMarks matches openers with closers in one paragraph and returns the
// top-level quotations and any stray closing marks.
func pairMarks(text string, p article.Span, pi int, marks []mark) ([]RawQuote, []article.MarkProblem) {
	var quotes []RawQuote
	var probs []article.MarkProblem
	var stack []mark
	openIndex := func(f markFamily) int {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].family == f {
				return i
			}
		}
		return -1
	}
	closeAt := func(idx int, closer mark) {
		if idx == 0 {
			quotes = append(quotes, newRawQuote(text, stack[0].span, closer.span, pi, stack[0].family))
		}
		stack = stack[:idx]
	}
	for mi, m := range marks {
		switch m.shape {
		case shapeOpen:
			// A straight double opener while a straight double is open is
			// more likely its closer written with odd spacing.
			if m.family == familyDouble && text[m.span.Start] == '"' {
				if idx := openIndex(familyDouble); idx >= 0 && text[stack[idx].span.Start] == '"' {
					closeAt(idx, m)
					continue
				}
			}
			stack = append(stack, m)
		case shapeClose:
			if idx := openIndex(m.family); idx >= 0 {
				closeAt(idx, m)
			} else if m.family != familySingle {
				probs = append(probs, article.MarkProblem{Span: m.span, Kind: "stray-close", Mark: text[m.span.Start:m.span.End]})
			}
		case shapeEither:
			if idx := openIndex(m.family); idx >= 0 {
				closeAt(idx, m)
			} else if m.family == familyDouble && !(m.span.Start > p.Start && unicode.IsDigit(lastRune(text[p.Start:m.span.Start]))) {
				stack = append(stack, m)
			}
		case shapePossess:
			idx := openIndex(familySingle)
			if idx >= 0 && !laterSingleCloser(marks[mi+1:]) {
				closeAt(idx, m)
			}
		}
	}
	if len(stack) > 0 {
		q := newRawQuote(text, stack[0].span, article.Span{Start: p.End, End: p.End}, pi, stack[0].family)
		q.Close = article.Span{Start: p.End, End: p.End}
		q.Unterminated = true
		if !q.Span.Empty() {
			quotes = append(quotes, q)
		}
	}
	return quotes, probs
}

// laterSingleCloser reports whether an unambiguous single closing mark
// follows before the next single opener: then a possessive-shaped mark is
// an apostrophe ("the ministers' line ... in private.'").
func laterSingleCloser(rest []mark) bool {
	for _, m := range rest {
		if m.family != familySingle {
			continue
		}
		switch m.shape {
		case shapeClose, shapeEither:
			return true
		case shapeOpen:
			return false
		}
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func newRawQuote(text string, open, close article.Span, pi int, fam markFamily) RawQuote {
	inner := article.Span{Start: open.End, End: close.Start}.TrimSpace(text)
	return RawQuote{Span: inner, Open: open, Close: close, Paragraph: pi, Family: fam}
}
