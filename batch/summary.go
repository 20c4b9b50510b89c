package batch

import (
	"container/heap"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/versions"
)

// Limits that keep the summary's memory independent of the archive's
// size.
const (
	// sketchSize is how many distinct names the top lists track. Up to
	// this many the counts are exact; past it the lists are kept by the
	// space-saving algorithm (Metwally et al.): a name that falls out
	// makes room for the next, which inherits its count as a possible
	// overcount, so any name quoted more than 1/sketchSize of the time is
	// kept and no count is too low. Figures.Approximate says when it
	// happened.
	sketchSize = 10000
	// maxGroups bounds each breakdown (sections, authors, months); later
	// new values are counted under "(other)".
	maxGroups = 2000
	// maxChanged bounds the changed quotations listed (the first ones in
	// input order); all are counted.
	maxChanged = 100
	// maxErrors bounds the failed records listed; all are counted.
	maxErrors = 20
)

// Names of the groups for records without the field, or with one that
// cannot be read.
const (
	notGiven   = "(not given)"
	unreadable = "(unreadable date)"
	otherGroup = "(other)"
)

// SourceTypes are the speaker types in the order figures list them; none
// is a quotation with no speaker.
var SourceTypes = []string{"person", "organization", "anonymous", "document", "none"}

// Summary aggregates the records of a run. Every figure is computed from
// Record and ErrorRecord values alone, the same values written to the
// --out file, so that a resumed run can recount the records an earlier
// run wrote. Summaries of parts of an archive merge into the summary of
// the whole (Merge), and travel between machines as bytes
// (MarshalBinary): the records may come in any order, the lists that
// keep the first few keep them in input order (by input name, a folder
// level at a time as a folder walk visits them, then record number).
type Summary struct {
	read, checked, failed, resumed int
	quotes                         int
	byType                         map[string]int
	anonSources, anonReason        int
	findings                       map[string]int
	compared, changedArticles      int
	changes                        map[string]int
	changed                        []inOrder[ChangedQuote]
	anonymous, named               *counter
	sections, authors, months      *groups
	errors                         []inOrder[ErrorRecord]
	evicted, missed                int
}

// NewSummary returns an empty summary.
func NewSummary() *Summary {
	return &Summary{
		byType: map[string]int{}, findings: map[string]int{}, changes: map[string]int{},
		anonymous: newCounter(sketchSize), named: newCounter(sketchSize),
		sections: newGroups(), authors: newGroups(), months: newGroups(),
	}
}

// AddError counts a record that failed.
func (s *Summary) AddError(e *ErrorRecord) {
	s.read++
	s.failed++
	s.errors = keepFirst(s.errors, inOrder[ErrorRecord]{position{e.Input, e.Record}, *e}, maxErrors)
}

// Add counts a checked record.
func (s *Summary) Add(rec *Record) {
	s.read++
	s.checked++
	var meta Meta
	if rec.Meta != nil {
		meta = *rec.Meta
	}
	at := position{rec.Path, rec.Record}
	var g recordStats
	g.quotes = len(rec.Quotes)
	for i := range rec.Quotes {
		t := "none"
		if sp := rec.Quotes[i].Speaker; sp != nil && sp.Type != "" {
			t = sp.Type
		}
		s.byType[t]++
		switch t {
		case "anonymous":
			g.anonymous++
		case "none":
			g.unattributed++
		}
	}
	s.quotes += g.quotes
	for _, src := range rec.Sources {
		switch src.Type {
		case "anonymous":
			g.anonSources++
			if src.AnonymityReason != nil && *src.AnonymityReason {
				g.reasons++
			}
			s.anonymous.add(src.Name, src.Type, 1, len(src.Quotes), at)
		case "person", "organization":
			s.named.add(src.Name, src.Type, len(src.Quotes), 1, at)
		}
	}
	s.anonSources += g.anonSources
	s.anonReason += g.reasons
	for _, f := range rec.Findings {
		s.findings[f.Rule]++
	}
	g.findings = len(rec.Findings) + len(rec.Changes)
	for i := range rec.Changes {
		c := &rec.Changes[i]
		s.findings[c.Rule]++
		s.changes[c.Type]++
		s.changed = keepFirst(s.changed, inOrder[ChangedQuote]{at, changedQuote(rec, c)}, maxChanged)
	}
	if rec.PreviousVersion != "" {
		s.compared++
		if len(rec.Changes) > 0 {
			s.changedArticles++
		}
	}
	s.sections.add(groupName(meta.Section), meta.Section != "", &g)
	for _, a := range authorsOf(meta.Author) {
		s.authors.add(a, true, &g)
	}
	if meta.Author == "" {
		s.authors.add(notGiven, false, &g)
	}
	month := notGiven
	if meta.Published != "" {
		month = monthOf(meta.Published)
		if month == "" {
			month = unreadable
		}
	}
	s.months.add(month, meta.Published != "", &g)
}

