package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/report"
)

// updateDiff rewrites testdata/versions/*/diff.txt:
//
//	go test ./internal/cli/ -run TestDiffGolden -update-diff
var updateDiff = flag.Bool("update-diff", false, "rewrite testdata/versions/*/diff.txt from the current output")

const versionsDir = "testdata/versions"

// diffRun runs quotecheck in-process with empty standard input.
func diffRun(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(append([]string{"quotecheck"}, args...), strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestDiffGolden runs `quotecheck diff` over every version pair (or
// series) in testdata/versions and compares "exit: N" and the text output
// with the case's diff.txt.
func TestDiffGolden(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	t.Setenv("NO_COLOR", "")
	cases, err := filepath.Glob(filepath.Join(versionsDir, "*"))
	require.NoError(t, err)
	require.NotEmpty(t, cases)
	for _, dir := range cases {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join(dir, "v*.txt"))
			require.NoError(t, err)
			require.GreaterOrEqual(t, len(files), 2)
			args := []string{"diff"}
			for _, f := range files {
				args = append(args, filepath.ToSlash(f))
			}
			code, stdout, stderr := diffRun(t, args...)
			assert.Empty(t, stderr)
			got := "exit: " + string(rune('0'+code)) + "\n" + stdout
			path := filepath.Join(dir, "diff.txt")
			if *updateDiff {
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run: go test ./internal/cli/ -run TestDiffGolden -update-diff")
			assert.Equal(t, string(want), got)
		})
	}
}

func TestDiffExitCodes(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	v := func(name, file string) string { return versionsDir + "/" + name + "/" + file }
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string // substrings; nil means no output at all
		stderr   string
		noStdout bool
	}{
		{name: "unchanged article", args: []string{v("unchanged", "v1.txt"), v("unchanged", "v2.txt")}, code: ExitClean, noStdout: true},
		{name: "identical files", args: []string{v("merged", "v1.txt"), v("merged", "v1.txt")}, code: ExitClean, noStdout: true},
		{name: "reordered paragraphs", args: []string{v("reordered", "v1.txt"), v("reordered", "v2.txt")}, code: ExitClean, noStdout: true},
		{name: "reworded quote fails", args: []string{v("reworded", "v1.txt"), v("reworded", "v2.txt")}, code: ExitFindings,
			stdout: []string{"error:", "[quote-changed]", "[- enough-]", "{+far too +}"}},
		{name: "re-attributed quote fails", args: []string{v("reattributed", "v1.txt"), v("reattributed", "v2.txt")}, code: ExitFindings,
			stdout: []string{"was Teodor Lisk, now Ada Marsh", "[speaker-changed]"}},
		{name: "removed quote is a warning", args: []string{v("removed", "v1.txt"), v("removed", "v2.txt")}, code: ExitClean,
			stdout: []string{"removed/v1.txt:9:2: warning:", "[quote-removed]"}},
		{name: "removed quote with --fail-on warning", args: []string{"--fail-on", "warning", v("removed", "v1.txt"), v("removed", "v2.txt")}, code: ExitFindings,
			stdout: []string{"[quote-removed]"}},
		{name: "added quote is info", args: []string{v("added", "v1.txt"), v("added", "v2.txt")}, code: ExitClean,
			stdout: []string{"info: quotation added (Rosa Vint)"}},
		{name: "added quote with --fail-on info", args: []string{v("added", "v1.txt"), v("added", "v2.txt"), "--fail-on", "info"}, code: ExitFindings,
			stdout: []string{"[quote-added]"}},
		{name: "punctuation only is info", args: []string{v("punctuation", "v1.txt"), v("punctuation", "v2.txt")}, code: ExitClean,
			stdout: []string{"info: quotation changed in punctuation, case or typographic marks only"}},
		{name: "--fail-on never", args: []string{"--fail-on", "never", v("reworded", "v1.txt"), v("reworded", "v2.txt")}, code: ExitClean,
			stdout: []string{"[quote-changed]"}},
		{name: "rule disabled", args: []string{"--disable", "quote-changed", v("reworded", "v1.txt"), v("reworded", "v2.txt")}, code: ExitClean, noStdout: true},
		{name: "severity lowered", args: []string{"--severity", "speaker-changed=warning", v("reattributed", "v1.txt"), v("reattributed", "v2.txt")}, code: ExitClean,
			stdout: []string{"warning: quotation re-attributed"}},
		{name: "series", args: []string{v("series", "v1.txt"), v("series", "v2.txt"), v("series", "v3.txt")}, code: ExitFindings,
			stdout: []string{"series/v2.txt:5:2: error:", "series/v2.txt:7:2: warning: quotation in " + v("series", "v2.txt") + " removed from " + v("series", "v3.txt") + " (Teodor Lisk)"}},
		{name: "one file", args: []string{v("reworded", "v1.txt")}, code: ExitError, stderr: "want OLD NEW"},
		{name: "missing file", args: []string{v("reworded", "v1.txt"), v("reworded", "nope.txt")}, code: ExitError, stderr: "nope.txt: error:"},
		{name: "bad format", args: []string{"--format", "xml", v("reworded", "v1.txt"), v("reworded", "v2.txt")}, code: ExitError, stderr: "unknown format"},
		{name: "bad colour", args: []string{"--color", "sometimes", v("reworded", "v1.txt"), v("reworded", "v2.txt")}, code: ExitError, stderr: "--color"},
		{name: "unknown rule", args: []string{"--disable", "no-such-rule", v("reworded", "v1.txt"), v("reworded", "v2.txt")}, code: ExitError, stderr: "no-such-rule"},
		{name: "stdin twice", args: []string{"-", "-"}, code: ExitError, stderr: "only once"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := diffRun(t, append([]string{"diff"}, tt.args...)...)
			assert.Equal(t, tt.code, code, "stdout:\n%s\nstderr:\n%s", stdout, stderr)
			if tt.noStdout {
				assert.Empty(t, stdout)
			}
			for _, s := range tt.stdout {
				assert.Contains(t, stdout, s)
			}
			if tt.stderr != "" {
				assert.Contains(t, stderr, tt.stderr)
			} else {
				assert.Empty(t, stderr)
			}
		})
	}
}

