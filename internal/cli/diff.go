package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/engine"
	"github.com/quotecheck/quotecheck/hook"
	"github.com/quotecheck/quotecheck/internal/pool"
	"github.com/quotecheck/quotecheck/report"
)

func diffCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "report quotations that changed between versions of an article",
		ArgsUsage: "OLD NEW [NEWER...] | --git REV PATH... | --git REV --staged [PATH...]",
		Description: "Compares the quotations of two versions of an article: quotes reworded\n" +
			"(quote-changed), cut (quote-removed), added (quote-added) or attributed to\n" +
			"someone else (speaker-changed). Edits outside quotation marks are not reported.\n\n" +
			"  quotecheck diff OLD NEW             two files\n" +
			"  quotecheck diff V1 V2 V3...         a series: each version with the next\n" +
			"  quotecheck diff --git REV PATH...   each file at git revision REV against the working tree\n" +
			"  quotecheck diff --git REV --staged [PATH...]\n" +
			"                                      against the staged version (the index); with no\n" +
			"                                      paths, every staged article file\n\n" +
			"Prints nothing for an unchanged article (text format). Exit status: 0 no change at\n" +
			"or above --fail-on, 1 changes at or above it, 2 usage or input errors.",
		Flags: append(append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text, json or jsonl"},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 when a change is at or above this severity: error, warning, info or never"},
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the word diff: auto (on a terminal, unless NO_COLOR is set), always or never"},
			&cli.StringFlag{Name: "git", Usage: "compare each PATH at git revision `REV` with the working tree"},
			&cli.BoolFlag{Name: "staged", Aliases: []string{"cached"}, Usage: "with --git: compare with the staged version (the index) instead of the working tree; no paths means every staged article file"},
		}, ruleFlags()...), inputFlags()...),
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
	eng, err := newEngine(c, e)
	if err != nil {
		return err
	}
	ctx := context.Background()
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
	fileVersion := func(path string) version {
		return version{label: path, load: func() checker.Result { return firstResult(path, eng.Check(ctx, checker.Input{Path: path})) }}
	}

	// pairs lists comparisons as indices into versions.
	var versions []version
	var pairs [][2]int
	if c.Bool("staged") && !c.IsSet("git") {
		return usageError("diff: --staged compares with a git revision: add --git REV (such as --git HEAD)")
	}
	if c.IsSet("git") {
		rev := c.String("git")
		if rev == "" || strings.HasPrefix(rev, "-") {
			return usageError("diff: --git wants a revision, got %q", rev)
		}
		staged := c.Bool("staged")
		if len(args) == 0 && !staged {
			return usageError("diff: --git %s: no paths given", rev)
		}
		src := newGitSource(eng, rev)
		src.staged = e.staged
		defer src.close()
		var inputs []checker.Input
		if staged {
			inputs, err = src.stagedInputs(args)
			if err != nil {
				return err
			}
		} else {
			inputs = eng.Inputs(args)
		}
		for _, in := range inputs {
			if in.Err != nil || in.Path == "-" {
				err := in.Err
				if in.Path == "-" {
					err = errors.New("standard input has no git revision")
				}
				// Paired with itself: reported once, as an input error.
				versions = append(versions, version{label: in.Path, load: func() checker.Result { return checker.Result{Path: in.Path, Err: err} }})
				pairs = append(pairs, [2]int{len(versions) - 1, len(versions) - 1})
				continue
			}
			old, new, err := src.versions(in.Path, staged, fileVersion)
			if err != nil {
				var u usageErr
				if errors.As(err, &u) {
					return usageError("diff: %v", err)
				}
				label := rev + ":" + in.Path
				old = version{label: label, load: func() checker.Result { return checker.Result{Path: label, Err: err} }}
			}
			versions = append(versions, old, new)
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

	// Each version is read and checked once, on the worker pool, and
	// arrives here in order; pairs end at increasing versions, each
	// comparing a version with itself or the one before, so only the
	// last two are kept.
	tool := report.Tool{Name: "quotecheck", Version: Version}
	var inputErrors, failing int
	var writeErr error
	reported := map[int]bool{}
	var prev, cur checker.Result
	next := 0 // the next pair to compare
	compare := func(p [2]int) {
		old, new := cur, cur
		if p[0] < p[1] {
			old = prev
		}
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
			return
		}
		findings, err := eng.Compare(new.Path, old.Doc, new.Doc)
		if err != nil {
			inputErrors++
			fmt.Fprintf(e.stderr, "%s: error: %v\n", displayName(new.Path), err)
			return
		}
		for _, f := range findings {
			if failOn != 0 && f.Severity >= failOn {
				failing++
			}
		}
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
	produce := func(yield func(int) bool) {
		for i := range versions {
			if !yield(i) {
				return
			}
		}
	}
	load := func() func(int) checker.Result { return func(i int) checker.Result { return versions[i].load() } }
	arrived := 0
	pool.Ordered(ctx, eng.Options().Workers, 0, produce, load, func(r checker.Result) {
		prev, cur = cur, r
		for ; next < len(pairs) && pairs[next][1] == arrived; next++ {
			compare(pairs[next])
		}
		arrived++
	})
	return exitStatus(writeErr, inputErrors, failing)
}

// firstResult is the first article's result of an input (a report or a
// comparison shows one).
func firstResult(path string, rs []checker.Result) checker.Result {
	if len(rs) == 0 {
		return checker.Result{Path: path, Err: article.ErrEmpty}
	}
	return rs[0]
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

// gitSource reads the old side of `diff --git REV` (and with --staged
// the new side too) from git: one `git cat-file --batch` process per
// repository for the whole run, a `git rev-parse --show-toplevel` per
// folder holding inputs and a check of REV per repository, rather than
// several git processes per file.
type gitSource struct {
	eng   *engine.Engine
	rev   string
	limit int64
	tops  map[string]gitTop   // folder -> the working tree holding it
	repos map[string]*gitRepo // top -> its reader
	// staged holds documents check --staged extracted in the same hook
	// run; nil otherwise.
	staged *stagedDocs
}

type gitTop struct {
	top string
	err error
}

type gitRepo struct {
	blobs *hook.BlobReader
	err   error
}

func newGitSource(eng *engine.Engine, rev string) *gitSource {
	return &gitSource{eng: eng, rev: rev, limit: eng.Options().Input.MaxSize, tops: map[string]gitTop{}, repos: map[string]*gitRepo{}}
}

func (g *gitSource) close() {
	for _, r := range g.repos {
		if r.blobs != nil {
			r.blobs.Close()
		}
	}
}

// topOf returns the top of the working tree holding the folder dir (the
// nearest existing folder at or above it), with symbolic links resolved.
func (g *gitSource) topOf(dir string) (string, error) {
	if t, ok := g.tops[dir]; ok {
		return t.top, t.err
	}
	at := dir
	for {
		if st, err := os.Stat(at); err == nil && st.IsDir() {
			break
		}
		up := filepath.Dir(at)
		if up == at {
			break
		}
		at = up
	}
	top, err := hook.TopLevel(at)
	if err == nil {
		if real, err := filepath.EvalSymlinks(top); err == nil {
			top = real
		}
	}
	g.tops[dir] = gitTop{top, err}
	return top, err
}

// locate returns the repository holding path and path relative to its
// top, in git's form.
func (g *gitSource) locate(path string) (*gitRepo, string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, "", err
	}
	abs = resolveExisting(abs)
	top, err := g.topOf(filepath.Dir(abs))
	if err != nil {
		return nil, "", fmt.Errorf("%s: not in a git repository: %v", path, err)
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, "", fmt.Errorf("%s: outside the repository %s", path, top)
	}
	repo, err := g.repo(top)
	if err != nil {
		return nil, "", err
	}
	return repo, filepath.ToSlash(rel), nil
}

// resolveExisting resolves symbolic links in path as far as it exists: a
// staged file may be gone from the working tree, or its folder too.
func resolveExisting(path string) string {
	rest := ""
	for at := path; ; {
		if real, err := filepath.EvalSymlinks(at); err == nil {
			return filepath.Join(real, rest)
		}
		up := filepath.Dir(at)
		if up == at {
			return path
		}
		rest = filepath.Join(filepath.Base(at), rest)
		at = up
	}
}

// repo returns the reader for the repository at top, checking REV the
// first time.
func (g *gitSource) repo(top string) (*gitRepo, error) {
	r, ok := g.repos[top]
	if !ok {
		r = &gitRepo{}
		g.repos[top] = r
		if _, err := hook.Git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", g.rev+"^{commit}"); err != nil {
			r.err = usageErr{fmt.Errorf("--git %s: unknown revision in %s", g.rev, top)}
		} else if r.blobs, err = hook.NewBlobReader(top); err != nil {
			r.err = err
		}
	}
	return r, r.err
}

