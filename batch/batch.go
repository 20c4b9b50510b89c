// Package batch checks whole archives: folders of article files and JSON
// Lines archives (plain, gzip-compressed, or on standard input), on a
// pool of workers, writing one output record per input record in input
// order: its report, or an error record saying why it could not be read.
// Records with the same id and different versions are compared in order,
// and the changes to their quotations reported. Alongside the reports it
// writes one CSV row per quotation and per source, and a summary for
// standards desks: how often the paper relies on anonymous sources,
// which desks, which months, who is quoted most, which quotes changed.
//
// Memory does not grow with the size of the archive: records are read a
// line at a time, at most a few per worker are in flight, versions are
// kept for a bounded window of ids (see history), and the summary's top
// lists and breakdowns are capped (see summary).
package batch

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/baseline"
	"github.com/quotecheck/quotecheck/checker"
	qcengine "github.com/quotecheck/quotecheck/engine"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/internal/pool"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/rules"
	"github.com/quotecheck/quotecheck/versions"
)

// Options configure a run.
type Options struct {
	// Paths are files, folders (walked recursively for article files,
	// see IsArchiveFile) and "-" for Stdin, read in the order given.
	Paths []string
	Stdin io.Reader
	// Engine gives each input the settings its configuration file (and
	// the command line) chooses, as every command does. When nil, Checker
	// checks every record; when both are nil every rule runs with default
	// settings.
	Engine  *qcengine.Engine
	Checker *checker.Checker
	// Input says how records are read: the format (by default by file
	// extension, or by a glance at the content), the field names of
	// JSON records, and the size limit of one record or file.
	Input input.Options
	// Workers is the number of records checked in parallel; 0 means one
	// per core and one more.
	Workers int

	// Out is the per-record JSON Lines output; "" or "-" writes to Stdout.
	Out    string
	Stdout io.Writer
	// Quotes, Sources and Summary, when set, are the paths of the CSV of
	// quotations, the CSV of sources and the HTML summary.
	Quotes, Sources, Summary string
	// Resume keeps the records already in Out and skips them in the
	// input; see resume.go.
	Resume bool

	// VersionWindow is how many ids keep their last version for
	// comparison (DefaultVersionWindow when 0).
	VersionWindow int
	// Top is the length of the summary's top lists (20 when 0).
	Top int

	// Progress receives progress reports; nil for none.
	Progress         io.Writer
	ProgressMode     ProgressMode
	ProgressInterval time.Duration

	// Tool names the program in the HTML summary.
	Tool report.Tool

	// Skipped, when set, is told about each file of a folder left out
	// because it is not a regular file (a named pipe would block the run
	// forever); it is called from the goroutine that reads the inputs.
	Skipped func(path, reason string) `json:"-"`
}

// Stats are the outcome of a run.
type Stats struct {
	// Figures are the summary figures of the whole output (records an
	// earlier run wrote included, when resuming).
	Figures *Figures
	// Records counts the records this run read (resumed ones included),
	// Bytes their size in bytes as read (decompressed), and Elapsed the
	// time the run took.
	Records int
	Bytes   int64
	Elapsed time.Duration
	Workers int
	// Interrupted is set when the context was cancelled before the input
	// was read to its end; Out holds the records before that point.
	Interrupted bool
}

// ArticlesPerSecond is the rate of records read.
func (s *Stats) ArticlesPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Records) / s.Elapsed.Seconds()
}

// MBPerSecond is the rate of record bytes read, in MB (10^6 bytes) per
// second.
func (s *Stats) MBPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Bytes) / 1e6 / s.Elapsed.Seconds()
}

// result is what a worker returns for one record.
type result struct {
	input string
	parsed
	rec *Record
	// chk is the checker of the input's settings, which checked rec.
	chk *checker.Checker
	// findings are the document's, as in rec
	findings []checker.Finding
	json     []byte
	quotes   []byte
	srcs     []byte
	// skip marks a record read but not checked: --resume found it in the
	// output.
	skip bool
}

// engine is one run.
type engine struct {
	opt  Options
	chk  *checker.Checker
	hist *history
	sum  *Summary
	// resumed counts, per key, the records already in the output; used
	// counts those the input has matched so far. Workers only read
	// resumed.
	resumed, used map[uint64]int

	out             *output
	quotes, sources *output
	summary         *summaryFile
	csv             *csvRenderer
	lastFlush       time.Time

	// Progress counters.
	records, bytes, failed, readBytes atomic.Int64
	total                             atomic.Int64
}

