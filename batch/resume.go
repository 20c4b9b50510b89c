package batch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// resume opens Out to continue an interrupted run. Output is written in
// input order, whole lines at a time, so an interrupted run leaves the
// first records' lines and perhaps part of one more: that part is cut
// off. The records in the file are then counted by key (id and version;
// input and record number for error records), recounted into the summary
// and the CSV files (which are written afresh), and skipped when the
// input comes to them: the input records are still read, but not checked,
// so that a later version of one of them is compared as it would have
// been. New records are appended. Given the same input and flags, the
// final files equal those of an uninterrupted run.
//
// The keys cost a few bytes per record already written, the only state
// that grows with the archive.
func (e *engine) resume() error {
	f, err := openLocked(e.opt.Out)
	if err != nil {
		return err
	}
	fail := func(err error) error {
		f.Close()
		return fmt.Errorf("--resume: %s: %w", e.opt.Out, err)
	}
	st, err := f.Stat()
	if err != nil {
		return fail(err)
	}
	end, err := lastLineEnd(f, st.Size())
	if err != nil {
		return fail(err)
	}
	if end < st.Size() {
		if err := f.Truncate(end); err != nil {
			return fail(err)
		}
	}
	e.resumed, e.used = map[uint64]int{}, map[uint64]int{}
	br := bufio.NewReaderSize(io.NewSectionReader(f, 0, end), outBufSize)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			rec, er, perr := parseOutLine(line)
			if perr != nil {
				return fail(fmt.Errorf("line %d is not a batch output record (%v); remove the file or choose another --out to start afresh", n, perr))
			}
			e.sum.resumed++
			if er != nil {
				e.resumed[errKey(er.Input, er.Record)]++
				e.sum.AddError(er)
			} else {
				e.resumed[docKey(rec.ID, rec.Version)]++
				e.sum.Add(rec)
				if e.quotes != nil {
					if err := e.quotes.write(e.csv.quoteRows(rec)); err != nil {
						return fail(err)
					}
				}
				if e.sources != nil {
					if err := e.sources.write(e.csv.sourceRows(rec)); err != nil {
						return fail(err)
					}
				}
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fail(err)
		}
	}
	if _, err := f.Seek(end, io.SeekStart); err != nil {
		return fail(err)
	}
	e.out = newFileOutput(e.opt.Out, f)
	return nil
}

// lastLineEnd returns the offset just after the last newline of a file of
// the given size (0 when it has none).
func lastLineEnd(f *os.File, size int64) (int64, error) {
	const chunk = 64 << 10
	buf := make([]byte, chunk)
	for end := size; end > 0; {
		start := max(end-chunk, 0)
		n, err := f.ReadAt(buf[:end-start], start)
		if err != nil && !errors.Is(err, io.EOF) {
			return 0, err
		}
		if i := bytes.LastIndexByte(buf[:n], '\n'); i >= 0 {
			return start + int64(i) + 1, nil
		}
		end = start
	}
	return 0, nil
}
