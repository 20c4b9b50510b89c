package hook

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// TemporaryBuildError says the hook would call a quotecheck binary that
// is about to disappear: one `go run` or `go test` built in a temporary
// folder or the Go build cache.
type TemporaryBuildError struct{ Path string }

func (e *TemporaryBuildError) Error() string {
	return fmt.Sprintf("%s is a temporary build (go run or go test) that will disappear, and the hook would stop working; "+
		"build quotecheck where it stays and install the hook with that build: "+
		"go build -o ~/bin/quotecheck ./cmd/quotecheck && ~/bin/quotecheck hook install "+
		"(or name a lasting command with --command)", e.Path)
}

// CheckExecutable refuses, with a TemporaryBuildError, a quotecheck
// binary under the temporary folder or the Go build cache.
func CheckExecutable(exe string) error {
	for _, dir := range temporaryFolders() {
		if within(exe, dir) {
			return &TemporaryBuildError{Path: exe}
		}
	}
	// go run builds into a go-build folder wherever GOTMPDIR points.
	if strings.Contains(filepath.ToSlash(exe), "/go-build") {
		return &TemporaryBuildError{Path: exe}
	}
	return nil
}

func temporaryFolders() []string {
	dirs := []string{os.TempDir(), os.Getenv("GOTMPDIR"), os.Getenv("GOCACHE")}
	if cache, err := os.UserCacheDir(); err == nil {
		dirs = append(dirs, filepath.Join(cache, "go-build"))
	}
	return dirs
}

// within reports whether path is inside dir (both made absolute, links
// resolved where they exist).
func within(path, dir string) bool {
	if dir == "" {
		return false
	}
	path, dir = resolved(path), resolved(dir)
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func resolved(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	return p
}
