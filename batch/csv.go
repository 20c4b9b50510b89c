package batch

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
)

// QuoteColumns are the columns of --quotes: one row per quotation.
var QuoteColumns = []string{
	"path", "record", "article_id", "version", "published", "section", "author",
	"quote_id", "line", "column", "speaker", "mention", "type", "cue", "confidence",
	"anonymity_reason", "findings", "change", "text",
}

// SourceColumns are the columns of --sources: one row per source of each
// article.
var SourceColumns = []string{
	"path", "record", "article_id", "version", "published", "section", "author",
	"source", "type", "quotes", "quote_ids", "anonymity_reason", "mentions", "findings",
}

// csvRenderer renders the rows of one record into bytes; each worker has
// its own.
type csvRenderer struct {
	buf bytes.Buffer
	w   *csv.Writer
}

func newCSVRenderer() *csvRenderer {
	r := &csvRenderer{}
	r.w = csv.NewWriter(&r.buf)
	return r
}

func (r *csvRenderer) take() []byte {
	r.w.Flush()
	b := bytes.Clone(r.buf.Bytes())
	r.buf.Reset()
	return b
}

// header renders a header row.
func (r *csvRenderer) header(cols []string) []byte {
	_ = r.w.Write(cols)
	return r.take()
}

// recordCols are the leading columns every row of a record shares.
func recordCols(rec *Record) []string {
	var published, section, author string
	if rec.Meta != nil {
		published, section, author = rec.Meta.Published, rec.Meta.Section, rec.Meta.Author
	}
	return []string{rec.Path, strconv.Itoa(rec.Record), cell(rec.ID), cell(rec.Version), cell(published), cell(section), cell(author)}
}

// quoteRows renders a record's rows of --quotes.
func (r *csvRenderer) quoteRows(rec *Record) []byte {
	if len(rec.Quotes) == 0 {
		return nil
	}
	lead := recordCols(rec)
	rules := findingRules(rec)
	reasons := map[string]string{}
	for _, s := range rec.Sources {
		if s.AnonymityReason == nil {
			continue
		}
		for _, id := range s.Quotes {
			reasons[id] = yesNo(*s.AnonymityReason)
		}
	}
	changes := map[string]string{}
	for _, c := range rec.Changes {
		if c.New != nil {
			if prev, ok := changes[c.New.ID]; ok {
				changes[c.New.ID] = prev + ";" + c.Type
			} else {
				changes[c.New.ID] = c.Type
			}
		}
	}
	row := make([]string, 0, len(QuoteColumns))
	for i := range rec.Quotes {
		q := &rec.Quotes[i]
		speaker, mention, typ := "", "", "none"
		if q.Speaker != nil {
			speaker, mention, typ = q.Speaker.Name, q.Speaker.Mention, q.Speaker.Type
		}
		row = append(row[:0], lead...)
		row = append(row, q.ID, strconv.Itoa(q.Span.Line), strconv.Itoa(q.Span.Column), cell(speaker), cell(mention), typ,
			cell(q.Cue), strconv.FormatFloat(q.Confidence, 'f', -1, 64), reasons[q.ID], strings.Join(rules[q.ID], ";"), changes[q.ID], cell(q.Text))
		_ = r.w.Write(row)
	}
	return r.take()
}

// sourceRows renders a record's rows of --sources.
func (r *csvRenderer) sourceRows(rec *Record) []byte {
	if len(rec.Sources) == 0 {
		return nil
	}
	lead := recordCols(rec)
	rules := findingRules(rec)
	row := make([]string, 0, len(SourceColumns))
	for _, s := range rec.Sources {
		reason := ""
		if s.AnonymityReason != nil {
			reason = yesNo(*s.AnonymityReason)
		}
		var found []string
		seen := map[string]bool{}
		for _, id := range s.Quotes {
			for _, rule := range rules[id] {
				if !seen[rule] {
					seen[rule] = true
					found = append(found, rule)
				}
			}
		}
		row = append(row[:0], lead...)
		row = append(row, cell(s.Name), s.Type, strconv.Itoa(len(s.Quotes)), strings.Join(s.Quotes, " "), reason,
			cell(strings.Join(s.Mentions, ";")), strings.Join(found, ";"))
		_ = r.w.Write(row)
	}
	return r.take()
}

// findingRules lists, per quote id, the rules that reported on the quote
// (each once, in the order of the findings).
func findingRules(rec *Record) map[string][]string {
	out := map[string][]string{}
	add := func(id, rule string) {
		if id == "" {
			return
		}
		for _, r := range out[id] {
			if r == rule {
				return
			}
		}
		out[id] = append(out[id], rule)
	}
	for _, f := range rec.Findings {
		add(f.Quote, f.Rule)
	}
	for _, c := range rec.Changes {
		if c.New != nil {
			add(c.New.ID, c.Rule)
		}
	}
	return out
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// cell guards text from the article against spreadsheet formulas: a value
// starting with =, +, -, @ or a tab gets a leading apostrophe, as OWASP
// advises for CSV meant for spreadsheets.
func cell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
