// Package pipeline is quotecheck's Apache Beam pipeline: it checks
// archives too big for one machine and writes what `quotecheck batch`
// writes (one JSON line per record, an error record for each record that
// cannot be read, the summary figures), by running batch's own stages on
// Beam workers:
//
//	inputs ─ expand (folders, globs) ─ reshuffle ─ read and split into records
//	  ─ records by article id ─ group ─ check in input order ─ results
//	results ─ sharded JSON Lines files
//	        └ summary combiner ─ figures (JSON) and summary page (HTML)
//
// Grouping by id is what lets the versions of an article meet wherever
// they are in the archive: each group is walked in input order (by input
// name, then record) and each record compared with the last earlier one
// of another version, as batch does.
package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"reflect"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/quotecheck/quotecheck/batch"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/config"
	"github.com/quotecheck/quotecheck/engine"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/report"
)

// Options configure a pipeline.
type Options struct {
	// Inputs are JSON Lines archives (.gz too), article files, folders
	// (walked for article files, as batch walks them; a remote folder
	// ends in "/") and globs, on any registered Beam filesystem.
	Inputs []string
	// Out is the prefix of the result files, OUT-00000-of-00016.jsonl...;
	// Shards their number (16 when 0).
	Out    string
	Shards int
	// Summary and SummaryHTML, when set, are the paths of the summary
	// figures as JSON and of the summary page batch --summary writes;
	// Top is the length of their top lists (20 when 0).
	Summary, SummaryHTML string
	Top                  int
	Settings             Settings
}

// Settings say how records are read and checked. They travel with the
// pipeline to every worker, where each DoFn builds its parser and checker
// from them once (in Setup).
type Settings struct {
	// Config is the content of a .quotecheck.yaml, ConfigName its name
	// (for messages); "" for the defaults.
	Config, ConfigName string
	// Fields are --field mappings (NAME=PATH), InputFormat forces a
	// format, MaxSize limits a record (a file, or a line of an archive).
	Fields      []string
	InputFormat string
	MaxSize     int64
	// Disable lists rule ids to turn off.
	Disable []string
}

// inputOptions reads the settings of the input.
func (st *Settings) inputOptions() (input.Options, error) {
	var opt input.Options
	format, err := input.ParseFormat(st.InputFormat)
	if err != nil {
		return opt, fmt.Errorf("input format: %w", err)
	}
	opt.Format, opt.MaxSize = format, st.MaxSize
	for _, spec := range st.Fields {
		if err := opt.Fields.SetField(spec); err != nil {
			return opt, fmt.Errorf("field %q: %w", spec, err)
		}
	}
	return opt, nil
}

// checker builds the checker the settings describe.
func (st *Settings) checker() (*checker.Checker, error) {
	cfg := config.Default()
	if st.Config != "" {
		var err error
		if cfg, err = config.Parse(st.ConfigName, []byte(st.Config)); err != nil {
			return nil, err
		}
	}
	cfg, err := cfg.With(config.Overrides{Disable: st.Disable})
	if err != nil {
		return nil, err
	}
	opt, err := st.inputOptions()
	if err != nil {
		return nil, err
	}
	return engine.NewChecker(cfg, opt)
}

