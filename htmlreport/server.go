package htmlreport

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"net"
	"net/http"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/engine"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/report"
)

// Defaults of ServerConfig.
const (
	DefaultMaxBody = 5 << 20
	DefaultTimeout = 30 * time.Second
)

// ServerConfig sets up the review page server.
type ServerConfig struct {
	// Engine checks the stories, each with the configuration found for
	// its path (a request's "path" relative to the working folder, else
	// the working folder's). When nil, Checker checks every story.
	Engine  *engine.Engine
	Checker *checker.Checker
	// Rules document the findings.
	Rules []*checker.Rule
	Tool  report.Tool
	// MaxBody is the largest request body accepted, in bytes (the story
	// and the earlier version together); larger requests get 413.
	MaxBody int64
	// Timeout bounds one request's work: a check still running then is
	// cancelled (it stops between paragraphs), its slot freed, and the
	// request gets 503.
	Timeout time.Duration
	// MaxConcurrent bounds the checks that run at once; further requests
	// wait for a slot until their timeout. 0 means four per CPU.
	MaxConcurrent int
	// LocalOnly refuses requests whose Host header is not a loopback name
	// or address, so that a web page cannot reach the server through DNS
	// rebinding. Set it whenever the server listens on loopback.
	LocalOnly bool
	// Log receives server errors and recovered panics; nil discards them.
	Log io.Writer
}

// Server serves the local review page: GET / (the form), POST /report (the
// HTML report of a submitted story) and POST /api/check (the JSON report).
type Server struct {
	cfg     ServerConfig
	sem     chan struct{}
	log     *log.Logger
	handler http.Handler
}

// NewServer builds a server; it panics when cfg.Engine and cfg.Checker
// are both nil.
func NewServer(cfg ServerConfig) *Server {
	if cfg.Engine == nil && cfg.Checker == nil {
		panic("htmlreport: ServerConfig has neither Engine nor Checker")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxConcurrent <= 0 {
		cfg.MaxConcurrent = 4 * runtime.GOMAXPROCS(0)
	}
	if cfg.Tool.Name == "" {
		cfg.Tool.Name = "quotecheck"
	}
	out := cfg.Log
	if out == nil {
		out = io.Discard
	}
	s := &Server{cfg: cfg, sem: make(chan struct{}, cfg.MaxConcurrent), log: log.New(out, "quotecheck serve: ", log.LstdFlags)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handleIndex)
	mux.HandleFunc("POST /report", s.handleReport)
	mux.HandleFunc("/api/check", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			s.fail(w, r, &httpError{status: http.StatusMethodNotAllowed, msg: "use POST with the story as the body"})
			return
		}
		s.handleAPI(w, r)
	})
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, &httpError{status: http.StatusNotFound, msg: "no such endpoint: the API is POST /api/check"})
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	s.handler = s.recoverer(s.guard(mux))
	return s
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.handler }

// HTTPServer returns an http.Server for addr with read, write and idle
// timeouts set.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.cfg.Timeout,
		WriteTimeout:      s.cfg.Timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          s.log,
	}
}

// Errors a request can end with, each with its status.
var (
	errTimeout = &httpError{status: http.StatusServiceUnavailable, msg: "the check took too long; try a shorter story"}
	errBusy    = &httpError{status: http.StatusServiceUnavailable, msg: "the server is busy; try again"}
)

// httpError is an error with the status code it is answered with.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(format string, args ...any) *httpError {
	return &httpError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

func (s *Server) tooLarge() *httpError {
	return &httpError{status: http.StatusRequestEntityTooLarge,
		msg: fmt.Sprintf("the request is larger than the %s limit", sizeString(s.cfg.MaxBody))}
}

func statusOf(err error) (int, string) {
	var he *httpError
	if errors.As(err, &he) {
		return he.status, he.msg
	}
	return http.StatusInternalServerError, "internal error: " + err.Error()
}

