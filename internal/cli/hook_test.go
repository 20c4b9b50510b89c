package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/baseline"
	"github.com/quotecheck/quotecheck/config"
	"github.com/quotecheck/quotecheck/hook"
)

// These tests run the real program against throwaway git repositories:
// the hook git runs is a shell script that execs the built binary.

// buildQuotecheck builds the program into a temporary folder.
func buildQuotecheck(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	bin := filepath.Join(t.TempDir(), "quotecheck")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/quotecheck")
	cmd.Dir = filepath.Join("..", "..")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	return bin
}

// sandbox is a throwaway repository with git isolated from the user's
// configuration.
type sandbox struct {
	t   testing.TB
	dir string
	bin string
	env []string
}

func newSandbox(t testing.TB, bin string) *sandbox {
	t.Helper()
	s := &sandbox{t: t, dir: t.TempDir(), bin: bin}
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GIT_") || strings.HasPrefix(kv, config.EnvVar+"=") || strings.HasPrefix(kv, "HOME=") {
			continue
		}
		s.env = append(s.env, kv)
	}
	s.env = append(s.env, "HOME="+t.TempDir(), "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.org",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.org")
	s.git("init", "-q")
	return s
}

// run runs a command in the repository and returns its exit code and
// combined output.
func (s *sandbox) run(name string, args ...string) (int, string) {
	s.t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = s.dir
	cmd.Env = s.env
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), string(out)
	}
	require.NoError(s.t, err)
	return 0, string(out)
}

func (s *sandbox) git(args ...string) string {
	s.t.Helper()
	code, out := s.run("git", args...)
	require.Equal(s.t, 0, code, "git %v: %s", args, out)
	return out
}

func (s *sandbox) qc(args ...string) (int, string) {
	s.t.Helper()
	return s.run(s.bin, args...)
}

