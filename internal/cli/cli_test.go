package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/config"
	"github.com/quotecheck/quotecheck/rules"
)

// Small fictional articles, one per kind of outcome.
const (
	// no findings at all
	cleanStory = "\"We will appeal,\" said Tomas Lund, the club's lawyer.\n"
	// an error: a quotation nobody said
	errorStory = "Harbour plan approved\n\nThe scheme was hailed as \"the boldest plan in a generation\".\n"
	// warnings only: an anonymous source with no reason given
	warningStory = "\"The deal is dead,\" a senior official said.\n"
	// info only: a loaded verb
	infoStory = "\"We followed every rule,\" said Dana Reyes, the director.\n\n\"We did nothing wrong,\" Reyes claimed.\n"
	// an opening mark never closed (error)
	unbalancedStory = "\"We will appeal, Lund said after the hearing.\n\nThe court rose at noon.\n"
)

// cliResult is what one in-process run of the program gave.
type cliResult struct {
	code           int
	stdout, stderr string
}

// execCLI runs the program in-process with stdin as standard input.
func execCLI(t *testing.T, stdin string, args ...string) cliResult {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(append([]string{"quotecheck"}, args...), strings.NewReader(stdin), &out, &errOut)
	return cliResult{code, out.String(), errOut.String()}
}

// isolate runs the test from an empty temporary folder with no config file
// in effect, and returns that folder.
func isolate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv(config.EnvVar, "")
	return dir
}

// write creates name in dir with content and returns its path.
func write(t *testing.T, dir, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, content, 0o644))
	return p
}

// jsonReport is the contract of the report-format spec, decoded loosely
// enough to see null speakers.
type jsonReport struct {
	SchemaVersion *int `json:"schema_version"`
	Tool          *struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"tool"`
	Documents []jsonDoc `json:"documents"`
}

type jsonSpan struct {
	Start, End, Line, Column *int
}

type jsonDoc struct {
	Path    *string `json:"path"`
	ID      *string `json:"id"`
	Version *string `json:"version"`
	Quotes  []struct {
		ID      string          `json:"id"`
		Text    string          `json:"text"`
		Span    jsonSpan        `json:"span"`
		Speaker json.RawMessage `json:"speaker"`
		Cue     *string         `json:"cue"`
		Conf    *float64        `json:"confidence"`
	} `json:"quotes"`
	Sources []struct {
		Name   string   `json:"name"`
		Type   string   `json:"type"`
		Quotes []string `json:"quotes"`
	} `json:"sources"`
	Findings []struct {
		Rule     string   `json:"rule"`
		Severity string   `json:"severity"`
		Message  string   `json:"message"`
		Quote    string   `json:"quote"`
		Span     jsonSpan `json:"span"`
	} `json:"findings"`
	Error string `json:"error"`
}

func decodeReport(t *testing.T, out string) jsonReport {
	t.Helper()
	var rep jsonReport
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	require.NoError(t, json.Unmarshal([]byte(out), &rep), "output is not JSON:\n%s", out)
	return rep
}

func TestCheckExitCodes(t *testing.T) {
	tests := []struct {
		name    string
		story   string
		args    []string
		code    int
		stdout  string // substring, "" for empty output
		noOther bool   // stdout must be empty
	}{
		{"clean", cleanStory, nil, ExitClean, "", true},
		{"error finding, default fail-on", errorStory, nil, ExitFindings, "error: quotation has no speaker", false},
		{"error finding, fail-on never", errorStory, []string{"--fail-on", "never"}, ExitClean, "[missing-attribution]", false},
		{"error finding, fail-on warning", errorStory, []string{"--fail-on", "warning"}, ExitFindings, "[missing-attribution]", false},
		{"warning finding, default fail-on", warningStory, nil, ExitClean, "warning:", false},
		{"warning finding, fail-on warning", warningStory, []string{"--fail-on", "warning"}, ExitFindings, "[anonymous-source]", false},
		{"warning finding, fail-on info", warningStory, []string{"--fail-on", "info"}, ExitFindings, "[anonymous-source]", false},
		{"warning finding, fail-on never", warningStory, []string{"--fail-on", "never"}, ExitClean, "[anonymous-source]", false},
		{"info finding, default fail-on", infoStory, nil, ExitClean, "info: loaded attribution verb", false},
		{"info finding, fail-on warning", infoStory, []string{"--fail-on", "warning"}, ExitClean, "[non-neutral-verb]", false},
		{"info finding, fail-on info", infoStory, []string{"--fail-on", "info"}, ExitFindings, "[non-neutral-verb]", false},
		{"severity raised by flag", infoStory, []string{"--severity", "non-neutral-verb=error"}, ExitFindings, "error: loaded attribution verb", false},
		{"rule disabled by flag", errorStory, []string{"--disable", "missing-attribution"}, ExitClean, "", true},
		{"unbalanced marks", unbalancedStory, nil, ExitFindings, "[unbalanced-quotes]", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := isolate(t)
			p := write(t, dir, "story.txt", []byte(tt.story))
			r := execCLI(t, "", append(append([]string{"check"}, tt.args...), p)...)
			assert.Equal(t, tt.code, r.code, "stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
			assert.Empty(t, r.stderr)
			if tt.noOther {
				assert.Empty(t, r.stdout)
			} else {
				assert.Contains(t, r.stdout, tt.stdout)
			}
		})
	}
}

// TestCheckTextFormat checks the compiler-style lines.
func TestCheckTextFormat(t *testing.T) {
	dir := isolate(t)
	p := write(t, dir, "story.txt", []byte(unbalancedStory))
	r := execCLI(t, "", "check", p)
	require.Equal(t, ExitFindings, r.code)
	line := regexp.MustCompile(`^(.+):(\d+):(\d+): (error|warning|info): (.+) \[([a-z0-9-]+)\]$`)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	require.NotEmpty(t, lines)
	for _, l := range lines {
		m := line.FindStringSubmatch(l)
		require.NotNil(t, m, "line %q is not path:line:col: severity: message [rule]", l)
		assert.Equal(t, p, m[1])
	}
	assert.Contains(t, lines, p+`:1:1: error: opening " is never closed, and the next paragraph does not continue the quotation [unbalanced-quotes]`)
}

