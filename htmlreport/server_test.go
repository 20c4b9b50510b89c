package htmlreport

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/rules"
	"github.com/quotecheck/quotecheck/verify"
)

func newTestServer(t testing.TB, cfg ServerConfig) *httptest.Server {
	t.Helper()
	if cfg.Checker == nil {
		cfg.Checker = newChecker(t)
	}
	if cfg.Rules == nil {
		cfg.Rules = rules.All()
	}
	cfg.Tool = report.Tool{Name: "quotecheck", Version: "test"}
	cfg.LocalOnly = true
	ts := httptest.NewServer(NewServer(cfg).Handler())
	t.Cleanup(ts.Close)
	return ts
}

func postJSON(t testing.TB, url string, body any) (*http.Response, []byte) {
	t.Helper()
	b, err := json.Marshal(body)
	require.NoError(t, err)
	return do(t, http.MethodPost, url, "application/json", bytes.NewReader(b))
}

func do(t testing.TB, method, url, ctype string, body io.Reader) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	require.NoError(t, err)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, data
}

func TestAPICheck(t *testing.T) {
	ts := newTestServer(t, ServerConfig{})
	story := string(readFile(t, filepath.Join("testdata", "versions", "v2.txt")))
	resp, data := postJSON(t, ts.URL+"/api/check", map[string]any{"text": story, "path": "v2.txt"})
	require.Equal(t, http.StatusOK, resp.StatusCode, string(data))
	assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
	var got APIResponse
	require.NoError(t, json.Unmarshal(data, &got))
	assert.Equal(t, report.SchemaVersion, got.SchemaVersion)
	require.Len(t, got.Documents, 1)
	doc := got.Documents[0]
	assert.Equal(t, "v2.txt", doc.Path)
	assert.Len(t, doc.Quotes, 6)
	assert.Equal(t, "Marguerite Olsen", doc.Quotes[0].Speaker.Name)
	assert.Nil(t, got.Changes)
	assert.NotContains(t, string(data), `"changes"`)

	// The same story as the raw body.
	resp, data = do(t, http.MethodPost, ts.URL+"/api/check", "text/plain; charset=utf-8", strings.NewReader(story))
	require.Equal(t, http.StatusOK, resp.StatusCode, string(data))
	var raw APIResponse
	require.NoError(t, json.Unmarshal(data, &raw))
	assert.Equal(t, doc.Quotes, raw.Documents[0].Quotes)

	// With the earlier version: the changes of `quotecheck diff`.
	old := string(readFile(t, filepath.Join("testdata", "versions", "v1.txt")))
	resp, data = postJSON(t, ts.URL+"/api/check", map[string]any{"text": story, "against": old})
	require.Equal(t, http.StatusOK, resp.StatusCode, string(data))
	var diff APIResponse
	require.NoError(t, json.Unmarshal(data, &diff))
	require.NotNil(t, diff.Changes)
	require.NotNil(t, diff.Against)
	var types []string
	for _, c := range *diff.Changes {
		types = append(types, c.Type)
	}
	assert.Equal(t, []string{"changed", "removed", "speaker-changed", "added"}, types)
	assert.NotEmpty(t, (*diff.Changes)[0].Diff)

	// An unchanged story has an empty list of changes, not none.
	resp, data = postJSON(t, ts.URL+"/api/check", map[string]any{"text": story, "against": story})
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(data), `"changes":[]`)

	// Markdown and HTML.
	resp, data = postJSON(t, ts.URL+"/api/check", map[string]any{"text": "# Title\n\n\"We *will* win,\" said Ines Calloway.\n", "format": "markdown"})
	require.Equal(t, http.StatusOK, resp.StatusCode, string(data))
	assert.Contains(t, string(data), `"name":"Ines Calloway"`)
	resp, data = do(t, http.MethodPost, ts.URL+"/api/check", "text/html", strings.NewReader(`<p>&ldquo;We will win,&rdquo; said Ines Calloway.</p>`))
	require.Equal(t, http.StatusOK, resp.StatusCode, string(data))
	assert.Contains(t, string(data), `"name":"Ines Calloway"`)
}

