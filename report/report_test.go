package report_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/report"
)

var tool = report.Tool{Name: "quotecheck", Version: "9.9.9"}

// handDoc builds a document by hand, independent of the extractor: a
// named quotation, an unattributed one, an anonymous one and a term.
func handDoc(t *testing.T) checker.Result {
	t.Helper()
	text := "Harbour vote\r\n\r\n" +
		"\u201cWe will not back down,\u201d said Maria Okafor.\r\n\r\n" +
		"It was called \u201cthe boldest plan\u201d. The \u201cBlue Line\u201d opens.\r\n\r\n" +
		"\u201cIt is dead,\u201d an official said.\r\n"
	span := func(s string) article.Span {
		i := strings.Index(text, s)
		require.GreaterOrEqual(t, i, 0, s)
		return article.Span{Start: i, End: i + len(s)}
	}
	doc := article.New("stories/harbour-vote.txt", text)
	doc.Quotes = []article.Quote{
		{ID: "q1", Span: span("We will not back down,"), Cue: "said", CueSpan: span("said"), Confidence: 0.954,
			Speaker: &article.Speaker{Name: "Maria Okafor", Mention: "Maria Okafor", MentionSpan: span("Maria Okafor"), Type: article.Person, Source: 0}},
		{ID: "q2", Span: span("the boldest plan")},
		{ID: "q3", Span: span("Blue Line"), Kind: article.Term, TermReason: "title"},
		{ID: "q4", Span: span("It is dead,"), Cue: "said", Confidence: 0.9,
			Speaker: &article.Speaker{Name: "an official", Mention: "an official", MentionSpan: span("an official"), Type: article.Anonymous, Source: 1}},
	}
	doc.Sources = []article.Source{
		{Name: "Maria Okafor", Type: article.Person, Quotes: []string{"q1"}, Mentions: []string{"Maria Okafor"}},
		{Name: "an official", Type: article.Anonymous, Quotes: []string{"q4"}},
	}
	findings := []checker.Finding{
		{Rule: "missing-attribution", Severity: checker.Error, Message: "no speaker", Quote: "q2", Span: span("the boldest plan")},
		{Rule: "anonymous-source", Severity: checker.Warning, Message: "unnamed", Quote: "q4", Span: span("It is dead,")},
		{Rule: "non-neutral-verb", Severity: checker.Info, Message: "loaded", Span: span("said")},
	}
	return checker.Result{Path: doc.Path, Doc: doc, Findings: findings}
}

func TestDocID(t *testing.T) {
	tests := []struct{ path, want string }{
		{"stories/biden-xi.md", "biden-xi"},
		{"harbour.txt", "harbour"},
		{"a/b/c.tar.gz", "c.tar"},
		{"noext", "noext"},
		{"-", "stdin"},
		{"", "stdin"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, report.DocID(tt.path), tt.path)
	}
}

func TestSpanOf(t *testing.T) {
	text := "Line one\r\n\u201cCaf\u00e9 \U0001F600,\u201d she said.\nLast"
	doc := article.New("x.txt", text)
	tests := []struct {
		sub          string
		line, column int
	}{
		{"Line one", 1, 1},
		{"Caf\u00e9", 2, 2},
		{"she", 2, 11},
		{"Last", 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.sub, func(t *testing.T) {
			i := strings.Index(text, tt.sub)
			got := report.SpanOf(doc, article.Span{Start: i, End: i + len(tt.sub)})
			assert.Equal(t, report.Span{Start: i, End: i + len(tt.sub), Line: tt.line, Column: tt.column}, got)
		})
	}
}

