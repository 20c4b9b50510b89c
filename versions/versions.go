// Package versions compares the quotations of two versions of one
// article. It pairs each old quote with its counterpart in the new version
// by text similarity, speaker and position, so that reordered, inserted
// and deleted paragraphs do not confuse it and a quote split in two (or
// two merged into one) stays one pairing; it then says what happened to
// each quotation (reworded, cut, added, re-attributed) and diffs reworded
// quotes word by word. Edits outside quotation marks are never reported.
//
// The package works on documents the extractor has already filled in and
// imports nothing of the rule engine: the checker imports it, and the
// version rules in rules/ report its changes.
package versions

import (
	"sort"
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

// Type is the kind of a change.
type Type string

// The change types of the report contract.
const (
	// Changed: the words inside the marks changed.
	Changed Type = "changed"
	// Removed: the quotation is gone from the new version.
	Removed Type = "removed"
	// Added: the quotation is new in the new version.
	Added Type = "added"
	// SpeakerChanged: the quotation is now attributed to someone else.
	SpeakerChanged Type = "speaker-changed"
)

// Change is one difference between the quotations of two versions.
type Change struct {
	Type Type
	// Old and New are the quote in each version: Old is nil for an added
	// quote and New for a removed one. When a quote was split or merged
	// they are the first part, and OldParts and NewParts list every part.
	Old, New           *article.Quote
	OldParts, NewParts []*article.Quote
	// OldText and NewText are the words compared: the quote's text, or
	// the parts' texts joined by a space.
	OldText, NewText string
	// Diff is the word diff of OldText and NewText, for Changed.
	Diff []DiffOp
	// PunctuationOnly marks a Changed quote whose words are the same:
	// only punctuation, case, spacing or typographic marks differ.
	PunctuationOnly bool
}

// Split reports whether the change pairs several quotes with one.
func (c *Change) Split() bool { return len(c.OldParts) > 1 || len(c.NewParts) > 1 }

// Pair is one quote of the old version aligned with its counterpart in
// the new one; one side holds two or three quotes when a quote was split
// or merged.
type Pair struct {
	Old, New []*article.Quote
}

// Compare aligns the quotes of two extracted versions of one article and
// returns what changed, in the order of the new version (a removed quote
// where it used to stand). Identical quotations with the same speaker give
// no change, so an unchanged article gives none.
func Compare(old, new *article.Document) []Change {
	a := newAligner(old, new)
	a.align()
	type keyed struct {
		c         Change
		key       float64
		sub, kind int
	}
	var out []keyed
	for _, g := range a.pairs {
		p := a.pairOf(g)
		if !a.oldItems[g.old[0]].quotation && !a.newItems[g.new[0]].quotation {
			continue // a quoted term, not a quotation of anyone
		}
		key := float64(g.new[0])
		for _, c := range classify(old, new, p, a.oldItems[g.old[0]].quotation && a.newItems[g.new[0]].quotation) {
			kind := 0
			if c.Type == SpeakerChanged {
				kind = 1
			}
			out = append(out, keyed{c: c, key: key, sub: g.old[0], kind: kind})
		}
	}
	for i := range a.oldItems {
		it := &a.oldItems[i]
		if a.oldPair[i] >= 0 || !it.quotation {
			continue
		}
		out = append(out, keyed{c: Change{Type: Removed, Old: it.q, OldParts: []*article.Quote{it.q}, OldText: it.text}, key: a.removedKey(i), sub: i})
	}
	for j := range a.newItems {
		it := &a.newItems[j]
		if a.newPair[j] >= 0 || !it.quotation {
			continue
		}
		out = append(out, keyed{c: Change{Type: Added, New: it.q, NewParts: []*article.Quote{it.q}, NewText: it.text}, key: float64(j)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].key != out[j].key {
			return out[i].key < out[j].key
		}
		if out[i].sub != out[j].sub {
			return out[i].sub < out[j].sub
		}
		return out[i].kind < out[j].kind
	})
	changes := make([]Change, len(out))
	for i := range out {
		changes[i] = out[i].c
	}
	return changes
}

// Align pairs the quotes (quotations and quoted terms) of two extracted
// versions; quotes in neither list were removed or added.
func Align(old, new *article.Document) []Pair {
	a := newAligner(old, new)
	a.align()
	out := make([]Pair, len(a.pairs))
	for i, g := range a.pairs {
		out[i] = a.pairOf(g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].New[0].Span.Start < out[j].New[0].Span.Start })
	return out
}

// classify says what changed between the two sides of a pair. Speakers
// are compared only when both sides are quotations.
func classify(old, new *article.Document, p Pair, speakers bool) []Change {
	oldText, newText := joinText(old, p.Old), joinText(new, p.New)
	base := Change{Old: p.Old[0], New: p.New[0], OldParts: p.Old, NewParts: p.New, OldText: oldText, NewText: newText}
	var out []Change
	if exactKey(oldText) != exactKey(newText) {
		c := base
		c.Type = Changed
		c.PunctuationOnly = looseKey(oldText) == looseKey(newText)
		c.Diff = WordDiff(oldText, newText)
		out = append(out, c)
	}
	if speakers && !SameSpeaker(p.Old[0].Speaker, p.New[0].Speaker) {
		c := base
		c.Type = SpeakerChanged
		out = append(out, c)
	}
	return out
}

// joinText joins the texts of a quote's parts with single spaces.
func joinText(doc *article.Document, parts []*article.Quote) string {
	if len(parts) == 1 {
		return doc.QuoteText(parts[0])
	}
	texts := make([]string, len(parts))
	for i, q := range parts {
		texts[i] = strings.TrimSpace(doc.QuoteText(q))
	}
	return strings.Join(texts, " ")
}
