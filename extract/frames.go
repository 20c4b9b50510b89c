package extract

import (
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

func skipDashes(toks []token, j, end int) int {
	for j < end && toks[j].kind == tokPunct && (toks[j].text == "," || toks[j].text == "\u2014" || toks[j].text == "\u2013" || toks[j].text == "-") {
		j++
	}
	return j
}

// after handles `"…," X said`, `"…," said X, title` and `"…," according to X`.
func (x *attributor) after(toks []token, s sentence, k, pi, sentIdx int) attribution {
	if x.introducedBefore(toks, s, k) {
		return noAttribution // the verb before the quote governs it
	}
	j := skipDashes(toks, k+1, s.to)
	if j >= s.to || toks[j].kind != tokWord {
		return noAttribution
	}
	if np, cue := sourcePhrase(toks, j, s.to); np > j {
		return x.npAfter(toks, s, np, pi, sentIdx, sourceCue(&toks[j]), cue, 0.9)
	}
	// `"…," read the email`: a document verb before its document
	if toks[j].flags&fDocVerb != 0 && j+2 < s.to && toks[j+1].flags&fDet != 0 && toks[j+2].flags&fDocNoun != 0 {
		cue, cueSpan := x.cueText(toks, j, s)
		return x.npAfter(toks, s, j+1, pi, sentIdx, cue, cueSpan, 0.9)
	}
	if x.isCue(toks, j, s) || x.isInvertedCue(toks, j, s) {
		if j+1 < s.to && (toks[j+1].capitalised() || (toks[j+1].flags&fDet != 0) || pronounLike(toks[j+1].lower) || roleFollows(toks, j+1, s.to) || namedAfterLowerTitle(toks, j+1, s.to)) && (toks[j+1].flags&fIntro == 0) {
			cue, cueSpan := x.cueText(toks, j, s)
			return x.npAfter(toks, s, j+1, pi, sentIdx, cue, cueSpan, 0.95)
		}
		return noAttribution
	}
	// `"…," the official said` — a noun phrase then the verb
	for v := j; v < s.to && v < j+maxSubjectTokens; v++ {
		if isBoundary(&toks[v]) {
			break
		}
		// `"…" Braynard is quoted as saying.`
		if toks[v].lower == "saying" && v-2 > j && toks[v-1].lower == "as" && strings.HasPrefix(toks[v-2].lower, "quot") {
			if a := x.speakerIn(toks, s, j, trimAux(toks, j, v-2), pi, sentIdx); a.ent >= 0 {
				a.cue, a.cueSpan, a.conf = "quoted as saying", article.Span{Start: toks[v-2].start, End: toks[v].end}, 0.9
				return a
			}
			break
		}
		if x.isCue(toks, v, s) {
			if !npLike(&toks[j]) && !namedAfterLowerTitle(toks, j, v) || !plausibleSubject(toks, j, trimAux(toks, j, v)) || speechNounRelative(toks, j, v) {
				return noAttribution
			}
			// "Michael Briggs, a spokesman for Sanders, said": the head,
			// with its appositive as a description
			a := noAttribution
			if end := trimAux(toks, j, v); punctBetween(toks, j, end) {
				if head, appos := headChunk(toks, j, end); head[0] < head[1] {
					a = x.speakerWithAppositive(toks, s, head, appos, pi, sentIdx)
				}
			}
			if a.ent < 0 {
				a = x.speakerIn(toks, s, j, trimAux(toks, j, v), pi, sentIdx)
			}
			if a.ent < 0 {
				a = x.describedSubject(toks, s, [2]int{j, trimAux(toks, j, v)}, pi, sentIdx) // "the crowd yelled"
			}
			if a.ent >= 0 {
				a.cue, a.cueSpan = x.cueText(toks, v, s)
				a.conf = 0.95
				if a.form == "pronoun" {
					a.conf = 0.9
				}
			}
			return a
		}
	}
	return x.afterByPosition(toks, s, k, j, pi, sentIdx)
}

// afterByPosition reads a verb outside the speech lexicon as a reporting
// verb by where it stands: a name or pronoun and a past-tense verb closing
// the quote's sentence (`"…?" Hannity pressed.`, `"…" Trump went on, …`),
// or the verb before a name (`"…" remembered Roy Verley, …`).
func (x *attributor) afterByPosition(toks []token, s sentence, k, j, pi, sentIdx int) attribution {
	closes := func(v int) bool {
		return v+1 >= s.to || toks[v+1].kind == tokPunct || toks[v+1].kind == tokQuote ||
			toks[v+1].lower == "on" || toks[v+1].lower == "back" || toks[v+1].lower == "as" || toks[v+1].lower == "with"
	}
	pastVerb := func(t token) bool {
		return t.kind == tokWord && !t.capitalised() && t.flags&(fAux|fDet|fPrep|fRel) == 0 &&
			(strings.HasSuffix(t.lower, "ed") || (t.flags&fIrregPast != 0))
	}
	// "Hannity pressed.", "he went on,"
	end := j
	for end < s.to && end < j+4 && toks[end].kind == tokWord && (toks[end].capitalised() || pronounLike(toks[end].lower) && end == j) {
		end++
	}
	if end > j && end < s.to && pastVerb(toks[end]) && closes(end) {
		if a := x.speakerIn(toks, s, j, end, pi, sentIdx); a.ent >= 0 && x.ents[a.ent].typ != article.DocumentSource {
			a.cue, a.cueSpan, a.conf = toks[end].text, article.Span{Start: toks[end].start, End: toks[end].end}, 0.8
			return a
		}
	}
	// "remembered Roy Verley, HP's former spokesman"
	if pastVerb(toks[j]) && j+1 < s.to && toks[j+1].capitalised() {
		run := capRun(toks, j+1, s.to)
		if cr := classifyRun(toks, j+1, run, false); cr.kind == runPerson && run-(j+1) >= 2 {
			if a := x.speakerIn(toks, s, j+1, run, pi, sentIdx); a.ent >= 0 {
				a.cue, a.cueSpan, a.conf = toks[j].text, article.Span{Start: toks[j].start, End: toks[j].end}, 0.8
				return a
			}
		}
	}
	return noAttribution
}

func (x *attributor) isInvertedCue(toks []token, j int, s sentence) bool {
	vf, ok := x.verbForm(toks[j].lower)
	return ok && !vf.Gerund && vf.Lemma != "call" && !addresseeVerbs[vf.Lemma] && (vf.Past || !vf.Base)
}

// addresseeVerbs take the hearer as object and so are never inverted.
var addresseeVerbs = wordSet("addressee-verbs.txt")

func npLike(t *token) bool {
	if t.kind != tokWord {
		return false
	}
	if t.flags&fParticle != 0 {
		return true // "van Wyk asked"
	}
	if t.capitalised() && (t.flags&fIntro == 0) || (t.flags&fDet != 0) || pronounLike(t.lower) || t.lower == "people" || t.lower == "sources" || t.lower == "officials" || (t.flags&fAnonHead != 0) {
		return true
	}
	if strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "’s") || t.lower == "its" || t.lower == "their" || t.lower == "his" || t.lower == "her" {
		return true
	}
	return false
}

