package cli

import (
	"encoding/json"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/rules"
)

func rulesCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "rules",
		Usage:     "list the rules with their documentation",
		ArgsUsage: "[RULE-ID]...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text, markdown or json"},
		},
		Action: func(c *cli.Context) error {
			list := rules.All()
			if c.NArg() > 0 {
				list = list[:0:0]
				for _, id := range c.Args().Slice() {
					r := rules.ByID(rules.All(), id)
					if r == nil {
						return usageError("unknown rule %q (see quotecheck rules)", id)
					}
					list = append(list, r)
				}
			}
			switch c.String("format") {
			case "text":
				return report.WriteRulesText(e.stdout, list)
			case "markdown", "md":
				return report.WriteRulesMarkdown(e.stdout, list)
			case "json":
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(report.RulesJSON(list))
			}
			return usageError("rules: unknown format %q (want text, markdown or json)", c.String("format"))
		},
	}
}

var _ = fmt.Sprintf