// recoverer turns a panic in a handler into a 500 answer for that request
// alone.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Printf("panic serving %s %s: %v\n%s", r.Method, r.URL.Path, p, debug.Stack())
				s.fail(w, r, &httpError{status: http.StatusInternalServerError, msg: "internal error: the check failed"})
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// guard sets the security headers and refuses requests addressed to a
// name other than localhost when the server is local only.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		if s.cfg.LocalOnly && !loopbackHost(r.Host) {
			s.fail(w, r, &httpError{status: http.StatusForbidden,
				msg: "this review page answers only to localhost, 127.0.0.1 or [::1]"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether a Host header names this machine.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	s.writePage(w, http.StatusOK, nil, &Form{})
}

// handleReport checks a story sent from the form and answers with the
// page: the form, filled in, above the report.
func (s *Server) handleReport(w http.ResponseWriter, r *http.Request) {
	form, err := s.readForm(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if strings.TrimSpace(form.form.Text) == "" {
		form.form.Error = "Paste a story, or choose or drop a file, first."
		s.writePage(w, http.StatusBadRequest, nil, &form.form)
		return
	}
	var in *Input
	err = s.do(r.Context(), func(ctx context.Context) error {
		res, err := s.check(ctx, form.req)
		if err != nil {
			return err
		}
		in = res
		return nil
	})
	if err != nil {
		status, msg := statusOf(err)
		form.form.Error = msg
		s.writePage(w, status, nil, &form.form)
		return
	}
	s.writePage(w, http.StatusOK, in, &form.form)
}

func (s *Server) writePage(w http.ResponseWriter, status int, in *Input, form *Form) {
	var buf bytes.Buffer
	if err := render(&buf, s.cfg.Tool, in, form); err != nil {
		s.log.Printf("rendering the page: %v", err)
		http.Error(w, "internal error: the page could not be rendered", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", CSP+"; frame-ancestors 'none'")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// request is one story to check, and optionally an earlier version.
type request struct {
	Text, Format           string
	Against, AgainstFormat string
	HasAgainst             bool
	Path, AgainstPath      string
}

type formRequest struct {
	form Form
	req  request
}

// readForm reads the form of the review page, urlencoded or multipart; a
// file chosen in the form stands in for an empty text box.
func (s *Server) readForm(w http.ResponseWriter, r *http.Request) (*formRequest, error) {
	if r.ContentLength > s.cfg.MaxBody {
		return nil, s.tooLarge()
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	fields := map[string]string{}
	files := map[string]string{}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, badRequest("malformed form: %v", err)
		}
		for {
			part, err := mr.NextPart()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return nil, s.bodyError(err, "malformed form")
			}
			name := part.FormName()
			data, err := io.ReadAll(part)
			if err != nil {
				return nil, s.bodyError(err, "malformed form")
			}
			if part.FileName() != "" {
				if len(data) > 0 {
					fields[name] = string(data)
					files[name] = part.FileName()
				}
			} else {
				fields[name] = string(data)
			}
		}
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return nil, s.bodyError(err, "malformed form")
		}
		for k := range r.PostForm {
			fields[k] = r.PostForm.Get(k)
		}
	default:
		return nil, &httpError{status: http.StatusUnsupportedMediaType, msg: "send the form as multipart/form-data or application/x-www-form-urlencoded"}
	}
	f := &formRequest{form: Form{Text: fields["text"], Format: fields["format"], Against: fields["against"], AgainstFormat: fields["against_format"]}}
	if strings.TrimSpace(f.form.Text) == "" && fields["file"] != "" {
		f.form.Text = fields["file"]
		f.req.Path = files["file"]
	}
	if strings.TrimSpace(f.form.Against) == "" && fields["against_file"] != "" {
		f.form.Against = fields["against_file"]
		f.req.AgainstPath = files["against_file"]
	}
	if f.req.Path == "" {
		f.req.Path = "pasted story"
	}
	if f.req.AgainstPath == "" {
		f.req.AgainstPath = "pasted earlier version"
	}
	f.req.Text, f.req.Format = f.form.Text, f.form.Format
	f.req.Against, f.req.AgainstFormat = f.form.Against, f.form.AgainstFormat
	f.req.HasAgainst = strings.TrimSpace(f.form.Against) != ""
	return f, nil
}

// bodyError classifies an error reading the body: too large, or
// malformed.
func (s *Server) bodyError(err error, what string) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) || strings.Contains(err.Error(), "request body too large") {
		return s.tooLarge()
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return &httpError{status: http.StatusRequestTimeout, msg: "the request body was not sent in time"}
	}
	return badRequest("%s: %v", what, err)
}

