package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/transform"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/internal/swar"
)

func jsonValid(b []byte) bool { return json.Valid(b) }

// Records reads the articles of r one at a time and calls fn for each,
// stopping at the first error fn returns. A JSON Lines file is streamed a
// line at a time, so an archive of any size is read in constant memory;
// the size limit of Options then applies to each line. Other formats are
// read whole. The returned error is for the input as a whole; a broken
// record is passed to fn as a Record with Err set, and reading goes on.
func Records(r io.Reader, path string, opt Options, fn func(Record) error) error {
	br, ok := r.(*bufio.Reader)
	if !ok || br.Size() < 4096 {
		br = bufio.NewReaderSize(r, 4096)
	}
	format := opt.Format
	if format == "" || format == Auto {
		format = FormatOf(path)
	}
	if format == Auto {
		// Sniff from the first bytes without losing them.
		head, _ := br.Peek(4096)
		format = sniff(head)
	}
	if format != JSONL {
		data, err := io.ReadAll(io.LimitReader(br, opt.maxSize()+1))
		if err != nil {
			return err
		}
		opt.Format = format
		return readAll(path, data, opt, true, fn)
	}
	if head, _ := br.Peek(2); len(head) == 2 {
		if dec, _ := article.UTF16Decoder(head); dec != nil {
			// Lines are read as UTF-8 (the other formats are decoded
			// whole by article.Decode).
			return readLines(transform.NewReader(br, dec), path, opt, fn)
		}
	}
	return readLines(br, path, opt, fn)
}

// readLines reads JSON Lines: one record per line, blank lines skipped.
func readLines(r io.Reader, path string, opt Options, fn func(Record) error) error {
	fields := opt.Fields.withDefaults()
	limit := opt.maxSize()
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(8192); bytes.IndexByte(head, 0) >= 0 {
		return article.ErrBinary
	}
	lineNo, start := 0, 0
	records := 0
	for {
		line, n, tooLong, err := readLine(br, limit)
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if n == 0 && errors.Is(err, io.EOF) {
			break
		}
		lineNo++
		lineStart := start
		start += n
		eof := errors.Is(err, io.EOF)
		var rec Record
		if tooLong {
			rec = Record{Line: lineNo, Err: &RecordError{Line: lineNo, Err: fmt.Errorf("record longer than the %d byte limit", limit)}}
		} else {
			// the line is read's buffer, reused by the next read: the
			// record copies what it keeps
			rec = lineRecord(path, line, lineNo, lineStart, fields, lineNo == 1, false)
		}
		if rec.Line == 0 && !eof {
			continue // a blank line
		}
		if rec.Line > 0 {
			records++
			if err := fn(rec); err != nil {
				return err
			}
		}
		if eof {
			break
		}
	}
	if records == 0 {
		return article.ErrEmpty
	}
	return nil
}