func TestDocumentOf(t *testing.T) {
	res := handDoc(t)
	d := report.DocumentOf(res)
	assert.Equal(t, "stories/harbour-vote.txt", d.Path)
	assert.Equal(t, "harbour-vote", d.ID)
	assert.Empty(t, d.Error)

	require.Len(t, d.Quotes, 3, "the term is not a quote")
	assert.Equal(t, []string{"q1", "q2", "q4"}, []string{d.Quotes[0].ID, d.Quotes[1].ID, d.Quotes[2].ID})
	q1 := d.Quotes[0]
	assert.Equal(t, "We will not back down,", q1.Text)
	assert.Equal(t, 3, q1.Span.Line)
	assert.Equal(t, 2, q1.Span.Column)
	assert.Equal(t, 0.95, q1.Confidence, "rounded to two places")
	require.NotNil(t, q1.Speaker)
	assert.Equal(t, "person", q1.Speaker.Type)
	require.NotNil(t, q1.Speaker.Span)
	assert.Equal(t, 3, q1.Speaker.Span.Line)
	assert.Equal(t, 31, q1.Speaker.Span.Column)
	assert.Nil(t, d.Quotes[1].Speaker)

	require.Len(t, d.Terms, 1)
	assert.Equal(t, report.Term{Text: "Blue Line", Span: report.SpanOf(res.Doc, res.Doc.Quotes[2].Span), Reason: "title"}, d.Terms[0])

	require.Len(t, d.Sources, 2)
	assert.Nil(t, d.Sources[0].AnonymityReason, "only anonymous sources carry anonymity_reason")
	require.NotNil(t, d.Sources[1].AnonymityReason)
	assert.False(t, *d.Sources[1].AnonymityReason)

	require.Len(t, d.Findings, 3)
	assert.Equal(t, []string{"error", "warning", "info"}, []string{d.Findings[0].Severity, d.Findings[1].Severity, d.Findings[2].Severity})
	assert.Equal(t, "q2", d.Findings[0].Quote)
	assert.Equal(t, 5, d.Findings[0].Span.Line)
}

// TestDocumentJSONContract checks the JSON keys and types the
// report-format spec promises.
func TestDocumentJSONContract(t *testing.T) {
	b, err := json.Marshal(report.DocumentOf(handDoc(t)))
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(b, &doc))
	for _, k := range []string{"path", "id", "version", "quotes", "sources", "findings"} {
		assert.Contains(t, doc, k)
	}
	assert.NotContains(t, doc, "error")

	quotes := doc["quotes"].([]any)
	q := quotes[0].(map[string]any)
	for _, k := range []string{"id", "text", "span", "speaker", "cue", "confidence"} {
		assert.Contains(t, q, k)
	}
	span := q["span"].(map[string]any)
	for _, k := range []string{"start", "end", "line", "column"} {
		assert.IsType(t, float64(0), span[k], k)
	}
	speaker := q["speaker"].(map[string]any)
	for _, k := range []string{"name", "mention", "type", "span"} {
		assert.Contains(t, speaker, k)
	}
	unattributed := quotes[1].(map[string]any)
	assert.Contains(t, unattributed, "speaker")
	assert.Nil(t, unattributed["speaker"], "speaker is null when none")

	src := doc["sources"].([]any)[0].(map[string]any)
	for _, k := range []string{"name", "type", "quotes"} {
		assert.Contains(t, src, k)
	}
	f := doc["findings"].([]any)[0].(map[string]any)
	for _, k := range []string{"rule", "severity", "message", "quote", "span"} {
		assert.Contains(t, f, k)
	}
	// a finding about no particular quote omits "quote"
	assert.NotContains(t, doc["findings"].([]any)[2].(map[string]any), "quote")
}

