package verify

// classify lists the differences of one aligned piece, and returns the
// length of the longest run of words it leaves out silently when that is
// more than maxSilentCut (a quotation joined from two places).
func classify(text string, q []token, a *alignment) ([]Change, int) {
	s := a.src
	var out []Change
	silentCut := 0
	var old []int // source words of the open hunk
	var new []int // quotation tokens of the open hunk
	flush := func() {
		defer func() { old, new = old[:0], new[:0] }()
		// words of an interjection the quotation runs across are not
		// the speaker's
		kept := old[:0]
		for _, w := range old {
			if t := s.turnOf[w]; t < 0 || !s.Turns[t].Interjection {
				kept = append(kept, w)
			}
		}
		old = kept
		if len(old) == 0 && len(new) == 0 {
			return
		}
		if len(new) == 0 {
			content := 0
			for _, w := range old {
				if !s.words[w].filler {
					content++
				}
			}
			if content > maxSilentCut {
				silentCut = max(silentCut, content)
				return
			}
		}
		kind := kindOf(s, old, q, new)
		c := Change{Kind: kind, Meaning: meaningful(kind)}
		if len(old) > 0 {
			c.Old = s.passage(old[0], old[len(old)-1])
		}
		if len(new) > 0 {
			c.New = text[q[new[0]].span.Start:q[new[len(new)-1]].span.End]
		}
		out = append(out, c)
	}
	lastContraction := -1
	for _, op := range a.ops {
		switch op.kind {
		case opMatch:
			flush()
			sw, qt := &s.words[op.s], &q[op.q]
			if sw.contracted != qt.contracted && sw.span.Start != lastContraction {
				lastContraction = sw.span.Start
				out = append(out, Change{Kind: KindContraction, Old: contractionText(s.Doc.Text, s.words, op.s), New: contractionText(text, q, op.q)})
			}
		case opWild, opBlank:
			flush()
		case opSub:
			old, new = append(old, op.s), append(new, op.q)
		case opInsert:
			new = append(new, op.q)
		case opDelete:
			old = append(old, op.s)
		}
	}
	flush()
	return out, silentCut
}

// contractionText is the raw text around token i: the contraction, or
// the two words it was written out as.
func contractionText(text string, q []token, i int) string {
	t := q[i]
	if t.contracted {
		return text[t.span.Start:t.span.End]
	}
	end := t.span.End
	if i+1 < len(q) {
		end = q[i+1].span.End
	}
	return text[t.span.Start:end]
}

// meaningful says which kinds change the meaning.
func meaningful(kind string) bool {
	switch kind {
	case KindFiller, KindPunctuation, KindContraction:
		return false
	}
	return true
}

// kindOf classes one hunk: source words old replaced by quotation tokens
// new (either may be empty).
func kindOf(s *Source, old []int, q []token, new []int) string {
	var ow, nw []string
	for _, w := range old {
		ow = append(ow, s.words[w].norm)
	}
	for _, i := range new {
		nw = append(nw, q[i].norm)
	}
	if len(nw) == 0 && (lex.isDiscourse(ow) || falseStart(s, old)) {
		return KindFiller
	}
	if len(ow) > 0 && len(nw) > 0 && joined(ow) == joined(nw) {
		return KindPunctuation
	}
	if count(ow, lex.negations) != count(nw, lex.negations) {
		return KindNegation
	}
	for _, o := range ow {
		for _, n := range nw {
			if lex.antonyms[[2]string{o, n}] {
				return KindAntonym
			}
		}
	}
	for _, w := range old {
		if s.words[w].number {
			return KindNumber
		}
	}
	for _, i := range new {
		if q[i].number {
			return KindNumber
		}
	}
	if count(ow, lex.quantities) > 0 || count(nw, lex.quantities) > 0 {
		return KindQuantifier
	}
	for _, w := range old {
		if s.words[w].capital {
			return KindName
		}
	}
	for _, i := range new {
		if q[i].capital {
			return KindName
		}
	}
	return KindWord
}

// falseStart reports whether left-out words are a false start: the
// speaker says them again right after ("we, we will"; "I think — I
// believe"), or repeats the word before them.
func falseStart(s *Source, old []int) bool {
	if len(old) == 0 || len(old) > 5 {
		return false
	}
	first, last := old[0], old[len(old)-1]
	if last+1 < len(s.words) && s.words[last+1].norm == s.words[first].norm {
		return true
	}
	return first > 0 && s.words[first-1].norm == s.words[last].norm
}

func joined(words []string) string {
	n := 0
	for _, w := range words {
		n += len(w)
	}
	b := make([]byte, 0, n)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if w[i] != '-' && w[i] != '\'' {
				b = append(b, w[i])
			}
		}
	}
	return string(b)
}

func count(words []string, set map[string]bool) int {
	n := 0
	for _, w := range words {
		if set[w] {
			n++
		}
	}
	return n
}