// versions returns path at REV, and path in the working tree (or with
// staged, in the index). A file that did not exist at REV is an empty
// article, so every quote in it counts as added.
func (g *gitSource) versions(path string, staged bool, working func(string) version) (old, new version, err error) {
	new = working(path)
	repo, rel, err := g.locate(path)
	if err != nil {
		if staged {
			// Nothing to read: the pair is skipped for the old side's error.
			new = version{label: path, load: func() checker.Result { return checker.Result{Path: path} }}
		}
		return version{}, new, err
	}
	label := g.rev + ":" + path
	old = version{label: label, load: func() checker.Result {
		data, err := repo.blobs.AtRevision(g.rev, rel, g.limit)
		if errors.Is(err, hook.ErrNotFound) {
			chk, err := g.eng.Checker(path)
			if err != nil {
				return checker.Result{Path: label, Err: err}
			}
			return chk.CheckText(label, "")
		}
		return g.result(label, path, data, err)
	}}
	if staged {
		new = version{label: path, load: func() checker.Result {
			if doc := g.staged.take(path); doc != nil {
				return checker.Result{Path: path, Doc: doc}
			}
			data, err := repo.blobs.Staged(rel, g.limit)
			return g.result(path, path, data, err)
		}}
	}
	return old, new, nil
}

