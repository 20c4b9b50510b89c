package rules

import (
	"fmt"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/verify"
)

// DefaultAlteredTolerance lets a quotation drop a hesitation or two
// unreported, as most style guides allow.
const DefaultAlteredTolerance = 2

// QuoteAltered flags a quotation tidied beyond the configured tolerance:
// only cosmetic differences from the record.
var QuoteAltered = &checker.Rule{
	ID:       "quote-altered",
	Severity: checker.Warning,
	Needs:    checker.NeedsVerifications,
	Title:    "Quotation tidied from the record",
	Rationale: "Dropping an \"um\" or writing out a contraction keeps the meaning, and most " +
		"style guides allow a little of it; more than a little, and the quotation is no " +
		"longer what was said. Reported when a quotation's only differences from the " +
		"record are cosmetic (filler, false starts, punctuation, contractions) and there " +
		"are more of them than the rule's tolerance option (default 2).",
	Options: []checker.RuleOption{{Name: "tolerance", Count: true,
		Usage: "how many cosmetic changes (filler, punctuation, contractions) a quotation may carry before it is reported; a whole number, default 2"}},
	Bad:  `Transcript: OKAFOR: Um, we will, uh, you know, sign it, I mean, uh, soon, like, this week. → Story: "We will sign it soon this week," Okafor said.`,
	Good: `Transcript: OKAFOR: We will, uh, sign it soon. → Story: "We will sign it soon," Okafor said.`,
	Run: func(pass *checker.Pass) {
		eachVerification(pass, func(v *verify.Verification, f checker.Finding) {
			if v.Verdict != verify.Altered || v.Meaningful() || v.Cosmetic() <= pass.RuleOptions.Count("tolerance", DefaultAlteredTolerance) {
				return
			}
			f.Message = fmt.Sprintf("quotation tidied from the record in %d places (%s): %s", v.Cosmetic(), where(v), describeChanges(v, false))
			pass.Report(f)
		})
	},
}
