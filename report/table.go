package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// WriteQuoteTable prints what a standards editor reads first: every
// quotation with its speaker, source type and cue, then the sources.
func WriteQuoteTable(out io.Writer, r checker.Result, width int) error {
	if r.Err != nil {
		return r.Err
	}
	doc := r.Doc
	// a file of several records (JSON Lines) heads each table with the
	// record's id and version
	head := displayPath(r.Path)
	if doc.ID != "" && doc.ID != DocID(r.Path) {
		head += " — " + doc.ID
		if doc.Version != "" {
			head += " (version " + doc.Version + ")"
		}
	}
	fmt.Fprintf(out, "%s\n\n", head)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tLINE\tSPEAKER\tTYPE\tCUE\tCONF\tQUOTE")
	n := 0
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		if q.Kind == article.Term {
			continue
		}
		n++
		p := doc.Position(q.Span.Start)
		speaker, typ := "—", "none"
		if q.Speaker != nil {
			speaker, typ = q.Speaker.Name, string(q.Speaker.Type)
			if q.Speaker.Mention != "" && !strings.EqualFold(q.Speaker.Mention, q.Speaker.Name) {
				speaker += " (" + article.Shorten(q.Speaker.Mention, 24) + ")"
			}
		}
		cue := q.Cue
		if cue == "" {
			cue = "—"
		}
		fmt.Fprintf(tw, "%s\t%d:%d\t%s\t%s\t%s\t%.2f\t%s\n", q.ID, p.Line, p.Column, article.Shorten(speaker, 48), typ, article.Shorten(cue, 24), q.Confidence, "“"+article.Shorten(doc.QuoteText(q), width)+"”")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if n == 0 {
		fmt.Fprintln(out, "(no quotations)")
	}
	fmt.Fprintf(out, "\nSOURCES\n")
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTYPE\tQUOTES\tANONYMITY REASON")
	for _, s := range doc.Sources {
		reason := ""
		if s.Type == article.Anonymous {
			reason = "not given"
			if s.AnonymityReason {
				reason = "“" + article.Shorten(doc.Slice(s.ReasonSpan), 40) + "”"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", article.Shorten(s.Name, 48), s.Type, strings.Join(s.Quotes, " "), reason)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var terms []string
	for i := range doc.Quotes {
		if q := &doc.Quotes[i]; q.Kind == article.Term {
			terms = append(terms, fmt.Sprintf("“%s” (%s)", article.Shorten(doc.QuoteText(q), 40), q.TermReason))
		}
	}
	if len(terms) > 0 {
		fmt.Fprintf(out, "\nNOT QUOTATIONS: %s\n", strings.Join(terms, "; "))
	}
	return nil
}
