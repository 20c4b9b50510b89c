// Package htmlreport renders the standards editor's view of a story: one
// self-contained HTML page with the story text, every quotation
// highlighted by the kind of source, its speaker and cue on hover and
// focus, the findings beside the paragraph they concern with their rule
// documentation, a roster of sources and, when an earlier version is
// given, the quotations that changed with word-level diffs. It also serves
// that page, with a form and a JSON API, on a local address (Server).
//
// Everything taken from the article is rendered through html/template and
// so escaped; the page loads nothing from the network and its
// Content-Security-Policy allows only its own inline style and script (by
// hash), so a story holding markup or script shows it as text.
package htmlreport

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/versions"
)

// Input is what one report shows.
type Input struct {
	// Result is the story: a check result whose Doc has been extracted.
	// A result with Err set renders as an error page.
	Result checker.Result
	// Against, when set, is the earlier version, and Changes are the
	// findings of Checker.Compare(Against.Doc, Result.Doc).
	Against *checker.Result
	Changes []checker.Finding
	// Rules document the findings' rules (rules.All()); a finding whose
	// rule is not listed shows its id only.
	Rules []*checker.Rule
	// Tool names the program in the page footer.
	Tool report.Tool
	// Title overrides the page title; by default it is the article's
	// title (front matter, HTML <title>) or its first heading.
	Title string
}

// The source types as the page names them, in legend order.
var sourceTypes = []article.SourceType{article.Person, article.Organization, article.Anonymous, article.DocumentSource, article.NoSource}

// typeInfo is how the page shows one source type.
type typeInfo struct {
	// Class is the CSS class suffix; Label the visible chip text; Long
	// the words used in labels for screen readers and the legend.
	Class, Label, Long string
}

var typeInfos = map[article.SourceType]typeInfo{
	article.Person:         {"person", "person", "named person"},
	article.Organization:   {"org", "organisation", "organisation"},
	article.Anonymous:      {"anon", "anonymous", "anonymous source"},
	article.DocumentSource: {"doc", "document", "document"},
	article.NoSource:       {"none", "no speaker", "no speaker found"},
}

func infoOf(t article.SourceType) typeInfo {
	if ti, ok := typeInfos[t]; ok {
		return ti
	}
	return typeInfo{Class: "none", Label: string(t), Long: string(t)}
}

// QuoteView is one quotation as the page shows it.
type QuoteView struct {
	ID         string
	Type       string
	Class      string
	Label      string
	Speaker    string
	Mention    string
	Cue        string
	Confidence string
	Line       int
	Column     int
	AriaLabel  string
	// Change is the change type when the quote differs from the earlier
	// version ("changed", "added", "speaker-changed"), ChangeID its entry.
	Change      string
	ChangeLabel string
	ChangeID    string
	// Findings are the ids of the findings about this quote.
	Findings string
	Text     string
	// Record is what the sources say of the quote; nil without sources.
	Record *RecordView
}

// FindingView is one finding beside its paragraph.
type FindingView struct {
	ID        string
	N         int
	Rule      string
	Severity  string
	Message   string
	Quote     string
	Line      int
	Column    int
	Title     string
	Rationale string
	Known     bool
}

// ParaView is one paragraph of the story with its findings.
type ParaView struct {
	ID       string
	N        int
	Line     int
	Heading  bool
	Segs     []Seg
	Findings []FindingView
	// Groups are the findings, those about one quotation together.
	Groups []FindingGroup
	// Changes point to the version changes of the paragraph's quotations.
	Changes []ChangeView
	// Records are its quotations checked against the sources.
	Records []*RecordView
}

// FindingGroup is the findings about one quotation, or one finding about
// no quotation.
type FindingGroup struct {
	Quote        string
	Line, Column int
	// Severity is the most serious of the group's findings.
	Severity string
	Findings []FindingView
}

// groupFindings puts consecutive findings about the same quotation in one
// group.
func groupFindings(fs []FindingView) []FindingGroup {
	var out []FindingGroup
	rank := map[string]int{"info": 1, "warning": 2, "error": 3}
	for _, f := range fs {
		if n := len(out); n > 0 && f.Quote != "" && out[n-1].Quote == f.Quote {
			g := &out[n-1]
			g.Findings = append(g.Findings, f)
			if rank[f.Severity] > rank[g.Severity] {
				g.Severity = f.Severity
			}
			continue
		}
		out = append(out, FindingGroup{Quote: f.Quote, Line: f.Line, Column: f.Column, Severity: f.Severity, Findings: []FindingView{f}})
	}
	return out
}

