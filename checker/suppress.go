package checker

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

// InvalidSuppression is the id of the rule under which the checker reports
// suppression comments that give no reason, name an unknown rule or
// directive, or suppress nothing. The rule itself (in package rules) only
// documents it; the checker emits its findings after the other rules run.
const InvalidSuppression = "invalid-suppression"

// Suppression comments are HTML comments, in Markdown and HTML sources and
// on lines of their own in plain text:
//
//	<!-- quotecheck-disable-next-line anonymous-source: approved by J. Doe, standards -->
//	<!-- quotecheck-disable missing-attribution, anonymous-source: court transcript -->
//	<!-- quotecheck-enable missing-attribution -->
//
// The rule list may be left out to mean every rule. A reason after the
// colon is required for disable comments. Next-line comments apply to the
// next line that is neither blank nor a comment; disable applies from the
// end of the comment to the matching enable, or to the end of the file.
const (
	dirNextLine = "quotecheck-disable-next-line"
	dirDisable  = "quotecheck-disable"
	dirEnable   = "quotecheck-enable"
)

// directive is one parsed quotecheck comment.
type directive struct {
	kind string
	// rules named; nil means every rule.
	rules  []string
	reason string
	// start and end are the comment's offsets in the scanned file.
	start, end int
	// target is the line a next-line directive applies to.
	target int
	// upTo ends a disable block (offset of the enable comment, or the end
	// of the file).
	upTo     int
	used     bool
	problems []string
}

func (d *directive) covers(rule string) bool {
	if d.rules == nil {
		return true
	}
	for _, r := range d.rules {
		if r == rule {
			return true
		}
	}
	return false
}

// suppressionSource is the text suppression comments are looked for in:
// the original file when the document was extracted from one, else the
// text. Line numbers of Document.Position refer to the same text.
func suppressionSource(doc *article.Document) string {
	if doc.SourceMap != nil {
		return doc.Source
	}
	return doc.Text
}

// applySuppressions drops findings covered by suppression comments and
// adds invalid-suppression findings. findings must be sorted; the result
// is sorted the same way.
func (c *Checker) applySuppressions(doc *article.Document, findings []Finding) []Finding {
	src := suppressionSource(doc)
	if !strings.Contains(src, "quotecheck-") {
		return findings
	}
	dirs := c.parseDirectives(doc, src)
	if len(dirs) == 0 {
		return findings
	}
	kept := findings[:0:0]
	for _, f := range findings {
		if f.Rule == InvalidSuppression {
			kept = append(kept, f)
			continue
		}
		pos := doc.Position(f.Span.Start)
		suppressed := false
		for _, d := range dirs {
			if !d.covers(f.Rule) {
				continue
			}
			switch d.kind {
			case dirNextLine:
				if pos.Line == d.target {
					d.used, suppressed = true, true
				}
			case dirDisable:
				if pos.Offset >= d.end && pos.Offset < d.upTo {
					d.used, suppressed = true, true
				}
			}
		}
		if !suppressed {
			kept = append(kept, f)
		}
	}
	rule, sev, on := c.ruleState(InvalidSuppression)
	if !on {
		return kept
	}
	lines := doc.Lines()
	added := false
	for _, d := range dirs {
		problems := d.problems
		if !d.used && d.kind != dirEnable && len(d.problems) == 0 && c.anyEnabled(d.rules) {
			what := "finding"
			if d.rules != nil {
				what = strings.Join(d.rules, " or ") + " finding"
			}
			if d.kind == dirNextLine {
				problems = append(problems, fmt.Sprintf("suppression suppresses nothing: no %s on line %d; remove it", what, d.target))
			} else {
				problems = append(problems, fmt.Sprintf("suppression suppresses nothing: no %s in its block; remove it", what))
			}
		}
		span := textSpanOf(doc, d.start, d.end)
		if line := lines.Position(d.start).Line; doc.Position(span.Start).Line != line {
			// An extracted document (Markdown, HTML) has no text at the
			// comment: the finding prints at the next text; say where
			// the comment is.
			for i := range problems {
				problems[i] += fmt.Sprintf(" (comment on line %d)", line)
			}
		}
		for _, msg := range problems {
			kept = append(kept, Finding{Rule: rule.ID, Severity: sev, Message: msg, Span: span})
			added = true
		}
	}
	if added {
		sortFindings(kept)
	}
	return kept
}

// ruleState returns a registered rule with its effective severity and
// whether it is enabled.
func (c *Checker) ruleState(id string) (*Rule, Severity, bool) {
	for _, r := range c.rules {
		if r.ID != id {
			continue
		}
		if c.cfg.Disabled[id] {
			return r, 0, false
		}
		sev := r.Severity
		if s, ok := c.cfg.Severity[id]; ok {
			sev = s
		}
		return r, sev, true
	}
	return nil, 0, false
}

