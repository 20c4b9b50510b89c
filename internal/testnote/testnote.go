// Package testnote makes tests that skip themselves for want of something
// outside the repository (../shared, Chromium, python3) say so in the
// default `go test ./...` output. go test shows nothing of a package whose
// tests pass but its "ok" line, so Main writes the reasons to the
// terminal, or to the file QUOTECHECK_TEST_NOTES names (as .ci/run does),
// and only otherwise to standard error, which -v shows.
package testnote

import (
	"fmt"
	"io"
	"os"
	"sync"
	"testing"
)

// NotesEnv names the file that, when set, collects the notes.
const NotesEnv = "QUOTECHECK_TEST_NOTES"

var (
	mu    sync.Mutex
	notes []string
)

// Skip skips t, keeping the reason for Main to show.
func Skip(t testing.TB, reason string) {
	t.Helper()
	mu.Lock()
	notes = append(notes, t.Name()+": "+reason)
	mu.Unlock()
	t.Skip(reason)
}

// Main runs the tests and shows why any were skipped; use it as
// os.Exit(testnote.Main(m)) in TestMain.
func Main(m *testing.M) int {
	code := m.Run()
	mu.Lock()
	defer mu.Unlock()
	if len(notes) > 0 {
		w, done := noteWriter()
		for _, n := range notes {
			fmt.Fprintf(w, "note: skipped %s\n", n)
		}
		done()
	}
	return code
}

// noteWriter finds where a person will read the notes. The terminal is
// opened only when there is something to say: go test's cache would
// otherwise never keep a result.
func noteWriter() (io.Writer, func()) {
	if path := os.Getenv(NotesEnv); path != "" {
		if f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644); err == nil {
			return f, func() { f.Close() }
		}
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		return tty, func() { tty.Close() }
	}
	return os.Stderr, func() {}
}
