package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/rules"
)

func checkFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "disable", Usage: "turn off a rule (repeatable)"},
		&cli.StringSliceFlag{Name: "severity", Usage: "change a rule's severity: RULE=error|warning|info (repeatable)"},
		&cli.Int64Flag{Name: "max-size", Usage: "largest input accepted, in bytes", Value: 64 << 20},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "files checked in parallel (0: all cores)"},
	}
}

func checkCommand(e *env) *cli.Command {
	flags := append([]cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(report.Formats, ", ")},
		&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 when a finding is at or above this severity: error, warning, info or never"},
	}, checkFlags()...)
	return &cli.Command{
		Name:      "check",
		Usage:     "check articles and print findings",
		ArgsUsage: "[PATH|-]...",
		Description: "Checks each file, each article file (.txt) under each folder, or standard input (-).\n" +
			"Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input errors\n" +
			"(every other file is still checked and reported).",
		Flags: flags,
		Action: func(c *cli.Context) error {
			failOn, err := parseFailOn(c.String("fail-on"))
			if err != nil {
				return err
			}
			chk, err := newChecker(c)
			if err != nil {
				return err
			}
			w, err := report.NewWriter(c.String("format"), e.stdout, e.stderr, report.Tool{Name: "quotecheck", Version: Version}, 0)
			if err != nil {
				return usageError("%v", err)
			}
			paths := c.Args().Slice()
			if len(paths) == 0 {
				return usageError("check: no paths given (use - for standard input)")
			}
			var inputErrors, failing int
			var writeErr error
			chk.Run(context.Background(), checker.ExpandPaths(paths), c.Int("jobs"), e.open(chk), func(r checker.Result) {
				if r.Err != nil {
					inputErrors++
				}
				for _, f := range r.Findings {
					if failOn != 0 && f.Severity >= failOn {
						failing++
					}
				}
				if err := w.Write(r); err != nil && writeErr == nil {
					writeErr = err
				}
			})
			if err := w.Close(); err != nil && writeErr == nil {
				writeErr = err
			}
			switch {
			case writeErr != nil:
				return cli.Exit(fmt.Sprintf("writing output: %v", writeErr), ExitError)
			case inputErrors > 0:
				return cli.Exit("", ExitError)
			case failing > 0:
				return cli.Exit("", ExitFindings)
			}
			return nil
		},
	}
}

// open reads an input for the checker: standard input for "-".
func (e *env) open(chk *checker.Checker) func(checker.Input) checker.Result {
	return func(in checker.Input) checker.Result {
		if in.Path == "-" {
			return chk.CheckReader("-", e.stdin)
		}
		return chk.CheckFile(in.Path)
	}
}

// parseFailOn reads --fail-on; 0 means never.
func parseFailOn(s string) (checker.Severity, error) {
	if s == "never" || s == "none" {
		return 0, nil
	}
	sev, err := checker.ParseSeverity(s)
	if err != nil {
		return 0, usageError("--fail-on: %v (or never)", err)
	}
	return sev, nil
}

// newChecker builds the rule engine from the command's flags.
func newChecker(c *cli.Context) (*checker.Checker, error) {
	cfg := checker.Config{Disabled: map[string]bool{}, Severity: map[string]checker.Severity{}, MaxSize: c.Int64("max-size")}
	for _, id := range c.StringSlice("disable") {
		cfg.Disabled[id] = true
	}
	for _, kv := range c.StringSlice("severity") {
		id, level, ok := strings.Cut(kv, "=")
		if !ok {
			return nil, usageError("--severity %q: want RULE=error|warning|info", kv)
		}
		sev, err := checker.ParseSeverity(level)
		if err != nil {
			return nil, usageError("--severity %q: %v", kv, err)
		}
		cfg.Severity[id] = sev
	}
	chk, err := checker.New(rules.All(), cfg)
	if err != nil {
		return nil, usageError("%v", err)
	}
	return chk, nil
}
