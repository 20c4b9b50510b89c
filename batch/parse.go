package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/input"
)

// parsed is one record read from a job: a document, or why it could not
// be read.
type parsed struct {
	doc    *article.Document
	err    error
	record int
	line   int
	// id and version, for error records, when the record says them.
	id, version string
	// size is the record's size in bytes.
	size int
}

// lineParser reads single JSON Lines records with package input. It
// hands input a buffered reader of input's own buffer size, which input
// reuses instead of allocating one per record.
type lineParser struct {
	opt input.Options
	rd  *bytes.Reader
	br  *bufio.Reader
}

// inputBufSize is the buffer package input asks for when it reads JSON
// Lines; a reader at least this big is used as it is.
const inputBufSize = 64 << 10

func newLineParser(opt input.Options) *lineParser {
	opt.Format = input.JSONL
	rd := bytes.NewReader(nil)
	return &lineParser{opt: opt, rd: rd, br: bufio.NewReaderSize(rd, inputBufSize)}
}

// parse reads the JSON Lines record j.data, which starts on line j.line
// at byte j.offset of j.input.
func (p *lineParser) parse(j *job) parsed {
	out := parsed{record: j.record, line: j.line, size: len(j.data)}
	line := bytes.TrimRight(j.data, "\r\n")
	if bytes.IndexByte(line, 0) >= 0 {
		out.err = errors.New("record holds a NUL byte")
		out.id, out.version = p.idOf(line)
		return out
	}
	p.rd.Reset(line)
	p.br.Reset(p.rd)
	var rec input.Record
	err := input.Records(p.br, j.input, p.opt, func(r input.Record) error {
		rec = r
		return nil
	})
	if err == nil {
		err = rec.Err
	}
	if err != nil {
		// Input numbered the line 1; give it the archive's number.
		var re *input.RecordError
		if errors.As(err, &re) {
			re.Line = j.line
		} else {
			err = &input.RecordError{Line: j.line, Err: err}
		}
		out.err = err
		out.id, out.version = p.idOf(line)
		return out
	}
	doc := rec.Doc
	doc.SourceLine = j.line
	doc.SourceStart += int(j.offset)
	if j.line != 1 && doc.ID == lineID(j.input, 1) && !bytes.Contains(line, []byte(doc.ID)) {
		// No id field: input named the record after line 1.
		doc.ID = lineID(j.input, j.line)
	}
	out.doc = doc
	return out
}

// lineID is the id package input gives a record with no id field: the
// file's name and the record's line ("archive#12").
func lineID(path string, line int) string {
	base := filepath.Base(path)
	if path == "" || path == "-" {
		base = "stdin"
	}
	return strings.TrimSuffix(base, filepath.Ext(base)) + "#" + strconv.Itoa(line)
}

// idOf reads the id and version of a record that failed, for its error
// record, when the line is a JSON object at all.
func (p *lineParser) idOf(line []byte) (id, version string) {
	var obj map[string]any
	if json.Unmarshal(line, &obj) != nil {
		return "", ""
	}
	fields := p.opt.Fields
	idName, versionName := fields.ID, fields.Version
	if idName == "" {
		idName = "id"
	}
	if versionName == "" {
		versionName = "version"
	}
	return scalarAt(obj, idName), scalarAt(obj, versionName)
}

// scalarAt finds a string or number by dotted path in a decoded object.
func scalarAt(obj map[string]any, path string) string {
	var cur any = obj
	for part := range strings.SplitSeq(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return ""
		}
		cur = m[part]
	}
	switch v := cur.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

// parseWhole reads a file or blob in a format other than JSON Lines: one
// record, or several for a JSON array.
func parseWhole(j *job, opt input.Options) []parsed {
	var data []byte
	if j.kind == jobBlob {
		data = j.data
	} else {
		b, err := os.ReadFile(j.input)
		if err != nil {
			return []parsed{{err: err, record: 1}}
		}
		data = b
	}
	opt.Format = j.format
	var out []parsed
	err := input.Records(bytes.NewReader(data), j.input, opt, func(r input.Record) error {
		p := parsed{doc: r.Doc, err: r.Err, record: len(out) + 1, line: r.Line}
		if r.Doc != nil {
			p.size = len(r.Doc.Text)
			if r.Doc.Source != "" {
				p.size = len(r.Doc.Source)
			}
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		p := parsed{err: err, record: len(out) + 1}
		var bad *article.InvalidUTF8Error
		if errors.As(err, &bad) {
			p.line = bad.Line
		}
		out = append(out, p)
	}
	if len(out) == 1 {
		out[0].size = len(data)
	}
	return out
}
