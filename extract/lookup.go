package extract

import (
	"sort"
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

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
		x.indexAdd(ixFull, strings.Join(e.nameToks, " "), id)
		x.indexAdd(ixLast, e.nameToks[n-1], id)
		x.indexAdd(ixFirst, e.nameToks[0], id)
		for _, t := range e.nameToks {
			x.indexAdd(ixTok, t, id)
		}
	}
	for _, r := range e.roles {
		x.indexAdd(ixRole, r, id)
	}
	if e.head != "" {
		x.indexAdd(ixRole, e.head, id)
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

func (x *attributor) indexAdd(kind indexKind, word string, id int) {
	ix := x.index[word]
	if ix == nil {
		// the lists of every kind a word indexes share one entry, so
		// that a name word ("smith" as surname and as name token) costs
		// one map entry
		ix = &x.ixEntries.take(1)[0]
		x.index[word] = ix
	}
	list := ix[kind]
	// ids mostly arrive in order, so checking the tail keeps this O(1); a
	// rare repeat further back is harmless to mostRecent
	if n := len(list); n > 0 && list[n-1] == id {
		return
	}
	if list == nil {
		// most words name one or two entities: a list starts with room
		// for two, and a third id moves it
		list = x.ixLists.take(2)[:0]
	}
	ix[kind] = append(list, id)
}

// indexed is the list of entities word indexes as kind.
func (x *attributor) indexed(kind indexKind, word string) []int {
	if ix := x.index[word]; ix != nil {
		return ix[kind]
	}
	return nil
}

// wordIndex holds the entities a word indexes, a list for each kind.
type wordIndex [ixKinds][]int

// byFullName is the index entry of a full name, looked up without
// joining the name into a new string.
func (x *attributor) byFullName(name []string) []int {
	b := x.keyBuf[:0]
	for i, w := range name {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	x.keyBuf = b
	if ix := x.index[string(b)]; ix != nil { // looked up without a copy of b
		return ix[ixFull]
	}
	return nil
}

func (x *attributor) addRole(id int, words ...string) {
	for i, w := range words {
		// a word and its singular are often the same word: it is added once
		if w == "" || i > 0 && w == words[i-1] {
			continue
		}
		w = strings.ToLower(w)
		x.ents[id].addLowerRole(w)
		x.indexAdd(ixRole, w, id)
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
	return x.mostRecent(x.byFullName(name), func(e *entity) bool {
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
	if e := x.mostRecent(x.indexed(ixLast, w), keep); e >= 0 || !firstToo {
		return e
	}
	return x.mostRecent(x.indexed(ixFirst, w), keep)
}

func (x *attributor) findOrgShort(w string) int {
	best := -1
	for _, e := range x.indexed(ixFirst, w) {
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

// findByRole finds the most recently mentioned person or anonymous source
// described by a role noun. loose allows "one of the employees" or "one
// source" to match a plural group.
func (x *attributor) findByRole(head string, plural, loose bool) int {
	return x.mostRecent(x.indexed(ixRole, head), func(ent *entity) bool {
		if ent.typ == article.Organization || !ent.hasRole(head) && ent.head != head {
			return false
		}
		return !(ent.typ == article.Anonymous && ent.plural != plural && !loose && !(ent.plural && !plural && ent.head == "person"))
	})
}

func (x *attributor) findOrgByHead(head string) int {
	isOrg := func(e *entity) bool { return e.typ == article.Organization }
	cands := append(append([]int(nil), x.indexed(ixRole, head)...), x.indexed(ixTok, head)...)
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

// governmentHeads are public bodies, never "the company".
var governmentHeads = wordSet("government-heads.txt")

func isGovernment(e *entity) bool {
	for _, r := range e.roles {
		if governmentHeads[r] {
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

// findRoleOnly finds a person known only by a title ("the mayor") who has
// not been named yet.
func (x *attributor) findRoleOnly(role string) int {
	return x.mostRecent(x.indexed(ixRole, role), func(e *entity) bool {
		return e.typ == article.Person && len(e.nameToks) == 0
	})
}

var companyWords = wordSet("company-words.txt")

func isCompany(e *entity) bool {
	for _, r := range e.roles {
		if companyWords[r] {
			return true
		}
	}
	return len(e.nameToks) > 0 && companyWords[e.nameToks[len(e.nameToks)-1]]
}

// institutionHeads are institutions, never "the company".
var institutionHeads = wordSet("institution-heads.txt")

func isInstitution(e *entity) bool {
	for _, r := range e.roles {
		if institutionHeads[r] {
			return true
		}
	}
	return false
}

// findPersonSuffix finds a person whose full name ends with name ("de la
// Cruz" in "Annick de la Cruz").
func (x *attributor) findPersonSuffix(name []string) int {
	return x.mostRecent(x.indexed(ixLast, name[len(name)-1]), func(e *entity) bool {
		n := len(e.nameToks)
		if e.typ != article.Person || n <= len(name) {
			return false
		}
		return equalToks(e.nameToks[n-len(name):], name)
	})
}

// nameLedeSource links an anonymous description from the first paragraphs
// ("A structural engineer testified …") to the person a later paragraph
// names with the same description ("J. R. Okoro, a structural engineer
// who …"): news ledes often hold back the name.
func (x *attributor) nameLedeSource(person int, head string) {
	if head == "" {
		return
	}
	for _, c := range x.indexed(ixRole, head) {
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
	ps := x.doc.Paragraphs
	return sort.Search(len(ps), func(i int) bool { return offset < ps[i].End })
}

// canon follows a lede alias to the named entity.
func (x *attributor) canon(e int) int {
	if a := x.alias[e]; a != 0 {
		return a - 1
	}
	return e
}

var genericOrgNouns = wordSet("generic-organisation-nouns.txt")

// recentOrg returns the organisation mentioned last within the last n
// paragraphs.
func (x *attributor) recentOrg(n int) int {
	if len(x.mentions) == 0 {
		return -1
	}
	para := x.mentions[len(x.mentions)-1].para
	for i := len(x.mentions) - 1; i >= 0 && i >= len(x.mentions)-maxPronounLookBack; i-- {
		m := &x.mentions[i]
		x.work++
		if m.para < para-n {
			break
		}
		if x.ents[m.ent].typ == article.Organization {
			return m.ent
		}
	}
	return -1
}

// recentAnonymous returns an anonymous source of the same number mentioned
// in this paragraph or the one before, for a definite description that
// names it in other words.
func (x *attributor) recentAnonymous(plural bool) int {
	if len(x.mentions) == 0 {
		return -1
	}
	para := x.mentions[len(x.mentions)-1].para
	for i := len(x.mentions) - 1; i >= 0 && i >= len(x.mentions)-maxMentionLookBack; i-- {
		m := &x.mentions[i]
		x.work++
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
var sourceNouns = wordSet("source-nouns.txt")

// knownOrg reports whether name is the full name of a known organisation.
func (x *attributor) knownOrg(name []string) bool {
	if len(name) == 0 {
		return false
	}
	return x.mostRecent(x.byFullName(name), func(e *entity) bool {
		return e.typ == article.Organization && equalToks(e.nameToks, name)
	}) >= 0
}

// indexKind says which kind of word an entity index list holds: a word's
// entry keeps a list per kind, so entities are found without building a
// key string per lookup.
type indexKind uint8

const (
	ixFull indexKind = iota
	ixLast
	ixFirst
	ixTok
	ixRole
	ixKinds
)