func TestCheckBadInput(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
		message string
	}{
		{"binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "binary"},
		{"invalid UTF-8", []byte("Harbour plan\n\n\"Caf\xe9 prices rose,\" said Ines Calloway.\n"), "invalid UTF-8 at byte 18 (line 3, column 5)"},
		{"empty", []byte{}, "empty"},
		{"whitespace only", []byte(" \n\n\t \r\n"), "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := isolate(t)
			good1 := write(t, dir, "a-good.txt", []byte(errorStory))
			bad := write(t, dir, "b-bad.txt", tt.content)
			good2 := write(t, dir, "c-good.txt", []byte(warningStory))

			// text: every good file reported, the bad one named on stderr, exit 2
			r := execCLI(t, "", "check", good1, bad, good2)
			assert.Equal(t, ExitError, r.code)
			assert.Contains(t, r.stdout, good1+":3:27: error: quotation has no speaker")
			assert.Contains(t, r.stdout, good2+":1:2: warning:")
			assert.Contains(t, r.stderr, bad+": error: ")
			assert.Contains(t, r.stderr, tt.message)
			assert.NotContains(t, r.stdout, bad)

			// json: a document per file, in order, the bad one with its error
			r = execCLI(t, "", "check", "--format", "json", good1, bad, good2)
			assert.Equal(t, ExitError, r.code)
			rep := decodeReport(t, r.stdout)
			require.Len(t, rep.Documents, 3)
			assert.Equal(t, good1, *rep.Documents[0].Path)
			assert.Equal(t, bad, *rep.Documents[1].Path)
			assert.Equal(t, good2, *rep.Documents[2].Path)
			assert.NotEmpty(t, rep.Documents[0].Quotes)
			assert.NotEmpty(t, rep.Documents[2].Findings)
			assert.Contains(t, rep.Documents[1].Error, tt.message)
			assert.NotNil(t, rep.Documents[1].Quotes, "quotes is [] not null")
			assert.Empty(t, rep.Documents[1].Quotes)
			assert.Empty(t, rep.Documents[0].Error)
		})
	}
}