// trimAux drops auxiliaries and adverbs between a subject and its verb.
func trimAux(toks []token, from, v int) int {
	// "goes on to say", "continued to say"
	if v-2 > from && toks[v-1].lower == "to" {
		switch {
		case toks[v-2].lower == "continued" || toks[v-2].lower == "continues":
			v -= 2
		case v-3 > from && toks[v-2].lower == "on" && (toks[v-3].lower == "goes" || toks[v-3].lower == "went" || toks[v-3].lower == "go"):
			v -= 3
		}
	}
	// "Will wrote": a modal cannot take a past form, so a capitalised one
	// is a name
	past := v < len(toks) && (toks[v].flags&fIrregPast != 0 || strings.HasSuffix(toks[v].lower, "ed"))
	for v > from && toks[v-1].kind == tokWord && ((toks[v-1].flags&fAux != 0) && !(past && toks[v-1].capitalised() && modalAux(toks[v-1].lower)) || strings.HasSuffix(toks[v-1].lower, "ly") && !toks[v-1].capitalised()) {
		v--
	}
	return v
}

// modalAux reports a modal auxiliary, which takes only a base form.
func modalAux(w string) bool {
	switch w {
	case "will", "would", "can", "could", "may", "might", "shall", "should", "must":
		return true
	}
	return false
}

// npAfter reads the speaker noun phrase after an inverted verb or
// "according to", up to the end of the clause.
func (x *attributor) npAfter(toks []token, s sentence, from, pi, sentIdx int, cue string, cueSpan article.Span, conf float64) attribution {
	to := from
	for to < s.to && !isBoundary(&toks[to]) && !toks[to].isPunct(",") && !(toks[to].kind == tokWord && (toks[to].flags&fRel != 0) && to > from) {
		if to > from && toks[to].kind == tokWord && (toks[to].lower == "on" || toks[to].lower == "in" || toks[to].lower == "at") && !isAnonPostModifier(toks, from, to) {
			break
		}
		to++
	}
	if to == from {
		return noAttribution
	}
	a := x.speakerIn(toks, s, from, to, pi, sentIdx)
	if a.ent < 0 {
		a = x.describedSubject(toks, s, [2]int{from, to}, pi, sentIdx) // "according to his longtime physician"
	}
	// "said the trust's chair, Denise Rawcliffe": a role, then the name
	if (a.ent < 0 || a.form == "role" || a.form == "description" && x.ents[a.ent].typ != article.Organization) && to+1 < s.to && toks[to].isPunct(",") &&
		(toks[to+1].capitalised() || namedAfterLowerTitle(toks, to+1, s.to)) {
		first := to + 1
		for first < s.to && !toks[first].capitalised() && first < to+4 {
			first++ // "actress Jamie Lee Curtis"
		}
		j := capRun(toks, first, s.to)
		if cr := classifyRun(toks, first, j, false); cr.kind == runPerson && j-first >= 2 {
			if b := x.speakerIn(toks, s, first, j, pi, sentIdx); b.ent >= 0 {
				b.mention = article.Span{Start: toks[from].start, End: toks[j-1].end}
				a = b
			}
		}
	}
	if a.ent >= 0 {
		a.cue, a.cueSpan, a.conf = cue, cueSpan, conf
	}
	return a
}

// sourcePhrase recognises "according to" and "per" opening a source at
// j ("per the party's bylaws", "per Reuters"; not "per cent", "per
// year"): it returns where the source's noun phrase starts and the cue's
// span, or j when none opens there.
func sourcePhrase(toks []token, j, end int) (int, article.Span) {
	if toks[j].kind != tokWord {
		return j, article.Span{}
	}
	switch toks[j].lower {
	case "according":
		if j+2 < end && toks[j+1].lower == "to" {
			return j + 2, article.Span{Start: toks[j].start, End: toks[j+1].end}
		}
	case "per":
		if n := toks[j+1 : min(end, j+2)]; len(n) == 1 && n[0].kind == tokWord && (n[0].flags&fDet != 0 && n[0].flags&fNumberWord == 0 || possessivePronoun(n[0].lower) || n[0].capitalised()) {
			return j + 1, article.Span{Start: toks[j].start, End: toks[j].end}
		}
	}
	return j, article.Span{}
}

// sourceCue is the cue a source phrase reports: "according to" or "per",
// in lower case whatever the text's capitals.
func sourceCue(first *token) string {
	if first.lower == "per" {
		return "per"
	}
	return "according to"
}

// isAnonPostModifier keeps "a senior western diplomat in Lenz" together.
func isAnonPostModifier(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if toks[k].flags&fAnonHead != 0 {
			return true
		}
	}
	return false
}

// cueText gives the attribution verb with what completes it: "told the
// Meridian Wire", "said in a statement", "described as".
func (x *attributor) cueText(toks []token, v int, s sentence) (string, article.Span) {
	t := &toks[v]
	end := v + 1
	vf, _ := x.verbForm(t.lower)
	switch vf.Lemma {
	case "tell":
		for end < s.to && end < v+5 && toks[end].kind == tokWord && toks[end].flags&(fRel|fPrep|fAux|fSpeech) == 0 && toks[end].lower != "that" {
			end++
			// "told lawmakers", "told a rally": stop after the first noun
			// unless a name continues ("told the Harbor Ledger")
			if !toks[end-1].capitalised() && toks[end-1].flags&fDet == 0 && !(end < s.to && toks[end].capitalised()) {
				break
			}
		}
	case "say":
		if end+2 < s.to && toks[end].lower == "in" && (toks[end+1].lower == "a" || toks[end+1].lower == "an") &&
			(toks[end+2].lower == "statement" || toks[end+2].lower == "interview") {
			end += 3
		}
	case "describe":
		for j := v + 1; j < s.to && j < v+8; j++ {
			if toks[j].lower == "as" {
				return t.text + " as", article.Span{Start: t.start, End: t.end}
			}
			if toks[j].kind == tokQuote {
				break
			}
		}
	}
	words := make([]string, 0, end-v)
	for i := v; i < end; i++ {
		words = append(words, toks[i].text)
	}
	return strings.Join(words, " "), article.Span{Start: t.start, End: toks[end-1].end}
}

