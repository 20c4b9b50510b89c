package rules

import (
	"fmt"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/verify"
)

// QuoteStitched flags a quotation joined from far-apart places of the
// record, or from places in another order.
var QuoteStitched = &checker.Rule{
	ID:       "quote-stitched",
	Severity: checker.Warning,
	Needs:    checker.NeedsVerifications,
	Title:    "Quotation stitched from separate places",
	Rationale: "A quotation that joins sentences said minutes apart, in answer to different " +
		"questions, or in another order, reads as one thought the speaker never had. An " +
		"ellipsis marks a short cut within one answer; pieces further apart than that, " +
		"across another speaker's turn, out of order, or joined with no ellipsis at all " +
		"are reported with how far apart they stand.",
	Bad:  `Transcript: OKAFOR: The depot stays open. | Q: And the fares? | OKAFOR: The fares go up next year. → Story: "The fares go up next year. The depot stays open," Okafor said.`,
	Good: `Transcript: OKAFOR: The depot stays open. | Q: And the fares? | OKAFOR: The fares go up next year. → Story: "The depot stays open," Okafor said. Asked about fares, she said: "The fares go up next year."`,
	Run: func(pass *checker.Pass) {
		eachVerification(pass, func(v *verify.Verification, f checker.Finding) {
			if v.Verdict != verify.Stitched {
				return
			}
			var how string
			switch {
			case v.Distance < 0:
				how = "from different sources"
			case v.OutOfOrder:
				how = fmt.Sprintf("in another order than said, %d words apart", v.Distance)
			default:
				how = fmt.Sprintf("from places %d words apart", v.Distance)
			}
			f.Message = fmt.Sprintf("quotation joins %d pieces %s (%s)", max(len(v.Pieces), 2), how, where(v))
			pass.Report(f)
		})
	},
}
