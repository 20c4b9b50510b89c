package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/versions"
)

// DiffReport is the JSON of `quotecheck diff` for one pair of versions:
// the report-format spec's version comparison. Tool is additive.
type DiffReport struct {
	SchemaVersion int      `json:"schema_version"`
	Tool          Tool     `json:"tool"`
	Old           Document `json:"old"`
	New           Document `json:"new"`
	Changes       []Change `json:"changes"`
}

// Change is one quote change. Type, Old, New and Diff are the contract;
// the rest is additive. Old and New are the first part of a quote that
// was split or merged, and OldParts and NewParts then list every part;
// Diff is the word diff of the parts' texts joined by spaces.
type Change struct {
	Type            string            `json:"type"`
	Rule            string            `json:"rule"`
	Severity        string            `json:"severity"`
	Message         string            `json:"message"`
	PunctuationOnly bool              `json:"punctuation_only,omitempty"`
	Old             *Quote            `json:"old"`
	New             *Quote            `json:"new"`
	OldParts        []Quote           `json:"old_parts,omitempty"`
	NewParts        []Quote           `json:"new_parts,omitempty"`
	Diff            []versions.DiffOp `json:"diff,omitempty"`
}

// DiffReportOf builds the report of one comparison from the two check
// results and the findings of checker.Compare. The documents carry no
// findings of their own: the changes are the findings.
func DiffReportOf(tool Tool, old, new checker.Result, findings []checker.Finding) DiffReport {
	r := DiffReport{SchemaVersion: SchemaVersion, Tool: tool, Changes: []Change{},
		Old: DocumentOf(checker.Result{Path: old.Path, Doc: old.Doc, Err: old.Err}),
		New: DocumentOf(checker.Result{Path: new.Path, Doc: new.Doc, Err: new.Err})}
	for _, f := range findings {
		c := f.Change
		if c == nil {
			continue
		}
		out := Change{Type: string(c.Type), Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, PunctuationOnly: c.PunctuationOnly}
		if c.Old != nil {
			q := QuoteOf(old.Doc, c.Old)
			out.Old = &q
		}
		if c.New != nil {
			q := QuoteOf(new.Doc, c.New)
			out.New = &q
		}
		if len(c.OldParts) > 1 {
			out.OldParts = quotesOf(old.Doc, c.OldParts)
		}
		if len(c.NewParts) > 1 {
			out.NewParts = quotesOf(new.Doc, c.NewParts)
		}
		if c.Type == versions.Changed {
			out.Diff = c.Diff
		}
		r.Changes = append(r.Changes, out)
	}
	return r
}

func quotesOf(doc *article.Document, qs []*article.Quote) []Quote {
	out := make([]Quote, len(qs))
	for i, q := range qs {
		out[i] = QuoteOf(doc, q)
	}
	return out
}

// WriteDiffJSON prints one comparison as an indented JSON object, or on
// one line when compact (JSON Lines).
func WriteDiffJSON(w io.Writer, r DiffReport, compact bool) error {
	var b []byte
	var err error
	if compact {
		b, err = json.Marshal(r)
	} else {
		b, err = json.MarshalIndent(r, "", "  ")
	}
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// DiffStyle marks deletions and insertions in text output.
type DiffStyle struct {
	DelStart, DelEnd, InsStart, InsEnd string
	// Old and New start the "-" and "+" lines of a removed, added or
	// re-attributed quote; Reset ends them.
	Old, New, Reset string
}

// Diff styles: git's word-diff markers, and ANSI colours for terminals.
var (
	PlainDiff = DiffStyle{DelStart: "[-", DelEnd: "-]", InsStart: "{+", InsEnd: "+}"}
	ColorDiff = DiffStyle{DelStart: "\x1b[1;31m", DelEnd: "\x1b[0m", InsStart: "\x1b[1;32m", InsEnd: "\x1b[0m",
		Old: "\x1b[31m", New: "\x1b[32m", Reset: "\x1b[0m"}
)

// WriteDiffText prints each change as a compiler-style line, the place in
// the new version (in the old one for a removed quote), followed by the
// quote: "-" the old words with deletions marked, "+" the new words with
// insertions marked.
func WriteDiffText(w io.Writer, old, new checker.Result, findings []checker.Finding, style DiffStyle) error {
	bw := bufio.NewWriter(w)
	for _, f := range findings {
		doc, path := new.Doc, new.Path
		if f.Change != nil && f.Change.Type == versions.Removed {
			doc, path = old.Doc, old.Path
		}
		p := doc.Position(f.Span.Start)
		fmt.Fprintf(bw, "%s:%d:%d: %s: %s [%s]\n", displayPath(path), p.Line, p.Column, f.Severity, f.Message, f.Rule)
		c := f.Change
		if c == nil {
			continue
		}
		switch c.Type {
		case versions.Changed:
			var o, n strings.Builder
			for _, d := range c.Diff {
				t := oneLine(d.Text)
				switch d.Op {
				case versions.Equal:
					o.WriteString(t)
					n.WriteString(t)
				case versions.Delete:
					o.WriteString(style.DelStart + t + style.DelEnd)
				case versions.Insert:
					n.WriteString(style.InsStart + t + style.InsEnd)
				}
			}
			fmt.Fprintf(bw, "    - “%s”\n    + “%s”\n", o.String(), n.String())
		case versions.Removed:
			fmt.Fprintf(bw, "    %s- “%s”%s\n", style.Old, oneLine(c.OldText), style.Reset)
		case versions.Added:
			fmt.Fprintf(bw, "    %s+ “%s”%s\n", style.New, oneLine(c.NewText), style.Reset)
		case versions.SpeakerChanged:
			fmt.Fprintf(bw, "    %s- %s: “%s”%s\n    %s+ %s: “%s”%s\n",
				style.Old, speakerName(c.Old), oneLine(c.OldText), style.Reset,
				style.New, speakerName(c.New), oneLine(c.NewText), style.Reset)
		}
	}
	return bw.Flush()
}

func speakerName(q *article.Quote) string {
	if q == nil || q.Speaker == nil {
		return "(no speaker)"
	}
	if q.Speaker.Name != "" {
		return q.Speaker.Name
	}
	return q.Speaker.Mention
}

// oneLine puts a quote that was wrapped in the source on one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}
