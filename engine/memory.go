package engine

import (
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

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
// unsized inputs are not. Like MemoryBudget, it counts only the sizes
// known now: files found by walking a folder (Regular) have none until
// they are read, and LimitMemory raises its plan as they are.
func (e *Engine) SmallInputs(inputs []checker.Input) bool {
	_, small := e.MemoryPlan(inputs)
	return small
}

// MemoryPlan is MemoryBudget and SmallInputs with one look at the files
// (the sizes known now; see SmallInputs).
func (e *Engine) MemoryPlan(inputs []checker.Input) (budget int64, small bool) {
	inHand, sized := e.inHand(inputs)
	if inHand >= budgetFrom {
		budget = budgetPerByte*inHand + budgetBase
	}
	return budget, sized && inHand <= smallInputsMax
}

// MemoryBudget returns the memory a check of inputs should stay within —
// budgetPerByte times the bytes of the inputs that may be in hand at
// once (the workers' largest files) plus budgetBase — or 0 when they are
// small. Only the sizes known now count: a folder's files (Regular) are
// sized as they are read, and LimitMemory, which commands use, raises
// the limit then.
func (e *Engine) MemoryBudget(inputs []checker.Input) int64 {
	budget, _ := e.MemoryPlan(inputs)
	return budget
}

// inHand returns the bytes of the workers' largest inputs together, and
// whether every input that will be read has a size (no standard input,
// no pipe). A file its folder's listing found regular (Regular) counts
// as sized, though its size is known only once it is read (see
// LimitMemory).
func (e *Engine) inHand(inputs []checker.Input) (int64, bool) {
	workers := e.workers()
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
		if in.Regular {
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

func (e *Engine) workers() int {
	if e.opt.Workers > 0 {
		return e.opt.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// LimitMemory puts the memory plan of inputs in force for a check of
// them and returns what puts the runtime's settings back: MemoryBudget as
// the runtime's soft memory limit (debug.SetMemoryLimit) for large
// inputs, and for small ones (articles) collection SmallInputGCPercent
// within SmallInputLimit. GOMEMLIMIT, when set, leaves both alone, and
// GOGC the second.
//
// Files found by walking a folder (Regular) have no size until they are
// read: they count as small, and the engine raises the plan as it opens
// each of them, before checking it, to what the plan would have been had
// their sizes been known from the start.
func (e *Engine) LimitMemory(inputs []checker.Input) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	budget, small := e.MemoryPlan(inputs)
	p := &memoryPlan{workers: e.workers(), limitBefore: debug.SetMemoryLimit(-1)}
	for _, in := range inputs {
		if in.Err == nil && in.Sized {
			p.keep(in.Size)
		}
	}
	switch {
	case budget > 0:
		p.setLimit(budget)
		p.budget = budget
	case small && os.Getenv("GOGC") == "":
		p.gcBefore, p.gcSet = debug.SetGCPercent(SmallInputGCPercent), true
		p.setLimit(SmallInputLimit)
		p.small = true
	}
	e.plan.Store(p)
	return func() {
		e.plan.CompareAndSwap(p, nil)
		p.restore()
	}
}

// noteSize raises the memory plan in force, if any, for an input of size
// bytes whose size was not known when the plan was made.
func (e *Engine) noteSize(size int64) {
	if p := e.plan.Load(); p != nil {
		p.note(size)
	}
}

// memoryPlan is the memory plan in force for one check (LimitMemory).
type memoryPlan struct {
	mu      sync.Mutex
	workers int
	// largest are the largest input sizes known, at most workers of them.
	largest []int64
	// small is set while small-input collection is in force, budget is
	// the soft limit set from the inputs' sizes (0 for none).
	small  bool
	budget int64
	// what the runtime had before, to put back
	gcBefore    int
	gcSet       bool
	limitBefore int64
	limitSet    bool
}

// keep adds size to the largest sizes known and returns the bytes they
// make together.
func (p *memoryPlan) keep(size int64) int64 {
	if len(p.largest) < p.workers {
		p.largest = append(p.largest, size)
	} else if i := slices.Index(p.largest, slices.Min(p.largest)); size > p.largest[i] {
		p.largest[i] = size
	}
	var inHand int64
	for _, s := range p.largest {
		inHand += s
	}
	return inHand
}

func (p *memoryPlan) setLimit(limit int64) {
	debug.SetMemoryLimit(limit)
	p.limitSet = true
}

// note takes the size of an input read now, and leaves small-input
// collection and sets a budget as MemoryPlan would for it.
func (p *memoryPlan) note(size int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	inHand := p.keep(size)
	if p.small && inHand > smallInputsMax {
		debug.SetGCPercent(p.gcBefore)
		debug.SetMemoryLimit(p.limitBefore)
		p.small = false
	}
	if inHand >= budgetFrom {
		if budget := budgetPerByte*inHand + budgetBase; budget > p.budget {
			p.setLimit(budget)
			p.budget = budget
		}
	}
}

func (p *memoryPlan) restore() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.gcSet {
		debug.SetGCPercent(p.gcBefore)
	}
	if p.limitSet {
		debug.SetMemoryLimit(p.limitBefore)
	}
}