func TestCheckMissingFileAndFolder(t *testing.T) {
	dir := isolate(t)
	write(t, dir, "stories/one.txt", []byte(warningStory))
	write(t, dir, "stories/sub/two.txt", []byte(errorStory))
	write(t, dir, "stories/.hidden/three.txt", []byte(errorStory))
	missing := filepath.Join(dir, "missing.txt")
	r := execCLI(t, "", "check", "--format", "jsonl", filepath.Join(dir, "stories"), missing)
	assert.Equal(t, ExitError, r.code)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	require.Len(t, lines, 3)
	var paths []string
	for _, l := range lines {
		var d jsonDoc
		require.NoError(t, json.Unmarshal([]byte(l), &d))
		paths = append(paths, *d.Path)
	}
	assert.Equal(t, []string{filepath.Join(dir, "stories", "one.txt"), filepath.Join(dir, "stories", "sub", "two.txt"), missing}, paths)
	assert.Contains(t, lines[2], "no such file")
}

// TestCheckJSONContract checks --format json against the fields of the
// report-format spec, and that spans, lines and columns point at the
// quoted words in the file.
func TestCheckJSONContract(t *testing.T) {
	dir := isolate(t)
	story := "Harbour plan approved\n\n" +
		"\u201cWe will not back down,\u201d said Maria Okafor, the council leader.\n\n" +
		"The scheme was hailed as \u201cthe boldest plan in a generation\u201d.\n\n" +
		"\u201cThe deal is dead,\u201d a senior official said.\n"
	p := write(t, dir, "harbour-plan.txt", []byte(story))
	r := execCLI(t, "", "check", "--format", "json", "--fail-on", "never", p)
	require.Equal(t, ExitClean, r.code, r.stderr)

	// the raw object has exactly the contract's top-level keys, with
	// schema_version a number
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &raw))
	assert.JSONEq(t, "1", string(raw["schema_version"]))
	for _, k := range []string{"schema_version", "tool", "documents"} {
		assert.Contains(t, raw, k)
	}

	rep := decodeReport(t, r.stdout)
	require.NotNil(t, rep.SchemaVersion)
	assert.Equal(t, 1, *rep.SchemaVersion)
	require.NotNil(t, rep.Tool)
	assert.Equal(t, "quotecheck", rep.Tool.Name)
	assert.Equal(t, Version, rep.Tool.Version)
	require.Len(t, rep.Documents, 1)
	doc := rep.Documents[0]
	require.NotNil(t, doc.Path)
	assert.Equal(t, p, *doc.Path)
	require.NotNil(t, doc.ID)
	assert.Equal(t, "harbour-plan", *doc.ID)
	require.NotNil(t, doc.Version)

	require.Len(t, doc.Quotes, 3)
	lines := strings.Split(story, "\n")
	for i, q := range doc.Quotes {
		assert.Equal(t, fmt.Sprintf("q%d", i+1), q.ID)
		require.NotNil(t, q.Span.Start, "span.start")
		require.NotNil(t, q.Span.End, "span.end")
		require.NotNil(t, q.Span.Line, "span.line")
		require.NotNil(t, q.Span.Column, "span.column")
		require.NotNil(t, q.Cue, "cue")
		require.NotNil(t, q.Conf, "confidence")
		assert.True(t, *q.Conf >= 0 && *q.Conf <= 1)
		// the span covers the quoted words, not the marks
		assert.Equal(t, q.Text, story[*q.Span.Start:*q.Span.End])
		// line and column (in characters) locate the start of the span
		line := lines[*q.Span.Line-1]
		prefix := story[strings.Index(story, line):*q.Span.Start]
		assert.Equal(t, utf8.RuneCountInString(prefix)+1, *q.Span.Column, "column of %q", q.Text)
	}
	assert.Equal(t, "We will not back down,", doc.Quotes[0].Text)
	assert.Equal(t, 3, *doc.Quotes[0].Span.Line)
	assert.Equal(t, 2, *doc.Quotes[0].Span.Column)

	var sp struct {
		Name    string    `json:"name"`
		Mention string    `json:"mention"`
		Type    string    `json:"type"`
		Span    *jsonSpan `json:"span"`
	}
	require.NoError(t, json.Unmarshal(doc.Quotes[0].Speaker, &sp))
	assert.Equal(t, "Maria Okafor", sp.Name)
	assert.Equal(t, "Maria Okafor", sp.Mention)
	assert.Equal(t, "person", sp.Type)
	require.NotNil(t, sp.Span)
	assert.Equal(t, 3, *sp.Span.Line)
	assert.Equal(t, "said", *doc.Quotes[0].Cue)

	// no speaker: null, not an empty object
	assert.Equal(t, "the boldest plan in a generation", doc.Quotes[1].Text)
	assert.Equal(t, "null", string(doc.Quotes[1].Speaker))

	require.NoError(t, json.Unmarshal(doc.Quotes[2].Speaker, &sp))
	assert.Equal(t, "anonymous", sp.Type)
	assert.Equal(t, "a senior official", sp.Name)

	require.Len(t, doc.Sources, 2)
	assert.Equal(t, "Maria Okafor", doc.Sources[0].Name)
	assert.Equal(t, "person", doc.Sources[0].Type)
	assert.Equal(t, []string{"q1"}, doc.Sources[0].Quotes)
	assert.Equal(t, "anonymous", doc.Sources[1].Type)
	assert.Equal(t, []string{"q3"}, doc.Sources[1].Quotes)

	rulesSeen := map[string]bool{}
	for _, f := range doc.Findings {
		rulesSeen[f.Rule] = true
		assert.Contains(t, []string{"error", "warning", "info"}, f.Severity)
		assert.NotEmpty(t, f.Message)
		require.NotNil(t, f.Span.Line)
		require.NotNil(t, f.Span.Column)
		require.NotNil(t, f.Span.Start)
	}
	assert.True(t, rulesSeen["missing-attribution"])
	assert.True(t, rulesSeen["anonymous-source"])
}