func TestMalformedRequestsGetClearErrors(t *testing.T) {
	ts := newTestServer(t, ServerConfig{})
	cases := []struct {
		name, method, path, ctype, body string
		status                          int
		msg                             string
	}{
		{"truncated JSON", "POST", "/api/check", "application/json", `{"text": "a`, 400, "malformed JSON"},
		{"not JSON", "POST", "/api/check", "application/json", `text=hello`, 400, "malformed JSON"},
		{"unknown field", "POST", "/api/check", "application/json", `{"txt": "a"}`, 400, `unknown field "txt"`},
		{"wrong type", "POST", "/api/check", "application/json", `{"text": 42}`, 400, `field "text"`},
		{"two values", "POST", "/api/check", "application/json", `{"text": "a"} {"text": "b"}`, 400, "more than one value"},
		{"empty JSON body", "POST", "/api/check", "application/json", ``, 400, "empty body"},
		{"no text", "POST", "/api/check", "application/json", `{"text": "  "}`, 400, "no story text"},
		{"empty raw body", "POST", "/api/check", "text/plain", ``, 400, "no story text"},
		{"bad format", "POST", "/api/check", "application/json", `{"text": "a", "format": "docx"}`, 400, "unknown input format"},
		{"format not offered", "POST", "/api/check", "application/json", `{"text": "a", "format": "jsonl"}`, 400, "not offered"},
		{"empty against", "POST", "/api/check", "application/json", `{"text": "a b", "against": ""}`, 400, "earlier version is empty"},
		{"invalid UTF-8", "POST", "/api/check", "text/plain", "\"caf\xe9,\" she said", 400, "invalid UTF-8"},
		{"binary", "POST", "/api/check", "text/plain", "\x00\x01\x02\x00", 400, "could not be read"},
		{"HTML without text", "POST", "/api/check", "text/html", "<html><body><script>x()</script></body></html>", 400, "no article text"},
		{"content type", "POST", "/api/check", "image/png", "x", 415, "unsupported content type"},
		{"method", "GET", "/api/check", "", "", 405, "use POST"},
		{"unknown API", "POST", "/api/nope", "application/json", "{}", 404, "no such endpoint"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, data := do(t, c.method, ts.URL+c.path, c.ctype, strings.NewReader(c.body))
			assert.Equal(t, c.status, resp.StatusCode, string(data))
			var e struct {
				Error  string `json:"error"`
				Status int    `json:"status"`
			}
			require.NoError(t, json.Unmarshal(data, &e), string(data))
			assert.Contains(t, e.Error, c.msg)
			assert.Equal(t, c.status, e.Status)
		})
	}
	// The server is still up.
	resp, _ := do(t, "GET", ts.URL+"/healthz", "", nil)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

// endless is an io.Reader of n bytes of story-like text, with no Len, so
// that the client sends it chunked.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	if e.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > e.n {
		p = p[:e.n]
	}
	for i := range p {
		p[i] = "a quote, she said. "[i%19]
	}
	e.n -= int64(len(p))
	return len(p), nil
}

func TestRejects50MBBodyWith413(t *testing.T) {
	ts := newTestServer(t, ServerConfig{MaxBody: 5 << 20})
	const size = 50 << 20
	for _, path := range []string{"/api/check", "/report"} {
		ctype := "text/plain"
		if path == "/report" {
			ctype = "application/x-www-form-urlencoded"
		}
		t.Run(path+" with length", func(t *testing.T) {
			req, err := http.NewRequest("POST", ts.URL+path, io.LimitReader(&endless{n: size}, size))
			require.NoError(t, err)
			req.ContentLength = size
			req.Header.Set("Content-Type", ctype)
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
			assert.Contains(t, string(body), "larger than the 5 MiB limit")
		})
		t.Run(path+" chunked", func(t *testing.T) {
			req, err := http.NewRequest("POST", ts.URL+path, &endless{n: size})
			require.NoError(t, err)
			req.Header.Set("Content-Type", ctype)
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
			assert.Contains(t, string(body), "larger than the 5 MiB limit")
		})
	}
	// A multipart form over the limit.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", "big.txt")
	require.NoError(t, err)
	_, err = io.Copy(fw, &endless{n: 6 << 20})
	require.NoError(t, err)
	require.NoError(t, mw.Close())
	resp, _ := do(t, "POST", ts.URL+"/report", mw.FormDataContentType(), &buf)
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
}

