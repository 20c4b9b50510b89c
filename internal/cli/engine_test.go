package cli

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The same folder, with a config file at the top and another in
// stories/, must give the same findings through every command: each file
// gets the configuration found from it, and the configured vocabulary (a
// speech verb, a loaded verb given as the non-neutral-verb rule's option)
// works everywhere.
const (
	topConfig = `rules:
  non-neutral-verb:
    severity: warning
    options:
      verbs: [harrumph]
options:
  speech-verbs: [enthuse]
`
	storiesConfig = `rules:
  anonymous-source: off
  anonymous-no-reason: off
  quote-added: off
  non-neutral-verb:
    severity: warning
    options:
      verbs: [harrumph]
options:
  speech-verbs: [enthuse]
`
	// "enthused" and "harrumphed" are no built-in speech verbs: without
	// the configuration neither quotation has a speaker.
	vocabularyStory = "Harbour talks stall\n\n\"Rates must fall this year,\" a voice on the line enthused.\n\n\"Enough of this,\" the harbour master harrumphed.\n"
	headlineOnly    = "Harbour talks stall\n"
)

// nestedFolder writes the folder and makes it the working folder.
func nestedFolder(t *testing.T) string {
	dir := isolate(t)
	write(t, dir, ".quotecheck.yaml", []byte(topConfig))
	write(t, dir, "stories/.quotecheck.yaml", []byte(storiesConfig))
	write(t, dir, "top.txt", []byte(vocabularyStory))
	write(t, dir, "stories/inner.txt", []byte(vocabularyStory))
	return dir
}

// wantRules are the findings the two files must get, by rule.
var wantRules = map[string][]string{
	"top.txt":           {"anonymous-no-reason", "anonymous-source", "non-neutral-verb"},
	"stories/inner.txt": {"non-neutral-verb"},
}

type docFindings struct {
	Path   string `json:"path"`
	Quotes []struct {
		Cue     string `json:"cue"`
		Speaker *struct {
			Name string `json:"name"`
		} `json:"speaker"`
	} `json:"quotes"`
	Findings []struct {
		Rule     string `json:"rule"`
		Severity string `json:"severity"`
	} `json:"findings"`
}

// rulesOf lists a document's finding rules, sorted, and checks that the
// configured vocabulary reached the extractor and the rule.
func rulesOf(t *testing.T, d docFindings) []string {
	t.Helper()
	var out []string
	for _, f := range d.Findings {
		if f.Rule == "non-neutral-verb" {
			assert.Equal(t, "warning", f.Severity, "%s: the config's severity", d.Path)
		}
		out = append(out, f.Rule)
	}
	sort.Strings(out)
	cues := map[string]string{}
	for _, q := range d.Quotes {
		if q.Speaker != nil {
			cues[q.Cue] = q.Speaker.Name
		}
	}
	assert.Equal(t, "a voice on the line", cues["enthused"], "%s: the configured speech verb attributes", d.Path)
	assert.Equal(t, "the harbour master", cues["harrumphed"], "%s: the configured loaded verb attributes", d.Path)
	return out
}