func TestDiffJSON(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	type quote struct {
		ID      string `json:"id"`
		Text    string `json:"text"`
		Speaker *struct {
			Name string `json:"name"`
		} `json:"speaker"`
	}
	type change struct {
		Type     string  `json:"type"`
		Rule     string  `json:"rule"`
		Severity string  `json:"severity"`
		Old      *quote  `json:"old"`
		New      *quote  `json:"new"`
		NewParts []quote `json:"new_parts"`
		Diff     []struct {
			Op   string `json:"op"`
			Text string `json:"text"`
		} `json:"diff"`
	}
	type doc struct {
		Path   string  `json:"path"`
		Quotes []quote `json:"quotes"`
	}
	type diffReport struct {
		SchemaVersion int      `json:"schema_version"`
		Old           doc      `json:"old"`
		New           doc      `json:"new"`
		Changes       []change `json:"changes"`
	}
	decode := func(t *testing.T, s string) diffReport {
		t.Helper()
		var r diffReport
		require.NoError(t, json.Unmarshal([]byte(s), &r), s)
		return r
	}

	t.Run("every change type", func(t *testing.T) {
		for _, tt := range []struct{ name, typ, rule string }{
			{"reworded", "changed", "quote-changed"},
			{"removed", "removed", "quote-removed"},
			{"added", "added", "quote-added"},
			{"reattributed", "speaker-changed", "speaker-changed"},
		} {
			code, stdout, stderr := diffRun(t, "diff", "--format", "json", versionsDir+"/"+tt.name+"/v1.txt", versionsDir+"/"+tt.name+"/v2.txt")
			require.Empty(t, stderr)
			require.Contains(t, []int{ExitClean, ExitFindings}, code)
			r := decode(t, stdout)
			assert.Equal(t, 1, r.SchemaVersion)
			require.NotEmpty(t, r.Changes, tt.name)
			c := r.Changes[0]
			assert.Equal(t, tt.typ, c.Type)
			assert.Equal(t, tt.rule, c.Rule)
			assert.Equal(t, tt.typ == "added", c.Old == nil, "old is null only for an added quote")
			assert.Equal(t, tt.typ == "removed", c.New == nil, "new is null only for a removed quote")
			if tt.typ == "changed" {
				require.NotEmpty(t, c.Diff)
				var o, n string
				for _, d := range c.Diff {
					require.Contains(t, []string{"equal", "delete", "insert"}, d.Op)
					if d.Op != "insert" {
						o += d.Text
					}
					if d.Op != "delete" {
						n += d.Text
					}
				}
				assert.Equal(t, c.Old.Text, o)
				assert.Equal(t, c.New.Text, n)
			} else {
				assert.Empty(t, c.Diff)
			}
		}
	})

	t.Run("raw null for missing sides", func(t *testing.T) {
		_, stdout, _ := diffRun(t, "diff", "--format", "json", versionsDir+"/added/v1.txt", versionsDir+"/added/v2.txt")
		assert.Contains(t, stdout, `"old": null`)
	})

	t.Run("split quote lists its parts", func(t *testing.T) {
		_, stdout, _ := diffRun(t, "diff", "--format", "json", versionsDir+"/split/v1.txt", versionsDir+"/split/v2.txt")
		r := decode(t, stdout)
		require.Len(t, r.Changes, 1)
		assert.Equal(t, "info", r.Changes[0].Severity)
		assert.Len(t, r.Changes[0].NewParts, 2)
	})

	t.Run("unchanged article still gives a report", func(t *testing.T) {
		code, stdout, _ := diffRun(t, "diff", "--format", "json", versionsDir+"/unchanged/v1.txt", versionsDir+"/unchanged/v2.txt")
		assert.Equal(t, ExitClean, code)
		r := decode(t, stdout)
		assert.Empty(t, r.Changes)
		assert.NotEmpty(t, r.Old.Quotes)
		assert.Contains(t, stdout, `"changes": []`)
	})

	t.Run("jsonl series gives one line per pair", func(t *testing.T) {
		code, stdout, _ := diffRun(t, "diff", "--format", "jsonl", versionsDir+"/series/v1.txt", versionsDir+"/series/v2.txt", versionsDir+"/series/v3.txt")
		assert.Equal(t, ExitFindings, code)
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		require.Len(t, lines, 2)
		assert.Equal(t, "changed", decode(t, lines[0]).Changes[0].Type)
		assert.Equal(t, "removed", decode(t, lines[1]).Changes[0].Type)
	})
}

