package input_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/internal/cli"
)

type runResult struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, stdin string, args ...string) runResult {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Run(append([]string{"quotecheck"}, args...), strings.NewReader(stdin), &out, &errOut)
	return runResult{code, out.String(), errOut.String()}
}

// jsonlDocs decodes --format jsonl output.
func jsonlDocs(t *testing.T, out string) []map[string]any {
	t.Helper()
	var docs []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var d map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &d), sc.Text())
		docs = append(docs, d)
	}
	return docs
}

func TestCLIBrokenJSONLine(t *testing.T) {
	archive := filepath.Join(inputs, "archive.jsonl")
	data, err := os.ReadFile(archive)
	require.NoError(t, err)
	// The broken line ends in the middle of a string: the error is just
	// past its last character.
	broken := strings.Split(string(data), "\n")[1]
	wantErr := fmt.Sprintf("line 2, column %d: invalid JSON: unexpected end of record", utf8.RuneCountInString(broken)+1)
	story := filepath.Join(inputs, "harbour-ferry.md")
	tests := []struct {
		name     string
		args     []string
		wantDocs []string // ids, in order, of the documents printed
	}{
		{"jsonl output", []string{"check", "--format", "jsonl", archive, story}, []string{"harbour-ferry", "archive#2", "library-hours", "harbour-ferry"}},
		{"one worker", []string{"check", "-j", "1", "--format", "jsonl", archive, story}, []string{"harbour-ferry", "archive#2", "library-hours", "harbour-ferry"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, "", tt.args...)
			assert.Equal(t, cli.ExitError, r.code, r.stderr)
			docs := jsonlDocs(t, r.stdout)
			var ids []string
			for _, d := range docs {
				ids = append(ids, d["id"].(string))
			}
			assert.Equal(t, tt.wantDocs, ids)
			require.Len(t, docs, 4)
			assert.Equal(t, wantErr, docs[1]["error"])
			assert.Equal(t, "3", docs[0]["version"])
			assert.Equal(t, "2", docs[2]["version"])
			// Quotes of the records carry lines of the archive.
			q := docs[2]["quotes"].([]any)[0].(map[string]any)["span"].(map[string]any)
			assert.EqualValues(t, 3, q["line"])
		})
	}

	r := run(t, "", "quotes", archive)
	assert.Equal(t, cli.ExitError, r.code)
	assert.Contains(t, r.stderr, archive+": error: "+wantErr)
	assert.Contains(t, r.stdout, "Tomasz Wierzbicki", "the record after the broken line is still checked")
	assert.Contains(t, r.stdout, "Ingrid Tollefsen")

	r = run(t, "", "check", archive)
	assert.Equal(t, cli.ExitError, r.code)
	assert.Contains(t, r.stderr, archive+": error: "+wantErr)
}

func TestCLIInputFormat(t *testing.T) {
	md := "---\nid: from-stdin\n---\n\n# Head\n\n> \"We will see,\" said Ada Brink.\n"
	tests := []struct {
		name    string
		args    []string
		stdin   string
		code    int
		contain []string
	}{
		{"markdown from stdin", []string{"quotes", "--input-format", "markdown", "-"}, md, 0, []string{"7:4", "Ada Brink"}},
		{"html sniffed on stdin", []string{"quotes", "-"}, "<!doctype html><p>\n\"We will see,\" said Ada Brink.</p>", 0, []string{"2:2", "Ada Brink"}},
		{"json field names", []string{"check", "--format", "jsonl", "--field", "text=story", "--field", "id=guid", "-"},
			"{\"guid\":\"g-1\",\"story\":\"\\\"We will see,\\\" said Ada Brink.\"}\n{\"guid\":\"g-2\",\"story\":\"Nothing quoted.\"}\n", 0,
			[]string{`"id":"g-1"`, `"id":"g-2"`, `"line":1,"column":26`}}, // {"guid":"g-1","story":"\"We
		{"unknown format", []string{"check", "--input-format", "xml", "-"}, "x", 2, []string{"unknown input format"}},
		{"unknown field name", []string{"check", "--field", "headline=x", "-"}, "x", 2, []string{`unknown name "headline"`}},
		{"folder picks up every format", []string{"quotes", inputs}, "", 2, []string{
			"harbour-ferry.md", "harbour-ferry.html", "harbour-ferry.txt", "library-hours.txt", "archive.jsonl: error: line 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.code, r.code, r.stderr)
			for _, c := range tt.contain {
				assert.Contains(t, r.stdout+r.stderr, c)
			}
		})
	}
}

func TestCLIUnreadableFilesDoNotStopOthers(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		return p
	}
	write("a-latin1.html", "<p>Fine.</p>\n<p>Caf\xe9 \"owner,\" said X.</p>")
	write("b-scripted.html", "<html><body><div id=app></div><script>render()</script></body></html>")
	write("c-tag-soup.html", "<p>Unclosed <b>tags <i>and <p>\"Still read,\" said Lena Moss.</div></span>")
	write("d-broken.json", "[{\"text\": \"One.\"},\n {\"text\": \"Two\" \"x\"}]")
	write("e-good.md", "# Head\n\n\"All fine,\" said Ada Brink.\n")
	r := run(t, "", "quotes", dir)
	assert.Equal(t, cli.ExitError, r.code)
	assert.Contains(t, r.stderr, "a-latin1.html: error: invalid UTF-8 at byte 19 (line 2, column 7)")
	assert.Contains(t, r.stderr, "b-scripted.html: error: no article text found in the HTML")
	assert.Contains(t, r.stderr, "d-broken.json: error: line 2, column 17: invalid JSON")
	assert.NotContains(t, r.stderr, "c-tag-soup.html")
	assert.Contains(t, r.stdout, "Lena Moss", "lenient HTML parsing reads tag soup")
	assert.Contains(t, r.stdout, "Ada Brink", "the files after the errors are still checked")
	assert.Contains(t, r.stdout, "3:2", "the Markdown quote is placed in the file")
}
