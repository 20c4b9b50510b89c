// Package hugeheap asks Linux to back the Go heap with transparent huge
// pages while a command checks its inputs.
//
// Where the kernel leaves huge pages to the program's advice
// (/sys/kernel/mm/transparent_hugepage/enabled set to "madvise", the
// usual default), the Go runtime leaves its heap on 4 KB pages, and every
// fresh page of heap costs a page fault on first touch. On the virtual
// machines checks run on, a fault costs about 10 microseconds: checking
// 840 real articles touched about 3,500 fresh pages (a fifth of the run),
// a 60 MB document about 150,000. A heap advised for huge pages faults
// once per 2 MB instead.
//
// The runtime maps its heap a few megabytes at a time as it grows, each
// time as a new mapping without the advice, and the allocator touches the
// start of a new mapping at once. So Start gives the advice again a
// millisecond after the runtime has mapped more memory (one madvise call
// of a microsecond or two; while nothing grows, as when a command waits on
// its input, it looks less and less often, down to every 64 ms), and
// Reserve has the heap a long run will fill mapped at once and advised
// before anything touches it.
//
// It is for commands that run and exit: the Go runtime stopped asking for
// huge pages for its heap (Go 1.21.1) because in long-running programs the
// kernel's khugepaged merging pages back while the runtime releases them
// could raise memory use, and because a fault in advised memory may
// compact memory first on a busy host. It advises only where huge pages
// are 2 MB (not the 512 MB of arm64 kernels with 64 KB pages), and Reserve
// does nothing under a limited address space (ulimit -v).
// GODEBUG=disablethp=1, the runtime's own switch against huge pages for
// the heap, turns it off.
package hugeheap