// Run checks every record of the inputs and writes the outputs. The
// error is for the run as a whole (an output that cannot be written, a
// --resume file that cannot be read); records that fail are error
// records in Out and counted in Stats.Figures.Failed.
func Run(ctx context.Context, opt Options) (*Stats, error) {
	start := time.Now()
	if opt.Workers <= 0 {
		// one worker more than cores: the reader and the ordered writer
		// run beside the workers, and a spare worker keeps every core
		// busy while they do (20,000 articles on two cores: about 5 %
		// less wall time than with two workers, for the same CPU time)
		opt.Workers = runtime.GOMAXPROCS(0) + 1
	}
	if opt.Input.MaxSize <= 0 {
		opt.Input.MaxSize = article.DefaultMaxSize
	}
	if opt.Top <= 0 {
		opt.Top = 20
	}
	if opt.Stdin == nil {
		opt.Stdin = os.Stdin
	}
	if opt.Stdout == nil {
		opt.Stdout = os.Stdout
	}
	if opt.Out == "-" {
		opt.Out = ""
	}
	if opt.Resume && opt.Out == "" {
		return nil, errors.New("--resume needs an output file (--out)")
	}
	outs := (&engine{opt: opt}).outputPaths()
	for _, p := range opt.Paths {
		if p != "-" && outs[absPath(p)] {
			return nil, fmt.Errorf("%s is both an input and an output", p)
		}
	}
	chk := opt.Checker
	if chk == nil {
		var err error
		if chk, err = checker.New(rules.All(), checker.Config{}); err != nil {
			return nil, err
		}
	}
	e := &engine{opt: opt, chk: chk, hist: newHistory(opt.VersionWindow), sum: NewSummary(), csv: newCSVRenderer(),
		lastFlush: start}
	e.total.Store(-1)
	if err := e.openOutputs(); err != nil {
		e.closeOutputs()
		e.summary.discard()
		return nil, err
	}
	defer func() { e.summary.discard() }()
	stats, err := e.run(ctx, start)
	if cerr := e.closeOutputs(); err == nil {
		err = cerr
	}
	if err != nil {
		return stats, err
	}
	if e.summary != nil && !stats.Interrupted {
		summary := e.summary
		e.summary = nil
		if err := summary.commit(func(w io.Writer) error { return WriteHTML(w, stats.Figures, opt.Tool, opt.Top) }); err != nil {
			return stats, fmt.Errorf("writing the summary: %w", err)
		}
	}
	return stats, nil
}

// outputs to skip when walking folders.
func (e *engine) outputPaths() map[string]bool {
	m := map[string]bool{}
	for _, p := range []string{e.opt.Out, e.opt.Quotes, e.opt.Sources, e.opt.Summary} {
		if p != "" {
			m[absPath(p)] = true
		}
	}
	return m
}

func (e *engine) run(ctx context.Context, start time.Time) (*Stats, error) {
	workers := e.opt.Workers
	stats := &Stats{Workers: workers}
	var writeErr error
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	go e.measure(ctx)
	prog := startProgress(e, start)

	rd := &reader{opt: e.opt.Input, stdin: e.opt.Stdin, skip: e.outputPaths(), skipped: e.opt.Skipped, read: &e.readBytes}
	readAll := false
	produce := func(yield func(job) bool) {
		rd.emit = yield
		rd.run(ctx, e.opt.Paths)
		readAll = ctx.Err() == nil
	}
	// Each worker keeps its own line parser and CSV renderer.
	newWorker := func() func(job) []result {
		lp := newLineParser(e.opt.Input)
		cr := newCSVRenderer()
		return func(j job) []result { return e.work(&j, lp, cr) }
	}
	pool.Ordered(ctx, workers, workers*16, produce, newWorker, func(rs []result) {
		for _, r := range rs {
			if writeErr != nil {
				continue
			}
			if err := e.handle(&r); err != nil {
				writeErr = err
				cancel()
			}
		}
	})
	prog.stop()
	stats.Elapsed = time.Since(start)
	stats.Records = int(e.records.Load())
	stats.Bytes = e.bytes.Load()
	stats.Interrupted = !readAll && writeErr == nil
	e.sum.evicted = e.hist.evicted
	stats.Figures = e.sum.Figures(e.opt.Top)
	return stats, writeErr
}

// work reads and checks the records of one job; it runs on a worker.
func (e *engine) work(j *job, lp *lineParser, cr *csvRenderer) []result {
	ps := parseJob(j, lp, e.opt.Input)
	j.data = nil
	out := make([]result, len(ps))
	for i, p := range ps {
		r := result{input: j.input, parsed: p}
		if p.err == nil {
			if e.resumed != nil && e.resumed[docKey(DocID(p.doc, j.input), p.doc.Version)] > 0 {
				r.skip = true
			} else {
				e.check(&r, cr)
			}
		}
		out[i] = r
	}
	return out
}

