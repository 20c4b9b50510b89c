package rules_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/rules"
	"github.com/quotecheck/quotecheck/verify"
)

var kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

func TestAllRulesDocumented(t *testing.T) {
	list := rules.All()
	require.NotEmpty(t, list)
	seen := map[string]bool{}
	for _, r := range list {
		t.Run(r.ID, func(t *testing.T) {
			assert.Regexp(t, kebab, r.ID)
			assert.False(t, seen[r.ID], "duplicate id")
			seen[r.ID] = true
			assert.Contains(t, []checker.Severity{checker.Error, checker.Warning, checker.Info}, r.Severity)
			assert.NotEmpty(t, r.Title)
			assert.NotEmpty(t, r.Rationale)
			assert.NotEmpty(t, r.Bad)
			assert.NotEmpty(t, r.Good)
			assert.NotEqual(t, r.Bad, r.Good)
			assert.NotNil(t, r.Run)
			assert.False(t, strings.HasSuffix(r.Title, "."), "titles are not sentences")
		})
	}
	_, err := checker.New(list, checker.Config{})
	assert.NoError(t, err)
	// All returns a fresh list each time; editing it does not touch the next
	a := rules.All()
	a[0] = nil
	assert.NotNil(t, rules.All()[0])
}

// TestRuleIDsStable guards the public contract: rule ids are never renamed
// or dropped.
func TestRuleIDsStable(t *testing.T) {
	for _, id := range []string{
		"anonymous-source",
		"anonymous-no-reason",
		"missing-attribution",
		"unbalanced-quotes",
		"non-neutral-verb",
		"altered-quote",
		"surname-before-introduction",
	} {
		assert.NotNil(t, rules.ByID(rules.All(), id), id)
	}
}

func TestByID(t *testing.T) {
	assert.Same(t, rules.UnbalancedQuotes, rules.ByID(rules.All(), "unbalanced-quotes"))
	assert.Nil(t, rules.ByID(rules.All(), "Unbalanced-Quotes"))
	assert.Nil(t, rules.ByID(rules.All(), ""))
	assert.Nil(t, rules.ByID(nil, "unbalanced-quotes"))
}

// TestRuleExamples checks every rule against its own documentation: the
// Bad example gives a finding of the rule, the Good example none.
func TestRuleExamples(t *testing.T) {
	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(t, err)
	for _, r := range rules.All() {
		if r.ComparesVersions() {
			continue // version rules need two versions; see the diff tests
		}
		t.Run(r.ID, func(t *testing.T) {
			badText, goodText := r.Bad, r.Good
			if strings.Contains(r.Bad, "quotecheck-disable") {
				// a suppression comment needs a finding on the next line
				const next = "\n\"The deal is dead,\" a senior official said.\n"
				badText, goodText = badText+next, goodText+next
			}
			chk := chk
			if r.VerifiesQuotes() {
				chk, badText = verifyExample(t, r.Bad)
			}
			bad := chk.CheckText("bad.txt", badText)
			require.NoError(t, bad.Err)
			assert.Contains(t, ids(bad.Findings), r.ID, "Bad example %q", r.Bad)
			if r.VerifiesQuotes() {
				chk, goodText = verifyExample(t, r.Good)
			}
			good := chk.CheckText("good.txt", goodText)
			require.NoError(t, good.Err)
			assert.NotContains(t, ids(good.Findings), r.ID, "Good example %q", r.Good)
		})
	}
}

// verifyExample reads one example of a verification rule, written
// "Transcript: LINE | LINE → Story: TEXT", into a checker whose source is
// the transcript, and the story.
func verifyExample(t *testing.T, example string) (*checker.Checker, string) {
	left, right, ok := strings.Cut(example, " → ")
	require.True(t, ok, example)
	transcript := strings.ReplaceAll(strings.TrimPrefix(left, "Transcript: "), " | ", "\n")
	src, err := verify.FromText("interview.txt", transcript)
	require.NoError(t, err)
	chk, err := checker.New(rules.All(), checker.Config{Sources: verify.NewSet(src)})
	require.NoError(t, err)
	return chk, strings.TrimPrefix(right, "Story: ")
}

