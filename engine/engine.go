// Package engine is quotecheck's one driver. Every command (check, quotes,
// diff, batch, report, serve, the git hook) and the library API go through
// it, in the same steps:
//
//	inputs → settings for each path → input reader → extraction →
//	verification against the sources (when the settings name any) →
//	rules → suppressions → baseline → results
//
// Settings are one value per config file: the file found from each input
// (or named by --config or $QUOTECHECK_CONFIG) with its presets, and the
// command-line overrides on top, merged once by package config so that
// every value knows where it came from. The reader is the same for every
// command: text, Markdown, HTML, JSON, JSON Lines, each optionally
// gzip-compressed. Inputs run on the one worker pool (internal/pool).
package engine

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/baseline"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/config"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/internal/pool"
	"github.com/quotecheck/quotecheck/rules"
	"github.com/quotecheck/quotecheck/verify"
)

// Options configure an engine: what the command line gives.
type Options struct {
	// ConfigFile is the config file for every input (--config); when
	// empty $QUOTECHECK_CONFIG is used, and when that is empty too each
	// input's config is the nearest .quotecheck.yaml above it.
	ConfigFile string
	// Overrides are --disable and --severity, applied over every config.
	Overrides config.Overrides
	// Input says how inputs are read: format, JSON fields, size limit.
	Input input.Options
	// Workers is the number of inputs checked in parallel; 0 means one
	// per core.
	Workers int
	// Baseline chooses the baseline that filters findings.
	Baseline BaselineOptions
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
	// Skipped, when set, is told about each file of a folder left out
	// because it is not a regular file (see input.Walk).
	Skipped func(path, reason string)
	// SourceError, when set, is told once about each source (a config's
	// sources, --source) that cannot be read; the others are still used.
	SourceError func(err error)
}

// BaselineOptions choose the baseline of each input: Off for none, else
// File for every input, else the one its config names, else Default when
// that file exists.
type BaselineOptions struct {
	Off     bool
	File    string
	Default string
}

// Settings are what applies to one input: the effective configuration
// (each value with its origin), the checker built from it and the
// baseline.
type Settings struct {
	Config   *config.Config
	Checker  *checker.Checker
	Baseline *baseline.Baseline
}

// Engine checks inputs. It is safe for concurrent use.
type Engine struct {
	opt    Options
	loader *config.Loader
	// flagBaseline is Options.Baseline.File, loaded.
	flagBaseline *baseline.Baseline

	mu        sync.Mutex
	settings  map[*config.Config]*built
	baselines map[string]*loadedBaseline
	// sources are the source files read, by absolute path, and
	// badSources how many of them could not be.
	sources    map[string][]*verify.Source
	badSources int
	// plan is the memory plan in force (LimitMemory), raised as files of
	// unknown size are read.
	plan atomic.Pointer[memoryPlan]
}

type built struct {
	s   *Settings
	err error
}

type loadedBaseline struct {
	bl  *baseline.Baseline
	err error
}

// UsageError is an engine option that cannot work (an unknown rule in an
// override, an unreadable --config or --baseline file).
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// New returns an engine. A config file named by --config or the
// environment is read now; files found by walking up are read when first
// needed, and a bad one fails only the inputs under it.
func New(opt Options) (*Engine, error) {
	if err := opt.Overrides.Check(); err != nil {
		return nil, &UsageError{err}
	}
	if opt.Input.MaxSize <= 0 {
		opt.Input.MaxSize = article.DefaultMaxSize
	}
	if opt.Stdin == nil {
		opt.Stdin = os.Stdin
	}
	e := &Engine{opt: opt, loader: config.NewLoader(opt.ConfigFile),
		settings: map[*config.Config]*built{}, baselines: map[string]*loadedBaseline{}, sources: map[string][]*verify.Source{}}
	if file, from := e.loader.Explicit(); file != "" {
		if _, err := e.loader.For("-"); err != nil {
			return nil, &UsageError{fmt.Errorf("config (from %s): %v", from, err)}
		}
	}
	if b := opt.Baseline; !b.Off && b.File != "" {
		bl, err := baseline.Load(b.File)
		if err != nil {
			return nil, &UsageError{fmt.Errorf("--baseline: %v", err)}
		}
		e.flagBaseline = bl
	}
	return e, nil
}

// Options returns the engine's options.
func (e *Engine) Options() Options { return e.opt }

