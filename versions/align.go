package versions

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

// Alignment thresholds, on the Dice coefficient of two quotes' words.
const (
	// minDice pairs two quotes anywhere in the article.
	minDice = 0.5
	// minDiceInGap pairs two quotes that stand between the same unchanged
	// neighbours, where a heavier rewording is still the same quote.
	minDiceInGap = 0.3
	// minPartContained is the share of a split (merged) part's words that
	// must come from the whole quote.
	minPartContained = 0.7
	// groupGain is how much better a split or merge must fit than its
	// best part alone.
	groupGain = 0.1
	// maxParts bounds the parts of a split or merge.
	maxParts = 3
	// maxExactGroup bounds the pairs weighed among quotes with the same
	// words; larger groups are paired in order.
	maxExactGroup = 4096
	// maxPosting skips words too common to find candidates by.
	maxPosting = 64
	// maxGap bounds the quotes tried between the same neighbours.
	maxGap = 24
)

// Bonuses added to a pairing's similarity when ranking pairings.
const (
	speakerBonus  = 0.1
	gapBonus      = 0.1
	positionBonus = 0.05
)

// item is one quote of one version.
type item struct {
	q         *article.Quote
	text      string
	key       string
	quotation bool
	para      int
	pos       float64
	// toks are the item's words for similarity, sorted ids: content
	// words, or all words when stopOnly; all holds every word.
	toks, all []int32
	stopOnly  bool
	tokenized bool
}

// group is one pairing, by item indices.
type group struct{ old, new []int }

// candidate is a possible pairing with its rank.
type candidate struct {
	group
	score float64
}

type aligner struct {
	oldDoc, newDoc     *article.Document
	oldItems, newItems []item
	// oldPair and newPair index pairs, -1 when unpaired.
	oldPair, newPair []int
	pairs            []group
	dict             map[string]int32
}

func newAligner(old, new *article.Document) *aligner {
	a := &aligner{oldDoc: old, newDoc: new, dict: map[string]int32{}}
	a.oldItems = items(old)
	a.newItems = items(new)
	a.oldPair = fill(len(a.oldItems), -1)
	a.newPair = fill(len(a.newItems), -1)
	return a
}

func fill(n, v int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// items lists a document's quotes in text order.
func items(doc *article.Document) []item {
	out := make([]item, len(doc.Quotes))
	size := float64(max(len(doc.Text), 1))
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		text := doc.QuoteText(q)
		out[i] = item{q: q, text: text, key: exactKey(text), quotation: q.Kind == article.Quotation, para: q.Paragraph, pos: float64(q.Span.Start) / size}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].q.Span.Start < out[j].q.Span.Start })
	return out
}

func (a *aligner) pairOf(g group) Pair {
	p := Pair{Old: make([]*article.Quote, len(g.old)), New: make([]*article.Quote, len(g.new))}
	for k, i := range g.old {
		p.Old[k] = a.oldItems[i].q
	}
	for k, j := range g.new {
		p.New[k] = a.newItems[j].q
	}
	return p
}

func (a *aligner) align() {
	a.alignExact()
	a.alignSimilar()
}

func (a *aligner) free(g group) bool {
	for _, i := range g.old {
		if a.oldPair[i] >= 0 {
			return false
		}
	}
	for _, j := range g.new {
		if a.newPair[j] >= 0 {
			return false
		}
	}
	return true
}

func (a *aligner) accept(g group) {
	n := len(a.pairs)
	a.pairs = append(a.pairs, g)
	for _, i := range g.old {
		a.oldPair[i] = n
	}
	for _, j := range g.new {
		a.newPair[j] = n
	}
}

// greedy accepts candidates best first, skipping any that reuse a quote.
// The candidates' indexes are sorted rather than the candidates, whose
// slices made every move of the sort a write the garbage collector had to
// see; a stable sort gives the same order either way.
func (a *aligner) greedy(cands []candidate) {
	order := make([]int32, len(cands))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(x, y int32) int {
		cx, cy := &cands[x], &cands[y]
		switch {
		case cx.score != cy.score:
			if cx.score > cy.score {
				return -1
			}
			return 1
		case cx.old[0] != cy.old[0]:
			return cmp.Compare(cx.old[0], cy.old[0])
		case cx.new[0] != cy.new[0]:
			return cmp.Compare(cx.new[0], cy.new[0])
		}
		return cmp.Compare(len(cx.old)+len(cx.new), len(cy.old)+len(cy.new))
	})
	for _, i := range order {
		if g := cands[i].group; a.free(g) {
			a.accept(g)
		}
	}
}

// bonus ranks pairings with the same similarity: same speaker, and close
// relative position.
func (a *aligner) bonus(i, j int) float64 {
	oi, nj := &a.oldItems[i], &a.newItems[j]
	b := positionBonus * (1 - math.Abs(oi.pos-nj.pos))
	if oi.quotation && nj.quotation && SameSpeaker(oi.q.Speaker, nj.q.Speaker) {
		b += speakerBonus
	}
	return b
}

