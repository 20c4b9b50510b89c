package rules

import (
	"strings"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// AnonymousSource flags every quotation attributed to an unnamed source.
var AnonymousSource = &checker.Rule{
	ID:       "anonymous-source",
	Severity: checker.Warning,
	Title:    "Quotation attributed to an unnamed source",
	Rationale: "Readers cannot weigh what an unnamed source says. Style books allow anonymity " +
		"only when the information is vital and unavailable on the record, and ask that the " +
		"source be described as precisely as possible (agency, role, how they know) and that " +
		"the story say why anonymity was granted. Anonymous opinions and attacks are the case " +
		"editors most want to see. When the story gives the reason, the finding is info, so the " +
		"desk still sees every anonymous source.",
	Bad:  `"They will fold within a week," a senior official said.`,
	Good: `"They will fold within a week," said Dana Reyes, the ministry's chief negotiator.`,
	Run: func(pass *checker.Pass) {
		for _, q := range pass.Quotations() {
			if q.Speaker == nil || q.Speaker.Type != article.Anonymous {
				continue
			}
			words := speakerWords(q)
			if !strings.EqualFold(words, q.Speaker.Name) {
				words = quoted(words) + ", that is " + quoted(q.Speaker.Name)
			} else {
				words = quoted(words)
			}
			src := &pass.Doc.Sources[q.Speaker.Source]
			if src.AnonymityReason {
				// the story did what style books ask: a note, not a warning
				pass.Report(checker.Finding{Span: q.Span, Quote: q.ID, Severity: checker.Info,
					Message: "quote attributed to an unnamed source (" + words + "); the story gives the reason (" + quoted(pass.Doc.Slice(src.ReasonSpan)) + "): check it holds"})
				continue
			}
			// the missing reason is anonymous-no-reason's finding, once
			// per source at its introduction, not repeated here
			pass.Report(checker.Finding{Span: q.Span, Quote: q.ID, Message: "quote attributed to an unnamed source (" + words + ")"})
		}
	},
}
