package cli

import (
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/engine"
	"github.com/quotecheck/quotecheck/internal/hugeheap"
)

// reserveFrom is the size of one input from which its check alone fills
// enough heap to repay hugeheap.Reserve's collection (a few milliseconds
// of faults of the runtime's own); several inputs always do.
const reserveFrom = 1 << 20

// reserveHeap has the heap a check of inputs will fill mapped on huge
// pages at once (see internal/hugeheap), up to the soft memory limit the
// engine's memory plan set (none when GOMEMLIMIT leaves the runtime to
// the user): for several inputs, or one large one. A single article
// allocates too little for it. Call it after LimitMemory.
func reserveHeap(eng *engine.Engine, inputs []checker.Input) {
	if len(inputs) == 0 || len(inputs) == 1 && !(inputs[0].Sized && inputs[0].Size >= reserveFrom) {
		return
	}
	if limit := eng.MemoryLimit(); limit > 0 {
		hugeheap.Reserve(int(min(limit, 1<<30)))
	}
}