func TestDocumentOfError(t *testing.T) {
	d := report.DocumentOf(checker.Result{Path: "in/broken.txt", Err: article.ErrBinary})
	assert.Equal(t, "broken", d.ID)
	assert.Equal(t, article.ErrBinary.Error(), d.Error)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"quotes":[]`)
	assert.Contains(t, string(b), `"sources":[]`)
	assert.Contains(t, string(b), `"findings":[]`)
}

func TestNewWriter(t *testing.T) {
	for _, f := range report.Formats {
		w, err := report.NewWriter(f, &bytes.Buffer{}, &bytes.Buffer{}, tool, 0)
		assert.NoError(t, err, f)
		assert.NotNil(t, w, f)
	}
	_, err := report.NewWriter("xml", &bytes.Buffer{}, &bytes.Buffer{}, tool, 0)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown format "xml"`)
	assert.Contains(t, report.Formats, "json")
	assert.Contains(t, report.Formats, "jsonl")
	assert.Contains(t, report.Formats, "text")
}

// write runs results through a writer of the given format.
func write(t *testing.T, format string, min checker.Severity, results ...checker.Result) (string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	w, err := report.NewWriter(format, &out, &errOut, tool, min)
	require.NoError(t, err)
	for _, r := range results {
		require.NoError(t, w.Write(r))
	}
	require.NoError(t, w.Close())
	return out.String(), errOut.String()
}

