package versions

import (
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"We won't stop.", []string{"We", " ", "won't", " ", "stop", "."}},
		{"council’s  plan—now", []string{"council’s", "  ", "plan", "—", "now"}},
		{"'90s", []string{"'", "90s"}},
		{"box-ticking", []string{"box", "-", "ticking"}},
		{"Bayón: ça va", []string{"Bayón", ":", " ", "ça", " ", "va"}},
		{"bad\xffbyte", []string{"bad", "\xff", "byte"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for _, tok := range tokenize(tt.in) {
				got = append(got, tok.text)
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.in, strings.Join(got, ""), "tokens must join back to the input")
		})
	}
}

func TestTokenRune(t *testing.T) {
	seen := map[rune]bool{}
	// Cover the switch from one range to the next.
	for _, n := range []int{0, 1, 6399, 6400, 6401, 6400 + 65533, 6400 + 65534, 6400 + 65534 + 55039, 6400 + 65534 + 55040} {
		r := tokenRune(n)
		assert.True(t, utf8.ValidRune(r), "tokenRune(%d) = %U is not a valid rune", n, r)
		assert.False(t, r >= 0xD800 && r <= 0xDFFF, "tokenRune(%d) = %U is a surrogate", n, r)
		assert.False(t, seen[r], "tokenRune(%d) = %U reused", n, r)
		seen[r] = true
	}
	for n := 0; n < 200000; n++ {
		r := tokenRune(n)
		require.True(t, utf8.ValidRune(r), "tokenRune(%d) = %U", n, r)
	}
}

func TestKeys(t *testing.T) {
	tests := []struct {
		a, b               string
		sameExact, sameLse bool
	}{
		{"We are ready,", "We are ready.", true, true},
		{"We are  ready", "We are\nready", true, true},
		{"We're ready", "We’re ready", false, true},
		{"the storms", "The storms", false, true},
		{"not yet -- not", "not yet — not", false, true},
		{"We are ready", "We were ready", false, false},
		{"Stop it!", "Stop it.", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.a+"|"+tt.b, func(t *testing.T) {
			assert.Equal(t, tt.sameExact, exactKey(tt.a) == exactKey(tt.b), "exact")
			assert.Equal(t, tt.sameLse, looseKey(tt.a) == looseKey(tt.b), "loose")
		})
	}
}

func TestSameSpeaker(t *testing.T) {
	p := func(name string) *article.Speaker { return &article.Speaker{Name: name, Type: article.Person} }
	o := func(name string) *article.Speaker { return &article.Speaker{Name: name, Type: article.Organization} }
	an := func(name string) *article.Speaker { return &article.Speaker{Name: name, Type: article.Anonymous} }
	tests := []struct {
		name string
		a, b *article.Speaker
		want bool
	}{
		{"both none", nil, nil, true},
		{"speaker dropped", p("Ada Marsh"), nil, false},
		{"speaker gained", nil, p("Ada Marsh"), false},
		{"same name", p("Ada Marsh"), p("Ada Marsh"), true},
		{"honorific", p("Ms Marsh"), p("Marsh"), true},
		{"surname only", p("Marsh"), p("Ada Marsh"), true},
		{"initial", p("A. Marsh"), p("Ada Marsh"), true},
		{"other person", p("Ada Marsh"), p("Teodor Lisk"), false},
		{"same surname, other given name", p("Ada Marsh"), p("Tom Marsh"), false},
		{"person to anonymous", p("Ada Marsh"), an("a council official"), false},
		{"article dropped", o("the Bank of Valdoria"), o("Bank of Valdoria"), true},
		{"shorter description", an("a senior official in the finance ministry"), an("the official"), true},
		{"other organisation", o("the harbour board"), o("the county council"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, SameSpeaker(tt.a, tt.b))
		})
	}
}

func TestDiffUnitsManyDistinct(t *testing.T) {
	// More distinct units than the first private use area holds, so that
	// the runes come from the next ranges too, and bytes that are not
	// UTF-8: the texts must still come back exactly, the same every time.
	var ua, ub []string
	for i := 0; i < 9000; i++ {
		u := strings.Repeat("x", i%7) + string(rune('a'+i%26)) + strings.Repeat("y", i/26)
		ua = append(ua, u)
		if i%97 == 0 {
			ub = append(ub, "changed"+u)
		} else {
			ub = append(ub, u)
		}
	}
	ua = append(ua, "\xff")
	ub = append(ub, "\xfe")
	ops := diffUnits(ua, ub)
	o, n := DiffTexts(ops)
	assert.Equal(t, strings.Join(ua, ""), o)
	assert.Equal(t, strings.Join(ub, ""), n)
	assert.Equal(t, ops, diffUnits(ua, ub))
}

func TestExactKeyOfPlainQuoteIsNotCopied(t *testing.T) {
	in := "We will keep the school open, whatever it costs."
	assert.Equal(t, "We will keep the school open, whatever it costs", exactKey(in))
	assert.Equal(t, "a b", exactKey(" a\n b ,"))
	assert.Equal(t, 0.0, testing.AllocsPerRun(10, func() { _ = exactKey(in) }))
}

// greedy sorts candidate indexes; it must accept the pairs the sort of
// the candidates themselves (sort.SliceStable with the old less) accepted,
// ties included.
func TestGreedyAcceptsWhatTheStableSortAccepted(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 500; round++ {
		n, sides := 1+rng.IntN(40), 1+rng.IntN(8)
		cands := make([]candidate, n)
		for i := range cands {
			g := group{old: []int{rng.IntN(sides)}, new: []int{rng.IntN(sides)}}
			if rng.IntN(4) == 0 {
				g.old = append(g.old, rng.IntN(sides))
			}
			if rng.IntN(4) == 0 {
				g.new = append(g.new, rng.IntN(sides))
			}
			cands[i] = candidate{group: g, score: float64(rng.IntN(3)) / 2}
		}
		fresh := func() *aligner {
			a := &aligner{oldPair: make([]int, sides), newPair: make([]int, sides)}
			for i := range a.oldPair {
				a.oldPair[i], a.newPair[i] = -1, -1
			}
			return a
		}
		want := fresh()
		ref := slices.Clone(cands)
		sort.SliceStable(ref, func(x, y int) bool {
			cx, cy := &ref[x], &ref[y]
			if cx.score != cy.score {
				return cx.score > cy.score
			}
			if cx.old[0] != cy.old[0] {
				return cx.old[0] < cy.old[0]
			}
			if cx.new[0] != cy.new[0] {
				return cx.new[0] < cy.new[0]
			}
			return len(cx.old)+len(cx.new) < len(cy.old)+len(cy.new)
		})
		for _, c := range ref {
			if want.free(c.group) {
				want.accept(c.group)
			}
		}
		got := fresh()
		got.greedy(cands)
		require.Equal(t, want.pairs, got.pairs, "round %d", round)
	}
}
