package extract

import (
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

// prepositions before a name mark it as an object, not a subject, which
// lowers its salience as an antecedent for pronouns.
var prepositions = wordSet("prepositions.txt")

var nameParticles = wordSet("name-particles.txt")

// registerSentence records every source candidate a sentence mentions:
// names, organisations, anonymous descriptions and resolved pronouns.
func (x *attributor) registerSentence(toks []token, s sentence, para, sentIdx int) {
	x.inHeading = x.doc.Paragraphs[para].Heading
	subj := x.subjectChunk(toks, s)
	span := x.sentenceSpan(toks, s)
	for i := s.from; i < s.to; i++ {
		t := &toks[i]
		if t.kind != tokWord {
			continue
		}
		pronoun := t.flags&fPron != 0 && (t.lower == "he" || t.lower == "she")
		describes := t.flags&fDet != 0 || t.lower == "people" || t.lower == "sources" || t.lower == "officials"
		if !pronoun && !describes && !t.capitalised() {
			continue // most words start no mention
		}
		sal := 1.0
		switch {
		case i > s.from && (toks[i-1].flags&fPrep != 0) && toks[i-1].lower != "and":
			sal = 0.5
		case i >= subj[0] && i < subj[1]:
			sal = 2.0
		}
		if pronoun {
			// a gender is learnt only from a pronoun that opens its sentence
			// or clause, where the antecedent is clear
			learn := i == s.from || i == subj[0] || i > s.from && toks[i-1].kind == tokQuote ||
				i > s.from+1 && toks[i-1].isPunct(",") && toks[i-2].kind == tokQuote
			if e := x.resolvePronoun(t.lower, t.start, para, sentIdx, learn); e >= 0 {
				x.addMention(e, t.start, para, sentIdx, sal, span)
			}
			continue
		}
		if describes {
			if j := x.registerDescription(toks, i, s, para, sentIdx, sal, span); j > i {
				i = j - 1
				continue
			}
		}
		if t.capitalised() {
			j := x.registerRun(toks, i, s, para, sentIdx, sal, span)
			if j > i {
				i = j - 1
			}
		}
	}
}

func (x *attributor) sentenceSpan(toks []token, s sentence) article.Span {
	if s.to <= s.from {
		return article.Span{}
	}
	return article.Span{Start: toks[s.from].start, End: toks[s.to-1].end}
}

// addMention records a mention of entity e at byte offset pos, with its
// salience for pronoun resolution; sent, when not empty, is the sentence
// an anonymous source is mentioned in, where a reason for anonymity may be.
func (x *attributor) addMention(e, pos, para, sentIdx int, sal float64, sent article.Span) {
	x.mentions = append(x.mentions, mention{ent: e, pos: pos, para: para, sent: sentIdx, salience: sal})
	if pos > x.lastPos[e] {
		x.lastPos[e] = pos
	}
	if !sent.Empty() && x.ents[e].typ == article.Anonymous {
		x.ents[e].addSentence(sent)
	}
}

// capRun finds the run of capitalised words starting at i: names with
// particles, and "of" inside organisation names ("University of Northmoor").
func capRun(toks []token, i, end int) int {
	j := i
	for j < end {
		t := &toks[j]
		switch {
		case t.capitalised():
			j++
			if _, poss := stripPossessive(t.text); poss && strings.ContainsAny(t.text, "'’") {
				// "Users' Forum", "St Brennan's Hospital" continue the name
				if j < end && toks[j].capitalised() && (toks[j].flags&fFunc == 0) {
					continue
				}
				return j
			}
			continue
		case t.kind == tokWord && (t.flags&fParticle != 0) && particleRunEnd(toks, j, end) > j:
			j = particleRunEnd(toks, j, end)
			continue
		case t.kind == tokQuote && j > i && j+1 < end && toks[j+1].capitalised() && len(t.text) < 40:
			j++ // a nickname between given name and surname
			continue
		case (t.kind == tokWord && (t.lower == "of" || t.lower == "and" || t.lower == "for") || t.isPunct("&")) && j > i && j+1 < end && toks[j+1].capitalised():
			// "Department of Health and Care", "Fire and Rescue Service":
			// join only when an organisation word completes the name
			k := j + 1
			for k < end && toks[k].capitalised() {
				k++
			}
			if (toks[j-1].flags&fOrgHead != 0) || (toks[k-1].flags&fOrgHead != 0) {
				j = k
				continue
			}
		}
		break
	}
	return j
}

type runKind uint8

const (
	runNone runKind = iota
	runPerson
	runOrg
	runPlace
)

// classifiedRun is a capitalised run split into title words and name.
type classifiedRun struct {
	kind      runKind
	from, to  int // token range of the whole run
	nameFrom  int // first token of the name proper
	titles    []string
	honorific byte
	hasHon    bool
	possess   bool
}

func classifyRun(toks []token, from, to int, sentenceStart bool) classifiedRun {
	cr := classifiedRun{from: from, to: to, nameFrom: from}
	// sentence-initial function words are not names ("The", "Asked")
	for cr.nameFrom < to && ((toks[cr.nameFrom].flags&fFunc != 0) || (toks[cr.nameFrom].flags&fNumberWord != 0)) && (cr.nameFrom == from) {
		if toks[cr.nameFrom].lower == "mr" || toks[cr.nameFrom].lower == "ms" || toks[cr.nameFrom].lower == "mrs" || toks[cr.nameFrom].lower == "dr" || toks[cr.nameFrom].lower == "prof" || toks[cr.nameFrom].lower == "cllr" {
			break
		}
		cr.nameFrom++
		cr.from = cr.nameFrom
	}
	if cr.nameFrom >= to {
		return cr
	}
	if sentenceStart && to-from == 1 && isSentenceAdverb(toks[from].lower) {
		cr.kind = runNone // "Repeatedly, the crowd chanted …"
		return cr
	}
	last := &toks[to-1]
	base, poss := stripPossessive(last.lower)
	cr.possess = poss && strings.ContainsAny(last.text, "'’")
	// organisation names end in their head word ("Brindle Labs") or put
	// it before "of" ("University of Northmoor")
	for k := cr.nameFrom; k < to; k++ {
		head := toks[k].flags&fOrgHead != 0
		if k == to-1 {
			head = stemIn(last, base, fOrgHead, orgHeads)
		} else if !(toks[k+1].lower == "of" || toks[k+1].lower == "for" || toks[k+1].lower == "and" || toks[k+1].isPunct("&")) {
			continue
		}
		if head {
			cr.kind = runOrg
			return cr
		}
	}
	// "St Cuthman's", "Saint Mary's": a church, school or hospital
	if w := toks[cr.nameFrom].lower; (w == "st" || w == "st." || w == "saint") && to-cr.nameFrom >= 2 {
		cr.kind = runOrg
		return cr
	}
	// a title on its own ("the Prime Minister", "Chief Executive") is an
	// office, not a name
	if onlyTitles(toks, cr.nameFrom, to) {
		cr.kind = runNone
		return cr
	}
	// people's names do not take "the": "the Riverton Comets", "the Harbor Ledger"
	if cr.from > 0 && toks[cr.from-1].lower == "the" && (to-cr.from >= 2 || strings.HasSuffix(base, "s")) {
		cr.kind = runOrg
		return cr
	}
	if to-cr.nameFrom > 1 && allCapsRun(toks, cr.nameFrom, to) {
		cr.kind = runPlace // a dateline: "PORT ELLWYN —"
		return cr
	}
	if to-cr.nameFrom > 1 && stemIn(last, base, fPlaceHead, placeHeads) {
		cr.kind = runPlace
		return cr
	}
	// strip titles: the name follows the last title word
	// ("Estravan Foreign Minister Ilse Varnholt")
	lastTitle := -1
	for k := cr.nameFrom; k < to-1; k++ {
		if toks[k].flags&fTitle != 0 {
			lastTitle = k
		}
	}
	if lastTitle >= 0 {
		for k := cr.nameFrom; k <= lastTitle; k++ {
			w := toks[k].lower
			if g, ok := honorifics[w]; ok {
				cr.honorific, cr.hasHon = g, true
			}
			if toks[k].flags&fTitle != 0 {
				cr.titles = append(cr.titles, strings.TrimSuffix(w, "."))
			}
		}
		cr.nameFrom = lastTitle + 1
	}
	// leading capitalised non-title modifiers ("Riverton coach" is split by
	// the lower-case title, so only months and days remain to drop)
	for cr.nameFrom < to && ((toks[cr.nameFrom].flags&fMonthDay != 0) || (toks[cr.nameFrom].flags&fFunc != 0) || (toks[cr.nameFrom].flags&fNumberWord != 0)) {
		cr.nameFrom++
	}
	if cr.nameFrom >= to {
		cr.kind = runNone
		return cr
	}
	for k := cr.nameFrom; k < to; k++ {
		if toks[k].flags&fMonthDay != 0 {
			cr.kind = runNone
			return cr
		}
	}
	cr.kind = runPerson
	return cr
}

// nameTokens returns the lower-case name tokens of a run, possessive
// stripped. The lists are cut from a slab, not allocated one by one; each
// is capped at its length, so an append to one never writes over the next.
func (x *attributor) nameTokens(toks []token, from, to int) []string {
	run := x.names.take(to - from)
	n := 0
	for k := from; k < to; k++ {
		w := toks[k].lower
		if k == to-1 {
			w, _ = stripPossessive(w)
		}
		if toks[k].kind != tokWord {
			continue
		}
		run[n] = w
		n++
	}
	return run[:n:n]
}

func joinTokens(toks []token, from, to int, text string) string {
	if from >= to {
		return ""
	}
	for k := from; k < to; k++ {
		if toks[k].kind == tokQuote {
			// drop a nickname: "Kwabena “Kobby” Asamoah" → "Kwabena Asamoah"
			left, right := joinTokens(toks, from, k, text), joinTokens(toks, k+1, to, text)
			return strings.TrimSpace(left + " " + right)
		}
	}
	s := text[toks[from].start:toks[to-1].end]
	if hasLooseSpace(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// stemIn reports whether stem, t's word without a possessive ending, is
// in list: t's flag when the stem is the word itself, else a lookup.
func stemIn(t *token, stem string, f wordFlags, list map[string]bool) bool {
	if stem == t.lower {
		return t.flags&f != 0
	}
	return list[stem]
}

// hasLooseSpace reports whether s has two spaces in a row, a tab or a
// line break: one pass instead of a search for each.
func hasLooseSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\r', '\t':
			return true
		case ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return true
			}
		}
	}
	return false
}

