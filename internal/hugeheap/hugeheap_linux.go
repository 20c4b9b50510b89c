//go:build linux && (amd64 || arm64 || ppc64le || s390x || riscv64 || loong64)

package hugeheap

import (
	"bytes"
	"os"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

const (
	// arenaBytes is the Go heap arena's size and alignment on 64-bit
	// Linux; the heap grows upwards from its first arena.
	arenaBytes = 64 << 20
	// span is how far past the first arena the advice reaches: madvise
	// skips the holes (saying ENOMEM) and advises the mappings in it,
	// which there are the heap's alone.
	span = 64 << 30
	// madvHugepage is MADV_HUGEPAGE.
	madvHugepage = 14
)

// interval is how often the advice is given again while the heap may
// grow (a variable for the tests).
var interval = time.Millisecond

// heapObject is allocated on the heap to find the heap's first arena.
var heapObject *[64]byte

// heapBase is the start of the heap's first arena.
func heapBase() uintptr {
	heapObject = new([64]byte)
	return uintptr(unsafe.Pointer(heapObject)) &^ (arenaBytes - 1)
}

// Start gives the heap the advice now and again every millisecond until
// the returned function is called: heap the runtime maps as it grows, a
// few megabytes at a time, is advised at the next tick (by when the
// allocator has touched the start of it; see Reserve). Start does nothing
// where the kernel does not take the advice (huge pages "always" or
// "never", or none at all).
func Start() (stop func()) {
	if !advised() {
		return func() {}
	}
	base := heapBase()
	if !advise(base) {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				advise(base)
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			<-finished
		})
	}
}

// Reserve has the runtime map n bytes more of heap at once, advises them
// before anything touches them (a large allocation of fresh memory is not
// cleared) and lets them go with a collection: the heap the program then
// fills, up to about n bytes, faults in 2 MB at a time. The collection
// costs a few hundred faults of the runtime's own, so Reserve is for runs
// that will fill megabytes of heap. It does nothing where Start does.
func Reserve(n int) {
	if n <= 0 || !advised() {
		return
	}
	base := heapBase()
	held := make([]byte, n)
	advise(base)
	runtime.KeepAlive(held) // mapped and advised; now let go
	runtime.GC()
}

// advise marks the heap's mappings for huge pages; false when the kernel
// refuses the advice itself (EINVAL: no transparent huge pages).
func advise(base uintptr) bool {
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, base, span, madvHugepage)
	return errno != syscall.EINVAL
}

// advised reports whether huge pages are given on advice here: the
// kernel's mode is "madvise" and GODEBUG does not say disablethp=1.
func advised() bool {
	disabled := false
	for _, kv := range strings.Split(os.Getenv("GODEBUG"), ",") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(kv), "disablethp="); ok {
			disabled = v == "1" // the last setting wins, as in the runtime
		}
	}
	if disabled {
		return false
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && bytes.Contains(mode, []byte("[madvise]"))
}