// before looks left of the quote for the nearest reporting verb in the same
// sentence: `X said: "…"`, `X said that … "…"`, `called the plan "…"`,
// `quoted X as saying "…"`. stop is set when an inverted verb closes the
// search (the verb belongs to an earlier quote).
func (x *attributor) before(toks []token, s sentence, k, pi, sentIdx int) (attribution, bool) {
	// "CNN, Cruz said, called the announcement “…”": a parenthetical
	// attribution governs the whole clause
	for v := s.from + 2; v+2 < k && v < s.from+maxSubjectTokens; v++ {
		if toks[v+1].isPunct(",") && toks[v].kind == tokWord && x.isCue(toks, v, s) && !clauseAfter(toks, v+2, k) {
			if a, ok := x.parentheticalSubject(toks, s, v, k, pi, sentIdx); ok {
				return a, true
			}
		}
	}
	for v := k - 1; v >= s.from; v-- {
		x.work++
		t := &toks[v]
		if t.kind != tokWord {
			continue
		}
		// "Guccifer said, per a translator, that …": a source set off after
		// a reporting verb qualifies it; the verb's subject speaks
		if np, cue := sourcePhrase(toks, v, k); np > v && !(v-2 >= s.from && toks[v-1].isPunct(",") && x.isCue(toks, v-2, s)) {
			a := x.npAfter(toks, s, np, pi, sentIdx, sourceCue(t), cue, 0.85)
			return a, true
		}
		if t.flags&(fSpeech|fDocVerb|fRetort) == 0 {
			// no reporting verb: only "put it" below can still match
			if t.lower != "put" && t.lower != "puts" {
				continue
			}
		} else if vf, ok := x.verbForm(t.lower); ok && vf.Gerund && vf.Lemma != "call" {
			if a, handled := x.gerundFrame(toks, s, v, pi, sentIdx); handled {
				return a, true
			}
			continue
		}
		switch t.lower {
		case "put", "puts":
			// "Fell put it bluntly: "…"", "as one trader put it, "…""
			if v+1 < k && toks[v+1].lower == "it" {
				a := noAttribution
				// "as anti-terrorist prosecutor Marc Trévidic put it": the
				// subject follows "as"
				for j := v - 1; j > s.from && j >= v-8; j-- {
					if toks[j].lower == "as" {
						a = x.speakerIn(toks, s, j+1, v, pi, sentIdx)
						break
					}
					if toks[j].kind != tokWord {
						break
					}
				}
				if a.ent < 0 {
					a = x.subjectOf(toks, v, s, pi, sentIdx)
				}
				if a.ent >= 0 {
					a.cue, a.cueSpan, a.conf = "put it", article.Span{Start: t.start, End: toks[v+1].end}, 0.8
					return a, true
				}
			}
			continue
		case "call", "calls", "called", "calling":
			if v > s.from && (t.lower == "call" && !verbContext(&toks[v-1]) || t.lower == "calls" && nounContext(&toks[v-1])) {
				continue // "a wake-up call for", "his calls for": a noun
			}
			if t.lower == "calling" && v+1 < k {
				// "with Sen. John McCain calling it a “…”"
				if a, ok := x.gerundSubject(toks, s, v, pi, sentIdx); ok {
					a.cue, a.cueSpan, a.conf = t.text, article.Span{Start: t.start, End: t.end}, 0.8
					return a, true
				}
			}
			if v == k-1 {
				// "what the chief executive called “…”": the subject said it
				if v > s.from && (toks[v-1].flags&fPassAux == 0) {
					a := x.subjectOf(toks, v, s, pi, sentIdx)
					if a.ent >= 0 {
						a.cue, a.cueSpan, a.conf = t.text, article.Span{Start: t.start, End: t.end}, 0.7
						return a, true
					}
				}
				continue
			}
			if objectBetween(toks, v+1, k) {
				if outer, ok := x.outerFrame(toks, s, v, pi, sentIdx); ok {
					return outer, true
				}
				var a attribution
				if t.lower == "calling" && v > s.from && toks[v-1].isPunct(",") {
					a = x.sentenceSubject(toks, s, pi, sentIdx) // "…, calling it "…""
				} else {
					a = x.subjectOf(toks, v, s, pi, sentIdx)
				}
				a.cue, a.cueSpan, a.conf = t.text, article.Span{Start: t.start, End: t.end}, 0.85
				return a, true
			}
			continue
		}
		if !x.isCue(toks, v, s) {
			continue
		}
		if v > s.from && (toks[v-1].isPunct(",") || toks[v-1].kind == tokQuote) && x.isInverted(toks, v, k) {
			if toks[v-1].isPunct(",") && !hasQuote(toks, sentence{from: s.from, to: v}) {
				// parenthetical: "The paradox, says Carl Anthony, a
				// historian, is that she was "…""
				cue, cueSpan := x.cueText(toks, v, s)
				return x.npAfter(toks, s, v+1, pi, sentIdx, cue, cueSpan, 0.8), true
			}
			return noAttribution, true // inverted: `"…," said X, who …`
		}
		if a, ok := x.parentheticalSubject(toks, s, v, k, pi, sentIdx); ok {
			return a, true
		}
		if outer, ok := x.outerFrame(toks, s, v, pi, sentIdx); ok {
			return outer, true
		}
		a := x.subjectOf(toks, v, s, pi, sentIdx)
		if a.ent >= 0 {
			a.cue, a.cueSpan = x.cueText(toks, v, s)
			a.conf = 0.85
		}
		// a verb with no subject found ("The main rule is a "…," as the
		// memo put it"): the frames after may still read the sentence
		return a, a.ent >= 0
	}
	return noAttribution, false
}

// outerFrame finds a reporting verb that governs the one at v through a
// "that" clause ("quoted her as saying that a professor had told her
// "…"", "the ministry said that its envoy told reporters "…""): the quote
// belongs to the outer speaker, whose words the story reports.
func (x *attributor) outerFrame(toks []token, s sentence, v, pi, sentIdx int) (attribution, bool) {
	sawThat := false
	for u := v - 1; u >= s.from; u-- {
		t := &toks[u]
		if t.kind == tokQuote || t.lower == "and" || t.lower == "but" || t.lower == "while" || t.lower == "whereas" || t.isPunct(";") {
			return noAttribution, false // "Rubio suggested that …, while Cruz said that “…”"
		}
		if (t.isPunct(",") || isLayoutDash(t)) && (toks[s.from].flags&fSubord != 0) {
			// "When Clinton noted that …, Trump boasted, "…"": the fronted
			// clause does not govern the main one
			return noAttribution, false
		}
		if t.lower == "that" {
			sawThat = true
			continue
		}
		if !sawThat {
			// "Rep. Ada Meeks said Clinton called on members to be "…"":
			// a reporting verb whose complement clause holds the inner one
			if x.isCue(toks, u, s) && v-u <= 8 && !punctBetween(toks, u+1, v) && npLike(&toks[u+1]) {
				if a := x.subjectOf(toks, u, s, pi, sentIdx); a.ent >= 0 {
					a.cue, a.cueSpan = x.cueText(toks, u, s)
					a.conf = 0.7
					return a, true
				}
			}
			continue
		}
		if (t.lower == "saying") && u > s.from && toks[u-1].lower == "as" {
			a := x.quotedAs(toks, s, u, pi, sentIdx)
			return a, a.ent >= 0
		}
		if x.isCue(toks, u, s) {
			a := x.subjectOf(toks, u, s, pi, sentIdx)
			if a.ent < 0 {
				return noAttribution, false
			}
			a.cue, a.cueSpan = x.cueText(toks, u, s)
			a.conf = 0.75
			return a, true
		}
	}
	return noAttribution, false
}

func objectBetween(toks []token, from, to int) bool {
	if to-from < 1 || to-from > 12 {
		return false
	}
	for k := from; k < to; k++ {
		if toks[k].kind != tokWord {
			return false
		}
	}
	return true
}

// quotedAs handles `quoted Mr Xi as saying`.
func (x *attributor) quotedAs(toks []token, s sentence, v, pi, sentIdx int) attribution {
	for q := v - 2; q >= s.from && q >= v-10; q-- {
		if strings.HasPrefix(toks[q].lower, "quot") && q > s.from && (toks[q-1].flags&fPassAux != 0) {
			// "Wold was quoted by the club's website as saying": the subject
			a := x.subjectOf(toks, q-1, s, pi, sentIdx)
			if a.ent >= 0 {
				a.cue, a.cueSpan, a.conf = "quoted as saying", article.Span{Start: toks[q].start, End: toks[v].end}, 0.85
			}
			return a
		}
		if strings.HasPrefix(toks[q].lower, "quot") {
			a := x.speakerIn(toks, s, q+1, v-1, pi, sentIdx)
			if a.ent >= 0 {
				a.cue, a.cueSpan, a.conf = "as saying", article.Span{Start: toks[v-1].start, End: toks[v].end}, 0.85
			}
			return a
		}
	}
	return noAttribution
}

