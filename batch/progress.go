package batch

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/quotecheck/quotecheck/input"
)

// ProgressMode says how progress is shown.
type ProgressMode int

const (
	// ProgressAuto draws a bar on a terminal and prints plain lines
	// otherwise.
	ProgressAuto ProgressMode = iota
	// ProgressBar redraws one line: a bar (when the input's size is
	// known), records, records/s, MB/s and the time left.
	ProgressBar
	// ProgressLines prints a plain line every interval (10 s by default).
	ProgressLines
)

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// measure adds up the size of the input files, for the progress bar's
// share and time left; standard input has no size.
func (e *engine) measure(ctx context.Context) {
	skip := e.outputPaths()
	var total int64
	for _, p := range e.opt.Paths {
		if p == "-" {
			return
		}
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			total += st.Size()
			continue
		}
		accept := func(path string) bool { return IsArchiveFile(path) && !skip[absPath(path)] }
		_ = input.Walk(p, accept, nil, func(_ string, size int64, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			total += size
			return nil
		})
	}
	if ctx.Err() == nil {
		e.total.Store(total)
	}
}

// progress reports a run's progress until stopped.
type progress struct {
	e     *engine
	w     io.Writer
	bar   bool
	start time.Time
	done  chan struct{}
	wg    sync.WaitGroup
}

func startProgress(e *engine, start time.Time) *progress {
	p := &progress{e: e, w: e.opt.Progress, start: start, done: make(chan struct{})}
	if p.w == nil {
		return p
	}
	switch e.opt.ProgressMode {
	case ProgressBar:
		p.bar = true
	case ProgressAuto:
		p.bar = IsTerminal(p.w)
	}
	interval := e.opt.ProgressInterval
	if interval <= 0 {
		interval = 10 * time.Second
		if p.bar {
			interval = 250 * time.Millisecond
		}
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.print()
			case <-p.done:
				if p.bar {
					fmt.Fprint(p.w, "\r\x1b[K")
				}
				return
			}
		}
	}()
	return p
}

// stop ends the reports; a bar is erased.
func (p *progress) stop() {
	if p.w == nil {
		return
	}
	close(p.done)
	p.wg.Wait()
}

func (p *progress) print() {
	e := p.e
	elapsed := time.Since(p.start)
	records, failed := e.records.Load(), e.failed.Load()
	secs := max(elapsed.Seconds(), 1e-9)
	rate := float64(records) / secs
	mbs := float64(e.bytes.Load()) / 1e6 / secs
	total, read := e.total.Load(), e.readBytes.Load()
	frac := -1.0
	if total > 0 {
		frac = min(float64(read)/float64(total), 1)
	}
	eta := ""
	if frac > 0 && frac < 1 {
		eta = clock(time.Duration(float64(elapsed) * (1 - frac) / frac))
	}
	if p.bar {
		var b strings.Builder
		b.WriteString("\r")
		if frac >= 0 {
			const width = 24
			n := int(frac * width)
			b.WriteString("[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "]")
			fmt.Fprintf(&b, " %3.0f%%", frac*100)
		}
		fmt.Fprintf(&b, " %s records  %s/s  %.1f MB/s", thousands(int(records)), thousands(int(rate)), mbs)
		if eta != "" {
			b.WriteString("  ETA " + eta)
		}
		if failed > 0 {
			fmt.Fprintf(&b, "  %d failed", failed)
		}
		b.WriteString("\x1b[K")
		fmt.Fprint(p.w, b.String())
		return
	}
	line := fmt.Sprintf("quotecheck batch: %d records", records)
	if frac >= 0 {
		line += fmt.Sprintf(" (%.0f%%)", frac*100)
	}
	line += fmt.Sprintf(", %.0f records/s, %.1f MB/s", rate, mbs)
	if eta != "" {
		line += ", ETA " + eta
	}
	if failed > 0 {
		line += fmt.Sprintf(", %d failed", failed)
	}
	fmt.Fprintln(p.w, line)
}

// clock formats a duration as h:mm:ss or m:ss.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// thousands writes n with thousands separators.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