func (s *sandbox) write(name, content string) {
	s.t.Helper()
	p := filepath.Join(s.dir, filepath.FromSlash(name))
	require.NoError(s.t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(s.t, os.WriteFile(p, []byte(content), 0o644))
}

// commit stages paths and commits; it returns git's exit code and output,
// which includes the hook's.
func (s *sandbox) commit(msg string, paths ...string) (int, string) {
	s.t.Helper()
	s.git(append([]string{"add", "--"}, paths...)...)
	return s.run("git", "commit", "-q", "-m", msg)
}

func (s *sandbox) commits() int {
	s.t.Helper()
	code, out := s.run("git", "rev-list", "--count", "HEAD")
	if code != 0 {
		return 0
	}
	n := 0
	fmt.Sscanf(out, "%d", &n)
	return n
}

const councilStory = `# Council votes to close library

The city council voted on Tuesday to close the Elm Street library.

"This is a sad day for the neighbourhood," said Mayor Ines Calloway.

%sThe plan was hailed as "the boldest plan in a generation".
`

const archiveStory = `Harbour deal collapses

"The deal is dead," a person familiar with the talks said.

The scheme was hailed as "a triumph for the harbour".

Talks began in March.
`

func TestHookEndToEnd(t *testing.T) {
	s := newSandbox(t, buildQuotecheck(t))

	// An old story with findings, committed before the hook existed.
	s.write("stories/archive/harbour.txt", archiveStory)
	code, out := s.commit("archive", "stories/archive/harbour.txt")
	require.Equal(t, 0, code, out)

	// A build in a temporary folder would vanish and leave the hook
	// broken: it is refused, with a way to install one that stays.
	code, out = s.qc("hook", "install")
	require.Equal(t, ExitError, code, out)
	assert.Contains(t, out, "is a temporary build (go run or go test) that will disappear")
	assert.Contains(t, out, "go build -o ~/bin/quotecheck ./cmd/quotecheck")

	code, out = s.qc("hook", "install", "--command", s.bin)
	require.Equal(t, 0, code, out)
	hookFile := filepath.Join(s.dir, ".git", "hooks", "pre-commit")
	script, err := os.ReadFile(hookFile)
	require.NoError(t, err)
	assert.Contains(t, string(script), hook.Marker)
	assert.Contains(t, string(script), s.bin, "the hook runs this build by its absolute path")

	t.Run("unattributed quote is refused with the finding printed", func(t *testing.T) {
		s.write("stories/council.md", fmt.Sprintf(councilStory, ""))
		before := s.commits()
		code, out := s.commit("council", "stories/council.md")
		assert.NotEqual(t, 0, code, out)
		assert.Contains(t, out, `stories/council.md:7:25: error: quotation has no speaker ("the boldest plan in a generation")`)
		assert.Contains(t, out, "[missing-attribution]")
		assert.Equal(t, before, s.commits())
	})

	t.Run("a suppression without a reason is refused too", func(t *testing.T) {
		s.write("stories/council.md", fmt.Sprintf(councilStory, "<!-- quotecheck-disable-next-line missing-attribution -->\n"))
		code, out := s.commit("council", "stories/council.md")
		assert.NotEqual(t, 0, code, out)
		assert.Contains(t, out, "suppression gives no reason")
		assert.Contains(t, out, "[invalid-suppression]")
		assert.NotContains(t, out, "[missing-attribution]")
	})

	t.Run("the same story with a reasoned suppression commits", func(t *testing.T) {
		s.write("stories/council.md", fmt.Sprintf(councilStory,
			"<!-- quotecheck-disable-next-line missing-attribution: the council's own slogan; approved by J. Doe, standards -->\n"))
		before := s.commits()
		code, out := s.commit("council", "stories/council.md")
		require.Equal(t, 0, code, out)
		assert.Equal(t, before+1, s.commits())
	})

	t.Run("quote changes are judged on what is staged, not the working tree", func(t *testing.T) {
		committed := fmt.Sprintf(councilStory,
			"<!-- quotecheck-disable-next-line missing-attribution: the council's own slogan; approved by J. Doe, standards -->\n")
		narrative := committed + "\nThe branch will close in June.\n"
		reworded := strings.Replace(narrative, "This is a sad day for the neighbourhood", "This is a good day for the budget", 1)
		require.NotEqual(t, narrative, reworded)
		// Put index and working tree back to HEAD whatever happens.
		defer s.run("git", "checkout", "-q", "HEAD", "--", "stories/council.md")

		// An unstaged edit to a quote does not affect the hook: only the
		// narrative line is being committed.
		s.write("stories/council.md", narrative)
		s.git("add", "stories/council.md")
		s.write("stories/council.md", reworded)
		before := s.commits()
		code, out := s.run("git", "commit", "-q", "-m", "council: closing date")
		require.Equal(t, 0, code, out)
		assert.NotContains(t, out, "[quote-changed]")
		assert.Equal(t, before+1, s.commits())

		// Staged, the same edit is refused.
		code, out = s.commit("council: reword", "stories/council.md")
		assert.NotEqual(t, 0, code, out)
		assert.Contains(t, out, "stories/council.md:5:2: error: words of a quotation changed (Ines Calloway) [quote-changed]")
		assert.Equal(t, before+1, s.commits())
	})

	t.Run("the staged version is checked, not the working tree", func(t *testing.T) {
		s.write("stories/staged.txt", fmt.Sprintf(councilStory, ""))
		s.git("add", "stories/staged.txt")
		s.write("stories/staged.txt", "Fixed in the working tree only.\n")
		code, out := s.run("git", "commit", "-q", "-m", "staged")
		assert.NotEqual(t, 0, code, out)
		assert.Contains(t, out, "stories/staged.txt:7:25: error:")
		s.git("rm", "-q", "-f", "--cached", "stories/staged.txt")
		require.NoError(t, os.Remove(filepath.Join(s.dir, "stories", "staged.txt")))
	})

	t.Run("a baseline lets an old story pass while a new finding fails", func(t *testing.T) {
		// Without a baseline, editing the old story is refused for the
		// findings it always had.
		edited := strings.Replace(archiveStory, "Talks began in March.", "Talks began in March, officials said.\n\nA second paragraph of background.", 1)
		s.write("stories/archive/harbour.txt", edited)
		code, out := s.commit("edit archive", "stories/archive/harbour.txt")
		require.NotEqual(t, 0, code, out)
		assert.Contains(t, out, "a triumph for the harbour")

		code, out = s.qc("baseline", "write", "stories/archive")
		require.Equal(t, 0, code, out)
		assert.FileExists(t, filepath.Join(s.dir, baseline.DefaultFile))
		code, out = s.commit("adopt quotecheck", baseline.DefaultFile, "stories/archive/harbour.txt")
		require.Equal(t, 0, code, out)

		// Moving the old quotes around keeps them matched.
		moved := "Harbour deal collapses\n\nTalks began in March, officials said.\n\n" +
			"The scheme was hailed as \"a triumph for the harbour\".\n\n" +
			"\"The deal is dead,\" a person familiar with the talks said.\n"
		s.write("stories/archive/harbour.txt", moved)
		code, out = s.commit("reorder", "stories/archive/harbour.txt")
		require.Equal(t, 0, code, out)

		// A new unattributed quote in the same story still fails, alone.
		s.write("stories/archive/harbour.txt", moved+"\nThe collapse was hailed as \"a betrayal of the town\".\n")
		code, out = s.commit("new quote", "stories/archive/harbour.txt")
		assert.NotEqual(t, 0, code, out)
		assert.Contains(t, out, "a betrayal of the town")
		assert.NotContains(t, out, "a triumph for the harbour")
		s.git("checkout", "-q", "HEAD", "--", "stories/archive/harbour.txt")
	})

	t.Run("a foreign hook is not overwritten without --force", func(t *testing.T) {
		require.NoError(t, os.WriteFile(hookFile, []byte("#!/bin/sh\nexit 0\n"), 0o755))
		code, out := s.qc("hook", "install", "--command", s.bin)
		assert.Equal(t, ExitError, code, out)
		assert.Contains(t, out, "was not written by quotecheck; use --force")
		code, out = s.qc("hook", "install", "--force", "--command", s.bin)
		require.Equal(t, 0, code, out)
		assert.FileExists(t, hookFile+hook.BackupSuffix)
		code, out = s.qc("hook", "uninstall")
		require.Equal(t, 0, code, out)
		script, _ := os.ReadFile(hookFile)
		assert.Equal(t, "#!/bin/sh\nexit 0\n", string(script))
	})
}

func TestBadConfigFileOthersStillChecked(t *testing.T) {
	dir := isolate(t)
	write(t, dir, "stories/a.txt", []byte(errorStory))
	write(t, dir, "desk/b.txt", []byte(errorStory))
	write(t, dir, "desk/"+config.FileName, []byte("extends: ap\nrules:\n  anonymous-source: off\n  missing-atribution: warning\n"))

	r := execCLI(t, "", "check", "stories", "desk")
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, "desk/b.txt: error: config: desk/"+config.FileName+`:4:3: unknown rule "missing-atribution" (see quotecheck rules)`)
	assert.Contains(t, r.stdout, "stories/a.txt:3:")

	// config show names the same file and line.
	r = execCLI(t, "", "config", "show", "desk")
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, "desk/"+config.FileName+":4:3:")

	// An explicit bad config is a usage error before anything is checked.
	r = execCLI(t, "", "check", "--config", "desk/"+config.FileName, "stories")
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, "(from --config)")
	assert.Empty(t, r.stdout)
}

