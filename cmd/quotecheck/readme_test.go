package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/internal/testnote"
)

func TestMain(m *testing.M) { os.Exit(testnote.Main(m)) }

// skipMarker, on the line above a code block, keeps the README test from
// running it; the rest of the line says why.
const skipMarker = "<!-- readme-test: skip:"

// example is one command line of a sh block of the README.
type example struct {
	line    int
	command string
}

// readmeExamples returns the command lines of the README's sh blocks not
// marked with skipMarker, and how many blocks were marked.
func readmeExamples(t *testing.T, path string) (run []example, skipped int) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	inBlock, skipBlock, previous := false, false, ""
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case !inBlock && strings.HasPrefix(line, "```sh"):
			inBlock, skipBlock = true, strings.HasPrefix(previous, skipMarker)
			if skipBlock {
				skipped++
			}
		case inBlock && strings.HasPrefix(line, "```"):
			inBlock = false
		case inBlock && !skipBlock:
			if cmd := strings.TrimSpace(line); cmd != "" && !strings.HasPrefix(cmd, "#") {
				run = append(run, example{line: n, command: cmd})
			}
		}
		previous = line
	}
	require.NoError(t, sc.Err())
	require.False(t, inBlock, "a code block is not closed")
	return run, skipped
}

// TestReadmeExamples runs every shell example of README.md as a reader
// would after cloning: from the top of a copy of the repository's
// testdata (a git repository, for the hook and --git examples), with
// ./quotecheck built from this tree. Each must exit 0 or 1 (findings);
// 2 means a usage or input error, 127 a command or file that is not there.
func TestReadmeExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program and runs every README example; skipped with -short")
	}
	if _, err := exec.LookPath("git"); err != nil {
		testnote.Skip(t, "git is not installed: README examples not run")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	examples, skipped := readmeExamples(t, filepath.Join(root, "README.md"))
	require.Greater(t, len(examples), 25, "the README's examples were not found")
	t.Logf("%d example lines; %d blocks marked as not run", len(examples), skipped)

	top := t.TempDir()
	clone := filepath.Join(top, "quotecheck")
	copyTree(t, filepath.Join(root, "testdata"), filepath.Join(clone, "testdata"))
	build := exec.Command("go", "build", "-o", filepath.Join(clone, "quotecheck"), ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	shared, err := filepath.Abs(filepath.Join(root, "..", "shared"))
	require.NoError(t, err)
	haveShared := isDir(filepath.Join(shared, "corpus", "dev"))
	if haveShared {
		require.NoError(t, os.Symlink(shared, filepath.Join(top, "shared")))
	}

	// The programs run with their own home, git settings and temporary
	// folder (so that hook install takes the built binary as lasting).
	tmp := filepath.Join(top, "tmp")
	require.NoError(t, os.Mkdir(tmp, 0o755))
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") && !strings.HasPrefix(kv, "HOME=") && !strings.HasPrefix(kv, "TMPDIR=") &&
			!strings.HasPrefix(kv, "QUOTECHECK_") {
			env = append(env, kv)
		}
	}
	env = append(env, "HOME="+top, "TMPDIR="+tmp, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Desk", "GIT_AUTHOR_EMAIL=desk@example.org",
		"GIT_COMMITTER_NAME=Desk", "GIT_COMMITTER_EMAIL=desk@example.org")
	shell := func(command string) (int, string) {
		cmd := exec.Command("sh", "-c", command)
		cmd.Dir, cmd.Env = clone, env
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), string(out)
		}
		require.NoError(t, err)
		return 0, string(out)
	}
	for _, c := range []string{"git init -q", "git add testdata", "git commit -q -m stories"} {
		code, out := shell(c)
		require.Equal(t, 0, code, "%s: %s", c, out)
	}

	for _, ex := range examples {
		t.Run(fmt.Sprintf("README.md:%d", ex.line), func(t *testing.T) {
			if strings.Contains(ex.command, "../shared") && !haveShared {
				testnote.Skip(t, "../shared not found next to the repository: "+ex.command+" not run")
			}
			code, out := shell(ex.command)
			if len(out) > 2000 {
				out = out[:2000] + "…"
			}
			assert.Contains(t, []int{0, 1}, code, "README.md:%d: %s\nexit %d:\n%s", ex.line, ex.command, code, out)
		})
	}
}

// copyTree copies the regular files under from to to.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	require.NoError(t, err)
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
