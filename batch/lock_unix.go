//go:build unix

package batch

import (
	"errors"
	"os"
	"syscall"
)

// lockOutput takes an exclusive lock on an output file, released when the
// file is closed, so that two runs never write one file together.
func lockOutput(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errOutputLocked
	}
	return err
}