func TestCheckJSONLines(t *testing.T) {
	dir := isolate(t)
	a := write(t, dir, "a.txt", []byte(cleanStory))
	b := write(t, dir, "b.txt", []byte(errorStory))
	bad := write(t, dir, "c.txt", []byte("\x00\x01"))
	r := execCLI(t, "", "check", "--format", "jsonl", a, b, bad)
	assert.Equal(t, ExitError, r.code)
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	var docs []jsonDoc
	for sc.Scan() {
		var d jsonDoc
		require.NoError(t, json.Unmarshal(sc.Bytes(), &d), "line %q", sc.Text())
		docs = append(docs, d)
	}
	require.Len(t, docs, 3, "one line per document:\n%s", r.stdout)
	assert.Equal(t, a, *docs[0].Path)
	assert.Len(t, docs[0].Quotes, 1)
	assert.Empty(t, docs[0].Findings)
	assert.Equal(t, "b", *docs[1].ID)
	assert.NotEmpty(t, docs[1].Findings)
	assert.Contains(t, docs[2].Error, "binary")
}

// TestFlagsAfterPaths checks that flags written after the paths are read as
// flags, in every spelling.
func TestFlagsAfterPaths(t *testing.T) {
	dir := isolate(t)
	p := write(t, dir, "a.txt", []byte(warningStory))
	want := execCLI(t, "", "check", "--format", "json", "--fail-on", "warning", p)
	require.Equal(t, ExitFindings, want.code)
	decodeReport(t, want.stdout)
	for _, args := range [][]string{
		{"check", p, "--format", "json", "--fail-on", "warning"},
		{"check", p, "--format=json", "--fail-on=warning"},
		{"check", "-f", "json", p, "--fail-on", "warning"},
		{"check", "--fail-on", "warning", p, "-f", "json"},
	} {
		t.Run(strings.Join(args[1:], " "), func(t *testing.T) {
			got := execCLI(t, "", args...)
			assert.Equal(t, want, got)
		})
	}
	// a file really named like a flag value is still a path after "--"
	got := execCLI(t, "", "check", "--format", "json", "--", p)
	assert.Equal(t, ExitClean, got.code)
	assert.Equal(t, want.stdout, got.stdout)
}