// subjectOf finds the subject of the reporting verb at v.
func (x *attributor) subjectOf(toks []token, v int, s sentence, pi, sentIdx int) attribution {
	end := trimAux(toks, s.from, v)
	if a, ok := x.reducedRelative(toks, s, end, pi, sentIdx); ok {
		return a
	}
	start := end
	for start > s.from {
		t := &toks[start-1]
		if t.isPunct(")") {
			// "Sen. Claire McCaskill (D-Mo.), who …, said": step over the group
			if open := openParen(toks, s.from, start-1); open >= 0 {
				start = open
				continue
			}
		}
		if isBoundary(t) || t.lower == "what" || t.isPunct("(") {
			break
		}
		// "…, as the website notes:": after a comma or connective only
		// ("As Virginia's governor, Kaine declared" is an introduction)
		asClause := t.lower == "as" && start-2 >= s.from && (toks[start-2].isPunct(",") || (toks[start-2].flags&fConnective != 0))
		if (t.lower == "when" || t.lower == "where" || asClause) && start < end && npLike(&toks[start]) {
			break // "…, when many commentators called him “…”", "as the website notes:"
		}
		if t.kind == tokWord && (t.flags&fRel != 0) && t.lower != "where" && t.lower != "when" {
			// a relative clause closed by a comma before the verb is
			// parenthetical: "X, who ..., said"; so is one whose verb
			// follows the relative word directly: "a stallholder who asked
			// not to be named said"
			// "whose president, Anatol Brezina, called": the subject is
			// inside the relative clause
			parenthetical := t.lower != "whose" && start-1 > s.from && toks[start-2].isPunct(",") && end > start && toks[end-1].isPunct(",") ||
				end > start && toks[end-1].isPunct(",") && clauseHasVerb(toks, start, end-1)
			subjectRelative := (t.lower == "who" || t.lower == "that") && start < end && !npLike(&toks[start]) && start-1 > s.from && toks[start-2].kind == tokWord
			if !parenthetical && !subjectRelative {
				break
			}
		}
		// a reporting verb ends the subject, unless it sits in a relative
		// clause: "a person who asked not to be named said"
		if x.isCue(toks, start-1, s) && !(start-2 >= s.from && toks[start-2].flags&fRel != 0) {
			break
		}
		if t.lower == "and" || t.lower == "but" {
			// "a woman asked for a photo and Clinton said", "The crowd
			// cheers, and then Ferrin adds:"
			first := start
			for first < end-1 && (toks[first].flags&fSentenceAdverb != 0) {
				first++
			}
			if start == end || npLike(&toks[first]) && (first > start || finiteClause(toks, max(s.from, start-1-maxSubjectTokens), start-1)) {
				start = first
				break
			}
		}
		start--
		if end-start > 60 {
			break
		}
	}
	if start == end {
		// relative clause: "Petr Hollan, who has accused"; "two people,
		// one of whom called"
		if start > s.from && toks[start-1].kind == tokWord && (toks[start-1].lower == "who" || toks[start-1].lower == "which" || toks[start-1].lower == "whom") {
			return x.antecedent(toks, start-1, s, pi, sentIdx)
		}
		// elided subject: "… and said …"
		for w := start - 1; w >= s.from; w-- {
			if x.isCue(toks, w, s) {
				return x.subjectOf(toks, w, s, pi, sentIdx)
			}
		}
		// "In a televised address he called the quake … and promised": the
		// first person or organisation the sentence names before the verb
		if a := x.sentenceSubject(toks, s, pi, sentIdx); a.ent >= 0 {
			return a
		}
		if e, pos := x.firstMentionIn(toks[s.from].start, toks[v].start); e >= 0 {
			return attribution{ent: e, mention: article.Span{Start: pos, End: pos}, form: "inherited"}
		}
		return noAttribution
	}
	head, appos := headChunk(toks, start, end)
	if head[0] >= head[1] {
		return x.sentenceSubject(toks, s, pi, sentIdx)
	}
	return x.speakerWithAppositive(toks, s, head, appos, pi, sentIdx)
}

// speakerWithAppositive resolves a head noun phrase, preferring a named
// person in its appositive when the head only describes ("Its leader,
// Ernesto Bayón,"; "Another juror, the director Tobias Kehl,").
func (x *attributor) speakerWithAppositive(toks []token, s sentence, head, appos [2]int, pi, sentIdx int) attribution {
	a := x.speakerIn(toks, s, head[0], head[1], pi, sentIdx)
	if appos[0] >= appos[1] {
		return a
	}
	if a.ent < 0 || a.form == "role" || a.form == "description" && x.ents[a.ent].typ != article.Organization {
		if b := x.speakerIn(toks, s, appos[0], appos[1], pi, sentIdx); b.ent >= 0 && (a.ent < 0 || x.ents[b.ent].typ == article.Person && b.form != "role") {
			// the appositive may come before the head ("Its leader, Ernesto
			// Bayón,") or after it: the mention covers both
			b.mention = article.Span{Start: toks[min(head[0], appos[0])].start, End: toks[max(head[1], appos[1])-1].end}
			return b
		}
	}
	return a
}

// antecedent resolves a relative pronoun to the nearest mention before it.
func (x *attributor) antecedent(toks []token, rel int, s sentence, pi, sentIdx int) attribution {
	pos := toks[rel].start
	for i := len(x.mentions) - 1; i >= 0; i-- {
		m := &x.mentions[i]
		x.work++
		if m.pos < toks[s.from].start-4000 {
			break
		}
		if m.pos < pos && m.pos >= toks[s.from].start {
			ent := &x.ents[m.ent]
			if ent.typ != article.Organization || toks[rel].lower == "which" {
				return attribution{ent: m.ent, mention: article.Span{Start: m.pos, End: toks[rel].start}, form: "name"}
			}
		}
	}
	return noAttribution
}

var subordinators = wordSet("subordinators.txt")

