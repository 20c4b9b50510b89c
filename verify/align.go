package verify

import "sort"

// opKind is one step of an alignment between quotation and source words.
type opKind uint8

const (
	opMatch  opKind = iota // same word
	opSub                  // a quotation word in place of a source word
	opInsert               // a quotation word the source lacks
	opDelete               // a source word the quotation leaves out
	opWild                 // a source word covered by a bracketed insertion
	opBlank                // a bracketed insertion that covers nothing
)

// alignOp pairs a quotation word (q, or -1) with a source word (s, or -1).
type alignOp struct {
	kind opKind
	q, s int
}

// alignment is where one piece of a quotation stands in one source.
type alignment struct {
	src            *Source
	ops            []alignOp
	first, last    int // source words covered, inclusive
	matched, words int // quotation words matched, and those that count
	cost           float32
}

func (a *alignment) score() float64 {
	if a == nil || a.words == 0 {
		return 0
	}
	return float64(a.matched) / float64(a.words)
}

// better orders alignments: more words matched, then less cost.
func (a *alignment) better(b *alignment) bool {
	if b == nil {
		return a != nil
	}
	if a.matched != b.matched {
		return a.matched > b.matched
	}
	return a.cost < b.cost
}

const (
	// maxCandidates is how many places a piece is aligned at in detail.
	maxCandidates = 3
	// bucketWidth groups seeds whose diagonals are this close.
	bucketWidth = 4
	// maxWildcard is the most source words a bracketed insertion covers.
	maxWildcard = 6
	// cheapSkip is the cost of leaving out a hesitation or an interjection.
	cheapSkip = 0.1
	// discourseSkip is the cost of leaving out a word of a discourse
	// filler ("you know", "like").
	discourseSkip = 0.5
	// addCost is the cost of a quotation word the passage lacks, and of a
	// word put for another: twice a left-out word, since a story may cut
	// what was said but not add to it.
	addCost = 3.5
)