// DocID is the id a record read from the input at path is reported
// under: its own, or one made from the path.
func DocID(doc *article.Document, path string) string {
	if doc.ID != "" {
		return doc.ID
	}
	return report.DocID(path)
}

// settings returns the checker and baseline of an input.
func (e *engine) settings(path string) (*checker.Checker, *baseline.Baseline, error) {
	if e.opt.Engine == nil {
		return e.chk, nil, nil
	}
	s, err := e.opt.Engine.Settings(path)
	if err != nil {
		return nil, nil, err
	}
	return s.Checker, s.Baseline, nil
}

// check extracts and checks one document and renders its outputs.
func (e *engine) check(r *result, cr *csvRenderer) {
	chk, bl, err := e.settings(r.input)
	if err != nil {
		r.err = err
		return
	}
	r.chk = chk
	// the CSV files of quotes and sources need the whole model
	r.rec, r.findings = newRecord(chk, bl, r.input, r.doc, r.record, r.line, e.quotes == nil && e.sources == nil)
	e.render(r, cr)
}

// recordTail is what a Record adds after the per-document object, in
// the order json.Marshal(Record) prints it.
type recordTail struct {
	Record          int             `json:"record"`
	Line            int             `json:"line,omitempty"`
	Meta            *Meta           `json:"meta,omitempty"`
	PreviousVersion string          `json:"previous_version,omitempty"`
	Changes         []report.Change `json:"changes,omitempty"`
}

// render turns a record into its output line and CSV rows. The line is
// json.Marshal(r.rec): the document object encoded straight from the
// check result, then the record's own fields in the same object.
func (e *engine) render(r *result, cr *csvRenderer) {
	rec := r.rec
	tail, err := json.Marshal(recordTail{rec.Record, rec.Line, rec.Meta, rec.PreviousVersion, rec.Changes})
	if err != nil {
		r.err = fmt.Errorf("encoding the report: %w", err)
		r.rec = nil
		return
	}
	b := r.json[:0]
	if b == nil {
		b = lineBuffer(4*len(r.doc.Text) + len(tail) + 1024)
	}
	b = report.AppendDocumentJSON(b, checker.Result{Path: r.input, Doc: r.doc, Findings: r.findings})
	b[len(b)-1] = ','
	b = append(b, tail[1:]...)
	r.json = append(b, '\n')
	if e.quotes != nil {
		r.quotes = cr.quoteRows(r.rec)
	}
	if e.sources != nil {
		r.srcs = cr.sourceRows(r.rec)
	}
}

// handle writes one result, in input order; it runs on the emitting
// goroutine, which alone touches the history, the summary and the
// outputs.
func (e *engine) handle(r *result) error {
	e.records.Add(1)
	e.bytes.Add(int64(r.size))
	return e.emit(r)
}

// emit is handle after the counting.
func (e *engine) emit(r *result) error {
	if r.err != nil {
		er := errorRecord(r.input, &r.parsed)
		e.failed.Add(1)
		if e.takeResumed(errKey(er.Input, er.Record)) {
			return nil
		}
		b, err := json.Marshal(er)
		if err != nil {
			return err
		}
		e.sum.AddError(er)
		return e.write(append(b, '\n'), nil, nil)
	}
	id := DocID(r.doc, r.input)
	// Only records that state a version are compared, or kept.
	versioned := r.doc.Version != ""
	var prev *version
	if versioned {
		prev = e.hist.get(id)
		if prev == nil && e.hist.wasEvicted(id) {
			e.sum.missed++
		}
	}
	if r.skip {
		if e.takeResumed(docKey(id, r.doc.Version)) {
			if versioned {
				chk, _, err := e.settings(r.input)
				if err != nil {
					chk = e.chk
				}
				e.hist.put(&version{id: id, version: r.doc.Version, path: r.input, doc: r.doc, pending: chk})
			}
			return nil
		}
		// More copies of the record than the output holds: check it.
		r.skip = false
		e.check(r, e.csv)
		if r.err != nil {
			return e.emit(r)
		}
	}
	last := LastVersion{prev}
	if last.Follow(r.chk, r.input, r.rec, r.doc) {
		e.render(r, e.csv)
	}
	if versioned {
		e.hist.put(last.v)
	}
	e.sum.Add(r.rec)
	err := e.write(r.json, r.quotes, r.srcs)
	recycleLine(r.json)
	r.json = nil
	return err
}

