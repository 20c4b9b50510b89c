package batch

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"golang.org/x/text/transform"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/input"
)

// jobKind says what a worker does with a job.
type jobKind int

const (
	// jobLine is one line of a JSON Lines archive.
	jobLine jobKind = iota
	// jobFile is a file in another format, read by the worker.
	jobFile
	// jobBlob is input in another format already read (standard input,
	// a compressed file).
	jobBlob
	// jobError is a record that could not be read at all.
	jobError
)

// job is one unit of work in input order. A line, and an error, is one
// record; a file or blob may hold several (a JSON array).
type job struct {
	kind   jobKind
	input  string
	format input.Format
	// record is the number of the (first) record in its input, line the
	// line where it starts and offset its byte offset in the input.
	record int
	line   int
	offset int64
	data   []byte
	err    error
}

// readBufSize is the buffer of archive readers: most records fit, so a
// line is copied once.
const readBufSize = 256 << 10

// reader walks the inputs in order and hands each record to emit. It
// reads JSON Lines archives (plain, gzip-compressed, or on standard
// input) a line at a time, so memory does not depend on the size of an
// archive; files in other formats are handed over whole and read by the
// workers.
type reader struct {
	opt   input.Options
	stdin io.Reader
	// skip lists output files, never read as input when a folder holding
	// them is walked.
	skip map[string]bool
	// skipped is told about files of a folder left out because they are
	// not regular files; nil when nobody listens.
	skipped func(path, reason string)
	// read counts the input bytes consumed (compressed bytes for gzip),
	// for progress.
	read *atomic.Int64
	emit func(job) bool
}

// run reads every path; it stops early when emit returns false.
func (r *reader) run(ctx context.Context, paths []string) {
	for _, p := range paths {
		if ctx.Err() != nil || !r.path(ctx, p) {
			return
		}
	}
}

func (r *reader) path(ctx context.Context, p string) bool {
	if p == "-" {
		return r.stream("-", r.stdin, 0)
	}
	st, err := os.Stat(p)
	if err != nil {
		return r.emit(job{kind: jobError, input: p, record: 1, err: err})
	}
	if !st.IsDir() {
		return r.file(p, st.Size())
	}
	ok := true
	accept := func(path string) bool { return IsArchiveFile(path) && !r.skip[absPath(path)] }
	err = input.Walk(p, accept, r.skipped, func(path string, size int64, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			if !r.emit(job{kind: jobError, input: path, record: 1, err: err}) {
				ok = false
				return fs.SkipAll
			}
			return nil
		}
		if !r.file(path, size) {
			ok = false
			return fs.SkipAll
		}
		return nil
	})
	if err != nil && ctx.Err() == nil && ok {
		return r.emit(job{kind: jobError, input: p, record: 1, err: err})
	}
	return ok
}

// IsArchiveFile reports whether a folder walk picks up a file: the same
// files as every other command's walk (checker.IsArticleFile), so that
// batch and check read the same inputs from a folder.
func IsArchiveFile(path string) bool { return checker.IsArticleFile(path) }

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// formatOf is the format a path's name implies (".gz" removed), or the
// configured format.
func (r *reader) formatOf(path string) input.Format {
	if r.opt.Format != "" && r.opt.Format != input.Auto {
		return r.opt.Format
	}
	return input.FormatOf(strings.TrimSuffix(strings.TrimSuffix(path, ".gz"), ".GZ"))
}

func isGzipName(path string) bool { return strings.HasSuffix(strings.ToLower(path), ".gz") }

