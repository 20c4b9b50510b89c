package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotecheck/quotecheck/article"
)

// speakerIn resolves the noun phrase in tokens [from, to) to a source.
func (x *attributor) speakerIn(toks []token, s sentence, from, to, pi, sentIdx int) attribution {
	for from < to && (toks[from].kind != tokWord || toks[from].lower == "and" || toks[from].lower == "but" || toks[from].lower == "also" || toks[from].lower == "yet") {
		from++
	}
	for to > from && toks[to-1].kind != tokWord {
		if toks[to-1].isPunct(")") {
			// "Sen. Elizabeth Warren (D-MA)": the tag is not the speaker
			if open := openParen(toks, from, to-1); open > from {
				to = open
				continue
			}
		}
		to--
	}
	if from >= to {
		return noAttribution
	}
	span := article.Span{Start: toks[from].start, End: toks[to-1].end}
	if to-from == 1 {
		w := toks[from].lower
		switch w {
		case "him", "his":
			w = "he"
		case "her", "hers":
			w = "she"
		case "them", "us":
			w = "they"
		}
		switch w {
		case "he", "she":
			if to < s.to && isReplyVerb(toks[to].lower) && x.lastQuoteSpeaker >= 0 && x.lastQuoteQuestion {
				// "“By whom?” Hennessey asked. / “By arithmetic,” he
				// replied.": not the one who asked
				if e := x.resolvePronounExcept(w, toks[from].start, pi, sentIdx, x.lastQuoteSpeaker); e >= 0 {
					return attribution{ent: e, mention: span, form: "pronoun"}
				}
			}
			for i := len(x.mentions) - 1; i >= 0 && i >= len(x.mentions)-maxMentionLookBack; i-- {
				x.work++
				if x.mentions[i].pos == toks[from].start {
					return attribution{ent: x.mentions[i].ent, mention: span, form: "pronoun"}
				}
			}
			if e := x.resolvePronoun(w, toks[from].start, pi, sentIdx, true); e >= 0 {
				return attribution{ent: e, mention: span, form: "pronoun"}
			}
			return noAttribution
		case "it", "they", "we":
			p := w
			if w == "we" {
				p = "they"
			}
			if w == "it" {
				x.repairOrganisation(pi)
			}
			e := x.resolvePronoun(p, toks[from].start, pi, sentIdx, false)
			if e < 0 && p == "they" {
				e = x.resolvePronoun("it", toks[from].start, pi, sentIdx, false)
			}
			if e >= 0 {
				return attribution{ent: e, mention: span, form: "pronoun"}
			}
			return noAttribution
		case "who", "which":
			return x.antecedent(toks, from, s, pi, sentIdx)
		case "i":
			if e := x.author(); e >= 0 {
				return attribution{ent: e, mention: span, form: "pronoun"}
			}
		}
	}
	if a, ok := x.documentSpeaker(toks, s, from, to, pi, sentIdx); ok {
		return a
	}
	if shareOfPeople(toks, from, to) {
		// a share of those polled: unnamed people, plural
		e := x.newEntity(entity{typ: article.Anonymous, name: joinTokens(toks, from, to, x.text), head: "percent", plural: true, intro: span})
		x.addMention(e, span.Start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
		return attribution{ent: e, mention: span, form: "description"}
	}
	// "Police said", "the government said"
	if w := toks[to-1].lower; to-from <= 2 && toks[to-1].flags&fOrgHead != 0 && (to-from == 1 || toks[from].lower == "the") && !toks[to-1].capitalised() || to-from == 1 && toks[from].lower == "police" {
		e := x.findOrgByHead(w)
		if e < 0 {
			e = x.newEntity(entity{typ: article.Organization, name: roleName(joinTokens(toks, from, to, x.text)), nameToks: []string{w}, intro: span})
			x.addRole(e, w)
		}
		x.addMention(e, span.Start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
		return attribution{ent: e, mention: span, form: "description"}
	}
	// "Her brother", "his father": the relative sharing the possessor's name
	if to-from == 2 && (toks[from].lower == "her" || toks[from].lower == "his" || toks[from].lower == "their") && (toks[from+1].flags&fKinship != 0) {
		if e := x.resolveKin(toks, s, from, pi, sentIdx); e >= 0 {
			return attribution{ent: e, mention: span, form: "role"}
		}
	}
	// a mention registered inside the phrase
	// the head of an English noun phrase comes last ("Riverton coach Helena
	// Marsh"): prefer the last person named, else the first mention
	best, firstAny := -1, -1
	for i := len(x.mentions) - 1; i >= 0; i-- {
		m := &x.mentions[i]
		x.work++
		if m.pos < span.Start {
			if m.pos < span.Start-2000 {
				break
			}
			continue
		}
		if m.pos >= span.End || inPrepPhrase(toks, from, m.pos) || x.ents[m.ent].typ == article.Person && possessorInside(toks, from, to, m.pos) {
			continue
		}
		if x.ents[m.ent].typ == article.Person && (best < 0 || m.pos > x.mentions[best].pos) {
			best = i
		}
		if firstAny < 0 || m.pos < x.mentions[firstAny].pos {
			firstAny = i
		}
	}
	if best < 0 {
		best = firstAny
		// "the Senate minority leader", "a Clinton campaign spokesman":
		// a body named inside a phrase headed by a person noun only
		// modifies it; the person speaks
		if last := &toks[to-1]; best >= 0 && last.kind == tokWord && !last.capitalised() && x.ents[x.mentions[best].ent].typ == article.Organization &&
			x.mentions[best].pos < last.start && personNoun(last.lower) && !speaksForBody[last.lower] && (last.flags&fOrgMember == 0) && !inPrepPhrase(toks, from, last.start) {
			head := last.lower
			e := x.findByRole(head, false, false)
			if e < 0 || x.ents[e].typ != article.Person {
				e = x.newEntity(entity{typ: article.Person, name: roleName(joinTokens(toks, from, to, x.text)), fullAt: -1, intro: span})
				x.addRole(e, head)
			}
			x.addMention(e, span.Start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
			return attribution{ent: e, mention: span, form: "role"}
		}
	}
	if best >= 0 {
		e := x.mentions[best].ent
		return attribution{ent: e, mention: span, form: x.formOf(e, toks, from, to)}
	}
	// nothing registered: classify the phrase now
	for k := from; k < to; k++ {
		t := &toks[k]
		if k == from && (t.flags&fParticle != 0) && particleRunEnd(toks, k, to) > k {
			j := capRun(toks, particleRunEnd(toks, k, to), to)
			name := x.nameTokens(toks, k, j)
			if e := x.findPersonSuffix(name); e >= 0 {
				return attribution{ent: e, mention: span, form: "surname"}
			}
		}
		if t.capitalised() && !(k == from && (t.flags&fFunc != 0) && !honorificWord(t.lower)) {
			j := capRun(toks, k, to)
			if k == from && j == to-1 && (toks[j].flags&fAnonHead != 0) && isPlural(toks[j].lower) && (toks[j].flags&fOrgMember == 0) {
				// "Sanders protesters", "Ferry workers": a group named by
				// what it supports or where it works
				last := toks[j].lower
				e := x.newEntity(entity{typ: article.Anonymous, name: joinTokens(toks, from, to, x.text), head: singular(last), plural: true, intro: span})
				x.addRole(e, last, singular(last))
				x.addMention(e, span.Start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
				return attribution{ent: e, mention: span, form: "description"}
			}
			cr := classifyRun(toks, k, j, k == s.from)
			if cr.possess && j < to {
				k = j - 1 // "Whitfield’s campaign manager": the possessor is not the speaker
				continue
			}
			switch cr.kind {
			case runPerson:
				e := x.personFromRun(toks, cr, true)
				if e < 0 {
					name := x.nameTokens(toks, cr.nameFrom, cr.to)
					if len(name) == 1 && isAllCaps(toks[cr.nameFrom].text) {
						e = x.orgFromRun(toks, cr, s)
					} else if len(name) == 1 {
						if o := x.findOrgShort(name[0]); o >= 0 {
							e = o
						} else if !(cr.nameFrom == s.from && !cr.hasHon && len(cr.titles) == 0 && commonNounShape(name[0])) {
							e = x.newSurnameEntity(toks, cr, name)
						}
					}
				}
				if e >= 0 {
					x.addMention(e, toks[cr.nameFrom].start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
					return attribution{ent: e, mention: span, form: x.formOf(e, toks, from, to)}
				}
			case runOrg:
				e := x.orgFromRun(toks, cr, s)
				x.addMention(e, toks[cr.from].start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
				return attribution{ent: e, mention: span, form: "description"}
			}
			k = j - 1
			continue
		}
		if (t.flags&fDet != 0) || t.lower == "people" || t.lower == "sources" || t.lower == "officials" {
			if d, ok := parseDescription(toks, k, to); ok {
				if e := x.resolveDescription(toks, d, true); e >= 0 {
					x.addMention(e, toks[k].start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
					return attribution{ent: e, mention: span, form: "description"}
				}
				if d.role {
					// a specific person known so far by title: named later,
					// perhaps ("Mayor Priya Castellan")
					e := x.newEntity(entity{typ: article.Person, name: roleName(joinTokens(toks, d.from, d.end, x.text)), fullAt: -1, intro: span})
					x.addRole(e, d.head)
					x.addMention(e, toks[k].start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
					return attribution{ent: e, mention: span, form: "role"}
				}
			}
		}
	}
	// "one volunteer said", "a neighbour said": an unnamed person;
	// "Another said", "Several said": a determiner standing alone
	alone := to-from == 1 && (toks[from].flags&fStandaloneDet != 0)
	if to-from <= 5 && ((toks[from].flags&fIndefiniteDet != 0) || alone) && toks[to-1].kind == tokWord && (!toks[to-1].capitalised() || alone) && (toks[to-1].flags&fOrgHead == 0) {
		last := toks[to-1].lower
		e := x.newEntity(entity{typ: article.Anonymous, name: roleName(joinTokens(toks, from, to, x.text)), head: singular(last),
			plural: isPlural(last) && toks[from].lower != "a" && toks[from].lower != "an" && toks[from].lower != "one", intro: span})
		x.addRole(e, last, singular(last))
		x.addMention(e, span.Start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
		return attribution{ent: e, mention: span, form: "description"}
	}
	if a, ok := x.personDescription(toks, s, from, to, pi, sentIdx); ok {
		return a
	}
	// headline style: a bare role ("council leader") or a bare plural
	// group ("critics", "analysts")
	last, lastFlags := toks[to-1].lower, toks[to-1].flags
	if to-from <= 3 && lastFlags&(fTitle|fAnonHead) != 0 {
		if isPlural(last) || lastFlags&fAnonHead != 0 && lastFlags&fTitle == 0 {
			e := x.newEntity(entity{typ: article.Anonymous, name: roleName(joinTokens(toks, from, to, x.text)), head: singular(last),
				plural: isPlural(last), bare: isPlural(last), intro: span})
			x.addMention(e, span.Start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
			return attribution{ent: e, mention: span, form: "description"}
		}
		e := x.newEntity(entity{typ: article.Person, name: joinTokens(toks, from, to, x.text), fullAt: -1, intro: span})
		x.addRole(e, last)
		x.addMention(e, span.Start, pi, sentIdx, 2, x.sentenceSpan(toks, s))
		return attribution{ent: e, mention: span, form: "role"}
	}
	return noAttribution
}

func honorificWord(w string) bool {
	_, ok := honorifics[w]
	return ok
}

func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// formOf says how a phrase names its source: a full name, a surname or
// honorific form, or a description.
func (x *attributor) formOf(e int, toks []token, from, to int) string {
	ent := &x.ents[e]
	if ent.typ != article.Person {
		return "description"
	}
	n := 0
	for k := from; k < to; k++ {
		w, _ := stripPossessive(toks[k].lower)
		if containsTok(ent.nameToks, w) {
			n++
		}
	}
	switch {
	case n >= 2:
		return "name"
	case n == 1:
		return "surname"
	}
	return "role"
}

// termReason says why a quoted string is a term rather than a quotation:
// a naming cue before it, title case, or a short modifier inside a noun
// phrase. It returns "" for quotations.
func termReason(lex *Lexicon, toks []token, k int, s sentence, text string) string {
	prev := func(n int) string {
		if k-n < s.from || toks[k-n].kind != tokWord {
			return ""
		}
		return toks[k-n].lower
	}
	// Kwabena “Kobby” Asamoah: a nickname between two names
	if k > s.from && k+1 < s.to && toks[k-1].capitalised() && toks[k+1].capitalised() && wordCountUpTo(text, 4) <= 3 {
		return "nickname"
	}
	for skip := 0; skip <= 1; skip++ {
		// allow an article between cue and quote: "dubbed the 'Velna process'"
		if skip == 1 && prev(1) != "the" && prev(1) != "a" {
			continue
		}
		if at := k - 1 - skip; at < s.from || toks[at].flags&fNamingCueEnd == 0 {
			continue // no cue ends on the word before
		}
		for _, cue := range namingCuesByLast[prev(1+skip)] {
			match := true
			for i := range cue {
				if prev(len(cue)-i+skip) != cue[i] {
					match = false
					break
				}
			}
			if match {
				return "named as " + strings.Join(cue, " ")
			}
		}
	}
	callAt := 1
	if prev(1) == "the" || prev(1) == "a" {
		callAt = 2
	}
	switch prev(callAt) {
	case "call", "calls", "called":
		subj := prev(callAt + 1)
		if subj == "whom" || subj == "which" || subj != "" && strings.HasSuffix(subj, "s") && !pronounLike(subj) && lex.wordClasses(subj)&grammarFlags == 0 {
			return "name: what others call it"
		}
	}
	// "called her “Miss Piggy”", "calls the senator “Little Marco”": a
	// speaker names someone, in words the story quotes
	for n := 2; n <= 4 && k-n >= s.from; n++ {
		switch prev(n) {
		case "call", "calls", "called", "calling":
			if subj := prev(n + 1); subj != "" && subj != "whom" && subj != "which" && subj != "be" && !passiveAux[subj] {
				objectWords := true
				for j := k - n + 1; j < k; j++ {
					objectWords = objectWords && toks[j].kind == tokWord
				}
				if objectWords {
					return ""
				}
			}
		}
		if prev(n) == "" {
			break
		}
	}
	if isIdentifier(text) {
		return "identifier"
	}
	if k > s.from && toks[k-1].isPunct("=") {
		return "markup attribute" // <tweet tweet-id="…">
	}
	if len(text) > 120 {
		return "" // far longer than any title or label
	}
	n, title := wordShape(text)
	if title && n >= 2 && !attributionFollows(lex, toks[k+1:s.to]) {
		return "title"
	}
	if n <= 2 && startsLower(text) && k+1 < s.to && k > s.from {
		p, n := &toks[k-1], &toks[k+1]
		if p.kind == tokWord && (p.lower == "a" || p.lower == "an" || p.lower == "the" || p.lower == "its" || p.lower == "their") &&
			n.kind == tokWord && !n.capitalised() && n.flags&fFunc == 0 && n.flags&fPrep == 0 && n.flags&fAux == 0 {
			if _, verb := lex.speech(n.lower); !verb {
				return "scare quote"
			}
		}
	}
	return ""
}

// wordShape counts the words of a quoted text and reports whether it is
// in title case (every word capitalised but small words after the first)
// and at most eight words long, in one pass without allocating: it runs
// for every quotation. Callers ask only "two words or fewer" of a text
// that is not a title, so the count stops at three once the text is not
// in title case, and at nine in any case.
func wordShape(text string) (n int, title bool) {
	title = true
	inWord := false
	judge := -1 // start of a word in lower case, judged by titleWord at its end
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isShapeSeparator(r) {
			if judge >= 0 {
				title, judge = titleWord(text[judge:i], n-1), -1
			}
			inWord = false
		} else if !inWord {
			inWord = true
			if n++; n > 8 || !title && n > 2 {
				return n, false
			}
			if title && !unicode.IsUpper(r) && !unicode.IsDigit(r) {
				judge = i
			}
		}
		i += size
	}
	if judge >= 0 {
		title = titleWord(text[judge:], n-1)
	}
	return n, title && n > 0
}

// isShapeSeparator ends a word for wordShape.
func isShapeSeparator(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiShapeSeparators[r]
	}
	return unicode.IsSpace(r)
}

var asciiShapeSeparators = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true,
	',': true, '.': true, '!': true, '?': true, ';': true, ':': true}

func titleWord(w string, index int) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) || unicode.IsDigit(r) {
		return true
	}
	if index == 0 {
		return false
	}
	// most words a title leaves in lower case are longer than any small word
	return inLowerSet(smallTitleWords, longestSmallTitleWord, w)
}

// wordCountUpTo counts the words of a quoted text as wordShape does, but
// stops at limit: it runs for every quotation, however long.
func wordCountUpTo(text string, limit int) int {
	n := 0
	inWord := false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		if isShapeSeparator(r) {
			inWord = false
			continue
		}
		if !inWord {
			if n++; n >= limit {
				return n
			}
			inWord = true
		}
	}
	return n
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// isScareQuote: a short lower-case quoted phrase with no speaker is a
// scare quote or a word used as a word.
func isScareQuote(text string) bool {
	if n := wordCountUpTo(text, 3); n == 0 || n > 2 || !startsLower(text) {
		return false
	}
	return !strings.ContainsAny(strings.TrimRight(text, ".,!?"), ".!?")
}

// finish turns entities into sources and fills each quote's speaker.
func (x *attributor) finish() {
	doc := x.doc
	nq, nt := 0, 0
	for i := range doc.Quotes {
		if doc.Quotes[i].Kind == article.Term && x.speakerOf[i] < 0 {
			nt++
			doc.Quotes[i].ID = quoteID('t', nt)
		} else {
			nq++
			doc.Quotes[i].ID = quoteID('q', nq)
		}
	}
	// every source's quote list and every speaker are cut from one
	// allocation each: count each source's quotes first
	perEnt := resize(x.quotesOfEnt, len(x.ents))
	x.quotesOfEnt = perEnt
	attributed, sources := 0, 0
	for q := range doc.Quotes {
		if e := x.speakerOf[q]; e >= 0 && doc.Quotes[q].Kind != article.Term {
			e = x.canon(e)
			if perEnt[e] == 0 && x.ents[e].source < 0 {
				sources++
			}
			perEnt[e]++
			attributed++
		}
	}
	doc.Sources = slices.Grow(doc.Sources, sources)
	idBuf := make([]string, 0, attributed)
	speakers := make([]article.Speaker, 0, attributed)
	for q := range doc.Quotes {
		quote := &doc.Quotes[q]
		e := x.speakerOf[q]
		if e >= 0 {
			e = x.canon(e)
		}
		if e < 0 || quote.Kind == article.Term {
			quote.Confidence = 0.5
			if quote.Kind == article.Quotation {
				quote.Confidence = x.noSpeaker[q]
			}
			continue
		}
		ent := &x.ents[e]
		if ent.source < 0 {
			ent.source = len(doc.Sources)
			n := perEnt[e]
			doc.Sources = append(doc.Sources, article.Source{Name: ent.name, Type: ent.typ, Intro: ent.intro, Description: ent.desc, Bare: ent.bare,
				Quotes: idBuf[len(idBuf) : len(idBuf) : len(idBuf)+n]})
			idBuf = idBuf[:len(idBuf)+n]
			if ent.typ == article.Person && ent.full {
				doc.Sources[ent.source].Intro = article.Span{Start: ent.fullAt, End: ent.fullAt + len(ent.name)}
			}
			if ent.typ == article.Anonymous {
				doc.Sources[ent.source].AnonymityReason, doc.Sources[ent.source].ReasonSpan = x.anonymityReason(ent)
			}
		}
		src := &doc.Sources[ent.source]
		src.Quotes = append(src.Quotes, quote.ID)
		m := x.mentionOf[q]
		speakers = append(speakers, article.Speaker{Name: ent.name, Type: ent.typ, Source: ent.source, MentionSpan: m.span, Form: m.form})
		sp := &speakers[len(speakers)-1]
		if !m.span.Empty() {
			sp.Mention = article.CollapseSpaces(doc.Slice(m.span))
			addUnique(&src.Mentions, sp.Mention)
		}
		if ent.typ == article.Person {
			sp.FullNameGiven = ent.full
			sp.FullNameAt = ent.fullAt
		}
		quote.Speaker = sp
		quote.Cue, quote.CueSpan, quote.Confidence, quote.Frame = m.cue, m.cueSpan, m.conf, m.frame
	}
}

func addUnique(list *[]string, s string) {
	for _, x := range *list {
		if x == s {
			return
		}
	}
	*list = append(*list, s)
}

// anonymityReason looks for a stated reason for anonymity in the sentences
// that mention the source.
func (x *attributor) anonymityReason(ent *entity) (bool, article.Span) {
	for _, s := range ent.sentences {
		if k, i := x.ex.lex.reasonFinder.find(x.text[s.Start:s.End]); k >= 0 {
			return true, article.Span{Start: s.Start + i, End: s.Start + i + len(x.ex.lex.reasons[k])}
		}
	}
	return false, article.Span{}
}

// roleName lower-cases a leading article: "The mayor" → "the mayor".
func roleName(s string) string {
	first, rest, _ := strings.Cut(s, " ")
	lw := strings.ToLower(first)
	if determiners[lw] || anonymousHeads[lw] || orgHeads[lw] || lw == "police" {
		switch {
		case lw == first:
			return s // already lower case: no copy
		case rest == "":
			return lw
		}
		return lw + " " + rest
	}
	return s
}

// inPrepPhrase reports whether the word at byte offset pos follows a
// preposition inside the phrase starting at token from ("the mayor of
// Lower Ashcombe", "a developer in Marlow Heath").
func inPrepPhrase(toks []token, from, pos int) bool {
	for k := from; k < len(toks) && toks[k].start < pos; k++ {
		if toks[k].kind == tokWord && k > from && toks[k].flags&fPrep != 0 && toks[k].lower != "and" {
			return true
		}
		if toks[k].isPunct(",") {
			return false
		}
	}
	return false
}

var kinship = wordSet("kinship.txt")

// resolveKin finds the relative a kinship phrase names: the possessor is
// resolved like a pronoun, and the relative is another person sharing a
// name word with them (family name first or last).
func (x *attributor) resolveKin(toks []token, s sentence, from, pi, sentIdx int) int {
	p := "he"
	if toks[from].lower == "her" {
		p = "she"
	}
	owner := x.resolvePronoun(p, toks[from].start, pi, sentIdx, false)
	if owner < 0 || len(x.ents[owner].nameToks) < 2 {
		return -1
	}
	on := x.ents[owner].nameToks
	keep := func(e *entity) bool {
		return e.typ == article.Person && len(e.nameToks) >= 2 && !equalToks(e.nameToks, on)
	}
	if e := x.mostRecent(x.indexed(ixLast, on[len(on)-1]), keep); e >= 0 {
		return e
	}
	return x.mostRecent(x.indexed(ixFirst, on[0]), keep)
}

// replyVerbs answer a question: "he replied" after a question is its
// addressee speaking.
var replyVerbs = wordSet("reply-verbs.txt")

func isReplyVerb(w string) bool { return replyVerbs[w] }

// repairOrganisation retypes the latest speaker of the paragraph as an
// organisation when "it" is about to be resolved and that speaker is a
// one-word "person" with no title, honorific or gender ("Ballinmore said
// in a statement ... 'He has been taken for scans,' it said").
func (x *attributor) repairOrganisation(pi int) {
	for i := len(x.mentions) - 1; i >= 0 && i >= len(x.mentions)-maxMentionLookBack; i-- {
		m := &x.mentions[i]
		x.work++
		if m.para != pi {
			return
		}
		if m.salience < 2 {
			continue
		}
		e := &x.ents[m.ent]
		if e.typ == article.Person && len(e.nameToks) == 1 && e.gender == 0 && len(e.roles) == 0 {
			e.typ = article.Organization
			x.reindex(m.ent)
		}
		return
	}
}

// author returns the writer of the article, for "I ask" in a profile: the
// person a "By NAME" byline names, or "the reporter".
func (x *attributor) author() int {
	if x.authorEnt != 0 {
		return x.authorEnt - 1
	}
	name := "the reporter"
	var toks []string
	for _, p := range x.doc.Paragraphs {
		line := x.doc.Slice(p.Span)
		if first, _, _ := strings.Cut(line, "\n"); strings.HasPrefix(first, "By ") && len(strings.Fields(first)) <= 5 {
			name = strings.TrimSpace(strings.TrimPrefix(first, "By "))
			for _, w := range strings.Fields(name) {
				toks = append(toks, strings.ToLower(w))
			}
			break
		}
	}
	e := x.newEntity(entity{typ: article.Person, name: name, nameToks: toks, full: len(toks) >= 2, fullAt: -1})
	x.authorEnt = e + 1
	return e
}

// possessorInside reports a name at byte offset pos that ends in a
// possessive before the end of the phrase: "Whitfield's campaign manager"
// is the manager, not Whitfield.
func possessorInside(toks []token, from, to, pos int) bool {
	for k := from; k < to; k++ {
		if toks[k].start != pos {
			continue
		}
		j := capRun(toks, k, to)
		if j < to && j > k {
			_, poss := stripPossessive(toks[j-1].lower)
			return poss && strings.ContainsAny(toks[j-1].text, "'’")
		}
		return false
	}
	return false
}

// isIdentifier reports quoted text with no letters: an id, a number or a
// timestamp ("758857128652046336", "10:40"), never a quotation.
func isIdentifier(text string) bool {
	digits := 0
	for _, r := range text {
		switch {
		case unicode.IsLetter(r):
			return false
		case unicode.IsDigit(r):
			digits++
		}
	}
	return digits > 0
}

// speaksForBody are people nouns whose words are their body's: "a Clinton
// campaign spokesman" speaks for the campaign.
var speaksForBody = wordSet("spokespeople.txt")

// orgMemberHeads name the people who run a body: "Kessington Marathon
// organizers" speak for it.
var orgMemberHeads = wordSet("organisation-members.txt")

// namingCuesByLast indexes the naming cues by their last word, the word
// right before the quote, so a quote looks at a handful of cues.
var namingCuesByLast = func() map[string][][]string {
	m := map[string][][]string{}
	for _, c := range namingCues {
		if len(c) > 0 {
			m[c[len(c)-1]] = append(m[c[len(c)-1]], c)
		}
	}
	return m
}()
