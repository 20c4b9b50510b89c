package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/batch"
	"github.com/quotecheck/quotecheck/internal/hugeheap"
	"github.com/quotecheck/quotecheck/report"
)

// The garbage collector settings of a batch run, unless GOGC or GOMEMLIMIT
// is set: collect when the heap has grown by four times what is live, and
// more often as it nears 200 MiB.
const (
	batchGCPercent   = 400
	batchMemoryLimit = 200 << 20
)

func batchCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "batch",
		Usage:     "check whole archives and report on sourcing across them",
		ArgsUsage: "PATH|-...",
		Description: "Checks every record of JSON Lines archives (.jsonl, .ndjson; .gz compressed too;\n" +
			"- for standard input) and every article file under folders, on all cores, and\n" +
			"writes one JSON line per record in input order: its report, or an error record\n" +
			"{\"input\", \"record\", \"line\", \"error\"}. Records with the same id and another\n" +
			"version are compared with the last one before them. --quotes and --sources write\n" +
			"CSV rows per quotation and per source; --summary an HTML page of the figures,\n" +
			"which are also printed to standard error.\n\n" +
			"Exit status: 0 when every record was read, 2 when any failed (after the rest)\n" +
			"or on a usage error.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write the per-record reports (JSON Lines) to `FILE` (default: standard output)"},
			&cli.StringFlag{Name: "quotes", Usage: "write one CSV row per quotation to `FILE`"},
			&cli.StringFlag{Name: "sources", Usage: "write one CSV row per source of each article to `FILE`"},
			&cli.StringFlag{Name: "summary", Usage: "write the summary as a self-contained HTML page to `FILE`"},
			&cli.BoolFlag{Name: "resume", Usage: "continue an interrupted run: keep the records already in --out, skip them in the input, append the rest"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print no progress and no summary figures"},
			&cli.IntFlag{Name: "version-window", Value: batch.DefaultVersionWindow, Usage: "how many article ids keep their last version for comparison with a later one"},
			&cli.IntFlag{Name: "top", Value: 20, Usage: "entries in the summary's top lists"},
			&cli.DurationFlag{Name: "progress-interval", Usage: "time between progress lines when standard error is not a terminal (default 10s)"},
		}, checkFlags()...),
		Action: func(c *cli.Context) error { return runBatch(c, e) },
	}
}

func runBatch(c *cli.Context, e *env) error {
	if c.NArg() == 0 {
		return usageError("batch: no paths given (use - for standard input)")
	}
	eng, err := newEngine(c, e)
	if err != nil {
		return err
	}
	opt := batch.Options{
		Paths: c.Args().Slice(), Stdin: e.stdin, Stdout: e.stdout,
		Engine: eng, Input: eng.Options().Input, Workers: c.Int("jobs"),
		Out: c.String("out"), Quotes: c.String("quotes"), Sources: c.String("sources"), Summary: c.String("summary"),
		Resume: c.Bool("resume"), VersionWindow: c.Int("version-window"), Top: c.Int("top"),
		ProgressInterval: c.Duration("progress-interval"),
		Tool:             report.Tool{Name: "quotecheck", Version: Version},
		Skipped:          eng.Options().Skipped,
	}
	if !c.Bool("quiet") {
		opt.Progress = e.stderr
		if (opt.Out == "" || opt.Out == "-") && batch.IsTerminal(e.stdout) {
			// The reports scroll past on the same screen: no bar.
			opt.ProgressMode = batch.ProgressLines
		}
	}
	if opt.Resume && (opt.Out == "" || opt.Out == "-") {
		return usageError("batch --resume: give the output file to continue with --out")
	}
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		// A batch run's live heap is small and does not grow, while
		// extraction allocates a lot: collecting less often, against a
		// soft limit, saves about a tenth of the CPU time.
		defer debug.SetGCPercent(debug.SetGCPercent(batchGCPercent))
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(batchMemoryLimit))
		// an archive fills the heap up to the limit: mapped on huge
		// pages at once (see internal/hugeheap)
		hugeheap.Reserve(batchMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	stats, err := batch.Run(ctx, opt)
	if err != nil {
		return cli.Exit("batch: "+err.Error(), ExitError)
	}
	if !c.Bool("quiet") {
		fmt.Fprintln(e.stderr)
		if err := batch.WriteText(e.stderr, stats.Figures, opt.Top); err != nil {
			return cli.Exit("batch: "+err.Error(), ExitError)
		}
		fmt.Fprintln(e.stderr)
	}
	fmt.Fprintln(e.stderr, "quotecheck batch: "+batch.CountLine(stats))
	switch {
	case stats.Interrupted:
		return cli.Exit(fmt.Sprintf("batch: interrupted after %d records; run again with --resume to continue", stats.Records), ExitError)
	case stats.Figures.Failed > 0:
		return cli.Exit("", ExitError)
	}
	return nil
}