// alignExact pairs quotes with the same words first. Among several quotes
// with the same words, speaker and position decide.
func (a *aligner) alignExact() {
	oldBy, newBy := map[string][]int{}, map[string][]int{}
	var keys []string
	for i := range a.oldItems {
		k := a.oldItems[i].key
		if k == "" {
			continue
		}
		if oldBy[k] == nil {
			keys = append(keys, k)
		}
		oldBy[k] = append(oldBy[k], i)
	}
	for j := range a.newItems {
		if k := a.newItems[j].key; k != "" {
			newBy[k] = append(newBy[k], j)
		}
	}
	var cands []candidate
	for _, k := range keys {
		os, ns := oldBy[k], newBy[k]
		if len(ns) == 0 {
			continue
		}
		if len(os) == 1 && len(ns) == 1 {
			a.accept(group{old: []int{os[0]}, new: []int{ns[0]}})
			continue
		}
		if len(os)*len(ns) > maxExactGroup {
			for x := 0; x < len(os) && x < len(ns); x++ {
				a.accept(group{old: []int{os[x]}, new: []int{ns[x]}})
			}
			continue
		}
		for _, i := range os {
			for _, j := range ns {
				cands = append(cands, candidate{group: group{old: []int{i}, new: []int{j}}, score: 1 + a.bonus(i, j)})
			}
		}
	}
	a.greedy(cands)
}

// tokens returns an item's words as sorted ids.
func (a *aligner) tokens(it *item) []int32 {
	if !it.tokenized {
		it.tokenized = true
		words, stopOnly := simWords(it.text)
		it.toks, it.stopOnly = a.ids(words), stopOnly
		it.all = it.toks
		if !stopOnly {
			all := make([]string, 0, len(words)*2)
			for _, t := range tokenize(it.text) {
				if t.word {
					all = append(all, stem(strings.ToLower(strings.ReplaceAll(t.text, "\u2019", "'"))))
				}
			}
			it.all = a.ids(all)
		}
	}
	return it.toks
}

// pairTokens returns the words two items are compared by: content words,
// or every word when either has only function words.
func (a *aligner) pairTokens(x, y *item) ([]int32, []int32) {
	a.tokens(x)
	a.tokens(y)
	if x.stopOnly || y.stopOnly {
		return x.all, y.all
	}
	return x.toks, y.toks
}

// ids interns words as sorted ids.
func (a *aligner) ids(words []string) []int32 {
	toks := make([]int32, len(words))
	for k, w := range words {
		id, ok := a.dict[w]
		if !ok {
			id = int32(len(a.dict))
			a.dict[w] = id
		}
		toks[k] = id
	}
	sort.Slice(toks, func(x, y int) bool { return toks[x] < toks[y] })
	return toks
}

// shared counts the words two sorted multisets have in common.
func shared(x, y []int32) int {
	n, i, j := 0, 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] == y[j]:
			n++
			i++
			j++
		case x[i] < y[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// union merges two sorted multisets.
func union(x, y []int32) []int32 {
	out := make([]int32, 0, len(x)+len(y))
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		if x[i] <= y[j] {
			out = append(out, x[i])
			i++
		} else {
			out = append(out, y[j])
			j++
		}
	}
	out = append(out, x[i:]...)
	return append(out, y[j:]...)
}

func diceOf(x, y []int32) float64 {
	if len(x)+len(y) == 0 {
		return 0
	}
	return 2 * float64(shared(x, y)) / float64(len(x)+len(y))
}

// gaps returns, for each old item, the new items between the partners of
// its nearest paired neighbours: (lo, hi) exclusive. lo >= hi when the
// neighbours were reordered.
func (a *aligner) gaps() (lo, hi []int) {
	n := len(a.oldItems)
	lo, hi = make([]int, n), make([]int, n)
	prev := -1
	for i := 0; i < n; i++ {
		lo[i] = prev
		if p := a.oldPair[i]; p >= 0 {
			prev = maxOf(a.pairs[p].new)
		}
	}
	next := len(a.newItems)
	for i := n - 1; i >= 0; i-- {
		hi[i] = next
		if p := a.oldPair[i]; p >= 0 {
			next = minOf(a.pairs[p].new)
		}
	}
	return lo, hi
}

func maxOf(s []int) int {
	m := s[0]
	for _, v := range s[1:] {
		m = max(m, v)
	}
	return m
}

func minOf(s []int) int {
	m := s[0]
	for _, v := range s[1:] {
		m = min(m, v)
	}
	return m
}