// apiRequest is the JSON body of POST /api/check.
type apiRequest struct {
	Text          string  `json:"text"`
	Format        string  `json:"format"`
	Against       *string `json:"against"`
	AgainstFormat string  `json:"against_format"`
	Path          string  `json:"path"`
}

// APIResponse is the answer of POST /api/check: the JSON report contract
// (one document) and, when an earlier version was sent, that version's
// document and the quotation changes of `quotecheck diff`.
type APIResponse struct {
	SchemaVersion int               `json:"schema_version"`
	Tool          report.Tool       `json:"tool"`
	Documents     []report.Document `json:"documents"`
	Against       *report.Document  `json:"against,omitempty"`
	Changes       *[]report.Change  `json:"changes,omitempty"`
}

// handleAPI checks a story sent as JSON ({"text", "format", "against",
// "against_format", "path"}) or as the raw body (format from ?format= or
// the content type) and answers with the JSON report.
func (s *Server) handleAPI(w http.ResponseWriter, r *http.Request) {
	req, err := s.readAPI(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var resp APIResponse
	err = s.do(r.Context(), func(ctx context.Context) error {
		in, err := s.check(ctx, *req)
		if err != nil {
			return err
		}
		resp = APIResponse{SchemaVersion: report.SchemaVersion, Tool: s.cfg.Tool,
			Documents: []report.Document{report.DocumentOf(in.Result)}}
		if in.Against != nil {
			old := report.DocumentOf(*in.Against)
			resp.Against = &old
			changes := report.DiffReportOf(s.cfg.Tool, *in.Against, in.Result, in.Changes).Changes
			resp.Changes = &changes
		}
		return nil
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) readAPI(w http.ResponseWriter, r *http.Request) (*request, error) {
	if r.ContentLength > s.cfg.MaxBody {
		return nil, s.tooLarge()
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, s.bodyError(err, "reading the request")
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	req := &request{Path: r.URL.Query().Get("path"), AgainstPath: "earlier version"}
	switch ct {
	case "application/json":
		var body apiRequest
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&body); err != nil {
			return nil, badRequest("malformed JSON: %s", jsonErr(err, dec))
		}
		if dec.More() {
			return nil, badRequest("malformed JSON: more than one value in the body")
		}
		req.Text, req.Format, req.Path = body.Text, body.Format, body.Path
		if body.Against != nil {
			req.Against, req.AgainstFormat, req.HasAgainst = *body.Against, body.AgainstFormat, true
		}
	case "", "text/plain", "text/markdown", "text/x-markdown", "text/html", "application/x-www-form-urlencoded", "application/octet-stream":
		// curl --data-binary sends a file as a form; the body is the story.
		req.Text = string(data)
		req.Format = r.URL.Query().Get("format")
		if req.Format == "" {
			switch ct {
			case "text/markdown", "text/x-markdown":
				req.Format = "markdown"
			case "text/html":
				req.Format = "html"
			}
		}
	default:
		return nil, &httpError{status: http.StatusUnsupportedMediaType,
			msg: fmt.Sprintf("unsupported content type %q: send application/json ({\"text\": ...}) or the story as text/plain, text/markdown or text/html", ct)}
	}
	if req.Path == "" {
		req.Path = "story"
	}
	if strings.TrimSpace(req.Text) == "" {
		return nil, badRequest("no story text: send {\"text\": \"...\"} or the story as the body")
	}
	return req, nil
}

func jsonErr(err error, dec *json.Decoder) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field == "" {
			return fmt.Sprintf("the body is %s; send an object: {\"text\": \"...\"}", jsonValueWords(te.Value))
		}
		return fmt.Sprintf("field %q: want %s, got %s", te.Field, jsonTypeWords(te.Type), jsonValueWords(te.Value))
	}
	if errors.Is(err, io.EOF) {
		return "empty body"
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "the body ends in the middle of a value"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// jsonTypeWords names the JSON value a Go type is read from, in the
// words of the API's documentation rather than Go's.
func jsonTypeWords(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8,
		reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "another kind of value"
}

// jsonValueWords names the kind of JSON value the decoder saw ("array",
// "number 42", "string"...).
func jsonValueWords(v string) string {
	kind, _, _ := strings.Cut(v, " ")
	switch kind {
	case "array":
		return "a list"
	case "object":
		return "an object"
	case "number":
		return "a number"
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	}
	return "a " + kind
}

// check reads and checks the story (and the earlier version).
func (s *Server) check(ctx context.Context, req request) (*Input, error) {
	format, err := storyFormat(req.Format)
	if err != nil {
		return nil, badRequest("format: %v", err)
	}
	var oldFormat input.Format
	if req.HasAgainst {
		if oldFormat, err = storyFormat(req.AgainstFormat); err != nil {
			return nil, badRequest("against_format: %v", err)
		}
		if strings.TrimSpace(req.Against) == "" {
			return nil, badRequest("against: the earlier version is empty")
		}
	}
	story := s.story(ctx, req.Path, req.Text, format)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if story.Err != nil {
		return nil, badRequest("the story could not be read: %v", story.Err)
	}
	in := &Input{Result: story, Rules: s.cfg.Rules, Tool: s.cfg.Tool}
	if req.HasAgainst {
		old := s.story(ctx, req.AgainstPath, req.Against, oldFormat)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if old.Err != nil {
			return nil, badRequest("the earlier version could not be read: %v", old.Err)
		}
		in.Against = &old
		if s.cfg.Engine == nil {
			in.Changes = s.cfg.Checker.Compare(old.Doc, story.Doc)
		} else if in.Changes, err = s.cfg.Engine.Compare(settingsPath(req.Path), old.Doc, story.Doc); err != nil {
			return nil, &httpError{status: http.StatusInternalServerError, msg: err.Error()}
		}
	}
	return in, nil
}

// story reads and checks one story within ctx.
func (s *Server) story(ctx context.Context, label, text string, format input.Format) checker.Result {
	if s.cfg.Engine == nil {
		return readStory(ctx, s.cfg.Checker, label, []byte(text), input.Options{Format: format, MaxSize: s.cfg.MaxBody})
	}
	return s.cfg.Engine.Story(ctx, label, settingsPath(label), []byte(text), format)
}

// settingsPath is the path whose configuration a story gets: a request's
// path when it names a place under the working folder, else the working
// folder.
func settingsPath(p string) string {
	if p != "" && filepath.IsLocal(p) {
		return p
	}
	return "-"
}

// storyFormat reads a format name of the review page: auto, text,
// markdown or html (and their short names).
func storyFormat(name string) (input.Format, error) {
	f, err := input.ParseFormat(name)
	if err != nil {
		return "", err
	}
	switch f {
	case input.Auto, input.Text, input.Markdown, input.HTML:
		return f, nil
	}
	return "", fmt.Errorf("%q is not offered here (want auto, text, markdown or html)", name)
}

// do runs fn in one of the bounded check slots, within the request's
// timeout. fn gets a context that is done at the timeout: the check then
// stops and frees its slot. A check that outlives its context keeps the
// slot until it ends, so runaway checks cannot pile up beyond
// MaxConcurrent.
func (s *Server) do(ctx context.Context, fn func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return errBusy
		}
		return ctx.Err()
	}
	done := make(chan error, 1)
	go func() {
		defer func() { <-s.sem }()
		defer func() {
			if p := recover(); p != nil {
				s.log.Printf("panic in a check: %v\n%s", p, debug.Stack())
				done <- &httpError{status: http.StatusInternalServerError, msg: "internal error: the check failed"}
			}
		}()
		done <- fn(ctx)
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return errTimeout
		}
		return ctx.Err()
	}
}

// fail answers with an error: JSON for the API, a page for the rest.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := statusOf(err)
	if status >= 500 {
		s.log.Printf("%s %s: %d %s", r.Method, r.URL.Path, status, msg)
	}
	if status == http.StatusRequestEntityTooLarge || status == http.StatusRequestTimeout {
		// The rest of the body is not read: close the connection after
		// answering instead of draining it.
		w.Header().Set("Connection", "close")
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, status, map[string]any{"error": msg, "status": status})
		return
	}
	s.writePage(w, status, nil, &Form{Error: msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, `{"error":"internal error: the report could not be encoded"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d byte", n)
}
