package cli

import (
	"bytes"
	"context"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/engine"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/rules"
)

// checkFlags are the flags of the commands that check many inputs.
func checkFlags() []cli.Flag {
	return append(append([]cli.Flag{
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "files checked in parallel (0: one per core; batch: one more)"},
		&cli.BoolFlag{Name: "verbose", Usage: "also say which files of a folder are left out (named pipes, sockets, devices)"},
	}, ruleFlags()...), inputFlags()...)
}

func checkCommand(e *env) *cli.Command {
	flags := append([]cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(report.Formats, ", ")},
		&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 when a finding is at or above this severity: error, warning, info or never"},
	}, append(append(checkFlags(), stagedFlags()...), sourceFlags()...)...)
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
			eng, err := newEngine(c, e)
			if err != nil {
				return err
			}
			w, err := report.NewWriter(c.String("format"), e.stdout, e.stderr, report.Tool{Name: "quotecheck", Version: Version, Rules: rules.All()}, 0)
			if err != nil {
				return usageError("%v", err)
			}
			return e.checkAndWrite(c, eng, w, failOn, nil)
		},
	}
}

// checkAndWrite checks the command's inputs on the engine's pool and
// writes each result with w, after what writeFirst writes for it when set;
// unreadable sources count as input errors. It returns the exit status.
func (e *env) checkAndWrite(c *cli.Context, eng *engine.Engine, w report.Writer, failOn checker.Severity, writeFirst func(io.Writer, checker.Result) error) error {
	inputs, read, done, err := checkInputs(c, e, eng)
	if err != nil {
		return err
	}
	defer done()
	defer eng.LimitMemory(inputs)()
	reserveHeap(eng, inputs)
	var inputErrors, failing int
	var writeErr error
	keep := func(err error) {
		if err != nil && writeErr == nil {
			writeErr = err
		}
	}
	// Formats that can encode each document on the worker that checked it
	// do; the writer only puts the bytes in order.
	pre, _ := w.(report.Prerenderer)
	type rendered struct {
		r     checker.Result
		first []byte
		b     []byte
		err   error
	}
	render := func(r checker.Result) rendered {
		x := rendered{r: r}
		if writeFirst != nil {
			var buf bytes.Buffer
			x.err = writeFirst(&buf, r)
			x.first = buf.Bytes()
		}
		if pre != nil && x.err == nil {
			x.b, x.err = pre.Render(r)
		}
		return x
	}
	engine.RunMap(context.Background(), eng, inputs, read, render, func(x rendered) {
		r := x.r
		if r.Err != nil {
			inputErrors++
		}
		for _, f := range r.Findings {
			if failOn != 0 && f.Severity >= failOn {
				failing++
			}
		}
		if x.err != nil {
			keep(x.err)
			return
		}
		if len(x.first) > 0 {
			_, err := e.stdout.Write(x.first)
			keep(err)
		}
		if pre != nil {
			keep(pre.WriteRendered(r, x.b))
		} else {
			keep(w.Write(r))
		}
	})
	keep(w.Close())
	return exitStatus(writeErr, inputErrors+eng.SourceErrors(), failing)
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
