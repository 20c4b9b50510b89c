package engine

import (
	"os"
	"runtime"
	"slices"

	"github.com/quotecheck/quotecheck/checker"
)

// Memory budget: a document's check holds about six bytes per byte of
// text at its peak (the text, its quotes, sources and the extractor's
// tables), and the Go runtime lets the heap grow to twice what is live
// before collecting. For large inputs that headroom, not the work, is
// most of the peak; MemoryBudget gives the limit that keeps it to
// budgetPerByte bytes per input byte plus budgetBase.
const (
	budgetPerByte = 8
	budgetBase    = 64 << 20
	// budgetFrom is the input size (of the inputs in hand at once) below
	// which the runtime's default pacing is left alone: its peak is small.
	budgetFrom = 16 << 20
)

// Small inputs (articles, not archives in one file) leave a check's live
// heap small while extraction allocates a lot: collecting less often
// (SmallInputGCPercent), against a soft limit of budgetBase, saves about
// a tenth of the CPU time for a few megabytes more, as batch does. Above
// smallInputsMax a document dense with quotes could hold more than the
// limit, and the collector would run without pause.
const (
	SmallInputGCPercent = 400
	SmallInputLimit     = budgetBase
	smallInputsMax      = 256 << 10
)

// SmallInputs reports whether the inputs that may be in hand at once are
// small enough for SmallInputGCPercent; standard input and other
// unsized inputs are not.
func (e *Engine) SmallInputs(inputs []checker.Input) bool {
	_, small := e.MemoryPlan(inputs)
	return small
}

// MemoryPlan is MemoryBudget and SmallInputs with one look at the files.
func (e *Engine) MemoryPlan(inputs []checker.Input) (budget int64, small bool) {
	inHand, sized := e.inHand(inputs)
	if inHand >= budgetFrom {
		budget = budgetPerByte*inHand + budgetBase
	}
	return budget, sized && inHand <= smallInputsMax
}

// MemoryBudget returns the memory a check of inputs should stay within —
// budgetPerByte times the bytes of the inputs that may be in hand at
// once (the workers largest files) plus budgetBase — or 0 when they are
// small. A command sets it as the runtime's soft memory limit
// (debug.SetMemoryLimit) unless GOMEMLIMIT says otherwise.
func (e *Engine) MemoryBudget(inputs []checker.Input) int64 {
	budget, _ := e.MemoryPlan(inputs)
	return budget
}

// inHand returns the bytes of the workers' largest inputs together, and
// whether every input that will be read has a size (no standard input,
// no pipe).
func (e *Engine) inHand(inputs []checker.Input) (int64, bool) {
	workers := e.opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var sizes []int64
	sized := true
	for _, in := range inputs {
		if in.Err != nil {
			continue
		}
		if in.Path == "-" {
			sized = false
			continue
		}
		if in.Sized {
			sizes = append(sizes, in.Size)
			continue
		}
		st, err := os.Stat(in.Path)
		switch {
		case err == nil && st.Mode().IsRegular():
			sizes = append(sizes, st.Size())
		case err == nil && !st.IsDir():
			sized = false // a named pipe, a device
		}
	}
	slices.Sort(sizes)
	var inHand int64
	for i := len(sizes) - 1; i >= 0 && i >= len(sizes)-workers; i-- {
		inHand += sizes[i]
	}
	return inHand, sized
}
