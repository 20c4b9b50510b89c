package cli

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/eval"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/rules"
)

func evalCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "score the checker against gold-annotated articles",
		ArgsUsage: "GOLD...",
		Description: "Reads gold files (one JSON object per file, or JSON Lines) or folders of them and prints\n" +
			"quote precision/recall/F1, speaker and speaker-type accuracy, false missing-attribution\n" +
			"errors, per-rule finding precision/recall and a calibration table, scored as the\n" +
			"gold-format spec and the reference scorer (shared/tools/score.py) compute them.",
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "errors", Usage: "list up to N mistakes"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usageError("eval: no gold files given")
			}
			files, err := goldFiles(c.Args().Slice())
			if err != nil {
				return cli.Exit(err.Error(), ExitError)
			}
			chk, err := checkerForEval()
			if err != nil {
				return err
			}
			score := eval.NewScore()
			for _, f := range files {
				golds, err := eval.LoadGold(f)
				if err != nil {
					return cli.Exit(err.Error(), ExitError)
				}
				for i := range golds {
					eval.ScoreArticle(score, chk, &golds[i])
				}
			}
			eval.WriteScore(e.stdout, score, c.Int("errors"))
			return nil
		},
	}
}

// goldFiles expands folders into their .json and .jsonl files.
func goldFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		var found []string
		isGold := func(p string) bool { return strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".jsonl") }
		_ = input.Walk(a, isGold, nil, func(p string, _ int64, err error) error {
			if err == nil {
				found = append(found, p)
			}
			return nil
		})
		sort.Strings(found)
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no .json or .jsonl gold files", a)
		}
		out = append(out, found...)
	}
	return out, nil
}

func checkerForEval() (*checker.Checker, error) {
	return checker.New(rules.All(), checker.Config{})
}