// file reads one named file.
func (r *reader) file(path string, size int64) bool {
	format := r.formatOf(path)
	if !isGzipName(path) && format != input.JSONL && format != input.Auto {
		// Read whole by a worker; the limit applies to the file.
		r.read.Add(size)
		if size > r.opt.MaxSize {
			return r.emit(job{kind: jobError, input: path, record: 1, err: &article.TooLargeError{Size: size, Limit: r.opt.MaxSize}})
		}
		return r.emit(job{kind: jobFile, input: path, format: format, record: 1, line: 1})
	}
	f, err := os.Open(path)
	if err != nil {
		return r.emit(job{kind: jobError, input: path, record: 1, err: err})
	}
	defer f.Close()
	return r.stream(path, f, size)
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// stream reads a file or standard input that may be compressed, or may
// need sniffing to tell its format.
func (r *reader) stream(path string, src io.Reader, size int64) bool {
	br := bufio.NewReaderSize(countingReader{src, r.read}, readBufSize)
	format := r.formatOf(path)
	if path == "-" {
		format = r.opt.Format
		if format == "" {
			format = input.Auto
		}
	}
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return r.emit(job{kind: jobError, input: path, record: 1, err: fmt.Errorf("gzip: %w", err)})
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, readBufSize)
	} else if isGzipName(path) {
		return r.emit(job{kind: jobError, input: path, record: 1, err: errors.New("not gzip-compressed, though the name ends in .gz")})
	}
	if head, _ := br.Peek(2); len(head) == 2 {
		if dec, _ := article.UTF16Decoder(head); dec != nil {
			// Records are split and read as UTF-8.
			br = bufio.NewReaderSize(transform.NewReader(br, dec), readBufSize)
		}
	}
	if format == input.Auto {
		head, _ := br.Peek(8192)
		format = sniff(head)
	}
	if format == input.JSONL {
		return r.lines(path, br)
	}
	// Another format: read it whole, up to the limit, for a worker.
	data, err := io.ReadAll(io.LimitReader(br, r.opt.MaxSize+1))
	if err != nil {
		return r.emit(job{kind: jobError, input: path, record: 1, err: err})
	}
	if int64(len(data)) > r.opt.MaxSize {
		return r.emit(job{kind: jobError, input: path, record: 1, err: &article.TooLargeError{Size: int64(len(data)), Limit: r.opt.MaxSize}})
	}
	return r.emit(job{kind: jobBlob, input: path, format: format, record: 1, line: 1, data: data})
}

// sniff tells JSON Lines from other content: a JSON object that ends on
// its first line. Anything else is left to package input to recognise.
func sniff(head []byte) input.Format {
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return input.Auto
	}
	line, _, found := bytes.Cut(trimmed, []byte("\n"))
	if !found && len(head) == 8192 {
		// A first line longer than the glance: an archive of long
		// records is far more likely than a one-line JSON file.
		return input.JSONL
	}
	if json.Valid(bytes.TrimSpace(line)) {
		return input.JSONL
	}
	return input.Auto
}

// lines splits a JSON Lines archive into records: one per line that is
// not blank. A line over the size limit, and a read error (a truncated
// or corrupt gzip stream), is an error record; a read error ends the
// input.
func (r *reader) lines(path string, br *bufio.Reader) bool {
	limit := r.opt.MaxSize
	lineNo, record := 0, 0
	var offset int64
	for {
		line, n, tooLong, err := readLine(br, limit)
		if n == 0 && err != nil {
			if !errors.Is(err, io.EOF) {
				return r.emit(job{kind: jobError, input: path, record: record + 1, line: lineNo + 1, offset: offset, err: fmt.Errorf("reading: %w", err)})
			}
			break
		}
		lineNo++
		start := offset
		offset += int64(n)
		if err != nil && !errors.Is(err, io.EOF) {
			// The line was cut short by the error.
			return r.emit(job{kind: jobError, input: path, record: record + 1, line: lineNo, offset: start, err: fmt.Errorf("reading: %w", err)})
		}
		switch {
		case tooLong:
			record++
			if !r.emit(job{kind: jobError, input: path, record: record, line: lineNo, offset: start,
				err: fmt.Errorf("line %d: record longer than the %d byte limit", lineNo, limit)}) {
				return false
			}
		case isBlank(line):
		default:
			record++
			if !r.emit(job{kind: jobLine, input: path, format: input.JSONL, record: record, line: lineNo, offset: start, data: line}) {
				return false
			}
		}
		if err != nil {
			break
		}
	}
	if record == 0 {
		return r.emit(job{kind: jobError, input: path, record: 1, line: 1, err: article.ErrEmpty})
	}
	return true
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// readLine reads one line with its ending into a new slice; n counts the
// bytes consumed. A line longer than limit is consumed and dropped, and
// tooLong is set.
func readLine(br *bufio.Reader, limit int64) (line []byte, n int, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		n += len(chunk)
		if !tooLong {
			if int64(len(line)+len(chunk)) > limit {
				tooLong, line = true, nil
			} else if line == nil && !errors.Is(err, bufio.ErrBufferFull) {
				line = bytes.Clone(chunk)
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return line, n, tooLong, err
	}
}