// lineBuffers recycles output lines once written: a record's line is
// about three times its text, worth not allocating anew for each.
var lineBuffers sync.Pool

// lineBuffer returns an empty buffer for a line of about size bytes.
func lineBuffer(size int) []byte {
	if p, ok := lineBuffers.Get().(*[]byte); ok && cap(*p) >= size {
		return (*p)[:0]
	}
	return make([]byte, 0, size)
}

func recycleLine(b []byte) {
	if cap(b) > 0 && cap(b) <= 1<<20 {
		lineBuffers.Put(&b)
	}
}

// changesOf turns the findings of Checker.Compare into the changes of the
// report contract, as report.DiffReportOf does (a test holds the two
// equal), without rendering the two versions' whole reports.
func changesOf(old, cur *article.Document, findings []checker.Finding) []report.Change {
	var out []report.Change
	quotes := func(doc *article.Document, qs []*article.Quote) []report.Quote {
		if len(qs) < 2 {
			return nil
		}
		list := make([]report.Quote, len(qs))
		for i, q := range qs {
			list[i] = report.QuoteOf(doc, q)
		}
		return list
	}
	for _, f := range findings {
		c := f.Change
		if c == nil {
			continue
		}
		ch := report.Change{Type: string(c.Type), Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
			PunctuationOnly: c.PunctuationOnly, OldParts: quotes(old, c.OldParts), NewParts: quotes(cur, c.NewParts)}
		if c.Old != nil {
			q := report.QuoteOf(old, c.Old)
			ch.Old = &q
		}
		if c.New != nil {
			q := report.QuoteOf(cur, c.New)
			ch.New = &q
		}
		if c.Type == versions.Changed {
			ch.Diff = c.Diff
		}
		out = append(out, ch)
	}
	return out
}

// takeResumed reports whether a record with this key is one the output
// already holds, and counts it.
func (e *engine) takeResumed(key uint64) bool {
	if e.resumed == nil || e.used[key] >= e.resumed[key] {
		return false
	}
	e.used[key]++
	return true
}

// write appends a record's line and rows to the outputs, flushing to the
// files every second, so that a run that is killed leaves whole lines
// (but perhaps the last) behind, and asking for each flushed file to be
// synced to disk in the background (see syncer).
func (e *engine) write(line, quotes, srcs []byte) error {
	if err := e.out.write(line); err != nil {
		return fmt.Errorf("writing %s: %w", e.out.name, err)
	}
	for _, o := range []struct {
		out  *output
		rows []byte
	}{{e.quotes, quotes}, {e.sources, srcs}} {
		if o.out != nil && len(o.rows) > 0 {
			if err := o.out.write(o.rows); err != nil {
				return fmt.Errorf("writing %s: %w", o.out.name, err)
			}
		}
	}
	if e.records.Load()%64 == 0 {
		now := time.Now()
		if now.Sub(e.lastFlush) >= time.Second {
			e.lastFlush = now
			for _, o := range []*output{e.out, e.quotes, e.sources} {
				if err := o.flush(); err != nil {
					return fmt.Errorf("writing %s: %w", o.name, err)
				}
			}
		}
	}
	return nil
}

// output is one buffered output file (or standard output).
type output struct {
	name string
	f    *os.File
	w    *bufio.Writer
	// sync is set for a regular file (a pipe or terminal cannot be
	// synced, and need not be).
	sync *syncer
}

func newFileOutput(name string, f *os.File) *output {
	o := &output{name: name, f: f, w: bufio.NewWriterSize(f, outBufSize)}
	if isRegular(f) {
		o.sync = startSyncer(f)
	}
	return o
}

func (o *output) write(b []byte) error {
	_, err := o.w.Write(b)
	return err
}

// flush hands what is buffered to the file and asks for it to be synced;
// a background sync that failed fails the next flush.
func (o *output) flush() error {
	if o == nil {
		return nil
	}
	if err := o.w.Flush(); err != nil {
		return err
	}
	if o.sync != nil {
		if err := o.sync.failed(); err != nil {
			return err
		}
		o.sync.request()
	}
	return nil
}