// SourceView is one row of the sources roster.
type SourceView struct {
	Name        string
	Type        string
	Class       string
	Label       string
	Description string
	Mentions    []string
	Quotes      []QuoteRef
	Anonymous   bool
	Reason      bool
	ReasonText  string
	// Record sums up the verifications of the quotations; nil without
	// sources.
	Record *SourceRecord
}

// QuoteRef links to a quote.
type QuoteRef struct {
	ID, Text string
}

// ChangeView is one quotation change between versions.
type ChangeView struct {
	ID         string
	N          int
	Type       string
	Label      string
	Rule       string
	Severity   string
	Message    string
	Title      string
	Rationale  string
	Known      bool
	OldSpeaker string
	NewSpeaker string
	// OldKind and NewKind are the speakers' source types, as the legend
	// names them, with their CSS classes.
	OldKind, OldClass string
	NewKind, NewClass string
	OldText           string
	NewText           string
	OldWhere          string
	NewWhere          string
	NewQuote          string
	Diff              []versions.DiffOp
	Punctuation       bool
}

// LegendItem is one source type in the legend.
type LegendItem struct {
	Class, Label, Long string
	Count              int
}

// RuleView documents one rule at the foot of the page.
type RuleView struct {
	ID, Severity, Title, Rationale, Bad, Good string
	Count                                     int
}

// view is everything the template renders.
type view struct {
	Title      string
	Path       string
	Against    string
	Tool       report.Tool
	Error      string
	AgainstErr string
	Legend     []LegendItem
	Quotes     int
	Sources    int
	Terms      int
	Severities []sevCount
	Paras      []ParaView
	Orphans    []FindingGroup
	Roster     []SourceView
	HasChanges bool
	Changes    []ChangeView
	Rules      []RuleView
	NFindings  int
	// HasRecord says the quotations were checked against sources;
	// Verdicts counts them and RecordFiles names the sources that hold
	// at least one.
	HasRecord   bool
	Verdicts    []VerdictCount
	RecordFiles []string
}

type sevCount struct {
	Severity, Label string
	Count           int
}