// registerRun registers the capitalised run at i and returns the index
// after it.
func (x *attributor) registerRun(toks []token, i int, s sentence, para, sentIdx int, sal float64, span article.Span) int {
	j := capRun(toks, i, s.to)
	cr := classifyRun(toks, i, j, i == s.from)
	if cr.kind == runPerson && !cr.hasHon && len(cr.titles) == 0 && namedBy(toks, i, s) {
		cr.kind = runOrg // "who trades as Ferraro's Original", "known as Big Ben"
	}
	if cr.kind == runPerson && cr.to-cr.nameFrom == 1 && !cr.hasHon && len(cr.titles) == 0 && j < s.to &&
		toks[j].kind == tokWord && !toks[j].capitalised() && (toks[j].flags&fAnonHead != 0) && isPlural(toks[j].lower) && (toks[j].flags&fOrgMember == 0) {
		return j // "Sanders protesters": a modifier of a group, not a mention
	}
	// "Kerran's foreign ministry": a possessive name owning an organisation
	if (cr.possess || cr.kind != runOrg) && cr.kind != runNone {
		if end, ok := possessedOrg(toks, j, s.to, cr.possess); ok && !(end < s.to && toks[end].capitalised()) {
			e := x.orgDescription(toks, cr.from, end)
			x.addMention(e, toks[cr.from].start, para, sentIdx, sal, span)
			return end
		}
	}
	if cr.kind == runPerson && !cr.hasHon && len(cr.titles) == 0 && cr.from > s.from && toks[cr.from-1].kind == tokWord &&
		!toks[cr.from-1].capitalised() && (toks[cr.from-1].flags&fOrgPremodifier != 0) {
		cr.kind = runOrg // "campaign group Heath Watch", "the charity Memory Matters"
	}
	// "the operator, Skerrow Island Ferries": named after an organisation noun
	if cr.kind == runPerson && !cr.hasHon && len(cr.titles) == 0 && cr.from >= 3 && toks[cr.from-1].isPunct(",") &&
		(toks[cr.from-2].flags&fDescOrg != 0) && toks[cr.from-3].lower == "the" {
		cr.kind = runOrg
	}
	if cr.kind == runPerson && cr.to-cr.nameFrom == 1 && !cr.hasHon && len(cr.titles) == 0 && j+1 < s.to && toks[j].isPunct(",") &&
		descriptive(toks, [2]int{j + 1, s.to}) && isOrgHeadAt(toks, appositiveHeadAt(toks, j+1, clauseEnd(toks, j+1, s.to))) {
		cr.kind = runOrg // "Stratalink, a cloud hosting company,"
	}
	// "Ketlan's deputy foreign minister": a person known by a title
	if cr.possess && cr.kind != runNone {
		if end, head := possessedRole(toks, j, s.to); end > 0 {
			e := x.findRoleOnly(head)
			if e < 0 {
				e = x.mostRecent(x.indexed(ixRole, head), func(e *entity) bool { return e.typ == article.Person })
			}
			if e < 0 {
				e = x.newEntity(entity{typ: article.Person, name: joinTokens(toks, cr.from, end, x.text), fullAt: -1,
					intro: article.Span{Start: toks[cr.from].start, End: toks[end-1].end}})
				x.addRole(e, head)
			}
			x.addMention(e, toks[cr.from].start, para, sentIdx, sal, span)
			return end
		}
	}
	// a name already known as an organisation stays one ("Juniper Ridge's
	// project manager" after "Juniper Ridge, the developer behind …")
	var name []string
	if cr.kind == runPerson {
		name = x.nameTokens(toks, cr.nameFrom, cr.to)
		if x.knownOrg(name) {
			cr.kind = runOrg
		}
	}
	switch cr.kind {
	case runPerson:
		e := x.personNamed(toks, cr, false, name)
		if e < 0 && (cr.hasHon || len(cr.titles) > 0) && cr.to-cr.nameFrom == 1 {
			e = x.newSurnameEntity(toks, cr, name)
		}
		if e >= 0 {
			if cr.possess && sal == 2.0 {
				sal = 1.5
			}
			x.collectRoles(toks, cr, e, s)
			x.addMention(e, toks[cr.nameFrom].start, para, sentIdx, sal, span)
		}
	case runOrg:
		e := x.orgFromRun(toks, cr, s)
		x.addMention(e, toks[cr.from].start, para, sentIdx, sal, span)
	}
	return j
}