// readLine reads one line with its ending; n is its length. A line longer
// than limit is read to its end and dropped, and tooLong is set. A line
// that fits in br's buffer is returned in it, valid only until the next
// read.
func readLine(br *bufio.Reader, limit int64) (line []byte, n int, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		n += len(chunk)
		if !tooLong {
			switch {
			case int64(len(line)+len(chunk)) > limit:
				tooLong, line = true, nil
			case line == nil && !errors.Is(err, bufio.ErrBufferFull):
				line = chunk // the whole line in the buffer: no copy
			default:
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return line, n, tooLong, err
	}
}

// ParseLine reads one JSON Lines record: line is the record's bytes (its
// line ending may be left on), lineNo its line in the file and offset
// the byte it starts at. A blank line gives a Record with Line 0. A
// byte-order mark opening the line is skipped (archives joined from
// files keep theirs). The size limit is the caller's to apply. With
// owned, the caller hands line over: the document's Source shares its
// memory instead of copying it, so the caller must never write to line
// again.
func ParseLine(path string, line []byte, lineNo, offset int, opt Options, owned bool) Record {
	return lineRecord(path, line, lineNo, offset, opt.Fields.withDefaults(), true, owned)
}

// lineRecord is ParseLine with the fields already defaulted; a
// byte-order mark is skipped with bom.
func lineRecord(path string, line []byte, lineNo, lineStart int, fields Fields, bom, owned bool) Record {
	content := bytes.TrimRight(line, "\r\n")
	if bom && bytes.HasPrefix(content, []byte("\xEF\xBB\xBF")) {
		content = content[3:]
		lineStart += 3
	}
	if len(bytes.TrimSpace(content)) == 0 {
		return Record{}
	}
	doc, err := jsonLine(path, content, fields, owned)
	if err != nil {
		var re *RecordError
		if errors.As(err, &re) {
			re.Line = lineNo
		} else {
			err = &RecordError{Line: lineNo, Err: err}
		}
		return Record{Line: lineNo, Err: err}
	}
	doc.SourceLine, doc.SourceStart = lineNo, lineStart
	if doc.ID == "" {
		doc.ID = recordID(path, lineNo)
	}
	return Record{Doc: doc, Line: lineNo}
}

// recordID names a record that has no id field: the file's name and the
// line the record starts on ("archive#12").
func recordID(path string, line int) string {
	base := filepath.Base(path)
	if path == "" || path == "-" {
		base = "stdin"
	}
	return strings.TrimSuffix(base, filepath.Ext(base)) + "#" + strconv.Itoa(line)
}

// jsonLine reads one JSON Lines record. The document's Source is the line.
func jsonLine(path string, line []byte, fields Fields, owned bool) (*article.Document, error) {
	if !utf8.Valid(line) {
		off := firstInvalidUTF8(line)
		return nil, &RecordError{Column: utf8.RuneCount(line[:off]) + 1, Err: errors.New("invalid UTF-8; convert the file to UTF-8")}
	}
	if bytes.IndexByte(line, 0) >= 0 {
		return nil, errors.New("record holds a NUL byte")
	}
	// the common case, a valid flat record, in one pass over the line;
	// anything else, and every error, goes through the general reader
	if doc, ok := fastJSONLine(path, line, fields, owned); ok {
		return doc, nil
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	doc, err := jsonObject(path, dec, line, skipSpace(line, 0), 0, fields)
	if se, ok := err.(syntaxErr); ok {
		err = se.error
	}
	if err != nil {
		return nil, jsonError(err, line, 0)
	}
	if rest := bytes.TrimSpace(line[dec.InputOffset():]); len(rest) > 0 {
		col := utf8.RuneCount(line[:len(line)-len(bytes.TrimLeft(line[dec.InputOffset():], " \t\r\n"))]) + 1
		return nil, &RecordError{Column: col, Err: errors.New("invalid JSON: more than one value on the line")}
	}
	return doc, nil
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// jsonError turns a decoding error into a RecordError located by line
// and column in data. base is where a decoder began reading the value: a
// syntax error's offset counts the bytes read from there, the bad one
// included. Decoder.Token errors are located by tokenError instead.
func jsonError(err error, data []byte, base int) error {
	var re *RecordError
	if errors.As(err, &re) {
		return err
	}
	var syn *json.SyntaxError
	off := -1
	switch {
	case errors.As(err, &syn):
		off = base + int(syn.Offset) - 1
		if off < base {
			off = base
		}
		err = fmt.Errorf("invalid JSON: %v", syn)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		off = len(data)
		err = errors.New("invalid JSON: unexpected end of record")
	}
	if off < 0 || off > len(data) {
		return err
	}
	return jsonAt(data, off, err)
}

// tokenError locates an error of Decoder.Token, whose syntax error
// offsets are those of the bad byte in the input.
func tokenError(err error, data []byte) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return jsonAt(data, int(syn.Offset), fmt.Errorf("invalid JSON: %v", syn))
	}
	return jsonError(err, data, 0)
}

// readJSON reads a .json file: one record object, an array of them, or
// several objects one after another. A syntax error ends the file (the
// rest cannot be resynchronised) after the records before it.
func readJSON(path, text string, fields Fields, fn func(Record) error) error {
	data := []byte(text)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	lines := newLineCounter(data)
	records := 0
	// record reads the object at start; broken is set when the file can
	// be read no further.
	record := func(start int) (broken bool, err error) {
		records++
		line := lines.lineOf(start)
		// Source starts at the start of the record's line so that columns
		// are the file's, unless the line is a long run of records (a
		// minified array): then it starts at the record, bounding the work
		// per record, and columns count from there.
		origin := lines.start(line)
		if start-origin > maxLinePrefix {
			origin = start
		}
		doc, err := jsonObject(path, dec, data, start, origin, fields)
		if err != nil {
			if se, ok := err.(syntaxErr); ok {
				broken, err = true, se.error
			}
			err = jsonError(err, data, 0)
			var re *RecordError
			if !errors.As(err, &re) {
				err = &RecordError{Line: line, Err: err}
			}
			return broken, fn(Record{Line: line, Err: err})
		}
		doc.SourceLine, doc.SourceStart = line, origin
		if doc.ID == "" {
			doc.ID = recordID(path, line)
		}
		return false, fn(Record{Doc: doc, Line: line})
	}
	for {
		start := skipSpace(data, int(dec.InputOffset()))
		if start >= len(data) {
			break
		}
		switch data[start] {
		case '[':
			if _, err := dec.Token(); err != nil {
				return tokenError(err, data)
			}
			for dec.More() {
				s := int(dec.InputOffset())
				for s < len(data) && (data[s] == ',' || isJSONSpace(data[s])) {
					s++
				}
				if s >= len(data) || data[s] != '{' {
					return jsonAt(data, s, errors.New("array element is not a record object"))
				}
				if broken, err := record(s); broken || err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return tokenError(err, data)
			}
		case '{':
			if broken, err := record(start); broken || err != nil {
				return err
			}
		default:
			return jsonAt(data, start, errors.New("expected a record object or an array of them"))
		}
	}
	if records == 0 {
		return fmt.Errorf("%w in the JSON file", ErrNoText)
	}
	return nil
}

// maxLinePrefix is how far before a record on the same line a .json
// record's Source may start.
const maxLinePrefix = 1 << 20

// syntaxErr marks a decoding error after which a stream cannot go on.
type syntaxErr struct{ error }

func (e syntaxErr) Unwrap() error { return e.error }

// jsonAt locates an error at offset off of a JSON file.
func jsonAt(data []byte, off int, err error) error {
	if off > len(data) {
		off = len(data)
	}
	ls := bytes.LastIndexByte(data[:off], '\n') + 1
	return &RecordError{Line: 1 + bytes.Count(data[:ls], []byte("\n")), Column: utf8.RuneCount(data[ls:off]) + 1, Err: err}
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && isJSONSpace(data[i]) {
		i++
	}
	return i
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// jsonObject decodes the record object that starts at offset start of
// data (where the decoder stands) and builds its document. Text comes
// from the text field (or body), decoded with its escapes, every byte
// mapped into the JSON string in data.
//
// The document's Source is data from origin to the record's end, and the
// map points into it; origin is the start of the line the record starts
// on, so that lines and columns are those of the file.
func jsonObject(path string, dec *json.Decoder, data []byte, start, origin int, f Fields) (*article.Document, error) {
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		// The decoder counts a syntax error's offset from where it began
		// reading the value; read the record again from its first byte
		// to place the error in the file.
		var probe json.RawMessage
		if perr := json.NewDecoder(bytes.NewReader(data[start:])).Decode(&probe); perr != nil {
			err = perr
		}
		return nil, syntaxErr{jsonError(err, data, start)}
	}
	end := int(dec.InputOffset())
	objStart := end - len(raw)
	if objStart < 0 || !bytes.Equal(data[objStart:end], raw) {
		return nil, errors.New("cannot locate the record in the file")
	}
	if len(raw) == 0 || raw[0] != '{' {
		return nil, errors.New("record is not a JSON object")
	}
	vals := map[string]jsonValue{}
	want := wantedFields(f)
	if err := collectFields(raw, objStart, "", want, vals, 0); err != nil {
		return nil, err
	}
	return documentFrom(path, data, vals, objStart, end, origin, f, false, false)
}

// wantedFields lists the field names a record is read for.
func wantedFields(f Fields) map[string]bool {
	want := map[string]bool{}
	for _, name := range []string{f.ID, f.Text, f.Body, f.Version, f.Published, f.URL, f.Author, f.Section, f.Title} {
		want[name] = true
	}
	return want
}

// fastJSONLine reads a valid, flat JSON Lines record with fastFields. The
// line is UTF-8 (jsonLine checks it before).
func fastJSONLine(path string, line []byte, f Fields, owned bool) (*article.Document, bool) {
	start := skipSpace(line, 0)
	end := len(line)
	for end > start && isJSONSpace(line[end-1]) {
		end--
	}
	vals, ok := fastFields(line[start:end], start, wantedFields(f))
	if !ok {
		return nil, false
	}
	// jsonLine has found the whole line to be UTF-8
	doc, err := documentFrom(path, line, vals, start, end, 0, f, owned, true)
	if err != nil {
		return nil, false // let the general reader report it
	}
	return doc, true
}

// documentFrom builds the document from the fields read from the record
// found at data[objStart:end].
func documentFrom(path string, data []byte, vals map[string]jsonValue, objStart, end, origin int, f Fields, owned, validUTF8 bool) (*article.Document, error) {
	textName := f.Text
	tv, ok := vals[f.Text]
	if !ok {
		textName = f.Body
		tv, ok = vals[f.Body]
	}
	if !ok {
		if f.Text == f.Body {
			return nil, fmt.Errorf("record has no %q field", f.Text)
		}
		return nil, fmt.Errorf("record has no %q or %q field", f.Text, f.Body)
	}
	if !tv.isString {
		return nil, fmt.Errorf("field %q is not a string", textName)
	}
	b := newBuilder()
	// the text is about as long as its escaped form
	raw := data[tv.start+1 : tv.end-1]
	b.grow(len(raw), mapPieces(raw))
	if decoded, ok := unescapeJSON(b, raw, tv.start+1-origin, validUTF8); !ok || tv.escaped == nil && decoded != tv.text {
		// Should not happen; keep the decoder's text, mapped to the
		// string's start.
		b = newBuilder()
		b.decoded(tv.String(), tv.start+1-origin)
	}
	if origin > objStart {
		origin = objStart
	}
	src := data[origin:end]
	source := ""
	if owned {
		source = unsafe.String(unsafe.SliceData(src), len(src))
	} else {
		source = string(src)
	}
	doc, err := newDocument(path, b, source)
	if err != nil {
		return nil, fmt.Errorf("field %q: %w", textName, err)
	}
	doc.ID = vals[f.ID].String()
	doc.Version = vals[f.Version].String()
	doc.Meta = article.Metadata{
		Title:     vals[f.Title].String(),
		Published: vals[f.Published].String(),
		URL:       vals[f.URL].String(),
		Author:    vals[f.Author].String(),
		Section:   vals[f.Section].String(),
	}
	return doc, nil
}

// jsonValue is a field's value: its text (strings decoded, numbers and
// literals as written, lists of strings joined) and, for strings, where
// the string (with its quotes) lies in the file.
type jsonValue struct {
	text       string
	isString   bool
	start, end int
	// escaped is set instead of text by the one-pass reader: the string,
	// quotes and escapes as written in a record already validated.
	escaped []byte
}

// String is the value's text, decoding an escaped string the one-pass
// reader left as written.
func (v jsonValue) String() string {
	if v.escaped == nil {
		return v.text
	}
	var s string
	if json.Unmarshal(v.escaped, &s) != nil {
		return "" // not reached: the record was validated
	}
	return s
}

// collectFields walks the object raw (found at offset base of the file)
// and records the wanted fields, by dotted path for nested objects.
func collectFields(raw []byte, base int, prefix string, want map[string]bool, vals map[string]jsonValue, depth int) error {
	if depth > 32 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil { // '{'
		return err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		if prefix != "" {
			key = prefix + "." + key
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return err
		}
		end := int(dec.InputOffset())
		vstart := end - len(v)
		if _, seen := vals[key]; seen || len(v) == 0 {
			continue // the first of duplicate keys wins
		}
		if want[key] {
			vals[key] = jsonValueOf(v, base+vstart, base+end)
			continue
		}
		if v[0] == '{' && wantsUnder(want, key) {
			if err := collectFields(v, base+vstart, key, want, vals, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

func wantsUnder(want map[string]bool, prefix string) bool {
	for name := range want {
		if strings.HasPrefix(name, prefix+".") {
			return true
		}
	}
	return false
}

func jsonValueOf(v json.RawMessage, start, end int) jsonValue {
	switch v[0] {
	case '"':
		// the record was validated when it was read: a string without
		// escapes is its bytes between the quotes
		if len(v) >= 2 && bytes.IndexByte(v, '\\') < 0 {
			return jsonValue{text: string(v[1 : len(v)-1]), isString: true, start: start, end: end}
		}
		var s string
		if json.Unmarshal(v, &s) == nil {
			return jsonValue{text: s, isString: true, start: start, end: end}
		}
	case '[':
		var list []any
		if json.Unmarshal(v, &list) == nil {
			var parts []string
			for _, item := range list {
				switch item := item.(type) {
				case string:
					parts = append(parts, item)
				case map[string]any:
					if name, ok := item["name"].(string); ok {
						parts = append(parts, name)
					}
				}
			}
			return jsonValue{text: strings.Join(parts, ", ")}
		}
	case '{':
		var obj map[string]any
		if json.Unmarshal(v, &obj) == nil {
			if name, ok := obj["name"].(string); ok {
				return jsonValue{text: name}
			}
		}
		return jsonValue{text: string(v)}
	case 'n':
		return jsonValue{}
	}
	return jsonValue{text: string(v)}
}

// mapPieces counts the pieces of the offset map unescapeJSON makes of
// the body of a JSON string, a little over for surrogate pairs: one for
// the text before the first escape, one for each escape, and one for
// each run of text after one.
func mapPieces(raw []byte) int {
	n := 1
	for i := 0; i < len(raw); {
		j := bytes.IndexByte(raw[i:], '\\')
		if j < 0 || i+j+1 >= len(raw) {
			break
		}
		i += j + 2
		if raw[i-1] == 'u' {
			i += 4
		}
		n++
		if i < len(raw) && raw[i] != '\\' {
			n++
		}
	}
	return n
}

// unescapeStop reports whether any of the eight bytes of x is a backslash
// or a byte of a multi-byte rune.
func unescapeStop(x uint64) bool { return swar.Equal(x, '\\')|swar.NonASCII(x) != 0 }

// unescapeJSON appends the body of a JSON string (between its quotes),
// found at offset at of the file: runs without escapes are copied, each
// escape decodes to a character mapped to its backslash, and so does each
// byte that is not UTF-8 (to U+FFFD). It returns what it appended, and
// false for an escape it cannot read. validUTF8 says the caller has found
// s to be UTF-8 already (a JSON Lines record is checked whole), which
// spares decoding its multi-byte characters one by one.
func unescapeJSON(b *builder, s []byte, at int, validUTF8 bool) (string, bool) {
	start := b.Len()
	run := 0
	for i := 0; i < len(s); {
		if validUTF8 {
			// only a backslash stops the copy: one vectorised search
			j := bytes.IndexByte(s[i:], '\\')
			if j < 0 {
				break
			}
			i += j
		} else {
			// eight bytes at a time while none is a backslash or outside
			// ASCII: they are copied as they are
			for i+8 <= len(s) && !unescapeStop(swar.LoadBytes(s, i)) {
				i += 8
			}
			if i >= len(s) {
				break
			}
		}
		c := s[i]
		if c != '\\' {
			if c < utf8.RuneSelf {
				i++
				continue
			}
			r, size := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && size == 1 {
				b.copyBytes(s[run:i], at+run)
				b.decoded("\uFFFD", at+i)
				i++
				run = i
				continue
			}
			i += size
			continue
		}
		b.copyBytes(s[run:i], at+run)
		out, n, ok := unescape(s, i)
		if !ok {
			return "", false
		}
		b.decoded(out, at+i)
		i += n
		run = i
	}
	b.copyBytes(s[run:], at+run)
	return b.String()[start:], true
}

// unescape decodes the escape at s[i], a backslash: the text it stands
// for and its length, false when it is none JSON knows.
func unescape(s []byte, i int) (out string, n int, ok bool) {
	if i+1 >= len(s) {
		return "", 0, false
	}
	n = 2
	switch s[i+1] {
	case '"', '\\', '/':
		out = string(s[i+1])
	case 'b':
		out = "\b"
	case 'f':
		out = "\f"
	case 'n':
		out = "\n"
	case 'r':
		out = "\r"
	case 't':
		out = "\t"
	case 'u':
		r, ok := hex4(s[i+2:])
		if !ok {
			return "", 0, false
		}
		n = 6
		if utf16.IsSurrogate(r) {
			r2, ok2 := rune(-1), false
			if i+12 <= len(s) && s[i+6] == '\\' && s[i+7] == 'u' {
				r2, ok2 = hex4(s[i+8:])
			}
			if dr := utf16.DecodeRune(r, r2); ok2 && dr != utf8.RuneError {
				r, n = dr, 12
			} else {
				r = utf8.RuneError
			}
		}
		out = string(r)
	default:
		return "", 0, false
	}
	return out, n, true
}

func hex4(s []byte) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(string(s[:4]), 16, 32)
	if err != nil {
		return 0, false
	}
	return rune(v), true
}

// lineCounter finds the line of an offset.
type lineCounter struct {
	starts []int
}

func newLineCounter(data []byte) *lineCounter {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineCounter{starts: starts}
}

// lineOf returns the 1-based line of offset off.
func (lc *lineCounter) lineOf(off int) int {
	lo, hi := 0, len(lc.starts)
	for lo < hi {
		mid := (lo + hi) / 2
		if lc.starts[mid] <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// start returns the offset where 1-based line n begins.
func (lc *lineCounter) start(n int) int { return lc.starts[n-1] }
