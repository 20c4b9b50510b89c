//go:build !linux || !(amd64 || arm64 || ppc64le || s390x || riscv64 || loong64)

package hugeheap

// Start does nothing on this platform.
func Start() (stop func()) { return func() {} }

// Reserve does nothing on this platform.
func Reserve(n int) {}
