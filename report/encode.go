package report

import (
	"errors"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/internal/swar"
)

// documentEncoder writes a document's JSON straight from its check
// result, byte for byte what encoding/json prints for DocumentOf(r)
// (Marshal, or MarshalIndent with the prefix and indent given), without
// building the report model or copying the output: a report is about
// six times the size of its text, and a large document's report is
// written to out in pieces as it is encoded.
type documentEncoder struct {
	b   []byte
	lay *layout // compact or indented
	// depth is how many objects and arrays are open.
	depth int
	// empty is set right after a bracket opens: an empty container
	// closes on the same line.
	empty bool
	// out, when set, receives b whenever it grows past flushAt.
	out io.Writer
	err error
}

const flushAt = 64 << 10

// flush hands what is encoded to out, when there is one.
func (e *documentEncoder) flush() {
	if e.out == nil || len(e.b) == 0 {
		return
	}
	if e.err == nil {
		_, e.err = e.out.Write(e.b)
	}
	e.b = e.b[:0]
}

func (e *documentEncoder) maybeFlush() {
	if e.out != nil && len(e.b) >= flushAt {
		e.flush()
	}
}

// maxDepth is the deepest nesting of a document (the span of a piece of
// a verified quotation).
const maxDepth = 6

func (e *documentEncoder) newline() {
	e.b = append(e.b, e.lay.pads[e.depth]...)
}

func (e *documentEncoder) open(bracket byte) {
	e.b = append(e.b, bracket)
	e.depth++
	e.empty = true
}

func (e *documentEncoder) close(bracket byte) {
	e.depth--
	if !e.empty {
		e.newline()
	}
	e.b = append(e.b, bracket)
	e.empty = false
}

// element starts the next member of the open container.
func (e *documentEncoder) element() {
	if !e.empty {
		e.b = append(e.b, ',')
	}
	e.empty = false
	e.newline()
}

// key starts an object member, its name's text made once per layout.
func (e *documentEncoder) key(k jsonKey) {
	if !e.empty {
		e.b = append(e.b, ',')
	}
	e.empty = false
	e.b = append(e.b, e.lay.keys[e.depth][k]...)
}

func (e *documentEncoder) stringField(name jsonKey, v string) {
	e.key(name)
	e.b = appendJSONString(e.b, v)
}

func (e *documentEncoder) intField(name jsonKey, v int) {
	e.key(name)
	e.b = strconv.AppendInt(e.b, int64(v), 10)
}

func (e *documentEncoder) null() { e.b = append(e.b, "null"...) }

func (e *documentEncoder) boolField(name jsonKey, v bool) {
	e.key(name)
	e.b = strconv.AppendBool(e.b, v)
}

// optionalString writes "" as null, as a *string left nil prints.
func (e *documentEncoder) optionalString(name jsonKey, v string) {
	if v == "" {
		e.key(name)
		e.null()
		return
	}
	e.stringField(name, v)
}

func (e *documentEncoder) stringList(name jsonKey, vs []string) {
	e.key(name)
	if vs == nil {
		e.null()
		return
	}
	e.open('[')
	for _, v := range vs {
		e.element()
		e.b = appendJSONString(e.b, v)
	}
	e.close(']')
}

// list writes the array member name of n elements, each by item, and
// hands the output on as it grows.
func (e *documentEncoder) list(name jsonKey, n int, item func(i int)) {
	e.key(name)
	e.open('[')
	for i := range n {
		e.element()
		item(i)
		e.maybeFlush()
	}
	e.close(']')
}

// span writes a span object in one go rather than member by member, from
// text made once for the layout: a report holds two or three spans for
// every quotation.
func (e *documentEncoder) span(doc *article.Document, s article.Span) {
	p := doc.Position(s.Start)
	t := &e.lay.spans[e.depth]
	e.b = append(e.b, t[0]...)
	e.b = strconv.AppendInt(e.b, int64(s.Start), 10)
	e.b = append(e.b, t[1]...)
	e.b = strconv.AppendInt(e.b, int64(s.End), 10)
	e.b = append(e.b, t[2]...)
	e.b = appendSmallInt(e.b, p.Line)
	e.b = append(e.b, t[3]...)
	e.b = appendSmallInt(e.b, p.Column)
	e.b = append(e.b, t[4]...)
	e.empty = false
}

// appendSmallInt appends v in decimal as strconv.AppendInt does; lines
// and columns, mostly of one or two digits, skip its calls.
func appendSmallInt(b []byte, v int) []byte {
	switch {
	case uint(v) < 10:
		return append(b, byte('0'+v))
	case uint(v) < 100:
		return append(b, byte('0'+v/10), byte('0'+v%10))
	}
	return strconv.AppendInt(b, int64(v), 10)
}