func TestReportForm(t *testing.T) {
	ts := newTestServer(t, ServerConfig{})
	resp, page := do(t, "GET", ts.URL+"/", "", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "default-src 'none'")
	assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'")
	assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
	assert.Contains(t, string(page), `<form method="post" action="/report#title"`)
	assertInert(t, string(page))

	story := string(readFile(t, filepath.Join("testdata", "versions", "v2.txt")))
	old := string(readFile(t, filepath.Join("testdata", "versions", "v1.txt")))
	form := url.Values{"text": {story}, "against": {old}, "format": {"text"}}
	resp, page = do(t, "POST", ts.URL+"/report", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(page), `data-speaker="Petra Lind"`)
	assert.Contains(t, string(page), `id="changes"`)
	assertInert(t, string(page))

	// A file chosen in the form (no script to copy it into the text box).
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", "ferry.md")
	require.NoError(t, err)
	io.WriteString(fw, "# Ferry vote\n\n\"We have the numbers,\" said Ines Calloway.\n")
	require.NoError(t, mw.WriteField("text", ""))
	require.NoError(t, mw.Close())
	resp, page = do(t, "POST", ts.URL+"/report", mw.FormDataContentType(), &buf)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(page))
	assert.Contains(t, string(page), `data-speaker="Ines Calloway"`)
	assert.Contains(t, string(page), `<span class="path">ferry.md</span>`)

	// Nothing to check: the form again, with a message.
	resp, page = do(t, "POST", ts.URL+"/report", "application/x-www-form-urlencoded", strings.NewReader("text=+&format=auto"))
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, string(page), "Paste a story")
	resp, page = do(t, "POST", ts.URL+"/report", "application/x-www-form-urlencoded", strings.NewReader("text=%22a%22&format=pdf"))
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, string(page), "unknown input format")
	resp, _ = do(t, "POST", ts.URL+"/report", "application/json", strings.NewReader("{}"))
	assert.Equal(t, http.StatusUnsupportedMediaType, resp.StatusCode)
	resp, _ = do(t, "POST", ts.URL+"/report", "multipart/form-data; boundary=x", strings.NewReader("garbage"))
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
}

func TestLocalOnlyRefusesOtherHosts(t *testing.T) {
	ts := newTestServer(t, ServerConfig{})
	for host, want := range map[string]int{
		"evil.example":         http.StatusForbidden,
		"evil.example:80":      http.StatusForbidden,
		"10.0.0.1":             http.StatusForbidden,
		"localhost":            http.StatusOK,
		"LOCALHOST:8080":       http.StatusOK,
		"127.0.0.1:1":          http.StatusOK,
		"[::1]:8080":           http.StatusOK,
		"app.localhost:8080":   http.StatusOK,
		"localhost.evil.com:1": http.StatusForbidden,
	} {
		req, err := http.NewRequest("GET", ts.URL+"/healthz", nil)
		require.NoError(t, err)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, want, resp.StatusCode, host)
	}
}

// A rule that panics or hangs must cost one request, not the server.
func TestPanicAndTimeoutAreContained(t *testing.T) {
	boom := &checker.Rule{ID: "boom", Severity: checker.Info, Title: "panics on BOOM", Run: func(p *checker.Pass) {
		if strings.Contains(p.Doc.Text, "BOOM") {
			panic("boom")
		}
		if strings.Contains(p.Doc.Text, "SLOW") {
			time.Sleep(400 * time.Millisecond)
		}
	}}
	chk, err := checker.New(append(rules.All(), boom), checker.Config{})
	require.NoError(t, err)
	var logs syncBuffer
	ts := newTestServer(t, ServerConfig{Checker: chk, Timeout: 150 * time.Millisecond, Log: &logs})

	resp, data := do(t, "POST", ts.URL+"/api/check", "text/plain", strings.NewReader(`"BOOM," he said.`))
	assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
	assert.Contains(t, string(data), "internal error")
	assert.Contains(t, logs.String(), "panic in a check: boom")

	resp, data = do(t, "POST", ts.URL+"/report", "application/x-www-form-urlencoded", strings.NewReader("text=BOOM"))
	assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
	assert.Contains(t, string(data), "internal error")

	resp, data = do(t, "POST", ts.URL+"/api/check", "text/plain", strings.NewReader(`"SLOW," he said.`))
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	assert.Contains(t, string(data), "took too long")

	resp, data = do(t, "POST", ts.URL+"/api/check", "text/plain", strings.NewReader(`"Fine," said Ana Ruiz.`))
	assert.Equal(t, http.StatusOK, resp.StatusCode, string(data))
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// story20K builds a story of at least 20 KB from the test versions, each
// copy with its own names so that the sources do not merge.
func story20K(t testing.TB, n int) string {
	base := string(readFile(t, filepath.Join("testdata", "versions", "v2.txt")))
	var b strings.Builder
	for i := 0; b.Len() < 20<<10; i++ {
		part := strings.NewReplacer("Marguerite Olsen", fmt.Sprintf("Marguerite Olsen%d", i), "Petra Lind", fmt.Sprintf("Petra Lind%d", i)).Replace(base)
		fmt.Fprintf(&b, "Part %d of story %d\n\n%s\n\n", i+1, n, part)
	}
	return b.String()
}

// TestConcurrentChecks sends 200 checks of 20 KB stories at once over
// loopback and expects every one to succeed.
func TestConcurrentChecks(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped in -short mode")
	}
	ts := newTestServer(t, ServerConfig{})
	const n = 200
	bodies := make([][]byte, n)
	for i := range bodies {
		b, err := json.Marshal(map[string]string{"text": story20K(t, i), "path": fmt.Sprintf("story-%d.txt", i)})
		require.NoError(t, err)
		require.GreaterOrEqual(t, len(b), 20<<10)
		bodies[i] = b
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: n, MaxConnsPerHost: n}, Timeout: 2 * time.Minute}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	errs := make(chan error, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			req, err := http.NewRequestWithContext(ctx, "POST", ts.URL+"/api/check", bytes.NewReader(bodies[i]))
			if err != nil {
				errs <- err
				return
			}
			req.Header.Set("Content-Type", "application/json")
			resp, err := client.Do(req)
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			var got APIResponse
			if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
				errs <- fmt.Errorf("request %d: %d: %v", i, resp.StatusCode, err)
				return
			}
			if resp.StatusCode != http.StatusOK || len(got.Documents) != 1 || len(got.Documents[0].Quotes) == 0 {
				errs <- fmt.Errorf("request %d: status %d", i, resp.StatusCode)
				return
			}
			if got.Documents[0].Path != fmt.Sprintf("story-%d.txt", i) {
				errs <- fmt.Errorf("request %d: answered with %s", i, got.Documents[0].Path)
			}
		}()
	}
	began := time.Now()
	close(start)
	wg.Wait()
	elapsed := time.Since(began)
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("%d concurrent checks of %d KB stories: %v, %.0f requests/s", n, len(bodies[0])>>10, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds())
}