func TestConfigAppliesToCheck(t *testing.T) {
	dir := isolate(t)
	write(t, dir, "stories/a.txt", []byte(errorStory+"\n"+warningStory))
	write(t, dir, config.FileName, []byte("rules:\n  missing-attribution: warning\n  anonymous-source: off\n"))

	r := execCLI(t, "", "check", "stories/a.txt")
	assert.Equal(t, ExitClean, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "warning: quotation has no speaker")
	assert.NotContains(t, r.stdout, "[anonymous-source]")

	// Flags go on top of the file.
	r = execCLI(t, "", "check", "--severity", "missing-attribution=error", "stories/a.txt")
	assert.Equal(t, ExitFindings, r.code)

	// QUOTECHECK_CONFIG replaces the search.
	write(t, dir, "other.yaml", []byte("rules:\n  missing-attribution: off\n"))
	t.Setenv(config.EnvVar, filepath.Join(dir, "other.yaml"))
	r = execCLI(t, "", "check", "stories/a.txt")
	assert.NotContains(t, r.stdout, "[missing-attribution]")
	assert.Contains(t, r.stdout, "[anonymous-source]")

	r = execCLI(t, "", "config", "show", "--disable", "anonymous-no-reason", "stories/a.txt")
	require.Equal(t, ExitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "config file: other.yaml (named by "+config.EnvVar+")")
	assert.Regexp(t, `missing-attribution\s+off\s+error\s+other.yaml:2`, r.stdout)
	assert.Regexp(t, `anonymous-no-reason\s+off\s+warning\s+--disable`, r.stdout)
}

func TestCheckBaselineFlag(t *testing.T) {
	dir := isolate(t)
	write(t, dir, "a.txt", []byte(errorStory))
	r := execCLI(t, "", "baseline", "write", "-o", "bl.json", "a.txt")
	require.Equal(t, ExitClean, r.code, r.stderr)
	assert.Contains(t, r.stdout, "wrote bl.json: 1 findings in 1 documents")

	r = execCLI(t, "", "check", "--baseline", "bl.json", "a.txt")
	assert.Equal(t, ExitClean, r.code, r.stdout)
	assert.Empty(t, r.stdout)

	// The config can name it; --no-baseline shows everything again.
	write(t, dir, config.FileName, []byte("baseline: bl.json\n"))
	r = execCLI(t, "", "check", "a.txt")
	assert.Equal(t, ExitClean, r.code, r.stdout)
	r = execCLI(t, "", "check", "--no-baseline", "a.txt")
	assert.Equal(t, ExitFindings, r.code)

	r = execCLI(t, "", "check", "--baseline", "missing.json", "a.txt")
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, "missing.json")
}

