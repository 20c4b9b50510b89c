// Package verify checks the quotations of a story against the record:
// interview transcripts, captions, statements, earlier stories. Each
// source is read once (keeping byte spans), normalised and indexed once;
// each quotation is then looked up in the index and aligned word by word
// with the passages it points to, so the cost grows with the length of
// the sources plus the quotations, not their product. The result per
// quotation is a Verification: a verdict, the source passage, the
// differences classed as cosmetic or meaning-bearing, and a word diff.
package verify

import (
	"context"
	"strings"
	"sync/atomic"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/versions"
)

// Verdict is what the record says about one quotation.
type Verdict string

// The verdicts of the report contract.
const (
	// Verbatim: the same words after normalisation (a marked cut or a
	// bracketed insertion keeps a quotation verbatim).
	Verbatim Verdict = "verbatim"
	// Altered: found, with differences; see Change.
	Altered Verdict = "altered"
	// Stitched: pieces from far-apart places, or out of order.
	Stitched Verdict = "stitched"
	// NotFound: no passage above the match threshold.
	NotFound Verdict = "not-found"
)

// The kinds of Change. The first six change the meaning.
const (
	KindNegation    = "negation"
	KindNumber      = "number"
	KindName        = "name"
	KindQuantifier  = "quantifier"
	KindAntonym     = "antonym"
	KindWord        = "word"
	KindFiller      = "filler"
	KindPunctuation = "punctuation"
	KindContraction = "contraction"
)

// Change is one difference between the source passage (Old) and the
// quotation as printed (New).
type Change struct {
	Kind    string `json:"kind"`
	Meaning bool   `json:"meaning"`
	Old     string `json:"old"`
	New     string `json:"new"`
}

// Piece is where one part of a quotation (between cuts, or a sentence of
// a stitched one) stands in a source.
type Piece struct {
	Source    *Source
	Span      article.Span
	Timestamp string
	Label     string
}

// Verification is the record's answer for one quotation.
type Verification struct {
	// Quote is the quotation's id in the story.
	Quote   string
	Verdict Verdict
	// Source and Span locate the passage (from its first to its last
	// word; for a stitched quotation, the first piece); Source is nil
	// when not found.
	Source *Source
	Span   article.Span
	// Timestamp is the caption time of the passage's first word, if any.
	Timestamp string
	// SpeakerLabel is the transcript's label for the passage, and
	// SpeakerMatch whether it names the story's speaker (nil: unknown).
	SpeakerLabel string
	SpeakerMatch *bool
	// Pieces lists each part's place when there are several.
	Pieces []Piece
	// Distance is, for a stitched quotation, the most source words
	// between two consecutive pieces; OutOfOrder says the pieces run
	// backwards in the source.
	Distance   int
	OutOfOrder bool
	// Score is the share of the quotation's words found in the passage.
	Score   float64
	Changes []Change
	// Diff is the word diff from the passage to the quotation.
	Diff []versions.DiffOp
}

// Meaningful reports whether any change is meaning-bearing.
func (v *Verification) Meaningful() bool {
	for _, c := range v.Changes {
		if c.Meaning {
			return true
		}
	}
	return false
}

// Cosmetic counts the cosmetic changes.
func (v *Verification) Cosmetic() int {
	n := 0
	for _, c := range v.Changes {
		if !c.Meaning {
			n++
		}
	}
	return n
}

// Set is the record one story is checked against.
type Set struct {
	Sources []*Source
	// Partial says the sources are known not to hold every quotation
	// (notes of a phone call are missing, say): not-found is then only
	// informative.
	Partial bool
	work    atomic.Int64
}

// NewSet gathers sources and counts the work of indexing them.
func NewSet(sources ...*Source) *Set {
	s := &Set{Sources: sources}
	for _, src := range sources {
		s.work.Add(int64(len(src.words)))
	}
	return s
}

// Work counts the elementary steps taken so far (words indexed, places
// looked up, alignment cells): a deterministic measure of cost.
func (set *Set) Work() int64 { return set.work.Load() }