// Build adds the pipeline to s. Settings are checked here, so that a
// mistake is reported before any worker starts.
func Build(s beam.Scope, opt Options) error {
	if len(opt.Inputs) == 0 {
		return errors.New("no inputs")
	}
	if opt.Out == "" {
		return errors.New("no output prefix")
	}
	if opt.Shards <= 0 {
		opt.Shards = 16
	}
	if opt.Top <= 0 {
		opt.Top = 20
	}
	if _, err := opt.Settings.checker(); err != nil {
		return err
	}
	for _, p := range append([]string{opt.Out}, opt.Inputs...) {
		if _, err := filesystem.New(context.Background(), p); err != nil {
			return err
		}
	}
	skip := []string{opt.Out}
	for _, p := range []string{opt.Summary, opt.SummaryHTML} {
		if p != "" {
			skip = append(skip, p)
		}
	}
	patterns := beam.Create(s, toAny(opt.Inputs)...)
	files := beam.ParDo(s, &expandFn{Skip: skip}, patterns)
	files = beam.Reshuffle(s, files)
	byID := beam.ParDo(s, &readFn{Settings: opt.Settings}, files)
	results := beam.ParDo(s, &checkFn{Settings: opt.Settings}, beam.GroupByKey(s, byID))

	shards := beam.GroupByKey(s, beam.ParDo(s, &shardFn{Shards: opt.Shards}, results))
	beam.ParDo0(s, &writeShardFn{Out: opt.Out, Shards: opt.Shards}, shards)

	if opt.Summary != "" || opt.SummaryHTML != "" {
		figures := beam.Combine(s, &summaryFn{Top: opt.Top}, results)
		beam.ParDo0(s, &writeSummaryFn{JSON: opt.Summary, HTML: opt.SummaryHTML, Top: opt.Top}, figures)
	}
	return nil
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// Metric names, in the "quotecheck" namespace; findings are counted per
// rule as "findings/RULE".
const (
	metricNamespace = "quotecheck"
	MetricRead      = "records_read"
	MetricChecked   = "records_checked"
	MetricFailed    = "records_failed"
	MetricFindings  = "findings/"
)

var (
	recordsRead    = beam.NewCounter(metricNamespace, MetricRead)
	recordsChecked = beam.NewCounter(metricNamespace, MetricChecked)
	recordsFailed  = beam.NewCounter(metricNamespace, MetricFailed)
)

// Result is one line of the results: a record or an error record as
// JSON. The value it was encoded from rides along while the line stays on
// one worker (the summary's combiner usually runs where the line was
// made); Beam encodes only the line, which the summary reads when the
// value did not come with it.
type Result struct {
	Line []byte
	rec  *batch.Record
	er   *batch.ErrorRecord
}

func errorResult(ctx context.Context, er *batch.ErrorRecord) (Result, error) {
	recordsFailed.Inc(ctx, 1)
	b, err := json.Marshal(er)
	return Result{Line: b, er: er}, err
}

// RecordRef is one record travelling to the worker that checks its
// article: the piece of input that holds it, and which of the piece's
// records it is (a JSON array holds several). A record that could not be
// read travels as its error record (Failed, as JSON) under a key of its
// own, so that every result leaves the same step, where the summary's
// combiner runs on the values before they are encoded.
type RecordRef struct {
	Input        string
	Format       string
	Record, Line int
	Offset       int64
	Data         []byte
	Whole        bool
	Index        int
	Failed       []byte
}

func refOf(p *batch.Piece, index int) RecordRef {
	return RecordRef{Input: p.Input, Format: string(p.Format), Record: p.Record, Line: p.Line, Offset: p.Offset,
		Data: p.Data, Whole: p.Whole, Index: index}
}

func (r *RecordRef) piece() batch.Piece {
	return batch.Piece{Input: r.Input, Format: input.Format(r.Format), Record: r.Record, Line: r.Line, Offset: r.Offset,
		Data: r.Data, Whole: r.Whole}
}

// before orders records as batch reads them.
func (r *RecordRef) before(o *RecordRef) bool {
	if c := batch.CompareInputs(r.Input, o.Input); c != 0 {
		return c < 0
	}
	if r.Record != o.Record {
		return r.Record < o.Record
	}
	return r.Index < o.Index
}

// readFn splits a file into records, keyed by article id (error records
// by input and record number).
type readFn struct {
	Settings Settings
	opt      input.Options
	parser   *batch.Parser
}

func (f *readFn) Setup() error {
	var err error
	f.opt, err = f.Settings.inputOptions()
	f.parser = batch.NewParser(f.opt)
	return err
}

func (f *readFn) ProcessElement(ctx context.Context, path string, emit func(string, RecordRef)) error {
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return err
	}
	defer fs.Close()
	fail := func(er *batch.ErrorRecord) error {
		b, err := json.Marshal(er)
		if err == nil {
			emit(fmt.Sprintf("\x00failed\x00%s\x00%d", er.Input, er.Record), RecordRef{Input: er.Input, Record: er.Record, Failed: b})
		}
		return err
	}
	rc, err := fs.OpenRead(ctx, path)
	if err != nil {
		recordsRead.Inc(ctx, 1)
		return fail(&batch.ErrorRecord{Input: path, Record: 1, Error: err.Error()})
	}
	defer rc.Close()
	var emitErr error
	batch.SplitInput(path, rc, f.opt, func(p batch.Piece) bool {
		for i, rec := range f.parser.Parse(&p) {
			recordsRead.Inc(ctx, 1)
			if rec.Error != nil {
				emitErr = fail(rec.Error)
			} else {
				emit(batch.DocID(rec.Doc, path), refOf(&p, i))
			}
		}
		return emitErr == nil
	})
	return emitErr
}

// checkFn checks the records of one article in input order, comparing
// each with the last earlier version.
type checkFn struct {
	Settings Settings
	chk      *checker.Checker
	parser   *batch.Parser
}

func (f *checkFn) Setup() error {
	opt, err := f.Settings.inputOptions()
	if err != nil {
		return err
	}
	f.parser = batch.NewParser(opt)
	f.chk, err = f.Settings.checker()
	return err
}