// personFromRun finds or creates the person a name run refers to. Single
// words only match people already known unless create is set and the run
// carries an honorific.
func (x *attributor) personFromRun(toks []token, cr classifiedRun, create bool) int {
	return x.personNamed(toks, cr, create, x.nameTokens(toks, cr.nameFrom, cr.to))
}

// personNamed is personFromRun given the run's name tokens.
func (x *attributor) personNamed(toks []token, cr classifiedRun, create bool, name []string) int {
	// lower-case titles just before the name count too ("Rovers coach")
	for k := cr.from - 1; k >= 0 && k >= cr.from-2 && toks[k].kind == tokWord && !toks[k].capitalised() && (toks[k].flags&fTitle != 0); k-- {
		cr.titles = append(cr.titles, toks[k].lower)
	}
	if len(name) == 0 {
		return -1
	}
	if len(name) >= 2 && nameParticles[name[0]] {
		if e := x.findPersonSuffix(name); e >= 0 {
			return x.withHonorific(e, cr)
		}
	}
	pos := toks[cr.nameFrom].start
	if len(name) >= 2 && x.inHeading && !create {
		return x.findPersonFull(name) // a speaker may be named in a headline; other words may just be capitalised
	}
	if len(name) >= 2 {
		if e := x.findPersonFull(name); e >= 0 {
			return x.withHonorific(e, cr)
		}
		if nameParticles[name[0]] {
			if e := x.findPersonSuffix(name); e >= 0 {
				return x.withHonorific(e, cr)
			}
		}
		// a surname seen first on its own is now introduced in full
		if e := x.findPersonShort(name[len(name)-1], true, false); e >= 0 && !x.ents[e].full {
			x.upgradeName(e, toks, cr, name, pos)
			return x.withHonorific(e, cr)
		}
		for _, t := range cr.titles {
			if e := x.findRoleOnly(t); e >= 0 {
				x.upgradeName(e, toks, cr, name, pos)
				return x.withHonorific(e, cr)
			}
		}
		e := x.newEntity(entity{typ: article.Person, nameToks: name, full: true, fullAt: pos,
			name: joinTokens(toks, cr.nameFrom, cr.to, x.text), intro: article.Span{Start: pos, End: toks[cr.to-1].end}})
		x.ents[e].name, _ = stripPossessive(x.ents[e].name)
		return x.withHonorific(e, cr)
	}
	// a family-name-first match ("Mr Xi" for Xi Jinping) needs an
	// honorific or a speaker position; otherwise place names would match
	if e := x.findPersonShort(name[0], false, create || cr.hasHon || cr.possess); e >= 0 {
		if cr.hasHon && cr.honorific != 0 && x.ents[e].gender != 0 && x.ents[e].gender != cr.honorific {
			// "Mr. Thorsby" is not Evangeline Thorsby
			return x.newSurnameEntity(toks, cr, name)
		}
		return x.withHonorific(e, cr)
	}
	if e := x.findOrgShort(name[0]); e >= 0 && !cr.hasHon {
		return -1
	}
	if !create || !cr.hasHon && len(cr.titles) == 0 {
		return -1
	}
	return x.newSurnameEntity(toks, cr, name)
}

