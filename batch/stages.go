package batch

import (
	"io"
	"sync/atomic"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/baseline"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/report"
)

// The stages of a run, exported for pipelines that run them on many
// machines (the Apache Beam pipeline of module beam): splitting an input
// into pieces, parsing a piece into records, checking a record, and
// comparing it with the last version of its article. Run uses the same
// functions, so that both write the same records.

// Piece is a unit of an input as it is split for the workers: one line
// of a JSON Lines archive, a whole input in another format (Whole; a JSON
// array holds several records), or an input or record that could not be
// read at all (Err).
type Piece struct {
	Input  string
	Format input.Format
	// Record is the number of the (first) record in the input, Line the
	// line where it starts and Offset its byte offset.
	Record, Line int
	Offset       int64
	Data         []byte
	Whole        bool
	Err          error
}

func pieceOf(j *job) Piece {
	return Piece{Input: j.input, Format: j.format, Record: j.record, Line: j.line, Offset: j.offset,
		Data: j.data, Whole: j.kind == jobBlob || j.kind == jobFile, Err: j.err}
}

func (p *Piece) job() job {
	j := job{kind: jobLine, input: p.Input, format: p.Format, record: p.Record, line: p.Line, offset: p.Offset, data: p.Data, err: p.Err}
	switch {
	case p.Err != nil:
		j.kind = jobError
	case p.Whole:
		j.kind = jobBlob
	}
	return j
}

// SplitInput splits one input, read from r, into pieces as Run splits a
// file: gzip-compressed or not (told by its first bytes), JSON Lines (told
// by name's extension or, failing that, by a glance at the content) a
// line at a time, any other format whole, up to opt.MaxSize. It hands
// emit the pieces in input order, stops when emit returns false, and
// reports whether it read to the end.
func SplitInput(name string, r io.Reader, opt input.Options, emit func(Piece) bool) bool {
	if opt.MaxSize <= 0 {
		opt.MaxSize = article.DefaultMaxSize
	}
	rd := &reader{opt: opt, read: new(atomic.Int64), emit: func(j job) bool { return emit(pieceOf(&j)) }}
	return rd.stream(name, r, 0)
}

// Parsed is one record of a piece: its document, or the error record
// saying why it could not be read.
type Parsed struct {
	Doc   *article.Document
	Error *ErrorRecord
	// Record and Line place the record in its input; Size is its size in
	// bytes.
	Record, Line, Size int
}

// Parser reads pieces into records. It keeps buffers from one piece to
// the next, so each goroutine needs its own.
type Parser struct {
	opt   input.Options
	lines *lineParser
}

// NewParser returns a parser that reads records with opt (field names,
// format, size limit) as Run does.
func NewParser(opt input.Options) *Parser {
	if opt.MaxSize <= 0 {
		opt.MaxSize = article.DefaultMaxSize
	}
	lines := newLineParser(opt)
	lines.owned = false // a caller's piece may be its buffer
	return &Parser{opt: opt, lines: lines}
}

// Parse reads the records of a piece; the documents keep no reference to
// the piece's bytes.
func (p *Parser) Parse(pc *Piece) []Parsed {
	j := pc.job()
	ps := parseJob(&j, p.lines, p.opt)
	out := make([]Parsed, len(ps))
	for i := range ps {
		out[i] = Parsed{Doc: ps[i].doc, Record: ps[i].record, Line: ps[i].line, Size: ps[i].size}
		if ps[i].err != nil {
			out[i].Doc = nil
			out[i].Error = errorRecord(pc.Input, &ps[i])
		}
	}
	return out
}

// parseJob reads the records of one job.
func parseJob(j *job, lp *lineParser, opt input.Options) []parsed {
	switch j.kind {
	case jobLine:
		return []parsed{lp.parse(j)}
	case jobFile, jobBlob:
		return parseWhole(j, opt)
	default:
		return []parsed{{err: j.err, record: j.record, line: j.line}}
	}
}