func TestNestedConfigSameFindingsEveryCommand(t *testing.T) {
	nestedFolder(t)
	paths := []string{"top.txt", filepath.Join("stories", "inner.txt")}

	t.Run("check", func(t *testing.T) {
		r := execCLI(t, "", "check", "--format", "json", "--fail-on", "never", ".")
		require.Equal(t, ExitClean, r.code, r.stderr)
		var rep struct{ Documents []docFindings }
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep))
		require.Len(t, rep.Documents, 2)
		for _, d := range rep.Documents {
			assert.Equal(t, wantRules[filepath.ToSlash(d.Path)], rulesOf(t, d), d.Path)
		}
	})
	t.Run("batch", func(t *testing.T) {
		r := execCLI(t, "", "batch", "--quiet", ".")
		require.Equal(t, ExitClean, r.code, r.stderr)
		n := 0
		sc := bufio.NewScanner(strings.NewReader(r.stdout))
		for sc.Scan() {
			var d docFindings
			require.NoError(t, json.Unmarshal(sc.Bytes(), &d))
			assert.Equal(t, wantRules[filepath.ToSlash(d.Path)], rulesOf(t, d), d.Path)
			n++
		}
		assert.Equal(t, 2, n)
	})
	t.Run("quotes", func(t *testing.T) {
		r := execCLI(t, "", append([]string{"quotes"}, paths...)...)
		require.Equal(t, ExitClean, r.code, r.stderr)
		assert.Equal(t, 2, strings.Count(r.stdout, "a voice on the line  anonymous  q1"), r.stdout)
		assert.Regexp(t, `the harbour master\s+person\s+harrumphed`, r.stdout)
	})
	t.Run("report", func(t *testing.T) {
		for _, p := range paths {
			r := execCLI(t, "", "report", p, "--html", p+".html")
			require.Equal(t, ExitClean, r.code, r.stderr)
			assert.Contains(t, r.stderr, ", "+plural(len(wantRules[filepath.ToSlash(p)]), "finding"), p)
		}
	})
	t.Run("serve", func(t *testing.T) {
		url, stop := startServe(t)
		defer stop()
		for _, p := range paths {
			body, _ := json.Marshal(map[string]string{"text": vocabularyStory, "path": filepath.ToSlash(p)})
			resp, err := http.Post(url+"api/check", "application/json", bytes.NewReader(body))
			require.NoError(t, err)
			var rep struct{ Documents []docFindings }
			require.NoError(t, json.NewDecoder(resp.Body).Decode(&rep))
			resp.Body.Close()
			require.Len(t, rep.Documents, 1)
			assert.Equal(t, wantRules[filepath.ToSlash(p)], rulesOf(t, rep.Documents[0]), p)
		}
	})
	t.Run("diff", func(t *testing.T) {
		// quote-added is off in stories/: only the top story's quotes
		// are reported, each with the speaker the vocabulary gives.
		write(t, ".", "old/top.txt", []byte(headlineOnly))
		for _, p := range paths {
			old := filepath.Join(filepath.Dir(p), "old.txt")
			write(t, ".", old, []byte(headlineOnly))
			r := execCLI(t, "", "diff", "--format", "json", old, p)
			require.Equal(t, ExitClean, r.code, r.stderr)
			var rep struct {
				Changes []struct {
					Rule string
					New  *struct {
						Cue     string
						Speaker *struct{ Name string }
					}
				}
			}
			require.NoError(t, json.Unmarshal([]byte(r.stdout), &rep), r.stdout)
			if p == "top.txt" {
				require.Len(t, rep.Changes, 2)
				assert.Equal(t, "quote-added", rep.Changes[0].Rule)
				assert.Equal(t, "a voice on the line", rep.Changes[0].New.Speaker.Name)
			} else {
				assert.Empty(t, rep.Changes, "quote-added is off under stories/")
			}
		}
	})
	t.Run("hook", func(t *testing.T) {
		if _, err := exec.LookPath("git"); err != nil {
			t.Skip("git is not installed")
		}
		t.Setenv("HOME", t.TempDir())
		t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
		for _, kv := range [][2]string{{"GIT_AUTHOR_NAME", "Test"}, {"GIT_AUTHOR_EMAIL", "t@example.org"}, {"GIT_COMMITTER_NAME", "Test"}, {"GIT_COMMITTER_EMAIL", "t@example.org"}} {
			t.Setenv(kv[0], kv[1])
		}
		git := func(args ...string) {
			out, err := exec.Command("git", args...).CombinedOutput()
			require.NoError(t, err, "git %v: %s", args, out)
		}
		git("init", "-q")
		write(t, ".", "top.txt", []byte(headlineOnly))
		write(t, ".", "stories/inner.txt", []byte(headlineOnly))
		git("add", "top.txt", "stories/inner.txt")
		git("commit", "-q", "-m", "first")
		write(t, ".", "top.txt", []byte(vocabularyStory))
		write(t, ".", "stories/inner.txt", []byte(vocabularyStory))
		git("add", "top.txt", "stories/inner.txt")
		r := execCLI(t, "", "hook", "run", "--fail-on", "never")
		require.Equal(t, ExitClean, r.code, r.stderr)
		line := regexp.MustCompile(`(?m)^(\S+?):\d+:\d+: (\w+): .*\[([a-z-]+)\]$`)
		got := map[string][]string{}
		for _, m := range line.FindAllStringSubmatch(r.stdout, -1) {
			got[filepath.ToSlash(m[1])] = append(got[filepath.ToSlash(m[1])], m[3])
		}
		for p := range got {
			sort.Strings(got[p])
		}
		want := map[string][]string{
			"top.txt":           append(append([]string(nil), wantRules["top.txt"]...), "quote-added", "quote-added"),
			"stories/inner.txt": wantRules["stories/inner.txt"],
		}
		sort.Strings(want["top.txt"])
		assert.Equal(t, want, got, r.stdout)
	})
}

// startServe runs `quotecheck serve` in the working folder.
func startServe(t *testing.T, args ...string) (string, func()) {
	t.Helper()
	started := make(chan string, 1)
	var stop func()
	serveStarted = func(url string, s func()) {
		stop = s
		started <- url
	}
	t.Cleanup(func() { serveStarted = nil })
	var out, errOut syncWriter
	done := make(chan int, 1)
	go func() {
		done <- Run(append([]string{"quotecheck", "serve", "--port", "0"}, args...), strings.NewReader(""), &out, &errOut)
	}()
	select {
	case url := <-started:
		return url, func() {
			stop()
			<-done
		}
	case code := <-done:
		t.Fatalf("serve exited with %d: %s", code, errOut.String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	return "", nil
}

// check reads gzip-compressed input as batch does.
func TestCheckReadsGzip(t *testing.T) {
	dir := isolate(t)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(`{"id":"a1","text":"\"The deal is dead,\" a senior official said."}` + "\n" + `{"id":"a2","text":"\"We will appeal,\" said Tomas Lund, the club's lawyer."}` + "\n"))
	zw.Close()
	write(t, dir, "archive.jsonl.gz", buf.Bytes())
	write(t, dir, "story.txt.gz", gzipped(t, warningStory))
	write(t, dir, "fake.txt.gz", []byte(warningStory))

	r := execCLI(t, "", "check", "--format", "json", "--fail-on", "never", "archive.jsonl.gz", "story.txt.gz")
	require.Equal(t, ExitClean, r.code, r.stderr)
	rep := decodeReport(t, r.stdout)
	require.Len(t, rep.Documents, 3)
	assert.Equal(t, "a1", *rep.Documents[0].ID)
	assert.Equal(t, "a2", *rep.Documents[1].ID)
	assert.NotEmpty(t, rep.Documents[0].Findings)
	assert.NotEmpty(t, rep.Documents[2].Findings)

	// a folder walk picks the compressed files up too, as batch's does
	r = execCLI(t, "", "check", "--format", "jsonl", "--fail-on", "never", ".")
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stdout, `"not gzip-compressed, though the name ends in .gz"`)
	assert.Equal(t, 4, strings.Count(r.stdout, "\n"), r.stdout)
}

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}
