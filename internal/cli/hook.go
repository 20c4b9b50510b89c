package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/baseline"
	"github.com/quotecheck/quotecheck/hook"
)

func hookCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "hook",
		Usage: "install, remove or run the git pre-commit hook",
		Subcommands: []*cli.Command{
			{
				Name:  "install",
				Usage: "write .git/hooks/pre-commit to run quotecheck on every commit",
				Description: "Writes a pre-commit hook (in core.hooksPath when set) that runs `quotecheck hook\n" +
					"run`. The hook calls this quotecheck by its absolute path unless --command names\n" +
					"another way to run it (\"quotecheck\" to use PATH). A hook quotecheck wrote is\n" +
					"replaced; any other hook only with --force, which keeps it as pre-commit" + hook.BackupSuffix + "\n" +
					"and runs it first (the commit is refused when either fails). A temporary build\n" +
					"(go run, go test) is refused: build quotecheck where it stays first.",
				Flags: []cli.Flag{
					&cli.BoolFlag{Name: "force", Usage: "take over a pre-commit hook quotecheck did not write (it is kept, and runs first)"},
					&cli.StringFlag{Name: "command", Usage: "shell `COMMAND` the hook runs quotecheck with (default: this executable's absolute path)"},
				},
				Action: func(c *cli.Context) error {
					if c.NArg() > 0 {
						return usageError("hook install takes no arguments")
					}
					command := c.String("command")
					if command == "" {
						exe, err := os.Executable()
						if err != nil {
							return cli.Exit(fmt.Sprintf("hook install: cannot find this executable (%v); use --command", err), ExitError)
						}
						if resolved, err := filepath.EvalSymlinks(exe); err == nil {
							exe = resolved
						}
						if err := hook.CheckExecutable(exe); err != nil {
							return cli.Exit("hook install: "+err.Error(), ExitError)
						}
						command = hook.ShellQuote(exe)
					}
					wd, err := os.Getwd()
					if err != nil {
						return cli.Exit(err.Error(), ExitError)
					}
					res, err := hook.Install(wd, command, c.Bool("force"))
					if err != nil {
						var fe *hook.ForeignHookError
						if errors.As(err, &fe) {
							return cli.Exit("hook install: "+err.Error(), ExitError)
						}
						return cli.Exit("hook install: "+err.Error(), ExitError)
					}
					switch {
					case res.Backup != "":
						fmt.Fprintf(e.stdout, "installed %s (the previous hook is now %s and runs first)\n", res.Path, res.Backup)
					case res.Replaced:
						fmt.Fprintf(e.stdout, "updated %s\n", res.Path)
					default:
						fmt.Fprintf(e.stdout, "installed %s\n", res.Path)
					}
					fmt.Fprintf(e.stdout, "it runs: %s hook run\n", command)
					return nil
				},
			},
			{
				Name:  "uninstall",
				Usage: "remove the pre-commit hook quotecheck wrote (and restore one --force moved aside)",
				Action: func(c *cli.Context) error {
					wd, err := os.Getwd()
					if err != nil {
						return cli.Exit(err.Error(), ExitError)
					}
					path, err := hook.Uninstall(wd)
					if err != nil {
						return cli.Exit("hook uninstall: "+err.Error(), ExitError)
					}
					fmt.Fprintf(e.stdout, "removed %s\n", path)
					return nil
				},
			},
			{
				Name:  "run",
				Usage: "what the pre-commit hook runs: check staged articles, then compare changed stories' quotes with HEAD",
				Description: "1. quotecheck check --staged: the staged version of every staged article file,\n" +
					"   with the baseline named in the config, or else " + baseline.DefaultFile + " at the top\n" +
					"   of the working tree when it exists.\n" +
					"2. quotecheck diff --git HEAD --staged FILE...: for the staged files HEAD already\n" +
					"   has, the quotations that were reworded, cut, added or given another speaker\n" +
					"   between HEAD and the staged version (not the working tree).\n" +
					"Exit status: the worse of the two (0 clean, 1 findings, 2 errors).",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "refuse the commit for findings at or above this severity: error, warning, info or never"},
					&cli.BoolFlag{Name: "no-check", Usage: "skip the check of staged files"},
					&cli.BoolFlag{Name: "no-diff", Usage: "skip the comparison with HEAD"},
				},
				Action: func(c *cli.Context) error {
					if c.NArg() > 0 {
						return usageError("hook run takes no arguments (it reads the staged files from git)")
					}
					if _, err := parseFailOn(c.String("fail-on")); err != nil {
						return err
					}
					wd, err := os.Getwd()
					if err != nil {
						return cli.Exit(err.Error(), ExitError)
					}
					top, err := hook.TopLevel(wd)
					if err != nil {
						return usageError("hook run: %v", err)
					}
					code := ExitClean
					// the diff compares the documents the check extracted
					inner := &env{stdin: e.stdin, stdout: e.stdout, stderr: e.stderr, staged: &stagedDocs{}}
					if !c.Bool("no-check") {
						code = runWith([]string{"quotecheck", "check", "--staged", "--fail-on", c.String("fail-on"),
							"--default-baseline", filepath.Join(top, baseline.DefaultFile)}, inner)
					}
					if !c.Bool("no-diff") {
						code = worse(code, hookDiff(c, inner, wd, top))
					}
					if code != ExitClean {
						return cli.Exit("", code)
					}
					return nil
				},
			},
		},
	}
}

// hookDiff runs the quote-change check on staged files HEAD already has,
// comparing HEAD with what is being committed (the index).
func hookDiff(c *cli.Context, e *env, wd, top string) int {
	names, err := hook.StagedInHEAD(top, isArticle)
	if err != nil {
		fmt.Fprintf(e.stderr, "quotecheck: hook run: %v\n", err)
		return ExitError
	}
	if len(names) == 0 {
		return ExitClean
	}
	if c.App.Command("diff") == nil {
		fmt.Fprintln(e.stderr, "quotecheck: hook run: this quotecheck has no diff command; quote changes in committed stories were not checked")
		return ExitClean
	}
	args := []string{"quotecheck", "diff", "--git", "HEAD", "--staged", "--fail-on", c.String("fail-on"), "--"}
	for _, n := range names {
		p := filepath.Join(top, filepath.FromSlash(n))
		if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
			p = rel
		}
		args = append(args, p)
	}
	return runWith(args, e)
}

// worse returns the more serious of two exit codes.
func worse(a, b int) int {
	if a == ExitError || b == ExitError {
		return ExitError
	}
	if a > b {
		return a
	}
	return b
}