func errorRecord(input string, p *parsed) *ErrorRecord {
	return &ErrorRecord{Input: input, Record: p.record, Line: p.line, ID: p.id, Version: p.version, Error: p.err.Error()}
}

// NewRecord checks the document of a record read from input into its
// output record (not yet compared with an earlier version; see
// LastVersion); bl, when set, filters the findings as a baseline.
func NewRecord(chk *checker.Checker, bl *baseline.Baseline, input string, p *Parsed) *Record {
	rec, _ := newRecord(chk, bl, input, p.Doc, p.Record, p.Line, false)
	return rec
}

// newRecord also returns the findings, for the record's line to be
// encoded from them. With summaryOnly the record's document holds only
// what Summary.Add reads (see summaryDocument).
func newRecord(chk *checker.Checker, bl *baseline.Baseline, input string, doc *article.Document, record, line int, summaryOnly bool) (*Record, []checker.Finding) {
	findings := chk.CheckDocument(doc)
	if bl != nil {
		findings = bl.Filter(input, doc, findings)
	}
	rec := &Record{Record: record, Line: line, Meta: metaOf(doc.Meta)}
	if summaryOnly {
		rec.Document = summaryDocument(input, doc, findings)
	} else {
		rec.Document = report.DocumentOf(checker.Result{Path: input, Doc: doc, Findings: findings})
	}
	return rec, findings
}

// summaryDocument is the part of report.DocumentOf that the summary and a
// record's own fields read: ids, the speakers' names and types, the
// sources and the findings' rules, not the quotes' text and positions
// (a record's line is encoded straight from the check). Only the CSV
// files of quotes and sources need the whole model.
func summaryDocument(path string, doc *article.Document, findings []checker.Finding) report.Document {
	d := report.Document{Path: path, ID: doc.ID, Version: doc.Version,
		Quotes:   make([]report.Quote, 0, len(doc.Quotes)),
		Sources:  report.AppendSources(make([]report.Source, 0, len(doc.Sources)), doc),
		Findings: make([]report.Finding, len(findings))}
	if d.ID == "" {
		d.ID = report.DocID(path)
	}
	speakers := make([]report.Speaker, 0, len(doc.Quotes))
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		if q.Kind == article.Term {
			continue
		}
		rq := report.Quote{ID: q.ID}
		if sp := q.Speaker; sp != nil {
			speakers = append(speakers, report.Speaker{Name: sp.Name, Mention: sp.Mention, Type: string(sp.Type)})
			rq.Speaker = &speakers[len(speakers)-1]
		}
		d.Quotes = append(d.Quotes, rq)
	}
	for i, f := range findings {
		d.Findings[i] = report.Finding{Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Quote: f.Quote}
	}
	return d
}

// LastVersion is the last record of one article read so far that states
// a version. Run keeps one for each id in its window; a pipeline that
// groups the records by id walks each group in input order with one. The
// zero value holds none.
type LastVersion struct {
	v *version
}

// Follow takes the next record of the article: rec, the output record of
// doc, read from input. When doc states a version and the last version
// has another, the changes of the quotations since are added to rec, and Follow
// reports true. A doc that states a version then becomes the last one.
func (l *LastVersion) Follow(chk *checker.Checker, input string, rec *Record, doc *article.Document) bool {
	prev := l.v
	compared := prev != nil && doc.Version != "" && prev.version != doc.Version
	if compared {
		if prev.pending != nil {
			prev.pending.CheckDocument(prev.doc)
			prev.doc = compact(prev.doc)
			prev.pending = nil
		}
		findings := chk.Compare(prev.doc, doc)
		rec.PreviousVersion = prev.version
		rec.Changes = changesOf(prev.doc, doc, findings)
	}
	if doc.Version != "" {
		l.v = &version{id: DocID(doc, input), version: doc.Version, path: input, doc: compact(doc)}
	}
	return compared
}
