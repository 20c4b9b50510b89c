package batch

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
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

// lineParser reads single JSON Lines records with package input.
type lineParser struct {
	opt input.Options
	// owned says a job's bytes are handed over: the document's source
	// shares them instead of copying them.
	owned bool
}

// newLineParser returns a parser of the jobs of Run's own reader, which
// copies each line out of its buffer for the job and never writes to it
// again.
func newLineParser(opt input.Options) *lineParser {
	opt.Format = input.JSONL
	return &lineParser{opt: opt, owned: true}
}

// parse reads the JSON Lines record j.data, which starts on line j.line
// at byte j.offset of j.input. A record without an id is named after its
// line ("archive#12"), as check names it.
func (p *lineParser) parse(j *job) parsed {
	out := parsed{record: j.record, line: j.line, size: len(j.data)}
	line := bytes.TrimRight(j.data, "\r\n")
	if bytes.IndexByte(line, 0) >= 0 {
		out.err = errors.New("record holds a NUL byte")
		out.id, out.version = p.idOf(line)
		return out
	}
	rec := input.ParseLine(j.input, line, j.line, int(j.offset), p.opt, p.owned)
	err := rec.Err
	if rec.Line == 0 {
		err = article.ErrEmpty // the reader passes no blank line on
	}
	if err != nil {
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
	out.doc = rec.Doc
	return out
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
