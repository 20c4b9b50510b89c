//go:build linux && (amd64 || arm64 || ppc64le || s390x || riscv64 || loong64)

package hugeheap

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// vmFlags returns the VmFlags of the mapping that holds addr, from
// /proc/self/smaps.
func vmFlags(t *testing.T, addr uintptr) string {
	f, err := os.Open("/proc/self/smaps")
	require.NoError(t, err)
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x", &lo, &hi); n == 2 && strings.Contains(line, " ") && !strings.Contains(line[:strings.IndexByte(line, ' ')], ":") {
			in = lo <= addr && addr < hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return line
		}
	}
	require.NoError(t, sc.Err())
	t.Fatalf("no mapping holds %#x", addr)
	return ""
}

// Heap the runtime maps after Start, as it grows, carries the advice
// (VmFlags "hg") within a few milliseconds; the advice stops with stop.
func TestStartAdvisesTheGrowingHeap(t *testing.T) {
	if !advised() {
		t.Skip("transparent huge pages are not given on advice here")
	}
	stop := Start()
	defer stop()
	var hold [][]byte
	for range 16 {
		hold = append(hold, make([]byte, 4<<20)) // grows the heap by new mappings
	}
	last := hold[len(hold)-1]
	addr := uintptr(unsafe.Pointer(&last[len(last)-1]))
	assert.Eventually(t, func() bool { return strings.Contains(vmFlags(t, addr), " hg") },
		time.Second, 2*time.Millisecond, "the newest heap mapping is advised")
	stop()
	stop() // a second call is harmless
}

// The reserve is advised before anything touches it: small objects
// allocated right after Reserve lie in advised heap without waiting for a
// tick.
func TestReserveIsAdvisedBeforeUse(t *testing.T) {
	if !advised() {
		t.Skip("transparent huge pages are not given on advice here")
	}
	if addressSpaceLimited() {
		t.Skip("the address space is limited (ulimit -v): Reserve does nothing")
	}
	defer func(d time.Duration) { interval = d }(interval)
	interval = time.Hour
	stop := Start()
	defer stop()
	Reserve(48 << 20)
	var hold []*[1024]byte
	for range 16 << 10 { // 16 MB of small objects
		hold = append(hold, new([1024]byte))
	}
	addr := uintptr(unsafe.Pointer(hold[len(hold)-1]))
	assert.Contains(t, vmFlags(t, addr), " hg")
}

// While the heap does not grow (a command waiting on its input), the
// advice is not given again every millisecond.
func TestIdleHeapIsLeftAlone(t *testing.T) {
	if !advised() {
		t.Skip("transparent huge pages are not given on advice here")
	}
	stop := Start()
	defer stop()
	before := advices.Load()
	time.Sleep(300 * time.Millisecond)
	assert.Less(t, advices.Load()-before, int64(30), "advice given while nothing grew")
}

// A limited address space (ulimit -v) is told apart, so that Reserve
// does not map a large heap at once where that could fail.
func TestAddressSpaceLimit(t *testing.T) {
	var was syscall.Rlimit
	require.NoError(t, syscall.Getrlimit(syscall.RLIMIT_AS, &was))
	if was.Cur != ^uint64(0) {
		assert.True(t, addressSpaceLimited())
		return
	}
	assert.False(t, addressSpaceLimited())
	limited := was
	limited.Cur = 1 << 46
	require.NoError(t, syscall.Setrlimit(syscall.RLIMIT_AS, &limited))
	defer func() { require.NoError(t, syscall.Setrlimit(syscall.RLIMIT_AS, &was)) }()
	assert.True(t, addressSpaceLimited())
}

func TestDisableTHPTurnsItOff(t *testing.T) {
	t.Setenv("GODEBUG", "disablethp=1")
	assert.False(t, advised())
	t.Setenv("GODEBUG", "disablethp=1,disablethp=0")
	assert.Equal(t, advisedByKernel(), advised())
	t.Setenv("GODEBUG", "")
	assert.Equal(t, advisedByKernel(), advised())
	stop := Start()
	stop()
}

func advisedByKernel() bool {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	return err == nil && strings.Contains(string(mode), "[madvise]")
}