func (x *attributor) newSurnameEntity(toks []token, cr classifiedRun, name []string) int {
	pos := toks[cr.nameFrom].start
	n, _ := stripPossessive(joinTokens(toks, cr.nameFrom, cr.to, x.text))
	e := x.newEntity(entity{typ: article.Person, nameToks: name, name: n, fullAt: -1,
		intro: article.Span{Start: pos, End: toks[cr.to-1].end}})
	return x.withHonorific(e, cr)
}

func (x *attributor) upgradeName(e int, toks []token, cr classifiedRun, name []string, pos int) {
	ent := &x.ents[e]
	ent.nameToks = name
	ent.name, _ = stripPossessive(joinTokens(toks, cr.nameFrom, cr.to, x.text))
	ent.full = true
	ent.fullAt = pos
	if ent.gender == 0 {
		ent.gender = givenNameGender[name[0]]
	}
	x.reindex(e)
}

func (x *attributor) withHonorific(e int, cr classifiedRun) int {
	if cr.hasHon && cr.honorific != 0 && x.ents[e].gender == 0 {
		x.ents[e].gender = cr.honorific
	}
	x.addRole(e, cr.titles...)
	return e
}

func (x *attributor) orgFromRun(toks []token, cr classifiedRun, s sentence) int {
	from := cr.from
	// keep a preceding "the" as part of the canonical name
	withThe := from > s.from && toks[from-1].lower == "the"
	name := x.nameTokens(toks, cr.from, cr.to)
	if len(name) > 0 && name[0] == "the" {
		name = name[1:]
	}
	if e := x.mostRecent(x.byFullName(name), func(e *entity) bool {
		return e.typ == article.Organization && equalToks(e.nameToks, name)
	}); e >= 0 {
		// a headline's "White House" is "the White House" in the copy
		if withThe && !strings.HasPrefix(x.ents[e].name, "the ") {
			x.ents[e].name = "the " + x.ents[e].name
		}
		return e
	}
	display, _ := stripPossessive(joinTokens(toks, cr.from, cr.to, x.text))
	if strings.HasPrefix(display, "The ") {
		display = "the " + display[4:]
	} else if withThe {
		display = "the " + display
	}
	e := x.newEntity(entity{typ: article.Organization, nameToks: name, name: display,
		intro: article.Span{Start: toks[from].start, End: toks[cr.to-1].end}})
	x.addRole(e, name[len(name)-1])
	return e
}

