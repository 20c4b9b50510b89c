package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/config"
	"github.com/quotecheck/quotecheck/engine"
	"github.com/quotecheck/quotecheck/input"
)

// configFlag is the --config flag shared by the commands that check.
func configFlag() cli.Flag {
	return &cli.StringFlag{Name: "config", Usage: "config `FILE` to use for every input instead of the nearest " + config.FileName + " (also $" + config.EnvVar + ")"}
}

// ruleFlags are the flags that override a config file's rule settings.
func ruleFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "disable", Usage: "turn off a rule (repeatable)"},
		&cli.StringSliceFlag{Name: "severity", Usage: "change a rule's severity: RULE=error|warning|info (repeatable)"},
		configFlag(),
	}
}

// inputFlags say how inputs are read; every command that reads stories
// takes them.
func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.Int64Flag{Name: "max-size", Usage: "largest input accepted, in bytes", Value: 64 << 20},
		&cli.StringFlag{Name: "input-format", Value: "auto", Usage: "input format: auto (by extension), text, markdown, html, json or jsonl"},
		&cli.StringSliceFlag{Name: "field", Usage: "JSON record field (or front matter key) to read: NAME=FIELD, NAME one of " + strings.Join(input.FieldNames, ", ") + " (repeatable)"},
	}
}

// newEngine turns the command's flags into the engine's options and
// builds it: the one place flags become settings. off lists rules the
// command itself leaves out (verify runs only the verification rules).
func newEngine(c *cli.Context, e *env, off ...string) (*engine.Engine, error) {
	opt := engine.Options{ConfigFile: c.String("config"), Workers: c.Int("jobs"), Stdin: e.stdin}
	if opt.Workers < 0 {
		return nil, usageError("--jobs %d: want 0 (the default: one per core) or more", opt.Workers)
	}
	if hasFlag(c, "verbose") && c.Bool("verbose") {
		opt.Skipped = func(path, reason string) { fmt.Fprintf(e.stderr, "quotecheck: skipped %s: %s\n", path, reason) }
	}
	// a source that cannot be read is named once; the others are used
	opt.SourceError = func(err error) { fmt.Fprintf(e.stderr, "source error: %v\n", err) }
	if hasFlag(c, "source") {
		opt.Overrides.Sources = c.StringSlice("source")
		opt.Overrides.SourcesPartial = c.Bool("partial")
	}
	opt.Overrides.Disable = append(off, c.StringSlice("disable")...)
	for _, kv := range c.StringSlice("severity") {
		s, err := config.ParseSeverityOverride(kv)
		if err != nil {
			return nil, usageError("--severity %v", err)
		}
		opt.Overrides.Severity = append(opt.Overrides.Severity, s)
	}
	if hasFlag(c, "input-format") {
		format, err := input.ParseFormat(c.String("input-format"))
		if err != nil {
			return nil, usageError("--input-format: %v", err)
		}
		opt.Input.Format = format
	}
	for _, spec := range c.StringSlice("field") {
		if err := opt.Input.Fields.SetField(spec); err != nil {
			return nil, usageError("--field: %v", err)
		}
	}
	if hasFlag(c, "max-size") {
		// 0 would mean the default to the engine: a typo, not a choice
		if opt.Input.MaxSize = c.Int64("max-size"); opt.Input.MaxSize <= 0 {
			return nil, usageError("--max-size %d: want a size in bytes above 0", opt.Input.MaxSize)
		}
	}
	opt.Baseline.Off = hasFlag(c, "no-baseline") && c.Bool("no-baseline")
	if hasFlag(c, "baseline") {
		opt.Baseline.File = c.String("baseline")
	}
	if hasFlag(c, "default-baseline") {
		opt.Baseline.Default = c.String("default-baseline")
	}
	eng, err := engine.New(opt)
	if err != nil {
		var ue *engine.UsageError
		if errors.As(err, &ue) {
			return nil, usageError("%v", err)
		}
		return nil, cli.Exit(fmt.Sprint(err), ExitError)
	}
	return eng, nil
}

func hasFlag(c *cli.Context, name string) bool {
	for _, f := range c.Command.Flags {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}
