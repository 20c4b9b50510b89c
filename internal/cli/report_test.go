package cli

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReportCommand(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	out := filepath.Join(t.TempDir(), "story.html")

	code, stdout, stderr := runCLI("report", "htmlreport/testdata/versions/v2.txt", "--html", out)
	require.Equal(t, ExitClean, code, stderr)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "wrote "+out+": 6 quotations, 1 finding")
	page, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(page), `data-speaker="Petra Lind"`)
	assert.NotContains(t, string(page), `id="changes"`)

	// With the earlier version, flags after the path.
	code, _, stderr = runCLI("report", "htmlreport/testdata/versions/v2.txt", "--against", "htmlreport/testdata/versions/v1.txt", "-o", out)
	require.Equal(t, ExitClean, code, stderr)
	assert.Contains(t, stderr, "4 quotation changes")
	page, err = os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(page), `id="changes"`)
	assert.Contains(t, string(page), "a penny of")

	// To standard output, from an HTML file, with a title.
	code, stdout, stderr = runCLI("report", "--title", "<b>Desk copy</b>", "testdata/xss/story.html")
	require.Equal(t, ExitClean, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "<!DOCTYPE html>"))
	assert.Contains(t, stdout, "<title>&lt;b&gt;Desk copy&lt;/b&gt; — quotecheck</title>")
	assert.Contains(t, stdout, `data-speaker="Ada"`)

	// From standard input.
	var o, e bytes.Buffer
	code = Run([]string{"quotecheck", "report", "-"}, strings.NewReader(`"We will win," said Ines Calloway.`), &o, &e)
	require.Equal(t, ExitClean, code, e.String())
	assert.Contains(t, o.String(), `data-speaker="Ines Calloway"`)
}

func TestReportCommandErrors(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	dir := t.TempDir()
	out := filepath.Join(dir, "out.html")
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"report"}, "want one STORY"},
		{[]string{"report", "a.txt", "b.txt"}, "want one STORY"},
		{[]string{"report", "--html", out, "no-such-story.txt"}, "no-such-story.txt: error:"},
		{[]string{"report", "--html", out, "htmlreport/testdata/versions/v2.txt", "--against", "nope.txt"}, "nope.txt: error:"},
		{[]string{"report", "--input-format", "docx", "htmlreport/testdata/versions/v2.txt"}, "unknown input format"},
		{[]string{"report", "--html", out, "htmlreport"}, "is a directory"},
		{[]string{"report", "-", "--against", "-"}, "only once"},
		{[]string{"report", "--html", filepath.Join(dir, "no", "such", "dir.html"), "htmlreport/testdata/versions/v2.txt"}, "report:"},
	} {
		code, _, stderr := runCLI(c.args...)
		assert.Equal(t, ExitError, code, "%v", c.args)
		assert.Contains(t, stderr, c.msg, "%v", c.args)
	}
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "no page is written for a story that could not be read")
}

func TestServeCommand(t *testing.T) {
	started := make(chan string, 1)
	var stop func()
	serveStarted = func(url string, s func()) {
		stop = s
		started <- url
	}
	defer func() { serveStarted = nil }()
	var out, errOut syncWriter
	done := make(chan int, 1)
	go func() {
		done <- Run([]string{"quotecheck", "serve", "--port", "0", "--max-body", "1000"}, strings.NewReader(""), &out, &errOut)
	}()
	var url string
	select {
	case url = <-started:
	case code := <-done:
		t.Fatalf("serve exited with %d: %s", code, errOut.String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	assert.True(t, strings.HasPrefix(url, "http://127.0.0.1:"), url)
	assert.Contains(t, out.String(), "review page at "+url)

	resp, err := http.Post(url+"api/check", "text/plain", strings.NewReader(`"We will win," said Ines Calloway.`))
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(body), `"name":"Ines Calloway"`)

	resp, err = http.Post(url+"api/check", "text/plain", strings.NewReader(strings.Repeat("x", 2000)))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)

	stop()
	select {
	case code := <-done:
		assert.Equal(t, ExitClean, code, errOut.String())
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestServeFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"serve", "--addr", ""}, "give a host"},
		{[]string{"serve", "--addr", ":8080"}, "give a host"},
		{[]string{"serve", "--port", "70000"}, "want 0 to 65535"},
		{[]string{"serve", "--addr", "127.0.0.1:x"}, "bad port"},
		{[]string{"serve", "--max-body", "0"}, "--max-body"},
		{[]string{"serve", "--timeout", "0s"}, "--timeout"},
		{[]string{"serve", "extra"}, "takes no arguments"},
	} {
		code, _, stderr := runCLI(c.args...)
		assert.Equal(t, ExitError, code, "%v", c.args)
		assert.Contains(t, stderr, c.msg, "%v", c.args)
	}
	for in, want := range map[string]string{
		"127.0.0.1":      "127.0.0.1:8080",
		"localhost":      "localhost:8080",
		"::1":            "[::1]:8080",
		"[::1]:9000":     "[::1]:9000",
		"127.0.0.1:0":    "127.0.0.1:0",
		"0.0.0.0":        "0.0.0.0:8080",
		" 127.0.0.1 ":    "127.0.0.1:8080",
		"192.0.2.1:8081": "192.0.2.1:8081",
	} {
		got, err := listenAddr(in, 8080)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	assert.True(t, isLoopback("127.0.0.1"))
	assert.True(t, isLoopback("::1"))
	assert.True(t, isLoopback("LocalHost"))
	assert.False(t, isLoopback("0.0.0.0"))
	assert.False(t, isLoopback("192.0.2.1"))
}

// syncWriter is a buffer that the server goroutine and the test share.
type syncWriter struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *syncWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}
