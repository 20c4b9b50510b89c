package checker

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/quotecheck/quotecheck/input"
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

// Input names one thing to check: a file path, or "-" for Reader.
type Input struct {
	Path string
	// Err is set when the input could not be listed (a missing path).
	Err error
}

// ExpandPaths turns command-line paths into inputs: files as given,
// folders walked recursively for article files (sorted, hidden folders
// skipped), "-" for standard input. Errors are kept as inputs so that the
// caller reports them in order and carries on.
func ExpandPaths(paths []string) []Input {
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
			out = append(out, Input{Path: p})
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, Input{Path: path, Err: err})
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			// Hidden files (tool and editor settings) are not articles.
			if ArticleExtensions[strings.ToLower(filepath.Ext(path))] && !strings.HasPrefix(d.Name(), ".") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			out = append(out, Input{Path: p, Err: err})
		}
		sort.Strings(files)
		for _, f := range files {
			out = append(out, Input{Path: f})
		}
	}
	return out
}

// Run checks inputs with a pool of workers and calls emit with each result
// in input order. At most about 2×workers inputs' results are held at
// once, so memory does not grow with the number of inputs. open reads an
// input ("-" and files) and returns a result for each article in it (a
// JSON Lines file holds many); a nil open uses CheckFileAll.
func (c *Checker) Run(ctx context.Context, inputs []Input, workers int, open func(Input) []Result, emit func(Result)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if open == nil {
		open = func(in Input) []Result { return c.CheckFileAll(in.Path) }
	}
	check := func(in Input) []Result {
		if in.Err != nil {
			return []Result{{Path: in.Path, Err: in.Err}}
		}
		return open(in)
	}
	emitAll := func(rs []Result) {
		for _, r := range rs {
			emit(r)
		}
	}
	if workers == 1 || len(inputs) <= 1 {
		for _, in := range inputs {
			if ctx.Err() != nil {
				return
			}
			emitAll(check(in))
		}
		return
	}
	// Each input gets a one-slot channel; a bounded queue of those
	// channels keeps results in order while workers run ahead.
	queue := make(chan chan []Result, workers*2)
	jobs := make(chan struct {
		in  Input
		out chan []Result
	}, workers)
	go func() {
		defer close(queue)
		defer close(jobs)
		for _, in := range inputs {
			out := make(chan []Result, 1)
			select {
			case queue <- out:
			case <-ctx.Done():
				return
			}
			jobs <- struct {
				in  Input
				out chan []Result
			}{in, out}
		}
	}()
	for i := 0; i < workers; i++ {
		go func() {
			for j := range jobs {
				j.out <- check(j.in)
			}
		}()
	}
	for out := range queue {
		emitAll(<-out)
	}
}