func TestCheckStagedOutsideGit(t *testing.T) {
	isolate(t)
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(mustGetwd(t)))
	r := execCLI(t, "", "check", "--staged")
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, "not in a git working tree")
	r = execCLI(t, "", "check", "--staged", "a.txt")
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, "takes no paths")
}

func mustGetwd(t *testing.T) string {
	wd, err := os.Getwd()
	require.NoError(t, err)
	return wd
}

// hookStory is a story of about 4 KB with a dozen attributed quotations.
func hookStory(i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Story %d\n\n", i)
	for p := 0; p < 12; p++ {
		fmt.Fprintf(&b, "\"We have done everything we could in week %d,\" said Mayor Ines Calloway, who leads the council. \"The budget is tight.\"\n\n", p)
		fmt.Fprintf(&b, "The council voted %d times on the plan, which officials said would cost millions over the next decade.\n\n", p)
		fmt.Fprintf(&b, "\"It is a sad day,\" a person familiar with the talks said, speaking on condition of anonymity because the talks are private.\n\n")
	}
	return b.String()
}

// stage50 stages 50 new stories and 50 edits of committed ones, so that
// the hook both checks staged files and compares with HEAD.
func stage50(s *sandbox) {
	for i := 0; i < 50; i++ {
		s.write(fmt.Sprintf("stories/s%02d.md", i), hookStory(i))
	}
	s.git("add", "stories")
	s.git("commit", "-q", "--no-verify", "-m", "stories")
	for i := 0; i < 50; i++ {
		s.write(fmt.Sprintf("stories/s%02d.md", i), hookStory(i)+"Talks resume on Monday.\n")
	}
	s.git("add", "stories")
}

// TestHookSpeed50Staged measures the hook on 50 staged stories. The bound
// is loose so that a loaded CI machine passes; the figure is logged.
func TestHookSpeed50Staged(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	s := newSandbox(t, buildQuotecheck(t))
	stage50(s)
	best := time.Duration(1<<63 - 1)
	for i := 0; i < 3; i++ {
		start := time.Now()
		code, out := s.qc("hook", "run")
		elapsed := time.Since(start)
		require.Equal(t, 0, code, out)
		if elapsed < best {
			best = elapsed
		}
	}
	t.Logf("hook run on 50 staged stories (check + diff against HEAD): %v", best)
	start := time.Now()
	code, out := s.qc("hook", "run", "--no-diff")
	require.Equal(t, 0, code, out)
	t.Logf("check --staged alone on 50 staged stories: %v", time.Since(start))
	assert.Less(t, best, 5*time.Second)
}

// BenchmarkHookRun50Staged runs the pre-commit hook's work on 50 staged
// stories, each a change to a committed one.
//
//	go test ./internal/cli -run '^$' -bench HookRun50
func BenchmarkHookRun50Staged(b *testing.B) {
	s := newSandbox(b, buildQuotecheck(b))
	stage50(s)
	for _, mode := range []struct {
		name string
		args []string
	}{{"check+diff", []string{"hook", "run"}}, {"check-only", []string{"hook", "run", "--no-diff"}}} {
		b.Run(mode.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if code, out := s.qc(mode.args...); code != 0 {
					b.Fatalf("exit %d: %s", code, out)
				}
			}
		})
	}
}

func TestCheckToolFormats(t *testing.T) {
	dir := isolate(t)
	write(t, dir, "a.txt", []byte(errorStory))
	r := execCLI(t, "", "check", "--format", "sarif", "a.txt")
	assert.Equal(t, ExitFindings, r.code, r.stderr)
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &log), r.stdout)
	assert.Equal(t, "2.1.0", log.Version)
	assert.NotEmpty(t, log.Runs[0].Tool.Driver.Rules)
	require.Len(t, log.Runs[0].Results, 1)
	assert.Equal(t, "missing-attribution", log.Runs[0].Results[0].RuleID)

	r = execCLI(t, "", "check", "--format", "github", "a.txt")
	assert.Equal(t, ExitFindings, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "::error file=a.txt,line=3,col=27,"), r.stdout)
}
