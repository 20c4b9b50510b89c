package rules

import (
	"fmt"
	"strings"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/verify"
)

// eachVerification calls fn for every verified quotation with the
// given verdict, with the quote's span for the finding.
func eachVerification(pass *checker.Pass, fn func(v *verify.Verification, f checker.Finding)) {
	for i := range pass.Verifications {
		v := &pass.Verifications[i]
		q := pass.Doc.QuoteByID(v.Quote)
		if q == nil {
			continue
		}
		fn(v, checker.Finding{Quote: q.ID, Span: q.Span})
	}
}

// where names a source passage: "interview.txt:12:5" and its caption
// time, if any.
func where(v *verify.Verification) string {
	if v.Source == nil {
		return ""
	}
	p := v.Source.Doc.Position(v.Span.Start)
	s := fmt.Sprintf("%s:%d:%d", v.Source.Name, p.Line, p.Column)
	if v.Timestamp != "" {
		s += " at " + v.Timestamp
	}
	return s
}

// describeChanges lists changes of one side (meaning-bearing or not).
func describeChanges(v *verify.Verification, meaning bool) string {
	var parts []string
	for _, c := range v.Changes {
		if c.Meaning != meaning {
			continue
		}
		switch {
		case c.Old == "":
			parts = append(parts, fmt.Sprintf("%s: %q added", c.Kind, article.Shorten(c.New, 40)))
		case c.New == "":
			parts = append(parts, fmt.Sprintf("%s: %q left out", c.Kind, article.Shorten(c.Old, 40)))
		default:
			parts = append(parts, fmt.Sprintf("%s: %q for %q", c.Kind, article.Shorten(c.New, 40), article.Shorten(c.Old, 40)))
		}
	}
	return strings.Join(parts, "; ")
}
