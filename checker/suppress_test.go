package checker_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/rules"
)

// unattributed is a paragraph with a missing-attribution finding.
const unattributed = `The plan was hailed as "the boldest plan in a generation".`

// findingLines renders findings as "LINE rule" (and the message for
// invalid-suppression) for comparison.
func findingLines(doc *article.Document, fs []checker.Finding) []string {
	out := []string{}
	for _, f := range fs {
		s := itoa(doc.Position(f.Span.Start).Line) + " " + f.Rule
		if f.Rule == checker.InvalidSuppression {
			s += ": " + f.Message
		}
		out = append(out, s)
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

func suppressChecker(t *testing.T, cfg checker.Config) *checker.Checker {
	t.Helper()
	c, err := checker.New(rules.All(), cfg)
	require.NoError(t, err)
	return c
}

func TestSuppressions(t *testing.T) {
	tests := []struct {
		name string
		text string
		cfg  checker.Config
		want []string
	}{
		{
			name: "no comment",
			text: "Headline\n\n" + unattributed + "\n",
			want: []string{"3 missing-attribution"},
		},
		{
			name: "next line with reason",
			text: "Headline\n\n<!-- quotecheck-disable-next-line missing-attribution: council slogan, approved by J. Doe -->\n" + unattributed + "\n",
			want: []string{},
		},
		{
			name: "next line skips blank and comment lines",
			text: "Headline\n\n<!-- quotecheck-disable-next-line missing-attribution: approved -->\n\n<!-- an editor's note -->\n" + unattributed + "\n",
			want: []string{},
		},
		{
			name: "rule list left out means every rule",
			text: "Headline\n\n<!-- quotecheck-disable-next-line: approved by the desk -->\n" + unattributed + "\n",
			want: []string{},
		},
		{
			name: "only the next line",
			text: "Headline\n\n<!-- quotecheck-disable-next-line missing-attribution: approved -->\n" + unattributed + "\n\n" + unattributed + "\n",
			want: []string{"6 missing-attribution"},
		},
		{
			name: "no reason still suppresses but is reported",
			text: "Headline\n\n<!-- quotecheck-disable-next-line missing-attribution -->\n" + unattributed + "\n",
			want: []string{"3 invalid-suppression: suppression gives no reason: write <!-- quotecheck-disable-next-line missing-attribution: why -->"},
		},
		{
			name: "empty reason after colon",
			text: "Headline\n\n<!-- quotecheck-disable-next-line missing-attribution:   -->\n" + unattributed + "\n",
			want: []string{"3 invalid-suppression: suppression gives no reason: add one after a colon"},
		},
		{
			name: "suppresses nothing",
			text: "Headline\n\n<!-- quotecheck-disable-next-line anonymous-source: approved -->\n" + unattributed + "\n",
			want: []string{
				"3 invalid-suppression: suppression suppresses nothing: no anonymous-source finding on line 4; remove it",
				"4 missing-attribution",
			},
		},
		{
			name: "suppression of a rule the config turned off is not stale",
			text: "Headline\n\n<!-- quotecheck-disable-next-line anonymous-source: approved -->\n" + unattributed + "\n",
			cfg:  checker.Config{Disabled: map[string]bool{"anonymous-source": true}},
			want: []string{"4 missing-attribution"},
		},
		{
			name: "unknown rule",
			text: "Headline\n\n<!-- quotecheck-disable-next-line no-such-rule: approved -->\n" + unattributed + "\n",
			want: []string{
				`3 invalid-suppression: suppression names unknown rule "no-such-rule" (see quotecheck rules)`,
				"4 missing-attribution",
			},
		},
		{
			name: "unknown directive",
			text: "Headline\n\n<!-- quotecheck-ignore missing-attribution: approved -->\n" + unattributed + "\n",
			want: []string{
				`3 invalid-suppression: unknown suppression directive "quotecheck-ignore" (want quotecheck-disable-next-line, quotecheck-disable or quotecheck-enable)`,
				"4 missing-attribution",
			},
		},
		{
			name: "invalid-suppression cannot be suppressed",
			text: "Headline\n\n<!-- quotecheck-disable-next-line invalid-suppression: no -->\nText.\n",
			want: []string{"3 invalid-suppression: invalid-suppression findings cannot be suppressed; fix the comment instead"},
		},
		{
			name: "block",
			text: "Headline\n\n<!-- quotecheck-disable missing-attribution: court transcript -->\n" + unattributed + "\n\n" + unattributed + "\n<!-- quotecheck-enable missing-attribution -->\n\n" + unattributed + "\n",
			want: []string{"9 missing-attribution"},
		},
		{
			name: "block without enable runs to the end",
			text: "Headline\n\n<!-- quotecheck-disable missing-attribution: transcript -->\n\n" + unattributed + "\n\n" + unattributed + "\n",
			want: []string{},
		},
		{
			name: "enable without rules ends every block",
			text: "Headline\n\n<!-- quotecheck-disable missing-attribution: transcript -->\n" + unattributed + "\n<!-- quotecheck-enable -->\n\n" + unattributed + "\n",
			want: []string{"7 missing-attribution"},
		},
		{
			name: "stray enable",
			text: "Headline\n\n<!-- quotecheck-enable missing-attribution -->\nText.\n",
			want: []string{"3 invalid-suppression: quotecheck-enable has no quotecheck-disable before it to end"},
		},
		{
			name: "empty block",
			text: "Headline\n\n<!-- quotecheck-disable missing-attribution: transcript -->\nQuiet text.\n<!-- quotecheck-enable -->\n",
			want: []string{"3 invalid-suppression: suppression suppresses nothing: no missing-attribution finding in its block; remove it"},
		},
		{
			name: "invalid-suppression disabled",
			text: "Headline\n\n<!-- quotecheck-disable-next-line missing-attribution -->\n" + unattributed + "\n",
			cfg:  checker.Config{Disabled: map[string]bool{checker.InvalidSuppression: true}},
			want: []string{},
		},
		{
			name: "other comments are ignored",
			text: "Headline\n\n<!-- TODO: check the quote -->\n" + unattributed + "\n",
			want: []string{"4 missing-attribution"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := suppressChecker(t, tt.cfg)
			r := c.CheckText("story.txt", tt.text)
			require.NoError(t, r.Err)
			assert.Equal(t, tt.want, findingLines(r.Doc, r.Findings))
		})
	}
}

func TestSuppressionSeverityFollowsConfig(t *testing.T) {
	c := suppressChecker(t, checker.Config{Severity: map[string]checker.Severity{checker.InvalidSuppression: checker.Warning}})
	r := c.CheckText("s.txt", "H\n\n<!-- quotecheck-disable-next-line missing-attribution -->\n"+unattributed+"\n")
	require.Len(t, r.Findings, 1)
	assert.Equal(t, checker.Warning, r.Findings[0].Severity)
}

// TestSuppressionInExtractedSource checks that comments are read from the
// original file of an extracted document and matched by its lines.
func TestSuppressionInExtractedSource(t *testing.T) {
	source := "# Headline\n\n<!-- quotecheck-disable-next-line missing-attribution: approved -->\n" + unattributed + "\n\n" + unattributed + "\n"
	// The text as a Markdown reader would give it: the comment dropped.
	text := "Headline\n\n" + unattributed + "\n\n" + unattributed + "\n"
	m := &article.OffsetMap{}
	m.Add(0, 2, len("Headline"))
	first := strings.Index(source, "The plan")
	m.Add(10, first, len(unattributed))
	second := strings.LastIndex(source, "The plan")
	m.Add(10+len(unattributed)+2, second, len(unattributed))
	doc := article.New("s.md", text)
	doc.Source, doc.SourceMap = source, m

	c := suppressChecker(t, checker.Config{})
	fs := c.CheckDocument(doc)
	assert.Equal(t, []string{"6 missing-attribution"}, findingLines(doc, fs))

	// A stale comment in the source is reported, naming its own line.
	source2 := "# Headline\n\n<!-- quotecheck-disable-next-line anonymous-source: approved -->\n" + unattributed + "\n"
	m2 := &article.OffsetMap{}
	m2.Add(0, 2, len("Headline"))
	m2.Add(10, strings.Index(source2, "The plan"), len(unattributed))
	doc2 := article.New("s.md", "Headline\n\n"+unattributed+"\n")
	doc2.Source, doc2.SourceMap = source2, m2
	fs = c.CheckDocument(doc2)
	require.Len(t, fs, 2)
	assert.Equal(t, checker.InvalidSuppression, fs[0].Rule)
	assert.Contains(t, fs[0].Message, "(comment on line 3)")
}
