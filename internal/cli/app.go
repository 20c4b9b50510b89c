// Package cli wires quotecheck's commands. cmd/quotecheck only calls Main;
// tests call Run with their own streams.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/internal/hugeheap"
)

// Version is set at build time with -ldflags "-X ...cli.Version=...".
var Version = "0.1.0"

// Exit codes.
const (
	ExitClean    = 0
	ExitFindings = 1
	ExitError    = 2
)

// Main runs the program with the process's streams and returns its exit
// code.
func Main(args []string) int {
	return Run(args, os.Stdin, os.Stdout, os.Stderr)
}

// Run runs the program and returns its exit code, never calling os.Exit.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runWith(args, &env{stdin: stdin, stdout: stdout, stderr: stderr})
}

// runWith is Run in an environment the caller made: the hook runs check
// and diff in one that shares the staged documents.
func runWith(args []string, env *env) int {
	app := newApp(env)
	err := app.Run(reorderArgs(app, args))
	if env.unknownCommand {
		return ExitError
	}
	if err == nil {
		return ExitClean
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		if msg := ec.Error(); msg != "" {
			fmt.Fprintln(env.stderr, "quotecheck:", msg)
		}
		return ec.ExitCode()
	}
	fmt.Fprintln(env.stderr, "quotecheck:", err)
	return ExitError
}

func newApp(env *env) *cli.App {
	stdin, stdout, stderr := env.stdin, env.stdout, env.stderr
	return &cli.App{
		// an unknown command is a usage error (exit 2), not urfave's exit 3
		CommandNotFound: func(_ *cli.Context, name string) {
			fmt.Fprintf(stderr, "quotecheck: unknown command %q (see quotecheck --help)\n", name)
			env.unknownCommand = true
		},
		Name:    "quotecheck",
		Usage:   "check who is quoted in a news story, and how",
		Version: Version,
		Description: "quotecheck finds every direct quotation in an article, attributes it to a\n" +
			"named person, an organisation or an anonymous source, and runs a newsroom's\n" +
			"sourcing rules over the result.",
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		// Errors are turned into exit codes by Run, not by os.Exit.
		ExitErrHandler:       func(*cli.Context, error) {},
		HideHelpCommand:      true,
		EnableBashCompletion: false,
		Commands: []*cli.Command{
			bulk(checkCommand(env)),
			bulk(verifyCommand(env)),
			bulk(quotesCommand(env)),
			rulesCommand(env),
			bulk(evalCommand(env)),
			bulk(diffCommand(env)),
			bulk(batchCommand(env)),
			configCommand(env),
			bulk(baselineCommand(env)),
			bulk(hookCommand(env)),
			bulk(reportCommand(env)),
			serveCommand(env),
		},
	}
}

// bulk marks a command that checks its inputs and exits: while it runs,
// the heap is backed by huge pages where the kernel leaves that to the
// program (see internal/hugeheap). serve, which runs for days, keeps the
// runtime's own choice.
func bulk(c *cli.Command) *cli.Command {
	var stop func()
	c.Before = func(*cli.Context) error {
		stop = hugeheap.Start()
		return nil
	}
	c.After = func(*cli.Context) error {
		if stop != nil {
			stop()
		}
		return nil
	}
	return c
}

// env carries the streams commands write to.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// unknownCommand is set when the command line names no known command.
	unknownCommand bool
	// staged, when set, keeps what check --staged extracted for diff
	// --staged to compare without checking the same blobs again.
	staged *stagedDocs
}

// usageError is an exit-2 error for bad command lines.
func usageError(format string, args ...any) error {
	return cli.Exit(fmt.Sprintf(format, args...), ExitError)
}

// reorderArgs moves flags written after positional arguments in front of
// them: urfave/cli stops parsing flags at the first argument and would
// otherwise take "--format json" in `check story.txt --format json` as two
// more file names. Everything after "--" stays positional.
func reorderArgs(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	out := []string{args[0]}
	i := 1
	// global flags before the command
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "-" {
		out = append(out, args[i])
		i++
	}
	if i >= len(args) {
		return out
	}
	cmd := app.Command(args[i])
	out = append(out, args[i])
	i++
	if cmd == nil {
		return append(out, args[i:]...)
	}
	// Descend into subcommands ("config show", "hook install").
	for len(cmd.Subcommands) > 0 && i < len(args) {
		sub := cmd.Command(args[i])
		if sub == nil {
			break
		}
		out = append(out, args[i])
		i++
		cmd = sub
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, positional []string
	for ; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") && takesValue[name] && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		positional = append(positional, a)
	}
	out = append(out, flags...)
	if len(positional) > 0 {
		out = append(out, "--")
		out = append(out, positional...)
	}
	return out
}

// exitStatus turns a run's outcome into the exit code: 2 when output could
// not be written or an input could not be read, 1 for findings at or above
// --fail-on, else 0.
func exitStatus(writeErr error, inputErrors, failing int) error {
	switch {
	case writeErr != nil:
		return cli.Exit(fmt.Sprintf("writing output: %v", writeErr), ExitError)
	case inputErrors > 0:
		return cli.Exit("", ExitError)
	case failing > 0:
		return cli.Exit("", ExitFindings)
	}
	return nil
}