// build turns an input into the view the template renders.
func build(in Input) *view {
	v := &view{Path: displayPath(in.Result.Path), Tool: in.Tool, Title: in.Title}
	if in.Against != nil {
		v.Against = displayPath(in.Against.Path)
		v.HasChanges = true
	}
	doc := in.Result.Doc
	if in.Result.Err != nil || doc == nil {
		if in.Result.Err != nil {
			v.Error = in.Result.Err.Error()
		} else {
			v.Error = "no document"
		}
		if v.Title == "" {
			v.Title = v.Path
		}
		return v
	}
	if v.Title == "" {
		v.Title = titleOf(doc, in.Result.Path)
	}
	ruleDocs := map[string]*checker.Rule{}
	for _, r := range in.Rules {
		ruleDocs[r.ID] = r
	}
	ruleCount := map[string]int{}

	// Quotes.
	quotes := map[string]*QuoteView{}
	typeCount := map[article.SourceType]int{}
	var ivs []interval
	mentions := map[article.Span]*interval{}
	cues := map[article.Span]*interval{}
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		outer := outerSpan(q)
		if q.Kind == article.Term {
			v.Terms++
			ivs = append(ivs, interval{start: outer.Start, end: outer.End, kind: segTerm, reason: q.TermReason})
			continue
		}
		qv := quoteView(doc, q)
		quotes[q.ID] = qv
		typeCount[article.SourceType(qv.Type)]++
		v.Quotes++
		ivs = append(ivs, interval{start: outer.Start, end: outer.End, kind: segQuote, quote: qv})
		if sp := q.Speaker; sp != nil && !sp.MentionSpan.Empty() {
			if m := mentions[sp.MentionSpan]; m != nil {
				m.refs = append(m.refs, q.ID)
			} else {
				mentions[sp.MentionSpan] = &interval{start: sp.MentionSpan.Start, end: sp.MentionSpan.End, kind: segMention, refs: []string{q.ID}}
			}
		}
		if !q.CueSpan.Empty() {
			if c := cues[q.CueSpan]; c != nil {
				c.refs = append(c.refs, q.ID)
			} else {
				cues[q.CueSpan] = &interval{start: q.CueSpan.Start, end: q.CueSpan.End, kind: segCue, refs: []string{q.ID}}
			}
		}
	}
	for _, m := range sortedIntervals(mentions) {
		ivs = append(ivs, *m)
	}
	for _, c := range sortedIntervals(cues) {
		ivs = append(ivs, *c)
	}
	for _, t := range sourceTypes {
		ti := infoOf(t)
		v.Legend = append(v.Legend, LegendItem{Class: ti.Class, Label: ti.Label, Long: ti.Long, Count: typeCount[t]})
	}
	v.Sources = len(doc.Sources)

	// Findings, numbered in document order, each beside the paragraph
	// where its span starts.
	v.Paras = make([]ParaView, len(doc.Paragraphs))
	sevs := map[string]int{}
	n := 0
	flags := map[article.Span]*interval{}
	for _, f := range in.Result.Findings {
		n++
		fv := findingView(doc, f, n, ruleDocs[f.Rule])
		sevs[fv.Severity]++
		ruleCount[f.Rule]++
		if qv := quotes[f.Quote]; qv != nil {
			qv.Findings = strings.TrimSpace(qv.Findings + " " + fv.ID)
		}
		// A finding about part of the text other than a whole quote (an
		// ellipsis, a loaded verb, a stray mark) is underlined there too.
		if q := doc.QuoteByID(f.Quote); (q == nil || q.Span != f.Span) && !f.Span.Empty() {
			if fl := flags[f.Span]; fl != nil {
				fl.flags = append(fl.flags, fv.ID)
			} else {
				flags[f.Span] = &interval{start: f.Span.Start, end: f.Span.End, kind: segFlag, flags: []string{fv.ID}}
			}
		}
		if p := paragraphOf(doc, f.Span.Start); p >= 0 {
			v.Paras[p].Findings = append(v.Paras[p].Findings, fv)
		} else {
			v.Orphans = append(v.Orphans, FindingGroup{Severity: fv.Severity, Line: fv.Line, Column: fv.Column, Findings: []FindingView{fv}})
		}
	}
	for _, fl := range sortedIntervals(flags) {
		ivs = append(ivs, *fl)
	}

	// Verifications, under the paragraph of their quotation.
	records := map[string]*RecordView{}
	for i := range in.Result.Verifications {
		vf := &in.Result.Verifications[i]
		qv, q := quotes[vf.Quote], doc.QuoteByID(vf.Quote)
		if qv == nil || q == nil {
			continue
		}
		rv := recordView(vf)
		records[vf.Quote], qv.Record = rv, rv
		qv.AriaLabel += "; in the sources: " + rv.Label
		if p := paragraphOf(doc, q.Span.Start); p >= 0 {
			v.Paras[p].Records = append(v.Paras[p].Records, rv)
		}
	}
	if len(records) > 0 {
		v.HasRecord, v.Verdicts = true, verdictCounts(records)
		v.RecordFiles = sourceRecord(sortedKeys(records), records).Files
	}

	// Changes between versions.
	if in.Against != nil {
		if in.Against.Err != nil {
			v.AgainstErr = in.Against.Err.Error()
		}
		for _, f := range in.Changes {
			if f.Change == nil {
				continue
			}
			n++
			cv := changeView(in.Against.Doc, doc, f, n, ruleDocs[f.Rule])
			sevs[cv.Severity]++
			ruleCount[f.Rule]++
			if qv := quotes[cv.NewQuote]; qv != nil && qv.Change == "" {
				qv.Change, qv.ChangeLabel, qv.ChangeID = cv.Type, cv.Label, cv.ID
			}
			if q := doc.QuoteByID(cv.NewQuote); q != nil && cv.NewQuote != "" {
				if p := paragraphOf(doc, q.Span.Start); p >= 0 {
					v.Paras[p].Changes = append(v.Paras[p].Changes, cv)
				}
			}
			v.Changes = append(v.Changes, cv)
		}
	}
	v.NFindings = n
	for _, s := range [][3]string{{"error", "error", "errors"}, {"warning", "warning", "warnings"}, {"info", "info", "info"}} {
		label := s[2]
		if sevs[s[0]] == 1 {
			label = s[1]
		}
		v.Severities = append(v.Severities, sevCount{Severity: s[0], Label: label, Count: sevs[s[0]]})
	}

	// The story, paragraph by paragraph.
	for i, p := range doc.Paragraphs {
		pv := &v.Paras[i]
		pv.ID = "p" + strconv.Itoa(i+1)
		pv.N = i + 1
		pv.Line = doc.Position(p.Start).Line
		pv.Heading = p.Heading
		pv.Segs = segment(doc.Text, p.Span, ivs)
		pv.Groups = groupFindings(pv.Findings)
	}

	v.Roster = roster(doc, quotes, records)
	for _, r := range in.Rules {
		if ruleCount[r.ID] > 0 {
			v.Rules = append(v.Rules, RuleView{ID: r.ID, Severity: r.Severity.String(), Title: r.Title,
				Rationale: r.Rationale, Bad: r.Bad, Good: r.Good, Count: ruleCount[r.ID]})
		}
	}
	return v
}

