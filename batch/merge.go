package batch

import (
	"container/heap"
	"encoding/json"
	"slices"
	"sort"
	"strings"
)

// position orders records as a run reads them: by input, compared a
// folder level at a time (the order in which a folder walk visits files),
// then by record number.
type position struct {
	Input  string `json:"i"`
	Record int    `json:"r"`
}

func (p position) before(q position) bool {
	if p.Input != q.Input {
		return CompareInputs(p.Input, q.Input) < 0
	}
	return p.Record < q.Record
}

// CompareInputs orders input names as a run reads a folder: a component
// at a time, so that "a/b.jsonl" comes before "a.jsonl" as it does in a
// walk of the folder holding both.
func CompareInputs(a, b string) int {
	for a != "" || b != "" {
		ea, ra, _ := strings.Cut(a, "/")
		eb, rb, _ := strings.Cut(b, "/")
		if c := strings.Compare(ea, eb); c != 0 {
			return c
		}
		a, b = ra, rb
	}
	return 0
}

// inOrder is a list entry with the position of its record.
type inOrder[T any] struct {
	At    position `json:"at"`
	Value T        `json:"v"`
}

// keepFirst inserts v into list, which is kept in input order and at
// most limit long; entries of one record keep the order they came in.
func keepFirst[T any](list []inOrder[T], v inOrder[T], limit int) []inOrder[T] {
	i := sort.Search(len(list), func(i int) bool { return v.At.before(list[i].At) })
	if i >= limit {
		return list
	}
	list = slices.Insert(list, i, v)
	if len(list) > limit {
		list = list[:limit]
	}
	return list
}

func values[T any](list []inOrder[T]) []T {
	if list == nil {
		return nil
	}
	out := make([]T, len(list))
	for i := range list {
		out[i] = list[i].Value
	}
	return out
}

// Merge adds the records counted by o to s. While the top lists are
// exact (fewer distinct names than the sketch holds) and the breakdowns
// under their cap, the result does not depend on how the records were
// split between summaries.
func (s *Summary) Merge(o *Summary) {
	s.read += o.read
	s.checked += o.checked
	s.failed += o.failed
	s.resumed += o.resumed
	s.quotes += o.quotes
	s.anonSources += o.anonSources
	s.anonReason += o.anonReason
	s.compared += o.compared
	s.changedArticles += o.changedArticles
	s.evicted += o.evicted
	s.missed += o.missed
	for _, m := range [][2]map[string]int{{s.byType, o.byType}, {s.findings, o.findings}, {s.changes, o.changes}} {
		for k, v := range m[1] {
			m[0][k] += v
		}
	}
	for _, c := range o.changed {
		s.changed = keepFirst(s.changed, c, maxChanged)
	}
	for _, e := range o.errors {
		s.errors = keepFirst(s.errors, e, maxErrors)
	}
	s.anonymous.merge(o.anonymous)
	s.named.merge(o.named)
	s.sections.merge(o.sections)
	s.authors.merge(o.authors)
	s.months.merge(o.months)
}

// AddLine counts one line of an --out file: a record or an error record.
func (s *Summary) AddLine(line []byte) error {
	rec, er, err := parseOutLine(line)
	switch {
	case err != nil:
		return err
	case er != nil:
		s.AddError(er)
	default:
		s.Add(rec)
	}
	return nil
}

// floor is the most a name the counter does not hold may have been
// counted: nothing while it never dropped a name, else its least count.
func (c *counter) floor() int {
	if c.evictions == 0 || len(c.h) == 0 {
		return 0
	}
	return c.h[0].count
}

// merge adds o's counts to c. A name only one side holds may have been
// dropped by the other, with at most that side's floor: it is added, as
// a possible overcount, so that no count is too low. When more names
// than the size remain, the least counted are dropped.
func (c *counter) merge(o *counter) {
	cFloor, oFloor := c.floor(), o.floor()
	for _, e := range c.h {
		if _, ok := o.m[e.key]; !ok {
			e.count += oFloor
			e.err += oFloor
		}
	}
	for _, oe := range o.h {
		if e, ok := c.m[oe.key]; ok {
			e.count += oe.count
			e.extra += oe.extra
			e.err += oe.err
			if oe.at.before(e.at) {
				e.label, e.kind, e.at = oe.label, oe.kind, oe.at
			}
			continue
		}
		e := *oe
		e.count += cFloor
		e.err += cFloor
		c.m[e.key] = &e
		c.h = append(c.h, &e)
	}
	c.evictions += o.evictions
	if len(c.h) > c.size {
		sort.Slice(c.h, func(i, j int) bool { return c.h[j].less(c.h[i]) })
		for _, e := range c.h[c.size:] {
			delete(c.m, e.key)
		}
		c.evictions += len(c.h) - c.size
		c.h = c.h[:c.size]
	}
	for i, e := range c.h {
		e.index = i
	}
	heap.Init(&c.h)
}

