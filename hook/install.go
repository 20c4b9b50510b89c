package hook

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Marker is the line that identifies a hook quotecheck wrote; install
// replaces such a hook without --force and uninstall removes only those.
const Marker = "# managed-by: quotecheck"

// BackupSuffix is added to the name of a foreign hook replaced with
// --force.
const BackupSuffix = ".quotecheck-backup"

// Script returns the pre-commit hook script. command is the shell text
// that runs quotecheck: a quoted absolute path, or a command the user gave.
// With chained, the hook first runs the hook --force moved aside
// (pre-commit.quotecheck-backup, next to it) and fails when either fails.
// When command cannot be run (exit 126 or 127 from the shell: moved,
// deleted or not executable), the hook says how to put it right.
func Script(command string, chained bool) string {
	previous := ""
	if chained {
		previous = `# The hook that was here before, kept by ` + "`quotecheck hook install --force`" + `,
# runs first; the commit is refused when either fails.
previous="$(dirname "$0")/pre-commit` + BackupSuffix + `"
if [ -x "$previous" ]; then
	"$previous" "$@" || status=$?
	if [ "$status" -ne 0 ]; then
		echo "quotecheck pre-commit hook: the previous pre-commit hook ($previous) failed (exit $status)" >&2
	fi
fi
`
	}
	missing := "quotecheck pre-commit hook: cannot run " + command + " (not found or not executable). " +
		"Build quotecheck where it stays (in a clone: go build -o ~/bin/quotecheck ./cmd/quotecheck) and run `quotecheck hook install` again in this repository; " +
		"skip the hook once with: git commit --no-verify"
	return `#!/bin/sh
` + Marker + `
#
# quotecheck pre-commit hook, written by ` + "`quotecheck hook install`" + `.
# It checks the staged version of every staged article file (quotecheck
# check --staged) and compares the quotations of stories already committed
# in HEAD with their staged versions (quotecheck diff --git HEAD --staged
# FILE...); the commit is refused when
# either finds a problem at or above --fail-on. A baseline named in
# .quotecheck.yaml, or .quotecheck-baseline.json at the top of the working
# tree, lets findings that were there before pass.
#
# Skip it once with: git commit --no-verify
# Update it with:    quotecheck hook install
# Remove it with:    quotecheck hook uninstall
status=0
` + previous + command + ` hook run
checked=$?
if [ "$checked" -eq 126 ] || [ "$checked" -eq 127 ]; then
	echo ` + ShellQuote(missing) + ` >&2
fi
if [ "$checked" -ne 0 ]; then
	exit "$checked"
fi
exit "$status"
`
}

// ShellQuote quotes s for a POSIX shell.
func ShellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=+@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// HooksDir returns the folder git runs hooks from for the working tree
// at dir (core.hooksPath when set, else .git/hooks).
func HooksDir(dir string) (string, error) {
	out, err := Git(dir, "rev-parse", "--path-format=absolute", "--git-path", "hooks")
	if err != nil {
		// Older git has no --path-format; the path is then relative to dir.
		out, err = Git(dir, "rev-parse", "--git-path", "hooks")
		if err != nil {
			return "", fmt.Errorf("not in a git repository: %v", err)
		}
	}
	p := strings.TrimSpace(string(out))
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	return p, nil
}

// ForeignHookError says a pre-commit hook that quotecheck did not write
// is in the way.
type ForeignHookError struct{ Path string }

func (e *ForeignHookError) Error() string {
	return fmt.Sprintf("%s exists and was not written by quotecheck; use --force to run quotecheck after it (it is kept as %s and still runs first)", e.Path, filepath.Base(e.Path)+BackupSuffix)
}

// Installed says what Install did.
type Installed struct {
	Path string
	// Replaced is true when an earlier quotecheck hook was rewritten.
	Replaced bool
	// Backup is where a foreign hook was moved, when --force moved one;
	// the new hook runs it first.
	Backup string
}

// Install writes the pre-commit hook for the repository at dir. An
// existing hook written by quotecheck is replaced; a foreign one only
// with force, after moving it aside: the new hook runs it first, so it
// keeps working.
func Install(dir, command string, force bool) (Installed, error) {
	hooks, err := HooksDir(dir)
	if err != nil {
		return Installed{}, err
	}
	if err := os.MkdirAll(hooks, 0o755); err != nil {
		return Installed{}, err
	}
	res := Installed{Path: filepath.Join(hooks, "pre-commit")}
	old, err := os.ReadFile(res.Path)
	switch {
	case err == nil && isOurs(old):
		res.Replaced = true
	case err == nil:
		if !force {
			return res, &ForeignHookError{Path: res.Path}
		}
		res.Backup = res.Path + BackupSuffix
		if err := os.Rename(res.Path, res.Backup); err != nil {
			return res, err
		}
	case !errors.Is(err, os.ErrNotExist):
		return res, err
	}
	_, err = os.Stat(res.Path + BackupSuffix)
	chained := err == nil
	if err := os.WriteFile(res.Path, []byte(Script(command, chained)), 0o755); err != nil {
		return res, err
	}
	// WriteFile keeps the mode of a file it overwrites.
	return res, os.Chmod(res.Path, 0o755)
}

// Uninstall removes a pre-commit hook quotecheck wrote and puts back a
// hook --force moved aside. It returns the path removed.
func Uninstall(dir string) (string, error) {
	hooks, err := HooksDir(dir)
	if err != nil {
		return "", err
	}
	path := filepath.Join(hooks, "pre-commit")
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("no pre-commit hook at %s", path)
	}
	if err != nil {
		return "", err
	}
	if !isOurs(data) {
		return "", fmt.Errorf("%s was not written by quotecheck; leaving it alone", path)
	}
	if err := os.Remove(path); err != nil {
		return "", err
	}
	if _, err := os.Stat(path + BackupSuffix); err == nil {
		if err := os.Rename(path+BackupSuffix, path); err != nil {
			return path, err
		}
	}
	return path, nil
}

func isOurs(script []byte) bool {
	return bytes.Contains(script, []byte(Marker))
}
