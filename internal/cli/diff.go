package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/report"
)

func diffCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "report quotations that changed between versions of an article",
		ArgsUsage: "OLD NEW [NEWER...] | --git REV PATH...",
		Description: "Compares the quotations of two versions of an article: quotes reworded\n" +
			"(quote-changed), cut (quote-removed), added (quote-added) or attributed to\n" +
			"someone else (speaker-changed). Edits outside quotation marks are not reported.\n\n" +
			"  quotecheck diff OLD NEW             two files\n" +
			"  quotecheck diff V1 V2 V3...         a series: each version with the next\n" +
			"  quotecheck diff --git REV PATH...   each file at git revision REV against the working tree\n\n" +
			"Prints nothing for an unchanged article (text format). Exit status: 0 no change at\n" +
			"or above --fail-on, 1 changes at or above it, 2 usage or input errors.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text, json or jsonl"},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 when a change is at or above this severity: error, warning, info or never"},
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the word diff: auto (on a terminal, unless NO_COLOR is set), always or never"},
			&cli.StringFlag{Name: "git", Usage: "compare each PATH at git revision `REV` with the working tree"},
			&cli.StringSliceFlag{Name: "disable", Usage: "turn off a rule (repeatable)"},
			&cli.StringSliceFlag{Name: "severity", Usage: "change a rule's severity: RULE=error|warning|info (repeatable)"},
			&cli.Int64Flag{Name: "max-size", Usage: "largest input accepted, in bytes", Value: 64 << 20},
		},
		Action: func(c *cli.Context) error { return runDiff(c, e) },
	}
}

// version is one input of a comparison: a label for messages and a way
// to read and extract it.
type version struct {
	label string
	load  func() checker.Result
}

func runDiff(c *cli.Context, e *env) error {
	failOn, err := parseFailOn(c.String("fail-on"))
	if err != nil {
		return err
	}
	format := c.String("format")
	if format != "text" && format != "json" && format != "jsonl" {
		return usageError("diff: unknown format %q (want text, json or jsonl)", format)
	}
	style, err := diffStyle(c.String("color"), e.stdout)
	if err != nil {
		return err
	}
	chk, err := newChecker(c)
	if err != nil {
		return err
	}
	args := c.Args().Slice()
	stdinUses := 0
	for _, a := range args {
		if a == "-" {
			stdinUses++
		}
	}
	if stdinUses > 1 {
		return usageError("diff: standard input (-) can be given only once")
	}
	open := e.open(chk)
	fileVersion := func(path string) version {
		return version{label: path, load: func() checker.Result { return open(checker.Input{Path: path}) }}
	}

	// pairs lists comparisons as indices into versions.
	var versions []version
	var pairs [][2]int
	if c.IsSet("git") {
		rev := c.String("git")
		if rev == "" || strings.HasPrefix(rev, "-") {
			return usageError("diff: --git wants a revision, got %q", rev)
		}
		if len(args) == 0 {
			return usageError("diff: --git %s: no paths given", rev)
		}
		for _, in := range checker.ExpandPaths(args) {
			if in.Err != nil || in.Path == "-" {
				err := in.Err
				if in.Path == "-" {
					err = errors.New("standard input has no git revision")
				}
				versions = append(versions, version{label: in.Path, load: func() checker.Result { return checker.Result{Path: in.Path, Err: err} }})
				continue
			}
			old, err := gitVersion(chk, rev, in.Path)
			if err != nil {
				var u usageErr
				if errors.As(err, &u) {
					return usageError("diff: %v", err)
				}
				old = version{label: rev + ":" + in.Path, load: func() checker.Result { return checker.Result{Path: rev + ":" + in.Path, Err: err} }}
			}
			versions = append(versions, old, fileVersion(in.Path))
			pairs = append(pairs, [2]int{len(versions) - 2, len(versions) - 1})
		}
	} else {
		if len(args) < 2 {
			return usageError("diff: want OLD NEW (or a series V1 V2 V3..., or --git REV PATH...)")
		}
		for i, a := range args {
			versions = append(versions, fileVersion(a))
			if i > 0 {
				pairs = append(pairs, [2]int{i - 1, i})
			}
		}
	}

	// Each version is read once; a series keeps only the last one.
	results := map[int]checker.Result{}
	reported := map[int]bool{}
	get := func(i int) checker.Result {
		if r, ok := results[i]; ok {
			return r
		}
		r := versions[i].load()
		results[i] = r
		for k := range results {
			if k < i-1 {
				delete(results, k)
			}
		}
		return r
	}
	tool := report.Tool{Name: "quotecheck", Version: Version}
	var inputErrors, failing int
	var writeErr error
	for _, p := range pairs {
		old, new := get(p[0]), get(p[1])
		bad := false
		for side, r := range [2]checker.Result{old, new} {
			if k := p[side]; r.Err != nil {
				bad = true
				if !reported[k] {
					reported[k] = true
					inputErrors++
					fmt.Fprintf(e.stderr, "%s: error: %v\n", displayName(r.Path), r.Err)
				}
			}
		}
		if bad {
			continue
		}
		findings := chk.Compare(old.Doc, new.Doc)
		for _, f := range findings {
			if failOn != 0 && f.Severity >= failOn {
				failing++
			}
		}
		var err error
		switch format {
		case "text":
			err = report.WriteDiffText(e.stdout, old, new, findings, style)
		default:
			err = report.WriteDiffJSON(e.stdout, report.DiffReportOf(tool, old, new, findings), format == "jsonl")
		}
		if err != nil && writeErr == nil {
			writeErr = err
		}
	}
	switch {
	case writeErr != nil:
		return cli.Exit(fmt.Sprintf("writing output: %v", writeErr), ExitError)
	case inputErrors > 0:
		return cli.Exit("", ExitError)
	case failing > 0:
		return cli.Exit("", ExitFindings)
	}
	return nil
}

