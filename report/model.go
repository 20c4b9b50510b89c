// Package report turns check results into the output formats: the JSON
// contract of the report-format spec, compiler-style text, and the quote
// table editors read. Line and column numbers are computed here, from the
// byte spans the extractor kept, and nowhere else.
package report

import (
	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// SchemaVersion is bumped on any breaking change to the JSON contract.
const SchemaVersion = 1

// Tool names the program in reports.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	// Rules are the registered rules, for formats that describe them
	// (SARIF); not part of the JSON contract.
	Rules []*checker.Rule `json:"-"`
}

// Span is a byte range with the printable position of its start.
type Span struct {
	Start  int `json:"start"`
	End    int `json:"end"`
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	Name    string `json:"name"`
	Mention string `json:"mention"`
	Type    string `json:"type"`
	Span    *Span  `json:"span"`
}

// Quote is one quotation.
type Quote struct {
	ID         string   `json:"id"`
	Text       string   `json:"text"`
	Span       Span     `json:"span"`
	Speaker    *Speaker `json:"speaker"`
	Cue        string   `json:"cue"`
	Confidence float64  `json:"confidence"`
}

// Term is a quoted string that is not a quotation of anyone (a title,
// nickname or scare quote). Not part of the original contract; additive.
type Term struct {
	Text   string `json:"text"`
	Span   Span   `json:"span"`
	Reason string `json:"reason"`
}

// Source is one distinct speaker.
type Source struct {
	Name   string   `json:"name"`
	Type   string   `json:"type"`
	Quotes []string `json:"quotes"`
	// AnonymityReason is present for anonymous sources only.
	AnonymityReason *bool    `json:"anonymity_reason,omitempty"`
	Mentions        []string `json:"mentions,omitempty"`
}

// Finding is one rule finding.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Quote    string `json:"quote,omitempty"`
	Span     Span   `json:"span"`
}

// Document is the per-document object of the contract.
type Document struct {
	Path     string    `json:"path"`
	ID       string    `json:"id"`
	Version  string    `json:"version"`
	Quotes   []Quote   `json:"quotes"`
	Sources  []Source  `json:"sources"`
	Findings []Finding `json:"findings"`
	Terms    []Term    `json:"terms,omitempty"`
	// Verifications are present when the story was checked against
	// sources (quotecheck verify, check --source).
	Verifications []Verification `json:"verifications,omitempty"`
	// Error is set, and the lists are empty, when the input could not be
	// read or decoded.
	Error string `json:"error,omitempty"`
}

// SpanOf converts a byte span to its printable form.
func SpanOf(doc *article.Document, s article.Span) Span {
	p := doc.Position(s.Start)
	return Span{Start: s.Start, End: s.End, Line: p.Line, Column: p.Column}
}

// DocumentOf builds the contract object for one check result.
func DocumentOf(r checker.Result) Document {
	d := Document{Path: r.Path, Quotes: []Quote{}, Sources: []Source{}, Findings: []Finding{}}
	if r.Err != nil {
		d.Error = r.Err.Error()
		d.ID = errorDocID(r)
		return d
	}
	doc := r.Doc
	// sized once: batch builds one model per record
	d.Quotes = make([]Quote, 0, len(doc.Quotes))
	d.Sources = make([]Source, 0, len(doc.Sources))
	d.Findings = make([]Finding, 0, len(r.Findings))
	d.ID, d.Version = doc.ID, doc.Version
	if d.ID == "" {
		d.ID = DocID(r.Path)
	}
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		if q.Kind == article.Term {
			d.Terms = append(d.Terms, Term{Text: doc.QuoteText(q), Span: SpanOf(doc, q.Span), Reason: q.TermReason})
			continue
		}
		d.Quotes = append(d.Quotes, QuoteOf(doc, q))
	}
	d.Sources = AppendSources(d.Sources, doc)
	for i := range r.Verifications {
		d.Verifications = append(d.Verifications, VerificationOf(&r.Verifications[i]))
	}
	for _, f := range r.Findings {
		d.Findings = append(d.Findings, Finding{Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Quote: f.Quote, Span: SpanOf(doc, f.Span)})
	}
	return d
}

// AppendSources appends the contract objects of doc's sources to list.
func AppendSources(list []Source, doc *article.Document) []Source {
	for _, s := range doc.Sources {
		src := Source{Name: s.Name, Type: string(s.Type), Quotes: s.Quotes, Mentions: s.Mentions}
		if s.Type == article.Anonymous {
			reason := s.AnonymityReason
			src.AnonymityReason = &reason
		}
		list = append(list, src)
	}
	return list
}

// QuoteOf builds the contract object for one quote.
func QuoteOf(doc *article.Document, q *article.Quote) Quote {
	out := Quote{ID: q.ID, Text: doc.QuoteText(q), Span: SpanOf(doc, q.Span), Cue: q.Cue, Confidence: round2(q.Confidence)}
	if sp := q.Speaker; sp != nil {
		s := &Speaker{Name: sp.Name, Mention: sp.Mention, Type: string(sp.Type)}
		if !sp.MentionSpan.Empty() {
			span := SpanOf(doc, sp.MentionSpan)
			s.Span = &span
		}
		out.Speaker = s
	}
	return out
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }
