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

// AddVersions scores the quote changes found between a gold article and
// each of its versions, as the reference scorer does: the article's text
// (already checked as first) against every version. Each gold change, in
// order, takes the first unused predicted change of its type whose old and
// new texts match its own (an empty gold text matches any).
func (s *Score) AddVersions(chk *checker.Checker, g *Gold, first *article.Document) {
	for k := range g.Versions {
		v := &g.Versions[k]
		label := v.Label
		if label == "" {
			label = fmt.Sprintf("v%d", k+2)
		}
		next := chk.CheckText(g.ID+"@"+label, v.Text).Doc
		var preds []predictedChange
		for _, f := range chk.Compare(first, next) {
			if c := f.Change; c != nil {
				preds = append(preds, predictedChange{typ: string(c.Type), old: c.OldText, new: c.NewText})
			}
		}
		s.scoreChanges(g, label, v.Changes, preds)
	}
}

func (s *Score) scoreChanges(g *Gold, label string, gold []GoldChange, preds []predictedChange) {
	used := make([]bool, len(preds))
	for _, gc := range gold {
		found := false
		for pi, p := range preds {
			if used[pi] || p.typ != gc.Type {
				continue
			}
			if (gc.Old == "" || textsMatch(p.old, gc.Old)) && (gc.New == "" || textsMatch(p.new, gc.New)) {
				used[pi], found = true, true
				break
			}
		}
		if found {
			s.Changes.TP++
		} else {
			s.Changes.FN++
			s.mistake(g, "change-missed", "%s: %s %q → %q", label, gc.Type, short(gc.Old), short(gc.New))
		}
	}
	for pi, p := range preds {
		if !used[pi] {
			s.Changes.FP++
			s.mistake(g, "change-spurious", "%s: %s %q → %q", label, p.typ, short(p.old), short(p.new))
		}
	}
}