// outerSpan covers a quote with its marks.
func outerSpan(q *article.Quote) article.Span {
	s := q.Span
	if !q.Open.Empty() && q.Open.Start < s.Start {
		s.Start = q.Open.Start
	}
	if !q.Close.Empty() && q.Close.End > s.End {
		s.End = q.Close.End
	}
	return s
}

func sortedIntervals(m map[article.Span]*interval) []*interval {
	out := make([]*interval, 0, len(m))
	for _, iv := range m {
		out = append(out, iv)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].start != out[j].start {
			return out[i].start < out[j].start
		}
		return out[i].end < out[j].end
	})
	return out
}

func quoteView(doc *article.Document, q *article.Quote) *QuoteView {
	t := article.NoSource
	qv := &QuoteView{ID: q.ID, Cue: q.Cue, Text: doc.QuoteText(q)}
	if sp := q.Speaker; sp != nil {
		t = sp.Type
		qv.Speaker = sp.Name
		if sp.Mention != sp.Name {
			qv.Mention = sp.Mention
		}
	}
	ti := infoOf(t)
	qv.Type, qv.Class, qv.Label = string(t), ti.Class, ti.Label
	if q.Speaker != nil {
		qv.Confidence = strconv.FormatFloat(q.Confidence, 'f', 2, 64)
	}
	p := doc.Position(q.Span.Start)
	qv.Line, qv.Column = p.Line, p.Column
	if qv.Speaker != "" {
		qv.AriaLabel = fmt.Sprintf("quote %s by %s (%s)", q.ID, qv.Speaker, ti.Long)
	} else {
		qv.AriaLabel = fmt.Sprintf("quote %s with no speaker (%s)", q.ID, ti.Long)
	}
	return qv
}

func findingView(doc *article.Document, f checker.Finding, n int, r *checker.Rule) FindingView {
	p := doc.Position(f.Span.Start)
	fv := FindingView{ID: "f" + strconv.Itoa(n), N: n, Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
		Quote: f.Quote, Line: p.Line, Column: p.Column}
	if r != nil {
		fv.Title, fv.Rationale, fv.Known = r.Title, r.Rationale, true
	}
	return fv
}

func changeView(old, new *article.Document, f checker.Finding, n int, r *checker.Rule) ChangeView {
	c := f.Change
	cv := ChangeView{ID: "f" + strconv.Itoa(n), N: n, Type: string(c.Type), Label: changeLabel(c.Type), Rule: f.Rule,
		Severity: f.Severity.String(), Message: f.Message, OldText: c.OldText, NewText: c.NewText,
		Punctuation: c.PunctuationOnly}
	if r != nil {
		cv.Title, cv.Rationale, cv.Known = r.Title, r.Rationale, true
	}
	if c.Old != nil && old != nil {
		cv.OldSpeaker = speakerName(c.Old)
		cv.OldKind, cv.OldClass = kindOf(c.Old)
		p := old.Position(c.Old.Span.Start)
		cv.OldWhere = fmt.Sprintf("%d:%d", p.Line, p.Column)
	}
	if c.New != nil && new != nil {
		cv.NewSpeaker = speakerName(c.New)
		cv.NewKind, cv.NewClass = kindOf(c.New)
		cv.NewQuote = c.New.ID
		p := new.Position(c.New.Span.Start)
		cv.NewWhere = fmt.Sprintf("%d:%d", p.Line, p.Column)
	}
	if c.Type == versions.Changed {
		cv.Diff = c.Diff
	}
	return cv
}

