package rules

import (
	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// SurnameBeforeIntroduction flags a speaker first called by surname or
// honorific before the story gives the full name.
var SurnameBeforeIntroduction = &checker.Rule{
	ID:       "surname-before-introduction",
	Severity: checker.Info,
	Title:    "Speaker called by surname before being introduced",
	Rationale: "First reference gives the full name and title; later references use the " +
		"surname (AP drops courtesy titles, some papers use Mr or Ms). A surname before the " +
		"introduction leaves readers guessing who is speaking — often a sign that paragraphs " +
		"were moved in editing.",
	Bad:  `"We are ready," Okafor said. ... Maria Okafor, the union's president, ...`,
	Good: `"We are ready," said Maria Okafor, the union's president. ... Okafor added ...`,
	Run: func(pass *checker.Pass) {
		reported := map[int]bool{}
		for _, q := range pass.Quotations() {
			sp := q.Speaker
			if sp == nil || sp.Type != article.Person || sp.Form != "surname" || reported[sp.Source] || inHeading(pass.Doc, q) {
				continue
			}
			switch {
			case !sp.FullNameGiven:
				reported[sp.Source] = true
				pass.Report(checker.Finding{Span: sp.MentionSpan, Quote: q.ID, Message: quoted(sp.Mention) + " is quoted but the story never gives the full name"})
			case sp.FullNameAt > sp.MentionSpan.Start:
				reported[sp.Source] = true
				pass.Report(checker.Finding{Span: sp.MentionSpan, Quote: q.ID, Message: quoted(sp.Mention) + " is used before the full name " + quoted(sp.Name) + " is given"})
			}
		}
	},
}

func inHeading(doc *article.Document, q *article.Quote) bool {
	return q.Paragraph < len(doc.Paragraphs) && doc.Paragraphs[q.Paragraph].Heading
}
