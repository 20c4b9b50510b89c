package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/quotecheck/quotecheck/checker"
)

// githubWriter prints GitHub Actions workflow commands, one annotation per
// finding:
//
//	::warning file=stories/a.md,line=7,col=2,endLine=7,endColumn=40,title=anonymous-source::message
//
// Info findings become notices. Unreadable inputs are error annotations
// on the file. Workflow commands are read from standard output.
type githubWriter struct {
	out io.Writer
	min checker.Severity
}

func githubLevel(s checker.Severity) string {
	switch s {
	case checker.Error:
		return "error"
	case checker.Warning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func (w *githubWriter) Write(r checker.Result) error {
	path := displayPath(r.Path)
	if r.Err != nil {
		_, err := fmt.Fprintf(w.out, "::error file=%s,title=quotecheck::%s\n", escapeProperty(path), escapeData(r.Err.Error()))
		return err
	}
	for _, f := range r.Findings {
		if f.Severity < w.min {
			continue
		}
		start, end := r.Doc.Position(f.Span.Start), r.Doc.Position(f.Span.End)
		props := fmt.Sprintf("file=%s,line=%d,col=%d", escapeProperty(path), start.Line, start.Column)
		if end.Offset > start.Offset {
			props += fmt.Sprintf(",endLine=%d,endColumn=%d", end.Line, end.Column)
		}
		props += ",title=" + escapeProperty("quotecheck "+f.Rule)
		if _, err := fmt.Fprintf(w.out, "::%s %s::%s\n", githubLevel(f.Severity), props, escapeData(f.Message)); err != nil {
			return err
		}
	}
	return nil
}

func (w *githubWriter) Close() error { return nil }