// headChunk splits a subject region at commas: introductory phrases are
// skipped, the first remaining chunk is the head and the next descriptive
// chunk its appositive.
func headChunk(toks []token, start, end int) (head, appos [2]int) {
	var chunks [][2]int
	c := start
	for k := start; k <= end; k++ {
		if k == end || toks[k].isPunct(",") || toks[k].kind == tokPunct && isLayoutDash(&toks[k]) {
			if k > c {
				chunks = append(chunks, [2]int{c, k})
			}
			c = k + 1
		}
	}
	// "…, while the Passengers First campaign said": the clause right
	// before the verb holds its subject, after the subordinator
	if n := len(chunks); n > 0 {
		last := chunks[n-1]
		if w := &toks[last[0]]; w.kind == tokWord && (w.lower == "while" || w.lower == "whereas" || w.lower == "although" || w.lower == "though") && last[1]-last[0] > 1 && npLike(&toks[last[0]+1]) {
			return [2]int{last[0] + 1, last[1]}, [2]int{start, start}
		}
	}
	// candidates: chunks that are not introductory phrases, relative
	// clauses or numbers (ages)
	var cands [][2]int
	for i, ch := range chunks {
		if isPartyTag(toks, ch) || isAdverbial(toks, ch) {
			continue // "Sen. Ilse Varga, D-Mont., said", "A week later, Varga said"
		}
		if i < len(chunks)-1 && (!toks[ch[0]].capitalised() && clauseHasVerb(toks, ch[0], ch[1]) || toks[ch[0]].flags&fDet != 0 && finiteVerbIn(toks, ch[0], ch[1])) {
			continue // "Asked what he would tell Mayor Ilse Varga, Tomas Ferrin said"
		}
		if i > 0 && len(cands) > 0 && toks[chunks[i-1][1]-1].capitalised() && placeNameEnd(toks, ch[0], ch[1]) > ch[0] {
			continue // "Clinton, at a town hall in Columbus, Ohio, said": the state ends the address
		}
		for ch[0] < ch[1]-1 && toks[ch[0]].kind == tokWord && (toks[ch[0]].lower == "but" || toks[ch[0]].lower == "and" || toks[ch[0]].lower == "yet" || toks[ch[0]].lower == "so") {
			ch[0]++
		}
		first := &toks[ch[0]]
		if first.kind != tokWord {
			continue
		}
		if ((first.flags&fIntro != 0) || first.flags&fPrep != 0 && first.lower != "and") && !(first.lower == "the" || first.lower == "a") || isNumber(first.text) && !shareOfPeople(toks, ch[0], ch[1]) || strings.HasSuffix(first.lower, "ing") && !first.capitalised() || isParticiple(toks, ch) {
			continue
		}
		cands = append(cands, ch)
	}
	if len(cands) == 0 && len(chunks) > 0 {
		// "…, while the Passengers First campaign said": the clause after a
		// subordinator still has its subject
		last := chunks[len(chunks)-1]
		for last[0] < last[1] && toks[last[0]].kind == tokWord && (toks[last[0]].flags&fSubord != 0 || toks[last[0]].lower == "while" || toks[last[0]].lower == "whereas" || toks[last[0]].lower == "and" || toks[last[0]].lower == "but") {
			last[0]++
		}
		if last[0] < last[1] && npLike(&toks[last[0]]) {
			cands = append(cands, last)
		}
	}
	if len(cands) == 0 && len(chunks) > 0 {
		// "At the convention Sen. Ilse Varga (D-MA) said": an introduction
		// with no comma; the name run that ends it is the subject
		last := chunks[len(chunks)-1]
		e := last[1]
		if e > last[0] && toks[e-1].isPunct(")") {
			if open := openParen(toks, last[0], e-1); open > last[0] {
				e = open
			}
		}
		b := e
		for b > last[0] && toks[b-1].kind == tokWord && (toks[b-1].capitalised() || (toks[b-1].flags&fParticle != 0)) {
			b--
		}
		if b < e && b > last[0] && e-b <= 5 {
			cands = append(cands, [2]int{b, e})
		}
	}
	if len(cands) == 0 {
		return [2]int{start, start}, [2]int{start, start}
	}
	// the subject is the last candidate, unless that is a descriptive
	// appositive ("a professor at ...", "Osmia's foreign minister"), or an
	// earlier candidate gives a full name ("Rep. Yasmin Al-Masri, D-Mich.,")
	hi := len(cands) - 1
	// stacked appositives after a full name: "Tomas Ferrin, the editor of
	// the harbour newspaper, The Gull, said": the name is the head
	if hi >= 2 && fullNameCandidate(toks, cands[:1]) == 0 && !descriptive(toks, cands[0]) && descriptive(toks, cands[1]) {
		return cands[0], cands[1]
	}
	if full := fullNameCandidate(toks, cands); full >= 0 && full < hi && !descriptive(toks, cands[hi]) && fullNameCandidate(toks, cands[hi:]) < 0 {
		hi = full
	}
	if hi > 0 && cands[hi][1]-cands[hi][0] == 1 && toks[cands[hi][0]].capitalised() && descriptive(toks, cands[hi-1]) && (toks[cands[hi-1][0]].flags&fDet != 0 || isPossessiveWord(&toks[cands[hi-1][0]])) && (cands[hi-1][1]-cands[hi-1][0] <= 3 || toks[cands[hi-1][1]-1].flags&(fPlaceHead|fOrgHead) != 0) {
		return cands[hi-1], [2]int{start, start} // "…in the capital, Derventa,"
	}
	if hi > 0 && descriptive(toks, cands[hi]) {
		appos = cands[hi]
		hi--
	} else if hi > 0 && descriptive(toks, cands[hi-1]) && toks[cands[hi][0]].capitalised() {
		appos = cands[hi-1]
	}
	head = cands[hi]
	// in a sentence-opening run of names before the subject, keep the
	// first name when the last is an appositive of it
	if hi > 0 && !descriptive(toks, cands[hi-1]) && appos[1] == 0 {
		head = cands[hi]
	}
	// a subordinate clause inside the head: start after the last subordinator
	for k := head[1] - 1; k > head[0]; k-- {
		if toks[k].kind == tokWord && (toks[k].flags&fSubord != 0) {
			head[0] = k + 1
			break
		}
	}
	return head, appos
}

// shareOfPeople reports "21 percent", "14%": a share of those polled,
// who speak as a group ("to which 21 percent said "…"").
func shareOfPeople(toks []token, from, to int) bool {
	return to-from == 2 && isNumber(toks[from].text) && (toks[from+1].lower == "percent" || toks[from+1].lower == "per" || toks[from+1].text == "%")
}

// placeNames are countries, states and provinces, lower-cased.
var placeNames = lowerSet(lexiconLines("place-names.txt"))

func lowerSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.ToLower(w)] = true
	}
	return m
}

// maxPlaceNameWords is the longest entry of place-names.txt, in words.
const maxPlaceNameWords = 4

// placeNameEnd returns the end of a place name starting at from ("Ohio",
// "South Carolina"), or from when none starts there.
func placeNameEnd(toks []token, from, to int) int {
	name := ""
	end := from
	for k := from; k < to && k < from+maxPlaceNameWords && toks[k].kind == tokWord && toks[k].capitalised(); k++ {
		if k > from {
			name += " "
		}
		name += toks[k].lower
		if placeNames[name] {
			end = k + 1
		}
	}
	return end
}

// descriptive reports whether a chunk describes rather than names: it
// starts with an article, a possessive or a lower-case word.
func descriptive(toks []token, ch [2]int) bool {
	t := &toks[ch[0]]
	if t.kind != tokWord {
		return false
	}
	switch t.lower {
	case "a", "an", "the", "its", "his", "her", "their", "another", "one":
		return true
	}
	if base, poss := stripPossessive(t.lower); poss && strings.ContainsAny(t.text, "'’") {
		return !pronounLike(base) && base != "that" && base != "there" && base != "here" && base != "what" // "it's" is "it is"
	}
	return !t.capitalised() && !pronounLike(t.lower) && !clauseHasVerb(toks, ch[0], ch[1])
}

func isParticiple(toks []token, ch [2]int) bool {
	t := &toks[ch[0]]
	if !t.capitalised() || ch[1]-ch[0] < 2 {
		return false
	}
	if strings.HasSuffix(t.lower, "ing") || t.lower == "asked" || t.lower == "pressed" || t.lower == "questioned" {
		return true
	}
	// "Preceded at the lectern by …", "Challenged by …": a past participle
	// before a lower-case word (not "Ted Cruz")
	next := &toks[ch[0]+1]
	return isParticipleWord(t) && next.kind == tokWord && !next.capitalised() && len(t.lower) > 4
}

