//go:build linux && (amd64 || arm64 || ppc64le || s390x || riscv64 || loong64)

package hugeheap

import (
	"bytes"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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

// interval is how often the advice is given again while the heap grows
// (a variable for the tests); while it does not, the wait doubles up to
// maxInterval, so that a command waiting on its input is not woken a
// thousand times a second.
var interval = time.Millisecond

const maxInterval = 64 * time.Millisecond

// hugePageSize is the only huge page size advised for: with larger ones
// (arm64 kernels with 64 KB pages have 512 MB huge pages) one touch could
// make a large part of the reserve resident.
const hugePageSize = 2 << 20

// advices counts the advice given, for the tests.
var advices atomic.Int64

// heapObject is allocated on the heap to find the heap's first arena.
var heapObject *[64]byte

// heapBase is the start of the heap's first arena, found once.
var heapBase = sync.OnceValue(func() uintptr {
	heapObject = new([64]byte)
	return uintptr(unsafe.Pointer(heapObject)) &^ (arenaBytes - 1)
})

// Start gives the heap the advice now, and again each time the runtime
// has mapped more memory, until the returned function is called: heap
// the runtime maps as it grows, a few megabytes at a time, is advised a
// millisecond later (by when the allocator has touched the start of it;
// see Reserve). Start does nothing where the kernel does not take the
// advice (huge pages "always" or "never", or none at all).
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
		wait := interval
		timer := time.NewTimer(wait)
		defer timer.Stop()
		last := mapped()
		for {
			select {
			case <-done:
				return
			case <-timer.C:
			}
			if m := mapped(); m != last {
				last, wait = m, interval
				advise(base)
			} else {
				wait = min(2*wait, maxInterval)
			}
			timer.Reset(wait)
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

// mapped is the memory the runtime has mapped: it grows when the heap
// does (memory released to the system stays mapped).
func mapped() uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/total:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

// Reserve has the runtime map n bytes more of heap at once, advises them
// before anything touches them (a large allocation of fresh memory is not
// cleared) and lets them go with a collection: the heap the program then
// fills, up to about n bytes, faults in 2 MB at a time. The collection
// costs a few hundred faults of the runtime's own, so Reserve is for runs
// that will fill megabytes of heap. It does nothing where Start does.
func Reserve(n int) {
	if n <= 0 || !advised() || addressSpaceLimited() {
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
	advices.Add(1)
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, base, span, madvHugepage)
	return errno != syscall.EINVAL
}

// addressSpaceLimited reports whether the process's address space is
// limited (ulimit -v): mapping the reserve at once could then fail where
// the run itself, freeing as it goes, would not.
func addressSpaceLimited() bool {
	var lim syscall.Rlimit
	return syscall.Getrlimit(syscall.RLIMIT_AS, &lim) != nil || lim.Cur != ^uint64(0) // RLIM_INFINITY
}

// advised reports whether huge pages are given on advice here: the
// kernel's mode is "madvise", its huge pages are of 2 MB and GODEBUG does
// not say disablethp=1.
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
	return kernelTakesAdvice()
}

// kernelTakesAdvice reports whether the kernel's mode is "madvise" with
// huge pages of 2 MB, read once.
var kernelTakesAdvice = sync.OnceValue(func() bool {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !bytes.Contains(mode, []byte("[madvise]")) {
		return false
	}
	size, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size")
	return err == nil && strings.TrimSpace(string(size)) == strconv.Itoa(hugePageSize)
})
