package engine

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/input"
)

// readInput reads a file, or standard input for "-", and calls fn with
// each article in it (or a record holding the error that stopped the
// input). Gzip-compressed input is decompressed whatever its name; its
// format is that of the name without ".gz". JSON Lines are streamed a
// record at a time; other files are read with one read of their size.
// in.Sized says listing the input found a regular file, of in.Size bytes,
// and in.Regular a regular file of a size not read yet: either may be
// read the quick way. The size of a file not known before is given to the
// memory plan (LimitMemory) before the file is checked.
func (e *Engine) readInput(in checker.Input, fn func(input.Record)) {
	path := in.Path
	opt := e.opt.Input
	if path == "-" {
		br := bufio.NewReader(e.opt.Stdin)
		if isGzip(br) {
			readGzip(path, br, opt, fn)
			return
		}
		recordsOrError(path, br, opt, fn)
		return
	}
	if (in.Sized || in.Regular) && !hasGzipName(path) && opt.Resolve(path, nil) != input.JSONL {
		// an article file listing found regular (opening a named pipe
		// to look would take it from its writer)
		listed := in.Size
		if !in.Sized {
			listed = 0 // not known: the reader looks
		}
		if data, ok := readRegularFile(path, opt.MaxSize, listed); ok {
			if !in.Sized {
				e.noteSize(int64(len(data)))
			}
			readBytesWith(input.ReadOwned, path, data, opt, fn)
			return
		}
	}
	f, err := os.Open(path)
	if err != nil {
		fn(input.Record{Err: err})
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		fn(input.Record{Err: err})
		return
	}
	if st.IsDir() {
		fn(input.Record{Err: errors.New("is a directory")})
		return
	}
	if !in.Sized && st.Mode().IsRegular() {
		e.noteSize(st.Size())
	}
	br := bufio.NewReaderSize(f, 512)
	if isGzip(br) {
		readGzip(path, br, opt, fn)
		return
	}
	if hasGzipName(path) {
		fn(input.Record{Err: errors.New("not gzip-compressed, though the name ends in .gz")})
		return
	}
	if opt.Resolve(path, nil) == input.JSONL {
		// Streamed: the size limit is per record.
		recordsOrError(path, br, opt, fn)
		return
	}
	if st.Size() > opt.MaxSize {
		fn(input.Record{Err: &article.TooLargeError{Size: st.Size(), Limit: opt.MaxSize}})
		return
	}
	data, err := readSized(br, st.Size(), opt.MaxSize)
	if err != nil {
		fn(input.Record{Err: err})
		return
	}
	// the buffer is ours alone: the text shares it
	readBytesWith(input.ReadOwned, path, data, opt, fn)
}

// readSized reads r to its end in one read of the expected size, growing
// only when the file grew meanwhile, and never past limit.
func readSized(r io.Reader, size, limit int64) ([]byte, error) {
	data := make([]byte, size, size+1)
	n, err := io.ReadFull(r, data)
	data = data[:n]
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if err == nil {
		rest, err := io.ReadAll(io.LimitReader(r, limit-size+1))
		if err != nil {
			return nil, err
		}
		data = append(data, rest...)
	}
	if int64(len(data)) > limit {
		return nil, &article.TooLargeError{Size: int64(len(data)), Limit: limit}
	}
	return data, nil
}

// readWhole reads a file or standard input whole, within the size limit.
func (e *Engine) readWhole(path string) ([]byte, error) {
	limit := e.opt.Input.MaxSize
	if path == "-" {
		data, err := io.ReadAll(io.LimitReader(e.opt.Stdin, limit+1))
		if err == nil && int64(len(data)) > limit {
			err = &article.TooLargeError{Size: int64(len(data)), Limit: limit}
		}
		return data, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, errors.New("is a directory; a report shows one story")
	}
	if st.Size() > limit {
		return nil, &article.TooLargeError{Size: st.Size(), Limit: limit}
	}
	return readSized(f, st.Size(), limit)
}

// readBytes reads input already in memory, compressed or not.
func readBytes(path string, data []byte, opt input.Options, fn func(input.Record)) {
	readBytesWith(input.Read, path, data, opt, fn)
}

// readBytesWith is readBytes with the reader of uncompressed input:
// input.Read, or input.ReadOwned for a buffer nobody else holds.
func readBytesWith(read func(string, []byte, input.Options) ([]input.Record, error), path string, data []byte, opt input.Options, fn func(input.Record)) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		readGzip(path, bytes.NewReader(data), opt, fn)
		return
	}
	recs, err := read(path, data, opt)
	for _, r := range recs {
		fn(r)
	}
	if err != nil {
		fn(input.Record{Err: err})
	}
}

// readGzip decompresses r and reads it in the format its name without
// ".gz" implies. The size limit applies to the decompressed bytes (per
// record for JSON Lines), so a small bomb cannot fill memory.
func readGzip(path string, r io.Reader, opt input.Options, fn func(input.Record)) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		fn(input.Record{Err: fmt.Errorf("gzip: %w", err)})
		return
	}
	defer zr.Close()
	if opt.Format == "" || opt.Format == input.Auto {
		opt.Format = input.FormatOf(strings.TrimSuffix(strings.TrimSuffix(path, ".gz"), ".GZ"))
	}
	if err := records(path, zr, opt, fn); err != nil {
		if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("gzip: %w", err)
		}
		fn(input.Record{Err: err})
	}
}

// records streams input.Records into fn and returns the error for the
// input as a whole.
func records(path string, r io.Reader, opt input.Options, fn func(input.Record)) error {
	return input.Records(r, path, opt, func(rec input.Record) error {
		fn(rec)
		return nil
	})
}

// recordsOrError is records with the whole-input error given to fn last.
func recordsOrError(path string, r io.Reader, opt input.Options, fn func(input.Record)) {
	if err := records(path, r, opt, fn); err != nil {
		fn(input.Record{Err: err})
	}
}

func isGzip(br *bufio.Reader) bool {
	magic, _ := br.Peek(2)
	return len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b
}

func hasGzipName(path string) bool { return strings.HasSuffix(strings.ToLower(path), ".gz") }