// less orders entries as the heap does: by count, then by key.
func (e *ssEntry) less(o *ssEntry) bool {
	if e.count != o.count {
		return e.count < o.count
	}
	return e.key > o.key
}

func (g *groups) merge(o *groups) {
	g.given = g.given || o.given
	names := make([]string, 0, len(o.m))
	for name := range o.m {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		og := o.m[name]
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
		grp.plus(og)
	}
}

// summaryState is a Summary as bytes: every count, the kept lists and the
// sketches' entries.
type summaryState struct {
	Read, Checked, Failed, Resumed  int
	Quotes, AnonSources, AnonReason int
	Compared, ChangedArticles       int
	Evicted, Missed                 int
	ByType, Findings, Changes       map[string]int
	Changed                         []inOrder[ChangedQuote]
	Errors                          []inOrder[ErrorRecord]
	Anonymous, Named                counterState
	Sections, Authors, Months       groupsState
}

type counterState struct {
	Evictions int
	Entries   []entryState
}

type entryState struct {
	Key, Label, Kind        string
	Count, Extra, Overcount int
	At                      position
}

type groupsState struct {
	Given  bool
	Groups []Group
}

// MarshalBinary encodes the summary (as JSON).
func (s *Summary) MarshalBinary() ([]byte, error) {
	st := summaryState{
		Read: s.read, Checked: s.checked, Failed: s.failed, Resumed: s.resumed,
		Quotes: s.quotes, AnonSources: s.anonSources, AnonReason: s.anonReason,
		Compared: s.compared, ChangedArticles: s.changedArticles, Evicted: s.evicted, Missed: s.missed,
		ByType: s.byType, Findings: s.findings, Changes: s.changes, Changed: s.changed, Errors: s.errors,
		Anonymous: s.anonymous.state(), Named: s.named.state(),
		Sections: s.sections.state(), Authors: s.authors.state(), Months: s.months.state(),
	}
	return json.Marshal(&st)
}

// UnmarshalBinary decodes what MarshalBinary encoded.
func (s *Summary) UnmarshalBinary(b []byte) error {
	var st summaryState
	if err := json.Unmarshal(b, &st); err != nil {
		return err
	}
	*s = *NewSummary()
	s.read, s.checked, s.failed, s.resumed = st.Read, st.Checked, st.Failed, st.Resumed
	s.quotes, s.anonSources, s.anonReason = st.Quotes, st.AnonSources, st.AnonReason
	s.compared, s.changedArticles, s.evicted, s.missed = st.Compared, st.ChangedArticles, st.Evicted, st.Missed
	for _, m := range [][2]map[string]int{{s.byType, st.ByType}, {s.findings, st.Findings}, {s.changes, st.Changes}} {
		for k, v := range m[1] {
			m[0][k] = v
		}
	}
	s.changed, s.errors = st.Changed, st.Errors
	s.anonymous.load(st.Anonymous)
	s.named.load(st.Named)
	s.sections.load(st.Sections)
	s.authors.load(st.Authors)
	s.months.load(st.Months)
	return nil
}

func (c *counter) state() counterState {
	st := counterState{Evictions: c.evictions, Entries: make([]entryState, len(c.h))}
	for i, e := range c.h {
		st.Entries[i] = entryState{Key: e.key, Label: e.label, Kind: e.kind, Count: e.count, Extra: e.extra, Overcount: e.err, At: e.at}
	}
	return st
}

func (c *counter) load(st counterState) {
	c.evictions = st.Evictions
	for _, es := range st.Entries {
		e := &ssEntry{key: es.Key, label: es.Label, kind: es.Kind, count: es.Count, extra: es.Extra, err: es.Overcount, at: es.At, index: len(c.h)}
		c.m[e.key] = e
		c.h = append(c.h, e)
	}
	heap.Init(&c.h)
}

func (g *groups) state() groupsState {
	st := groupsState{Given: g.given, Groups: make([]Group, 0, len(g.m))}
	for _, grp := range g.m {
		st.Groups = append(st.Groups, *grp)
	}
	return st
}

func (g *groups) load(st groupsState) {
	g.given = st.Given
	for i := range st.Groups {
		grp := st.Groups[i]
		g.m[grp.Name] = &grp
	}
}