// recordStats are one record's figures, added to each group it is in.
type recordStats struct {
	quotes, anonymous, unattributed, anonSources, reasons, findings int
}

func groupName(v string) string {
	if v = article.CollapseSpaces(v); v == "" {
		return notGiven
	}
	return v
}

// authorsOf splits a byline into authors: input joins a list of authors
// with ", "; "A and B" is split too.
func authorsOf(byline string) []string {
	var out []string
	for part := range strings.SplitSeq(byline, ",") {
		for name := range strings.SplitSeq(part, " and ") {
			if name = article.CollapseSpaces(name); name != "" {
				out = append(out, name)
			}
		}
	}
	return out
}

// monthOf reads the month of a published date as "2006-01", or "" when
// the date cannot be read. ISO 8601 dates (and any text that starts with
// one), the RFC 1123 and RFC 822 forms of feeds, common written forms and
// Unix times in seconds or milliseconds are understood.
func monthOf(published string) string {
	s := strings.TrimSpace(published)
	if len(s) >= 7 && isDigits(s[:4]) && (s[4] == '-' || s[4] == '/') && isDigits(s[5:7]) && (len(s) == 7 || !isDigit(s[7])) {
		if m, _ := strconv.Atoi(s[5:7]); m >= 1 && m <= 12 {
			return s[:4] + "-" + s[5:7]
		}
		return ""
	}
	if isDigits(s) && (len(s) == 10 || len(s) == 13) {
		n, _ := strconv.ParseInt(s, 10, 64)
		if len(s) == 13 {
			n /= 1000
		}
		return time.Unix(n, 0).UTC().Format("2006-01")
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01")
		}
	}
	return ""
}

var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, time.RFC850, time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700",
	"January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006", "January 2006", "Jan 2006",
	"20060102",
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// ChangedQuote is one quotation changed between versions, as the summary
// lists it.
type ChangedQuote struct {
	ID, Version, PreviousVersion, Title string
	Type, Rule, Message                 string
	Speaker                             string
	OldText, NewText                    string
	Diff                                []versions.DiffOp
}

func changedQuote(rec *Record, c *report.Change) ChangedQuote {
	out := ChangedQuote{ID: rec.ID, Version: rec.Version, PreviousVersion: rec.PreviousVersion,
		Type: c.Type, Rule: c.Rule, Message: c.Message, Diff: c.Diff}
	if rec.Meta != nil {
		out.Title = rec.Meta.Title
	}
	if c.Old != nil {
		out.OldText = c.Old.Text
	}
	if c.New != nil {
		out.NewText = c.New.Text
	}
	for _, q := range []*report.Quote{c.New, c.Old} {
		if q != nil && q.Speaker != nil {
			out.Speaker = q.Speaker.Name
			break
		}
	}
	return out
}

// Figures are what the summary reports, in the order it reports them.
// Shares are fractions (0..1) and zero when their whole is zero.
type Figures struct {
	// Read counts the records read, Checked those reported and Failed
	// those that produced an error record; Read = Checked + Failed.
	// Resumed counts the records of Read that an earlier run had written
	// (--resume).
	Read, Checked, Failed, Resumed int
	// Quotes counts quotations (not quoted terms); QuotesByType splits
	// them by speaker type, in the order of SourceTypes.
	Quotes       int
	QuotesByType []Count
	// AnonymousQuotes are quotations attributed to anonymous sources;
	// Unattributed those with no speaker.
	AnonymousQuotes, Unattributed     int
	AnonymousShare, UnattributedShare float64
	// AnonymousSources counts anonymous sources (each distinct source of
	// each article once) and WithReason those for whom the story says
	// why anonymity was granted.
	AnonymousSources, WithReason int
	ReasonShare                  float64
	// TopAnonymous are the most used anonymous descriptions, by the
	// number of sources (articles) that use them; TopSources the most
	// quoted named people and organisations, by quotations.
	TopAnonymous, TopSources []Ranked
	// Findings counts findings per rule, version rules included, most
	// frequent first.
	Findings []Count
	// Sections, Authors and Months break the figures down; each is nil
	// when no record gives the field. Months are in order of time.
	Sections, Authors, Months []Group
	// VersionsCompared counts records compared with an earlier version,
	// ArticlesChanged those whose quotations changed, Changes the changes
	// by type and ChangedQuotes the first changes in input order (see
	// Summary).
	VersionsCompared, ArticlesChanged int
	Changes                           []Count
	ChangedQuotes                     []ChangedQuote
	// VersionsEvicted counts ids whose last version left the comparison
	// window (see Options.VersionWindow), and VersionsMissed estimates
	// the records that came after their id had left it, and so were not
	// compared with their previous version.
	VersionsEvicted, VersionsMissed int
	// Approximate is set when a top list outgrew the exact counts and
	// was kept by the space-saving sketch.
	Approximate bool
	// Errors are the first failed records.
	Errors []ErrorRecord
}

