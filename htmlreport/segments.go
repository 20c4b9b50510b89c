package htmlreport

import (
	"sort"

	"github.com/quotecheck/quotecheck/article"
)

// segKind is what a piece of the story is marked as.
type segKind int

// Kinds in nesting priority: when two intervals cover the same bytes, the
// one listed first is the outer element.
const (
	segText segKind = iota
	segQuote
	segTerm
	segMention
	segCue
	segFlag
)

// interval is a marked range of the story text, before nesting.
type interval struct {
	start, end int
	kind       segKind
	quote      *QuoteView
	// refs are the quote ids a mention or cue belongs to.
	refs []string
	// flags are the finding ids a flag points to.
	flags []string
	// reason is a term's reason.
	reason string
}

// Seg is one piece of a paragraph as the template renders it: plain text,
// or a marked element holding further pieces. Text is never HTML: the
// template escapes it.
type Seg struct {
	Text     string
	Kind     string
	Quote    *QuoteView
	Refs     string
	Flags    string
	Reason   string
	Children []Seg
}

// IsText reports whether the piece is plain text.
func (s Seg) IsText() bool { return s.Kind == "" }

func (k segKind) String() string {
	switch k {
	case segQuote:
		return "quote"
	case segTerm:
		return "term"
	case segMention:
		return "mention"
	case segCue:
		return "cue"
	case segFlag:
		return "flag"
	}
	return ""
}

// segment cuts text[span] into nested pieces. It walks the text once, in
// order, taking slices between the interval boundaries: it never searches
// the text for a quote's words, so a quotation that appears twice is
// marked where it was found. Intervals are clipped to the span; one that
// overlaps the end of an enclosing interval without nesting in it is cut
// at that end, so the output is always well nested and every byte of the
// span appears exactly once.
func segment(text string, span article.Span, ivs []interval) []Seg {
	if span.Start < 0 {
		span.Start = 0
	}
	if span.End > len(text) {
		span.End = len(text)
	}
	if span.Empty() {
		return nil
	}
	var clipped []interval
	for _, iv := range ivs {
		iv.start = max(iv.start, span.Start)
		iv.end = min(iv.end, span.End)
		if iv.end > iv.start {
			clipped = append(clipped, iv)
		}
	}
	sort.SliceStable(clipped, func(i, j int) bool {
		a, b := &clipped[i], &clipped[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end > b.end
		}
		return a.kind < b.kind
	})

	type frame struct {
		seg Seg
		end int
	}
	stack := []frame{{end: span.End}}
	pos := span.Start
	emit := func(to int) {
		if to > pos {
			top := &stack[len(stack)-1]
			top.seg.Children = append(top.seg.Children, Seg{Text: safeSlice(text, pos, to)})
			pos = to
		}
	}
	pop := func() {
		emit(stack[len(stack)-1].end)
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		parent := &stack[len(stack)-1]
		parent.seg.Children = append(parent.seg.Children, top.seg)
	}
	for _, iv := range clipped {
		for len(stack) > 1 && stack[len(stack)-1].end <= iv.start {
			pop()
		}
		emit(iv.start)
		end := min(iv.end, stack[len(stack)-1].end)
		if end <= iv.start {
			continue
		}
		s := Seg{Kind: iv.kind.String(), Quote: iv.quote, Reason: iv.reason}
		s.Refs = joinIDs(iv.refs)
		s.Flags = joinIDs(iv.flags)
		stack = append(stack, frame{seg: s, end: end})
	}
	for len(stack) > 1 {
		pop()
	}
	emit(span.End)
	return stack[0].seg.Children
}

// safeSlice slices text, keeping a cut inside a UTF-8 sequence (a span
// from a buggy extractor) from panicking; bytes are still never lost.
func safeSlice(text string, from, to int) string {
	if from < 0 {
		from = 0
	}
	if to > len(text) {
		to = len(text)
	}
	if from >= to {
		return ""
	}
	return text[from:to]
}

func joinIDs(ids []string) string {
	out := ""
	for i, id := range ids {
		if i > 0 {
			out += " "
		}
		out += id
	}
	return out
}