// TestHostileRequestsFreeTheirSlots fills every check slot with hostile
// stories (1.5 MB of one-letter quotations, `"a" ` over and over, in
// paragraphs of 20 KB: each story costs the extractor about a second, and
// eight of them share two cores) and expects a normal request right after
// to be answered: at the deadline each hostile check is cancelled and its
// slot freed, instead of being held until the work ends. (Paragraphs of
// bare quotation marks, the story this test used first, became too cheap
// to outlast the deadline once the scanner passed marks around no words
// quickly: 0.15 s for 1 MB.)
func TestHostileRequestsFreeTheirSlots(t *testing.T) {
	const slots = 8
	ts := newTestServer(t, ServerConfig{Timeout: 300 * time.Millisecond, MaxConcurrent: slots, MaxBody: 2 << 20})
	hostile := strings.Repeat(strings.Repeat(`"a" `, 5_000)+"\n\n", 75)
	var wg sync.WaitGroup
	codes := make([]int, slots)
	for i := range slots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, _ := do(t, "POST", ts.URL+"/api/check", "text/plain", strings.NewReader(hostile))
			codes[i] = resp.StatusCode
		}()
	}
	wg.Wait()
	for _, c := range codes {
		assert.Equal(t, http.StatusServiceUnavailable, c)
	}
	// The cancelled checks stop at their next paragraph.
	var resp *http.Response
	var data []byte
	for range 20 {
		resp, data = do(t, "POST", ts.URL+"/api/check", "text/plain", strings.NewReader(`"Fine," said Ana Ruiz.`))
		if resp.StatusCode == http.StatusOK {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	assert.Equal(t, http.StatusOK, resp.StatusCode, string(data))
}

// TestServeWithSources: a server whose checker has sources verifies every
// story, in the page and in the API.
func TestServeWithSources(t *testing.T) {
	dir := filepath.Join("..", "testdata", "verify", "ferry")
	chk := newChecker(t).WithSources(verify.NewSet(readSource(t, filepath.Join(dir, "interview.txt"))))
	ts := newTestServer(t, ServerConfig{Checker: chk})
	story := string(readFile(t, filepath.Join(dir, "story.txt")))

	resp, data := postJSON(t, ts.URL+"/api/check", map[string]any{"text": story, "path": "story.txt"})
	require.Equal(t, http.StatusOK, resp.StatusCode, string(data))
	var got APIResponse
	require.NoError(t, json.Unmarshal(data, &got))
	require.Len(t, got.Documents, 1)
	doc := got.Documents[0]
	require.Len(t, doc.Verifications, len(doc.Quotes))
	assert.Equal(t, filepath.Join(dir, "interview.txt"), *doc.Verifications[0].Source)

	form := url.Values{"text": {story}, "format": {"text"}}
	resp, page := do(t, "POST", ts.URL+"/report", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assertInert(t, string(page))
	has(t, string(page), `<section class="record vd-altered meaning" id="v-q3"`)
	has(t, string(page), "In the record")
}
