package htmlreport

import (
	"fmt"
	"sort"

	"github.com/quotecheck/quotecheck/verify"
	"github.com/quotecheck/quotecheck/versions"
)

// verdictOrder lists the verdicts as the page counts them, the ones that
// need a look last.
var verdictOrder = []verify.Verdict{verify.Verbatim, verify.Altered, verify.Stitched, verify.NotFound}

// verdictInfo is how the page shows one verdict: a CSS class, and a
// visible mark and word so that colour is never the only signal.
type verdictInfo struct{ Class, Mark, Label string }

var verdictInfos = map[verify.Verdict]verdictInfo{
	verify.Verbatim: {"verbatim", "✓", "verbatim"},
	verify.Altered:  {"altered", "≠", "altered"},
	verify.Stitched: {"stitched", "✂", "stitched"},
	verify.NotFound: {"not-found", "∅", "not found"},
}

func verdictInfoOf(v verify.Verdict) verdictInfo {
	if vi, ok := verdictInfos[v]; ok {
		return vi
	}
	return verdictInfo{Class: "not-found", Mark: "?", Label: string(v)}
}

// RecordView is one quotation checked against the record, shown under
// its paragraph.
type RecordView struct {
	ID    string // the element id: "v-" and the quote id
	Quote string
	// Verdict is the contract's verdict; Class, Mark and Label show it.
	Verdict, Class, Mark, Label string
	// Meaning says an altered quotation has a meaning-bearing change.
	Meaning bool
	// Where is the passage's first place in the record; Pieces every
	// place when the quotation was found in several.
	Where  *PlaceView
	Pieces []PlaceView
	// SpeakerMismatch says the record's label names someone else.
	SpeakerMismatch bool
	// Distance and OutOfOrder describe a stitched quotation.
	Distance   int
	OutOfOrder bool
	Score      string
	Changes    []ChangeItem
	Diff       []versions.DiffOp
}

// PlaceView is a place in a source: its name, line and column, caption
// time and speaker label.
type PlaceView struct {
	Source       string
	Line, Column int
	Timestamp    string
	Speaker      string
}

// ChangeItem is one difference between record and story.
type ChangeItem struct {
	Kind     string
	Meaning  bool
	Old, New string
}

// SourceRecord is the record column of one roster row: the source files
// that hold the speaker's quotations, and the verdicts.
type SourceRecord struct {
	Files    []string
	Verdicts []VerdictCount
	// Mismatches counts quotations the record gives to someone else.
	Mismatches int
}

// VerdictCount is how many quotations got one verdict.
type VerdictCount struct {
	Class, Mark, Label string
	Count              int
}

// recordView builds the view of one verification. Line and column are
// computed here, from the spans the verifier kept.
func recordView(v *verify.Verification) *RecordView {
	vi := verdictInfoOf(v.Verdict)
	rv := &RecordView{ID: "v-" + v.Quote, Quote: v.Quote, Verdict: string(v.Verdict), Class: vi.Class, Mark: vi.Mark,
		Label: vi.Label, Meaning: v.Meaningful(), Distance: v.Distance, OutOfOrder: v.OutOfOrder,
		Score: fmt.Sprintf("%.0f%%", v.Score*100), Diff: v.Diff}
	if v.Verdict == verify.Altered && rv.Meaning {
		rv.Label = "altered: meaning changed"
	}
	rv.SpeakerMismatch = v.SpeakerMatch != nil && !*v.SpeakerMatch
	for _, c := range v.Changes {
		rv.Changes = append(rv.Changes, ChangeItem{Kind: c.Kind, Meaning: c.Meaning, Old: c.Old, New: c.New})
	}
	if v.Source != nil {
		p := v.Source.Doc.Position(v.Span.Start)
		rv.Where = &PlaceView{Source: v.Source.Name, Line: p.Line, Column: p.Column, Timestamp: v.Timestamp, Speaker: v.SpeakerLabel}
	}
	for _, pc := range v.Pieces {
		if pc.Source == nil {
			continue
		}
		p := pc.Source.Doc.Position(pc.Span.Start)
		rv.Pieces = append(rv.Pieces, PlaceView{Source: pc.Source.Name, Line: p.Line, Column: p.Column, Timestamp: pc.Timestamp, Speaker: pc.Label})
	}
	return rv
}

// sourceRecord sums up the verifications of one speaker's quotations.
func sourceRecord(ids []string, records map[string]*RecordView) *SourceRecord {
	sr := &SourceRecord{}
	files := map[string]bool{}
	counts := map[string]int{}
	for _, id := range ids {
		rv := records[id]
		if rv == nil {
			continue
		}
		counts[rv.Verdict]++
		if rv.SpeakerMismatch {
			sr.Mismatches++
		}
		if rv.Where != nil {
			files[rv.Where.Source] = true
		}
		for _, p := range rv.Pieces {
			files[p.Source] = true
		}
	}
	for f := range files {
		sr.Files = append(sr.Files, f)
	}
	sort.Strings(sr.Files)
	for _, v := range verdictOrder {
		if n := counts[string(v)]; n > 0 {
			vi := verdictInfoOf(v)
			sr.Verdicts = append(sr.Verdicts, VerdictCount{Class: vi.Class, Mark: vi.Mark, Label: vi.Label, Count: n})
		}
	}
	return sr
}

// verdictCounts counts every verdict of a story, in verdictOrder.
func verdictCounts(records map[string]*RecordView) []VerdictCount {
	counts := map[string]int{}
	for _, rv := range records {
		counts[rv.Verdict]++
	}
	var out []VerdictCount
	for _, v := range verdictOrder {
		vi := verdictInfoOf(v)
		out = append(out, VerdictCount{Class: vi.Class, Mark: vi.Mark, Label: vi.Label, Count: counts[string(v)]})
	}
	return out
}