// result checks a version read from git with the settings of the
// working-tree path it is a version of.
func (g *gitSource) result(label, path string, data []byte, err error) checker.Result {
	if err != nil {
		var tl *hook.TooLargeError
		if errors.As(err, &tl) {
			err = &article.TooLargeError{Size: tl.Size, Limit: tl.Limit}
		}
		return checker.Result{Path: label, Err: err}
	}
	return firstResult(label, g.eng.CheckBytesFor(context.Background(), label, path, data))
}

// stagedInputs returns what `diff --git REV --staged` compares: with no
// paths every staged article file of the working tree the current folder
// is in; a folder stands for the article files the index holds under it;
// a file is taken as given (the index need not match the working tree).
// Paths are shown relative to the current folder, as the working tree's.
func (g *gitSource) stagedInputs(args []string) ([]checker.Input, error) {
	if len(args) == 0 {
		wd, err := os.Getwd()
		if err != nil {
			return nil, cli.Exit(err.Error(), ExitError)
		}
		top, err := hook.TopLevel(wd)
		if err != nil {
			return nil, usageError("diff --staged: %v", err)
		}
		names, err := hook.StagedFiles(top, isArticle)
		if err != nil {
			return nil, cli.Exit("diff --staged: "+err.Error(), ExitError)
		}
		real := top
		if r, err := filepath.EvalSymlinks(top); err == nil {
			real = r
		}
		if _, err := g.repo(real); err != nil {
			var u usageErr
			if errors.As(err, &u) {
				return nil, usageError("diff: %v", err)
			}
			return nil, cli.Exit("diff --staged: "+err.Error(), ExitError)
		}
		inputs := make([]checker.Input, 0, len(names))
		for _, n := range names {
			p := filepath.Join(top, filepath.FromSlash(n))
			if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
				p = rel
			}
			inputs = append(inputs, checker.Input{Path: p})
			// Spare a rev-parse per folder: they are all in top.
			g.tops[filepath.Dir(filepath.Join(real, filepath.FromSlash(n)))] = gitTop{top: real}
		}
		return inputs, nil
	}
	var inputs []checker.Input
	for _, a := range args {
		if st, err := os.Stat(a); a == "-" || err != nil || !st.IsDir() {
			inputs = append(inputs, checker.Input{Path: a})
			continue
		}
		names, err := hook.IndexFiles(a, func(n string) bool {
			for _, part := range strings.Split(n, "/") {
				if strings.HasPrefix(part, ".") {
					return false
				}
			}
			return isArticle(n)
		})
		if err != nil {
			inputs = append(inputs, checker.Input{Path: a, Err: err})
			continue
		}
		sort.Strings(names)
		for _, n := range names {
			inputs = append(inputs, checker.Input{Path: filepath.Join(a, filepath.FromSlash(n))})
		}
	}
	return inputs, nil
}