// collectRoles attaches title words around a person's name: lower-case
// titles before it ("Riverton coach Helena Marsh") and an appositive after
// it ("Halima Dreyer, Osmia's foreign minister,").
func (x *attributor) collectRoles(toks []token, cr classifiedRun, e int, s sentence) {
	ent := &x.ents[e]
	for k := cr.from - 1; k >= s.from && k >= cr.from-3; k-- {
		w := toks[k].lower
		if toks[k].kind != tokWord {
			break
		}
		if toks[k].flags&(fTitle|fAnonHead|fGenderedRole) != 0 {
			x.addRole(e, w)
			continue
		}
		if toks[k].flags&(fTitleModifier|fCapitalised) == 0 {
			break
		}
	}
	if cr.to+1 < s.to && toks[cr.to].isPunct(",") {
		k := cr.to + 1
		first := &toks[k]
		if first.kind == tokWord && (first.lower == "a" || first.lower == "an" || first.lower == "the" || strings.HasSuffix(first.lower, "'s") || strings.HasSuffix(first.lower, "’s")) {
			for ; k < s.to && k < cr.to+12; k++ {
				t := &toks[k]
				if t.kind != tokWord || (t.flags&fRel != 0) {
					break
				}
				if t.flags&(fTitle|fAnonHead|fGenderedRole|fOrgHead) != 0 {
					x.addRole(e, t.lower)
				}
			}
			if ent.desc == "" {
				ent.desc = joinTokens(toks, cr.to+1, k, x.text)
			}
			if ent.typ == article.Person && (first.lower == "a" || first.lower == "an") {
				x.nameLedeSource(e, appositiveHead(toks, cr.to+1, k))
			}
			// "Memory Matters, a dementia research charity,": an organisation;
			// but "Dev Malhotra, a software developer," is a person with a
			// trade that can also name a company
			headAt := appositiveHeadAt(toks, cr.to+1, k)
			if ent.typ == article.Person && !ent.full2() && isOrgHeadAt(toks, headAt) && !(first.lower != "the" && personTrades[toks[headAt].lower]) {
				ent.typ = article.Organization
				x.reindex(e)
			}
		}
	}
}