// document encodes the object DocumentOf(r) describes.
func (e *documentEncoder) document(r checker.Result) {
	e.open('{')
	e.stringField(keyPath, r.Path)
	if r.Err != nil {
		e.stringField(keyID, errorDocID(r))
		e.stringField(keyVersion, "")
		for _, name := range [...]jsonKey{keyQuotes, keySources, keyFindings} {
			e.key(name)
			e.open('[')
			e.close(']')
		}
		e.stringField(keyError, r.Err.Error())
		e.close('}')
		return
	}
	doc := r.Doc
	id := doc.ID
	if id == "" {
		id = DocID(r.Path)
	}
	e.stringField(keyID, id)
	e.stringField(keyVersion, doc.Version)

	e.key(keyQuotes)
	e.open('[')
	terms := 0
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		if q.Kind == article.Term {
			terms++
			continue
		}
		e.element()
		e.quote(doc, q)
		e.maybeFlush()
	}
	e.close(']')

	e.list(keySources, len(doc.Sources), func(i int) { e.source(&doc.Sources[i]) })
	e.list(keyFindings, len(r.Findings), func(i int) { e.finding(doc, &r.Findings[i]) })

	if terms > 0 {
		e.key(keyTerms)
		e.open('[')
		for i := range doc.Quotes {
			q := &doc.Quotes[i]
			if q.Kind != article.Term {
				continue
			}
			e.element()
			e.open('{')
			e.stringField(keyText, doc.QuoteText(q))
			e.key(keySpan)
			e.span(doc, q.Span)
			e.stringField(keyReason, q.TermReason)
			e.close('}')
			e.maybeFlush()
		}
		e.close(']')
	}

	if len(r.Verifications) > 0 {
		e.list(keyVerifications, len(r.Verifications), func(i int) { e.verification(&r.Verifications[i]) })
	}
	e.close('}')
}

func (e *documentEncoder) quote(doc *article.Document, q *article.Quote) {
	e.open('{')
	e.stringField(keyID, q.ID)
	e.stringField(keyText, doc.QuoteText(q))
	e.key(keySpan)
	e.span(doc, q.Span)
	e.key(keySpeaker)
	if sp := q.Speaker; sp == nil {
		e.null()
	} else {
		e.open('{')
		e.stringField(keyName, sp.Name)
		e.stringField(keyMention, sp.Mention)
		e.stringField(keyType, string(sp.Type))
		e.key(keySpan)
		if sp.MentionSpan.Empty() {
			e.null()
		} else {
			e.span(doc, sp.MentionSpan)
		}
		e.close('}')
	}
	e.stringField(keyCue, q.Cue)
	e.key(keyConfidence)
	e.b = appendRounded(e.b, q.Confidence)
	e.close('}')
}

func (e *documentEncoder) source(s *article.Source) {
	e.open('{')
	e.stringField(keyName, s.Name)
	e.stringField(keyType, string(s.Type))
	e.stringList(keyQuotes, s.Quotes)
	if s.Type == article.Anonymous {
		e.boolField(keyAnonymityReason, s.AnonymityReason)
	}
	if len(s.Mentions) > 0 {
		e.stringList(keyMentions, s.Mentions)
	}
	e.close('}')
}

func (e *documentEncoder) finding(doc *article.Document, f *checker.Finding) {
	e.open('{')
	e.stringField(keyRule, f.Rule)
	e.stringField(keySeverity, f.Severity.String())
	e.stringField(keyMessage, f.Message)
	if f.Quote != "" {
		e.stringField(keyQuote, f.Quote)
	}
	e.key(keySpan)
	e.span(doc, f.Span)
	e.close('}')
}

// AppendDocumentJSON appends the per-document object of the report
// contract for r, compact, byte for byte what json.Marshal(DocumentOf(r))
// prints, without building the model.
func AppendDocumentJSON(b []byte, r checker.Result) []byte {
	e := documentEncoder{b: b, lay: &compactLayout}
	e.document(r)
	return e.b
}

// errorDocID is the id of a document that could not be read: its path's;
// a broken record of a JSON Lines file is named by its line, as records
// without an id are.
func errorDocID(r checker.Result) string {
	id := DocID(r.Path)
	var re *input.RecordError
	if errors.As(r.Err, &re) && re.Line > 0 {
		id += "#" + strconv.Itoa(re.Line)
	}
	return id
}

// jsonPlainASCII marks the ASCII bytes a JSON string holds as they are:
// not control characters, quotes, backslashes, or the <, > and & that
// encoding/json escapes for HTML.
var jsonPlainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// jsonStop marks the bytes that end a plain run: all but jsonPlainASCII's.
var jsonStop = func() (t [256]byte) {
	for c := range t {
		if c >= utf8.RuneSelf || !jsonPlainASCII[c] {
			t[c] = 1
		}
	}
	return t
}()

// appendJSONString appends s as a JSON string the way encoding/json does
// by default: HTML-sensitive <, > and & escaped, U+2028 and U+2029 too,
// invalid UTF-8 replaced by U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	plain := 0 // start of the run not yet copied
	for i := 0; i < len(s); {
		if i += swar.Span(s[i:], &jsonStop); i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, s[plain:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			plain = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[plain:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[plain:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		plain = i
	}
	b = append(b, s[plain:]...)
	return append(b, '"')
}

// appendRounded appends round2(f) as appendJSONFloat does; the values
// between 0 and 1 that confidences and scores round to are printed once.
func appendRounded(b []byte, f float64) []byte {
	k := int(f*100 + 0.5) // round2's numerator
	if k >= 0 && k < len(hundredths) {
		return append(b, hundredths[k]...)
	}
	return appendJSONFloat(b, float64(k)/100)
}

// hundredths are 0, 0.01, … 1 as appendJSONFloat prints them.
var hundredths = func() (t [101]string) {
	for k := range t {
		t[k] = string(appendJSONFloat(nil, float64(k)/100))
	}
	return t
}()

// appendJSONFloat appends f as encoding/json prints a float64: the
// shortest decimal that reads back, in exponent form only below 1e-6 or
// from 1e21 on. Reports hold no infinities or NaNs; they print as null.
func appendJSONFloat(b []byte, f float64) []byte {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return append(b, "null"...)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-07 is printed e-7
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// A document's place in the json report, inside "documents" of the top
// object: MarshalIndent's prefix and indent there.
const reportPrefix, reportIndent = "    ", "  "
