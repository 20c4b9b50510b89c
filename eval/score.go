package eval

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// Counts accumulates precision/recall counts.
type Counts struct{ TP, FP, FN int }

// Precision is TP/(TP+FP); with nothing predicted it is 1 when nothing was
// expected either, else 0 (as the reference scorer computes it).
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		if c.FN == 0 {
			return 1
		}
		return 0
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

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
	Kind    string // missed, spurious, speaker, finding-missed, finding-spurious, change-missed
	Detail  string
}

// Score holds corpus-level figures, computed as the reference scorer
// (shared/tools/score.py) computes them.
type Score struct {
	Articles int
	Quotes   Counts
	// GoldQuotes counts gold quotes. Unresolved counts those whose gold
	// names only a pronoun (speaker_unresolved): they count for quote
	// precision and recall but not for speaker or type accuracy.
	GoldQuotes, Unresolved int
	// Matched, SpeakerRight and TypeRight count matched, scorable gold
	// quotes and those whose prediction has the right speaker and type.
	Matched, SpeakerRight, TypeRight int
	// FalseErrors counts missing-attribution findings on a quote whose
	// gold has a speaker or on no gold quote; FalseErrorArticles the
	// articles with at least one (what a pre-publish hook would refuse).
	FalseErrors, FalseErrorArticles int
	Findings                        map[string]*Counts
	Changes                         Counts
	// Calibration collects, for matched scorable quotes with a predicted
	// speaker, the attribution's confidence and whether it was right.
	Calibration []Judged
	Mistakes    []Mistake
	// Verdicts counts gold quotes with a verdict and VerdictsRight those
	// whose matched quote got the same verdict from verify; Misquotes
	// scores misquote findings against gold meaning-bearing alterations,
	// and CosmeticMisquotes counts misquotes on cosmetic-only edits.
	Verdicts, VerdictsRight, CosmeticMisquotes int
	Misquotes                                  Counts
}

// VerdictAccuracy is over gold quotes with a verdict.
func (s *Score) VerdictAccuracy() float64 { return frac(s.VerdictsRight, s.Verdicts) }

// Judged is one attribution's confidence and whether its speaker was right.
type Judged struct {
	Confidence float64
	Right      bool
}

// scorable is the number of gold quotes that count for speaker accuracy.
func (s *Score) scorable() int { return s.GoldQuotes - s.Unresolved }

// SpeakerAccuracy is over all scorable gold quotes.
func (s *Score) SpeakerAccuracy() float64 { return frac(s.SpeakerRight, s.scorable()) }

// SpeakerAccuracyMatched is over matched scorable gold quotes.
func (s *Score) SpeakerAccuracyMatched() float64 { return frac(s.SpeakerRight, s.Matched) }

// TypeAccuracy is over all scorable gold quotes.
func (s *Score) TypeAccuracy() float64 { return frac(s.TypeRight, s.scorable()) }

// FalseErrorsPer100 is false missing-attribution findings per 100 gold quotes.
func (s *Score) FalseErrorsPer100() float64 { return 100 * frac(s.FalseErrors, s.GoldQuotes) }

// frac divides by at least 1, as the reference scorer does.
func frac(a, b int) float64 { return float64(a) / float64(max(b, 1)) }

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

// scoredRules are the rules the reference scorer scores on every article.
var scoredRules = []string{"anonymous-source", "missing-attribution", "anonymous-no-reason"}

// matchQuotes pairs gold quotes with predictions greedily, in gold order:
// each gold quote takes the unused prediction with the highest score (1
// for equal normalised texts, else the token overlap), if at least 0.8.
func matchQuotes(gold []GoldQuote, predText []string) []int {
	predFor := make([]int, len(gold))
	used := make([]bool, len(predText))
	for gi, g := range gold {
		predFor[gi] = -1
		best, bestScore := -1, 0.0
		ng := Normalize(g.Text)
		for pi, t := range predText {
			if used[pi] {
				continue
			}
			score := 1.0
			if Normalize(t) != ng {
				score = overlap(t, g.Text)
			}
			if score > bestScore {
				best, bestScore = pi, score
			}
		}
		if best >= 0 && bestScore >= softThreshold {
			used[best] = true
			predFor[gi] = best
		}
	}
	return predFor
}

// Add scores one article's check result against its gold annotation.
func (s *Score) Add(g *Gold, doc *article.Document, findings []checker.Finding) {
	s.Articles++
	preds := doc.Quotations()
	predText := make([]string, len(preds))
	for i, q := range preds {
		predText[i] = doc.QuoteText(q)
	}
	predFor := matchQuotes(g.Quotes, predText)
	goldFor := make([]int, len(preds))
	for i := range goldFor {
		goldFor[i] = -1
	}
	for gi, pi := range predFor {
		if pi >= 0 {
			goldFor[pi] = gi
		}
	}
	for pi, q := range preds {
		switch {
		case goldFor[pi] >= 0:
			s.Quotes.TP++
		case matchesAny(predText[pi], g.Ignore):
		default:
			s.Quotes.FP++
			s.mistake(g, "spurious", "%q (speaker %s)", short(predText[pi]), speakerDesc(q))
		}
	}
	for gi := range g.Quotes {
		gq := &g.Quotes[gi]
		s.GoldQuotes++
		pi := predFor[gi]
		if pi < 0 {
			s.Quotes.FN++
		}
		if gq.SpeakerUnresolved {
			s.Unresolved++
			if pi < 0 {
				s.mistake(g, "missed", "%q", short(gq.Text))
			}
			continue
		}
		if pi < 0 {
			s.mistake(g, "missed", "%q", short(gq.Text))
			continue
		}
		s.Matched++
		q := preds[pi]
		name, mention, typ := "", "", string(article.NoSource)
		if q.Speaker != nil {
			name, mention, typ = q.Speaker.Name, q.Speaker.Mention, string(q.Speaker.Type)
		}
		right := SpeakerMatches(name, mention, gq.Speaker, gq.SpeakerType)
		if right {
			s.SpeakerRight++
		} else {
			s.mistake(g, "speaker", "%q: want %v (%s), got %s", short(gq.Text), firstTwo(gq.Speaker), gq.SpeakerType, speakerDesc(q))
		}
		if typ == gq.SpeakerType {
			s.TypeRight++
		}
		if q.Speaker != nil {
			s.Calibration = append(s.Calibration, Judged{Confidence: q.Confidence, Right: right})
		}
	}
	s.addFindings(g, doc, preds, predFor, findings)
}

