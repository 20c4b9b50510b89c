package cli

import (
	"context"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/rules"
)

func checkFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "disable", Usage: "turn off a rule (repeatable)"},
		&cli.StringSliceFlag{Name: "severity", Usage: "change a rule's severity: RULE=error|warning|info (repeatable)"},
		&cli.Int64Flag{Name: "max-size", Usage: "largest input accepted, in bytes", Value: 64 << 20},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "files checked in parallel (0: all cores)"},
		&cli.StringFlag{Name: "input-format", Value: "auto", Usage: "input format: auto (by extension), text, markdown, html, json or jsonl"},
		&cli.StringSliceFlag{Name: "field", Usage: "JSON record field (or front matter key) to read: NAME=FIELD, NAME one of " + strings.Join(input.FieldNames, ", ") + " (repeatable)"},
		configFlag(),
	}
}

func checkCommand(e *env) *cli.Command {
	flags := append([]cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(report.Formats, ", ")},
		&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 when a finding is at or above this severity: error, warning, info or never"},
	}, append(checkFlags(), stagedFlags()...)...)
	return &cli.Command{
		Name:      "check",
		Usage:     "check articles and print findings",
		ArgsUsage: "[PATH|-]...",
		Description: "Checks each file, each article file (.txt, .md, .html, .json, .jsonl) under each\n" +
			"folder, or standard input (-). A JSON Lines file holds one article per line.\n" +
			"Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input errors\n" +
			"(every other file is still checked and reported).",
		Flags: flags,
		Action: func(c *cli.Context) error {
			failOn, err := parseFailOn(c.String("fail-on"))
			if err != nil {
				return err
			}
			set, err := newConfigured(c)
			if err != nil {
				return err
			}
			w, err := report.NewWriter(c.String("format"), e.stdout, e.stderr, report.Tool{Name: "quotecheck", Version: Version, Rules: rules.All()}, 0)
			if err != nil {
				return usageError("%v", err)
			}
			inputs, open, done, err := checkInputs(c, e, set)
			if err != nil {
				return err
			}
			defer done()
			var inputErrors, failing int
			var writeErr error
			runner().Run(context.Background(), inputs, c.Int("jobs"), open, func(r checker.Result) {
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
			return exitStatus(writeErr, inputErrors, failing)
		},
	}
}

// open reads an input for the checker: standard input for "-". For a file
// holding several articles (JSON Lines) it gives the first; see openAll.
func (e *env) open(chk *checker.Checker) func(checker.Input) checker.Result {
	return func(in checker.Input) checker.Result {
		if in.Path == "-" {
			return chk.CheckReader("-", e.stdin)
		}
		return chk.CheckFile(in.Path)
	}
}

// openAll reads an input for Checker.Run: a result for each article in it.
func (e *env) openAll(chk *checker.Checker) func(checker.Input) []checker.Result {
	return func(in checker.Input) []checker.Result {
		if in.Path == "-" {
			return chk.CheckReaderAll("-", e.stdin)
		}
		return chk.CheckFileAll(in.Path)
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

// newChecker builds the rule engine from the command's flags over the
// config file that applies to the working folder (see configured).
func newChecker(c *cli.Context) (*checker.Checker, error) {
	set, err := newConfigured(c)
	if err != nil {
		return nil, err
	}
	b := set.forPath("-")
	if b.err != nil {
		return nil, cli.Exit(b.err.Error(), ExitError)
	}
	return b.chk, nil
}

// flagConfig reads the rule engine settings the command's flags give.
func flagConfig(c *cli.Context) (checker.Config, error) {
	cfg := checker.Config{Disabled: map[string]bool{}, Severity: map[string]checker.Severity{}, MaxSize: c.Int64("max-size")}
	format, err := input.ParseFormat(c.String("input-format"))
	if err != nil {
		return cfg, usageError("--input-format: %v", err)
	}
	cfg.Input.Format = format
	for _, spec := range c.StringSlice("field") {
		if err := cfg.Input.Fields.SetField(spec); err != nil {
			return cfg, usageError("--field: %v", err)
		}
	}
	for _, id := range c.StringSlice("disable") {
		cfg.Disabled[id] = true
	}
	for _, kv := range c.StringSlice("severity") {
		id, level, ok := strings.Cut(kv, "=")
		if !ok {
			return cfg, usageError("--severity %q: want RULE=error|warning|info", kv)
		}
		sev, err := checker.ParseSeverity(level)
		if err != nil {
			return cfg, usageError("--severity %q: %v", kv, err)
		}
		cfg.Severity[id] = sev
	}
	return cfg, nil
}