const (
	// foundScore is the share of a quotation's words that must be found.
	foundScore = 0.6
	// pieceFound is the share for one piece to count as found.
	pieceFound = 0.5
	// goodPiece is the share above which a piece is not split further.
	goodPiece = 0.85
	// maxCut is the most source words an ellipsis may stand for before
	// the pieces count as far apart.
	maxCut = 60
	// maxSilentGap is the most words left out between two sentences of
	// a quotation with no ellipsis before they count as stitched.
	maxSilentGap = 3
	// maxSilentCut is the longest run of words a quotation may leave out
	// silently inside one piece before it counts as stitched.
	maxSilentCut = 8
)

// Document checks every quotation of an extracted story. It stops once ctx
// is done and returns ctx's error.
func (set *Set) Document(ctx context.Context, doc *article.Document) ([]Verification, error) {
	var out []Verification
	for _, q := range doc.Quotations() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out = append(out, set.Quote(doc, q))
	}
	return out, nil
}

// part is one piece of a quotation with its best alignment.
type part struct {
	toks   []token
	silent bool // joined to the previous part with no ellipsis
	align  *alignment
}

// Quote checks one quotation.
func (set *Set) Quote(doc *article.Document, q *article.Quote) Verification {
	v := Verification{Quote: q.ID, Verdict: NotFound}
	var work int64
	defer func() { set.work.Add(work) }()
	toks := tokenize(nil, doc.Text, q.Span.Start, q.Span.End, quoteMode)
	names := speakerNames(doc, q)
	var parts []part
	for _, piece := range splitAt(toks, func(t token) bool { return t.ellipsisBefore }) {
		a := set.best(piece, names, &work)
		if a.score() < goodPiece {
			if sub := set.splitSentences(piece, names, a, &work); sub != nil {
				parts = append(parts, sub...)
				continue
			}
		}
		parts = append(parts, part{toks: piece, align: a})
	}
	if len(parts) == 0 {
		return v
	}
	matched, words := 0, 0
	for _, p := range parts {
		if p.align != nil {
			words += p.align.words
			if p.align.score() >= pieceFound {
				matched += p.align.matched
			}
		} else {
			words += len(p.toks)
		}
	}
	v.Score = float64(matched) / float64(max(words, 1))
	if v.Score < foundScore {
		return v
	}
	set.judge(&v, doc, q, parts, names)
	return v
}

// best aligns a piece in every source and keeps the best alignment,
// preferring, between equals, a passage whose label names the speaker.
func (set *Set) best(piece []token, names speakerRef, work *int64) *alignment {
	var best *alignment
	for _, s := range set.Sources {
		if len(s.index.content) == 0 {
			continue
		}
		qid := make([]int32, len(piece))
		for i, t := range piece {
			qid[i] = -1
			if !t.wildcard {
				qid[i] = s.index.id(t.norm)
			}
		}
		for _, c := range s.index.candidates(piece, qid, work) {
			a := align(s, piece, qid, c, work)
			if a.first < 0 {
				continue
			}
			if a.better(best) || !best.better(a) && names.prefers(a, best) {
				best = a
			}
		}
	}
	return best
}

// splitSentences aligns the sentences of a piece one by one when that
// finds clearly more of it than the whole piece did: a quotation joined
// from sentences said in different places. It returns nil otherwise.
func (set *Set) splitSentences(piece []token, names speakerRef, whole *alignment, work *int64) []part {
	sentences := splitAt(piece, func(t token) bool { return t.sentenceBefore })
	if len(sentences) < 2 {
		return nil
	}
	var out []part
	matched := 0
	for i, s := range sentences {
		a := set.best(s, names, work)
		if a.score() < goodPiece-0.05 {
			return nil
		}
		matched += a.matched
		out = append(out, part{toks: s, silent: i > 0, align: a})
	}
	if whole != nil && matched <= whole.matched+1 {
		return nil
	}
	return out
}

// splitAt cuts tokens before each token for which cut holds; empty runs
// are dropped.
func splitAt(toks []token, cut func(token) bool) [][]token {
	var out [][]token
	start := 0
	for i := range toks {
		if i > start && cut(toks[i]) {
			out = append(out, toks[start:i])
			start = i
		}
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}

// judge fills in the verdict, passage, changes and diff of a quotation
// that was found.
func (set *Set) judge(v *Verification, doc *article.Document, q *article.Quote, parts []part, names speakerRef) {
	var found []*part
	for i := range parts {
		p := &parts[i]
		if p.align != nil && p.align.score() >= pieceFound {
			found = append(found, p)
		} else {
			v.Changes = append(v.Changes, Change{Kind: KindWord, Meaning: true, New: rawText(doc.Text, p.toks)})
		}
	}
	first := found[0].align
	v.Source = first.src
	stitched := false
	for k, p := range found {
		a := p.align
		changes, silentCut := classify(doc.Text, p.toks, a)
		v.Changes = append(v.Changes, changes...)
		if silentCut > 0 {
			stitched = true
			v.Distance = max(v.Distance, silentCut)
		}
		piece := Piece{Source: a.src, Span: a.src.span(a.first, a.last), Timestamp: a.src.timestamp(a.first), Label: a.src.label(a.first)}
		v.Pieces = append(v.Pieces, piece)
		if k == 0 {
			continue
		}
		prev := found[k-1].align
		switch {
		case prev.src != a.src:
			stitched = true
			v.Distance = -1
		case a.first <= prev.last:
			stitched, v.OutOfOrder = true, true
			v.Distance = max(v.Distance, a.src.gap(a.last, prev.first))
		default:
			gap := a.src.gap(prev.last, a.first)
			limit := maxCut
			if p.silent {
				limit = maxSilentGap
			}
			if gap > limit || a.src.otherSpeakerBetween(prev.last, a.first) {
				stitched = true
				v.Distance = max(v.Distance, gap)
			} else if c, ok := a.src.cutNegation(prev.last, a.first, p.silent); ok {
				v.Changes = append(v.Changes, c)
			}
		}
	}
	last := found[len(found)-1].align
	if stitched {
		v.Verdict = Stitched
		v.Span = v.Pieces[0].Span
	} else {
		v.Span = first.src.span(first.first, last.last)
		if len(v.Pieces) == 1 {
			v.Pieces = nil
		}
		if len(v.Changes) > 0 {
			v.Verdict = Altered
		} else {
			v.Verdict = Verbatim
		}
	}
	v.Timestamp = first.src.timestamp(first.first)
	v.SpeakerLabel = first.src.label(first.first)
	for _, p := range found {
		m := names.match(p.align.src.label(p.align.first))
		if m != nil && (v.SpeakerMatch == nil || !*m) {
			v.SpeakerMatch = m
		}
	}
	v.Diff = diff(passageText(v, found), strings.TrimRight(doc.Text[q.Span.Start:q.Span.End], " ,"))
}

// passageText is the source side of the diff: the passage's words with
// the text between them on one line kept and line breaks (caption
// timings, labels) made spaces; stitched pieces are joined by " … ".
func passageText(v *Verification, found []*part) string {
	if v.Verdict != Stitched {
		a := found[0].align
		return a.src.passage(a.first, found[len(found)-1].align.last)
	}
	var b []string
	for _, p := range found {
		b = append(b, p.align.src.passage(p.align.first, p.align.last))
	}
	return strings.Join(b, " … ")
}

var diffFold = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201C", `"`, "\u201D", `"`)

// diff is the word diff from passage to quotation, blind to case,
// typographic marks and punctuation, which normalisation ignores too.
func diff(old, new string) []versions.DiffOp {
	return versions.WordDiffFolded(old, new, func(tok string) string {
		tok = strings.ToLower(diffFold.Replace(tok))
		if strings.TrimSpace(tok) == "" {
			return " "
		}
		if r := []rune(tok); len(r) == 1 && !isWordRune(r[0]) {
			return "."
		}
		return tok
	})
}
