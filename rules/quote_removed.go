package rules

import (
	"fmt"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/versions"
)

// QuoteRemoved flags a quotation cut from a later version of an article.
var QuoteRemoved = &checker.Rule{
	ID:       "quote-removed",
	Severity: checker.Warning,
	Needs:    checker.NeedsVersions,
	Title:    "Quotation removed from a later version",
	Rationale: "Cutting a quotation after publication can be routine trimming, but it can " +
		"also remove a source's side of the story or a remark that prompted a complaint; " +
		"standards desks want to see every cut and decide whether a correction or " +
		"clarification is due. Found by `quotecheck diff`; the position is in the " +
		"earlier version.",
	Bad:  `v1: "They will vote yes in the end," the official said. → v2: (paragraph cut)`,
	Good: `v1: "They will vote yes in the end," the official said. → v2: "They will vote yes in the end," the finance ministry official said.`,
	Run: func(pass *checker.Pass) {
		for i := range pass.Changes {
			c := &pass.Changes[i]
			if c.Type != versions.Removed {
				continue
			}
			pass.Report(checker.Finding{Quote: c.Old.ID, Span: c.Old.Span, Change: c,
				Message: removedMessage(pass.Previous, pass.Doc, speakerOf(c.Old))})
		}
	},
}

// removedMessage names both versions: the finding is placed in the earlier
// one, and in a series (v1, v2, v3) "v2.txt:7:2: quotation removed" would
// read as if v2 had cut it.
func removedMessage(old, cur *article.Document, speaker string) string {
	if old == nil || cur == nil {
		return fmt.Sprintf("quotation removed (%s)", speaker)
	}
	return fmt.Sprintf("quotation in %s removed from %s (%s)", versionName(old, cur), versionName(cur, old), speaker)
}

// versionName names doc for a message about it and other: by its path, or,
// when both come from the same file (records of one archive), by its
// version.
func versionName(doc, other *article.Document) string {
	if doc.Path == other.Path && doc.Version != "" && doc.Version != other.Version {
		return "version " + quoted(doc.Version)
	}
	return doc.Path
}
