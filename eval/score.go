package eval

import (
	"fmt"
	"sort"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// Counts accumulates precision/recall counts.
type Counts struct{ TP, FP, FN int }

// Precision is TP/(TP+FP), 1 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 1 when nothing was expected.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Mistake is one scoring error, for --errors.
type Mistake struct {
	Article string
	Kind    string // missed, spurious, speaker, type, finding-missed, finding-spurious
	Detail  string
}

// Score holds corpus-level figures.
type Score struct {
	Articles int
	Quotes   Counts
	// GoldQuotes counts gold quotes; SpeakerRight and TypeRight count those
	// whose matched prediction has the right speaker and type.
	GoldQuotes, Matched, SpeakerRight, TypeRight int
	Findings                                     map[string]*Counts
	Changes                                      Counts
	Mistakes                                     []Mistake
}

// SpeakerAccuracy is over all gold quotes.
func (s *Score) SpeakerAccuracy() float64 { return ratio(s.SpeakerRight, s.GoldQuotes) }

// SpeakerAccuracyMatched is over matched gold quotes only.
func (s *Score) SpeakerAccuracyMatched() float64 { return ratio(s.SpeakerRight, s.Matched) }

// TypeAccuracy is over all gold quotes.
func (s *Score) TypeAccuracy() float64 { return ratio(s.TypeRight, s.GoldQuotes) }

// FindingRules lists the rules with finding counts, sorted.
func (s *Score) FindingRules() []string {
	var ids []string
	for id := range s.Findings {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// NewScore returns an empty score.
func NewScore() *Score { return &Score{Findings: map[string]*Counts{}} }

// Add scores one article's check result against its gold annotation.
func (s *Score) Add(g *Gold, doc *article.Document, findings []checker.Finding) {
	s.Articles++
	preds := doc.Quotations()
	predText := make([]string, len(preds))
	for i, q := range preds {
		predText[i] = doc.QuoteText(q)
	}
	// exact matches first, then soft ones
	goldFor := make([]int, len(preds))
	predFor := make([]int, len(g.Quotes))
	for i := range goldFor {
		goldFor[i] = -1
	}
	for i := range predFor {
		predFor[i] = -1
	}
	for pass := 0; pass < 2; pass++ {
		for pi := range preds {
			if goldFor[pi] >= 0 {
				continue
			}
			np := Normalize(predText[pi])
			for gi, gq := range g.Quotes {
				if predFor[gi] >= 0 {
					continue
				}
				ng := Normalize(gq.Text)
				if pass == 0 && np == ng || pass == 1 && softMatch(np, ng) {
					goldFor[pi], predFor[gi] = gi, pi
					break
				}
			}
		}
	}
	for pi, q := range preds {
		if goldFor[pi] >= 0 {
			s.Quotes.TP++
			continue
		}
		if matchesAny(predText[pi], g.Ignore) {
			continue
		}
		s.Quotes.FP++
		s.mistake(g, "spurious", "%q (speaker %s)", short(predText[pi]), speakerDesc(q))
	}
	for gi, gq := range g.Quotes {
		s.GoldQuotes++
		pi := predFor[gi]
		if pi < 0 {
			s.Quotes.FN++
			s.mistake(g, "missed", "%q", short(gq.Text))
			continue
		}
		s.Matched++
		q := preds[pi]
		name, mention, typ := "", "", "none"
		if q.Speaker != nil {
			name, mention, typ = q.Speaker.Name, q.Speaker.Mention, string(q.Speaker.Type)
		}
		if SpeakerMatches(name, mention, typ, gq.Speaker, gq.SpeakerType) {
			s.SpeakerRight++
		} else {
			s.mistake(g, "speaker", "%q: want %v (%s), got %s", short(gq.Text), gq.Speaker, gq.SpeakerType, speakerDesc(q))
		}
		if typ == gq.SpeakerType {
			s.TypeRight++
		} else {
			s.mistake(g, "type", "%q: want %s, got %s", short(gq.Text), gq.SpeakerType, typ)
		}
	}
	s.addFindings(g, doc, findings)
}

// expectedFindings lists the (rule, quote) pairs the gold implies.
func expectedFindings(g *Gold) []GoldFinding {
	var out []GoldFinding
	for _, q := range g.Quotes {
		switch q.SpeakerType {
		case "anonymous":
			out = append(out, GoldFinding{Rule: "anonymous-source", Quote: q.Text})
			if q.AnonymityReason != nil && !*q.AnonymityReason {
				out = append(out, GoldFinding{Rule: "anonymous-no-reason", Quote: q.Text})
			}
		case "none":
			out = append(out, GoldFinding{Rule: "missing-attribution", Quote: q.Text})
		}
	}
	return append(out, g.Findings...)
}

func (s *Score) addFindings(g *Gold, doc *article.Document, findings []checker.Finding) {
	want := expectedFindings(g)
	listed := map[string]bool{}
	for _, f := range want {
		listed[f.Rule] = true
		if s.Findings[f.Rule] == nil {
			s.Findings[f.Rule] = &Counts{}
		}
	}
	used := make([]bool, len(want))
	for _, f := range findings {
		qtext := ""
		if f.Quote != "" {
			if q := doc.QuoteByID(f.Quote); q != nil {
				qtext = doc.QuoteText(q)
			}
		}
		falseAlarmOnIgnore := f.Rule == "missing-attribution" && qtext != "" && matchesAny(qtext, g.Ignore)
		if !listed[f.Rule] && !falseAlarmOnIgnore {
			continue
		}
		if s.Findings[f.Rule] == nil {
			s.Findings[f.Rule] = &Counts{}
		}
		hit := false
		for i, w := range want {
			if used[i] || w.Rule != f.Rule {
				continue
			}
			if w.Quote == "" && qtext == "" || w.Quote != "" && qtext != "" && textsMatch(w.Quote, qtext) {
				used[i], hit = true, true
				break
			}
		}
		if hit {
			s.Findings[f.Rule].TP++
		} else {
			s.Findings[f.Rule].FP++
			s.mistake(g, "finding-spurious", "%s on %q", f.Rule, short(qtext))
		}
	}
	for i, w := range want {
		if !used[i] {
			s.Findings[w.Rule].FN++
			s.mistake(g, "finding-missed", "%s on %q", w.Rule, short(w.Quote))
		}
	}
}

func matchesAny(text string, list []string) bool {
	for _, x := range list {
		if textsMatch(text, x) {
			return true
		}
	}
	return false
}

func speakerDesc(q *article.Quote) string {
	if q.Speaker == nil {
		return "none"
	}
	return fmt.Sprintf("%q/%q (%s)", q.Speaker.Name, q.Speaker.Mention, q.Speaker.Type)
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}

func (s *Score) mistake(g *Gold, kind, format string, args ...any) {
	s.Mistakes = append(s.Mistakes, Mistake{Article: g.ID, Kind: kind, Detail: fmt.Sprintf(format, args...)})
}
