package extract

import (
	"unicode"
	"unicode/utf8"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/internal/swar"
)

// markFamily groups quotation marks that pair with each other.
type markFamily uint8

// The families the scanner has rules for; data/marks.txt may add others.
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
	shapeEither   // mark with no telling context
	shapePossess  // closing-shaped single mark after "s": a possessive or a close
	shapeNotAMark // apostrophe, elision, inch mark
)

type mark struct {
	span   article.Span
	family markFamily
	shape  markShape
	glyph  *glyph
	// line is the mark's line within its paragraph; lineStart is set when
	// nothing but white space stands before it on that line.
	line      int
	lineStart bool
}

// maxOpen bounds the marks open at once in a paragraph, so that finding
// the opener a closer ends is a bounded look-back.
const maxOpen = 32

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
	// opener is the mark that opened the quotation when Open is empty (a
	// segment carrying on a quotation from the line before without a mark).
	opener article.Span
}

// Scan finds the quotations in each paragraph of text. Nested quotations
// stay inside their outer quote; a quotation left open at the end of a
// paragraph and reopened at the start of the next is a running quotation.
// Within a paragraph, a line break also ends a quotation segment when the
// next line reopens the quotation with a mark, or when a sentence ends at
// the break (copy with one paragraph a line): each line of a running
// quotation is a quote of its own.
func Scan(text string, paras []article.Paragraph) ([]RawQuote, []article.MarkProblem) {
	var sc scanner
	return sc.scan(text, paras, nil)
}

