package checker

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sync"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/extract"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/verify"
)

// Config turns rules off and changes their severities.
type Config struct {
	// Disabled rule ids.
	Disabled map[string]bool
	// Severity overrides by rule id.
	Severity map[string]Severity
	// MaxSize is the largest input accepted, in bytes; 0 means
	// article.DefaultMaxSize.
	MaxSize int64
	// Options are extractor options from the config file.
	Options Options
	// Rules are each rule's options by rule id (see Rule.Options).
	Rules map[string]RuleOptions
	// Input says how files are read: the format (by default chosen by
	// extension) and the field names of JSON records. Its MaxSize is
	// taken from MaxSize.
	Input input.Options
	// Sources, when set, is the record every document's quotations are
	// checked against (quotecheck verify, check --source).
	Sources *verify.Set
}

// Checker runs a fixed set of rules over documents. It is safe for
// concurrent use.
type Checker struct {
	rules []*Rule
	// settings are each rule's configuration, read once here rather than
	// from the configuration's maps for every rule of every document
	settings  []ruleSetting
	cfg       Config
	extractor *extract.Extractor
}

// ruleSetting is one rule's configuration: off, its severity, its options.
type ruleSetting struct {
	disabled bool
	severity Severity
	options  RuleOptions
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// New builds a checker from explicitly registered rules.
func New(rules []*Rule, cfg Config) (*Checker, error) {
	seen := map[string]bool{}
	for _, r := range rules {
		if !idPattern.MatchString(r.ID) {
			return nil, fmt.Errorf("rule id %q is not kebab-case", r.ID)
		}
		if seen[r.ID] {
			return nil, fmt.Errorf("rule %q registered twice", r.ID)
		}
		if r.Run == nil || r.Severity == 0 {
			return nil, fmt.Errorf("rule %q has no Run function or default severity", r.ID)
		}
		seen[r.ID] = true
	}
	for id := range cfg.Disabled {
		if !seen[id] {
			return nil, fmt.Errorf("unknown rule %q in configuration", id)
		}
	}
	for id := range cfg.Severity {
		if !seen[id] {
			return nil, fmt.Errorf("unknown rule %q in configuration", id)
		}
	}
	speech := append([]string(nil), cfg.Options.SpeechVerbs...)
	for id, opts := range cfg.Rules {
		r := ruleByID(rules, id)
		if r == nil {
			return nil, fmt.Errorf("unknown rule %q in configuration", id)
		}
		for name, values := range opts {
			opt := r.Option(name)
			if opt == nil {
				return nil, fmt.Errorf("rule %q has no option %q", id, name)
			}
			if opt.SpeechVerbs {
				speech = append(speech, values...)
			}
		}
	}
	ex := extract.New(extract.Options{SpeechVerbs: speech, AnonymityReasons: cfg.Options.AnonymityReasons})
	settings := make([]ruleSetting, len(rules))
	for i, r := range rules {
		settings[i] = ruleSetting{disabled: cfg.Disabled[r.ID], severity: r.Severity, options: cfg.Rules[r.ID]}
		if s, ok := cfg.Severity[r.ID]; ok {
			settings[i].severity = s
		}
	}
	return &Checker{rules: rules, settings: settings, cfg: cfg, extractor: ex}, nil
}

// WithSources returns a checker that also verifies quotations against
// set; the receiver is unchanged.
func (c *Checker) WithSources(set *verify.Set) *Checker {
	out := *c
	out.cfg.Sources = set
	return &out
}

// Rules returns the registered rules: a copy, as the checker keeps each
// rule's configuration by its place in the list.
func (c *Checker) Rules() []*Rule { return slices.Clone(c.rules) }

// Result is the outcome of checking one input. Err is set for input that
// could not be read or decoded; Doc and Findings are then empty.
type Result struct {
	Path     string
	Doc      *article.Document
	Findings []Finding
	// Verifications are the quotations checked against Config.Sources, in
	// document order; nil without sources.
	Verifications []verify.Verification
	Err           error
}

// CheckDocument extracts quotes from a document and runs every enabled
// rule over it. Findings are sorted by position.
func (c *Checker) CheckDocument(doc *article.Document) []Finding {
	f, _ := c.CheckDocumentContext(context.Background(), doc)
	return f
}

// CheckDocumentContext is CheckDocument that stops once ctx is done and
// returns ctx's error (and no findings).
func (c *Checker) CheckDocumentContext(ctx context.Context, doc *article.Document) ([]Finding, error) {
	f, _, err := c.checkDocument(ctx, doc)
	return f, err
}

// checkDocument extracts, verifies against the sources when there are
// any, and runs the rules.
func (c *Checker) checkDocument(ctx context.Context, doc *article.Document) ([]Finding, []verify.Verification, error) {
	if err := c.extractor.ExtractContext(ctx, doc); err != nil {
		return nil, nil, err
	}
	var verifications []verify.Verification
	if c.cfg.Sources != nil {
		var err error
		if verifications, err = c.cfg.Sources.Document(ctx, doc); err != nil {
			return nil, nil, err
		}
	}
	// findings are gathered in a pooled buffer and copied out at their
	// number, instead of grown from nothing for every document
	scratch, _ := findingBuffers.Get().(*[]Finding)
	if scratch == nil {
		scratch = new([]Finding)
	}
	found := (*scratch)[:0]
	report := func(f Finding) { found = append(found, f) }
	quotations := doc.Quotations()
	// one pass, filled afresh for each rule in turn
	pass := new(Pass)
	for i, r := range c.rules {
		if c.settings[i].disabled || !c.runs(r) {
			continue
		}
		c.fillPass(pass, i, doc)
		pass.Verifications, pass.Sources = verifications, c.cfg.Sources
		pass.quotations = quotations
		pass.report = report
		r.Run(pass)
	}
	sortFindings(found)
	var findings []Finding
	if len(found) > 0 {
		findings = slices.Clone(found)
	}
	if cap(found) <= maxPooledFindings {
		clear(found) // the pool must not hold the messages alive
		*scratch = found[:0]
		findingBuffers.Put(scratch)
	}
	return c.applySuppressions(doc, findings), verifications, nil
}

var findingBuffers sync.Pool

// maxPooledFindings bounds what one document's findings leave in the pool.
const maxPooledFindings = 1024

// runs reports whether an ordinary check runs the rule: document rules
// always, verification rules when there are sources to verify against.
func (c *Checker) runs(r *Rule) bool {
	switch r.Needs {
	case NeedsDocument:
		return true
	case NeedsVerifications:
		return c.cfg.Sources != nil
	}
	return false
}

// fillPass sets up p as the pass of the i-th rule over doc, with its
// configured severity and options.
func (c *Checker) fillPass(p *Pass, i int, doc *article.Document) {
	set := &c.settings[i]
	*p = Pass{Rule: c.rules[i], Doc: doc, Severity: set.severity, Options: &c.cfg.Options, RuleOptions: set.options}
}

func ruleByID(rules []*Rule, id string) *Rule {
	for _, r := range rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Option returns the rule's declared option by name, or nil.
func (r *Rule) Option(name string) *RuleOption {
	for i := range r.Options {
		if r.Options[i].Name == name {
			return &r.Options[i]
		}
	}
	return nil
}

// CheckDocumentResult checks a document read from path as
// CheckDocumentContext does, and returns the whole result: findings and,
// when the checker has sources, verifications. When ctx is done first the
// result carries ctx's error.
func (c *Checker) CheckDocumentResult(ctx context.Context, path string, doc *article.Document) Result {
	f, v, err := c.checkDocument(ctx, doc)
	if err != nil {
		return Result{Path: path, Err: err}
	}
	return Result{Path: path, Doc: doc, Findings: f, Verifications: v}
}

// CheckText checks already decoded text.
func (c *Checker) CheckText(path, text string) Result {
	return c.CheckDocumentResult(context.Background(), path, article.New(path, text))
}

// CheckBytes decodes raw input in its format (see package input) and
// checks it. For input holding several articles (JSON, JSON Lines) it
// returns the first; CheckBytesAll returns them all.
func (c *Checker) CheckBytes(path string, data []byte) Result {
	return first(path, c.CheckBytesAll(path, data))
}

// CheckReader reads all of r (up to the size limit) and checks it. For
// input holding several articles it returns the first.
func (c *Checker) CheckReader(path string, r io.Reader) Result {
	return first(path, c.CheckReaderAll(path, r))
}

// CheckFile reads and checks one file. For a file holding several
// articles it returns the first.
func (c *Checker) CheckFile(path string) Result {
	return first(path, c.CheckFileAll(path))
}

// CheckBytesAll decodes raw input in its format and checks every article
// in it: one result per article, and one per record that could not be
// read. Input that cannot be read at all gives one result with Err set.
func (c *Checker) CheckBytesAll(path string, data []byte) []Result {
	var out []Result
	err := input.Records(bytes.NewReader(data), path, c.inputOptions(), func(rec input.Record) error {
		out = append(out, c.checkRecord(path, rec))
		return nil
	})
	if err != nil {
		out = append(out, Result{Path: path, Err: err})
	}
	return out
}

// CheckReaderAll reads r and checks every article in it, as CheckBytesAll
// does. JSON Lines input is read one record at a time.
func (c *Checker) CheckReaderAll(path string, r io.Reader) []Result {
	var out []Result
	c.CheckStream(path, r, func(res Result) { out = append(out, res) })
	return out
}

// CheckStream reads r and calls emit with the result for each article in
// it, in order. JSON Lines input is read and checked one record at a
// time, so memory does not grow with the size of the archive.
func (c *Checker) CheckStream(path string, r io.Reader, emit func(Result)) {
	err := input.Records(r, path, c.inputOptions(), func(rec input.Record) error {
		emit(c.checkRecord(path, rec))
		return nil
	})
	if err != nil {
		emit(Result{Path: path, Err: err})
	}
}

// CheckFileAll reads one file and checks every article in it.
func (c *Checker) CheckFileAll(path string) []Result {
	f, err := os.Open(path)
	if err != nil {
		return []Result{{Path: path, Err: err}}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return []Result{{Path: path, Err: fmt.Errorf("is a directory")}}
		}
		// JSON Lines archives are streamed: the limit is per record.
		if st.Size() > c.maxSize() && c.inputOptions().Resolve(path, nil) != input.JSONL {
			return []Result{{Path: path, Err: &article.TooLargeError{Size: st.Size(), Limit: c.maxSize()}}}
		}
	}
	return c.CheckReaderAll(path, f)
}

// checkRecord checks one article read by package input.
func (c *Checker) checkRecord(path string, rec input.Record) Result {
	if rec.Err != nil {
		return Result{Path: path, Err: rec.Err}
	}
	return c.CheckDocumentResult(context.Background(), path, rec.Doc)
}

func (c *Checker) inputOptions() input.Options {
	opt := c.cfg.Input
	opt.MaxSize = c.maxSize()
	return opt
}

func first(path string, rs []Result) Result {
	if len(rs) == 0 {
		return Result{Path: path, Err: article.ErrEmpty}
	}
	return rs[0]
}

func (c *Checker) maxSize() int64 {
	if c.cfg.MaxSize > 0 {
		return c.cfg.MaxSize
	}
	return article.DefaultMaxSize
}