func TestCheckStdin(t *testing.T) {
	isolate(t)
	r := execCLI(t, errorStory, "check", "-")
	assert.Equal(t, ExitFindings, r.code)
	assert.Contains(t, r.stdout, "<stdin>:3:27: error: quotation has no speaker")

	r = execCLI(t, warningStory, "check", "-", "--format", "json")
	assert.Equal(t, ExitClean, r.code)
	rep := decodeReport(t, r.stdout)
	require.Len(t, rep.Documents, 1)
	assert.Equal(t, "-", *rep.Documents[0].Path)
	assert.Equal(t, "stdin", *rep.Documents[0].ID)
	require.Len(t, rep.Documents[0].Quotes, 1)
	assert.Equal(t, "The deal is dead,", rep.Documents[0].Quotes[0].Text)

	r = execCLI(t, "", "check", "-")
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, "<stdin>: error: file is empty")
}

func TestCheckUsageErrors(t *testing.T) {
	dir := isolate(t)
	p := write(t, dir, "a.txt", []byte(cleanStory))
	tests := []struct {
		name    string
		args    []string
		message string
	}{
		{"unknown format", []string{"check", "--format", "xml", p}, `unknown format "xml"`},
		{"unknown format after path", []string{"check", p, "--format", "yaml"}, `unknown format "yaml"`},
		{"bad fail-on", []string{"check", "--fail-on", "sometimes", p}, "--fail-on"},
		{"no paths", []string{"check"}, "no paths given"},
		{"unknown rule disabled", []string{"check", "--disable", "no-such-rule", p}, "no-such-rule"},
		{"bad severity flag", []string{"check", "--severity", "anonymous-source", p}, "RULE=error|warning|info"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := execCLI(t, "", tt.args...)
			assert.Equal(t, ExitError, r.code)
			assert.Contains(t, r.stderr, tt.message)
			assert.Empty(t, r.stdout)
		})
	}
}

// TestCheckLineEndings checks through the CLI that CRLF files and files
// with a byte order mark give the same lines and columns as plain LF.
func TestCheckLineEndings(t *testing.T) {
	dir := isolate(t)
	story := "Harbour plan approved\n\n" +
		"\u201cWe will not back down,\u201d said Maria Okafor, the council leader.\n\n" +
		"The scheme was hailed as \u201cthe boldest plan in a generation\u201d.\n\n" +
		"\u201cThis one never closes, she said.\n\nNarration.\n"
	lf := write(t, dir, "lf.txt", []byte(story))
	crlf := write(t, dir, "crlf.txt", []byte(strings.ReplaceAll(story, "\n", "\r\n")))
	bom := write(t, dir, "bom.txt", append([]byte("\uFEFF"), story...))
	r := execCLI(t, "", "check", "--format", "json", lf, crlf, bom)
	require.Equal(t, ExitFindings, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	require.Len(t, rep.Documents, 3)

	type pos struct {
		What         string
		Line, Column int
	}
	positions := func(d jsonDoc) []pos {
		var out []pos
		for _, q := range d.Quotes {
			out = append(out, pos{q.Text, *q.Span.Line, *q.Span.Column})
		}
		for _, f := range d.Findings {
			out = append(out, pos{f.Rule, *f.Span.Line, *f.Span.Column})
		}
		return out
	}
	want := positions(rep.Documents[0])
	require.NotEmpty(t, want)
	assert.Contains(t, want, pos{"the boldest plan in a generation", 5, 27})
	assert.Contains(t, want, pos{"unbalanced-quotes", 7, 1})
	assert.Equal(t, want, positions(rep.Documents[1]), "CRLF")
	assert.Equal(t, want, positions(rep.Documents[2]), "BOM")
	// with a BOM the offsets are those of the text after the BOM
	for i, q := range rep.Documents[2].Quotes {
		assert.Equal(t, *rep.Documents[0].Quotes[i].Span.Start, *q.Span.Start)
	}
}

// bigStory writes about size bytes of fictional article text and returns
// the number of quotations in it.
func bigStory(t *testing.T, path string, size int) int {
	t.Helper()
	f, err := os.Create(path)
	require.NoError(t, err)
	w := bufio.NewWriterSize(f, 1<<20)
	n, quotes := 0, 0
	for i := 0; n < size; i++ {
		k, err := fmt.Fprintf(w, "\u201cWe counted %d boats in the harbour this morning,\u201d said Maria Okafor, the harbour master.\n\n"+
			"The council met on Tuesday to discuss the harbour road, which has divided the town since the '90s.\n\n"+
			"Okafor added: \u201cResidents deserve better, and the traders\u2019 concerns are real.\u201d\n\n", i)
		require.NoError(t, err)
		n += k
		quotes += 2
	}
	require.NoError(t, w.Flush())
	require.NoError(t, f.Close())
	return quotes
}

// TestCheckLargeFile checks a 50 MB generated article through the CLI:
// checked in full under the default limit, refused with a clear message
// above --max-size.
func TestCheckLargeFile(t *testing.T) {
	dir := isolate(t)
	if testing.Short() {
		t.Skip("50 MB input skipped in -short mode")
	}
	big := filepath.Join(dir, "big.txt")
	bigStory(t, big, 50<<20)
	small := write(t, dir, "small.txt", []byte(errorStory))

	r := execCLI(t, "", "check", "--max-size", "1048576", small, big)
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stdout, small+":3:27: error:", "the small file is still checked")
	assert.Regexp(t, regexp.QuoteMeta(big)+`: error: file is \d+ bytes, above the 1048576 byte limit`, r.stderr)

	r = execCLI(t, "", "check", "--max-size", "50", small)
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, "above the 50 byte limit")

	r = execCLI(t, "", "check", big)
	assert.Equal(t, ExitClean, r.code, r.stderr)
	assert.Empty(t, r.stdout, "the generated story has nothing to report")
	assert.Empty(t, r.stderr)
}

