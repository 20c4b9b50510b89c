package batch

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/quotecheck/quotecheck/article"
)

// pct formats a share as a percentage with one decimal.
func pct(f float64) string { return fmt.Sprintf("%.1f%%", f*100) }

// clip shortens s to n characters on one line.
func clip(s string, n int) string {
	s = article.CollapseSpaces(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// CountLine is the one-line account of a run: records read, checked and
// failed, and the rates.
func CountLine(s *Stats) string {
	f := s.Figures
	line := fmt.Sprintf("%s records read, %s checked, %s failed", thousands(f.Read), thousands(f.Checked), thousands(f.Failed))
	if f.Resumed > 0 {
		line += fmt.Sprintf(" (%s of them already in the output)", thousands(f.Resumed))
	}
	return line + fmt.Sprintf(" in %.1f s (%s articles/s, %.1f MB/s, %d workers)",
		s.Elapsed.Seconds(), thousands(int(s.ArticlesPerSecond())), s.MBPerSecond(), s.Workers)
}

// WriteText prints the summary figures as text, with top lists and the
// section and author breakdowns cut to top rows.
func WriteText(w io.Writer, f *Figures, top int) error {
	if top <= 0 {
		top = 20
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(cells ...string) { fmt.Fprintln(tw, strings.Join(cells, "\t")) }
	head := func(title string) {
		tw.Flush()
		fmt.Fprintf(w, "\n%s\n", title)
	}
	fmt.Fprintln(w, "SUMMARY")
	row("articles", thousands(f.Checked), "")
	row("quotations", thousands(f.Quotes), "")
	for _, c := range f.QuotesByType {
		label := "  from " + typeWords[c.Name]
		row(label, thousands(c.Count), pct(c.Share))
	}
	row("anonymous sources", thousands(f.AnonymousSources), "")
	row("  with a stated reason", thousands(f.WithReason), pct(f.ReasonShare))
	if f.VersionsCompared > 0 || f.VersionsEvicted > 0 {
		row("versions compared", thousands(f.VersionsCompared), "")
		row("  with changed quotations", thousands(f.ArticlesChanged), pct(share(f.ArticlesChanged, f.VersionsCompared)))
		for _, c := range f.Changes {
			row("  "+c.Name, thousands(c.Count), "")
		}
	}
	if f.Failed > 0 {
		row("failed records", thousands(f.Failed), "")
	}

	if len(f.TopAnonymous) > 0 {
		head("TOP ANONYMOUS DESCRIPTIONS")
		row("DESCRIPTION", "ARTICLES", "QUOTES")
		for _, r := range cut(f.TopAnonymous, top) {
			row(clip(r.Name, 60), thousands(r.Articles), thousands(r.Quotes))
		}
	}
	if len(f.TopSources) > 0 {
		head("MOST QUOTED SOURCES")
		row("SOURCE", "TYPE", "QUOTES", "ARTICLES")
		for _, r := range cut(f.TopSources, top) {
			row(clip(r.Name, 60), r.Type, thousands(r.Quotes), thousands(r.Articles))
		}
	}
	if len(f.Findings) > 0 {
		head("FINDINGS PER RULE")
		for _, c := range f.Findings {
			row(c.Name, thousands(c.Count))
		}
	}
	for _, b := range []struct {
		title, col string
		groups     []Group
		limit      int
	}{
		{"BY SECTION", "SECTION", f.Sections, top},
		{"BY AUTHOR", "AUTHOR", f.Authors, top},
		{"BY MONTH (published)", "MONTH", f.Months, 0},
	} {
		if b.groups == nil {
			continue
		}
		head(b.title)
		row(b.col, "ARTICLES", "QUOTES", "ANONYMOUS", "UNATTRIBUTED", "ANON. SOURCES", "WITH REASON", "FINDINGS")
		groups := b.groups
		if b.limit > 0 {
			groups = cut(groups, b.limit)
		}
		for _, g := range groups {
			row(clip(g.Name, 40), thousands(g.Articles), thousands(g.Quotes), pct(g.AnonymousShare), pct(g.UnattributedShare),
				thousands(g.AnonymousSources), pct(g.ReasonShare), thousands(g.Findings))
		}
		if len(groups) < len(b.groups) {
			row(fmt.Sprintf("… %d more", len(b.groups)-len(groups)))
		}
	}
	if len(f.ChangedQuotes) > 0 {
		head(fmt.Sprintf("CHANGED QUOTATIONS (first %d)", len(f.ChangedQuotes)))
		for _, c := range f.ChangedQuotes {
			row(clip(c.ID, 30), c.PreviousVersion+"→"+c.Version, c.Type, clip(changeWords(&c), 90))
		}
	}
	if len(f.Errors) > 0 {
		head(fmt.Sprintf("FAILED RECORDS (first %d of %d)", len(f.Errors), f.Failed))
		for _, e := range f.Errors {
			row(fmt.Sprintf("%s record %d line %d", e.Input, e.Record, e.Line), clip(e.Error, 100))
		}
	}
	if f.Approximate {
		head("NOTE")
		fmt.Fprintf(tw, "more than %d distinct names: top-list counts are estimates (each may be high by at most its overcount)\n", sketchSize)
	}
	if f.VersionsMissed > 0 {
		head("NOTE")
		fmt.Fprintf(tw, "about %s records came after the previous version of their article had left the version window, and were not compared: raise --version-window or group the archive by id\n", thousands(f.VersionsMissed))
	}
	return tw.Flush()
}

var typeWords = map[string]string{
	"person":       "named people",
	"organization": "organisations",
	"anonymous":    "anonymous sources",
	"document":     "documents",
	"none":         "no one (unattributed)",
}

// changeWords says what changed in one line: the diff with deletions in
// [-brackets-] and insertions in {+braces+}, as git's word diff does.
func changeWords(c *ChangedQuote) string {
	switch {
	case len(c.Diff) > 0:
		var b strings.Builder
		for _, d := range c.Diff {
			switch d.Op {
			case "delete":
				b.WriteString("[-" + d.Text + "-]")
			case "insert":
				b.WriteString("{+" + d.Text + "+}")
			default:
				b.WriteString(d.Text)
			}
		}
		return b.String()
	case c.Type == "added":
		return "+ " + c.NewText
	case c.Type == "removed":
		return "- " + c.OldText
	}
	return c.Message
}

func cut[T any](s []T, n int) []T {
	if n > 0 && len(s) > n {
		return s[:n]
	}
	return s
}