func firstTwo(names []string) []string {
	if len(names) > 2 {
		return names[:2]
	}
	return names
}

// addFindings scores the findings of the rules every article is scored on,
// as (rule, gold quote) pairs; anonymous-no-reason is scored once per
// source, by the gold source's name. Other rules are not scored, as in
// the reference scorer.
func (s *Score) addFindings(g *Gold, doc *article.Document, preds []*article.Quote, predFor []int, findings []checker.Finding) {
	goldOf := map[string]int{}
	for gi, pi := range predFor {
		if pi >= 0 {
			goldOf[preds[pi].ID] = gi
		}
	}
	type key struct {
		gold int
		name string
		fp   int
	}
	// inOrder lists keys in a fixed order so mistakes print the same way
	// on every run.
	inOrder := func(m map[key]bool) []key {
		return slices.SortedFunc(maps.Keys(m), func(a, b key) int {
			return cmp.Or(cmp.Compare(a.gold, b.gold), strings.Compare(a.name, b.name), cmp.Compare(a.fp, b.fp))
		})
	}
	falseHere := 0
	for _, rule := range scoredRules {
		want := map[key]bool{}
		for gi, gq := range g.Quotes {
			switch {
			case rule == "anonymous-no-reason":
				if gq.SpeakerType == "anonymous" && gq.AnonymityReason != nil && !*gq.AnonymityReason && len(gq.Speaker) > 0 {
					want[key{gold: -1, name: nameKey(gq.Speaker[0])}] = true
				}
			case rule == "anonymous-source" && gq.SpeakerType == "anonymous",
				rule == "missing-attribution" && gq.SpeakerType == "none":
				want[key{gold: gi}] = true
			}
		}
		got := map[key]bool{}
		for _, f := range findings {
			if f.Rule != rule {
				continue
			}
			gi, ok := goldOf[f.Quote]
			switch {
			case !ok:
				got[key{gold: -1, fp: len(got) + 1}] = true
			case rule == "anonymous-no-reason":
				if sp := g.Quotes[gi].Speaker; len(sp) > 0 {
					got[key{gold: -1, name: nameKey(sp[0])}] = true
				} else {
					got[key{gold: -1, fp: -(gi + 1)}] = true
				}
			default:
				got[key{gold: gi}] = true
			}
		}
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		c := s.Findings[rule]
		if c == nil {
			c = &Counts{}
			s.Findings[rule] = c
		}
		for _, k := range inOrder(got) {
			if want[k] {
				c.TP++
			} else {
				c.FP++
				s.mistake(g, "finding-spurious", "%s %s", rule, findingTarget(g, k.gold, k.name))
			}
		}
		for _, k := range inOrder(want) {
			if !got[k] {
				c.FN++
				s.mistake(g, "finding-missed", "%s %s", rule, findingTarget(g, k.gold, k.name))
			}
		}
		if rule == "missing-attribution" {
			for k := range got {
				if !want[k] {
					falseHere++
				}
			}
		}
	}
	s.FalseErrors += falseHere
	if falseHere > 0 {
		s.FalseErrorArticles++
	}
}

func findingTarget(g *Gold, gi int, name string) string {
	switch {
	case gi >= 0:
		return fmt.Sprintf("on %q", short(g.Quotes[gi].Text))
	case name != "":
		return fmt.Sprintf("for %q", name)
	}
	return "on a string that is no gold quote"
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

// CalibrationRow is one confidence threshold: how many attributions have
// at least that confidence and how often they are right.
type CalibrationRow struct {
	AtLeast float64
	Quotes  int
	Right   float64
}

// calibrationSteps are the thresholds eval prints.
var calibrationSteps = []float64{0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95}

// CalibrationTable says, for each threshold c, how often attributions with
// confidence ≥ c were right; a calibrated extractor is right at least c
// of the time.
func (s *Score) CalibrationTable() []CalibrationRow {
	rows := make([]CalibrationRow, 0, len(calibrationSteps))
	for _, c := range calibrationSteps {
		n, right := 0, 0
		for _, j := range s.Calibration {
			if j.Confidence >= c-1e-9 {
				n++
				if j.Right {
					right++
				}
			}
		}
		rows = append(rows, CalibrationRow{AtLeast: c, Quotes: n, Right: frac(right, n)})
	}
	return rows
}