// timeWords make a chunk an adverbial of time: "A week later,", "Two
// days ago,", "This month,".
var timeWords = wordSet("time-words.txt")

// isAdverbial reports a short chunk that only places the clause in time
// or manner: "A week later", "More recently", "Last year".
func isAdverbial(toks []token, ch [2]int) bool {
	if ch[1]-ch[0] > 4 {
		return false
	}
	allAdverbs := true
	for k := ch[0]; k < ch[1]; k++ {
		t := &toks[k]
		if t.kind != tokWord {
			return false
		}
		if t.flags&fTime != 0 {
			return true
		}
		if !strings.HasSuffix(t.lower, "ly") && (t.flags&fIntro == 0) && t.lower != "more" && t.lower != "most" {
			allAdverbs = false
		}
	}
	return allAdverbs
}

// sentenceFinal handles a clause that closes the sentence: `…, sources
// said.`, `…, according to a senior US official.`
func (x *attributor) sentenceFinal(toks []token, s sentence, k, pi, sentIdx int) attribution {
	end := s.to
	for end > k+1 && toks[end-1].kind == tokPunct {
		end--
	}
	// start of the last clause: after the last comma or quote
	c := end - 1
	for c > k && !toks[c].isPunct(",") && toks[c].kind != tokQuote {
		c--
	}
	if c <= k && c != k {
		return noAttribution
	}
	// "…, said Nargis Kassenova, an expert at KIMEP University.": an
	// inverted attribution a few clauses from the end
	for cc, n := c, 0; cc > k && n < 4; n++ {
		if toks[cc].isPunct(",") && cc+2 < end && x.isInvertedCue(toks, cc+1, s) && (toks[cc+2].capitalised() || toks[cc+2].flags&fDet != 0 || namedAfterLowerTitle(toks, cc+2, end)) {
			cue, cueSpan := x.cueText(toks, cc+1, s)
			if a := x.npAfter(toks, s, cc+2, pi, sentIdx, cue, cueSpan, 0.8); a.ent >= 0 {
				return a
			}
		}
		// "…“excesses” are sickening, Hollande said Tuesday in Paris, noting …"
		if toks[cc].isPunct(",") && cc+2 < end && (toks[cc+1].capitalised() || toks[cc+1].flags&fDet != 0) {
			for v := cc + 2; v < end && v <= cc+5; v++ {
				if toks[v].isPunct(",") || toks[v].kind == tokQuote {
					break
				}
				if x.isCue(toks, v, s) {
					if plausibleSubject(toks, cc+1, trimAux(toks, cc+1, v)) {
						if a := x.speakerIn(toks, s, cc+1, trimAux(toks, cc+1, v), pi, sentIdx); a.ent >= 0 {
							a.cue, a.cueSpan = x.cueText(toks, v, s)
							a.conf = 0.8
							return a
						}
					}
					break
				}
			}
		}
		cc--
		for cc > k && !toks[cc].isPunct(",") && toks[cc].kind != tokQuote {
			cc--
		}
	}
	from := c + 1
	if from >= end || end-from > 14 {
		return noAttribution
	}
	// "…, Howard Dean, the former governor of Vermont, proclaimed.": the
	// verb alone closes the sentence; its subject is the chunks before it
	if end-from <= 2 && x.isCue(toks, from, s) && c > k+1 {
		if a := x.subjectOf(toks, from, s, pi, sentIdx); a.ent >= 0 && a.mention.Start > toks[k].end {
			a.cue, a.cueSpan = x.cueText(toks, from, s)
			a.conf = 0.8
			return a
		}
	}
	if np, cue := sourcePhrase(toks, from, end); np > from {
		return x.npAfter(toks, s, np, pi, sentIdx, sourceCue(&toks[from]), cue, 0.8)
	}
	// "…, as a Homeland Security memo put it."
	if toks[from].lower == "as" && end-from >= 4 && (toks[end-2].lower == "put" || toks[end-2].lower == "puts") && toks[end-1].lower == "it" {
		a := x.speakerIn(toks, s, from+1, end-2, pi, sentIdx)
		if a.ent < 0 {
			a = x.describedSubject(toks, s, [2]int{from + 1, end - 2}, pi, sentIdx)
		}
		if a.ent >= 0 {
			a.cue, a.cueSpan, a.conf = "put it", article.Span{Start: toks[end-2].start, End: toks[end-1].end}, 0.8
		}
		return a
	}
	if !npLike(&toks[from]) && !describesPeople(toks, from, end) {
		return noAttribution
	}
	for v := from + 1; v < end; v++ {
		if x.isCue(toks, v, s) {
			if end-v > 7 {
				return noAttribution
			}
			a := x.speakerIn(toks, s, from, trimAux(toks, from, v), pi, sentIdx)
			if a.ent >= 0 {
				a.cue, a.cueSpan = x.cueText(toks, v, s)
				a.conf = 0.8
			}
			return a
		}
	}
	return noAttribution
}

// roleFollows reports a bare role phrase, as in a headline's "says council
// leader".
func roleFollows(toks []token, k, end int) bool {
	for n := 0; k < end && n < 3; k, n = k+1, n+1 {
		t := &toks[k]
		if t.kind != tokWord {
			return false
		}
		if (t.flags&fTitle != 0) || (t.flags&fAnonHead != 0) {
			return true
		}
	}
	return false
}

// isInverted reports whether the verb at v is followed by its own subject
// ("said Priya Nandakumar, an analyst"): a noun phrase that runs to a comma
// or full stop before the quote at k, with no verb of its own.
func (x *attributor) isInverted(toks []token, v, k int) bool {
	if vf, ok := x.verbForm(toks[v].lower); ok && addresseeVerbs[vf.Lemma] {
		return false // "Dever, who …, told POLITICO, "…"": POLITICO was told
	}
	if v+1 >= k || !(toks[v+1].capitalised() || toks[v+1].lower == "the") || (toks[v+1].flags&fIntro != 0) && toks[v+1].lower != "the" {
		return false
	}
	for j := v + 1; j < k && j < v+8; j++ {
		t := &toks[j]
		if t.isPunct(",") || t.isPunct(".") {
			return true
		}
		if t.kind != tokWord || (t.flags&fAux != 0) || t.lower == "that" {
			return false
		}
		if _, ok := x.verbForm(t.lower); ok {
			return false
		}
	}
	return false
}

// plausibleSubject checks that tokens [from, to) can be the subject of an
// attribution: a noun phrase, optionally with one appositive between
// commas, and no clause of its own ("a phrase officials repeated, in what
// diplomats said" is not).
func plausibleSubject(toks []token, from, to int) bool {
	commas := 0
	for k := from; k < to; k++ {
		t := &toks[k]
		if t.isPunct(",") {
			commas++
			continue
		}
		if commas == 0 && t.kind == tokWord && ((t.flags&fRel != 0) || t.lower == "what" || (t.flags&fSubord != 0)) {
			return false
		}
	}
	switch {
	case commas == 0:
		return to-from <= 10
	case commas >= 2:
		// "Jane Doe, a spokeswoman, said": the appositive must close right
		// before the verb
		return toks[to-1].isPunct(",")
	}
	// "Korhola, 34," style ages or one trailing comma before the verb
	return toks[to-1].isPunct(",")
}