// Config returns the effective configuration of a path ("-" for standard
// input and text with no file, which use the working folder's): its
// config file and presets with the overrides applied.
func (e *Engine) Config(path string) (*config.Config, error) {
	file, err := e.loader.For(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return file.With(e.opt.Overrides)
}

// Settings returns what applies to a path, built once per config file.
func (e *Engine) Settings(path string) (*Settings, error) {
	file, err := e.loader.For(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	b, ok := e.settings[file]
	if !ok {
		b = &built{}
		b.s, b.err = e.build(file)
		e.settings[file] = b
	}
	return b.s, b.err
}

// Checker returns the checker of a path's settings.
func (e *Engine) Checker(path string) (*checker.Checker, error) {
	s, err := e.Settings(path)
	if err != nil {
		return nil, err
	}
	return s.Checker, nil
}

// NewChecker builds the checker of an effective configuration (overrides
// applied) for inputs read with in, as the engine does for each config
// file; pipelines that ship one configuration to their workers use it.
func NewChecker(cfg *config.Config, in input.Options) (*checker.Checker, error) {
	return checker.New(rules.All(), checkerConfig(cfg, in))
}

// checkerConfig is cfg as the checker takes it, reading with in.
func checkerConfig(cfg *config.Config, in input.Options) checker.Config {
	ccfg := cfg.CheckerConfig()
	ccfg.MaxSize, ccfg.Input = in.MaxSize, in
	return ccfg
}

func (e *Engine) build(file *config.Config) (*Settings, error) {
	cfg, err := file.With(e.opt.Overrides)
	if err != nil {
		return nil, err
	}
	ccfg := checkerConfig(cfg, e.opt.Input)
	ccfg.Sources = e.sourceSet(cfg)
	chk, err := checker.New(rules.All(), ccfg)
	if err != nil {
		return nil, err
	}
	s := &Settings{Config: cfg, Checker: chk}
	b := e.opt.Baseline
	switch {
	case b.Off:
	case e.flagBaseline != nil:
		s.Baseline = e.flagBaseline
	case cfg.Baseline != "":
		lb := e.baseline(cfg.Baseline)
		if lb.err != nil {
			return nil, fmt.Errorf("%v (named at %s)", lb.err, cfg.BaselineFrom)
		}
		s.Baseline = lb.bl
	case b.Default != "":
		if _, err := os.Stat(b.Default); err == nil {
			lb := e.baseline(b.Default)
			if lb.err != nil {
				return nil, lb.err
			}
			s.Baseline = lb.bl
		}
	}
	return s, nil
}

// sourceSet is the record of a configuration's sources, nil when it has
// none; the caller holds e.mu. Each file is read once, and one that cannot
// be is reported once (Options.SourceError) and left out.
func (e *Engine) sourceSet(cfg *config.Config) *verify.Set {
	if len(cfg.Sources) == 0 {
		return nil
	}
	var all []*verify.Source
	for _, it := range cfg.Sources {
		srcs, ok := e.sources[it.Value]
		if !ok {
			var err error
			srcs, err = verify.ReadFile(it.Value, input.Options{MaxSize: e.opt.Input.MaxSize})
			if err != nil {
				e.badSources++
				if e.opt.SourceError != nil {
					e.opt.SourceError(err)
				}
			}
			e.sources[it.Value] = srcs
		}
		all = append(all, srcs...)
	}
	set := verify.NewSet(all...)
	set.Partial = cfg.SourcesPartial
	return set
}

// SourceErrors is how many source files could not be read so far.
func (e *Engine) SourceErrors() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.badSources
}

// baseline loads a baseline file once; the caller holds e.mu.
func (e *Engine) baseline(path string) *loadedBaseline {
	if lb, ok := e.baselines[path]; ok {
		return lb
	}
	bl, err := baseline.Load(path)
	lb := &loadedBaseline{bl, err}
	e.baselines[path] = lb
	return lb
}

// Inputs turns command-line paths into inputs: files as given, folders
// walked for article files (input.Walk: a named pipe in a folder is left
// out, and Options.Skipped told), "-" for standard input.
func (e *Engine) Inputs(paths []string) []checker.Input {
	return checker.ExpandPathsNoting(paths, e.opt.Skipped)
}

// Run checks inputs on the worker pool and calls emit with each result in
// input order. read gives an input's results (nil: Check, which reads
// the file or standard input).
func (e *Engine) Run(ctx context.Context, inputs []checker.Input, read func(context.Context, checker.Input) []checker.Result, emit func(checker.Result)) {
	RunMap(ctx, e, inputs, read, func(r checker.Result) checker.Result { return r }, emit)
}

// RunMap is Run with one more step on the workers: render turns each
// result into what emit receives (a report's encoded bytes), so that the
// emitting goroutine only puts finished output in order.
func RunMap[R any](ctx context.Context, e *Engine, inputs []checker.Input, read func(context.Context, checker.Input) []checker.Result, render func(checker.Result) R, emit func(R)) {
	if read == nil {
		read = e.Check
	}
	workers := e.opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if len(inputs) <= 1 {
		workers = 1
	}
	produce := func(yield func(checker.Input) bool) {
		for _, in := range inputs {
			if !yield(in) {
				return
			}
		}
	}
	work := func(in checker.Input) []R {
		rs := read(ctx, in)
		out := make([]R, len(rs))
		for i, r := range rs {
			out[i] = render(r)
		}
		return out
	}
	pool.Ordered(ctx, workers, 2*workers, produce, func() func(checker.Input) []R { return work }, func(rs []R) {
		for _, r := range rs {
			emit(r)
		}
	})
}

// Check reads one input (a file, or "-" for standard input) and checks
// every article in it with the input's settings.
func (e *Engine) Check(ctx context.Context, in checker.Input) []checker.Result {
	if in.Err != nil {
		return []checker.Result{{Path: in.Path, Err: in.Err}}
	}
	s, err := e.Settings(in.Path)
	if err != nil {
		return []checker.Result{{Path: in.Path, Err: err}}
	}
	var out []checker.Result
	e.readInput(in, func(rec input.Record) { out = append(out, e.checkRecord(ctx, s, in.Path, rec)) })
	return out
}

// CheckBytes checks every article of input already read (a staged file, a
// git revision, a request body) with the settings of path.
func (e *Engine) CheckBytes(ctx context.Context, path string, data []byte) []checker.Result {
	return e.checkBytes(ctx, path, path, data, e.opt.Input)
}

// CheckBytesFor is CheckBytes for a version of path that is not path
// itself (a git revision): results carry label, path's settings apply.
func (e *Engine) CheckBytesFor(ctx context.Context, label, path string, data []byte) []checker.Result {
	return e.checkBytes(ctx, label, path, data, e.opt.Input)
}

func (e *Engine) checkBytes(ctx context.Context, label, settingsPath string, data []byte, opt input.Options) []checker.Result {
	s, err := e.Settings(settingsPath)
	if err != nil {
		return []checker.Result{{Path: label, Err: err}}
	}
	var out []checker.Result
	readBytes(label, data, opt, func(rec input.Record) { out = append(out, e.checkRecord(ctx, s, label, rec)) })
	return out
}

// Story reads and checks one story, as the HTML report and the review
// server show it: input holding several articles is an error. format
// overrides the engine's input format when not empty.
func (e *Engine) Story(ctx context.Context, label, settingsPath string, data []byte, format input.Format) checker.Result {
	opt := e.opt.Input
	if format != "" {
		opt.Format = format
	}
	rs := e.checkBytes(ctx, label, settingsPath, data, opt)
	var docs []checker.Result
	for _, r := range rs {
		if r.Err != nil {
			return checker.Result{Path: label, Err: r.Err}
		}
		docs = append(docs, r)
	}
	switch {
	case len(docs) == 0:
		return checker.Result{Path: label, Err: input.ErrNoText}
	case len(docs) > 1:
		return checker.Result{Path: label, Err: fmt.Errorf("holds %d articles; a report shows one story", len(docs))}
	}
	return docs[0]
}

// ReadStory reads a story file (or "-") and checks it, as Story does.
func (e *Engine) ReadStory(ctx context.Context, path string) checker.Result {
	data, err := e.readWhole(path)
	if err != nil {
		return checker.Result{Path: path, Err: err}
	}
	return e.Story(ctx, path, path, data, "")
}

// Compare runs the version rules of path's settings over two versions of
// an article, both already checked.
func (e *Engine) Compare(path string, old, new *article.Document) ([]checker.Finding, error) {
	chk, err := e.Checker(path)
	if err != nil {
		return nil, err
	}
	return chk.Compare(old, new), nil
}

// checkRecord extracts, runs the rules and suppressions, and filters by
// the baseline.
func (e *Engine) checkRecord(ctx context.Context, s *Settings, path string, rec input.Record) checker.Result {
	if rec.Err != nil {
		return checker.Result{Path: path, Err: rec.Err}
	}
	r := s.Checker.CheckDocumentResult(ctx, path, rec.Doc)
	if r.Err == nil && s.Baseline != nil {
		r.Findings = s.Baseline.Filter(path, rec.Doc, r.Findings)
	}
	return r
}
