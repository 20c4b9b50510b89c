package pipeline

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"

	"github.com/quotecheck/quotecheck/batch"
	"github.com/quotecheck/quotecheck/input"
)

// expandFn turns one input into the files to read: a file as it is (one
// that cannot be opened becomes an error record when it is read), a
// folder walked for article files as batch walks it, a glob expanded by
// its filesystem. Files whose names start with a Skip entry (the
// pipeline's own outputs) are left out.
type expandFn struct {
	Skip []string
}

func (f *expandFn) ProcessElement(ctx context.Context, input string, emit func(string)) error {
	files, err := f.expand(ctx, input)
	if err != nil {
		return err
	}
	sort.Slice(files, func(i, j int) bool { return batch.CompareInputs(files[i], files[j]) < 0 })
	for _, p := range files {
		if !f.skipped(p) {
			emit(p)
		}
	}
	return nil
}

func (f *expandFn) skipped(p string) bool {
	for _, s := range f.Skip {
		if strings.HasPrefix(p, s) || strings.HasPrefix(absPath(p), absPath(s)) {
			return true
		}
	}
	return false
}

func absPath(p string) string {
	if strings.Contains(p, "://") {
		return p
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

func (f *expandFn) expand(ctx context.Context, input string) ([]string, error) {
	if !strings.Contains(input, "://") {
		return expandLocal(input, func(path, reason string) { log.Infof(ctx, "skipped %s: %s", path, reason) })
	}
	pattern := input
	folder := strings.HasSuffix(input, "/")
	if folder {
		pattern = input + "**"
	} else if !hasGlob(input) {
		return []string{input}, nil
	}
	fsys, err := filesystem.New(ctx, input)
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	found, err := fsys.List(ctx, pattern)
	if err != nil {
		return nil, err
	}
	if !folder {
		return found, nil
	}
	var out []string
	for _, p := range found {
		if batch.IsArchiveFile(p) && !hiddenBelow(input, p) {
			out = append(out, p)
		}
	}
	return out, nil
}

// hiddenBelow reports whether p lies in a hidden folder under root, which
// a folder walk does not enter.
func hiddenBelow(root, p string) bool {
	for part := range strings.SplitSeq(strings.TrimPrefix(p, root), "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}

// expandLocal expands a local path: globs first, then folders, walked by
// the walk of batch and every command (input.Walk: hidden files and
// folders left out, and named pipes, which would block a reader; skipped
// is told about those).
func expandLocal(pattern string, skipped func(path, reason string)) ([]string, error) {
	paths := []string{pattern}
	if hasGlob(pattern) {
		var err error
		if paths, err = filepath.Glob(pattern); err != nil {
			return nil, err
		}
	}
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			out = append(out, p)
			continue
		}
		// An entry that cannot be read is kept, for the reader to report.
		err = input.Walk(p, batch.IsArchiveFile, skipped, func(path string, _ int64, _ error) error {
			out = append(out, path)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// lineWriter buffers a file's writes and keeps the first error.
type lineWriter struct {
	w   *bufio.Writer
	err error
}

func (w *lineWriter) write(b []byte) {
	if w.err == nil {
		_, w.err = w.w.Write(b)
	}
}

func (w *lineWriter) Write(b []byte) (int, error) {
	w.write(b)
	return len(b), w.err
}

// writeFile writes a whole file on its Beam filesystem.
func writeFile(ctx context.Context, path string, fill func(*lineWriter)) error {
	fsys, err := filesystem.New(ctx, path)
	if err != nil {
		return err
	}
	defer fsys.Close()
	wc, err := fsys.OpenWrite(ctx, path)
	if err != nil {
		return err
	}
	w := &lineWriter{w: bufio.NewWriterSize(wc, 1<<20)}
	fill(w)
	if w.err == nil {
		w.err = w.w.Flush()
	}
	if err := wc.Close(); w.err == nil {
		w.err = err
	}
	return w.err
}