// alignSimilar pairs the quotes left over by their words: rewordings,
// splits and merges. Candidates come from shared uncommon words anywhere
// in the article, and from the quotes standing between the same unchanged
// neighbours.
func (a *aligner) alignSimilar() {
	var restOld, restNew []int
	for i := range a.oldItems {
		if a.oldPair[i] < 0 && len(a.tokens(&a.oldItems[i])) > 0 {
			restOld = append(restOld, i)
		}
	}
	if len(restOld) == 0 {
		return
	}
	postings := map[int32][]int{}
	for j := range a.newItems {
		if a.newPair[j] >= 0 {
			continue
		}
		toks := a.tokens(&a.newItems[j])
		if len(toks) == 0 {
			continue
		}
		restNew = append(restNew, j)
		for k, t := range toks {
			if k > 0 && toks[k-1] == t {
				continue
			}
			postings[t] = append(postings[t], j)
		}
	}
	if len(restNew) == 0 {
		return
	}
	lo, hi := a.gaps()
	var cands []candidate
	seen := map[int]bool{}
	for _, i := range restOld {
		ti := a.tokens(&a.oldItems[i])
		clear(seen)
		var found []int
		for k, t := range ti {
			if k > 0 && ti[k-1] == t {
				continue
			}
			if p := postings[t]; len(p) <= maxPosting {
				for _, j := range p {
					if !seen[j] {
						seen[j] = true
						found = append(found, j)
					}
				}
			}
		}
		taken := 0
		for j := lo[i] + 1; j < hi[i] && taken < maxGap; j++ {
			if a.newPair[j] >= 0 || len(a.tokens(&a.newItems[j])) == 0 {
				continue
			}
			taken++
			if !seen[j] {
				seen[j] = true
				found = append(found, j)
			}
		}
		sort.Ints(found)
		for _, j := range found {
			inGap := lo[i] < j && j < hi[i]
			wi, wj := a.pairTokens(&a.oldItems[i], &a.newItems[j])
			s := shared(wi, wj)
			if s == 0 {
				continue
			}
			d := 2 * float64(s) / float64(len(wi)+len(wj))
			if d >= minDice || inGap && d >= minDiceInGap {
				cands = append(cands, candidate{group: group{old: []int{i}, new: []int{j}}, score: a.rank(d, i, j, inGap)})
			}
			if float64(s) >= minPartContained*float64(len(wj)) {
				if g, d, ok := a.split(i, j, false); ok {
					cands = append(cands, candidate{group: g, score: a.rank(d, i, j, inGap)})
				}
			}
			if float64(s) >= minPartContained*float64(len(wi)) {
				if g, d, ok := a.split(j, i, true); ok {
					cands = append(cands, candidate{group: g, score: a.rank(d, i, j, inGap)})
				}
			}
		}
	}
	a.greedy(cands)
}

func (a *aligner) rank(d float64, i, j int, inGap bool) float64 {
	s := d + a.bonus(i, j)
	if inGap {
		s += gapBonus
	}
	return s
}

// split tries whole quote w (old, or new when merged) against the run of
// parts starting at first on the other side: consecutive unpaired quotes
// in the same or the next paragraph, with compatible speakers, each mostly
// made of the whole quote's words. It returns the longest run that fits
// the whole quote clearly better than any one part.
func (a *aligner) split(w, first int, merged bool) (group, float64, bool) {
	wholeItems, partItems, partPair := a.oldItems, a.newItems, a.newPair
	if merged {
		wholeItems, partItems, partPair = a.newItems, a.oldItems, a.oldPair
	}
	tw, acc := a.pairTokens(&wholeItems[w], &partItems[first])
	useAll := wholeItems[w].stopOnly || partItems[first].stopOnly
	parts := []int{first}
	best := diceOf(tw, acc)
	var out []int
	outDice := 0.0
	for next := first + 1; next < len(partItems) && len(parts) < maxParts; next++ {
		prev := &partItems[parts[len(parts)-1]]
		it := &partItems[next]
		if partPair[next] >= 0 || it.para-prev.para > 1 || it.quotation != prev.quotation {
			break
		}
		if it.quotation && prev.q.Speaker != nil && it.q.Speaker != nil && !SameSpeaker(prev.q.Speaker, it.q.Speaker) {
			break
		}
		tn := a.tokens(it)
		if useAll {
			tn = it.all
		} else if it.stopOnly {
			break
		}
		s := shared(tw, tn)
		if len(tn) == 0 || float64(s) < minPartContained*float64(len(tn)) {
			break
		}
		best = max(best, diceOf(tw, tn))
		parts = append(parts, next)
		acc = union(acc, tn)
		d := diceOf(tw, acc)
		if d >= minDice && d >= best+groupGain {
			out = append([]int(nil), parts...)
			outDice = d
		}
	}
	if out == nil {
		return group{}, 0, false
	}
	if merged {
		return group{old: out, new: []int{w}}, outDice, true
	}
	return group{old: []int{w}, new: out}, outDice, true
}

// removedKey places a removed old quote among the new quotes: just after
// the partner of the nearest paired quote before it.
func (a *aligner) removedKey(i int) float64 {
	for k := i - 1; k >= 0; k-- {
		if p := a.oldPair[k]; p >= 0 {
			return float64(maxOf(a.pairs[p].new)) + 0.5
		}
	}
	return -0.5
}