// anyEnabled reports whether any of the named rules (nil: any rule) is
// enabled, so that a suppression of a rule the configuration turned off is
// not reported as suppressing nothing.
func (c *Checker) anyEnabled(ids []string) bool {
	if ids == nil {
		return true
	}
	for _, id := range ids {
		if _, _, on := c.ruleState(id); on {
			return true
		}
	}
	return false
}

func (c *Checker) known(id string) bool {
	for _, r := range c.rules {
		if r.ID == id {
			return true
		}
	}
	return false
}

// parseDirectives finds the quotecheck comments of src in order.
func (c *Checker) parseDirectives(doc *article.Document, src string) []*directive {
	lines := doc.Lines()
	var dirs []*directive
	var open []*directive // disable blocks not yet closed
	for i := 0; i < len(src); {
		k := strings.Index(src[i:], "<!--")
		if k < 0 {
			break
		}
		start := i + k
		e := strings.Index(src[start+4:], "-->")
		if e < 0 {
			break
		}
		end := start + 4 + e + 3
		i = end
		body := strings.TrimSpace(src[start+4 : end-3])
		if !strings.HasPrefix(body, "quotecheck-") {
			continue
		}
		d := &directive{start: start, end: end, upTo: len(src)}
		word := body
		if n := strings.IndexAny(body, " \t\r\n:"); n >= 0 {
			word = body[:n]
		}
		rest := strings.TrimSpace(body[len(word):])
		switch word {
		case dirNextLine, dirDisable, dirEnable:
			d.kind = word
		default:
			d.problems = append(d.problems, fmt.Sprintf("unknown suppression directive %q (want %s, %s or %s)", word, dirNextLine, dirDisable, dirEnable))
			dirs = append(dirs, d)
			continue
		}
		list, reason, hasColon := strings.Cut(rest, ":")
		d.reason = strings.TrimSpace(reason)
		for _, id := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
			if !c.known(id) {
				d.problems = append(d.problems, fmt.Sprintf("suppression names unknown rule %q (see quotecheck rules)", id))
				continue
			}
			if id == InvalidSuppression {
				d.problems = append(d.problems, "invalid-suppression findings cannot be suppressed; fix the comment instead")
				continue
			}
			d.rules = append(d.rules, id)
		}
		if d.rules == nil && strings.TrimSpace(list) != "" {
			// Every named rule was bad: suppress nothing rather than all.
			d.rules = []string{}
		}
		if d.kind != dirEnable && d.reason == "" {
			what := strings.TrimSpace(list)
			if what == "" {
				what = "RULE"
			}
			hint := "add one after a colon"
			if !hasColon {
				hint = fmt.Sprintf("write <!-- %s %s: why -->", d.kind, what)
			}
			d.problems = append(d.problems, fmt.Sprintf("suppression gives no reason: %s", hint))
		}
		switch d.kind {
		case dirNextLine:
			d.target = nextContentLine(lines, lines.Position(end).Line+1, lines.Position(len(src)).Line)
		case dirDisable:
			open = append(open, d)
		case dirEnable:
			closed := false
			remaining := open[:0]
			for _, o := range open {
				if closesBlock(d, o) {
					o.upTo = start
					closed = true
					continue
				}
				remaining = append(remaining, o)
			}
			open = remaining
			if !closed {
				d.problems = append(d.problems, "quotecheck-enable has no quotecheck-disable before it to end")
			}
		}
		dirs = append(dirs, d)
	}
	return dirs
}

// closesBlock reports whether enable comment e ends disable block d: an
// enable with no rules ends every block; otherwise it ends blocks that
// name one of its rules.
func closesBlock(e, d *directive) bool {
	if e.rules == nil {
		return true
	}
	if d.rules == nil {
		return false
	}
	for _, r := range e.rules {
		if d.covers(r) {
			return true
		}
	}
	return false
}

// nextContentLine returns the first line from n on that holds something
// other than whitespace and HTML comments.
func nextContentLine(lines *article.LineIndex, n, last int) int {
	for ; n <= last; n++ {
		t := strings.TrimSpace(lines.Line(n))
		if t == "" || (strings.HasPrefix(t, "<!--") && strings.HasSuffix(t, "-->")) {
			continue
		}
		return n
	}
	return n
}

// textSpanOf converts a range of the scanned file back to a span of the
// document text, so that the finding prints at the comment's place (for
// extracted documents, at the first text after the comment).
func textSpanOf(doc *article.Document, start, end int) article.Span {
	if doc.SourceMap == nil {
		return article.Span{Start: start, End: end}
	}
	t := sort.Search(len(doc.Text)+1, func(t int) bool { return doc.SourceMap.SourceOffset(t) >= start })
	return article.Span{Start: t, End: t}
}

// sortFindings puts findings in the order of the text, rule by rule at
// one place; findings that tie keep the order their rules gave them.
func sortFindings(findings []Finding) {
	slices.SortStableFunc(findings, func(a, b Finding) int {
		if c := cmp.Compare(a.Span.Start, b.Span.Start); c != 0 {
			return c
		}
		return strings.Compare(a.Rule, b.Rule)
	})
}