func TestDiffColor(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	args := []string{"diff", versionsDir + "/reworded/v1.txt", versionsDir + "/reworded/v2.txt"}

	_, stdout, _ := diffRun(t, append(args, "--color", "always")...)
	assert.Contains(t, stdout, "\x1b[1;31m enough\x1b[0m")
	assert.NotContains(t, stdout, "[-")

	_, stdout, _ = diffRun(t, append(args, "--color", "never")...)
	assert.NotContains(t, stdout, "\x1b[")
	assert.Contains(t, stdout, "[- enough-]")

	// auto: never for a pipe or buffer, never with NO_COLOR.
	_, stdout, _ = diffRun(t, args...)
	assert.NotContains(t, stdout, "\x1b[")
	t.Setenv("NO_COLOR", "1")
	style, err := diffStyle("auto", os.Stdout)
	require.NoError(t, err)
	assert.Equal(t, report.PlainDiff, style)
}

// TestDiffGit compares files at a revision of a scratch repository with
// the working tree.
func TestDiffGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	repo := t.TempDir()
	gitRun := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "git %v: %s", args, out)
	}
	copyFile := func(from, to string) {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(root, versionsDir, from))
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(repo, to)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(repo, to), data, 0o644))
	}
	gitRun("init", "-q")
	copyFile("reworded/v1.txt", "stories/ferry.txt")
	copyFile("added/v1.txt", "stories/bridge.txt")
	gitRun("add", ".")
	gitRun("commit", "-q", "-m", "first")
	copyFile("reworded/v2.txt", "stories/ferry.txt")
	copyFile("added/v1.txt", "stories/library.txt") // new since the commit

	t.Chdir(repo)
	code, stdout, stderr := diffRun(t, "diff", "--git", "HEAD", "stories/ferry.txt", "stories/bridge.txt")
	assert.Equal(t, ExitFindings, code, stderr)
	assert.Contains(t, stdout, "stories/ferry.txt:5:2: error: words of a quotation changed")
	assert.NotContains(t, stdout, "bridge.txt")

	// A folder is walked; a file the revision lacks has only added quotes.
	code, stdout, stderr = diffRun(t, "diff", "--git", "HEAD", "stories")
	assert.Equal(t, ExitFindings, code, stderr)
	assert.Contains(t, stdout, "stories/library.txt:5:2: info: quotation added")
	assert.Contains(t, stdout, "[quote-changed]")

	// Run from elsewhere: the repository is found from the path.
	t.Chdir(os.TempDir())
	code, stdout, stderr = diffRun(t, "diff", "--format", "json", "--git", "HEAD", filepath.Join(repo, "stories", "ferry.txt"))
	assert.Equal(t, ExitFindings, code, stderr)
	assert.Contains(t, stdout, `"path": "HEAD:`+filepath.Join(repo, "stories", "ferry.txt"))

	code, _, stderr = diffRun(t, "diff", "--git", "no-such-rev", filepath.Join(repo, "stories", "ferry.txt"))
	assert.Equal(t, ExitError, code)
	assert.Contains(t, stderr, "unknown revision")

	code, _, stderr = diffRun(t, "diff", "--git", "--output=x", filepath.Join(repo, "stories", "ferry.txt"))
	assert.Equal(t, ExitError, code)
	assert.NotEmpty(t, stderr)

	code, _, stderr = diffRun(t, "diff", "--git", "HEAD")
	assert.Equal(t, ExitError, code)
	assert.Contains(t, stderr, "no paths")

	// A missing path is an input error; the other paths are still compared.
	code, stdout, stderr = diffRun(t, "diff", "--git", "HEAD", filepath.Join(repo, "stories", "nope.txt"), filepath.Join(repo, "stories", "ferry.txt"))
	assert.Equal(t, ExitError, code)
	assert.Contains(t, stderr, "nope.txt: error:")
	assert.Contains(t, stdout, "[quote-changed]")

	outside := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(outside, "a.txt"), []byte("text\n"), 0o644))
	code, _, stderr = diffRun(t, "diff", "--git", "HEAD", filepath.Join(outside, "a.txt"))
	assert.Equal(t, ExitError, code)
	assert.Contains(t, stderr, "not in a git repository")
}

