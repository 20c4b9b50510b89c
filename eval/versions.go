package eval

import (
	"fmt"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// predictedChange is one quote change the version rules reported.
type predictedChange struct {
	typ, old, new string
}

// AddVersions scores the quote changes found between a gold article's
// versions: the article's text (already checked as first) against its
// first version, then each version against the next. A predicted change
// matches a gold change of the same type whose old and new texts match its
// own by the quote-matching rules (normalised equality first, then the
// 80% word overlap); an empty text matches only an empty text.
func (s *Score) AddVersions(chk *checker.Checker, g *Gold, first *article.Document) {
	prev := first
	for k := range g.Versions {
		v := &g.Versions[k]
		label := v.Label
		if label == "" {
			label = fmt.Sprintf("v%d", k+2)
		}
		next := chk.CheckText(g.ID+"@"+label, v.Text).Doc
		var preds []predictedChange
		for _, f := range chk.Compare(prev, next) {
			if c := f.Change; c != nil {
				preds = append(preds, predictedChange{typ: string(c.Type), old: c.OldText, new: c.NewText})
			}
		}
		s.scoreChanges(g, label, v.Changes, preds)
		prev = next
	}
}

func (s *Score) scoreChanges(g *Gold, label string, gold []GoldChange, preds []predictedChange) {
	goldFor := make([]int, len(preds))
	used := make([]bool, len(gold))
	for i := range goldFor {
		goldFor[i] = -1
	}
	for pass := 0; pass < 2; pass++ {
		for pi, p := range preds {
			if goldFor[pi] >= 0 {
				continue
			}
			for gi, gc := range gold {
				if used[gi] || gc.Type != p.typ {
					continue
				}
				var ok bool
				if pass == 0 {
					ok = Normalize(gc.Old) == Normalize(p.old) && Normalize(gc.New) == Normalize(p.new)
				} else {
					ok = changeTextMatch(gc.Old, p.old) && changeTextMatch(gc.New, p.new)
				}
				if ok {
					goldFor[pi], used[gi] = gi, true
					break
				}
			}
		}
	}
	for pi, p := range preds {
		if goldFor[pi] >= 0 {
			s.Changes.TP++
			continue
		}
		s.Changes.FP++
		s.mistake(g, "change-spurious", "%s: %s %q → %q", label, p.typ, short(p.old), short(p.new))
	}
	for gi, gc := range gold {
		if !used[gi] {
			s.Changes.FN++
			s.mistake(g, "change-missed", "%s: %s %q → %q", label, gc.Type, short(gc.Old), short(gc.New))
		}
	}
}

// changeTextMatch compares one side of a change: both empty, or matching
// quote texts.
func changeTextMatch(gold, pred string) bool {
	if Normalize(gold) == "" || Normalize(pred) == "" {
		return Normalize(gold) == Normalize(pred)
	}
	return textsMatch(gold, pred)
}
