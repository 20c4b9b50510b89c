package report

import (
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/input"
)

// documentEncoder writes a document's JSON straight from its check
// result, byte for byte what encoding/json prints for DocumentOf(r)
// (Marshal, or MarshalIndent with the prefix and indent given), without
// building the report model or copying the output: a report is about
// six times the size of its text, and a large document's report is
// written to out in pieces as it is encoded.
type documentEncoder struct {
	b []byte
	// indented chooses MarshalIndent's layout: prefix, then indent once
	// per level, at the start of every line but the first.
	indented       bool
	prefix, indent string
	depth          int
	// pad is a line break with the prefix and maxDepth indents, sliced
	// to the depth at hand.
	pad string
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
	if !e.indented {
		return
	}
	e.b = append(e.b, e.padAt(e.depth)...)
}

// padAt is a line break and the indentation of depth.
func (e *documentEncoder) padAt(depth int) string {
	if e.pad == "" {
		e.pad = "\n" + e.prefix + strings.Repeat(e.indent, maxDepth)
	}
	return e.pad[:1+len(e.prefix)+depth*len(e.indent)]
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

// key starts an object member; names are plain ASCII, never escaped.
func (e *documentEncoder) key(name string) {
	if !e.empty {
		e.b = append(e.b, ',')
	}
	e.empty = false
	if !e.indented {
		e.b = append(e.b, '"')
		e.b = append(e.b, name...)
		e.b = append(e.b, '"', ':')
		return
	}
	e.b = append(e.b, e.padAt(e.depth)...)
	e.b = append(e.b, '"')
	e.b = append(e.b, name...)
	e.b = append(e.b, '"', ':', ' ')
}

func (e *documentEncoder) stringField(name, v string) {
	e.key(name)
	e.b = appendJSONString(e.b, v)
}

func (e *documentEncoder) intField(name string, v int) {
	e.key(name)
	e.b = strconv.AppendInt(e.b, int64(v), 10)
}

func (e *documentEncoder) null() { e.b = append(e.b, "null"...) }

func (e *documentEncoder) boolField(name string, v bool) {
	e.key(name)
	e.b = strconv.AppendBool(e.b, v)
}

// optionalString writes "" as null, as a *string left nil prints.
func (e *documentEncoder) optionalString(name, v string) {
	if v == "" {
		e.key(name)
		e.null()
		return
	}
	e.stringField(name, v)
}

func (e *documentEncoder) stringList(name string, vs []string) {
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
func (e *documentEncoder) list(name string, n int, item func(i int)) {
	e.key(name)
	e.open('[')
	for i := range n {
		e.element()
		item(i)
		e.maybeFlush()
	}
	e.close(']')
}

// spanKeys are the members of a span object as they open, compact and
// indented.
var spanKeys = [2][4]string{
	{`"start":`, `"end":`, `"line":`, `"column":`},
	{`"start": `, `"end": `, `"line": `, `"column": `},
}

// span writes a span object in one go rather than member by member: a
// report holds two or three for every quotation.
func (e *documentEncoder) span(doc *article.Document, s article.Span) {
	p := doc.Position(s.Start)
	values := [4]int{s.Start, s.End, p.Line, p.Column}
	keys := &spanKeys[0]
	outer, inner := "", ""
	if e.indented {
		keys = &spanKeys[1]
		outer, inner = e.padAt(e.depth), e.padAt(e.depth+1)
	}
	e.b = append(e.b, '{')
	for i, v := range values {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		e.b = append(e.b, inner...)
		e.b = append(e.b, keys[i]...)
		e.b = strconv.AppendInt(e.b, int64(v), 10)
	}
	e.b = append(e.b, outer...)
	e.b = append(e.b, '}')
	e.empty = false
}

// document encodes the object DocumentOf(r) describes.
func (e *documentEncoder) document(r checker.Result) {
	e.open('{')
	e.stringField("path", r.Path)
	if r.Err != nil {
		e.stringField("id", errorDocID(r))
		e.stringField("version", "")
		for _, name := range []string{"quotes", "sources", "findings"} {
			e.key(name)
			e.open('[')
			e.close(']')
		}
		e.stringField("error", r.Err.Error())
		e.close('}')
		return
	}
	doc := r.Doc
	id := doc.ID
	if id == "" {
		id = DocID(r.Path)
	}
	e.stringField("id", id)
	e.stringField("version", doc.Version)

	e.key("quotes")
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

	e.list("sources", len(doc.Sources), func(i int) { e.source(&doc.Sources[i]) })
	e.list("findings", len(r.Findings), func(i int) { e.finding(doc, &r.Findings[i]) })

	if terms > 0 {
		e.key("terms")
		e.open('[')
		for i := range doc.Quotes {
			q := &doc.Quotes[i]
			if q.Kind != article.Term {
				continue
			}
			e.element()
			e.open('{')
			e.stringField("text", doc.QuoteText(q))
			e.key("span")
			e.span(doc, q.Span)
			e.stringField("reason", q.TermReason)
			e.close('}')
			e.maybeFlush()
		}
		e.close(']')
	}

	if len(r.Verifications) > 0 {
		e.list("verifications", len(r.Verifications), func(i int) { e.verification(&r.Verifications[i]) })
	}
	e.close('}')
}

func (e *documentEncoder) quote(doc *article.Document, q *article.Quote) {
	e.open('{')
	e.stringField("id", q.ID)
	e.stringField("text", doc.QuoteText(q))
	e.key("span")
	e.span(doc, q.Span)
	e.key("speaker")
	if sp := q.Speaker; sp == nil {
		e.null()
	} else {
		e.open('{')
		e.stringField("name", sp.Name)
		e.stringField("mention", sp.Mention)
		e.stringField("type", string(sp.Type))
		e.key("span")
		if sp.MentionSpan.Empty() {
			e.null()
		} else {
			e.span(doc, sp.MentionSpan)
		}
		e.close('}')
	}
	e.stringField("cue", q.Cue)
	e.key("confidence")
	e.b = appendJSONFloat(e.b, round2(q.Confidence))
	e.close('}')
}

func (e *documentEncoder) source(s *article.Source) {
	e.open('{')
	e.stringField("name", s.Name)
	e.stringField("type", string(s.Type))
	e.stringList("quotes", s.Quotes)
	if s.Type == article.Anonymous {
		e.boolField("anonymity_reason", s.AnonymityReason)
	}
	if len(s.Mentions) > 0 {
		e.stringList("mentions", s.Mentions)
	}
	e.close('}')
}

func (e *documentEncoder) finding(doc *article.Document, f *checker.Finding) {
	e.open('{')
	e.stringField("rule", f.Rule)
	e.stringField("severity", f.Severity.String())
	e.stringField("message", f.Message)
	if f.Quote != "" {
		e.stringField("quote", f.Quote)
	}
	e.key("span")
	e.span(doc, f.Span)
	e.close('}')
}

// AppendDocumentJSON appends the per-document object of the report
// contract for r, compact, byte for byte what json.Marshal(DocumentOf(r))
// prints, without building the model.
func AppendDocumentJSON(b []byte, r checker.Result) []byte {
	e := documentEncoder{b: b}
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

// appendJSONString appends s as a JSON string the way encoding/json does
// by default: HTML-sensitive <, > and & escaped, U+2028 and U+2029 too,
// invalid UTF-8 replaced by U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	plain := 0 // start of the run not yet copied
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonPlainASCII[c] {
				i++
				continue
			}
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
