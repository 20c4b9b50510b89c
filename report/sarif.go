package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/quotecheck/quotecheck/baseline"
	"github.com/quotecheck/quotecheck/checker"
)

// InformationURI is the project page named in SARIF output.
const InformationURI = "https://github.com/quotecheck/quotecheck"

// RuleHelpURI is where a rule's documentation is published.
func RuleHelpURI(id string) string {
	return InformationURI + "/blob/main/docs/rules.md#" + id
}

// FingerprintKey names quotecheck's entry in SARIF partialFingerprints;
// the value is the baseline fingerprint, stable across line moves.
const FingerprintKey = "quotecheck/v1"

// SARIF 2.1.0 objects, only the parts quotecheck writes.
type (
	sarifMessage struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifRule struct {
		ID                   string       `json:"id"`
		Name                 string       `json:"name"`
		ShortDescription     sarifMessage `json:"shortDescription"`
		FullDescription      sarifMessage `json:"fullDescription"`
		Help                 sarifMessage `json:"help"`
		HelpURI              string       `json:"helpUri"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version"`
		SemanticVer    string      `json:"semanticVersion,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           *int              `json:"ruleIndex,omitempty"`
		Level               string            `json:"level"`
		Message             sarifMessage      `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifMessage    `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
	}
)

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s checker.Severity) string {
	switch s {
	case checker.Error:
		return "error"
	case checker.Warning:
		return "warning"
	}
	return "note"
}

// sarifWriter streams one SARIF log with one run: the tool and its rules,
// each result as its document comes, then the invocation with any input
// errors.
type sarifWriter struct {
	out      *bufio.Writer
	errOut   io.Writer
	tool     Tool
	min      checker.Severity
	index    map[string]int
	n        int
	started  bool
	failures []sarifNotification
}

func newSARIFWriter(out, errOut io.Writer, tool Tool, min checker.Severity) *sarifWriter {
	w := &sarifWriter{out: bufio.NewWriter(out), errOut: errOut, tool: tool, min: min, index: map[string]int{}}
	for i, r := range tool.Rules {
		w.index[r.ID] = i
	}
	return w
}

func (w *sarifWriter) start() error {
	if w.started {
		return nil
	}
	w.started = true
	driver := sarifDriver{Name: w.tool.Name, Version: w.tool.Version, SemanticVer: w.tool.Version, InformationURI: InformationURI, Rules: []sarifRule{}}
	for _, r := range w.tool.Rules {
		driver.Rules = append(driver.Rules, sarifRuleOf(r))
	}
	b, err := json.MarshalIndent(struct {
		Driver sarifDriver `json:"driver"`
	}{driver}, "      ", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintf(w.out, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": %s,\n      \"columnKind\": \"utf16CodeUnits\",\n      \"results\": [", b)
	return nil
}

func sarifRuleOf(r *checker.Rule) sarifRule {
	sr := sarifRule{ID: r.ID, Name: ruleName(r.ID), HelpURI: RuleHelpURI(r.ID)}
	sr.ShortDescription.Text = r.Title
	sr.FullDescription.Text = r.Rationale
	sr.Help.Text = fmt.Sprintf("%s\n\nBad: %s\nGood: %s", r.Rationale, r.Bad, r.Good)
	sr.Help.Markdown = fmt.Sprintf("%s\n\nBad:\n\n%s\n\nGood:\n\n%s\n\n[Documentation](%s)", r.Rationale, blockquote(r.Bad), blockquote(r.Good), RuleHelpURI(r.ID))
	sr.DefaultConfiguration.Level = sarifLevel(r.Severity)
	return sr
}

// ruleName turns a kebab-case id into the PascalCase name SARIF viewers
// show ("anonymous-source" → "AnonymousSource").
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// sarifURI turns a path into an artifact location: relative paths stay
// relative to the source root (%SRCROOT%), absolute ones become file URIs.
func sarifURI(path string) sarifArtifact {
	if path == "" || path == "-" {
		return sarifArtifact{URI: "stdin"}
	}
	slash := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(slash, "/") {
			slash = "/" + slash
		}
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: slash}).String()}
	}
	slash = strings.TrimPrefix(slash, "./")
	return sarifArtifact{URI: (&url.URL{Path: slash}).EscapedPath(), URIBaseID: "%SRCROOT%"}
}

func (w *sarifWriter) Write(r checker.Result) error {
	if err := w.start(); err != nil {
		return err
	}
	if r.Err != nil {
		w.failures = append(w.failures, sarifNotification{
			Level:     "error",
			Message:   sarifMessage{Text: r.Err.Error()},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifURI(r.Path)}}},
		})
		if w.errOut != nil {
			fmt.Fprintf(w.errOut, "%s: error: %v\n", displayPath(r.Path), r.Err)
		}
		return nil
	}
	for _, f := range r.Findings {
		if f.Severity < w.min {
			continue
		}
		start, end := r.Doc.Position(f.Span.Start), r.Doc.Position(f.Span.End)
		if end.Offset < start.Offset {
			end = start
		}
		res := sarifResult{
			RuleID:  f.Rule,
			Level:   sarifLevel(f.Severity),
			Message: sarifMessage{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifURI(r.Path),
				Region:           &sarifRegion{StartLine: start.Line, StartColumn: start.Column16, EndLine: end.Line, EndColumn: end.Column16},
			}}},
			PartialFingerprints: map[string]string{FingerprintKey: baseline.Fingerprint(r.Path, r.Doc, f)},
		}
		if i, ok := w.index[f.Rule]; ok {
			res.RuleIndex = &i
		}
		b, err := json.MarshalIndent(res, "        ", "  ")
		if err != nil {
			return err
		}
		if w.n > 0 {
			w.out.WriteString(",")
		}
		w.n++
		w.out.WriteString("\n        ")
		if _, err := w.out.Write(b); err != nil {
			return err
		}
	}
	return nil
}

func (w *sarifWriter) Close() error {
	if err := w.start(); err != nil {
		return err
	}
	if w.n > 0 {
		w.out.WriteString("\n      ")
	}
	inv := sarifInvocation{ExecutionSuccessful: len(w.failures) == 0, ToolExecutionNotifications: w.failures}
	if inv.ToolExecutionNotifications == nil {
		inv.ToolExecutionNotifications = []sarifNotification{}
	}
	b, err := json.MarshalIndent([]sarifInvocation{inv}, "      ", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintf(w.out, "],\n      \"invocations\": %s\n    }\n  ]\n}\n", b)
	return w.out.Flush()
}
