package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/htmlreport"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/rules"
)

func reportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "write the standards editor's HTML report of a story",
		ArgsUsage: "STORY|-",
		Description: "Writes one self-contained HTML page: the story with every quotation highlighted\n" +
			"by kind of source (speaker and cue on hover or focus), the findings beside the\n" +
			"paragraph they concern with their rule documentation, a roster of sources and,\n" +
			"with --against, the quotations that changed since the earlier version, with\n" +
			"word-level diffs. With --source (or the config's sources), each quotation's\n" +
			"passage in the transcripts, captions or statements is shown under it, with\n" +
			"its verdict and word diff, and the roster says which source backs each speaker.\n" +
			"The page loads nothing from the network.\n\n" +
			"  quotecheck report story.txt --html story.html\n" +
			"  quotecheck report v2.md --against v1.md --html changes.html\n" +
			"  quotecheck report story.txt --source interview.txt --html checked.html\n\n" +
			"Exit status: 0 the report was written, 2 usage or input errors (an unreadable\n" +
			"source is reported and the page is written with the others).",
		Flags: append(append(append([]cli.Flag{
			&cli.StringFlag{Name: "html", Aliases: []string{"o"}, Value: "-", Usage: "write the page to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "against", Usage: "compare with the earlier version in `OLD`"},
			&cli.StringFlag{Name: "title", Usage: "page title (default: the story's title or first heading)"},
		}, ruleFlags()...), inputFlags()...), sourceFlags()...),
		Action: func(c *cli.Context) error { return runReport(c, e) },
	}
}

func runReport(c *cli.Context, e *env) error {
	if c.NArg() != 1 {
		return usageError("report: want one STORY (a file, or - for standard input)")
	}
	eng, err := newEngine(c, e)
	if err != nil {
		return err
	}
	ctx := context.Background()
	storyPath, oldPath := c.Args().First(), c.String("against")
	if storyPath == "-" && oldPath == "-" {
		return usageError("report: standard input (-) can be given only once")
	}
	story := eng.ReadStory(ctx, storyPath)
	in := htmlreport.Input{Result: story, Rules: rules.All(), Title: c.String("title"),
		Tool: report.Tool{Name: "quotecheck", Version: Version}}
	failed := false
	if story.Err != nil {
		fmt.Fprintf(e.stderr, "%s: error: %v\n", displayName(storyPath), story.Err)
		failed = true
	}
	if c.IsSet("against") {
		old := eng.ReadStory(ctx, oldPath)
		in.Against = &old
		if old.Err != nil {
			fmt.Fprintf(e.stderr, "%s: error: %v\n", displayName(oldPath), old.Err)
			failed = true
		} else if story.Err == nil {
			if in.Changes, err = eng.Compare(storyPath, old.Doc, story.Doc); err != nil {
				fmt.Fprintf(e.stderr, "%s: error: %v\n", displayName(storyPath), err)
				failed = true
			}
		}
	}
	if failed {
		// A page that only says the story could not be read helps no one.
		return cli.Exit("", ExitError)
	}
	if err := writeOutput(c.String("html"), e.stdout, func(w io.Writer) error { return htmlreport.Write(w, in) }); err != nil {
		return cli.Exit(fmt.Sprintf("report: %v", err), ExitError)
	}
	if out := c.String("html"); out != "-" {
		fmt.Fprintf(e.stderr, "wrote %s: %s, %s", out, plural(len(story.Doc.Quotations()), "quotation"), plural(len(story.Findings), "finding"))
		if in.Against != nil {
			fmt.Fprintf(e.stderr, ", %s", plural(len(in.Changes), "quotation change"))
		}
		if n := len(story.Verifications); n > 0 {
			fmt.Fprintf(e.stderr, ", %d checked against the sources", n)
		}
		fmt.Fprintln(e.stderr)
	}
	if eng.SourceErrors() > 0 {
		return cli.Exit("", ExitError)
	}
	return nil
}

// writeOutput writes to standard output for "-", or else to a temporary
// file in the target's folder that replaces the target only once written.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "-" || path == "" {
		return write(stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// plural writes a count and a noun, with an s unless the count is one.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