func TestJSONWriter(t *testing.T) {
	tests := []struct {
		name    string
		results []checker.Result
		ids     []string
	}{
		{"no documents", nil, []string{}},
		{"one", []checker.Result{handDoc(t)}, []string{"harbour-vote"}},
		{"with an error", []checker.Result{handDoc(t), {Path: "-", Err: errors.New("boom")}, handDoc(t)}, []string{"harbour-vote", "stdin", "harbour-vote"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut := write(t, "json", 0, tt.results...)
			assert.Empty(t, errOut)
			var rep struct {
				SchemaVersion int               `json:"schema_version"`
				Tool          report.Tool       `json:"tool"`
				Documents     []report.Document `json:"documents"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &rep), out)
			assert.Equal(t, report.SchemaVersion, rep.SchemaVersion)
			assert.Equal(t, 1, rep.SchemaVersion)
			assert.Equal(t, tool.Name, rep.Tool.Name)
			assert.Equal(t, tool.Version, rep.Tool.Version)
			ids := []string{}
			for _, d := range rep.Documents {
				ids = append(ids, d.ID)
			}
			assert.Equal(t, tt.ids, ids)
			assert.NotNil(t, rep.Documents, "documents is [] not null")
			assert.True(t, strings.HasSuffix(out, "}\n"))
		})
	}
}

func TestJSONLWriter(t *testing.T) {
	out, _ := write(t, "jsonl", 0, handDoc(t), checker.Result{Path: "bad.txt", Err: article.ErrEmpty}, handDoc(t))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 3)
	for i, l := range lines {
		var d report.Document
		require.NoError(t, json.Unmarshal([]byte(l), &d), "line %d", i+1)
	}
	assert.Contains(t, lines[1], `"error":"file is empty"`)
	out, _ = write(t, "jsonl", 0)
	assert.Empty(t, out)
}

func TestTextWriter(t *testing.T) {
	res := handDoc(t)
	tests := []struct {
		name string
		min  checker.Severity
		want []string
	}{
		{"all", 0, []string{
			"stories/harbour-vote.txt:3:26: info: loaded [non-neutral-verb]",
			"stories/harbour-vote.txt:5:16: error: no speaker [missing-attribution]",
			"stories/harbour-vote.txt:7:2: warning: unnamed [anonymous-source]",
		}},
		{"warning and above", checker.Warning, []string{
			"stories/harbour-vote.txt:5:16: error: no speaker [missing-attribution]",
			"stories/harbour-vote.txt:7:2: warning: unnamed [anonymous-source]",
		}},
		{"errors only", checker.Error, []string{
			"stories/harbour-vote.txt:5:16: error: no speaker [missing-attribution]",
		}},
	}
	// findings as the checker gives them: by position
	res.Findings = []checker.Finding{res.Findings[2], res.Findings[0], res.Findings[1]}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut := write(t, "text", tt.min, res)
			assert.Empty(t, errOut)
			assert.Equal(t, strings.Join(tt.want, "\n")+"\n", out)
		})
	}
	out, errOut := write(t, "text", 0, checker.Result{Path: "-", Err: article.ErrBinary}, checker.Result{Path: "b.txt", Err: article.ErrEmpty})
	assert.Empty(t, out)
	assert.Equal(t, "<stdin>: error: "+article.ErrBinary.Error()+"\nb.txt: error: file is empty\n", errOut)
}

func TestWriteQuoteTable(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, report.WriteQuoteTable(&b, handDoc(t), 0))
	out := b.String()
	for _, want := range []string{
		"stories/harbour-vote.txt\n",
		"ID", "LINE", "SPEAKER", "TYPE", "CUE", "CONF", "QUOTE",
		"q1", "3:2", "Maria Okafor", "person", "0.95", "\u201cWe will not back down,\u201d",
		"q2", "\u2014", "none",
		"q4", "an official", "anonymous",
		"SOURCES", "not given",
		"NOT QUOTATIONS: \u201cBlue Line\u201d (title)",
	} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "(no quotations)")

	// long quotes are clipped to the width
	b.Reset()
	require.NoError(t, report.WriteQuoteTable(&b, handDoc(t), 10))
	assert.Contains(t, b.String(), "\u201cWe will n\u2026\u201d")

	// no quotations at all
	b.Reset()
	empty := checker.Result{Path: "-", Doc: article.New("-", "Just narration.")}
	require.NoError(t, report.WriteQuoteTable(&b, empty, 0))
	assert.Contains(t, b.String(), "<stdin>")
	assert.Contains(t, b.String(), "(no quotations)")

	assert.ErrorIs(t, report.WriteQuoteTable(&b, checker.Result{Err: article.ErrEmpty}, 0), article.ErrEmpty)
}

func TestRuleDocs(t *testing.T) {
	list := []*checker.Rule{
		{ID: "first-rule", Severity: checker.Error, Title: "First", Rationale: strings.Repeat("word ", 40), Bad: "bad one", Good: "good one", Run: func(*checker.Pass) {}},
		{ID: "second-rule", Severity: checker.Info, Title: "Second", Rationale: "Short.", Bad: "b", Good: "g", Run: func(*checker.Pass) {}},
		{ID: "third-rule", Severity: checker.Info, Title: "Third", Rationale: "Two paragraphs.", Bad: "Para one.\n\n\"Para two.\"", Good: "g", Run: func(*checker.Pass) {}},
	}
	docs := report.RulesJSON(list)
	require.Len(t, docs, 3)
	assert.Equal(t, report.RuleDoc{ID: "second-rule", Severity: "info", Title: "Second", Rationale: "Short.", Bad: "b", Good: "g", Needs: "document"}, docs[1])

	var b bytes.Buffer
	require.NoError(t, report.WriteRulesMarkdown(&b, list))
	md := b.String()
	assert.True(t, strings.HasPrefix(md, "# quotecheck rules\n"))
	assert.Contains(t, md, "| [`first-rule`](#first-rule) | error | First |\n")
	assert.Contains(t, md, "\n## second-rule\n")
	assert.Contains(t, md, "> bad one\n")
	assert.Contains(t, md, "Bad:\n\n> Para one.\n>\n> \"Para two.\"\n\nGood:", "an example of two paragraphs is one quotation")

	b.Reset()
	require.NoError(t, report.WriteRulesText(&b, list))
	text := b.String()
	assert.Contains(t, text, "first-rule (error)\n  First\n")
	assert.Contains(t, text, "  good: g\n")
	assert.Contains(t, text, "  bad:  Para one.\n\n        \"Para two.\"\n  good: g\n", "later paragraphs of an example are indented")
	for _, l := range strings.Split(text, "\n") {
		assert.LessOrEqual(t, len(l), 80, "rationale wrapped: %q", l)
	}
}
