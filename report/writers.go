package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/quotecheck/quotecheck/checker"
)

// Writer prints check results as they arrive, so that memory does not grow
// with the number of documents. Close finishes the output.
type Writer interface {
	Write(r checker.Result) error
	Close() error
}

// Prerenderer is a Writer whose work for one result can be done ahead,
// on any goroutine (a worker of the pool that checked it): Render returns
// the bytes, safe for concurrent use, and WriteRendered writes them in
// order. Write(r) is WriteRendered(r, Render(r)).
type Prerenderer interface {
	Writer
	Render(r checker.Result) ([]byte, error)
	WriteRendered(r checker.Result, b []byte) error
}

// renderAndWrite is Write for a Prerenderer.
func renderAndWrite(w Prerenderer, r checker.Result) error {
	b, err := w.Render(r)
	if err != nil {
		return err
	}
	return w.WriteRendered(r, b)
}

// Formats lists the --format values of the check command.
var Formats = []string{"text", "json", "jsonl", "sarif", "github"}

// NewWriter returns the writer for a format name. Errors for unreadable
// inputs go to errOut in text format; JSON formats carry them as documents
// with an "error" field.
func NewWriter(format string, out, errOut io.Writer, tool Tool, minSeverity checker.Severity) (Writer, error) {
	switch format {
	case "text", "":
		return &textWriter{out: out, errOut: errOut, min: minSeverity}, nil
	case "json":
		return &jsonWriter{out: newOutput(out), tool: tool}, nil
	case "jsonl":
		return &jsonlWriter{out: newOutput(out)}, nil
	case "sarif":
		return newSARIFWriter(out, errOut, tool, minSeverity), nil
	case "github":
		return &githubWriter{out: out, min: minSeverity}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// textWriter prints compiler-style lines: path:line:col: severity: message [rule].
type textWriter struct {
	out, errOut io.Writer
	min         checker.Severity
}

func (w *textWriter) Write(r checker.Result) error { return renderAndWrite(w, r) }

// Render prints a result's findings; an input error is written by
// WriteRendered, to errOut.
func (w *textWriter) Render(r checker.Result) ([]byte, error) {
	if r.Err != nil {
		return nil, nil
	}
	var b []byte
	for _, f := range r.Findings {
		if f.Severity < w.min {
			continue
		}
		p := r.Doc.Position(f.Span.Start)
		b = fmt.Appendf(b, "%s:%d:%d: %s: %s [%s]\n", displayPath(r.Path), p.Line, p.Column, f.Severity, f.Message, f.Rule)
	}
	return b, nil
}

func (w *textWriter) WriteRendered(r checker.Result, b []byte) error {
	if r.Err != nil {
		_, err := fmt.Fprintf(w.errOut, "%s: error: %v\n", displayPath(r.Path), r.Err)
		return err
	}
	_, err := w.out.Write(b)
	return err
}

func (w *textWriter) Close() error { return nil }

func displayPath(p string) string {
	if p == "-" || p == "" {
		return "<stdin>"
	}
	return p
}

// output is a buffered writer that hands a large piece straight to what
// it wraps: a document's report, encoded on a worker, is written as it is
// rather than copied into the buffer first (the reports of a folder of
// stories come to six times their text, and the copy was the writer's
// main work).
type output struct {
	*bufio.Writer
	raw io.Writer
}

// directFrom is the size from which a piece goes straight to the
// underlying writer.
const directFrom = 16 << 10

func newOutput(w io.Writer) output {
	s := &stickyWriter{w: w}
	return output{Writer: bufio.NewWriterSize(s, 64<<10), raw: s}
}

// stickyWriter remembers its first error, as bufio.Writer does, so that
// nothing is written after a failed write, through the buffer or past it.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	s.err = err
	return n, err
}

// writePiece writes b after what is buffered.
func (o output) writePiece(b []byte) error {
	if len(b) < directFrom {
		_, err := o.Write(b)
		return err
	}
	if err := o.Flush(); err != nil {
		return err
	}
	_, err := o.raw.Write(b)
	return err
}

// jsonWriter streams one JSON object: the header, each document as it
// comes, then the closing brackets.
type jsonWriter struct {
	out  output
	tool Tool
	n    int
}

func (w *jsonWriter) Write(r checker.Result) error { return renderAndWrite(w, r) }

// separator comes between two documents of the report; Render puts it
// before the document's bytes, so that they go out in one piece.
const separator = ",\n    "

// Render encodes one document, indented to its place in the report and
// after the separator; a large one is left to WriteRendered (nil bytes).
func (w *jsonWriter) Render(r checker.Result) ([]byte, error) {
	if streamed(r) {
		return nil, nil
	}
	e := documentEncoder{b: append(getBuffer(), separator...), lay: &reportLayout}
	e.document(r)
	return e.b, nil
}

// WriteRendered writes the report's head before the first document and
// a separator before the others, then the document's bytes, which it
// takes over; a document Render left is encoded straight onto the output.
func (w *jsonWriter) WriteRendered(r checker.Result, b []byte) error {
	first := w.n == 0
	if first {
		tool, _ := json.Marshal(w.tool)
		fmt.Fprintf(w.out, "{\n  \"schema_version\": %d,\n  \"tool\": %s,\n  \"documents\": [\n", SchemaVersion, tool)
	}
	w.n++
	if b == nil {
		if first {
			w.out.WriteString(separator[2:])
		} else {
			w.out.WriteString(separator)
		}
		e := documentEncoder{b: getBuffer(), lay: &reportLayout, out: w.out}
		e.document(r)
		e.flush()
		putBuffer(e.b)
		return e.err
	}
	piece := b
	if first {
		piece = b[2:] // the head ends its line
	}
	err := w.out.writePiece(piece)
	putBuffer(b)
	return err
}

func (w *jsonWriter) Close() error {
	if w.n == 0 {
		tool, _ := json.Marshal(w.tool)
		fmt.Fprintf(w.out, "{\n  \"schema_version\": %d,\n  \"tool\": %s,\n  \"documents\": [", SchemaVersion, tool)
	}
	w.out.WriteString("\n  ]\n}\n")
	return w.out.Flush()
}

// jsonlWriter prints one document object per line.
type jsonlWriter struct{ out output }

func (w *jsonlWriter) Write(r checker.Result) error { return renderAndWrite(w, r) }

// Render encodes one document on its line; a large one is left to
// WriteRendered (nil bytes).
func (w *jsonlWriter) Render(r checker.Result) ([]byte, error) {
	if streamed(r) {
		return nil, nil
	}
	e := documentEncoder{b: getBuffer(), lay: &compactLayout}
	e.document(r)
	return append(e.b, '\n'), nil
}

// WriteRendered writes a line Render encoded, and takes it over, or
// encodes a large document straight onto the output.
func (w *jsonlWriter) WriteRendered(r checker.Result, b []byte) error {
	if b == nil {
		e := documentEncoder{b: getBuffer(), lay: &compactLayout, out: w.out}
		e.document(r)
		e.b = append(e.b, '\n')
		e.flush()
		putBuffer(e.b)
		return e.err
	}
	err := w.out.writePiece(b)
	putBuffer(b)
	return err
}

func (w *jsonlWriter) Close() error { return w.out.Flush() }

// A document's JSON is not rendered ahead on a worker but encoded onto
// the output in pieces when its turn comes once it may be large: its
// text above streamAbove bytes (a report is about six times its text), or
// more than streamItemsAbove quotes, sources and findings (a short text
// can hold many: 1 MB of `"a" ` is 262,144 quotes, a 57 MB report).
const (
	streamAbove      = 1 << 20
	streamItemsAbove = 4096
)

func streamed(r checker.Result) bool {
	if r.Err != nil {
		return false
	}
	return len(r.Doc.Text) > streamAbove || len(r.Doc.Quotes)+len(r.Doc.Sources)+len(r.Findings)+len(r.Verifications) > streamItemsAbove
}

// buffers recycles rendered documents once written.
var buffers sync.Pool

// keepBelow bounds the buffers kept for reuse.
const keepBelow = 1 << 20

func getBuffer() []byte {
	if p, ok := buffers.Get().(*[]byte); ok {
		return (*p)[:0]
	}
	return make([]byte, 0, 16<<10)
}

func putBuffer(b []byte) {
	if cap(b) == 0 || cap(b) > keepBelow {
		return
	}
	buffers.Put(&b)
}

// DisplayPath names an input for messages: "<stdin>" for standard input.
func DisplayPath(p string) string { return displayPath(p) }