// scan is Scan appending the quotes to quotes[:0] and reusing the
// scanner's buffers: an extractor's attributor keeps both between
// documents.
func (sc *scanner) scan(text string, paras []article.Paragraph, quotes []RawQuote) ([]RawQuote, []article.MarkProblem) {
	quotes = quotes[:0]
	var problems []article.MarkProblem
	// singleOuter counts closed top-level single-mark quotes; it tells
	// whether the story uses British-style outer marks, so an unclosed
	// single opener is a real problem rather than a stray apostrophe.
	singleOuter := 0
	var pending *RawQuote // unterminated quote from the previous paragraph
	// maybeApos is an unclosed single opener set aside as an apostrophe; it
	// is kept after all if the next paragraph reopens with a single mark
	// (a running quotation in a British-style story).
	var maybeApos RawQuote
	apos := false
	for pi, p := range paras {
		marks := sc.classifyMarks(text, p.Span)
		pq, probs := sc.pairMarks(text, p.Span, pi, marks)
		if pending != nil {
			if len(pq) > 0 && pq[0].Open.Start == firstRuneStart(text, p.Span) && pq[0].Family == pending.Family {
				quotes[len(quotes)-1].RunsOn = true
				quotes[len(quotes)-1].Unterminated = false
				pq[0].Continues = true
			} else {
				problems = append(problems, unclosedProblem(text, quotes[len(quotes)-1]))
			}
			pending = nil
		} else if apos && len(pq) > 0 && pq[0].Open.Start == firstRuneStart(text, p.Span) && pq[0].Family == familySingle {
			maybeApos.RunsOn = true
			maybeApos.Unterminated = false
			quotes = append(quotes, maybeApos)
			pq[0].Continues = true
		}
		apos = false
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
				maybeApos, apos = q, true
				continue
			}
			if !q.Unterminated && !q.Continues && !q.RunsOn && !hasWordRune(text[q.Span.Start:q.Span.End]) {
				continue // `""`, `" - "`: marks around no words quote nothing
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

// markCandidates bounds the marks in s: ASCII mark characters and the
// first bytes of non-ASCII characters.
func markCandidates(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0xC0 || c < utf8.RuneSelf && markTab.ascii[c] {
			n++
		}
	}
	return n
}

func hasWordRune(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func unclosedProblem(text string, q RawQuote) article.MarkProblem {
	open := q.Open
	if open.Empty() {
		open = q.opener
	}
	return article.MarkProblem{Span: open, Kind: "unclosed", Mark: text[open.Start:open.End]}
}

func firstRuneStart(text string, s article.Span) int { return s.Start }

// scanner holds buffers reused from paragraph to paragraph.
type scanner struct {
	// lines are the current paragraph's lines, trimmed of white space.
	lines []article.Span
	// later is laterSingleClosers' answer for each mark of the paragraph.
	later []bool
	// buffers for the paragraph's marks, open marks and quotes
	marks  []mark
	stack  []openMark
	quotes []RawQuote
}

// plainRun is the length of the prefix of s the scanner can skip: bytes
// that are neither newlines nor the start of a possible mark (prose runs
// about thirty bytes between apostrophes).
func plainRun(s string) int { return swar.Span(s, &markTab.scanStop) }

// classifyMarks finds quotation-mark candidates in a paragraph and decides
// from their neighbours whether each opens, closes or is an apostrophe. It
// also records the paragraph's lines.
func (sc *scanner) classifyMarks(text string, p article.Span) []mark {
	out := sc.marks[:0]
	// size the buffer once: growing it mark by mark through a paragraph
	// made of marks costs more than the scan
	if p.End-p.Start > 1<<16 {
		if n := markCandidates(text[p.Start:p.End]); cap(out) < n {
			out = make([]mark, 0, n)
		}
	}
	defer func() { sc.marks = out[:0] }()
	sc.lines = sc.lines[:0]
	line, lineStart, blank := 0, p.Start, true
	endLine := func(end int) {
		sc.lines = append(sc.lines, article.Span{Start: lineStart, End: end}.TrimSpace(text))
	}
	for i := p.Start; i < p.End; {
		if c := text[i]; markTab.scanStop[c] == 0 {
			// plain ASCII: once the line has a character, run to the
			// next byte worth a look
			if blank && c != ' ' && c != '\t' && c != '\r' && c != '\v' && c != '\f' {
				blank = false
			}
			i++
			if !blank {
				i += plainRun(text[i:p.End])
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			endLine(i)
			line++
			lineStart, blank = i+size, true
			i += size
			continue
		}
		if !markTab.isFirst(r) {
			if blank && !isBlankRune(r) {
				blank = false
			}
			i += size
			continue
		}
		single := markTab.glyphOf(r, text[i:i+size])
		if single != nil && single.apostrophe && i > p.Start && i+size < p.End &&
			text[i-1] < utf8.RuneSelf && isWordRune(rune(text[i-1])) && text[i+size] < utf8.RuneSelf && isWordRune(rune(text[i+size])) {
			// between two letters or digits: an apostrophe, as singleShape
			// would find after looking all around it
			blank = false
			i += size
			continue
		}
		// the longest mark here; a run of apostrophes is cut into double
		// and single marks
		r2, size2 := utf8.DecodeRuneInString(text[i+size : p.End])
		var double *glyph
		run := 1
		if r2 == r {
			double = markTab.glyphs[text[i:i+2*size]]
		}
		if double != nil {
			for j := i + size; j < p.End; j += size {
				if next, _ := utf8.DecodeRuneInString(text[j:p.End]); next != r {
					break
				}
				run++
			}
		}
		if double != nil && single == nil && run != 2 {
			// ``` is a code fence, not a mark
			blank = false
			i += run * size
			continue
		}
		if double != nil && single != nil && run > 3 {
			blank = false
			i += run * size
			continue
		}
		prev := prevRune(text, p.Start, i)
		chunkStart := i
		var chunks [2]int // mark lengths in runes, in order
		switch {
		case run == 1 || double == nil:
			chunks = [2]int{1, 0}
			if single == nil && size2 > 0 && markTab.glyphs[text[i:i+size+size2]] != nil {
				chunks = [2]int{2, 0} // a two-character mark of two different characters
			}
		case run == 2:
			chunks = [2]int{2, 0}
		case isOpenContext(prev):
			chunks = [2]int{2, 1} // ''' opening: a double mark, then a nested single
		default:
			chunks = [2]int{1, 2} // ''' closing: a nested single closes, then the double
		}
		if chunks == [2]int{1, 0} && single == nil {
			blank = false
			i += size
			continue
		}
		for ci, c := range chunks {
			if c == 0 {
				break
			}
			if ci > 0 {
				// the second mark of a run follows the first
				prev, _ = utf8.DecodeLastRuneInString(text[chunkStart:i])
			}
			chunkStart = i
			end := i + size
			if c == 2 {
				_, s2 := utf8.DecodeRuneInString(text[end:p.End])
				end += s2
			}
			g := single
			if c == 2 {
				g = markTab.glyphs[text[i:end]]
			}
			next := nextRune(text, end, p.End)
			m := mark{span: article.Span{Start: i, End: end}, family: g.family, glyph: g, line: line, lineStart: blank}
			m.shape = shapeOf(g, prev, next, text[end:p.End], m.lineStart)
			if m.shape != shapeNotAMark {
				out = append(out, m)
			}
			blank = false
			i = end
		}
	}
	endLine(p.End)
	return out
}

// prevRune is the character before i in the paragraph starting at start,
// looking past up to three invisible format characters; a space at the
// paragraph's start.
func prevRune(text string, start, i int) rune {
	for k := 0; k < 4 && i > start; k++ {
		r, size := utf8.DecodeLastRuneInString(text[start:i])
		if !unicode.Is(unicode.Cf, r) {
			return r
		}
		i -= size
	}
	return ' '
}

// nextRune is the character at i, looking past up to three invisible
// format characters; a space at the paragraph's end.
func nextRune(text string, i, end int) rune {
	for k := 0; k < 4 && i < end; k++ {
		r, size := utf8.DecodeRuneInString(text[i:end])
		if !unicode.Is(unicode.Cf, r) {
			return r
		}
		i += size
	}
	return ' '
}

func isBlankRune(r rune) bool { return isSpace(r) || unicode.Is(unicode.Cf, r) }

func isOpenContext(r rune) bool {
	return isBlankRune(r) || unicode.In(r, unicode.Ps, unicode.Pi, unicode.Pd) ||
		r == '/' || r == '"' || r == '\'' || r == ':'
}

func isCloseContext(r rune) bool {
	return isSpace(r) || unicode.IsPunct(r) && r != '(' && r != '[' && r != '{' && r != '\'' || r == '\u201D' || r == '\u2019' || r == '"' || r == '\u00BB'
}

// shapeOf decides from a mark's neighbours whether it opens or closes a
// quotation, or is no quotation mark at all.
func shapeOf(g *glyph, prev, next rune, after string, lineStart bool) markShape {
	if g.family == familySingle && utf8.RuneCountInString(g.text) == 1 {
		r, _ := utf8.DecodeRuneInString(g.text)
		return singleShape(g, r, prev, next, after)
	}
	if g.opens != g.closes {
		if g.opens {
			return shapeOpen
		}
		return shapeClose
	}
	openCtx, closeCtx := isOpenContext(prev), isCloseContext(next)
	switch {
	case g.straight && unicode.IsDigit(prev) && closeCtx:
		return shapeEither // perhaps an inch mark; pairing decides
	case openCtx && !closeCtx:
		return shapeOpen
	case !openCtx && closeCtx:
		return shapeClose
	case g.usual == shapeOpen:
		return shapeOpen
	case g.usual == shapeClose && !(lineStart && textFollows(after)):
		return shapeClose
	}
	// a straight mark with no telling neighbours, or a closing mark at the
	// start of a line before words (” … and so on”): it closes an open
	// quotation or opens one
	return shapeEither
}

// textFollows reports whether words follow a mark within a few spaces.
func textFollows(after string) bool {
	for k, r := range after {
		if k > 8 {
			break
		}
		if isSpace(r) {
			continue
		}
		return isWordRune(r) || r == '\u2026' || r == '.'
	}
	return false
}

// singleShape applies the apostrophe rules to a one-character single mark.
func singleShape(g *glyph, r, prev, next rune, after string) markShape {
	if isWordRune(prev) && isWordRune(next) {
		return shapeNotAMark // don't, Xi's, rock'n'roll
	}
	if isOpenContext(prev) && unicode.IsDigit(next) && isElision(after) {
		return shapeNotAMark // '90s, ’60s
	}
	if g.usual == shapeOpen {
		// ‘ ‛ ‚
		if g.closes && !isOpenContext(prev) && isCloseContext(next) {
			return shapeClose // German ‚…‘
		}
		if isWordRune(prev) && !isCloseContext(next) {
			return shapeNotAMark
		}
		return shapeOpen
	}
	switch r {
	case '\u2019':
		if isOpenContext(prev) {
			if isWordRune(next) {
				return shapeNotAMark // ’em, ’til: apostrophe in place of letters
			}
			return shapeEither
		}
	case '\'':
		if isOpenContext(prev) && !isSpace(next) {
			return shapeOpen
		}
		if isOpenContext(prev) {
			return shapeEither
		}
	}
	// closing-shaped single mark
	if prev == 's' || prev == 'S' || prev == 'z' {
		if isSpace(next) || next == ',' || next == '.' || next == ';' || next == ':' || next == ')' {
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

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		// ASCII fast path: most copy is ASCII
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isSpace is unicode.IsSpace with an ASCII fast path.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// openMark is a mark on the pairing stack.
type openMark struct {
	mark
	// continues is set on a quotation segment that carries on a
	// quotation from the line before.
	continues bool
	// opener is the mark that opened the quotation, for a segment that
	// carries it on without a mark of its own.
	opener article.Span
}

// pairMarks matches openers with closers in one paragraph and returns the
// top-level quotations and any stray closing marks.
func (sc *scanner) pairMarks(text string, p article.Span, pi int, marks []mark) ([]RawQuote, []article.MarkProblem) {
	quotes := sc.quotes[:0]
	// a quote mostly takes two marks: size a paragraph of many marks once
	// rather than growing its quotes by copies
	if n := len(marks)/2 + 1; len(marks) > 1<<12 && cap(quotes) < n {
		quotes = make([]RawQuote, 0, n)
	}
	defer func() { sc.quotes = quotes[:0] }()
	var probs []article.MarkProblem
	stack := sc.stack[:0]
	defer func() { sc.stack = stack[:0] }()
	// continuesNext is set when the next top-level opener reopens a
	// quotation that ran on from the line before.
	continuesNext := false
	openIndex := func(f markFamily) int {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].family == f {
				return i
			}
		}
		return -1
	}
	push := func(m mark) {
		if len(stack) == maxOpen {
			return
		}
		stack = append(stack, openMark{mark: m, continues: len(stack) == 0 && continuesNext})
		if len(stack) == 1 {
			continuesNext = false
		}
	}
	closeAt := func(idx int, closer mark) {
		if idx == 0 {
			q := newRawQuote(text, stack[0].span, closer.span, pi, stack[0].family)
			q.Continues = stack[0].continues
			quotes = append(quotes, q)
		}
		stack = stack[:idx]
	}
	// endSegment ends the open quotation at the end of line k: it runs on
	// into the next line.
	endSegment := func(k int) bool {
		end := sc.lines[k].End
		q := newRawQuote(text, stack[0].span, article.Span{Start: end, End: end}, pi, stack[0].family)
		if q.Span.Empty() {
			return stack[0].continues
		}
		q.RunsOn = true
		q.Continues = stack[0].continues
		quotes = append(quotes, q)
		return true
	}
	// lineBreak handles the break after line k while a quotation is open;
	// next is the first mark after the break, if any.
	lineBreak := func(k int, next *mark) {
		top := stack[0]
		switch {
		case next != nil && next.line == k+1 && next.lineStart && next.family == top.family && next.glyph.opens &&
			(next.shape == shapeOpen || next.shape == shapeEither):
			// the next line reopens the quotation
			continuesNext = endSegment(k)
			stack = stack[:0]
		case lineEndsSentence(text, sc.lines[k]) && lineStartsSentence(text, sc.lines[k+1]):
			// one paragraph a line: the quotation carries on in the next
			// line without a mark
			cont := endSegment(k)
			at := sc.lines[k+1].Start
			opener := top.opener
			if opener.Empty() {
				opener = top.span
			}
			stack = append(stack[:0], openMark{mark: mark{span: article.Span{Start: at, End: at}, family: top.family, glyph: top.glyph, line: k + 1}, continues: cont, opener: opener})
		}
		// otherwise a hard-wrapped line: the quotation goes on
	}
	sc.laterSingleClosers(marks)
	line := 0
	for mi := range marks {
		m := marks[mi]
		for ; line < m.line; line++ {
			if len(stack) > 0 {
				lineBreak(line, &m)
			}
		}
		switch m.shape {
		case shapeOpen:
			// A mark that pairs with itself, in opening position while a
			// quotation it opened is open, is more likely its closer
			// written with odd spacing.
			if m.glyph.self {
				if idx := openIndex(m.family); idx >= 0 && stack[idx].glyph == m.glyph {
					closeAt(idx, m)
					continue
				}
			}
			push(m)
		case shapeClose:
			if idx := openIndex(m.family); idx >= 0 {
				closeAt(idx, m)
			} else if m.family != familySingle {
				probs = append(probs, article.MarkProblem{Span: m.span, Kind: "stray-close", Mark: text[m.span.Start:m.span.End]})
			}
		case shapeEither:
			if idx := openIndex(m.family); idx >= 0 {
				closeAt(idx, m)
			} else if m.family != familySingle && m.glyph.opens && !(m.glyph.straight && m.span.Start > p.Start && unicode.IsDigit(lastRune(text[p.Start:m.span.Start]))) {
				push(m)
			}
		case shapePossess:
			idx := openIndex(familySingle)
			if idx >= 0 && !sc.later[mi] {
				closeAt(idx, m)
			}
		}
	}
	for ; line < len(sc.lines)-1; line++ {
		if len(stack) > 0 {
			lineBreak(line, nil)
		}
	}
	if len(stack) > 0 {
		q := newRawQuote(text, stack[0].span, article.Span{Start: p.End, End: p.End}, pi, stack[0].family)
		q.Close = article.Span{Start: p.End, End: p.End}
		q.Unterminated = true
		q.Continues = stack[0].continues
		q.opener = stack[0].opener
		if !q.Span.Empty() {
			quotes = append(quotes, q)
		}
	}
	return quotes, probs
}

// lineEndsSentence reports whether a line ends a sentence.
func lineEndsSentence(text string, line article.Span) bool {
	switch lastRune(text[line.Start:line.End]) {
	case '.', '!', '?', '\u2026', ':':
		return true
	}
	return false
}

// lineStartsSentence reports whether a line starts like a new sentence or
// list item rather than a wrapped one.
func lineStartsSentence(text string, line article.Span) bool {
	r, _ := utf8.DecodeRuneInString(text[line.Start:line.End])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Pd) || r == '\u2022'
}

// laterSingleClosers sets later[i] when an unambiguous single closing mark
// follows mark i before the next single opener: then a possessive-shaped
// mark is an apostrophe ("the ministers' line ... in private.'").
func (sc *scanner) laterSingleClosers(marks []mark) {
	sc.later = append(sc.later[:0], make([]bool, len(marks))...)
	closer := false
	for i := len(marks) - 1; i >= 0; i-- {
		sc.later[i] = closer
		if marks[i].family != familySingle {
			continue
		}
		switch marks[i].shape {
		case shapeClose, shapeEither:
			closer = true
		case shapeOpen:
			closer = false
		}
	}
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func newRawQuote(text string, open, close article.Span, pi int, fam markFamily) RawQuote {
	inner := article.Span{Start: open.End, End: close.Start}.TrimSpace(text)
	return RawQuote{Span: inner, Open: open, Close: close, Paragraph: pi, Family: fam}
}