func ids(fs []checker.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

// TestRules runs each rule alone over small fictional passages.
func TestRules(t *testing.T) {
	tests := []struct {
		name string
		rule *checker.Rule
		text string
		// messages are substrings of the findings' messages, in order; an
		// empty list means no finding
		messages []string
		// spans are the texts the findings point at, in order (optional)
		spans []string
		// severity overrides the rule's default severity (optional)
		severity checker.Severity
	}{
		{
			name: "anonymous source", rule: rules.AnonymousSource,
			text:     `"The bridge will close in May," a senior official said.`,
			messages: []string{`unnamed source ("a senior official")`},
			spans:    []string{"The bridge will close in May,"},
		},
		{
			name: "anonymous source with a reason is still anonymous", rule: rules.AnonymousSource,
			text:     `"The bridge will close in May," said a senior official, who spoke on condition of anonymity because the plan is not public.`,
			messages: []string{"unnamed source"},
			severity: checker.Info,
		},
		{
			name: "named source is not anonymous", rule: rules.AnonymousSource,
			text: `"The bridge will close in May," said Grete Halvorsen, the city engineer.`,
		},
		{
			name: "anonymous with no reason", rule: rules.AnonymousNoReason,
			text:     `"The deal is dead," a person familiar with the talks said.`,
			messages: []string{`never says why "a person familiar with the talks" was granted anonymity`},
		},
		{
			name: "anonymous with no reason, once per source", rule: rules.AnonymousNoReason,
			text:     "\"The deal is dead,\" a person familiar with the talks said.\n\n\"Nobody will sign,\" the person said. \"Not this year.\"",
			messages: []string{`never says why "a person familiar with the talks" was granted anonymity (quoted in q1, q2, q3)`},
			spans:    []string{"a person familiar with the talks"},
		},
		{
			name: "anonymous with a reason", rule: rules.AnonymousNoReason,
			text: `"The deal is dead," said a person familiar with the talks, who spoke on condition of anonymity because the negotiations are private.`,
		},
		{
			name: "missing attribution", rule: rules.MissingAttribution,
			text:     "Harbour plan\n\nThe scheme was hailed as \u201cthe boldest plan in a generation\u201d.",
			messages: []string{`quotation has no speaker ("the boldest plan in a generation")`},
			spans:    []string{"the boldest plan in a generation"},
		},
		{
			name: "speaker not read is not an error", rule: rules.MissingAttribution,
			text: "The ferry board met on Tuesday with Ilse Varga in the chair.\n\n\"We will see what the summer brings.\"",
		},
		{
			name: "speaker not read asks for confirmation", rule: rules.UnconfirmedAttribution,
			text:     "The ferry board met on Tuesday with Ilse Varga in the chair.\n\n\"We will see what the summer brings.\"",
			messages: []string{`no speaker found for "We will see what the summer brings."`},
		},
		{
			name: "a guessed attribution asks for confirmation", rule: rules.UnconfirmedAttribution,
			text:     "Board meeting\n\nOn Tuesday Ilse Varga rowed across the lake in weather fit only for \"the bravest of ducks.\"",
			messages: []string{"is attributed to Ilse Varga only by a guess"},
		},
		{
			name: "sure of no speaker is not unconfirmed", rule: rules.UnconfirmedAttribution,
			text: "Harbour plan\n\nThe scheme was hailed as \u201cthe boldest plan in a generation\u201d.",
		},
		{
			name: "a document is an attribution", rule: rules.MissingAttribution,
			text: "\"The pumps were never tested,\" the inspection report said.",
		},
		{
			name: "a document is not anonymous", rule: rules.AnonymousSource,
			text: "\"The pumps were never tested,\" the inspection report said.",
		},
		{
			name: "attributed quotation", rule: rules.MissingAttribution,
			text: "\u201cWe will rebuild,\u201d said Kwame Mensah, the harbour master.",
		},
		{
			name: "running quotation carries its speaker", rule: rules.MissingAttribution,
			text: "\u201cWe will rebuild the pier,\u201d said Kwame Mensah, the harbour master. \u201cIt will take a year.\n\n\u201cAnd it will cost less than the last one.\u201d",
		},
		{
			name: "unclosed opening mark", rule: rules.UnbalancedQuotes,
			text:     "\u201cWe will appeal, Lund said after the hearing.\n\nThe court rose at noon.",
			messages: []string{"opening \u201c is never closed"},
			spans:    []string{"\u201c"},
		},
		{
			name: "stray closing mark", rule: rules.UnbalancedQuotes,
			text:     "Lund said the appeal was over.\u201d The court rose at noon.",
			messages: []string{"closing \u201d has no opening mark"},
			spans:    []string{"\u201d"},
		},
		{
			name: "balanced marks and apostrophes", rule: rules.UnbalancedQuotes,
			text: "\u201cWe don\u2019t accept the traders\u2019 figures from the \u201990s,\u201d said Elif Yilmaz.",
		},
		{
			name: "loaded verb", rule: rules.NonNeutralVerb,
			text:     `"We followed every rule," said Dana Reyes, the director. "Every one," Reyes insisted.`,
			messages: []string{`loaded attribution verb "insisted"`},
			spans:    []string{"insisted"},
		},
		{
			name: "neutral verbs", rule: rules.NonNeutralVerb,
			text: `"We followed every rule," said Dana Reyes, the director. "Every one," Reyes added.`,
		},
		{
			name: "inserted brackets", rule: rules.AlteredQuote,
			text:     `"We will not [raise taxes] this year," said Bruno Moreau, the mayor.`,
			messages: []string{`inserted "[raise taxes]"`},
			spans:    []string{"[raise taxes]"},
		},
		{
			name: "ellipsis in the middle", rule: rules.AlteredQuote,
			text:     `"We will not . . . raise taxes this year," said Bruno Moreau, the mayor.`,
			messages: []string{"contains an ellipsis"},
			spans:    []string{". . ."},
		},
		{
			name: "leading ellipsis", rule: rules.AlteredQuote,
			text:     "\u201c\u2026 and we will not raise taxes,\u201d said Bruno Moreau, the mayor.",
			messages: []string{"starts with an ellipsis"},
		},
		{
			name: "trailing ellipsis", rule: rules.AlteredQuote,
			text:     `"We will not raise taxes...," said Bruno Moreau, the mayor.`,
			messages: []string{"ends with an ellipsis"},
		},
		{
			name: "unaltered quotation", rule: rules.AlteredQuote,
			text: `"We will not raise taxes this year," said Bruno Moreau, the mayor.`,
		},
		{
			name: "surname never introduced", rule: rules.SurnameBeforeIntroduction,
			text:     `"We are ready," Okafor said.`,
			messages: []string{`"Okafor" is quoted but the story never gives the full name`},
			spans:    []string{"Okafor"},
		},
		{
			name: "surname before the full name", rule: rules.SurnameBeforeIntroduction,
			text:     "\u201cWe are ready,\u201d Okafor said.\n\nMaria Okafor, the union\u2019s president, spoke after the vote.",
			messages: []string{`"Okafor" is used before the full name "Maria Okafor" is given`},
		},
		{
			name: "full name first", rule: rules.SurnameBeforeIntroduction,
			text: "\u201cWe are ready,\u201d said Maria Okafor, the union\u2019s president.\n\n\u201cWe voted,\u201d Okafor said.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chk, err := checker.New([]*checker.Rule{tt.rule}, checker.Config{})
			require.NoError(t, err)
			res := chk.CheckText("story.txt", tt.text)
			require.NoError(t, res.Err)
			require.Len(t, res.Findings, len(tt.messages), "findings: %+v", res.Findings)
			for i, f := range res.Findings {
				assert.Equal(t, tt.rule.ID, f.Rule)
				want := tt.rule.Severity
				if tt.severity != 0 {
					want = tt.severity
				}
				assert.Equal(t, want, f.Severity)
				assert.Contains(t, f.Message, tt.messages[i])
				if i < len(tt.spans) {
					assert.Equal(t, tt.spans[i], res.Doc.Slice(f.Span))
				}
				if f.Quote != "" {
					assert.NotNil(t, res.Doc.QuoteByID(f.Quote))
				}
			}
		})
	}
}