// reducedRelative handles a name or pronoun right before the verb that
// follows a bare noun: "a decision Mayor Ruth Okonjo called "…"", "the
// plan she described as "…"". The name, not the sentence's subject, spoke.
func (x *attributor) reducedRelative(toks []token, s sentence, end, pi, sentIdx int) (attribution, bool) {
	if end <= s.from {
		return noAttribution, false
	}
	start := end
	if pronounLike(toks[end-1].lower) && toks[end-1].lower != "who" {
		start = end - 1
	} else if end-2 > s.from && toks[end-2].lower == "the" && ((toks[end-1].flags&fDescOrg != 0) || (toks[end-1].flags&fAnonHead != 0)) {
		start = end - 2 // "a move the union described as "…""
	} else {
		for start > s.from && toks[start-1].capitalised() {
			start--
		}
	}
	if start == end || start == s.from {
		return noAttribution, false
	}
	prev := &toks[start-1]
	if prev.kind != tokWord || prev.capitalised() || prev.flags&grammarFlags != 0 || prev.lower == "and" || prev.lower == "that" || prev.lower == "but" {
		return noAttribution, false
	}
	if _, poss := stripPossessive(prev.lower); poss || strings.HasSuffix(prev.lower, "ly") || isParticipleWord(prev) {
		return noAttribution, false
	}
	a := x.speakerIn(toks, s, start, end, pi, sentIdx)
	return a, a.ent >= 0
}

// gerundSubject finds the noun phrase right before a reporting gerund in an
// absolute construction: "with one senior Cabinet source describing the
// plan as '…'".
func (x *attributor) gerundSubject(toks []token, s sentence, v, pi, sentIdx int) (attribution, bool) {
	start := v
	for start > s.from {
		t := &toks[start-1]
		if t.kind != tokWord || t.flags&(fPrep|fAux|fRel|fSpeech) != 0 && t.flags&fDet == 0 {
			break
		}
		start--
	}
	if start == v || start == s.from && !npLike(&toks[start]) {
		return noAttribution, false
	}
	if start > s.from && toks[start-1].lower != "with" {
		// "a text message to supporters saying": the phrase is not the
		// gerund's subject without "with"
		return noAttribution, false
	}
	a := x.speakerIn(toks, s, start, v, pi, sentIdx)
	return a, a.ent >= 0
}

// fullNameCandidate returns the first candidate chunk holding two or more
// capitalised words in a row after any title (a person's full name), or -1.
func fullNameCandidate(toks []token, cands [][2]int) int {
	for i, ch := range cands {
		run := 0
		for k := ch[0]; k < ch[1]; k++ {
			if toks[k].capitalised() && (toks[k].flags&fTitle == 0) && toks[k].flags&fTitleModifier == 0 && (toks[k].flags&fFunc == 0) {
				run++
				if run >= 2 {
					return i
				}
			} else {
				run = 0
			}
		}
	}
	return -1
}

// clauseHasVerb reports a finite verb in tokens [from, to): an auxiliary,
// a past form or a reporting verb ("whose son took part", "who was named").
func clauseHasVerb(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		t := &toks[k]
		if t.kind != tokWord || t.capitalised() {
			continue
		}
		if t.flags&(fAux|fSpeech) != 0 || (t.flags&fIrregPast != 0) || strings.HasSuffix(t.lower, "ed") && !strings.Contains(t.lower, "-") {
			return true
		}
	}
	return false
}

// describesPeople reports an anonymous head noun among the first words of
// a clause ("regional officials", "senior aides").
func describesPeople(toks []token, from, end int) bool {
	for k := from; k < end && k < from+4; k++ {
		if toks[k].kind != tokWord {
			return false
		}
		if toks[k].flags&fAnonHead != 0 {
			return true
		}
	}
	return false
}

// firstMentionIn returns the first person or organisation mentioned in the
// byte range [from, to), with its position.
func (x *attributor) firstMentionIn(from, to int) (int, int) {
	best, pos := -1, to
	for i := len(x.mentions) - 1; i >= 0; i-- {
		m := &x.mentions[i]
		x.work++
		if m.pos < from-4000 {
			break
		}
		if m.pos >= from && m.pos < pos && x.ents[m.ent].typ != article.Anonymous {
			best, pos = m.ent, m.pos
		}
	}
	return best, pos
}

// parentheticalSubject handles an attribution set off by commas inside the
// clause it governs: "Clinton, a top aide said, "is very confident"", "the
// two nations, Xi said, now have a "golden opportunity"".
func (x *attributor) parentheticalSubject(toks []token, s sentence, v, k, pi, sentIdx int) (attribution, bool) {
	if v+1 >= k || !toks[v+1].isPunct(",") {
		return noAttribution, false
	}
	c := v - 1
	for c > s.from && c >= v-8 && !toks[c].isPunct(",") {
		c--
	}
	if c <= s.from || !toks[c].isPunct(",") {
		return noAttribution, false
	}
	end := trimAux(toks, c+1, v)
	// "At one point, a woman asked for a photo and Varga said,": a clause
	// of its own, not a subject
	if end <= c+1 || !npLike(&toks[c+1]) || !plausibleSubject(toks, c+1, end) || finiteClause(toks, c+1, end) {
		return noAttribution, false
	}
	a := x.speakerIn(toks, s, c+1, end, pi, sentIdx)
	if a.ent < 0 {
		return noAttribution, false
	}
	a.cue, a.cueSpan = x.cueText(toks, v, s)
	a.conf = 0.8
	return a, true
}

// isPartyTag reports a chunk that is a US party-and-state tag: "D-Mont.",
// "R-S.C.", "(D-N.Y.)", "I-Vt".
func isPartyTag(toks []token, ch [2]int) bool {
	from, to := ch[0], ch[1]
	for from < to && toks[from].kind == tokPunct {
		from++
	}
	for to > from && toks[to-1].kind == tokPunct {
		to--
	}
	if to-from != 1 {
		return false
	}
	w := toks[from].text
	return len(w) >= 3 && len(w) <= 8 && strings.IndexByte("DRI", w[0]) >= 0 && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z'
}

// punctBetween reports punctuation or a quotation in tokens [from, to).
func punctBetween(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if toks[k].kind != tokWord {
			return true
		}
	}
	return false
}

// namedAfterLowerTitle reports a subject that opens with lower-case words
// before a name: "councilmember Mark Levine", "screenwriter Cole Haddon",
// "former congressman Dan Maffei".
func namedAfterLowerTitle(toks []token, j, v int) bool {
	for k := j; k < v && k < j+4; k++ {
		t := &toks[k]
		if t.kind != tokWord || t.flags&(fAux|fRel|fPrep|fSpeech) != 0 {
			return false
		}
		if t.capitalised() {
			return k > j
		}
	}
	return false
}

// earlierQuoteSpeaker returns the speaker of a quotation before token v in
// the same sentence.
func (x *attributor) earlierQuoteSpeaker(toks []token, s sentence, v int) attribution {
	for k := v - 1; k >= s.from && k >= v-maxMentionLookBack; k-- {
		if toks[k].kind == tokQuote && x.speakerOf[toks[k].quote] >= 0 {
			a := x.inheritFrom(int(toks[k].quote), "")
			a.cue = ""
			return a
		}
	}
	return noAttribution
}