func (f *checkFn) ProcessElement(ctx context.Context, id string, refs func(*RecordRef) bool, emit func(Result)) error {
	var list []RecordRef
	for {
		var r RecordRef
		if !refs(&r) {
			break
		}
		list = append(list, r)
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].before(&list[j]) })
	var last batch.LastVersion
	for i := range list {
		ref := &list[i]
		if ref.Failed != nil {
			var er batch.ErrorRecord
			if err := json.Unmarshal(ref.Failed, &er); err != nil {
				return err
			}
			recordsFailed.Inc(ctx, 1)
			emit(Result{Line: ref.Failed, er: &er})
			continue
		}
		p := ref.piece()
		recs := f.parser.Parse(&p)
		if ref.Index >= len(recs) {
			return fmt.Errorf("%s: record %d of %d read differently on a second reading", ref.Input, ref.Index+1, len(recs))
		}
		pr := &recs[ref.Index]
		if pr.Error != nil {
			res, err := errorResult(ctx, pr.Error)
			if err != nil {
				return err
			}
			emit(res)
			continue
		}
		rec := batch.NewRecord(f.chk, nil, ref.Input, pr)
		last.Follow(f.chk, ref.Input, rec, pr.Doc)
		line, err := json.Marshal(rec)
		if err != nil {
			res, err := errorResult(ctx, &batch.ErrorRecord{Input: ref.Input, Record: pr.Record, Line: pr.Line,
				ID: rec.ID, Version: rec.Version, Error: "encoding the report: " + err.Error()})
			if err != nil {
				return err
			}
			emit(res)
			continue
		}
		recordsChecked.Inc(ctx, 1)
		for _, fd := range rec.Findings {
			beam.NewCounter(metricNamespace, MetricFindings+fd.Rule).Inc(ctx, 1)
		}
		for _, c := range rec.Changes {
			beam.NewCounter(metricNamespace, MetricFindings+c.Rule).Inc(ctx, 1)
		}
		emit(Result{Line: line, rec: rec})
	}
	return nil
}

// shardFn spreads the results over the output files by a hash of the
// line.
type shardFn struct {
	Shards int
}

func (f *shardFn) ProcessElement(r Result) (int, []byte) {
	h := fnv.New32a()
	h.Write(r.Line)
	return int(h.Sum32() % uint32(f.Shards)), r.Line
}

// ShardName is the name of one result file.
func ShardName(out string, shard, shards int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", out, shard, shards)
}

// writeShardFn writes one result file.
type writeShardFn struct {
	Out    string
	Shards int
}

func (f *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*[]byte) bool) error {
	return writeFile(ctx, ShardName(f.Out, shard, f.Shards), func(w *lineWriter) {
		var line []byte
		for lines(&line) {
			w.write(line)
			w.write([]byte{'\n'})
		}
	})
}

// summaryFn combines the results into batch's summary; its accumulator
// is a batch.Summary, which merges and travels as bytes.
type summaryFn struct {
	Top int
}

func (f *summaryFn) CreateAccumulator() *batch.Summary { return batch.NewSummary() }

func (f *summaryFn) AddInput(s *batch.Summary, r Result) (*batch.Summary, error) {
	switch {
	case r.rec != nil:
		s.Add(r.rec)
	case r.er != nil:
		s.AddError(r.er)
	default:
		if err := s.AddLine(r.Line); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (f *summaryFn) MergeAccumulators(a, b *batch.Summary) *batch.Summary {
	a.Merge(b)
	return a
}

func (f *summaryFn) ExtractOutput(s *batch.Summary) ([]byte, error) {
	return json.Marshal(s.Figures(f.Top))
}

// writeSummaryFn writes the figures as JSON and as batch's summary page.
type writeSummaryFn struct {
	JSON, HTML string
	Top        int
}

func (f *writeSummaryFn) ProcessElement(ctx context.Context, figures []byte) error {
	if f.JSON != "" {
		if err := writeFile(ctx, f.JSON, func(w *lineWriter) { w.write(figures) }); err != nil {
			return err
		}
	}
	if f.HTML == "" {
		return nil
	}
	var fig batch.Figures
	if err := json.Unmarshal(figures, &fig); err != nil {
		return err
	}
	return writeFile(ctx, f.HTML, func(w *lineWriter) {
		w.err = batch.WriteHTML(w, &fig, report.Tool{Name: "quotecheck-beam"}, f.Top)
	})
}

func encodeSummary(s *batch.Summary) ([]byte, error) { return s.MarshalBinary() }

func decodeSummary(b []byte) (*batch.Summary, error) {
	s := batch.NewSummary()
	return s, s.UnmarshalBinary(b)
}

// hasGlob reports whether a path is a pattern.
func hasGlob(p string) bool { return strings.ContainsAny(p, "*?[") }

func init() {
	register.DoFn3x1[context.Context, string, func(string), error](&expandFn{})
	register.DoFn3x1[context.Context, string, func(string, RecordRef), error](&readFn{})
	register.DoFn4x1[context.Context, string, func(*RecordRef) bool, func(Result), error](&checkFn{})
	register.DoFn1x2[Result, int, []byte](&shardFn{})
	register.DoFn3x1[context.Context, int, func(*[]byte) bool, error](&writeShardFn{})
	register.Combiner3[*batch.Summary, Result, []byte](&summaryFn{})
	register.DoFn2x1[context.Context, []byte, error](&writeSummaryFn{})
	register.Emitter1[string]()
	register.Emitter1[Result]()
	register.Emitter2[string, RecordRef]()
	register.Iter1[RecordRef]()
	register.Iter1[[]byte]()
	beam.RegisterCoder(reflect.TypeOf((*batch.Summary)(nil)), encodeSummary, decodeSummary)
}

// Counts returns the pipeline's counters by name (MetricRead...), as the
// runner reports them; empty when it reports none.
func Counts(res beam.PipelineResult) map[string]int64 {
	out := map[string]int64{}
	if res == nil {
		return out
	}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() == metricNamespace {
			out[c.Name()] += c.Result()
		}
	}
	return out
}
