package cli

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/report"
)

func quotesCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "quotes",
		Usage:     "print a table of every quotation, its speaker and source type, and the sources",
		ArgsUsage: "[PATH|-]...",
		Flags: append([]cli.Flag{
			&cli.IntFlag{Name: "width", Value: 70, Usage: "longest quote text shown, in characters (0: all)"},
		}, checkFlags()...),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usageError("quotes: no paths given (use - for standard input)")
			}
			eng, err := newEngine(c, e)
			if err != nil {
				return err
			}
			failed := 0
			first := true
			inputs := eng.Inputs(c.Args().Slice())
			defer eng.LimitMemory(inputs)()
			reserveHeap(eng, inputs)
			eng.Run(context.Background(), inputs, nil, func(r checker.Result) {
				if r.Err != nil {
					failed++
					fmt.Fprintf(e.stderr, "%s: error: %v\n", report.DisplayPath(r.Path), r.Err)
					return
				}
				if !first {
					fmt.Fprintln(e.stdout)
				}
				first = false
				if err := report.WriteQuoteTable(e.stdout, r, c.Int("width")); err != nil {
					failed++
				}
			})
			if failed > 0 {
				return cli.Exit("", ExitError)
			}
			return nil
		},
	}
}
