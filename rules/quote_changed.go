package rules

import (
	"fmt"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/versions"
)

// QuoteChanged flags a quotation whose words differ between two versions
// of an article.
var QuoteChanged = &checker.Rule{
	ID:       "quote-changed",
	Severity: checker.Error,
	Needs:    checker.NeedsVersions,
	Title:    "Words of a quotation changed between versions",
	Rationale: "A quotation is the speaker's exact words, so once a story is published any " +
		"change inside the marks must be checked against the recording or notes and, " +
		"usually, noted in a correction. Reworded quotes are reported as errors with a " +
		"word-by-word diff; a change of punctuation, case or typographic marks only is " +
		"reported at info level. Found by `quotecheck diff`, which pairs each quote with " +
		"its counterpart in the new version even when paragraphs moved, and treats a " +
		"quote split in two or merged from two as one quote.",
	Bad:  `v1: "Whether it passes is another story," Lund said. → v2: "Whether it passes is a different question," Lund said.`,
	Good: `v1: "Whether it passes is another story," Lund said. → v2: Lund, the finance minister, said: "Whether it passes is another story."`,
	Run: func(pass *checker.Pass) {
		for i := range pass.Changes {
			c := &pass.Changes[i]
			if c.Type != versions.Changed {
				continue
			}
			f := checker.Finding{Quote: c.New.ID, Span: c.New.Span, Change: c}
			who := speakerOf(c.New)
			if c.PunctuationOnly {
				f.Severity = checker.Info
				f.Message = fmt.Sprintf("quotation changed in punctuation, case or typographic marks only (%s)%s", who, splitNote(c))
			} else {
				f.Message = fmt.Sprintf("words of a quotation changed (%s)%s", who, splitNote(c))
			}
			pass.Report(f)
		}
	},
}

// splitNote describes a quote split into parts or merged from them.
func splitNote(c *versions.Change) string {
	switch {
	case len(c.NewParts) > 1:
		return fmt.Sprintf("; split into %d quotes", len(c.NewParts))
	case len(c.OldParts) > 1:
		return fmt.Sprintf("; merged from %d quotes", len(c.OldParts))
	}
	return ""
}
