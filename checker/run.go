package checker

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/internal/pool"
)

// ArticleExtensions are the file types picked up when a folder is checked:
// every extension package input reads (.txt, .md, .html, .json, .jsonl...).
var ArticleExtensions = articleExtensions()

func articleExtensions() map[string]bool {
	m := map[string]bool{}
	for ext := range input.Extensions {
		m[ext] = true
	}
	return m
}

// IsArticleFile reports whether a folder walk picks up a file: an
// extension package input reads, optionally followed by .gz, and not
// hidden. Every command walks folders the same way.
func IsArticleFile(path string) bool {
	base := filepath.Base(path)
	if strings.HasPrefix(base, ".") {
		return false
	}
	lower := strings.TrimSuffix(strings.ToLower(base), ".gz")
	return ArticleExtensions[filepath.Ext(lower)]
}

// Input names one thing to check: a file path, or "-" for Reader.
type Input struct {
	Path string
	// Err is set when the input could not be listed (a missing path).
	Err error
	// Size is the file's size when listing it found it (Sized): a file
	// named on the command line is stat'ed anyway, and its size spares
	// the reader a second look.
	Size  int64
	Sized bool
	// Regular is set for a file its folder's listing found regular
	// without reading its size (input.WalkUnsized): a stat of each of
	// thousands of files, one after the other before any is checked,
	// costs more than the reader's own look when it opens the file.
	Regular bool
}

// ExpandPaths turns command-line paths into inputs: files as given,
// folders walked by input.Walk for article files (sorted; hidden files
// and folders and non-regular files skipped), "-" for standard input.
// Errors are kept as inputs so that the caller reports them in order and
// carries on.
func ExpandPaths(paths []string) []Input {
	return ExpandPathsNoting(paths, nil)
}

// ExpandPathsNoting is ExpandPaths telling skipped about each file of a
// folder that is left out because it is not a regular file (see
// input.Walk).
func ExpandPathsNoting(paths []string, skipped func(path, reason string)) []Input {
	var out []Input
	for _, p := range paths {
		if p == "-" {
			out = append(out, Input{Path: "-"})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			out = append(out, Input{Path: p, Err: err})
			continue
		}
		if !st.IsDir() {
			out = append(out, Input{Path: p, Size: st.Size(), Sized: st.Mode().IsRegular()})
			continue
		}
		var files []Input
		err = input.WalkUnsized(p, IsArticleFile, skipped, func(path string, size int64, err error) error {
			switch {
			case err != nil:
				out = append(out, Input{Path: path, Err: err})
			case size < 0:
				files = append(files, Input{Path: path, Regular: true})
			default:
				files = append(files, Input{Path: path, Size: size, Sized: true})
			}
			return nil
		})
		if err != nil {
			out = append(out, Input{Path: p, Err: err})
		}
		sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
		out = append(out, files...)
	}
	return out
}

// Run checks inputs with a pool of workers and calls emit with each result
// in input order. At most about 2×workers inputs' results are held at
// once, so memory does not grow with the number of inputs. open reads an
// input ("-" and files) and returns a result for each article in it (a
// JSON Lines file holds many); a nil open uses CheckFileAll. Package
// engine runs inputs the same way, each with its own configuration.
func (c *Checker) Run(ctx context.Context, inputs []Input, workers int, open func(Input) []Result, emit func(Result)) {
	if open == nil {
		open = func(in Input) []Result { return c.CheckFileAll(in.Path) }
	}
	RunInputs(ctx, inputs, workers, open, emit)
}

// RunInputs runs open over inputs on the worker pool and calls emit with
// every result in input order; an input that could not be listed gives
// its error as its result.
func RunInputs(ctx context.Context, inputs []Input, workers int, open func(Input) []Result, emit func(Result)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if len(inputs) <= 1 {
		workers = 1
	}
	produce := func(yield func(Input) bool) {
		for _, in := range inputs {
			if !yield(in) {
				return
			}
		}
	}
	work := func(in Input) []Result {
		if in.Err != nil {
			return []Result{{Path: in.Path, Err: in.Err}}
		}
		return open(in)
	}
	pool.Ordered(ctx, workers, 2*workers, produce, func() func(Input) []Result { return work }, func(rs []Result) {
		for _, r := range rs {
			emit(r)
		}
	})
}
