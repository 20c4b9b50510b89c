package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/baseline"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/engine"
	"github.com/quotecheck/quotecheck/hook"
)

func baselineCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "baseline",
		Usage: "record today's findings so that only new ones fail checks and the hook",
		Subcommands: []*cli.Command{
			{
				Name:      "write",
				Usage:     "check PATHs and record every finding in a baseline file",
				ArgsUsage: "PATH...",
				Description: "Records each finding by fingerprint: rule, path (relative to the baseline file),\n" +
					"the normalised quotation and its speaker (or, for findings about no quotation,\n" +
					"the normalised paragraph). Line numbers are not recorded, so moving text keeps\n" +
					"findings matched. The file is written to --output, else the baseline the config\n" +
					"names, else " + baseline.DefaultFile + " at the top of the git working tree (or in\n" +
					"the working folder outside git), where the pre-commit hook looks for it.\n" +
					"Exit status: 0 written, 2 usage or input errors (the file is still written).",
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "baseline `FILE` to write"},
					&cli.BoolFlag{Name: "no-baseline", Hidden: true},
				}, checkFlags()...),
				Action: func(c *cli.Context) error {
					paths := c.Args().Slice()
					if len(paths) == 0 {
						return usageError("baseline write: no paths given")
					}
					// every finding is recorded: no baseline filters them
					if err := c.Set("no-baseline", "true"); err != nil {
						return err
					}
					eng, err := newEngine(c, e)
					if err != nil {
						return err
					}
					out, err := baselineOutput(c, eng)
					if err != nil {
						return err
					}
					b, err := baseline.NewBuilder(out)
					if err != nil {
						return cli.Exit(err.Error(), ExitError)
					}
					inputErrors, docs := 0, 0
					eng.Run(context.Background(), eng.Inputs(paths), nil, func(r checker.Result) {
						if r.Err != nil {
							inputErrors++
							fmt.Fprintf(e.stderr, "%s: error: %v\n", r.Path, r.Err)
							return
						}
						docs++
						b.Add(r.Path, r.Doc, r.Findings)
					})
					if err := b.Write(out, "quotecheck "+Version); err != nil {
						return cli.Exit("baseline write: "+err.Error(), ExitError)
					}
					fmt.Fprintf(e.stdout, "wrote %s: %d findings in %d documents\n", out, b.Len(), docs)
					if inputErrors > 0 {
						return cli.Exit(fmt.Sprintf("baseline write: %d inputs could not be checked and are not in the baseline", inputErrors), ExitError)
					}
					return nil
				},
			},
		},
	}
}

// baselineOutput chooses the file baseline write writes.
func baselineOutput(c *cli.Context, eng *engine.Engine) (string, error) {
	if out := c.String("output"); out != "" {
		return out, nil
	}
	cfg, err := eng.Config("-")
	if err != nil {
		return "", cli.Exit(err.Error(), ExitError)
	}
	if cfg.Baseline != "" {
		return cfg.Baseline, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", cli.Exit(err.Error(), ExitError)
	}
	if top, err := hook.TopLevel(wd); err == nil {
		if rel, err := filepath.Rel(wd, filepath.Join(top, baseline.DefaultFile)); err == nil {
			return rel, nil
		}
	}
	return baseline.DefaultFile, nil
}