// close flushes the output, syncs a file to disk before it returns, and
// closes it.
func (o *output) close() error {
	if o == nil {
		return nil
	}
	err := o.w.Flush()
	if o.sync != nil {
		if serr := o.sync.stop(); err == nil {
			err = serr
		}
	}
	if o.f != nil {
		if cerr := o.f.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// syncer syncs a file to disk on its own goroutine when asked, so that a
// run goes on checking while the disk catches up with what was written
// (syncing 70 MB took a quarter of a second here, every core idle); the
// final sync, when the output is closed, then has only the last second's
// lines left to write.
type syncer struct {
	f    *os.File
	ask  chan struct{}
	done chan struct{}
	mu   sync.Mutex
	err  error
}

func startSyncer(f *os.File) *syncer {
	s := &syncer{f: f, ask: make(chan struct{}, 1), done: make(chan struct{})}
	go s.run()
	return s
}

func (s *syncer) run() {
	defer close(s.done)
	for range s.ask {
		if err := s.f.Sync(); err != nil {
			s.mu.Lock()
			if s.err == nil {
				s.err = err
			}
			s.mu.Unlock()
		}
	}
}

// request asks for a sync, unless one is already waiting to start.
func (s *syncer) request() {
	select {
	case s.ask <- struct{}{}:
	default:
	}
}

// failed returns the error of a background sync that failed.
func (s *syncer) failed() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// stop waits for the background syncs and syncs what is left.
func (s *syncer) stop() error {
	close(s.ask)
	<-s.done
	if err := s.failed(); err != nil {
		return err
	}
	return s.f.Sync()
}

const outBufSize = 1 << 20

// openOutputs creates the output files; with Resume it reads the records
// already in Out first (see resume).
func (e *engine) openOutputs() error {
	for _, p := range []string{e.opt.Quotes, e.opt.Sources} {
		if p != "" && (p == e.opt.Out || p == e.opt.Summary) {
			return fmt.Errorf("%s is named for two outputs", p)
		}
	}
	var err error
	if e.opt.Summary != "" {
		if e.summary, err = createSummary(e.opt.Summary); err != nil {
			return err
		}
	}
	if e.opt.Quotes != "" {
		if e.quotes, err = createOutput(e.opt.Quotes); err != nil {
			return err
		}
		_ = e.quotes.write(e.csv.header(QuoteColumns))
	}
	if e.opt.Sources != "" {
		if e.sources, err = createOutput(e.opt.Sources); err != nil {
			return err
		}
		_ = e.sources.write(e.csv.header(SourceColumns))
	}
	if e.opt.Out == "" {
		e.out = &output{name: "standard output", w: bufio.NewWriterSize(e.opt.Stdout, outBufSize)}
		return nil
	}
	if e.opt.Resume {
		return e.resume()
	}
	e.out, err = createOutput(e.opt.Out)
	return err
}

// errOutputLocked is returned when another run holds an output's lock.
var errOutputLocked = errors.New("another quotecheck batch run is writing this file; wait for it to finish or choose another output")

// openLocked opens an output file for writing, without truncating it,
// and locks it: a second run writing the same file stops here, before it
// has changed a byte of the first one's output.
//
// Only regular files are locked and truncated (--out /dev/stdout is a
// pipe or a terminal), and the lock is best effort: a file system without
// locks does not stop the run.
func openLocked(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if !isRegular(f) {
		return f, nil
	}
	if err := lockOutput(f); errors.Is(err, errOutputLocked) {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

func isRegular(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode().IsRegular()
}

func createOutput(path string) (*output, error) {
	f, err := openLocked(path)
	if err != nil {
		return nil, err
	}
	if isRegular(f) {
		if err := f.Truncate(0); err != nil {
			f.Close()
			return nil, err
		}
	}
	return newFileOutput(path, f), nil
}

// summaryFile is the HTML summary, written at the end of a run into a
// temporary file created at the start (so that a folder it cannot be
// written to is found before the run, not after it) and then renamed
// into place.
type summaryFile struct {
	path string
	tmp  *os.File
}

func createSummary(path string) (*summaryFile, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the temporary name means nothing to the user
		}
		return nil, fmt.Errorf("the summary %s cannot be written: %w", path, err)
	}
	return &summaryFile{path: path, tmp: tmp}, nil
}

// commit writes the summary through fn and renames it into place.
func (s *summaryFile) commit(fn func(io.Writer) error) error {
	w := bufio.NewWriter(s.tmp)
	err := fn(w)
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if cerr := s.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(s.tmp.Name(), s.path)
	}
	if err != nil {
		os.Remove(s.tmp.Name())
	}
	return err
}

// discard removes the temporary file of a summary not written.
func (s *summaryFile) discard() {
	if s != nil {
		s.tmp.Close()
		os.Remove(s.tmp.Name())
	}
}

func (e *engine) closeOutputs() error {
	var first error
	for _, o := range []*output{e.out, e.quotes, e.sources} {
		if err := o.close(); err != nil && first == nil {
			first = fmt.Errorf("writing %s: %w", o.name, err)
		}
	}
	return first
}
