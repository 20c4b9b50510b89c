package batch

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"sync"

	"github.com/quotecheck/quotecheck/report"
)

// WriteHTML writes the summary as one self-contained HTML page: figures,
// tables and inline SVG bar charts, no script and nothing loaded from
// the network (its Content-Security-Policy forbids both). Everything
// taken from the articles (names, sections, quotations) goes through
// html/template and is escaped. The page holds no timings, so that the
// same records always give the same page.
func WriteHTML(w io.Writer, f *Figures, tool report.Tool, top int) error {
	if top <= 0 {
		top = 20
	}
	p := page{F: f, Tool: tool, Top: top}
	p.Types = typeBar(f)
	var monthBars []bar
	for _, g := range f.Months {
		monthBars = append(monthBars, bar{Label: g.Name, Value: g.AnonymousShare, Text: pct(g.AnonymousShare),
			Title: fmt.Sprintf("%s: %s of %s quotations from anonymous sources, %s articles", g.Name, pct(g.AnonymousShare), thousands(g.Quotes), thousands(g.Articles))})
	}
	p.Months = columnChart("Share of quotations from anonymous sources, by month published", monthBars, "anon")
	p.MonthArticles = columnChart("Articles, by month published", groupBars(f.Months, func(g Group) (float64, string) {
		return float64(g.Articles), thousands(g.Articles)
	}), "count")
	p.Sections = cut(f.Sections, top)
	p.SectionChart = barChart("Share of quotations from anonymous sources, by section", groupBars(p.Sections, func(g Group) (float64, string) {
		return g.AnonymousShare, pct(g.AnonymousShare) + " of " + thousands(g.Quotes)
	}), "anon", 1)
	p.Authors = cut(f.Authors, top)
	p.AuthorChart = barChart("Share of quotations from anonymous sources, by author", groupBars(p.Authors, func(g Group) (float64, string) {
		return g.AnonymousShare, pct(g.AnonymousShare) + " of " + thousands(g.Quotes)
	}), "anon", 1)
	var anon, named, findings []bar
	for _, r := range cut(f.TopAnonymous, top) {
		anon = append(anon, bar{Label: r.Name, Value: float64(r.Articles), Text: thousands(r.Articles),
			Title: fmt.Sprintf("%s: %s articles, %s quotations", r.Name, thousands(r.Articles), thousands(r.Quotes))})
	}
	p.Anonymous = barChart("Most used anonymous descriptions (articles)", anon, "anon", 0)
	for _, r := range cut(f.TopSources, top) {
		class := "person"
		if r.Type == "organization" {
			class = "org"
		}
		named = append(named, bar{Label: r.Name, Value: float64(r.Quotes), Text: thousands(r.Quotes), Class: class,
			Title: fmt.Sprintf("%s (%s): %s quotations in %s articles", r.Name, r.Type, thousands(r.Quotes), thousands(r.Articles))})
	}
	p.Sources = barChart("Most quoted sources (quotations)", named, "person", 0)
	for _, c := range f.Findings {
		findings = append(findings, bar{Label: c.Name, Value: float64(c.Count), Text: thousands(c.Count), Title: fmt.Sprintf("%s: %s findings", c.Name, thousands(c.Count))})
	}
	p.Findings = barChart("Findings per rule", findings, "finding", 0)
	return pageTemplate().Execute(w, p)
}

// page is what the template shows.
type page struct {
	F    *Figures
	Tool report.Tool
	Top  int

	Types                        []typeSeg
	Months, MonthArticles        *chart
	Sections, Authors            []Group
	SectionChart, AuthorChart    *chart
	Anonymous, Sources, Findings *chart
}

// typeSeg is one part of the bar of quotations by speaker type.
type typeSeg struct {
	Name, Label, Class string
	Count              int
	Share              string
	X, W               float64
}

var typeLabels = map[string][2]string{
	"person":       {"named people", "person"},
	"organization": {"organisations", "org"},
	"anonymous":    {"anonymous sources", "anon"},
	"document":     {"documents", "doc"},
	"none":         {"no speaker", "none"},
}

