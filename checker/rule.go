// Package checker is quotecheck's rule engine. A Rule is documentation as
// data plus one Run function, in the manner of go/analysis: the engine
// hands each rule a Pass over one extracted document and the rule reports
// Findings located by byte spans.
package checker

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/verify"
	"github.com/quotecheck/quotecheck/versions"
)

// Severity orders findings; it maps to SARIF levels and exit codes.
type Severity int

// Severities from least to most serious.
const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unknown"
}

// MarshalText writes the severity name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info", "note":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Rule is one check: its documentation and the function that runs it.
// Ids are a public contract: never rename one.
type Rule struct {
	// ID is the stable kebab-case identifier shown in output and config.
	ID string
	// Severity is the default severity.
	Severity Severity
	// Title is a one-line summary.
	Title string
	// Rationale says why standards desks care.
	Rationale string
	// Bad and Good are short example passages.
	Bad, Good string
	// Run inspects pass.Doc and calls pass.Report. The pass is the
	// rule's only until Run returns: the checker reuses it for the next
	// rule.
	Run func(pass *Pass)
	// Needs says which results the rule reads: the extracted document
	// (the default, run by every check), two versions and the quote
	// changes between them (run by Checker.Compare alone), or the
	// quotations verified against sources.
	Needs Needs
	// Options are the options the rule accepts under
	// rules.<id>.options in the config file; Pass.RuleOptions holds the
	// configured values.
	Options []RuleOption
}

// Needs names the results a rule reads.
type Needs uint8

// What a rule can need.
const (
	// NeedsDocument is one extracted document (pass.Doc).
	NeedsDocument Needs = iota
	// NeedsVersions is two versions of an article and the quotation
	// changes between them (pass.Previous, pass.Changes).
	NeedsVersions
	// NeedsVerifications is one extracted document and its quotations
	// checked against the record (pass.Verifications, pass.Sources); such
	// a rule runs only when the story is checked against sources
	// (Config.Sources: quotecheck verify, check --source, a config's
	// sources).
	NeedsVerifications
)

// ComparesVersions reports whether the rule runs on two versions.
func (r *Rule) ComparesVersions() bool { return r.Needs == NeedsVersions }

// VerifiesQuotes reports whether the rule reads quotations verified
// against sources.
func (r *Rule) VerifiesQuotes() bool { return r.Needs == NeedsVerifications }

// RuleOption documents one option of a rule: a list of words or
// phrases, or a whole number.
type RuleOption struct {
	Name  string
	Usage string
	// SpeechVerbs marks a list of verbs the extractor must read as
	// attribution verbs too, or no quote could carry them as its cue.
	SpeechVerbs bool
	// Count marks a whole number (0 or more) instead of a list; its
	// configured value is the one entry of the list.
	Count bool
}

// RuleOptions are one rule's configured option values by name. A name
// that is present (even with an empty list) is set; an absent one takes
// the rule's built-in behaviour.
type RuleOptions map[string][]string

// Option returns a configured list and whether it is set.
func (o RuleOptions) Option(name string) ([]string, bool) {
	v, ok := o[name]
	return v, ok
}

// Count returns a configured whole number (a RuleOption with Count), or
// def when it is not set or not a number.
func (o RuleOptions) Count(name string, def int) int {
	v, ok := o[name]
	if !ok || len(v) != 1 {
		return def
	}
	n, err := strconv.Atoi(v[0])
	if err != nil || n < 0 {
		return def
	}
	return n
}

// Pass is one rule's run over one document.
type Pass struct {
	Rule *Rule
	Doc  *article.Document
	// Severity is the rule's effective severity after configuration.
	Severity Severity
	// Options are the configured extractor options; never nil.
	Options *Options
	// RuleOptions are this rule's configured options (nil when none).
	RuleOptions RuleOptions
	// Previous is the earlier version and Changes the quotations that
	// differ from it, when two versions are compared (Doc is then the
	// later version); nil in an ordinary check.
	Previous *article.Document
	Changes  []versions.Change
	// Verifications are the quotations checked against the sources, and
	// Sources the record, when sources are given; nil otherwise.
	Verifications []verify.Verification
	Sources       *verify.Set
	report        func(Finding)
	// quotations is Doc.Quotations(), made once for all of a document's
	// passes.
	quotations []*article.Quote
}

// Quotations returns the document's quotations (quotes that are not
// terms), in order. The list is made once per document and shared by the
// passes of every rule: a rule reads it and never changes it.
func (p *Pass) Quotations() []*article.Quote {
	if p.quotations == nil {
		p.quotations = p.Doc.Quotations()
	}
	return p.quotations
}

// Report records a finding; an unset severity takes the pass's.
func (p *Pass) Report(f Finding) {
	f.Rule = p.Rule.ID
	if f.Severity == 0 {
		f.Severity = p.Severity
	}
	p.report(f)
}

// Reportf reports a finding about a span and, optionally, a quote id.
func (p *Pass) Reportf(span article.Span, quoteID, format string, args ...any) {
	p.Report(Finding{Span: span, Quote: quoteID, Message: fmt.Sprintf(format, args...)})
}

// Finding is one rule's report about a place in a document.
type Finding struct {
	Rule     string
	Severity Severity
	Message  string
	// Quote is the id of the quote the finding concerns, if any.
	Quote string
	Span  article.Span
	// Change is the version change a version rule reports; for a removed
	// quote, Quote and Span refer to the earlier version.
	Change *versions.Change
}
