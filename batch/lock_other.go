//go:build !unix

package batch

import "os"

// lockOutput does nothing where flock is not available.
func lockOutput(*os.File) error { return nil }
