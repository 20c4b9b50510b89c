package extract

import (
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

// documentNouns are texts that speak in a story: "the inspection report
// said", "court filings show", "the letter reads". A phrase headed by one
// of them is a document source, or its issuer's words when the phrase
// names the issuer ("her statement", "the council's report").
var documentNouns = wordSet("document-nouns.txt")

// documentVerbs speak only for documents: "the letter reads", "records
// show". With a person as subject they are not speech.
var documentVerbs = wordSet("document-verbs.txt")

// isDocumentHead reports whether w heads a phrase naming a document.
func isDocumentHead(w string) bool {
	return documentNouns[w] || documentNouns[singular(w)]
}

// documentCue reports a verb that is a reporting verb because its subject,
// right before it, is a document ("the letter reads", "filings show").
func documentCue(toks []token, k int, s sentence) bool {
	if toks[k].flags&fDocVerb == 0 || k == s.from {
		return false
	}
	prev := &toks[k-1]
	return prev.kind == tokWord && !prev.capitalised() && (prev.flags&fDocNoun != 0 || isDocumentHead(prev.lower))
}

// documentSpeaker resolves a noun phrase [from, to) headed by a document
// noun. A possessor names the issuer, who is the source; otherwise the
// document itself is, and later mentions of the same kind of document
// ("the report") refer back to it.
func (x *attributor) documentSpeaker(toks []token, s sentence, from, to, pi, sentIdx int) (attribution, bool) {
	if to-from > 8 {
		return noAttribution, false
	}
	head := &toks[to-1]
	if head.kind != tokWord || head.flags&fDocNoun == 0 || head.capitalised() && to-from > 1 {
		return noAttribution, false
	}
	span := article.Span{Start: toks[from].start, End: head.end}
	for k := from; k < to-1; k++ {
		t := &toks[k]
		if t.kind != tokWord {
			return noAttribution, false
		}
		if t.flags&(fAux|fRel) != 0 && t.flags&fDet == 0 || t.lower == "and" {
			return noAttribution, false // a clause, not a phrase
		}
		// "the authors of the report": people are the head, not the report
		if t.lower == "of" && k > from && personNoun(singular(toks[k-1].lower)) {
			return noAttribution, false
		}
		// "Ryan issued a statement", "carrying signs": a verb form not
		// after an article or adjective is a clause's verb
		if (strings.HasSuffix(t.lower, "ed") || strings.HasSuffix(t.lower, "ing")) && !t.capitalised() && (k == from || toks[k-1].capitalised() || pronounLike(toks[k-1].lower)) {
			return noAttribution, false
		}
		possessivePronoun := t.lower == "his" || t.lower == "her" || t.lower == "their" || t.lower == "its"
		if !possessivePronoun && !isPossessiveWord(t) {
			continue
		}
		var a attribution
		if possessivePronoun {
			a = x.speakerIn(toks, s, k, k+1, pi, sentIdx)
		} else {
			a = x.speakerIn(toks, s, from, k+1, pi, sentIdx)
		}
		if a.ent >= 0 && x.ents[a.ent].typ != article.DocumentSource {
			a.mention, a.form = span, "description"
			return a, true
		}
		break
	}
	// "the IMF report", "the Justice Department memo": an issuer named as
	// the modifier is the source
	if m := from; to-from >= 2 {
		for m < to-1 && toks[m].flags&fDet != 0 {
			m++
		}
		run := capRun(toks, m, to-1)
		if run > m && run == to-1 {
			if cr := classifyRun(toks, m, run, m == s.from); cr.kind == runOrg || allCapsRun(toks, m, run) {
				if a := x.speakerIn(toks, s, m, run, pi, sentIdx); a.ent >= 0 && x.ents[a.ent].typ == article.Organization {
					a.mention, a.form = span, "description"
					return a, true
				}
			}
		}
	}
	lead := toks[from].lower
	definite := lead == "the" || lead == "this" || lead == "that" || lead == "these" || lead == "those"
	headWord := singular(head.lower)
	if definite || to-from == 1 {
		if e := x.findDocument(headWord); e >= 0 {
			x.addMention(e, span.Start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
			return attribution{ent: e, mention: span, form: "description"}, true
		}
	}
	e := x.newEntity(entity{typ: article.DocumentSource, name: roleName(joinTokens(toks, from, to, x.text)), head: headWord, intro: span})
	x.addRole(e, headWord)
	x.addMention(e, span.Start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
	return attribution{ent: e, mention: span, form: "description"}, true
}

// findDocument finds the latest document source of this kind.
func (x *attributor) findDocument(head string) int {
	return x.mostRecent(x.indexed(ixRole, head), func(e *entity) bool {
		return e.typ == article.DocumentSource && e.head == head
	})
}

// personSuffixes end nouns for people that no word list can hold in full:
// "the retired neurosurgeon", "the billionaire businessman", "the host".
var personSuffixes = wordList("person-suffixes.txt")

// personWords are people nouns the suffixes miss.
var personWords = wordSet("person-words.txt")

func personNoun(w string) bool {
	if titleWords[w] || anonymousHeads[w] || personWords[w] || strings.HasSuffix(w, "-year-old") {
		return true
	}
	for _, suf := range personSuffixes {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 || w == suf {
			return true
		}
	}
	return false
}

// personDescription resolves a definite description of a person that no
// list names ("the retired neurosurgeon"): the person of that role, or the
// person the story was just about, whom it describes.
func (x *attributor) personDescription(toks []token, s sentence, from, to, pi, sentIdx int) (attribution, bool) {
	if to-from < 2 || to-from > 5 || toks[from].lower != "the" {
		return noAttribution, false
	}
	for k := from + 1; k < to; k++ {
		t := &toks[k]
		if t.kind != tokWord || t.capitalised() || t.flags&(fAux|fRel|fPrep|fSpeech|fDet) != 0 {
			return noAttribution, false
		}
	}
	head := toks[to-1].lower
	if !personNoun(head) || isPlural(head) && !strings.HasSuffix(head, "ss") {
		return noAttribution, false
	}
	span := article.Span{Start: toks[from].start, End: toks[to-1].end}
	// "the designer, who works for another brand": an introduction, not
	// a reference back
	introduced := to+1 < s.to && toks[to].isPunct(",") && (toks[to+1].lower == "who" || toks[to+1].lower == "a" || toks[to+1].lower == "an")
	e := -1
	if !introduced {
		e = x.findByRole(head, false, false)
		if e < 0 || x.ents[e].typ != article.Person {
			e = x.recentPerson(span.Start, pi)
		}
	}
	if e < 0 {
		// known so far only by this description, perhaps named later
		e = x.newEntity(entity{typ: article.Person, name: roleName(joinTokens(toks, from, to, x.text)), fullAt: -1, intro: span})
	}
	x.addRole(e, head)
	x.addMention(e, span.Start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
	return attribution{ent: e, mention: span, form: "role"}, true
}

// recentPerson returns the person mentioned last before pos in this
// paragraph or the two before it.
func (x *attributor) recentPerson(pos, pi int) int {
	for i := len(x.mentions) - 1; i >= 0 && i >= len(x.mentions)-maxMentionLookBack; i-- {
		m := &x.mentions[i]
		x.work++
		if m.para < pi-2 {
			break
		}
		if m.pos < pos && x.ents[m.ent].typ == article.Person {
			return m.ent
		}
	}
	return -1
}

// speechNouns name something said; their possessor said it: "the
// company's promise of “…”", "Clinton's claim that … “…”", "in her words,
// “…”".
var speechNouns = wordSet("speech-nouns.txt")

// speechNounComplement opens what a speech noun says.
var speechNounComplement = wordSet("speech-noun-complements.txt")

// maxSpeechNounGap bounds the words between a speech noun and its quote.
const maxSpeechNounGap = 10

// speechNounOwner attributes a quote governed by a possessed speech noun
// in its own clause to the possessor.
func (x *attributor) speechNounOwner(toks []token, s sentence, k, pi, sentIdx int) attribution {
	for n := k - 1; n > s.from && n >= k-maxSpeechNounGap; n-- {
		t := &toks[n]
		if t.kind != tokWord {
			if t.isPunct(",") && n == k-1 {
				continue // "in her words, “…”"
			}
			return noAttribution
		}
		if x.isCue(toks, n, s) || t.flags&fSpeech != 0 && strings.HasSuffix(t.lower, "ing") {
			return noAttribution // "responded to her question on Facebook, writing, “…”"
		}
		if t.flags&fSpeechNoun == 0 {
			continue
		}
		// the quote must complete the noun ("claim that …", "promise of
		// …", "in her words, …"), not be said of it ("his description
		// was “false”"); and an earlier reporting verb governs it instead
		if n+1 < k && !speechNounComplement[toks[n+1].lower] && !toks[n+1].isPunct(",") && !toks[n+1].isPunct(":") {
			return noAttribution
		}
		pronounOwner := n > s.from && (toks[n-1].lower == "his" || toks[n-1].lower == "her" || toks[n-1].lower == "their" || toks[n-1].lower == "its")
		for v := max(s.from, n-maxMentionLookBack); v < n && (n+1 == k || pronounOwner); v++ {
			if toks[v].kind == tokWord && (x.isCue(toks, v, s) || toks[v].flags&fSpeech != 0 && strings.HasSuffix(toks[v].lower, "ing")) {
				return noAttribution
			}
		}
		p := n - 1
		owner := toks[p]
		ownerFrom := p
		var a attribution
		switch {
		case owner.lower == "his" || owner.lower == "her" || owner.lower == "their" || owner.lower == "its":
			a = x.speakerIn(toks, s, p, p+1, pi, sentIdx)
		case isPossessiveWord(&owner):
			from := p
			for from > s.from && from > p-5 && toks[from-1].kind == tokWord && (toks[from-1].capitalised() || toks[from-1].flags&fDet != 0) {
				from--
			}
			// read "the company's" as "the company": the token becomes the
			// stem's, its classes included, while speakerIn reads it
			base, _ := stripPossessive(owner.lower)
			cut := len(owner.lower) - len(base)
			stem := owner.text[:len(owner.text)-cut]
			toks[p].lower, toks[p].text, toks[p].end = base, stem, owner.end-cut
			toks[p].flags = x.words.lookup(stem, false, strings.IndexByte(stem, '-') >= 0, x.ex.lex).flags
			a = x.speakerIn(toks, s, from, p+1, pi, sentIdx)
			toks[p] = owner
			ownerFrom = from
		default:
			return noAttribution
		}
		if a.ent < 0 {
			return noAttribution
		}
		// the possessor names the source ("Donald Trump's"); the noun is the cue
		a.mention = article.Span{Start: toks[ownerFrom].start, End: owner.end}
		a.cue, a.cueSpan, a.conf = t.text, article.Span{Start: t.start, End: t.end}, 0.75
		return a
	}
	return noAttribution
}

// groupNouns name a group that speaks together ("the crowd").
var groupNouns = wordSet("group-nouns.txt")

// maxDescribedSubjectTokens bounds a described subject: "the ad",
// "its senior vice president", "the conservative publication".
const maxDescribedSubjectTokens = 5

// describedSubject reads the subject of a quote's clause when it names
// no entity but describes one: "The crowd chanted back, "…"", "The ad
// targets a "…"", "Her campaign blasted out an email stating, "…"". The
// head noun says what speaks: a document, a body, or unnamed people.
func (x *attributor) describedSubject(toks []token, s sentence, ch [2]int, pi, sentIdx int) attribution {
	from, to := ch[0], ch[1]
	for to > from && (toks[to-1].kind != tokWord || strings.HasSuffix(toks[to-1].lower, "ly")) {
		to-- // "Her campaign quickly", a full stop
	}
	if to-from < 2 || to-from > maxDescribedSubjectTokens {
		return noAttribution
	}
	first := &toks[from]
	body := from + 1
	if first.capitalised() && !possessivePronoun(first.lower) && first.flags&fDet == 0 {
		// "Obama's first five questioners": a named possessor, whose
		// people speak
		body = capRun(toks, from, to)
		if body >= to || !isPossessiveWord(&toks[body-1]) {
			return noAttribution
		}
	} else if first.kind != tokWord || first.flags&fDet == 0 && !possessivePronoun(first.lower) {
		return noAttribution
	}
	for k := body; k < to; k++ {
		t := &toks[k]
		// (an auxiliary-like "first" is an adjective here: the subject
		// chunk already ends at a real auxiliary)
		if t.kind != tokWord || t.flags&(fRel|fPrep|fSpeech) != 0 || t.flags&fDet != 0 && t.flags&fNumberWord == 0 || pronounLike(t.lower) {
			return noAttribution
		}
	}
	head := &toks[to-1]
	if head.capitalised() {
		return noAttribution // a name the registry did not know: not a description
	}
	var typ article.SourceType
	switch w := head.lower; {
	case head.flags&fDocNoun != 0:
		typ = article.DocumentSource
	case orgHeads[w]:
		typ = article.Organization
	case groupNouns[w] || anonymousHeads[w] || personNoun(singular(w)):
		typ = article.Anonymous
	default:
		return noAttribution
	}
	span := article.Span{Start: first.start, End: head.end}
	var e int
	if typ == article.Organization {
		e = x.findOrgByHead(head.lower)
	} else {
		e = -1
	}
	if e < 0 {
		w := head.lower
		e = x.newEntity(entity{typ: typ, name: roleName(joinTokens(toks, from, to, x.text)), head: singular(w), plural: isPlural(w), intro: span})
		x.addRole(e, w, singular(w))
	}
	x.addMention(e, span.Start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
	return attribution{ent: e, mention: span, form: "description"}
}
