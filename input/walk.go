package input

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Walk visits the files under the folder root in lexical order, the way
// every command walks a folder it is given: hidden folders and files
// (names starting with a dot: tool and editor settings) are left out, and
// so is anything that is not a regular file (a named pipe, socket or
// device would block a reader forever or never end); skipped, when not
// nil, is told about each of those with the reason. A symbolic link counts
// as the file it points to.
//
// visit is called for every regular file accept takes (nil takes all),
// with err set instead when an entry could not be read; its result is
// handled as by filepath.WalkDir (fs.SkipAll stops the walk).
func Walk(root string, accept func(path string) bool, skipped func(path, reason string), visit func(path string, size int64, err error) error) error {
	return walk(root, accept, skipped, true, visit)
}

// WalkUnsized is Walk without reading each file's size: the folder's
// listing already says which entries are regular files, so a folder of
// thousands of articles costs no system call a file (a stat costs a few
// microseconds, and a walk runs before any file is checked). visit gets
// size -1 for a file whose size was not read; a symbolic link is still
// followed, and its file's size given.
func WalkUnsized(root string, accept func(path string) bool, skipped func(path, reason string), visit func(path string, size int64, err error) error) error {
	return walk(root, accept, skipped, false, visit)
}

func walk(root string, accept func(path string) bool, skipped func(path, reason string), sizes bool, visit func(path string, size int64, err error) error) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return visit(path, 0, err)
		}
		hidden := path != root && strings.HasPrefix(d.Name(), ".")
		if d.IsDir() {
			if hidden {
				return filepath.SkipDir
			}
			return nil
		}
		if hidden || (accept != nil && !accept(path)) {
			return nil
		}
		if !sizes && d.Type().IsRegular() {
			return visit(path, -1, nil)
		}
		info, err := regularFile(path, d)
		if err != nil {
			return visit(path, 0, err)
		}
		if info == nil {
			if skipped != nil {
				skipped(path, "not a regular file ("+kindOf(d.Type())+")")
			}
			return nil
		}
		return visit(path, info.Size(), nil)
	})
}

// regularFile returns the file's information when it is a regular file,
// following a symbolic link, and nil when it is something else.
func regularFile(path string, d fs.DirEntry) (fs.FileInfo, error) {
	if d.Type()&fs.ModeSymlink != 0 {
		info, err := os.Stat(path)
		if err != nil {
			return nil, err
		}
		if !info.Mode().IsRegular() {
			return nil, nil
		}
		return info, nil
	}
	if !d.Type().IsRegular() {
		return nil, nil
	}
	return d.Info()
}

// kindOf names a file type for the note about a skipped file.
func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a link to something that is not a file"
	}
	return "a special file"
}