func typeBar(f *Figures) []typeSeg {
	var out []typeSeg
	x := 0.0
	for _, c := range f.QuotesByType {
		w := c.Share * 100
		out = append(out, typeSeg{Name: c.Name, Label: typeLabels[c.Name][0], Class: typeLabels[c.Name][1], Count: c.Count, Share: pct(c.Share), X: x, W: w})
		x += w
	}
	return out
}

// bar is one bar of a chart.
type bar struct {
	Label, Text, Title, Class string
	Value                     float64
}

// chart is a laid-out SVG bar chart.
type chart struct {
	Title         string
	Width, Height float64
	Bars          []placed
	// LabelW is the width of the label column (bar charts), Base the
	// baseline (column charts).
	LabelW, Base float64
	Empty        bool
}

// placed is a bar with its geometry.
type placed struct {
	bar
	Class                    string
	Label                    string
	X, Y, W, H, TextX, TextY float64
	LabelX, LabelY           float64
}

const (
	chartWidth = 760.0
	rowHeight  = 22.0
)

// barChart lays out horizontal bars; limit is the value of a full bar (0:
// the largest value).
func barChart(title string, bars []bar, class string, limit float64) *chart {
	c := &chart{Title: title, Width: chartWidth, LabelW: 250, Empty: len(bars) == 0}
	c.Height = rowHeight*float64(len(bars)) + 6
	full := limit
	for _, b := range bars {
		full = math.Max(full, b.Value)
	}
	span := chartWidth - c.LabelW - 130
	for i, b := range bars {
		w := 0.0
		if full > 0 {
			w = span * b.Value / full
		}
		cl := class
		if b.Class != "" {
			cl = b.Class
		}
		y := float64(i)*rowHeight + 3
		c.Bars = append(c.Bars, placed{bar: b, Class: cl, Label: clip(b.Label, 34), X: c.LabelW, Y: y, W: math.Max(w, 1), H: rowHeight - 6,
			TextX: c.LabelW + w + 6, TextY: y + rowHeight - 10, LabelX: c.LabelW - 8, LabelY: y + rowHeight - 10})
	}
	return c
}

// columnChart lays out vertical columns, for a series in order of time.
func columnChart(title string, bars []bar, class string) *chart {
	c := &chart{Title: title, Width: chartWidth, Empty: len(bars) == 0}
	const plotH, top, labelH = 180.0, 18.0, 64.0
	c.Base = top + plotH
	c.Height = c.Base + labelH
	full := 0.0
	for _, b := range bars {
		full = math.Max(full, b.Value)
	}
	n := float64(max(len(bars), 1))
	step := (chartWidth - 20) / n
	every := int(math.Ceil(float64(len(bars)) / 36))
	for i, b := range bars {
		h := 0.0
		if full > 0 {
			h = plotH * b.Value / full
		}
		x := 10 + float64(i)*step
		p := placed{bar: b, Class: class, X: x + step*0.12, W: math.Max(step*0.76, 1), Y: c.Base - h, H: math.Max(h, 0.5),
			TextX: x + step/2, TextY: c.Base - h - 4, LabelX: x + step/2, LabelY: c.Base + 12}
		if i%every == 0 {
			p.Label = clip(b.Label, 12)
		}
		if len(bars) > 16 {
			p.Text = "" // too narrow for figures; the tooltip has them
		}
		c.Bars = append(c.Bars, p)
	}
	return c
}

func groupBars(groups []Group, value func(Group) (float64, string)) []bar {
	var out []bar
	for _, g := range groups {
		v, text := value(g)
		out = append(out, bar{Label: g.Name, Value: v, Text: text,
			Title: fmt.Sprintf("%s: %s articles, %s quotations, %s anonymous, %s unattributed", g.Name,
				thousands(g.Articles), thousands(g.Quotes), pct(g.AnonymousShare), pct(g.UnattributedShare))})
	}
	return out
}

// pageTemplate is parsed when a summary page is first written, not when
// every run of the tool starts.
var pageTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("summary").Funcs(template.FuncMap{
		"num": thousands,
		"pct": pct,
		"f1":  func(f float64) string { return fmt.Sprintf("%.1f", f) },
		"groupTable": func(name string, rows []Group) groupTable {
			return groupTable{Name: name, Rows: rows}
		},
	}).Parse(pageHTML))
})

