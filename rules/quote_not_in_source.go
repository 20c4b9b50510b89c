package rules

import (
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/verify"
)

// QuoteNotInSource flags a quotation the record does not hold.
var QuoteNotInSource = &checker.Rule{
	ID:       "quote-not-in-source",
	Severity: checker.Warning,
	Needs:    checker.NeedsVerifications,
	Title:    "Quotation not found in the sources",
	Rationale: "No passage of the transcripts, captions or statements given comes close to " +
		"the quotation: it may come from another interview, be paraphrase set in quotation " +
		"marks, or be invented. When the sources are declared partial (--partial, or " +
		"sources-partial: true in the config), the finding is only informative.",
	Bad:  `Transcript: OKAFOR: We will not sign it. → Story: "We will never raise fares again," Okafor said.`,
	Good: `Transcript: OKAFOR: We will not sign it. → Story: "We will not sign it," Okafor said.`,
	Run: func(pass *checker.Pass) {
		eachVerification(pass, func(v *verify.Verification, f checker.Finding) {
			if v.Verdict != verify.NotFound {
				return
			}
			if pass.Sources != nil && pass.Sources.Partial {
				f.Severity = checker.Info
			}
			f.Message = "quotation not found in the sources given; check it against the notes or recording"
			pass.Report(f)
		})
	},
}
