package htmlreport

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/quotecheck/quotecheck/report"
)

//go:embed assets/page.html assets/report.css assets/report.js
var assets embed.FS

var (
	// the template is parsed when a page is first rendered, not when
	// every run of the tool starts
	pageTmpl = sync.OnceValue(func() *template.Template {
		return template.Must(template.New("page.html").Funcs(template.FuncMap{
			"join": func(s []string) string {
				q := make([]string, len(s))
				for i, v := range s {
					q[i] = "“" + v + "”"
				}
				return strings.Join(q, ", ")
			},
			"codeSpans": codeSpans,
		}).ParseFS(assets, "assets/page.html"))
	})
	styleText  = mustRead("assets/report.css")
	scriptText = mustRead("assets/report.js")
	// CSP is the page's Content-Security-Policy: nothing may load from
	// anywhere (no network, no other file), and only the page's own
	// style and script, named by their hashes, may run; inline event
	// handlers, javascript: URLs and injected <script> elements are
	// refused. form-action and connect-src matter only to the review page
	// served by Server.
	CSP = "default-src 'none'; script-src " + hashSource(scriptText) + "; style-src " + hashSource(styleText) +
		"; img-src data:; connect-src 'self'; form-action 'self'; base-uri 'none'"
)

func mustRead(name string) string {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// hashSource is a CSP source expression for an inline element's text.
func hashSource(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// Formats are the input formats the review page offers.
var Formats = []string{"auto", "text", "markdown", "html"}

// Form is the story form of the review page, filled in with what was
// submitted.
type Form struct {
	Text, Format, Against, AgainstFormat string
	// Error is shown under the form.
	Error string
}

// pageData is the template's data.
type pageData struct {
	CSP     string
	CSS     template.CSS
	JS      template.JS
	Tool    report.Tool
	Formats []string
	V       *view
	Form    *Form
}

// Write renders the report of one story as a self-contained HTML page.
func Write(w io.Writer, in Input) error {
	return render(w, in.Tool, &in, nil)
}

// render writes the page: a report, the review form, or both.
func render(w io.Writer, tool report.Tool, in *Input, form *Form) error {
	p := pageData{CSP: CSP, CSS: template.CSS(styleText), JS: template.JS(scriptText), Formats: Formats, Form: form, Tool: tool}
	if in != nil {
		p.V = build(*in)
	}
	if p.Tool.Name == "" {
		p.Tool.Name = "quotecheck"
	}
	if form != nil && form.Format == "" {
		form.Format = "auto"
	}
	if form != nil && form.AgainstFormat == "" {
		form.AgainstFormat = "auto"
	}
	bw := bufio.NewWriter(w)
	if err := pageTmpl().Execute(bw, p); err != nil {
		return err
	}
	return bw.Flush()
}

// span is a run of rule documentation: plain words, or `code`.
type span struct {
	Text string
	Code bool
}

// codeSpans splits documentation on backquotes; an unpaired backquote
// stays as text.
func codeSpans(s string) []span {
	var out []span
	for {
		i := strings.IndexByte(s, '`')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i+1:], '`')
		if j < 0 {
			break
		}
		if i > 0 {
			out = append(out, span{Text: s[:i]})
		}
		out = append(out, span{Text: s[i+1 : i+1+j], Code: true})
		s = s[i+2+j:]
	}
	if s != "" {
		out = append(out, span{Text: s})
	}
	return out
}
