package rules

import (
	"fmt"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/verify"
)

// Misquote flags a quotation that differs from the record in a way that
// changes its meaning.
var Misquote = &checker.Rule{
	ID:       "misquote",
	Severity: checker.Error,
	Needs:    checker.NeedsVerifications,
	Title:    "Quotation differs from the record in meaning",
	Rationale: "A quotation must be the speaker's words. When the transcript, captions or " +
		"statement say something different — a dropped \"not\", another figure, another " +
		"name, \"all\" for \"some\", an opposite — the story puts words in the speaker's " +
		"mouth. Found by `quotecheck verify` and `check --source`, which align each " +
		"quotation with the record and show the word diff.",
	Bad:  `Transcript: OKAFOR: We will not sign it. → Story: "We will sign it," Okafor said.`,
	Good: `Transcript: OKAFOR: We will not sign it. → Story: "We will not sign it," Okafor said.`,
	Run: func(pass *checker.Pass) {
		eachVerification(pass, func(v *verify.Verification, f checker.Finding) {
			if v.Verdict == verify.NotFound || !v.Meaningful() {
				return
			}
			f.Message = fmt.Sprintf("quotation differs from the record (%s): %s", where(v), describeChanges(v, true))
			pass.Report(f)
		})
	},
}