// Count is a named number.
type Count struct {
	Name  string
	Count int
	Share float64
}

// Ranked is one entry of a top list. Overcount is the most its counts can
// be too high by (0 when Figures.Approximate is false).
type Ranked struct {
	Name, Type       string
	Articles, Quotes int
	Overcount        int
}

// Group is one row of a breakdown.
type Group struct {
	Name                              string
	Articles, Quotes                  int
	AnonymousQuotes, Unattributed     int
	AnonymousSources, WithReason      int
	Findings                          int
	AnonymousShare, UnattributedShare float64
	ReasonShare                       float64
}

func share(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part) / float64(whole)
}

// Figures computes what to report, with top lists of n entries.
func (s *Summary) Figures(n int) *Figures {
	f := &Figures{
		Read: s.read, Checked: s.checked, Failed: s.failed, Resumed: s.resumed,
		Quotes: s.quotes, AnonymousQuotes: s.byType["anonymous"], Unattributed: s.byType["none"],
		AnonymousSources: s.anonSources, WithReason: s.anonReason,
		VersionsCompared: s.compared, ArticlesChanged: s.changedArticles,
		ChangedQuotes: values(s.changed), VersionsEvicted: s.evicted, VersionsMissed: s.missed, Errors: values(s.errors),
		Approximate: s.anonymous.evictions > 0 || s.named.evictions > 0,
	}
	f.AnonymousShare = share(f.AnonymousQuotes, f.Quotes)
	f.UnattributedShare = share(f.Unattributed, f.Quotes)
	f.ReasonShare = share(f.WithReason, f.AnonymousSources)
	for _, t := range SourceTypes {
		f.QuotesByType = append(f.QuotesByType, Count{Name: t, Count: s.byType[t], Share: share(s.byType[t], s.quotes)})
	}
	f.TopAnonymous = s.anonymous.top(n, func(a, b *ssEntry) bool {
		if a.count != b.count {
			return a.count > b.count
		}
		return a.extra > b.extra
	}, func(e *ssEntry) Ranked {
		return Ranked{Name: e.label, Type: e.kind, Articles: e.count, Quotes: e.extra, Overcount: e.err}
	})
	f.TopSources = s.named.top(n, func(a, b *ssEntry) bool {
		if a.count != b.count {
			return a.count > b.count
		}
		return a.extra > b.extra
	}, func(e *ssEntry) Ranked {
		return Ranked{Name: e.label, Type: e.kind, Quotes: e.count, Articles: e.extra, Overcount: e.err}
	})
	f.Findings = countsOf(s.findings, 0)
	f.Changes = countsOf(s.changes, 0)
	f.Sections = s.sections.list(false)
	f.Authors = s.authors.list(false)
	f.Months = s.months.list(true)
	return f
}

