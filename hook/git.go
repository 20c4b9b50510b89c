// Package hook installs quotecheck as a git pre-commit hook and reads
// what a commit is about to record: the staged files and their staged
// content, with one long-lived `git cat-file --batch` process rather than
// one `git show` per file.
package hook

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"sync"
)

// Git runs git in dir and returns its standard output; errors carry git's
// own message.
func Git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return out, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out, nil
}

// TopLevel returns the root of the working tree dir is in.
func TopLevel(dir string) (string, error) {
	out, err := Git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", fmt.Errorf("not in a git working tree: %v", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// HasHEAD reports whether the repository has a commit yet.
func HasHEAD(top string) bool {
	_, err := Git(top, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
	return err == nil
}

// StagedFiles lists the files staged for the next commit (added, copied,
// modified or renamed; not deleted), as paths relative to top, for which
// keep returns true.
func StagedFiles(top string, keep func(string) bool) ([]string, error) {
	out, err := Git(top, "-c", "core.quotePath=false", "diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=ACMR")
	if err != nil {
		return nil, err
	}
	return splitNames(out, keep), nil
}

// StagedInHEAD lists the staged files that HEAD already has: the
// stories being changed rather than added. It returns nothing before the
// first commit.
func StagedInHEAD(top string, keep func(string) bool) ([]string, error) {
	if !HasHEAD(top) {
		return nil, nil
	}
	out, err := Git(top, "-c", "core.quotePath=false", "diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=M", "HEAD")
	if err != nil {
		return nil, err
	}
	return splitNames(out, keep), nil
}

// IndexFiles lists the files the index holds under the folder dir (which
// need not exist in the working tree), as paths relative to dir, for which
// keep returns true. Each name is listed once, even while a merge leaves it
// in several stages.
func IndexFiles(dir string, keep func(string) bool) ([]string, error) {
	out, err := Git(dir, "-c", "core.quotePath=false", "ls-files", "-z", "--cached")
	if err != nil {
		return nil, err
	}
	names := splitNames(out, keep)
	uniq := names[:0]
	for i, n := range names {
		if i == 0 || n != names[i-1] {
			uniq = append(uniq, n)
		}
	}
	return uniq, nil
}

func splitNames(out []byte, keep func(string) bool) []string {
	var names []string
	for _, n := range strings.Split(string(out), "\x00") {
		if n != "" && (keep == nil || keep(n)) {
			names = append(names, n)
		}
	}
	return names
}

// TooLargeError says a staged blob is over the size limit.
type TooLargeError struct{ Size, Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("staged file is %d bytes, over the %d-byte limit", e.Size, e.Limit)
}

// BlobReader reads staged (index) versions of files, or files at a
// revision, through one `git cat-file --batch` process. It is safe for concurrent use; requests are
// served one at a time.
type BlobReader struct {
	mu     sync.Mutex
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr bytes.Buffer
	err    error
}

// NewBlobReader starts the reader for the repository at top.
func NewBlobReader(top string) (*BlobReader, error) {
	b := &BlobReader{}
	b.cmd = exec.Command("git", "-C", top, "cat-file", "--batch")
	b.cmd.Stderr = &b.stderr
	in, err := b.cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := b.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := b.cmd.Start(); err != nil {
		return nil, fmt.Errorf("git cat-file: %v", err)
	}
	b.in, b.out = in, bufio.NewReaderSize(out, 64<<10)
	return b, nil
}

// Staged returns the staged content of path (relative to the top of the
// working tree). Content over limit bytes (when limit > 0) is skipped and
// reported as a *TooLargeError; a path the index lacks is an error that
// matches ErrNotFound.
func (b *BlobReader) Staged(path string, limit int64) ([]byte, error) {
	data, err := b.Object(":"+path, limit)
	if errors.Is(err, ErrNotFound) {
		return nil, &notFoundError{"not in the index (is it staged?)"}
	}
	return data, err
}

// AtRevision returns the content of path (relative to the top of the
// working tree) at a revision, such as HEAD. A path the revision lacks is
// an error that matches ErrNotFound.
func (b *BlobReader) AtRevision(rev, path string, limit int64) ([]byte, error) {
	data, err := b.Object(rev+":"+path, limit)
	if errors.Is(err, ErrNotFound) {
		return nil, &notFoundError{"not in " + rev}
	}
	return data, err
}

// ErrNotFound is returned (or wrapped) for an object git does not have:
// a path missing from the index or from a revision.
var ErrNotFound = errors.New("no such object")

type notFoundError struct{ msg string }

func (e *notFoundError) Error() string { return e.msg }
func (e *notFoundError) Unwrap() error { return ErrNotFound }

// Object returns the content of a blob named as git names objects
// (":path", "HEAD:path", a hash).
func (b *BlobReader) Object(name string, limit int64) ([]byte, error) {
	if strings.ContainsAny(name, "\n\r") {
		return nil, fmt.Errorf("file names with line breaks cannot be read from git")
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return nil, b.err
	}
	if _, err := io.WriteString(b.in, name+"\n"); err != nil {
		return nil, b.fail(err)
	}
	header, err := b.out.ReadString('\n')
	if err != nil {
		return nil, b.fail(err)
	}
	header = strings.TrimSuffix(header, "\n")
	if strings.HasSuffix(header, " missing") || strings.HasSuffix(header, " ambiguous") {
		return nil, ErrNotFound
	}
	fields := strings.Fields(header)
	if len(fields) != 3 {
		return nil, b.fail(fmt.Errorf("unexpected reply %q", header))
	}
	size, err := strconv.ParseInt(fields[2], 10, 64)
	if err != nil {
		return nil, b.fail(fmt.Errorf("unexpected reply %q", header))
	}
	if fields[1] != "blob" || (limit > 0 && size > limit) {
		if _, err := b.out.Discard(int(size) + 1); err != nil {
			return nil, b.fail(err)
		}
		if fields[1] != "blob" {
			return nil, fmt.Errorf("%s is a %s, not a file", name, fields[1])
		}
		return nil, &TooLargeError{Size: size, Limit: limit}
	}
	data := make([]byte, size+1)
	if _, err := io.ReadFull(b.out, data); err != nil {
		return nil, b.fail(err)
	}
	return data[:size], nil
}

func (b *BlobReader) fail(err error) error {
	msg := strings.TrimSpace(b.stderr.String())
	if msg != "" {
		err = fmt.Errorf("%v: %s", err, msg)
	}
	b.err = fmt.Errorf("git cat-file: %w", err)
	return b.err
}

// Close stops the git process.
func (b *BlobReader) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.in == nil {
		return nil
	}
	b.in.Close()
	b.in = nil
	err := b.cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) && b.err != nil {
		return nil // already reported
	}
	return err
}
