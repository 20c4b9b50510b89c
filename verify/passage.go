package verify

import (
	"sort"
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

// span covers source words first..last.
func (s *Source) span(first, last int) article.Span {
	return article.Span{Start: s.words[first].span.Start, End: s.words[last].span.End}
}

// timestamp is the caption time of word w, or "".
func (s *Source) timestamp(w int) string {
	if c := s.cueOf[w]; c >= 0 {
		return s.Cues[c].Start
	}
	return ""
}

// label is the speaker label of word w's turn, or "".
func (s *Source) label(w int) string {
	if t := s.turnOf[w]; t >= 0 {
		return s.Turns[t].Label
	}
	return ""
}

// contentBefore counts the words before w that are not hesitations.
func (s *Source) contentBefore(w int) int {
	return sort.Search(len(s.index.content), func(i int) bool { return int(s.index.content[i]) >= w })
}

// gap counts the words strictly between a and b (a < b), hesitations left
// out, by binary search on the index: no walk over the words.
func (s *Source) gap(a, b int) int {
	return max(0, s.contentBefore(b)-s.contentBefore(a+1))
}

// otherSpeakerBetween reports whether a turn of another speaker, longer
// than an interjection, stands between words a and b. Callers bound the
// distance first.
func (s *Source) otherSpeakerBetween(a, b int) bool {
	ta, tb := s.turnOf[a], s.turnOf[b]
	if ta < 0 || tb < 0 || ta == tb {
		return false
	}
	for t := ta + 1; t <= tb; t++ {
		if s.Turns[t].Label != s.Turns[ta].Label && !s.Turns[t].Interjection {
			return true
		}
	}
	return false
}

// cutNegation reports a negation left out at a cut between words a and b
// ("we will not sign" printed "we will … sign"): one of the two words on
// either side of the cut negates.
func (s *Source) cutNegation(a, b int, silent bool) (Change, bool) {
	var inner []int
	for w := a + 1; w < b; w++ {
		if !s.words[w].filler {
			inner = append(inner, w)
		}
	}
	for k, w := range inner {
		if (k < 2 || k >= len(inner)-2) && lex.negations[s.words[w].norm] {
			c := Change{Kind: KindNegation, Meaning: true, Old: s.passage(inner[0], inner[len(inner)-1]), New: "…"}
			if silent {
				c.New = ""
			}
			return c, true
		}
	}
	return Change{}, false
}

// passage is the text of words first..last as said: the text between two
// words on one line is kept, a line break (caption timing, speaker label)
// becomes a space.
func (s *Source) passage(first, last int) string {
	text := s.Doc.Text
	var b strings.Builder
	prev := article.Span{Start: -1}
	for w := first; w <= last; w++ {
		sp := s.words[w].span
		if sp == prev { // the second half of a contraction
			continue
		}
		if prev.Start >= 0 {
			between := text[prev.End:sp.Start]
			if strings.ContainsAny(between, "\n\r") || len(between) > maxBracket {
				between = " "
			}
			b.WriteString(between)
		}
		b.WriteString(text[sp.Start:sp.End])
		prev = sp
	}
	return b.String()
}

// rawText is the story text a run of quotation tokens came from.
func rawText(text string, toks []token) string {
	if len(toks) == 0 {
		return ""
	}
	return text[toks[0].span.Start:toks[len(toks)-1].span.End]
}
