package extract

import (
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

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
	x.addMention(e, toks[i].start, para, sentIdx, sal, span)
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

var postModifierStarts = wordSet("post-modifier-starts.txt")

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
		t := &toks[k]
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
		if (t.flags&fAnonHead != 0) || (t.flags&fOrgHead != 0) || (t.flags&fTitle != 0) {
			head = k
			// compound heads: "staff member", "council officer"
			if k+1 < end && toks[k+1].kind == tokWord && ((toks[k+1].flags&fAnonHead != 0) || (toks[k+1].flags&fTitle != 0) ||
				(toks[k+1].flags&fOrgHead != 0) && !t.capitalised()) && !toks[k+1].capitalised() {
				continue
			}
			break
		}
		if t.capitalised() && !(t.lower == "us" || t.lower == "u.s." || t.lower == "western" || t.lower == "white" || len(t.text) <= 3 || isAdjectival(t.lower)) && (t.flags&fAnonHead == 0) {
			// a proper name, unless a run of capitalised words only
			// modifies the head: "a Downing Street spokesman"
			j := k
			for j < end && j < k+3 && toks[j].capitalised() && (toks[j].flags&fAnonHead == 0) && (toks[j].flags&fTitle == 0) {
				j++
			}
			if !(j < end && ((toks[j].flags&fAnonHead != 0) || (toks[j].flags&fOrgHead != 0) || (toks[j].flags&fTitle != 0))) {
				return d, false
			}
			k = j - 1
			continue
		}
		if (t.flags&fPostModStart != 0) && !t.capitalised() {
			break
		}
	}
	if head < 0 {
		return d, false
	}
	d.headIdx = head
	d.head = toks[head].lower
	d.end = head + 1
	headFlags := toks[head].flags
	switch {
	case headFlags&fAnonHead != 0:
		d.anon = true
	case headFlags&fDescOrg != 0:
		d.kind = runOrg
	case headFlags&fTitle != 0:
		d.role = true
	}
	// a capitalised head word ("the Board") belongs to a name run; a
	// capitalised title names one office ("the Prime Minister")
	if toks[head].capitalised() {
		if headFlags&fTitle == 0 {
			if !d.anon {
				return d, false
			}
		} else if d.definite {
			d.anon, d.role = false, true
		}
	}
	if d.kind == runOrg && headFlags&fDescOrg == 0 {
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
	if k >= end || toks[k].kind != tokWord || toks[k].flags&fPostModStart == 0 || toks[k].lower == "who" {
		return k
	}
	j := k + 1
	// "familiar with", "briefed on", "close to": the participle and its
	// preposition open the phrase
	if j < end && toks[k].flags&fPrep == 0 && toks[j].flags&fPrep != 0 {
		j++
	}
	for n := 0; j < end && n < 5; j, n = j+1, n+1 {
		t := &toks[j]
		if t.kind != tokWord || t.flags&(fRel|fAux) != 0 || t.flags&fPrep != 0 && t.lower != "of" {
			break
		}
		if t.flags&fSpeech != 0 && !strings.HasSuffix(t.lower, "ing") {
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
			if !toks[k].capitalised() && (toks[k].flags&fDescOrg != 0) {
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
	headIsTitle := toks[d.headIdx].flags&fTitle != 0
	if (d.role || d.anon && headIsTitle) && d.possessive && !plural {
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
	case d.role || d.anon && d.definite && !d.oneOf && headIsTitle && toks[d.from].lower == "the":
		if e := x.mostRecent(x.indexed(ixRole, head), func(e *entity) bool { return e.typ == article.Person }); e >= 0 {
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
		// "one longtime adviser to Clinton" introduces someone: it may be
		// an unnamed source met before, never a named person
		introduces := toks[d.from].lower == "one" && !d.oneOf
		if e := x.findByRole(head, plural, d.oneOf || toks[d.from].lower == "one"); e >= 0 && !(introduces && x.ents[e].typ == article.Person) {
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

// possessedOrg reports whether lower-case words after a possessive name end
// in an organisation noun ("foreign ministry"), returning the end index.
func possessedOrg(toks []token, k, end int, possessive bool) (int, bool) {
	heads, most := orgHeads, 3
	if !possessive {
		// "Velmora district council", not "Colorado-based renewable energy developer"
		heads, most = descOrgHeads, 2
	}
	for n := 0; k < end && n < most; k, n = k+1, n+1 {
		t := &toks[k]
		// only modifiers may come between: no verbs, articles or prepositions
		if t.kind != tokWord || t.capitalised() || t.flags&grammarFlags != 0 || strings.HasSuffix(t.lower, "ed") {
			return 0, false
		}
		if heads[t.lower] {
			// "Whitfield's campaign manager": a role in the organisation
			if k+1 < end && toks[k+1].kind == tokWord && !toks[k+1].capitalised() && ((toks[k+1].flags&fTitle != 0) || (toks[k+1].flags&fAnonHead != 0)) {
				return 0, false
			}
			return k + 1, true
		}
		if (t.flags&fTitle != 0) || (t.flags&fAnonHead != 0) {
			return 0, false
		}
	}
	return 0, false
}

// orgDescription finds or creates an organisation named by a phrase such
// as "China's foreign ministry".
func (x *attributor) orgDescription(toks []token, from, to int) int {
	name := x.nameTokens(toks, from, to)
	if e := x.mostRecent(x.byFullName(name), func(e *entity) bool {
		return e.typ == article.Organization && equalToks(e.nameToks, name)
	}); e >= 0 {
		return e
	}
	e := x.newEntity(entity{typ: article.Organization, nameToks: name, name: joinTokens(toks, from, to, x.text),
		intro: article.Span{Start: toks[from].start, End: toks[to-1].end}})
	x.addRole(e, name[len(name)-1])
	return e
}

// orgInTail finds an organisation named in a description's tail ("for the
// department", "at Tollbridge Foods").
func (x *attributor) orgInTail(toks []token, from, to int) int {
	for k := from; k < to; k++ {
		t := &toks[k]
		if t.capitalised() {
			j := capRun(toks, k, to)
			cr := classifyRun(toks, k, j, false)
			if cr.kind == runOrg {
				return x.orgFromRun(toks, cr, sentence{from, to})
			}
			if e := x.findOrgShort(t.lower); e >= 0 {
				return e
			}
			// "a spokeswoman for Mayor Tia Grant" speaks for the mayor
			if cr.kind == runPerson && j-cr.nameFrom >= 2 {
				if e := x.personFromRun(toks, cr, true); e >= 0 {
					return e
				}
			}
			k = j - 1
			continue
		}
		if t.flags&fOrgHead != 0 {
			return x.findOrgByHead(t.lower)
		}
	}
	return -1
}

// descOrgHeads are the organisation nouns that make "the X" an
// organisation when written in lower case ("the company said"), a
// narrower list than the words that end organisation names.
var descOrgHeads = wordSet("description-organisation-heads.txt")
