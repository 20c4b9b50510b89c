package extract

import (
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

// prepositions before a name mark it as an object, not a subject, which
// lowers its salience as an antecedent for pronouns.
var prepositions = set("to", "of", "by", "from", "with", "at", "for", "against",
	"in", "on", "than", "about", "under", "over", "toward", "towards", "into",
	"between", "among", "behind", "near", "beside", "like", "unlike", "via", "and",
	"across", "around", "along", "inside", "outside", "beyond", "through",
	"throughout", "amid", "amidst", "within", "without", "upon", "beneath",
	"below", "above", "onto", "despite", "during", "beside", "besides", "as")

var nameParticles = set("de", "van", "von", "da", "das", "dos", "bin", "al", "el",
	"del", "della", "di", "du", "le", "la", "ter", "ten", "der", "den", "ibn", "abu", "st", "st.")

// registerSentence records every source candidate a sentence mentions:
// names, organisations, anonymous descriptions and resolved pronouns.
func (x *attributor) registerSentence(toks []token, s sentence, para, sentIdx int) {
	x.inHeading = x.doc.Paragraphs[para].Heading
	subj := x.subjectChunk(toks, s)
	span := x.sentenceSpan(toks, s)
	for i := s.from; i < s.to; i++ {
		t := toks[i]
		if t.kind != tokWord {
			continue
		}
		sal := 1.0
		switch {
		case i > s.from && prepositions[toks[i-1].lower] && toks[i-1].lower != "and":
			sal = 0.5
		case i >= subj[0] && i < subj[1]:
			sal = 2.0
		}
		if t.flags&fPron != 0 && (t.lower == "he" || t.lower == "she") {
			// a gender is learnt only from a pronoun that opens its sentence
			// or clause, where the antecedent is clear
			learn := i == s.from || i == subj[0] || i > s.from && toks[i-1].kind == tokQuote ||
				i > s.from+1 && toks[i-1].isPunct(",") && toks[i-2].kind == tokQuote
			if e := x.resolvePronoun(t.lower, t.start, para, sentIdx, learn); e >= 0 {
				x.addMention(e, t.start, para, sentIdx, sal, span, "")
			}
			continue
		}
		if t.flags&fDet != 0 || t.lower == "people" || t.lower == "sources" || t.lower == "officials" {
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

func (x *attributor) addMention(e, pos, para, sentIdx int, sal float64, sent article.Span, words string) {
	x.mentions = append(x.mentions, mention{ent: e, pos: pos, para: para, sent: sentIdx, salience: sal})
	if pos > x.lastPos[e] {
		x.lastPos[e] = pos
	}
	if !sent.Empty() && x.ents[e].typ == article.Anonymous {
		x.ents[e].addSentence(sent)
	}
	if words != "" {
		x.ents[e].addMention(words)
	}
}

// capRun finds the run of capitalised words starting at i: names with
// particles, and "of" inside organisation names ("University of Northmoor").
func capRun(toks []token, i, end int) int {
	j := i
	for j < end {
		t := toks[j]
		switch {
		case t.capitalised():
			j++
			if _, poss := stripPossessive(t.text); poss && strings.ContainsAny(t.text, "'’") {
				// "Users' Forum", "St Brennan's Hospital" continue the name
				if j < end && toks[j].capitalised() && !functionWords[toks[j].lower] {
					continue
				}
				return j
			}
			continue
		case t.kind == tokWord && nameParticles[t.lower] && particleRunEnd(toks, j, end) > j:
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
			if orgHeads[toks[j-1].lower] || orgHeads[toks[k-1].lower] {
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
	for cr.nameFrom < to && functionWords[toks[cr.nameFrom].lower] && (cr.nameFrom == from) {
		if toks[cr.nameFrom].lower == "mr" || toks[cr.nameFrom].lower == "ms" || toks[cr.nameFrom].lower == "mrs" || toks[cr.nameFrom].lower == "dr" || toks[cr.nameFrom].lower == "prof" || toks[cr.nameFrom].lower == "cllr" {
			break
		}
		cr.nameFrom++
		cr.from = cr.nameFrom
	}
	if cr.nameFrom >= to {
		return cr
	}
	last := toks[to-1]
	base, poss := stripPossessive(last.lower)
	cr.possess = poss && strings.ContainsAny(last.text, "'’")
	// organisation names end in their head word ("Brindle Labs") or put
	// it before "of" ("University of Northmoor")
	for k := cr.nameFrom; k < to; k++ {
		w := toks[k].lower
		if k == to-1 {
			w = base
		} else if !(toks[k+1].lower == "of" || toks[k+1].lower == "for" || toks[k+1].lower == "and" || toks[k+1].isPunct("&")) {
			continue
		}
		if orgHeads[w] {
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
	if placeHeads[base] && to-cr.nameFrom > 1 {
		cr.kind = runPlace
		return cr
	}
	// strip titles: the name follows the last title word
	// ("Estravan Foreign Minister Ilse Varnholt")
	lastTitle := -1
	for k := cr.nameFrom; k < to-1; k++ {
		if titleWords[toks[k].lower] {
			lastTitle = k
		}
	}
	if lastTitle >= 0 {
		for k := cr.nameFrom; k <= lastTitle; k++ {
			w := toks[k].lower
			if g, ok := honorifics[w]; ok {
				cr.honorific, cr.hasHon = g, true
			}
			if titleWords[w] {
				cr.titles = append(cr.titles, strings.TrimSuffix(w, "."))
			}
		}
		cr.nameFrom = lastTitle + 1
	}
	// leading capitalised non-title modifiers ("Riverton coach" is split by
	// the lower-case title, so only months and days remain to drop)
	for cr.nameFrom < to && (monthsDays[toks[cr.nameFrom].lower] || functionWords[toks[cr.nameFrom].lower]) {
		cr.nameFrom++
	}
	if cr.nameFrom >= to {
		cr.kind = runNone
		return cr
	}
	for k := cr.nameFrom; k < to; k++ {
		if monthsDays[toks[k].lower] {
			cr.kind = runNone
			return cr
		}
	}
	cr.kind = runPerson
	return cr
}

// nameTokens returns the lower-case name tokens of a run, possessive
// stripped.
func nameTokens(toks []token, from, to int) []string {
	out := make([]string, 0, to-from)
	for k := from; k < to; k++ {
		w := toks[k].lower
		if k == to-1 {
			w, _ = stripPossessive(w)
		}
		if toks[k].kind != tokWord {
			continue
		}
		out = append(out, w)
	}
	return out
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
	if strings.Contains(s, "  ") || strings.ContainsAny(s, "\n\r\t") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// registerRun registers the capitalised run at i and returns the index
// after it.
func (x *attributor) registerRun(toks []token, i int, s sentence, para, sentIdx int, sal float64, span article.Span) int {
	j := capRun(toks, i, s.to)
	cr := classifyRun(toks, i, j, i == s.from)
	// "Kerran's foreign ministry": a possessive name owning an organisation
	if (cr.possess || cr.kind != runOrg) && cr.kind != runNone {
		if end, ok := possessedOrg(toks, j, s.to, cr.possess); ok && !(end < s.to && toks[end].capitalised()) {
			e := x.orgDescription(toks, cr.from, end)
			x.addMention(e, toks[cr.from].start, para, sentIdx, sal, span, joinTokens(toks, cr.from, end, x.text))
			return end
		}
	}
	if cr.kind == runPerson && !cr.hasHon && len(cr.titles) == 0 && cr.from > s.from && toks[cr.from-1].kind == tokWord &&
		!toks[cr.from-1].capitalised() && orgPremodifiers[toks[cr.from-1].lower] {
		cr.kind = runOrg // "campaign group Heath Watch", "the charity Memory Matters"
	}
	// "the operator, Skerrow Island Ferries": named after an organisation noun
	if cr.kind == runPerson && !cr.hasHon && len(cr.titles) == 0 && cr.from >= 3 && toks[cr.from-1].isPunct(",") &&
		descOrgHeads[toks[cr.from-2].lower] && toks[cr.from-3].lower == "the" {
		cr.kind = runOrg
	}
	if cr.kind == runPerson && cr.to-cr.nameFrom == 1 && !cr.hasHon && len(cr.titles) == 0 && j+1 < s.to && toks[j].isPunct(",") &&
		descriptive(toks, [2]int{j + 1, s.to}) && orgHeads[appositiveHead(toks, j+1, clauseEnd(toks, j+1, s.to))] {
		cr.kind = runOrg // "Stratalink, a cloud hosting company,"
	}
	switch cr.kind {
	case runPerson:
		e := x.personFromRun(toks, cr, false)
		if e < 0 && (cr.hasHon || len(cr.titles) > 0) && cr.to-cr.nameFrom == 1 {
			e = x.newSurnameEntity(toks, cr, nameTokens(toks, cr.nameFrom, cr.to))
		}
		if e >= 0 {
			if cr.possess && sal == 2.0 {
				sal = 1.5
			}
			x.collectRoles(toks, cr, e, s)
			x.addMention(e, toks[cr.nameFrom].start, para, sentIdx, sal, span, joinTokens(toks, cr.from, cr.to, x.text))
		}
	case runOrg:
		e := x.orgFromRun(toks, cr, s)
		x.addMention(e, toks[cr.from].start, para, sentIdx, sal, span, joinTokens(toks, cr.from, cr.to, x.text))
	}
	return j
}

// personFromRun finds or creates the person a name run refers to. Single
// words only match people already known unless create is set and the run
// carries an honorific.
func (x *attributor) personFromRun(toks []token, cr classifiedRun, create bool) int {
	// lower-case titles just before the name count too ("Rovers coach")
	for k := cr.from - 1; k >= 0 && k >= cr.from-2 && toks[k].kind == tokWord && !toks[k].capitalised() && titleWords[toks[k].lower]; k-- {
		cr.titles = append(cr.titles, toks[k].lower)
	}
	name := nameTokens(toks, cr.nameFrom, cr.to)
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

func (x *attributor) newEntity(e entity) int {
	e.source = -1
	if e.typ == article.Person && e.gender == 0 && len(e.nameToks) >= 2 {
		e.gender = givenNameGender[e.nameToks[0]]
	}
	x.ents = append(x.ents, e)
	id := len(x.ents) - 1
	x.lastPos = append(x.lastPos, e.intro.Start)
	x.reindex(id)
	return id
}

// reindex records an entity under its name words, full name and roles.
func (x *attributor) reindex(id int) {
	e := &x.ents[id]
	if n := len(e.nameToks); n > 0 {
		x.indexAdd("full:"+strings.Join(e.nameToks, " "), id)
		x.indexAdd("last:"+e.nameToks[n-1], id)
		x.indexAdd("first:"+e.nameToks[0], id)
		for _, t := range e.nameToks {
			x.indexAdd("tok:"+t, id)
		}
	}
	for _, r := range e.roles {
		x.indexAdd("role:"+r, id)
	}
	if e.head != "" {
		x.indexAdd("role:"+e.head, id)
	}
	if e.typ == article.Organization {
		found := false
		for _, o := range x.orgs {
			found = found || o == id
		}
		if !found {
			x.orgs = append(x.orgs, id)
		}
	}
}

func (x *attributor) indexAdd(key string, id int) {
	list := x.index[key]
	// ids mostly arrive in order, so checking the tail keeps this O(1); a
	// rare repeat further back is harmless to mostRecent
	if n := len(list); n > 0 && list[n-1] == id {
		return
	}
	x.index[key] = append(list, id)
}

func (x *attributor) addRole(id int, words ...string) {
	x.ents[id].addRole(words...)
	for _, w := range words {
		if w != "" {
			x.indexAdd("role:"+strings.ToLower(w), id)
		}
	}
}

// mostRecent returns the candidate mentioned last that passes keep.
func (x *attributor) mostRecent(cands []int, keep func(*entity) bool) int {
	best := -1
	// only the latest entries matter in practice; bounding the scan keeps
	// one huge document linear ("a senior official" a thousand times)
	if len(cands) > 64 {
		cands = cands[len(cands)-64:]
	}
	for _, c := range cands {
		if keep(&x.ents[c]) && (best < 0 || x.lastPos[c] > x.lastPos[best] || x.lastPos[c] == x.lastPos[best] && c > best) {
			best = c
		}
	}
	return best
}

func (x *attributor) findPersonFull(name []string) int {
	return x.mostRecent(x.index["full:"+strings.Join(name, " ")], func(e *entity) bool {
		return e.typ == article.Person && equalToks(e.nameToks, name)
	})
}

// findPersonShort matches a single name word to a known person: first by
// surname, then by the first word (family name first, as in "Mr Xi" for Xi
// Jinping).
func (x *attributor) findPersonShort(w string, onlyShort, firstToo bool) int {
	keep := func(e *entity) bool {
		return e.typ == article.Person && len(e.nameToks) > 0 && (!onlyShort || len(e.nameToks) == 1)
	}
	if e := x.mostRecent(x.index["last:"+w], keep); e >= 0 || !firstToo {
		return e
	}
	return x.mostRecent(x.index["first:"+w], keep)
}

func (x *attributor) findOrgShort(w string) int {
	best := -1
	for _, e := range x.index["first:"+w] {
		if x.ents[e].typ == article.Organization && e > best {
			best = e
		}
	}
	return best
}

func equalToks(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (x *attributor) orgFromRun(toks []token, cr classifiedRun, s sentence) int {
	from := cr.from
	// keep a preceding "the" as part of the canonical name
	withThe := from > s.from && toks[from-1].lower == "the"
	name := nameTokens(toks, cr.from, cr.to)
	if len(name) > 0 && name[0] == "the" {
		name = name[1:]
	}
	if e := x.mostRecent(x.index["full:"+strings.Join(name, " ")], func(e *entity) bool {
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
		if titleWords[w] || anonymousHeads[w] || genderedRoles[w] != 0 {
			x.addRole(e, w)
			continue
		}
		if !titleModifiers[w] && !toks[k].capitalised() {
			break
		}
	}
	if cr.to+1 < s.to && toks[cr.to].isPunct(",") {
		k := cr.to + 1
		first := toks[k]
		if first.kind == tokWord && (first.lower == "a" || first.lower == "an" || first.lower == "the" || strings.HasSuffix(first.lower, "'s") || strings.HasSuffix(first.lower, "’s")) {
			for ; k < s.to && k < cr.to+12; k++ {
				t := toks[k]
				if t.kind != tokWord || relativeWords[t.lower] {
					break
				}
				if titleWords[t.lower] || anonymousHeads[t.lower] || genderedRoles[t.lower] != 0 || orgHeads[t.lower] {
					x.addRole(e, t.lower)
				}
			}
			if ent.desc == "" {
				ent.desc = joinTokens(toks, cr.to+1, k, x.text)
			}
			if ent.typ == article.Person && (first.lower == "a" || first.lower == "an") {
				x.nameLedeSource(e, appositiveHead(toks, cr.to+1, k))
			}
			// "Memory Matters, a dementia research charity,": an organisation
			if ent.typ == article.Person && !ent.full2() && orgHeads[appositiveHead(toks, cr.to+1, k)] {
				ent.typ = article.Organization
				x.reindex(e)
			}
		}
	}
}

// registerDescription registers a description such as "a senior US
// official", "the official", "one of the employees", "the company" or
// "people familiar with the matter" starting at i, returning the index
// after it (or i when nothing was registered).
func (x *attributor) registerDescription(toks []token, i int, s sentence, para, sentIdx int, sal float64, span article.Span) int {
	d, ok := parseDescription(toks, i, s.to)
	if !ok {
		return i
	}
	// "a former billing supervisor, Tanya Roe," describes the named person
	if d.end+1 < s.to && toks[d.end].isPunct(",") && toks[d.end+1].capitalised() {
		j := capRun(toks, d.end+1, s.to)
		if cr := classifyRun(toks, d.end+1, j, false); cr.kind == runPerson {
			return i
		}
	}
	// "Marcus Bell, a 34-year-old teacher", "Loretta Bramwell, 72, a
	// retired teacher": an appositive of a name
	if i >= 2 && toks[i-1].isPunct(",") && !d.definite {
		j := i - 2
		if j >= 2 && isNumber(toks[j].text) && toks[j-1].isPunct(",") {
			j -= 2
		}
		if j >= 0 && toks[j].capitalised() {
			return i
		}
	}
	// "the director Tobias Kehl": the description is a title
	if d.end < s.to && toks[d.end].capitalised() {
		return i
	}
	e := x.resolveDescription(toks, d, true)
	if e < 0 {
		return i
	}
	x.addMention(e, toks[i].start, para, sentIdx, sal, span, joinTokens(toks, d.from, d.end, x.text))
	return d.end
}

type description struct {
	from, end int
	head      string // lower-case head noun
	headIdx   int
	definite  bool // "the X", "one of the X", "one X"
	oneOf     bool
	kind      runKind
	anon      bool
	role      bool // a title word: "the judge"
	// possessive is set for "the company's chief executive", "Osmia's
	// foreign minister".
	possessive bool
}

var postModifierStarts = set("in", "at", "of", "with", "familiar", "briefed", "close",
	"involved", "knowledgeable", "from", "on", "to", "for", "inside", "within", "near", "based", "working", "who")

// parseDescription reads a determiner phrase headed by an anonymous-source
// noun, an organisation noun or a title.
func parseDescription(toks []token, i, end int) (description, bool) {
	d := description{from: i}
	k := i
	w := toks[k].lower
	switch {
	case w == "one" && k+2 < end && toks[k+1].lower == "of" && (toks[k+2].lower == "the" || toks[k+2].lower == "those" || toks[k+2].lower == "their"):
		d.definite, d.oneOf = true, true
		k += 3
	case w == "the" || w == "one" || w == "that" || w == "this":
		d.definite = true
		k++
	case w == "people" || w == "sources" || w == "officials":
		// bare plural: the word itself is the head
	default:
		k++
	}
	// modifiers then head
	head := -1
	for n := 0; k < end && n < 6; k, n = k+1, n+1 {
		t := toks[k]
		if t.kind != tokWord {
			break
		}
		if t.flags&(fSpeech|fAux|fRel|fPrep) != 0 || t.flags&fDet != 0 && n > 0 || t.lower == "as" || t.lower == "than" {
			break
		}
		if _, poss := stripPossessive(t.lower); poss && strings.ContainsAny(t.text, "'’") {
			d.possessive = true
			continue
		}
		if anonymousHeads[t.lower] || orgHeads[t.lower] || titleWords[t.lower] {
			head = k
			// compound heads: "staff member", "council officer"
			if k+1 < end && toks[k+1].kind == tokWord && (anonymousHeads[toks[k+1].lower] || titleWords[toks[k+1].lower] ||
				orgHeads[toks[k+1].lower] && !t.capitalised()) && !toks[k+1].capitalised() {
				continue
			}
			break
		}
		if t.capitalised() && !(t.lower == "us" || t.lower == "u.s." || t.lower == "western" || t.lower == "white" || len(t.text) <= 3 || isAdjectival(t.lower)) && !anonymousHeads[t.lower] {
			// a proper name, unless a run of capitalised words only
			// modifies the head: "a Downing Street spokesman"
			j := k
			for j < end && j < k+3 && toks[j].capitalised() && !anonymousHeads[toks[j].lower] && !titleWords[toks[j].lower] {
				j++
			}
			if !(j < end && (anonymousHeads[toks[j].lower] || orgHeads[toks[j].lower] || titleWords[toks[j].lower])) {
				return d, false
			}
			k = j - 1
			continue
		}
		if postModifierStarts[t.lower] && !t.capitalised() {
			break
		}
	}
	if head < 0 {
		return d, false
	}
	d.headIdx = head
	d.head = toks[head].lower
	d.end = head + 1
	switch {
	case anonymousHeads[d.head]:
		d.anon = true
	case descOrgHeads[d.head]:
		d.kind = runOrg
	case titleWords[d.head]:
		d.role = true
	}
	// a capitalised head word ("the Board") belongs to a name run; a
	// capitalised title names one office ("the Prime Minister")
	if toks[head].capitalised() {
		if !titleWords[d.head] {
			if !d.anon {
				return d, false
			}
		} else if d.definite {
			d.anon, d.role = false, true
		}
	}
	if d.kind == runOrg && !descOrgHeads[d.head] {
		d.kind = runNone
		return d, false
	}
	if d.anon && (!d.definite || toks[d.from].lower == "one" && !d.oneOf) || d.anon && (d.head == "spokesperson" || d.head == "spokesman" || d.head == "spokeswoman") {
		d.end = postModifierEnd(toks, d.end, end)
	}
	return d, true
}

func isAdjectival(w string) bool {
	return strings.HasSuffix(w, "an") || strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "ish") || strings.HasSuffix(w, "ic")
}

// postModifierEnd extends an anonymous description over its prepositional
// tail ("familiar with the matter", "in the finance ministry").
func postModifierEnd(toks []token, k, end int) int {
	if k >= end || toks[k].kind != tokWord || !postModifierStarts[toks[k].lower] || toks[k].lower == "who" {
		return k
	}
	j := k + 1
	// "familiar with", "briefed on", "close to": the participle and its
	// preposition open the phrase
	if j < end && toks[k].flags&fPrep == 0 && toks[j].flags&fPrep != 0 {
		j++
	}
	for n := 0; j < end && n < 5; j, n = j+1, n+1 {
		t := toks[j]
		if t.kind != tokWord || t.flags&(fRel|fAux) != 0 || t.flags&fPrep != 0 && t.lower != "of" {
			break
		}
		if vf, ok := speechForms[t.lower]; ok && !vf.Gerund {
			break
		}
	}
	return j
}

// resolveDescription maps a parsed description to an entity, creating one
// for indefinite anonymous descriptions.
func (x *attributor) resolveDescription(toks []token, d description, create bool) int {
	head := singular(d.head)
	plural := isPlural(d.head) || d.head == "people"
	text := joinTokens(toks, d.from, d.end, x.text)
	text = roleName(text)
	// "a spokesperson for the department" speaks for the organisation
	if d.anon && (head == "spokesperson" || head == "spokesman" || head == "spokeswoman" || head == "representative") {
		if e := x.orgInTail(toks, d.headIdx+1, d.end); e >= 0 {
			return e
		}
		for k := d.from + 1; k < d.headIdx; k++ {
			if !toks[k].capitalised() && descOrgHeads[toks[k].lower] {
				if e := x.findOrgByHead(toks[k].lower); e >= 0 {
					return e
				}
				if create {
					e := x.newEntity(entity{typ: article.Organization, name: "the " + toks[k].lower, nameToks: []string{toks[k].lower},
						intro: article.Span{Start: toks[k].start, End: toks[k].end}})
					x.addRole(e, toks[k].lower)
					return e
				}
			}
			if toks[k].capitalised() {
				j := k + 1
				for j < d.headIdx && toks[j].capitalised() {
					j++
				}
				if e := x.findOrgShort(toks[k].lower); e >= 0 {
					return e
				}
				return x.orgDescription(toks, k, j)
			}
		}
	}
	// "the company's chief executive": a specific person known by a title
	if (d.role || d.anon && titleWords[d.head]) && d.possessive && !plural {
		if e := x.findByRole(head, false, false); e >= 0 {
			return e
		}
		if !create {
			return -1
		}
		e := x.newEntity(entity{typ: article.Person, name: text, fullAt: -1, intro: article.Span{Start: toks[d.from].start, End: toks[d.end-1].end}})
		x.addRole(e, d.head)
		return e
	}
	switch {
	case d.anon && !d.definite:
		if !create {
			return -1
		}
		bare := d.from == d.headIdx && plural
		e := x.newEntity(entity{typ: article.Anonymous, name: text, head: head, plural: plural, bare: bare,
			intro: article.Span{Start: toks[d.from].start, End: toks[d.end-1].end}})
		x.addRole(e, d.head, head)
		return e
	case d.role || d.anon && d.definite && !d.oneOf && titleWords[d.head] && toks[d.from].lower == "the":
		if e := x.mostRecent(x.index["role:"+head], func(e *entity) bool { return e.typ == article.Person }); e >= 0 {
			return e
		}
		if d.anon {
			if e := x.findByRole(head, plural, false); e >= 0 {
				return e
			}
			if !create {
				return -1
			}
			// "a member of the committee … the lawmaker said": another word
			// for the anonymous source just described
			if sourceNouns[head] {
				if e := x.recentAnonymous(plural); e >= 0 {
					return e
				}
			}
			e := x.newEntity(entity{typ: article.Person, name: text, fullAt: -1, intro: article.Span{Start: toks[d.from].start, End: toks[d.end-1].end}})
			x.addRole(e, d.head)
			return e
		}
		return -1
	case d.anon:
		if e := x.findByRole(head, plural, d.oneOf || toks[d.from].lower == "one"); e >= 0 {
			return e
		}
		if !create || !d.anon {
			return -1
		}
		e := x.newEntity(entity{typ: article.Anonymous, name: text, head: head, plural: plural,
			intro: article.Span{Start: toks[d.from].start, End: toks[d.end-1].end}})
		x.addRole(e, d.head, head)
		return e
	case d.kind == runOrg:
		if !d.definite {
			return -1
		}
		if e := x.findOrgByHead(head); e >= 0 {
			return e
		}
		if !create {
			return -1
		}
		e := x.newEntity(entity{typ: article.Organization, name: text, nameToks: []string{head},
			intro: article.Span{Start: toks[d.from].start, End: toks[d.end-1].end}})
		x.addRole(e, head)
		return e
	}
	return -1
}

// findByRole finds the most recently mentioned person or anonymous source
// described by a role noun. loose allows "one of the employees" or "one
// source" to match a plural group.
func (x *attributor) findByRole(head string, plural, loose bool) int {
	return x.mostRecent(x.index["role:"+head], func(ent *entity) bool {
		if ent.typ == article.Organization || !ent.hasRole(head) && ent.head != head {
			return false
		}
		return !(ent.typ == article.Anonymous && ent.plural != plural && !loose && !(ent.plural && !plural && ent.head == "person"))
	})
}

func (x *attributor) findOrgByHead(head string) int {
	isOrg := func(e *entity) bool { return e.typ == article.Organization }
	cands := append(append([]int(nil), x.index["role:"+head]...), x.index["tok:"+head]...)
	if e := x.mostRecent(cands, isOrg); e >= 0 {
		return e
	}
	// "the charity", "the developer", "the organisation": the organisation
	// most recently mentioned, when none is described that way
	if genericOrgNouns[head] {
		if e := x.recentOrg(2); e >= 0 {
			return e
		}
	}
	if head == "company" || head == "firm" || head == "group" || head == "business" {
		if e := x.mostRecent(x.orgs, func(e *entity) bool { return isOrg(e) && isCompany(e) }); e >= 0 {
			return e
		}
		return x.mostRecent(x.orgs, func(e *entity) bool { return isOrg(e) && !isGovernment(e) && !isInstitution(e) })
	}
	return -1
}

func isGovernment(e *entity) bool {
	for _, r := range e.roles {
		switch r {
		case "ministry", "department", "council", "government", "house", "court", "police", "senate", "congress", "parliament", "party", "league", "board", "festival",
			"commission", "regulator", "agency", "authority", "watchdog", "office", "inquiry", "committee", "tribunal":
			return true
		}
	}
	return false
}

func containsTok(toks []string, w string) bool {
	for _, t := range toks {
		if t == w {
			return true
		}
	}
	return false
}

// resolvePronoun picks the antecedent of a third-person pronoun by salience
// and recency among compatible mentions of the last few paragraphs.
func (x *attributor) resolvePronoun(p string, pos, para, sentIdx int, learn bool) int {
	return x.resolvePronounExcept(p, pos, para, sentIdx, -1, learn)
}

// resolvePronounExcept resolves a pronoun, skipping one entity.
func (x *attributor) resolvePronounExcept(p string, pos, para, sentIdx, except int, learnOpt ...bool) int {
	learn := len(learnOpt) > 0 && learnOpt[0]
	g := pronounGender[p]
	best, bestScore, second := -1, -1e9, -1e9
	for i := len(x.mentions) - 1; i >= 0; i-- {
		m := x.mentions[i]
		if m.pos >= pos {
			continue
		}
		if m.para < para-3 {
			break
		}
		ent := &x.ents[m.ent]
		if m.ent == except || m.ent == x.authorEnt-1 {
			continue // the writer is "I", never "he" or "she"
		}
		switch g {
		case 'm', 'f':
			if ent.typ == article.Organization || ent.typ == article.Anonymous && ent.plural {
				continue
			}
			if ent.gender != 0 && ent.gender != g {
				continue
			}
		case 'p':
			if ent.typ == article.Person && ent.gender != 'p' {
				continue
			}
		case 'n':
			if ent.typ != article.Organization {
				continue
			}
		}
		score := m.salience - 0.45*float64(sentIdx-m.sent) - 0.5*float64(para-m.para)
		if ent.gender == g && g != 0 {
			score += 0.3
		}
		if score > bestScore {
			if m.ent != best {
				second = bestScore
			}
			best, bestScore = m.ent, score
		} else if m.ent != best && score > second {
			second = score
		}
	}
	// learn a gender only from a clear winner: a wrong guess would mislead
	// every later pronoun
	if learn && best >= 0 && bestScore-second > 1.05 && (g == 'm' || g == 'f') && x.ents[best].gender == 0 && x.ents[best].typ == article.Person {
		x.ents[best].gender = g
	}
	return best
}

// possessedOrg reports whether lower-case words after a possessive name end
// in an organisation noun ("foreign ministry"), returning the end index.
func possessedOrg(toks []token, k, end int, possessive bool) (int, bool) {
	heads, most := orgHeads, 3
	if !possessive {
		// "Velmora district council", not "Colorado-based renewable energy developer"
		heads, most = descOrgHeads, 2
	}
	for n := 0; k < end && n < most; k, n = k+1, n+1 {
		t := toks[k]
		// only modifiers may come between: no verbs, articles or prepositions
		if t.kind != tokWord || t.capitalised() || t.flags != 0 || strings.HasSuffix(t.lower, "ed") {
			return 0, false
		}
		if heads[t.lower] {
			// "Whitfield's campaign manager": a role in the organisation
			if k+1 < end && toks[k+1].kind == tokWord && !toks[k+1].capitalised() && (titleWords[toks[k+1].lower] || anonymousHeads[toks[k+1].lower]) {
				return 0, false
			}
			return k + 1, true
		}
		if titleWords[t.lower] || anonymousHeads[t.lower] {
			return 0, false
		}
	}
	return 0, false
}

// orgDescription finds or creates an organisation named by a phrase such
// as "China's foreign ministry".
func (x *attributor) orgDescription(toks []token, from, to int) int {
	name := nameTokens(toks, from, to)
	if e := x.mostRecent(x.index["full:"+strings.Join(name, " ")], func(e *entity) bool {
		return e.typ == article.Organization && equalToks(e.nameToks, name)
	}); e >= 0 {
		return e
	}
	e := x.newEntity(entity{typ: article.Organization, nameToks: name, name: joinTokens(toks, from, to, x.text),
		intro: article.Span{Start: toks[from].start, End: toks[to-1].end}})
	x.addRole(e, name[len(name)-1])
	return e
}

// appositiveHead returns the head noun of an appositive: the last word
// before a preposition or the end.
func appositiveHead(toks []token, from, to int) string {
	head := ""
	for k := from; k < to; k++ {
		w := toks[k].lower
		// stop at a preposition, relative or participle ("a company used
		// by"), not at a compound adjective ("Colorado-based")
		if k > from && (prepositions[w] || relativeWords[w] || strings.HasSuffix(w, "ed") && !strings.Contains(w, "-") || toks[k].kind != tokWord) {
			break
		}
		head = w
	}
	return head
}

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
	for k < end && !toks[k].isPunct(",") && !isBoundary(toks[k]) {
		k++
	}
	return k
}

// orgInTail finds an organisation named in a description's tail ("for the
// department", "at Tollbridge Foods").
func (x *attributor) orgInTail(toks []token, from, to int) int {
	for k := from; k < to; k++ {
		t := toks[k]
		if t.capitalised() {
			j := capRun(toks, k, to)
			cr := classifyRun(toks, k, j, false)
			if cr.kind == runOrg {
				return x.orgFromRun(toks, cr, sentence{from, to})
			}
			if e := x.findOrgShort(t.lower); e >= 0 {
				return e
			}
			k = j - 1
			continue
		}
		if orgHeads[t.lower] {
			return x.findOrgByHead(t.lower)
		}
	}
	return -1
}

// findRoleOnly finds a person known only by a title ("the mayor") who has
// not been named yet.
func (x *attributor) findRoleOnly(role string) int {
	return x.mostRecent(x.index["role:"+role], func(e *entity) bool {
		return e.typ == article.Person && len(e.nameToks) == 0
	})
}

var companyWords = set("company", "firm", "co-operative", "cooperative", "co-op", "business",
	"maker", "manufacturer", "retailer", "supplier", "group", "chain", "operator",
	"provider", "producer", "startup", "start-up", "lender", "bank", "insurer",
	"publisher", "developer", "miller", "brewer", "carrier", "airline", "labs",
	"inc", "inc.", "corp", "corp.", "ltd", "llc", "plc", "holdings", "logistics",
	"foods", "motors", "technologies", "systems", "industries", "enterprises")

func isCompany(e *entity) bool {
	for _, r := range e.roles {
		if companyWords[r] {
			return true
		}
	}
	return len(e.nameToks) > 0 && companyWords[e.nameToks[len(e.nameToks)-1]]
}

func isInstitution(e *entity) bool {
	for _, r := range e.roles {
		switch r {
		case "institute", "university", "college", "school", "hospital", "museum", "foundation", "trust", "charity", "society":
			return true
		}
	}
	return false
}

func onlyTitles(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		w := toks[k].lower
		if !titleWords[w] && !titleModifiers[w] {
			return false
		}
	}
	return titleWords[toks[to-1].lower]
}

// particleRunEnd returns the index after "van der", "de la" and the like
// when a capitalised name follows, else j.
func particleRunEnd(toks []token, j, end int) int {
	k := j
	for k < end && k < j+3 && toks[k].kind == tokWord && nameParticles[toks[k].lower] {
		k++
	}
	if k < end && k > j && toks[k].capitalised() {
		return k
	}
	return j
}

// findPersonSuffix finds a person whose full name ends with name ("de la
// Cruz" in "Annick de la Cruz").
func (x *attributor) findPersonSuffix(name []string) int {
	return x.mostRecent(x.index["last:"+name[len(name)-1]], func(e *entity) bool {
		n := len(e.nameToks)
		if e.typ != article.Person || n <= len(name) {
			return false
		}
		return equalToks(e.nameToks[n-len(name):], name)
	})
}

// descOrgHeads are the organisation nouns that make "the X" an
// organisation when written in lower case ("the company said"), a
// narrower list than the words that end organisation names.
var descOrgHeads = set("company", "firm", "council", "ministry", "department", "government",
	"administration", "agency", "board", "committee", "commission", "union", "club",
	"league", "association", "party", "court", "police", "charity", "hospital",
	"university", "school", "college", "group", "utility", "bank", "regulator",
	"watchdog", "authority", "office", "service", "trust", "foundation", "institute",
	"festival", "museum", "embassy", "military", "army", "navy", "team", "campaign",
	"organisation", "organization", "nonprofit", "co-operative", "cooperative",
	"developer", "operator", "manufacturer", "retailer", "lender", "insurer",
	"airline", "carrier", "publisher", "broadcaster", "newspaper", "network",
	"studio", "label", "church", "coalition", "alliance", "federation", "bureau",
	"secretariat", "cabinet", "parliament", "senate", "congress", "assembly",
	"prosecution", "prosecutors", "tribunal", "inquiry", "exchange", "council's",
	"forum", "consortium", "opposition", "municipality", "county", "city", "state",
	"station", "channel", "magazine", "paper", "supplier", "producer", "brand",
	"chain", "business", "startup", "start-up", "maker", "owner", "landlord",
	"jury", "panel", "organisers", "organizers", "body", "agency's", "trust's")

// nameLedeSource links an anonymous description from the first paragraphs
// ("A structural engineer testified …") to the person a later paragraph
// names with the same description ("J. R. Okoro, a structural engineer
// who …"): news ledes often hold back the name.
func (x *attributor) nameLedeSource(person int, head string) {
	if head == "" {
		return
	}
	for _, c := range x.index["role:"+head] {
		e := &x.ents[c]
		if c == person || e.typ != article.Anonymous || e.plural || x.alias[c] != 0 {
			continue
		}
		if p := x.paragraphOf(e.intro.Start); p > 2 {
			continue
		}
		if x.alias == nil {
			x.alias = map[int]int{}
		}
		x.alias[c] = person + 1 // stored +1 so the zero value means none
	}
}

func (x *attributor) paragraphOf(offset int) int {
	for i, p := range x.doc.Paragraphs {
		if offset < p.End {
			return i
		}
	}
	return len(x.doc.Paragraphs)
}

// canon follows a lede alias to the named entity.
func (x *attributor) canon(e int) int {
	if a := x.alias[e]; a != 0 {
		return a - 1
	}
	return e
}

var genericOrgNouns = set("charity", "developer", "organisation", "organization", "body",
	"nonprofit", "operator", "agency")

// recentOrg returns the organisation mentioned last within the last n
// paragraphs.
func (x *attributor) recentOrg(n int) int {
	if len(x.mentions) == 0 {
		return -1
	}
	para := x.mentions[len(x.mentions)-1].para
	for i := len(x.mentions) - 1; i >= 0; i-- {
		m := x.mentions[i]
		if m.para < para-n {
			break
		}
		if x.ents[m.ent].typ == article.Organization {
			return m.ent
		}
	}
	return -1
}

// orgPremodifiers before a name make it an organisation's name ("campaign
// group Heath Watch"); role nouns such as "operator" or "producer" do not
// ("crane operator Arkadiusz Zielonka").
var orgPremodifiers = set("group", "charity", "campaign", "company", "firm", "nonprofit",
	"organisation", "organization", "union", "club", "band", "team", "agency", "watchdog",
	"coalition", "alliance", "association", "party", "newspaper", "broadcaster",
	"network", "startup", "retailer", "chain", "label", "studio", "council", "trust")

// recentAnonymous returns an anonymous source of the same number mentioned
// in this paragraph or the one before, for a definite description that
// names it in other words.
func (x *attributor) recentAnonymous(plural bool) int {
	if len(x.mentions) == 0 {
		return -1
	}
	para := x.mentions[len(x.mentions)-1].para
	for i := len(x.mentions) - 1; i >= 0; i-- {
		m := x.mentions[i]
		if m.para < para-1 {
			break
		}
		if e := &x.ents[m.ent]; e.typ == article.Anonymous && e.plural == plural && sourceNouns[e.head] {
			return m.ent
		}
	}
	return -1
}

// sourceNouns describe a source by position rather than trade, so one may
// rename another ("a member of the committee" … "the lawmaker").
var sourceNouns = set("official", "source", "person", "member", "aide", "insider", "diplomat",
	"lawmaker", "legislator", "employee", "staffer", "figure", "executive", "adviser",
	"advisor", "officer", "representative", "negotiator", "minister", "politician")