// candidates returns the content positions where piece q (with ids qid)
// most likely starts, best first. Each looked-up pair or word adds a vote
// for the diagonal it puts the piece on.
func (ix *index) candidates(q []token, qid []int32, work *int64) []int {
	votes := map[int]int{}
	vote := func(list []int32, offset int) bool {
		if len(list) == 0 || len(list) > maxPostings {
			return false
		}
		for _, c := range list {
			votes[(int(c)-offset)/bucketWidth]++
		}
		*work += int64(len(list))
		return true
	}
	seeded := false
	prev, prevAt := int32(-1), -1
	offset := 0
	for j := range q {
		if q[j].wildcard || q[j].filler {
			continue
		}
		if qid[j] >= 0 && prev >= 0 && prevAt == offset-1 {
			seeded = vote(ix.pairs[pairKey(prev, qid[j])], prevAt) || seeded
		}
		prev, prevAt = qid[j], offset
		offset++
	}
	if !seeded {
		offset = 0
		for j := range q {
			if q[j].wildcard || q[j].filler {
				continue
			}
			if qid[j] >= 0 {
				vote(ix.singles[qid[j]], offset)
			}
			offset++
		}
	}
	type cand struct{ bucket, votes int }
	list := make([]cand, 0, len(votes))
	for b, v := range votes {
		list = append(list, cand{b, v})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].votes != list[j].votes {
			return list[i].votes > list[j].votes
		}
		return list[i].bucket < list[j].bucket
	})
	var out []int
	for _, c := range list {
		if len(out) == maxCandidates {
			break
		}
		// skip a bucket next to one already taken: the same place
		near := false
		for _, o := range out {
			if abs(o/bucketWidth-c.bucket) <= 1 {
				near = true
			}
		}
		if !near {
			out = append(out, max(0, c.bucket*bucketWidth))
		}
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// align places piece q in source s near content position c: a banded
// edit distance that is global over the piece and local over the source
// window, so that the passage may start and end anywhere in it.
// Hesitations and interjections cost little to skip; a bracketed
// insertion covers up to maxWildcard source words for free.
func align(s *Source, q []token, qid []int32, c int, work *int64) *alignment {
	ix := s.index
	m := len(q)
	slack := 8 + m/2
	lo := ix.content[max(0, c-slack)]
	hi := ix.content[min(len(ix.content)-1, c+2*m+slack)] + 1
	n := int(hi - lo)
	*work += int64((m + 1) * (n + 1))
	cols := n + 1
	cost := make([]float32, (m+1)*cols)
	from := make([]uint8, (m+1)*cols) // the op that reached each cell
	skip := make([]float32, n)
	for j := 0; j < n; j++ {
		skip[j] = 1
		w := int(lo) + j
		switch {
		case s.words[w].filler || s.turnOf[w] >= 0 && s.Turns[s.turnOf[w]].Interjection:
			skip[j] = cheapSkip
		case s.words[w].discourse:
			skip[j] = discourseSkip
		}
	}
	const fromWild = 8 // from values above this are wildcard spans: 8+k
	for i := 1; i <= m; i++ {
		row, up := i*cols, (i-1)*cols
		if q[i-1].wildcard {
			cost[row], from[row] = cost[up], uint8(opBlank)
			for j := 1; j <= n; j++ {
				best, how := cost[up+j], uint8(opBlank)
				for k := 1; k <= maxWildcard && k <= j; k++ {
					if v := cost[up+j-k] + 0.01*float32(k); v < best {
						best, how = v, uint8(fromWild+k)
					}
				}
				cost[row+j], from[row+j] = best, how
			}
			continue
		}
		cost[row], from[row] = cost[up]+addCost, uint8(opInsert)
		for j := 1; j <= n; j++ {
			w := int(lo) + j - 1
			diag := cost[up+j-1] + addCost
			how := uint8(opSub)
			if qid[i-1] >= 0 && ix.wordID[w] == qid[i-1] {
				diag, how = cost[up+j-1], uint8(opMatch)
			}
			if v := cost[up+j] + addCost; v < diag {
				diag, how = v, uint8(opInsert)
			}
			if v := cost[row+j-1] + skip[j-1]; v < diag {
				diag, how = v, uint8(opDelete)
			}
			cost[row+j], from[row+j] = diag, how
		}
	}
	// free end: the cheapest last column, earliest on ties, except that a
	// last word put for another beats the same word added after the
	// passage ("within a month" for "within a week" changes "week")
	endJ := 0
	for j := 1; j <= n; j++ {
		c, best := cost[m*cols+j], cost[m*cols+endJ]
		if c < best || c == best && from[m*cols+endJ] == uint8(opInsert) && from[m*cols+j] == uint8(opSub) {
			endJ = j
		}
	}
	a := &alignment{src: s, cost: cost[m*cols+endJ], first: -1, last: -1}
	var ops []alignOp
	for i, j := m, endJ; i > 0; {
		how := from[i*cols+j]
		w := int(lo) + j - 1
		switch {
		case how >= fromWild:
			k := int(how - fromWild)
			for x := 0; x < k; x++ {
				ops = append(ops, alignOp{kind: opWild, q: i - 1, s: w - x})
			}
			i, j = i-1, j-k
		case how == uint8(opBlank):
			ops = append(ops, alignOp{kind: opBlank, q: i - 1, s: -1})
			i--
		case how == uint8(opMatch) || how == uint8(opSub):
			ops = append(ops, alignOp{kind: opKind(how), q: i - 1, s: w})
			i, j = i-1, j-1
		case how == uint8(opInsert):
			ops = append(ops, alignOp{kind: opInsert, q: i - 1, s: -1})
			i--
		default: // delete
			ops = append(ops, alignOp{kind: opDelete, q: -1, s: w})
			j--
		}
	}
	// leading source words the passage skipped are not part of it
	for len(ops) > 0 && ops[len(ops)-1].kind == opDelete {
		ops = ops[:len(ops)-1]
	}
	for l, r := 0, len(ops)-1; l < r; l, r = l+1, r-1 {
		ops[l], ops[r] = ops[r], ops[l]
	}
	for _, op := range ops {
		if op.s >= 0 && op.kind != opWild {
			if a.first < 0 {
				a.first = op.s
			}
			a.last = op.s
		}
		if op.kind == opMatch {
			a.matched++
		}
	}
	for _, t := range q {
		if !t.wildcard {
			a.words++
		}
	}
	a.ops = ops
	return a
}
