package cli

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/config"
)

func configCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "config",
		Usage: "show the effective configuration, or the house-style presets",
		Subcommands: []*cli.Command{
			{
				Name:      "show",
				Usage:     "print the effective configuration for a file or folder and where each value came from",
				ArgsUsage: "[PATH]",
				Description: "Finds the config the way check does (--config, then $" + config.EnvVar + ", then the\n" +
					"nearest " + config.FileName + " in PATH's folder or above; PATH defaults to the working\n" +
					"folder), applies --disable, --severity, --source and --partial, and prints every\n" +
					"rule's state and severity, the options, the baseline and the sources, each with\n" +
					"its origin: default, a preset,\n" +
					"FILE:LINE of a config file, or a flag. Exit 2 when the config is invalid.",
				Flags: append([]cli.Flag{
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
				}, append(ruleFlags(), sourceFlags()...)...),
				Action: func(c *cli.Context) error {
					if c.NArg() > 1 {
						return usageError("config show: want at most one PATH")
					}
					format := c.String("format")
					if format != "text" && format != "json" {
						return usageError("config show: unknown format %q (want text or json)", format)
					}
					eng, err := newEngine(c, e)
					if err != nil {
						return err
					}
					// A folder's config is the one its files get.
					path := "-"
					if p := c.Args().First(); p != "" {
						if _, err := os.Stat(p); err != nil {
							return usageError("config show: %s: no such file or folder", p)
						}
						path = p
						if isDir(p) {
							path = filepath.Join(p, "x")
						}
					}
					cfg, err := eng.Config(path)
					if err != nil {
						return cli.Exit(err.Error(), ExitError)
					}
					if format == "json" {
						enc := json.NewEncoder(e.stdout)
						enc.SetIndent("", "  ")
						return enc.Encode(cfg.View())
					}
					return cfg.WriteText(e.stdout)
				},
			},
			{
				Name:  "presets",
				Usage: "list the house-style presets a config file can extend",
				Action: func(c *cli.Context) error {
					return config.WritePresets(e.stdout)
				},
			},
		},
	}
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