func changeLabel(t versions.Type) string {
	switch t {
	case versions.Changed:
		return "words changed"
	case versions.Removed:
		return "removed"
	case versions.Added:
		return "added"
	case versions.SpeakerChanged:
		return "speaker changed"
	}
	return string(t)
}

// kindOf is the chip label and class of a quote's source type.
func kindOf(q *article.Quote) (label, class string) {
	t := article.NoSource
	if q.Speaker != nil {
		t = q.Speaker.Type
	}
	ti := infoOf(t)
	return ti.Label, ti.Class
}

func speakerName(q *article.Quote) string {
	if q == nil || q.Speaker == nil {
		return "no speaker"
	}
	if q.Speaker.Name != "" {
		return q.Speaker.Name
	}
	return q.Speaker.Mention
}

// paragraphOf returns the index of the paragraph holding offset: the last
// one starting at or before it (the first when it comes before all), or
// -1 when the document has none.
func paragraphOf(doc *article.Document, offset int) int {
	ps := doc.Paragraphs
	if len(ps) == 0 {
		return -1
	}
	i := sort.Search(len(ps), func(i int) bool { return ps[i].Start > offset }) - 1
	return max(i, 0)
}

func roster(doc *article.Document, quotes map[string]*QuoteView, records map[string]*RecordView) []SourceView {
	var out []SourceView
	ref := func(id string) QuoteRef {
		r := QuoteRef{ID: id}
		if qv := quotes[id]; qv != nil {
			r.Text = article.Shorten(qv.Text, 60)
		}
		return r
	}
	for _, s := range doc.Sources {
		ti := infoOf(s.Type)
		sv := SourceView{Name: s.Name, Type: string(s.Type), Class: ti.Class, Label: ti.Label, Description: s.Description,
			Anonymous: s.Type == article.Anonymous, Reason: s.AnonymityReason}
		for _, m := range s.Mentions {
			if m != s.Name {
				sv.Mentions = append(sv.Mentions, m)
			}
		}
		if s.AnonymityReason {
			sv.ReasonText = doc.Slice(s.ReasonSpan)
		}
		for _, id := range s.Quotes {
			sv.Quotes = append(sv.Quotes, ref(id))
		}
		if len(records) > 0 {
			sv.Record = sourceRecord(s.Quotes, records)
		}
		out = append(out, sv)
	}
	// Quotations nobody said get a row of their own.
	var none []QuoteRef
	var noneIDs []string
	for _, q := range doc.Quotations() {
		if q.Speaker == nil {
			none = append(none, ref(q.ID))
			noneIDs = append(noneIDs, q.ID)
		}
	}
	if len(none) > 0 {
		ti := infoOf(article.NoSource)
		sv := SourceView{Name: "(no speaker found)", Type: string(article.NoSource), Class: ti.Class, Label: ti.Label, Quotes: none}
		if len(records) > 0 {
			sv.Record = sourceRecord(noneIDs, records)
		}
		out = append(out, sv)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// titleOf is the article's title: its metadata, else its first paragraph
// when that is a heading, else the document id.
func titleOf(doc *article.Document, path string) string {
	if t := strings.TrimSpace(doc.Meta.Title); t != "" {
		return article.Shorten(t, 160)
	}
	if len(doc.Paragraphs) > 0 && doc.Paragraphs[0].Heading {
		return article.Shorten(doc.Slice(doc.Paragraphs[0].Span), 160)
	}
	if doc.ID != "" {
		return doc.ID
	}
	return report.DocID(path)
}

func displayPath(p string) string {
	if p == "" || p == "-" {
		return "standard input"
	}
	return p
}
