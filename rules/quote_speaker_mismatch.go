package rules

import (
	"fmt"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/verify"
)

// QuoteSpeakerMismatch flags a quotation the record gives to someone
// other than the story's speaker.
var QuoteSpeakerMismatch = &checker.Rule{
	ID:       "quote-speaker-mismatch",
	Severity: checker.Error,
	Needs:    checker.NeedsVerifications,
	Title:    "Quotation said by someone else in the record",
	Rationale: "In an interview with two people, or a news conference with questions, the " +
		"words may be right and the speaker wrong. When the transcript or captions label " +
		"the passage with a speaker (\"HALE:\", \"Q:\", a WebVTT voice), the label is " +
		"compared with the story's speaker by surname and alias, as the evaluation does.",
	Bad:  `Transcript: HALE: The levy is dead and buried. | OKAFOR: We will see. → Story: "The levy is dead and buried," Okafor said.`,
	Good: `Transcript: HALE: The levy is dead and buried. | OKAFOR: We will see. → Story: "The levy is dead and buried," Hale said.`,
	Run: func(pass *checker.Pass) {
		eachVerification(pass, func(v *verify.Verification, f checker.Finding) {
			if v.Verdict == verify.NotFound || v.SpeakerMatch == nil || *v.SpeakerMatch {
				return
			}
			q := pass.Doc.QuoteByID(v.Quote)
			f.Message = fmt.Sprintf("the record gives these words to %s, the story to %s (%s)", v.SpeakerLabel, speakerWords(q), where(v))
			pass.Report(f)
		})
	},
}