// TestCheckLargeFileCount checks that every quotation of a large file is
// found, through the quotes count of --format jsonl (a few MB, fast).
func TestCheckLargeFileCount(t *testing.T) {
	dir := isolate(t)
	big := filepath.Join(dir, "big.txt")
	want := bigStory(t, big, 2<<20)
	r := execCLI(t, "", "check", "--format", "jsonl", big)
	require.Equal(t, ExitClean, r.code, r.stderr)
	var d jsonDoc
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &d))
	assert.Len(t, d.Quotes, want)
	assert.Empty(t, d.Findings)
	last := d.Quotes[len(d.Quotes)-1]
	assert.Equal(t, "Residents deserve better, and the traders\u2019 concerns are real.", last.Text)
	assert.Equal(t, 6*(want/2)-1, *last.Span.Line)
}

func TestRulesCommand(t *testing.T) {
	isolate(t)
	r := execCLI(t, "", "rules")
	require.Equal(t, ExitClean, r.code, r.stderr)
	require.NotEmpty(t, rules.All())
	for _, rule := range rules.All() {
		assert.Contains(t, r.stdout, rule.ID+" ("+rule.Severity.String()+")")
	}

	r = execCLI(t, "", "rules", "--format", "json")
	require.Equal(t, ExitClean, r.code)
	var docs []struct{ ID, Severity, Title string }
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &docs))
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
		assert.NotEmpty(t, d.Title)
	}
	var want []string
	for _, rule := range rules.All() {
		want = append(want, rule.ID)
	}
	assert.Equal(t, want, ids)

	r = execCLI(t, "", "rules", "unbalanced-quotes", "--format", "json")
	require.Equal(t, ExitClean, r.code)
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &docs))
	require.Len(t, docs, 1)
	assert.Equal(t, "unbalanced-quotes", docs[0].ID)

	r = execCLI(t, "", "rules", "no-such-rule")
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, `unknown rule "no-such-rule"`)

	r = execCLI(t, "", "rules", "--format", "yaml")
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, `unknown format "yaml"`)
}

// TestRulesMarkdownUpToDate fails when docs/rules.md no longer matches the
// rule definitions. Regenerate it with
//
//	go run ./cmd/quotecheck rules --format markdown > docs/rules.md
func TestRulesMarkdownUpToDate(t *testing.T) {
	committed, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules.md"))
	require.NoError(t, err, "docs/rules.md is missing")
	r := execCLI(t, "", "rules", "--format", "markdown")
	require.Equal(t, ExitClean, r.code, r.stderr)
	if string(committed) != r.stdout {
		t.Errorf("docs/rules.md is stale; regenerate it with:\n\tgo run ./cmd/quotecheck rules --format markdown > docs/rules.md")
	}
	for _, rule := range rules.All() {
		assert.Contains(t, r.stdout, "\n## "+rule.ID+"\n")
	}
}
