package checker

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/extract"
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
}

// Checker runs a fixed set of rules over documents. It is safe for
// concurrent use.
type Checker struct {
	rules []*Rule
	cfg   Config
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
	return &Checker{rules: rules, cfg: cfg}, nil
}

// Rules returns the registered rules.
func (c *Checker) Rules() []*Rule { return c.rules }

// Result is the outcome of checking one input. Err is set for input that
// could not be read or decoded; Doc and Findings are then empty.
type Result struct {
	Path     string
	Doc      *article.Document
	Findings []Finding
	Err      error
}

// CheckDocument extracts quotes from a document and runs every enabled
// rule over it. Findings are sorted by position.
func (c *Checker) CheckDocument(doc *article.Document) []Finding {
	extract.Extract(doc)
	var findings []Finding
	for _, r := range c.rules {
		if c.cfg.Disabled[r.ID] {
			continue
		}
		sev := r.Severity
		if s, ok := c.cfg.Severity[r.ID]; ok {
			sev = s
		}
		pass := &Pass{Rule: r, Doc: doc, Severity: sev, report: func(f Finding) { findings = append(findings, f) }}
		r.Run(pass)
	}
	sort.SliceStable(findings, func(i, j int) bool {
		if findings[i].Span.Start != findings[j].Span.Start {
			return findings[i].Span.Start < findings[j].Span.Start
		}
		return findings[i].Rule < findings[j].Rule
	})
	return findings
}

// CheckText checks already decoded text.
func (c *Checker) CheckText(path, text string) Result {
	doc := article.New(path, text)
	return Result{Path: path, Doc: doc, Findings: c.CheckDocument(doc)}
}

// CheckBytes decodes raw input and checks it.
func (c *Checker) CheckBytes(path string, data []byte) Result {
	if int64(len(data)) > c.maxSize() {
		return Result{Path: path, Err: &article.TooLargeError{Size: int64(len(data)), Limit: c.maxSize()}}
	}
	text, err := article.Decode(data)
	if err != nil {
		return Result{Path: path, Err: err}
	}
	return c.CheckText(path, text)
}

// CheckReader reads all of r (up to the size limit) and checks it.
func (c *Checker) CheckReader(path string, r io.Reader) Result {
	data, err := io.ReadAll(io.LimitReader(r, c.maxSize()+1))
	if err != nil {
		return Result{Path: path, Err: err}
	}
	return c.CheckBytes(path, data)
}

// CheckFile reads and checks one file.
func (c *Checker) CheckFile(path string) Result {
	f, err := os.Open(path)
	if err != nil {
		return Result{Path: path, Err: err}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return Result{Path: path, Err: fmt.Errorf("is a directory")}
		}
		if st.Size() > c.maxSize() {
			return Result{Path: path, Err: &article.TooLargeError{Size: st.Size(), Limit: c.maxSize()}}
		}
	}
	return c.CheckReader(path, f)
}

func (c *Checker) maxSize() int64 {
	if c.cfg.MaxSize > 0 {
		return c.cfg.MaxSize
	}
	return article.DefaultMaxSize
}