// appositiveHead returns the head noun of an appositive: the last word
// before a preposition or the end.
func appositiveHead(toks []token, from, to int) string {
	if k := appositiveHeadAt(toks, from, to); k >= 0 {
		return toks[k].lower
	}
	return ""
}

// appositiveHeadAt is appositiveHead's token, -1 when there is none.
func appositiveHeadAt(toks []token, from, to int) int {
	head := -1
	for k := from; k < to; k++ {
		w := toks[k].lower
		// stop at a preposition, relative or participle ("a company used
		// by"), not at a compound adjective ("Colorado-based")
		if k > from && (toks[k].flags&(fPrep|fRel) != 0 || strings.HasSuffix(w, "ed") && !strings.Contains(w, "-") || toks[k].kind != tokWord) {
			break
		}
		head = k
	}
	return head
}

// isOrgHeadAt reports whether token k (-1 for none) heads an organisation.
func isOrgHeadAt(toks []token, k int) bool { return k >= 0 && toks[k].flags&fOrgHead != 0 }

func allCapsRun(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if toks[k].kind == tokWord && !isAllCaps(toks[k].text) {
			return false
		}
	}
	return true
}

// clauseEnd finds the next comma or sentence boundary from k.
func clauseEnd(toks []token, k, end int) int {
	for k < end && !toks[k].isPunct(",") && !isBoundary(&toks[k]) {
		k++
	}
	return k
}