// TestDiffGitStaged compares a revision with the index (--staged, or its
// alias --cached) rather than the working tree.
func TestDiffGitStaged(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	repo := t.TempDir()
	gitRun := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "git %v: %s", args, out)
	}
	copyFile := func(from, to string) {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(root, versionsDir, from))
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(repo, to)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(repo, to), data, 0o644))
	}
	gitRun("init", "-q")
	copyFile("reworded/v1.txt", "stories/ferry.txt")
	copyFile("added/v1.txt", "stories/bridge.txt")
	gitRun("add", ".")
	gitRun("commit", "-q", "-m", "first")
	// The reworded quote is staged, then undone in the working tree only.
	copyFile("reworded/v2.txt", "stories/ferry.txt")
	copyFile("added/v1.txt", "stories/library.txt")
	gitRun("add", "stories/ferry.txt", "stories/library.txt")
	copyFile("reworded/v1.txt", "stories/ferry.txt")
	copyFile("reworded/v2.txt", "stories/draft.txt") // never staged

	t.Chdir(repo)
	code, stdout, stderr := diffRun(t, "diff", "--git", "HEAD", "stories/ferry.txt")
	assert.Equal(t, ExitClean, code, stderr)
	assert.Empty(t, stdout, "the working tree matches HEAD")

	for _, flag := range []string{"--staged", "--cached"} {
		code, stdout, stderr = diffRun(t, "diff", "--git", "HEAD", flag, "stories/ferry.txt")
		assert.Equal(t, ExitFindings, code, stderr)
		assert.Contains(t, stdout, "stories/ferry.txt:5:2: error: words of a quotation changed", flag)
	}

	// No paths: every staged article file, the new one with added quotes.
	code, stdout, stderr = diffRun(t, "diff", "--git", "HEAD", "--staged")
	assert.Equal(t, ExitFindings, code, stderr)
	assert.Contains(t, stdout, "stories/ferry.txt:5:2: error:")
	assert.Contains(t, stdout, "stories/library.txt:5:2: info: quotation added")
	assert.NotContains(t, stdout, "draft.txt")
	assert.NotContains(t, stdout, "bridge.txt")

	// From a subfolder, paths are shown relative to it.
	t.Chdir(filepath.Join(repo, "stories"))
	code, stdout, stderr = diffRun(t, "diff", "--git", "HEAD", "--staged", "--format", "jsonl")
	assert.Equal(t, ExitFindings, code, stderr)
	assert.Contains(t, stdout, `"path":"ferry.txt"`)
	assert.Contains(t, stdout, `"path":"HEAD:ferry.txt"`)
	t.Chdir(repo)

	// A folder stands for what the index holds under it: a staged file
	// gone from the working tree is still compared, an untracked one is not.
	require.NoError(t, os.Remove(filepath.Join(repo, "stories", "library.txt")))
	code, stdout, stderr = diffRun(t, "diff", "--git", "HEAD", "--staged", "stories")
	assert.Equal(t, ExitFindings, code, stderr)
	assert.Contains(t, stdout, "stories/ferry.txt:5:2: error:")
	assert.Contains(t, stdout, "stories/library.txt:5:2: info: quotation added")
	assert.NotContains(t, stdout, "draft.txt")

	code, _, stderr = diffRun(t, "diff", "--git", "HEAD", "--staged", "stories/draft.txt")
	assert.Equal(t, ExitError, code)
	assert.Contains(t, stderr, "stories/draft.txt: error: not in the index")

	code, _, stderr = diffRun(t, "diff", "--staged", "stories/ferry.txt")
	assert.Equal(t, ExitError, code)
	assert.Contains(t, stderr, "add --git REV")

	code, _, stderr = diffRun(t, "diff", "--git", "no-such-rev", "--staged")
	assert.Equal(t, ExitError, code)
	assert.Contains(t, stderr, "unknown revision")

	code, _, stderr = diffRun(t, "diff", "--git", "HEAD", "--staged", "-")
	assert.Equal(t, ExitError, code)
	assert.Contains(t, stderr, "standard input has no git revision")
}