// countsOf sorts a count map, largest first (then by name).
func countsOf(m map[string]int, whole int) []Count {
	out := make([]Count, 0, len(m))
	for k, v := range m {
		out = append(out, Count{Name: k, Count: v, Share: share(v, whole)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// groups is one breakdown.
type groups struct {
	m map[string]*Group
	// given is set once a record gives the field.
	given bool
}

func newGroups() *groups { return &groups{m: map[string]*Group{}} }

func (g *groups) add(name string, given bool, r *recordStats) {
	if given {
		g.given = true
	}
	grp, ok := g.m[name]
	if !ok {
		if len(g.m) >= maxGroups {
			name = otherGroup
			grp = g.m[name]
		}
		if grp == nil {
			grp = &Group{Name: name}
			g.m[name] = grp
		}
	}
	grp.plus(&Group{Articles: 1, Quotes: r.quotes, AnonymousQuotes: r.anonymous, Unattributed: r.unattributed,
		AnonymousSources: r.anonSources, WithReason: r.reasons, Findings: r.findings})
}

// plus adds o's counts to g.
func (g *Group) plus(o *Group) {
	g.Articles += o.Articles
	g.Quotes += o.Quotes
	g.AnonymousQuotes += o.AnonymousQuotes
	g.Unattributed += o.Unattributed
	g.AnonymousSources += o.AnonymousSources
	g.WithReason += o.WithReason
	g.Findings += o.Findings
}

// list returns the groups, by name (chronological for months) or by
// articles, with the catch-all groups last; nil when no record gave the
// field.
func (g *groups) list(byName bool) []Group {
	if !g.given {
		return nil
	}
	out := make([]Group, 0, len(g.m))
	for _, grp := range g.m {
		c := *grp
		c.AnonymousShare = share(c.AnonymousQuotes, c.Quotes)
		c.UnattributedShare = share(c.Unattributed, c.Quotes)
		c.ReasonShare = share(c.WithReason, c.AnonymousSources)
		out = append(out, c)
	}
	catchAll := func(name string) bool { return strings.HasPrefix(name, "(") }
	sort.Slice(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if ca, cb := catchAll(a.Name), catchAll(b.Name); ca != cb {
			return cb
		}
		if !byName && a.Articles != b.Articles {
			return a.Articles > b.Articles
		}
		return a.Name < b.Name
	})
	return out
}

// counter counts names (case and spacing folded) with the space-saving
// algorithm: exact while it holds at most size names.
type counter struct {
	size      int
	m         map[string]*ssEntry
	h         ssHeap
	evictions int
}

// ssEntry is one counted name: count is the ranking number, extra a
// second number carried along, err the possible overcount.
type ssEntry struct {
	key, label, kind string
	count, extra     int
	err              int
	index            int
	// at is where the label was first read: the first spelling in input
	// order names the entry, however the records come.
	at position
}

func newCounter(size int) *counter { return &counter{size: size, m: map[string]*ssEntry{}} }

func foldName(s string) string { return strings.ToLower(article.CollapseSpaces(s)) }

func (c *counter) add(label, kind string, count, extra int, at position) {
	key := foldName(label)
	if key == "" {
		return
	}
	if e, ok := c.m[key]; ok {
		e.count += count
		e.extra += extra
		if at.before(e.at) {
			e.label, e.kind, e.at = label, kind, at
		}
		heap.Fix(&c.h, e.index)
		return
	}
	if len(c.h) < c.size {
		e := &ssEntry{key: key, label: label, kind: kind, count: count, extra: extra, at: at}
		c.m[key] = e
		heap.Push(&c.h, e)
		return
	}
	// Replace the least counted name; the newcomer inherits its count.
	e := c.h[0]
	delete(c.m, e.key)
	c.evictions++
	e.key, e.label, e.kind, e.at = key, label, kind, at
	e.err = e.count
	e.count += count
	e.extra = extra
	c.m[key] = e
	heap.Fix(&c.h, 0)
}

func (c *counter) top(n int, less func(a, b *ssEntry) bool, conv func(*ssEntry) Ranked) []Ranked {
	all := make([]*ssEntry, len(c.h))
	copy(all, c.h)
	sort.Slice(all, func(i, j int) bool {
		if less(all[i], all[j]) {
			return true
		}
		if less(all[j], all[i]) {
			return false
		}
		return all[i].key < all[j].key
	})
	if n > 0 && len(all) > n {
		all = all[:n]
	}
	out := make([]Ranked, len(all))
	for i, e := range all {
		out[i] = conv(e)
	}
	return out
}

// ssHeap is a min-heap of entries by count (then by key, so that ties are
// broken the same way on every run).
type ssHeap []*ssEntry

func (h ssHeap) Len() int { return len(h) }
func (h ssHeap) Less(i, j int) bool {
	if h[i].count != h[j].count {
		return h[i].count < h[j].count
	}
	return h[i].key > h[j].key
}
func (h ssHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *ssHeap) Push(x any) {
	e := x.(*ssEntry)
	e.index = len(*h)
	*h = append(*h, e)
}
func (h *ssHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}