func displayName(p string) string {
	if p == "-" || p == "" {
		return "<stdin>"
	}
	return p
}

// diffStyle picks colour or plain markers for the text output.
func diffStyle(mode string, out io.Writer) (report.DiffStyle, error) {
	switch mode {
	case "always":
		return report.ColorDiff, nil
	case "never":
		return report.PlainDiff, nil
	case "auto", "":
		if os.Getenv("NO_COLOR") != "" {
			return report.PlainDiff, nil
		}
		if f, ok := out.(*os.File); ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())) {
			return report.ColorDiff, nil
		}
		return report.PlainDiff, nil
	}
	return report.DiffStyle{}, usageError("diff: --color %q: want auto, always or never", mode)
}

// usageErr is a git problem that makes the whole command line wrong (an
// unknown revision), not just one file.
type usageErr struct{ error }

// gitVersion returns the version of path at revision rev, read with git
// show from the repository that holds path. A file that did not exist at
// rev is an empty article, so every quote in it counts as added.
func gitVersion(chk *checker.Checker, rev, path string) (version, error) {
	label := rev + ":" + path
	abs, err := filepath.Abs(path)
	if err != nil {
		return version{}, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	out, err := git(filepath.Dir(abs), "rev-parse", "--show-toplevel")
	if err != nil {
		return version{}, fmt.Errorf("%s: not in a git repository: %v", path, err)
	}
	top := strings.TrimSpace(string(out))
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return version{}, fmt.Errorf("%s: outside the repository %s", path, top)
	}
	rel = filepath.ToSlash(rel)
	if _, err := git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return version{}, usageErr{fmt.Errorf("--git %s: unknown revision in %s", rev, top)}
	}
	if _, err := git(top, "cat-file", "-e", rev+":"+rel); err != nil {
		return version{label: label, load: func() checker.Result { return chk.CheckText(label, "") }}, nil
	}
	return version{label: label, load: func() checker.Result {
		data, err := git(top, "show", rev+":"+rel)
		if err != nil {
			return checker.Result{Path: label, Err: err}
		}
		return chk.CheckBytes(label, data)
	}}, nil
}

// git runs a git command in dir and returns its standard output; an error
// carries git's own message.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return out, fmt.Errorf("git %s: %s", args[0], msg)
		}
		return out, fmt.Errorf("git %s: %v", args[0], err)
	}
	return out, nil
}
