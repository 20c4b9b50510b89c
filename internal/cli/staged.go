package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/engine"
	"github.com/quotecheck/quotecheck/hook"
)

// stagedFlags are the check command's flags for hooks: the staged
// versions of files, and the baseline.
func stagedFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "staged", Usage: "check the staged version of every staged article file (for pre-commit hooks); takes no paths"},
		&cli.StringFlag{Name: "baseline", Usage: "drop findings recorded in baseline `FILE` (default: the config's baseline)"},
		&cli.BoolFlag{Name: "no-baseline", Usage: "report every finding, ignoring any baseline"},
		// Used by `hook run`: a baseline for inputs whose config names
		// none, when the file exists.
		&cli.StringFlag{Name: "default-baseline", Hidden: true},
	}
}

// isArticle reports whether a file name has an article extension and is
// not hidden.
func isArticle(name string) bool {
	base := filepath.Base(name)
	return !strings.HasPrefix(base, ".") && checker.ArticleExtensions[strings.ToLower(filepath.Ext(base))]
}

// checkInputs returns what the check command reads: the paths given, or
// with --staged the staged article files read from the index. done
// releases what reading needs.
func checkInputs(c *cli.Context, e *env, eng *engine.Engine) ([]checker.Input, func(context.Context, checker.Input) []checker.Result, func(), error) {
	nothing := func() {}
	if !c.Bool("staged") {
		paths := c.Args().Slice()
		if len(paths) == 0 {
			return nil, nil, nothing, usageError("check: no paths given (use - for standard input, or --staged)")
		}
		return eng.Inputs(paths), nil, nothing, nil
	}
	if c.NArg() > 0 {
		return nil, nil, nothing, usageError("check --staged takes no paths: it checks every staged article file")
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, nil, nothing, cli.Exit(err.Error(), ExitError)
	}
	top, err := hook.TopLevel(wd)
	if err != nil {
		return nil, nil, nothing, usageError("check --staged: %v", err)
	}
	names, err := hook.StagedFiles(top, isArticle)
	if err != nil {
		return nil, nil, nothing, cli.Exit("check --staged: "+err.Error(), ExitError)
	}
	if len(names) == 0 {
		return nil, nil, nothing, nil
	}
	blobs, err := hook.NewBlobReader(top)
	if err != nil {
		return nil, nil, nothing, cli.Exit("check --staged: "+err.Error(), ExitError)
	}
	// Inputs are shown as working-tree paths relative to the working
	// folder; the index is read by path from the top.
	inputs := make([]checker.Input, 0, len(names))
	index := make(map[string]string, len(names))
	for _, n := range names {
		shown := filepath.Join(top, filepath.FromSlash(n))
		if rel, err := filepath.Rel(wd, shown); err == nil && !strings.HasPrefix(rel, "..") {
			shown = rel
		}
		inputs = append(inputs, checker.Input{Path: shown})
		index[shown] = n
	}
	limit := eng.Options().Input.MaxSize
	read := func(ctx context.Context, in checker.Input) []checker.Result {
		data, err := blobs.Staged(index[in.Path], limit)
		if err != nil {
			var tl *hook.TooLargeError
			if errors.As(err, &tl) {
				err = &article.TooLargeError{Size: tl.Size, Limit: tl.Limit}
			}
			return []checker.Result{{Path: in.Path, Err: err}}
		}
		rs := eng.CheckBytes(ctx, in.Path, data)
		if len(rs) == 1 && rs[0].Err == nil {
			e.staged.put(in.Path, rs[0].Doc)
		}
		return rs
	}
	return inputs, read, func() { blobs.Close() }, nil
}

// stagedDocs hands the documents check --staged extracted to the diff
// the hook runs next, so that each staged blob is read and checked once.
// Each is taken once, and what is kept is bounded: past the limit the
// diff checks the blob again.
type stagedDocs struct {
	mu    sync.Mutex
	docs  map[string]*article.Document
	bytes int
}

// stagedDocsLimit bounds the text kept for the diff.
const stagedDocsLimit = 32 << 20

// put keeps the document checked for a staged path.
func (s *stagedDocs) put(path string, doc *article.Document) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.bytes+len(doc.Text) > stagedDocsLimit {
		return
	}
	if s.docs == nil {
		s.docs = map[string]*article.Document{}
	}
	s.docs[path] = doc
	s.bytes += len(doc.Text)
}

// take returns, and forgets, the document kept for path; nil if none.
func (s *stagedDocs) take(path string) *article.Document {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.docs[path]
	if doc != nil {
		delete(s.docs, path)
		s.bytes -= len(doc.Text)
	}
	return doc
}