// interrupted handles the second part of a quotation split by its
// attribution: `"The risk," said Edward Leamer, an economist, "is that …"`
// and `"The dam is safe," Ilse Varga said, "and it will stay safe."`. The
// words between the two parts must hold the reporting verb.
func (x *attributor) interrupted(toks []token, s sentence, k int) attribution {
	const maxBetween = 40
	for j := k - 1; j >= s.from && j >= k-maxBetween; j-- {
		if toks[j].kind != tokQuote {
			continue
		}
		prev := int(toks[j].quote)
		if x.speakerOf[prev] < 0 || !toks[k-1].isPunct(",") && !toks[k-1].isPunct(":") {
			return noAttribution
		}
		// the first part's own attribution must stand between the parts
		if m := x.mentionOf[prev]; m.cueSpan.Start < toks[j].end || m.cueSpan.Start > toks[k].start {
			return noAttribution
		}
		for v := j + 1; v < k; v++ {
			if x.isCue(toks, v, s) || x.isInvertedCue(toks, v, s) {
				a := x.inheritFrom(prev, "")
				a.cueSpan, a.conf = x.mentionOf[prev].cueSpan, 0.9
				return a
			}
		}
		return noAttribution
	}
	return noAttribution
}

// gerundFrame reads a reporting gerund before the quote: "…, saying "…"",
// "X said, adding: "…"", "with one source describing it as "…"", "quoted
// X as saying "…"". handled is false when the gerund is a noun.
func (x *attributor) gerundFrame(toks []token, s sentence, v, pi, sentIdx int) (attribution, bool) {
	t := &toks[v]
	if t.lower == "saying" && v > s.from && toks[v-1].lower == "as" {
		return x.quotedAs(toks, s, v, pi, sentIdx), true
	}
	if v > s.from && (toks[v-1].flags&fDet != 0 || toks[v-1].lower == "such" || toks[v-1].lower == "no") {
		return noAttribution, false // "any such warning", "the writing": a noun
	}
	afterComma := v > s.from && (toks[v-1].isPunct(",") || toks[v-1].kind == tokQuote && strings.HasSuffix(strings.TrimRight(toks[v-1].text, "\"'\u201d\u2019"), ","))
	if afterComma {
		// "Ryan and Trump will meet, Spicer said, adding, "…"": the verb
		// before the comma has the subject
		a := noAttribution
		if v-2 > s.from && x.isCue(toks, v-2, s) {
			a = x.subjectOf(toks, v-2, s, pi, sentIdx)
		}
		if a.ent < 0 {
			a = x.sentenceSubject(toks, s, pi, sentIdx)
		}
		if a.ent < 0 {
			// "“…,” Lewandowski said, adding: “…”"
			a = x.earlierQuoteSpeaker(toks, s, v)
		}
		a.cue, a.cueSpan, a.conf = t.text, article.Span{Start: t.start, End: t.end}, 0.8
		return a, true
	}
	if a, ok := x.gerundSubject(toks, s, v, pi, sentIdx); ok {
		a.cue, a.cueSpan, a.conf = t.text, article.Span{Start: t.start, End: t.end}, 0.75
		return a, true
	}
	return noAttribution, false
}

// maxSubjectTokens bounds a speaker phrase after a quote: "Harry Bond, 30,
// of Raleigh, N.C., who was among those polled, said".
const maxSubjectTokens = 32

// finiteVerbIn reports a finite verb in tokens [from, to): an auxiliary,
// or a past form that is not a participle before a preposition ("a
// diplomat based in the capital").
func finiteVerbIn(toks []token, from, to int) bool {
	for k := from + 1; k < to; k++ {
		t := &toks[k]
		if t.kind != tokWord || t.capitalised() {
			continue
		}
		if t.flags&fAux != 0 && t.lower != "also" && t.lower != "not" {
			return true
		}
		if (strings.HasSuffix(t.lower, "ed") || (t.flags&fIrregPast != 0)) && toks[k-1].flags&fDet == 0 && !(k+1 < to && toks[k+1].flags&fPrep != 0) {
			return true
		}
	}
	return false
}

// clauseAfter reports a clause with a subject of its own in tokens [from,
// to): "…, the minister confirmed, in a decision that the campaign
// called “…”" (the campaign speaks, not the minister).
func clauseAfter(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		t := &toks[k]
		if t.kind == tokWord && (t.flags&fDet != 0 || t.capitalised() || pronounLike(t.lower) || t.flags&fRel != 0) {
			return true
		}
	}
	return false
}

// verbContext reports a word after which a base or -s form is a verb: a
// pronoun, a name, an auxiliary or "to".
func verbContext(prev *token) bool {
	return prev.kind == tokWord && (pronounLike(prev.lower) || prev.capitalised() || prev.flags&fAux != 0 || prev.lower == "to")
}

// nounContext reports a word after which an -s form is a plural noun: an
// article or a possessive ("the calls", "his calls", "Trump's calls").
func nounContext(prev *token) bool {
	return prev.kind == tokWord && (prev.flags&fDet != 0 || prev.lower == "his" || prev.lower == "her" || prev.lower == "their" || prev.lower == "its" || isPossessiveWord(prev))
}

// introducedBefore reports a quote that a reporting verb or gerund right
// before it introduces ("Clinton responded: “…”", "citing “…”", "Clinton
// responds to Mills with, “…”"): words after the quote belong to the next
// clause, not to its attribution.
func (x *attributor) introducedBefore(toks []token, s sentence, k int) bool {
	if k == s.from {
		return false
	}
	prev := &toks[k-1]
	if prev.kind == tokWord {
		// "citing “…”" mid-sentence; "Citing “…,” the spokeswoman said"
		// opens the sentence and is attributed after the quote
		if prev.flags&fSpeech == 0 {
			return false
		}
		vf, ok := x.verbForm(prev.lower)
		return ok && vf.Gerund && k-1 > s.from
	}
	if !prev.isPunct(":") && !prev.isPunct(",") {
		return false
	}
	for j := k - 2; j >= s.from && j >= k-8; j-- {
		if toks[j].kind == tokQuote {
			return false
		}
		if toks[j].kind == tokWord && x.isCue(toks, j, s) {
			return true
		}
	}
	return false
}

// speechNounRelative reports "a phrase Estravan officials repeated": a
// speech noun with a reduced relative clause, which quotes what others
// said rather than naming who speaks.
func speechNounRelative(toks []token, j, v int) bool {
	return j+2 < v && toks[j].flags&fDet != 0 && (toks[j+1].flags&fSpeechNoun != 0) && toks[j+2].kind == tokWord
}

// maxParenTokens bounds a parenthesised group stepped over.
const maxParenTokens = 12

// openParen finds the "(" that the ")" at close closes, or -1.
func openParen(toks []token, from, close int) int {
	for j := close - 1; j >= from && j >= close-maxParenTokens; j-- {
		if toks[j].isPunct("(") {
			return j
		}
		if toks[j].isPunct(")") || toks[j].kind == tokQuote {
			return -1
		}
	}
	return -1
}

// finiteClause reports a finite verb in tokens [from, to): an auxiliary, an
// irregular past or a reporting verb that is not a gerund ("a woman asked
// for a photo" has one; "President Obama, dedicating the museum" does not).
func finiteClause(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		t := &toks[k]
		if t.kind != tokWord || t.capitalised() || strings.HasSuffix(t.lower, "ing") {
			continue
		}
		if t.flags&(fAux|fSpeech) != 0 || (t.flags&fIrregPast != 0) || strings.HasSuffix(t.lower, "ed") && !strings.Contains(t.lower, "-") {
			return true
		}
	}
	return false
}