func onlyTitles(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if toks[k].flags&(fTitle|fTitleModifier) == 0 {
			return false
		}
	}
	return (toks[to-1].flags&fTitle != 0)
}

// particleRunEnd returns the index after "van der", "de la" and the like
// when a capitalised name follows, else j.
func particleRunEnd(toks []token, j, end int) int {
	k := j
	for k < end && k < j+3 && toks[k].kind == tokWord && (toks[k].flags&fParticle != 0) {
		k++
	}
	if k < end && k > j && toks[k].capitalised() {
		return k
	}
	return j
}

// orgPremodifiers before a name make it an organisation's name ("campaign
// group Heath Watch"); role nouns such as "operator" or "producer" do not
// ("crane operator Arkadiusz Zielonka").
var orgPremodifiers = wordSet("organisation-premodifiers.txt")

// personTrades are organisation words that, after "a", name a person's
// trade ("a software developer", "a record producer").
var personTrades = wordSet("person-trades.txt")

// possessedRole reads the title after a possessive name ("deputy foreign
// minister" in "Ketlan's deputy foreign minister"), returning the index
// after it and the title word; 0 when there is none or a name follows.
func possessedRole(toks []token, k, end int) (int, string) {
	for n := 0; k < end && n < 4; k, n = k+1, n+1 {
		t := &toks[k]
		if t.kind != tokWord || t.capitalised() || t.flags&grammarFlags != 0 {
			return 0, ""
		}
		if t.flags&fTitle != 0 {
			if k+1 < end && toks[k+1].capitalised() {
				return 0, "" // "Osmia's foreign minister Halima Dreyer": the name follows
			}
			return k + 1, t.lower
		}
	}
	return 0, ""
}

// namedBy reports a naming cue right before token i ("known as", "trades
// as"): the capitalised words after it name a thing, not a person.
func namedBy(toks []token, i int, s sentence) bool {
	if i <= s.from {
		return false
	}
	for _, cue := range namingCuesByLast[toks[i-1].lower] {
		n := len(cue)
		if n < 2 || i-n < s.from {
			continue
		}
		match := true
		for c := 0; c < n; c++ {
			if toks[i-n+c].lower != cue[c] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

var adverbSuffixes = wordList("adverb-suffixes.txt")

// isSentenceAdverb reports whether a word that opens a sentence is an -ly
// adverb, not a name.
var commonNounSuffixes = wordList("common-noun-suffixes.txt")

// commonNounShape reports whether a word ends like a common noun or a
// participle ("criticism", "adding"), so that, capitalised at the start of
// a sentence, it is not a surname.
func commonNounShape(w string) bool {
	for _, suf := range commonNounSuffixes {
		if strings.HasSuffix(w, suf) && len(w) >= len(suf)+3 {
			return true
		}
	}
	return false
}

func isSentenceAdverb(w string) bool {
	for _, suf := range adverbSuffixes {
		if strings.HasSuffix(w, suf) && len(w) >= len(suf)+2 {
			return true
		}
	}
	return false
}
