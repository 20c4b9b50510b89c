package rules

import (
	"strings"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// AlteredQuote flags brackets and ellipses inside quotations.
var AlteredQuote = &checker.Rule{
	ID:       "altered-quote",
	Severity: checker.Info,
	Title:    "Brackets or ellipsis inside a quotation",
	Rationale: "A quotation is the speaker's exact words. Brackets and ellipses show the words " +
		"were edited; editors check each edit against the recording or notes so that a cut " +
		"does not change the meaning. An ellipsis at the very start or end is usually unneeded.",
	Bad:  `"We will not [raise taxes] . . . this year," Lund said.`,
	Good: `"We will not raise taxes this year," Lund said.`,
	Run: func(pass *checker.Pass) {
		for _, q := range pass.Quotations() {
			text := pass.Doc.QuoteText(q)
			if i := strings.IndexByte(text, '['); i >= 0 {
				if j := strings.IndexByte(text[i:], ']'); j > 0 {
					span := article.Span{Start: q.Span.Start + i, End: q.Span.Start + i + j + 1}
					pass.Reportf(span, q.ID, "quotation contains an inserted %q: check it against the source", text[i:i+j+1])
					continue
				}
			}
			if i, n := ellipsisAt(text); i >= 0 {
				span := article.Span{Start: q.Span.Start + i, End: q.Span.Start + i + n}
				switch {
				case strings.TrimSpace(text[:i]) == "":
					pass.Reportf(span, q.ID, "quotation starts with an ellipsis: usually unnecessary; check the cut against the source")
				case strings.Trim(text[i+n:], " .,\"'”’") == "":
					pass.Reportf(span, q.ID, "quotation ends with an ellipsis: usually unnecessary; check the cut against the source")
				default:
					pass.Reportf(span, q.ID, "quotation contains an ellipsis: check that the cut keeps the meaning")
				}
			}
		}
	},
}

// ellipsisAt finds "…", "..." or ". . ." and returns its offset and length.
func ellipsisAt(s string) (int, int) {
	best, n := -1, 0
	// the first full stop that opens "..." or ". . .": one search of the
	// text for full stops instead of one for each of the two spellings
	for from := 0; ; {
		i := strings.IndexByte(s[from:], '.')
		if i < 0 {
			break
		}
		i += from
		if strings.HasPrefix(s[i:], "...") {
			best, n = i, 3
			break
		}
		if strings.HasPrefix(s[i:], ". . .") {
			best, n = i, 5
			break
		}
		from = i + 1
	}
	if best < 0 || strings.IndexByte(s[:best], '\xe2') >= 0 {
		// "…" starts with the byte 0xE2; a text without it before the
		// full stops has none to find
		if i := strings.Index(s, "…"); i >= 0 && (best < 0 || i < best) {
			best, n = i, len("…")
		}
	}
	return best, n
}
