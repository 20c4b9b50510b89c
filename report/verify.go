package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/verify"
	"github.com/quotecheck/quotecheck/versions"
)

// Verification is one quotation checked against the sources, as the
// report-format spec gives it (section "Verifications").
type Verification struct {
	Quote        string              `json:"quote"`
	Source       *string             `json:"source"`
	Span         *Span               `json:"span"`
	Timestamp    *string             `json:"timestamp"`
	Verdict      string              `json:"verdict"`
	SpeakerLabel *string             `json:"speaker_label"`
	SpeakerMatch *bool               `json:"speaker_match"`
	Changes      []verify.Change     `json:"changes"`
	Diff         []versions.DiffOp   `json:"diff"`
	Pieces       []VerificationPiece `json:"pieces,omitempty"`
	Distance     int                 `json:"distance,omitempty"`
	OutOfOrder   bool                `json:"out_of_order,omitempty"`
	Score        float64             `json:"score"`
}

// VerificationPiece places one part of a quotation that was found in
// several pieces (cuts, stitched sentences). Additive to the spec.
type VerificationPiece struct {
	Source    string  `json:"source"`
	Span      Span    `json:"span"`
	Timestamp *string `json:"timestamp"`
	Speaker   *string `json:"speaker_label"`
}

// VerificationOf builds the contract object; spans are into the source's
// text, with its line and column.
func VerificationOf(v *verify.Verification) Verification {
	out := Verification{Quote: v.Quote, Verdict: string(v.Verdict), SpeakerMatch: v.SpeakerMatch,
		Changes: v.Changes, Diff: v.Diff, Distance: v.Distance, OutOfOrder: v.OutOfOrder, Score: round2(v.Score)}
	if out.Changes == nil {
		out.Changes = []verify.Change{}
	}
	if out.Diff == nil {
		out.Diff = []versions.DiffOp{}
	}
	if v.Source == nil {
		return out
	}
	name := v.Source.Name
	span := SpanOf(v.Source.Doc, v.Span)
	out.Source, out.Span = &name, &span
	out.Timestamp, out.SpeakerLabel = optional(v.Timestamp), optional(v.SpeakerLabel)
	for _, p := range v.Pieces {
		out.Pieces = append(out.Pieces, VerificationPiece{Source: p.Source.Name, Span: SpanOf(p.Source.Doc, p.Span),
			Timestamp: optional(p.Timestamp), Speaker: optional(p.Label)})
	}
	return out
}

// verification encodes the object VerificationOf(v) describes.
func (e *documentEncoder) verification(v *verify.Verification) {
	e.open('{')
	e.stringField(keyQuote, v.Quote)
	src := v.Source
	e.key(keySource)
	if src == nil {
		e.null()
	} else {
		e.b = appendJSONString(e.b, src.Name)
	}
	e.key(keySpan)
	if src == nil {
		e.null()
	} else {
		e.span(src.Doc, v.Span)
	}
	found := func(s string) string {
		if src == nil {
			return ""
		}
		return s
	}
	e.optionalString(keyTimestamp, found(v.Timestamp))
	e.stringField(keyVerdict, string(v.Verdict))
	e.optionalString(keySpeakerLabel, found(v.SpeakerLabel))
	e.key(keySpeakerMatch)
	if v.SpeakerMatch == nil {
		e.null()
	} else {
		e.b = strconv.AppendBool(e.b, *v.SpeakerMatch)
	}
	e.list(keyChanges, len(v.Changes), func(i int) {
		c := &v.Changes[i]
		e.open('{')
		e.stringField(keyKind, c.Kind)
		e.boolField(keyMeaning, c.Meaning)
		e.stringField(keyOld, c.Old)
		e.stringField(keyNew, c.New)
		e.close('}')
	})
	e.list(keyDiff, len(v.Diff), func(i int) {
		e.open('{')
		e.stringField(keyOp, string(v.Diff[i].Op))
		e.stringField(keyText, v.Diff[i].Text)
		e.close('}')
	})
	if src != nil && len(v.Pieces) > 0 {
		e.list(keyPieces, len(v.Pieces), func(i int) {
			p := &v.Pieces[i]
			e.open('{')
			e.stringField(keySource, p.Source.Name)
			e.key(keySpan)
			e.span(p.Source.Doc, p.Span)
			e.optionalString(keyTimestamp, p.Timestamp)
			e.optionalString(keySpeakerLabel, p.Label)
			e.close('}')
		})
	}
	if v.Distance != 0 {
		e.intField(keyDistance, v.Distance)
	}
	if v.OutOfOrder {
		e.boolField(keyOutOfOrder, true)
	}
	e.key(keyScore)
	e.b = appendRounded(e.b, v.Score)
	e.close('}')
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// WriteVerifications prints one line per verified quotation of a result
// (where it stands in the story, its verdict and where in the record),
// its changes, and for every quotation that is not verbatim the word
// diff, deletions as [-…-] and insertions as {+…+}.
func WriteVerifications(w io.Writer, r checker.Result) error {
	if r.Doc == nil {
		return nil
	}
	for i := range r.Verifications {
		v := &r.Verifications[i]
		q := r.Doc.QuoteByID(v.Quote)
		if q == nil {
			continue
		}
		p := r.Doc.Position(q.Span.Start)
		line := fmt.Sprintf("%s:%d:%d: %s %s %q", displayPath(r.Path), p.Line, p.Column, v.Quote, v.Verdict, article.Shorten(r.Doc.QuoteText(q), 50))
		if v.Source != nil {
			sp := v.Source.Doc.Position(v.Span.Start)
			line += fmt.Sprintf(" ← %s:%d:%d", v.Source.Name, sp.Line, sp.Column)
			if v.Timestamp != "" {
				line += " at " + v.Timestamp
			}
			if v.SpeakerLabel != "" {
				line += " (" + v.SpeakerLabel
				if v.SpeakerMatch != nil && !*v.SpeakerMatch {
					line += ", not the story's speaker"
				}
				line += ")"
			}
		}
		if v.Verdict == verify.Stitched {
			line += fmt.Sprintf(", pieces %d words apart", v.Distance)
			if v.OutOfOrder {
				line += ", out of order"
			}
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
		for _, c := range v.Changes {
			meaning := "cosmetic"
			if c.Meaning {
				meaning = "MEANING"
			}
			if _, err := fmt.Fprintf(w, "    %s %s: %q → %q\n", meaning, c.Kind, c.Old, c.New); err != nil {
				return err
			}
		}
		if v.Verdict != verify.Verbatim && len(v.Diff) > 0 {
			if _, err := fmt.Fprintf(w, "    diff: %s\n", inlineDiff(v.Diff)); err != nil {
				return err
			}
		}
	}
	return nil
}

// inlineDiff writes a word diff on one line.
func inlineDiff(ops []versions.DiffOp) string {
	var b strings.Builder
	for _, d := range ops {
		text := strings.Join(strings.Fields(d.Text), " ")
		if strings.HasPrefix(d.Text, " ") && b.Len() > 0 {
			b.WriteByte(' ')
		}
		switch d.Op {
		case versions.Delete:
			b.WriteString("[-" + text + "-]")
		case versions.Insert:
			b.WriteString("{+" + text + "+}")
		default:
			b.WriteString(text)
		}
		if strings.HasSuffix(d.Text, " ") {
			b.WriteByte(' ')
		}
	}
	return b.String()
}
