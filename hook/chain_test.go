package hook_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/hook"
)

// runHook runs a pre-commit script as git does and returns its exit code
// and output.
func runHook(t *testing.T, dir, script string) (int, string) {
	t.Helper()
	cmd := exec.Command("sh", script)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), string(out)
	}
	require.NoError(t, err)
	return 0, string(out)
}

// TestForceChainsThePreviousHook: --force keeps a foreign hook running
// first; the commit is refused when either hook fails.
func TestForceChainsThePreviousHook(t *testing.T) {
	for _, tt := range []struct{ previous, quotecheck, want int }{
		{0, 0, 0}, {1, 0, 1}, {0, 1, 1}, {3, 2, 2},
	} {
		t.Run(fmt.Sprintf("previous exits %d, quotecheck %d", tt.previous, tt.quotecheck), func(t *testing.T) {
			dir := newRepo(t)
			hookPath := filepath.Join(dir, ".git", "hooks", "pre-commit")
			require.NoError(t, os.WriteFile(hookPath, fmt.Appendf(nil, "#!/bin/sh\necho previous ran\nexit %d\n", tt.previous), 0o755))
			command := fmt.Sprintf("sh -c 'echo quotecheck ran $0 $1; exit %d'", tt.quotecheck)
			_, err := hook.Install(dir, command, true)
			require.NoError(t, err)
			// Installing again keeps the chain.
			res, err := hook.Install(dir, command, false)
			require.NoError(t, err)
			assert.True(t, res.Replaced)

			code, out := runHook(t, dir, hookPath)
			assert.Equal(t, tt.want, code, out)
			assert.Contains(t, out, "previous ran\n")
			assert.Contains(t, out, "quotecheck ran hook run\n")
			if tt.previous != 0 {
				assert.Contains(t, out, "the previous pre-commit hook")
			}
		})
	}
}

// TestHookWithMissingBinary: when the binary the hook calls is gone, the
// hook says how to put it right.
func TestHookWithMissingBinary(t *testing.T) {
	dir := newRepo(t)
	res, err := hook.Install(dir, hook.ShellQuote(filepath.Join(dir, "gone", "quotecheck")), false)
	require.NoError(t, err)
	code, out := runHook(t, dir, res.Path)
	assert.Equal(t, 127, code)
	assert.Contains(t, out, "quotecheck pre-commit hook: cannot run "+filepath.Join(dir, "gone", "quotecheck")+" (not found or not executable)")
	assert.Contains(t, out, "go build -o ~/bin/quotecheck ./cmd/quotecheck")
	assert.Contains(t, out, "git commit --no-verify")
}

// TestCheckExecutable: a binary go run or go test built is refused.
func TestCheckExecutable(t *testing.T) {
	t.Setenv("GOCACHE", "/home/desk/.cache/go-build-elsewhere")
	for path, temporary := range map[string]bool{
		filepath.Join(os.TempDir(), "go-build1234", "b001", "exe", "quotecheck"): true,
		filepath.Join(t.TempDir(), "quotecheck"):                                 true,
		"/home/desk/.cache/go-build-elsewhere/ab/quotecheck":                     true,
		"/work/go-build/b001/exe/quotecheck":                                     true,
		"/usr/local/bin/quotecheck":                                              false,
		"/home/desk/bin/quotecheck":                                              false,
	} {
		err := hook.CheckExecutable(path)
		if !temporary {
			assert.NoError(t, err, path)
			continue
		}
		var te *hook.TemporaryBuildError
		require.ErrorAs(t, err, &te, path)
		assert.Contains(t, err.Error(), "go build -o ~/bin/quotecheck ./cmd/quotecheck")
	}
}
