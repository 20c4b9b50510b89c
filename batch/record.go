package batch

import (
	"encoding/json"
	"fmt"
	"hash/maphash"
	"strconv"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/report"
)

// Meta is what the input said about an article besides its text. It is
// an addition to the report contract: the summary's breakdowns by
// section, author and month are computed from it, so that a resumed run
// can recompute them from the output file.
type Meta struct {
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"`
	Author    string `json:"author,omitempty"`
	Section   string `json:"section,omitempty"`
	URL       string `json:"url,omitempty"`
}

func metaOf(m article.Metadata) *Meta {
	if m == (article.Metadata{}) {
		return nil
	}
	return &Meta{Title: m.Title, Published: m.Published, Author: m.Author, Section: m.Section, URL: m.URL}
}

// Record is one line of the --out file for an article that was checked:
// the per-document object of the report contract (report-format.md) with
// the fields batch adds after it.
type Record struct {
	report.Document
	// Record is the 1-based number of the record in its input (a JSON
	// Lines archive holds many; a text file one) and Line the line of the
	// input where it starts.
	Record int   `json:"record"`
	Line   int   `json:"line,omitempty"`
	Meta   *Meta `json:"meta,omitempty"`
	// PreviousVersion is the version this record was compared with (the
	// last record with the same id and another version before it; records
	// that state no version are not compared), and
	// Changes what happened to its quotations since, as in the changes of
	// `quotecheck diff --format json`.
	PreviousVersion string          `json:"previous_version,omitempty"`
	Changes         []report.Change `json:"changes,omitempty"`
}

// ErrorRecord is the line of the --out file for a record that could not
// be read or checked: the input, the number of the record in it that
// could not be read (1 when the input as a whole could not be read: a
// missing file, a broken gzip header; the next record's number when a
// truncated archive ends early), the line where it starts (0 when not
// known), the reason, and the id and version when they could be read.
type ErrorRecord struct {
	Input   string `json:"input"`
	Record  int    `json:"record"`
	Line    int    `json:"line"`
	ID      string `json:"id,omitempty"`
	Version string `json:"version,omitempty"`
	Error   string `json:"error"`
}

// outLine decodes either kind of line of the --out file: an error record
// has "input" and "error" set.
type outLine struct {
	Record
	Input string `json:"input"`
}

// parseOutLine reads one line of an --out file.
func parseOutLine(b []byte) (*Record, *ErrorRecord, error) {
	var l outLine
	if err := json.Unmarshal(b, &l); err != nil {
		return nil, nil, err
	}
	if l.Input != "" && l.Error != "" {
		return nil, &ErrorRecord{Input: l.Input, Record: l.Record.Record, Line: l.Line, ID: l.ID, Version: l.Version, Error: l.Error}, nil
	}
	if l.Path == "" && l.ID == "" {
		return nil, nil, fmt.Errorf("not a batch record (no path or id)")
	}
	return &l.Record, nil, nil
}

// keySeed hashes record keys for resume; hashes are only compared within
// one process.
var keySeed = maphash.MakeSeed()

// docKey identifies a checked record for --resume: its id and version.
func docKey(id, version string) uint64 {
	var h maphash.Hash
	h.SetSeed(keySeed)
	h.WriteString("d\x00")
	h.WriteString(id)
	h.WriteByte(0)
	h.WriteString(version)
	return h.Sum64()
}

// errKey identifies an error record for --resume: its input and record
// number (an id may be missing or shared with the record's good twin).
func errKey(input string, record int) uint64 {
	var h maphash.Hash
	h.SetSeed(keySeed)
	h.WriteString("e\x00")
	h.WriteString(input)
	h.WriteByte(0)
	h.WriteString(strconv.Itoa(record))
	return h.Sum64()
}
