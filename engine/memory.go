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
	top := largestSizes{n: e.workers()}
	sized := e.knownSizes(inputs, &top)
	inHand := top.total()
	return budgetFor(inHand), sized && inHand <= smallInputsMax
}

// budgetFor is the memory budget for inHand bytes of input in the
// workers' hands: 0 below budgetFrom.
func budgetFor(inHand int64) int64 {
	if inHand < budgetFrom {
		return 0
	}
	return budgetPerByte*inHand + budgetBase
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

// knownSizes gives top the size of every input known now, and reports
// whether every input that will be read has a size (no standard input,
// no pipe). A file its folder's listing found regular (Regular) counts
// as sized, though its size is known only once it is read (see
// LimitMemory).
func (e *Engine) knownSizes(inputs []checker.Input, top *largestSizes) bool {
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
			top.keep(in.Size)
			continue
		}
		if in.Regular {
			continue
		}
		st, err := os.Stat(in.Path)
		switch {
		case err == nil && st.Mode().IsRegular():
			top.keep(st.Size())
		case err == nil && !st.IsDir():
			sized = false // a named pipe, a device
		}
	}
	return sized
}

// largestSizes keeps the n largest input sizes it is given: the inputs
// the workers may hold at once.
type largestSizes struct {
	n     int
	sizes []int64
}

// keep takes size and returns the bytes the largest sizes make together.
func (t *largestSizes) keep(size int64) int64 {
	if len(t.sizes) < t.n {
		t.sizes = append(t.sizes, size)
	} else if i := slices.Index(t.sizes, slices.Min(t.sizes)); size > t.sizes[i] {
		t.sizes[i] = size
	}
	return t.total()
}

func (t *largestSizes) total() int64 {
	var sum int64
	for _, s := range t.sizes {
		sum += s
	}
	return sum
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
	p := &memoryPlan{largest: largestSizes{n: e.workers()}, limitBefore: debug.SetMemoryLimit(-1)}
	sized := e.knownSizes(inputs, &p.largest)
	inHand := p.largest.total()
	budget, small := budgetFor(inHand), sized && inHand <= smallInputsMax
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

// MemoryLimit is the soft memory limit the memory plan in force
// (LimitMemory) has set, 0 when it has set none.
func (e *Engine) MemoryLimit() int64 {
	p := e.plan.Load()
	if p == nil {
		return 0
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.budget > 0:
		return p.budget
	case p.small:
		return SmallInputLimit
	}
	return 0
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
	mu sync.Mutex
	// largest are the largest input sizes known, at most one a worker.
	largest largestSizes
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

func (p *memoryPlan) setLimit(limit int64) {
	debug.SetMemoryLimit(limit)
	p.limitSet = true
}

// note takes the size of an input read now, and leaves small-input
// collection and sets a budget as MemoryPlan would for it.
func (p *memoryPlan) note(size int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	inHand := p.largest.keep(size)
	if p.small && inHand > smallInputsMax {
		debug.SetGCPercent(p.gcBefore)
		debug.SetMemoryLimit(p.limitBefore)
		p.small = false
	}
	if budget := budgetFor(inHand); budget > p.budget {
		p.setLimit(budget)
		p.budget = budget
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