// groupTable is a breakdown table: the name of its first column and rows.
type groupTable struct {
	Name string
	Rows []Group
}

const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Quotation audit: {{num .F.Checked}} articles</title>
<style>
:root { --person: #2f6db5; --org: #2e8b57; --anon: #d9822b; --doc: #7c5cbf; --none: #8a8f98; --finding: #b5473a; --count: #5b6b8c; --ink: #1d2330; --muted: #5d6472; --rule: #e3e6eb; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
header, main { max-width: 1000px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 28px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0 0 10px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.sub { color: var(--muted); margin: 0 0 18px; }
section { background: #fff; border: 1px solid var(--rule); border-radius: 8px; padding: 18px 20px; margin: 0 0 18px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin-bottom: 18px; }
.card { background: #fff; border: 1px solid var(--rule); border-radius: 8px; padding: 12px 14px; }
.card .v { font-size: 26px; font-weight: 650; }
.card .l { color: var(--muted); font-size: 13px; }
.card.warn .v { color: var(--finding); }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--rule); vertical-align: top; overflow-wrap: anywhere; }
th { font-weight: 600; color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .02em; }
.scroll { overflow-x: auto; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
svg { display: block; width: 100%; height: auto; }
svg text { font-size: 12px; fill: var(--ink); }
svg .muted { fill: var(--muted); }
.person { fill: var(--person); background: var(--person); }
.org { fill: var(--org); background: var(--org); }
.anon { fill: var(--anon); background: var(--anon); }
.doc { fill: var(--doc); background: var(--doc); }
.none { fill: var(--none); background: var(--none); }
.finding { fill: var(--finding); }
.count { fill: var(--count); }
.legend { display: flex; flex-wrap: wrap; gap: 14px; margin: 8px 0 0; padding: 0; list-style: none; font-size: 14px; }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.change { border-top: 1px solid var(--rule); padding: 8px 0; }
.change .meta { color: var(--muted); font-size: 13px; }
.quote { margin: 4px 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
del { background: #fde2df; color: #8a1f12; text-decoration: line-through; }
ins { background: #dcf5e3; color: #165c2e; text-decoration: none; }
.note { color: var(--muted); font-size: 13px; }
code { font-size: 13px; overflow-wrap: anywhere; }
footer { max-width: 1000px; margin: 0 auto 30px; padding: 0 20px; color: var(--muted); font-size: 13px; }
@media print { body { background: #fff; } section, .card { break-inside: avoid; } }
</style>
</head>
<body>
<header>
<h1>Quotation audit</h1>
<p class="sub">{{num .F.Read}} records read: {{num .F.Checked}} articles checked{{if .F.Failed}}, {{num .F.Failed}} could not be read{{end}}.</p>
</header>
<main>
<div class="cards">
<div class="card"><div class="v">{{num .F.Checked}}</div><div class="l">articles</div></div>
<div class="card"><div class="v">{{num .F.Quotes}}</div><div class="l">quotations</div></div>
<div class="card"><div class="v">{{pct .F.AnonymousShare}}</div><div class="l">of quotations from anonymous sources ({{num .F.AnonymousQuotes}})</div></div>
<div class="card"><div class="v">{{pct .F.ReasonShare}}</div><div class="l">of {{num .F.AnonymousSources}} anonymous sources have a stated reason</div></div>
<div class="card"><div class="v">{{num .F.Unattributed}}</div><div class="l">unattributed quotations ({{pct .F.UnattributedShare}})</div></div>
{{if .F.VersionsCompared}}<div class="card"><div class="v">{{num .F.ArticlesChanged}}</div><div class="l">of {{num .F.VersionsCompared}} later versions changed a quotation</div></div>{{end}}
{{if .F.Failed}}<div class="card warn"><div class="v">{{num .F.Failed}}</div><div class="l">records could not be read</div></div>{{end}}
</div>

<section id="types">
<h2>Who is quoted</h2>
<svg viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="Quotations by kind of source">
{{range .Types}}{{if .W}}<rect x="{{f1 .X}}" y="0" width="{{f1 .W}}" height="8" class="{{.Class}}"><title>{{.Label}}: {{num .Count}} ({{.Share}})</title></rect>{{end}}{{end}}
</svg>
<ul class="legend">
{{range .Types}}<li><i class="{{.Class}}"></i>{{.Label}}: {{num .Count}} ({{.Share}})</li>{{end}}
</ul>
</section>

{{if .F.Months}}
<section id="months">
<h2>By month published</h2>
{{template "chart" .Months}}
{{template "chart" .MonthArticles}}
{{template "groups" (groupTable "Month" .F.Months)}}
</section>
{{end}}

{{if .F.Sections}}
<section id="sections">
<h2>By section</h2>
{{template "chart" .SectionChart}}
{{template "groups" (groupTable "Section" .Sections)}}
{{if lt (len .Sections) (len .F.Sections)}}<p class="note">The {{len .Sections}} largest of {{len .F.Sections}} sections.</p>{{end}}
</section>
{{end}}

{{if .F.Authors}}
<section id="authors">
<h2>By author</h2>
{{template "chart" .AuthorChart}}
{{template "groups" (groupTable "Author" .Authors)}}
{{if lt (len .Authors) (len .F.Authors)}}<p class="note">The {{len .Authors}} most prolific of {{len .F.Authors}} authors.</p>{{end}}
</section>
{{end}}

<section id="anonymous">
<h2>Anonymous descriptions</h2>
{{if .F.TopAnonymous}}{{template "chart" .Anonymous}}
<table><thead><tr><th>Description</th><th class="n">Articles</th><th class="n">Quotations</th></tr></thead><tbody>
{{range $i, $r := .F.TopAnonymous}}{{if lt $i $.Top}}<tr><td>{{$r.Name}}</td><td class="n">{{num $r.Articles}}</td><td class="n">{{num $r.Quotes}}</td></tr>{{end}}{{end}}
</tbody></table>{{else}}<p class="note">No anonymous sources.</p>{{end}}
</section>

<section id="sources">
<h2>Most quoted sources</h2>
{{if .F.TopSources}}{{template "chart" .Sources}}
<ul class="legend"><li><i class="person"></i>person</li><li><i class="org"></i>organisation</li></ul>
<table><thead><tr><th>Source</th><th>Type</th><th class="n">Quotations</th><th class="n">Articles</th></tr></thead><tbody>
{{range $i, $r := .F.TopSources}}{{if lt $i $.Top}}<tr><td>{{$r.Name}}</td><td>{{$r.Type}}</td><td class="n">{{num $r.Quotes}}</td><td class="n">{{num $r.Articles}}</td></tr>{{end}}{{end}}
</tbody></table>{{else}}<p class="note">No named sources.</p>{{end}}
</section>

<section id="findings">
<h2>Findings per rule</h2>
{{if .F.Findings}}{{template "chart" .Findings}}{{else}}<p class="note">No findings.</p>{{end}}
</section>

{{if or .F.VersionsCompared .F.ChangedQuotes}}
<section id="changes">
<h2>Quotations changed after publication</h2>
<p>{{num .F.VersionsCompared}} records were compared with an earlier version of their article; {{num .F.ArticlesChanged}} changed a quotation.
{{range .F.Changes}} {{.Name}}: {{num .Count}}.{{end}}</p>
{{if .F.ChangedQuotes}}<h3>The first {{len .F.ChangedQuotes}} changes</h3>{{end}}
{{range .F.ChangedQuotes}}<div class="change">
<div class="meta"><code>{{.ID}}</code> version {{.PreviousVersion}} → {{.Version}}{{if .Title}} · {{.Title}}{{end}} · <strong>{{.Type}}</strong>{{if .Speaker}} · {{.Speaker}}{{end}}</div>
{{if .Diff}}<p class="quote">“{{range .Diff}}{{if eq .Op "delete"}}<del>{{.Text}}</del>{{else if eq .Op "insert"}}<ins>{{.Text}}</ins>{{else}}{{.Text}}{{end}}{{end}}”</p>
{{else if eq .Type "added"}}<p class="quote"><ins>“{{.NewText}}”</ins></p>
{{else if eq .Type "removed"}}<p class="quote"><del>“{{.OldText}}”</del></p>
{{else}}<p class="quote">{{.Message}}</p>{{end}}
</div>{{end}}
</section>
{{end}}

{{if .F.Errors}}
<section id="errors">
<h2>Records that could not be read</h2>
<table><thead><tr><th>Input</th><th class="n">Record</th><th class="n">Line</th><th>Reason</th></tr></thead><tbody>
{{range .F.Errors}}<tr><td><code>{{.Input}}</code></td><td class="n">{{.Record}}</td><td class="n">{{.Line}}</td><td>{{.Error}}</td></tr>{{end}}
</tbody></table>
{{if lt (len .F.Errors) .F.Failed}}<p class="note">The first {{len .F.Errors}} of {{num .F.Failed}}; the output file has them all.</p>{{end}}
</section>
{{end}}

{{if or .F.Approximate .F.VersionsMissed}}
<section id="notes">
<h2>Notes</h2>
{{if .F.Approximate}}<p class="note">More names than the summary counts exactly: the top lists are estimates, each count high by at most a few.</p>{{end}}
{{if .F.VersionsMissed}}<p class="note">About {{num .F.VersionsMissed}} records came after the previous version of their article had left the version window and were not compared; raise <code>--version-window</code> or group the archive by id.</p>{{end}}
</section>
{{end}}
</main>
<footer>{{if .Tool.Name}}{{.Tool.Name}} {{.Tool.Version}} · {{end}}Shares are of quotations (not quoted terms); a source is counted once per article.</footer>
</body>
</html>
{{define "chart"}}{{if not .Empty}}<h3>{{.Title}}</h3>
<svg viewBox="0 0 {{f1 .Width}} {{f1 .Height}}" role="img" aria-label="{{.Title}}">
{{if .LabelW}}{{range .Bars}}<g><title>{{.Title}}</title>
<text x="{{f1 .LabelX}}" y="{{f1 .LabelY}}" text-anchor="end">{{.Label}}</text>
<rect x="{{f1 .X}}" y="{{f1 .Y}}" width="{{f1 .W}}" height="{{f1 .H}}" rx="2" class="{{.Class}}"></rect>
<text x="{{f1 .TextX}}" y="{{f1 .TextY}}" class="muted">{{.Text}}</text></g>
{{end}}{{else}}<line x1="10" x2="{{f1 .Width}}" y1="{{f1 .Base}}" y2="{{f1 .Base}}" stroke="#c9ced6"></line>
{{range .Bars}}<g><title>{{.Title}}</title>
<rect x="{{f1 .X}}" y="{{f1 .Y}}" width="{{f1 .W}}" height="{{f1 .H}}" class="{{.Class}}"></rect>
{{if .Text}}<text x="{{f1 .TextX}}" y="{{f1 .TextY}}" text-anchor="middle" class="muted">{{.Text}}</text>{{end}}
{{if .Label}}<text x="{{f1 .LabelX}}" y="{{f1 .LabelY}}" text-anchor="end" transform="rotate(-40 {{f1 .LabelX}} {{f1 .LabelY}})">{{.Label}}</text>{{end}}</g>
{{end}}{{end}}</svg>{{end}}{{end}}
{{define "groups"}}<div class="scroll"><table><thead><tr><th>{{.Name}}</th><th class="n">Articles</th><th class="n">Quotations</th><th class="n">Anonymous</th><th class="n">Unattributed</th><th class="n">Anonymous sources</th><th class="n">With reason</th><th class="n">Findings</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Name}}</td><td class="n">{{num .Articles}}</td><td class="n">{{num .Quotes}}</td><td class="n">{{pct .AnonymousShare}}</td><td class="n">{{num .Unattributed}}</td><td class="n">{{num .AnonymousSources}}</td><td class="n">{{pct .ReasonShare}}</td><td class="n">{{num .Findings}}</td></tr>
{{end}}</tbody></table></div>{{end}}
`
