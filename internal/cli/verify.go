package cli

import (
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/config"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/rules"
)

// sourceFlags are the flags that give the record quotations are checked
// against (verify, check). They override the config's sources.
func sourceFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "source", Aliases: []string{"s"}, Usage: "transcript, captions (.srt, .vtt) or document to check quotations against (repeatable; default: the config's sources)"},
		&cli.BoolFlag{Name: "partial", Usage: "the sources do not hold every quotation: report quotations not found at info level (also sources-partial: true in the config)"},
	}
}

// firstPath is the first input argument, or "-": the path whose settings
// say whether there are sources at all.
func firstPath(c *cli.Context) string {
	if p := c.Args().First(); p != "" && p != "-" {
		if isDir(p) {
			return strings.TrimSuffix(p, "/") + "/x"
		}
		return p
	}
	return "-"
}

func verifyCommand(e *env) *cli.Command {
	flags := append([]cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text, json or jsonl"},
		&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 when a finding is at or above this severity: error, warning, info or never"},
	}, append(sourceFlags(), checkFlags()...)...)
	return &cli.Command{
		Name:      "verify",
		Usage:     "check each quotation of a story against transcripts, captions and statements",
		ArgsUsage: "STORY... --source FILE...",
		Description: "Finds each quotation of each story in the sources (plain-text transcripts with\n" +
			"speaker turns, .srt and .vtt captions, Markdown, HTML, JSON) and says whether it is\n" +
			"verbatim, altered (with each change classed cosmetic or meaning-bearing), stitched\n" +
			"from separate places, or not found, and whether the transcript's speaker is the\n" +
			"story's. Text output lists every quotation with its source passage and word diff,\n" +
			"then the verification rules' findings. Exit status: 0 clean, 1 findings at or above\n" +
			"--fail-on, 2 usage errors or an unreadable story or source (the others are still used).",
		Flags: flags,
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usageError("verify: no story given")
			}
			format := c.String("format")
			if format != "text" && format != "json" && format != "jsonl" {
				return usageError("verify: unknown format %q (want text, json or jsonl)", format)
			}
			failOn, err := parseFailOn(c.String("fail-on"))
			if err != nil {
				return err
			}
			eng, err := newEngine(c, e, verifyOnly()...)
			if err != nil {
				return err
			}
			if cfg, err := eng.Config(firstPath(c)); err == nil && len(cfg.Sources) == 0 {
				return usageError("verify: no sources (give --source FILE, or sources: in %s)", config.FileName)
			}
			w, err := report.NewWriter(format, e.stdout, e.stderr, report.Tool{Name: "quotecheck", Version: Version, Rules: rules.All()}, 0)
			if err != nil {
				return usageError("%v", err)
			}
			var writeFirst func(io.Writer, checker.Result) error
			if format == "text" {
				writeFirst = report.WriteVerifications
			}
			return e.checkAndWrite(c, eng, w, failOn, writeFirst)
		},
	}
}

// verifyOnly turns off every rule but the verification rules: verify
// answers one question.
func verifyOnly() []string {
	var off []string
	for _, r := range rules.All() {
		if !r.VerifiesQuotes() {
			off = append(off, r.ID)
		}
	}
	return off
}
