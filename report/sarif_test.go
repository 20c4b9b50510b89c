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
	"github.com/quotecheck/quotecheck/baseline"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/rules"
)

// astralDoc has a finding after a character outside the Basic
// Multilingual Plane, where Unicode and UTF-16 columns differ.
func astralDoc(t *testing.T, path string) checker.Result {
	t.Helper()
	text := "Harbour vote\n\n\U0001F600 \u201cWe will win,\u201d said Ana Ruiz.\n"
	i := strings.Index(text, "We will win,")
	span := article.Span{Start: i, End: i + len("We will win,")}
	doc := article.New(path, text)
	doc.Quotes = []article.Quote{{ID: "q1", Span: span, Speaker: &article.Speaker{Name: "Ana Ruiz", Type: article.Person}}}
	return checker.Result{Path: path, Doc: doc, Findings: []checker.Finding{
		{Rule: "missing-attribution", Severity: checker.Error, Message: "no speaker", Quote: "q1", Span: span},
		{Rule: "non-neutral-verb", Severity: checker.Info, Message: "loaded", Span: span},
	}}
}

type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				Version        string `json:"version"`
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID               string `json:"id"`
					ShortDescription struct {
						Text string `json:"text"`
					} `json:"shortDescription"`
					Help struct {
						Text     string `json:"text"`
						Markdown string `json:"markdown"`
					} `json:"help"`
					HelpURI              string `json:"helpUri"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		ColumnKind string `json:"columnKind"`
		Results    []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex *int   `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
						EndLine     int `json:"endLine"`
						EndColumn   int `json:"endColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

func writeSARIF(t *testing.T, min checker.Severity, results ...checker.Result) (sarifLog, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	tl := report.Tool{Name: "quotecheck", Version: "9.9.9", Rules: rules.All()}
	w, err := report.NewWriter("sarif", &out, &errOut, tl, min)
	require.NoError(t, err)
	for _, r := range results {
		require.NoError(t, w.Write(r))
	}
	require.NoError(t, w.Close())
	var log sarifLog
	require.NoError(t, json.Unmarshal(out.Bytes(), &log), out.String())
	return log, errOut.String()
}

func TestSARIFWriter(t *testing.T) {
	r := astralDoc(t, "stories/harbour vote.txt")
	log, errOut := writeSARIF(t, 0, r, checker.Result{Path: "stories/missing.txt", Err: errors.New("no such file")})

	assert.Equal(t, "2.1.0", log.Version)
	assert.Contains(t, log.Schema, "sarif-2.1.0")
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	assert.Equal(t, "quotecheck", run.Tool.Driver.Name)
	assert.Equal(t, "9.9.9", run.Tool.Driver.Version)
	assert.NotEmpty(t, run.Tool.Driver.InformationURI)
	assert.Equal(t, "utf16CodeUnits", run.ColumnKind)

	// Every registered rule is described, with help.
	require.Len(t, run.Tool.Driver.Rules, len(rules.All()))
	for i, rule := range rules.All() {
		d := run.Tool.Driver.Rules[i]
		assert.Equal(t, rule.ID, d.ID)
		assert.Equal(t, rule.Title, d.ShortDescription.Text)
		assert.Contains(t, d.Help.Text, rule.Rationale)
		assert.Contains(t, d.Help.Text, rule.Good)
		for _, line := range strings.Split(rule.Good, "\n") {
			if line != "" {
				assert.Contains(t, d.Help.Markdown, "> "+line+"\n", "every line of the example is quoted")
			}
		}
		assert.True(t, strings.HasSuffix(d.HelpURI, "#"+rule.ID), d.HelpURI)
	}
	assert.Equal(t, "error", run.Tool.Driver.Rules[rulesIndex("missing-attribution")].DefaultConfiguration.Level)
	assert.Equal(t, "note", run.Tool.Driver.Rules[rulesIndex("non-neutral-verb")].DefaultConfiguration.Level)

	require.Len(t, run.Results, 2)
	res := run.Results[0]
	assert.Equal(t, "missing-attribution", res.RuleID)
	require.NotNil(t, res.RuleIndex)
	assert.Equal(t, rulesIndex("missing-attribution"), *res.RuleIndex)
	assert.Equal(t, "error", res.Level)
	assert.Equal(t, "no speaker", res.Message.Text)
	loc := res.Locations[0].PhysicalLocation
	assert.Equal(t, "stories/harbour%20vote.txt", loc.ArtifactLocation.URI)
	assert.Equal(t, "%SRCROOT%", loc.ArtifactLocation.URIBaseID)
	// "😀 “" before the quote: 3 characters, 4 UTF-16 code units.
	assert.Equal(t, 3, loc.Region.StartLine)
	assert.Equal(t, 5, loc.Region.StartColumn)
	assert.Equal(t, 3, loc.Region.EndLine)
	assert.Equal(t, 5+len("We will win,"), loc.Region.EndColumn)
	assert.Equal(t, r.Doc.Position(r.Findings[0].Span.Start).Column+1, loc.Region.StartColumn)
	assert.Equal(t, baseline.Fingerprint(r.Path, r.Doc, r.Findings[0]), res.PartialFingerprints[report.FingerprintKey])
	assert.Equal(t, "note", run.Results[1].Level)
	assert.NotEqual(t, res.PartialFingerprints, run.Results[1].PartialFingerprints)

	// The unreadable input is an execution notification, and on stderr.
	require.Len(t, run.Invocations, 1)
	assert.False(t, run.Invocations[0].ExecutionSuccessful)
	require.Len(t, run.Invocations[0].ToolExecutionNotifications, 1)
	assert.Equal(t, "no such file", run.Invocations[0].ToolExecutionNotifications[0].Message.Text)
	assert.Equal(t, "stories/missing.txt: error: no such file\n", errOut)
}

func rulesIndex(id string) int {
	for i, r := range rules.All() {
		if r.ID == id {
			return i
		}
	}
	return -1
}

func TestSARIFWriterEmptyAndFiltered(t *testing.T) {
	log, _ := writeSARIF(t, 0)
	require.Len(t, log.Runs, 1)
	assert.Empty(t, log.Runs[0].Results)
	assert.True(t, log.Runs[0].Invocations[0].ExecutionSuccessful)

	log, _ = writeSARIF(t, checker.Warning, astralDoc(t, "a.txt"))
	assert.Len(t, log.Runs[0].Results, 1, "the info finding is below the minimum")
}

func TestSARIFAbsolutePath(t *testing.T) {
	log, _ := writeSARIF(t, 0, astralDoc(t, "/srv/news/a b.txt"))
	loc := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	assert.Equal(t, "file:///srv/news/a%20b.txt", loc.URI)
	assert.Empty(t, loc.URIBaseID)
}

func TestGitHubWriter(t *testing.T) {
	r := astralDoc(t, "stories/a,b.txt")
	r.Findings[0].Message = "no speaker: 100% sure\nreally"
	out, errOut := write(t, "github", 0, r, checker.Result{Path: "x.txt", Err: errors.New("bad\ninput")})
	assert.Empty(t, errOut)
	assert.Equal(t, strings.Join([]string{
		"::error file=stories/a%2Cb.txt,line=3,col=4,endLine=3,endColumn=16,title=quotecheck missing-attribution::no speaker: 100%25 sure%0Areally",
		"::notice file=stories/a%2Cb.txt,line=3,col=4,endLine=3,endColumn=16,title=quotecheck non-neutral-verb::loaded",
		"::error file=x.txt,title=quotecheck::bad%0Ainput",
		"",
	}, "\n"), out)

	out, _ = write(t, "github", checker.Error, r)
	assert.Equal(t, 1, strings.Count(out, "\n"))
}
