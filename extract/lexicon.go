package extract

import "strings"

// speechLemmas are reporting verbs. Irregular forms are listed in
// irregularForms; the rest are inflected by rule.
var speechLemmas = wordList("speech-verbs.txt")

// irregularForms maps each irregular inflection to its lemma.
var irregularForms = wordPairs("irregular-verbs.txt")

// loadedLemmas imply a judgement about the speaker or the claim.
var loadedLemmas = wordSet("loaded-verbs.txt")

// ambiguousBase lemmas whose base or -s form is usually a noun ("the
// report", "a post", "claims"): only their past forms count on their own.
var ambiguousBase = wordSet("ambiguous-verbs.txt")

// verbForm describes one inflected speech verb.
type verbForm struct {
	Lemma string
	// Past is set for simple past / participle forms.
	Past bool
	// Gerund is set for -ing forms.
	Gerund bool
	// Base is set for the base form.
	Base bool
}

var speechForms = buildSpeechForms()

func buildSpeechForms() map[string]verbForm {
	forms := make(map[string]verbForm, 640) // about 560 forms: sized once
	for f, lemma := range irregularForms {
		vf := verbForm{Lemma: lemma}
		switch {
		case strings.HasSuffix(f, "ing"):
			vf.Gerund = true
		case f == lemma:
			vf.Base = true
		case strings.HasSuffix(f, "s") && f != "says" && !strings.HasSuffix(f, "ss"):
		case f == "says" || f == "tells" || f == "writes":
		default:
			vf.Past = true
		}
		forms[f] = vf
	}
	for _, lemma := range speechLemmas {
		if strings.Contains(lemma, "-") {
			continue
		}
		if _, ok := forms[lemma]; !ok {
			forms[lemma] = verbForm{Lemma: lemma, Base: true}
		}
		for _, f := range []string{thirdPerson(lemma)} {
			if _, ok := forms[f]; !ok {
				forms[f] = verbForm{Lemma: lemma}
			}
		}
		if f := past(lemma); forms[f].Lemma == "" {
			forms[f] = verbForm{Lemma: lemma, Past: true}
		}
		if f := gerund(lemma); forms[f].Lemma == "" {
			forms[f] = verbForm{Lemma: lemma, Gerund: true}
		}
	}
	return forms
}

func thirdPerson(l string) string {
	switch {
	case strings.HasSuffix(l, "y") && !isVowel(l[len(l)-2]):
		return l[:len(l)-1] + "ies"
	case strings.HasSuffix(l, "s"), strings.HasSuffix(l, "sh"), strings.HasSuffix(l, "ch"), strings.HasSuffix(l, "x"), strings.HasSuffix(l, "z"):
		return l + "es"
	}
	return l + "s"
}

func past(l string) string {
	switch {
	case strings.HasSuffix(l, "e"):
		return l + "d"
	case strings.HasSuffix(l, "y") && !isVowel(l[len(l)-2]):
		return l[:len(l)-1] + "ied"
	}
	return l + "ed"
}

func gerund(l string) string {
	switch {
	case strings.HasSuffix(l, "ie"):
		return l[:len(l)-2] + "ying"
	case strings.HasSuffix(l, "e") && !strings.HasSuffix(l, "ee"):
		return l[:len(l)-1] + "ing"
	}
	return l + "ing"
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// LoadedVerb reports whether a speech verb form is a loaded attribution
// verb, and returns its lemma.
func LoadedVerb(word string) (string, bool) {
	v := formLemmas[strings.ToLower(word)]
	return v.lemma, v.loaded
}

// formLemmas gives each speech verb form its lemma and whether the lemma
// is loaded: the loaded-verb rule asks it of every quotation's cue.
var formLemmas = func() map[string]formLemma {
	m := make(map[string]formLemma, len(speechForms))
	for w, vf := range speechForms {
		m[w] = formLemma{lemma: vf.Lemma, loaded: loadedLemmas[vf.Lemma]}
	}
	return m
}()

type formLemma struct {
	lemma  string
	loaded bool
}

// Inflections returns the forms the extractor derives from a verb lemma:
// base, third person, past and gerund ("opine", "opines", "opined",
// "opining").
func Inflections(lemma string) []string {
	l := strings.ToLower(strings.TrimSpace(lemma))
	if l == "" {
		return nil
	}
	return []string{l, thirdPerson(l), past(l), gerund(l)}
}

// SpeechVerbLemmas lists the reporting verbs the extractor knows, for docs.
func SpeechVerbLemmas() []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range speechLemmas {
		if !seen[l] && !strings.Contains(l, "-") {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// set builds a lookup table from words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var pronounGender = wordGenders("pronouns.txt")

var honorifics = wordGenders("honorifics.txt")

// titleWords may stand before a name as part of a title ("Finance Minister",
// "U.S. District Judge", "State Sen."). The name is what follows the last
// of them in a capitalised run.
var titleWords = wordSet("titles.txt")

// titleModifiers are capitalised words that only modify a title ("Finance
// Minister", "Assistant U.S. Attorney").
var titleModifiers = wordSet("title-modifiers.txt")

// genderedRoles give a gender to the person who holds them.
var genderedRoles = wordGenders("gendered-roles.txt")

// anonymousHeads are nouns that describe a person or group without naming
// them: with an indefinite article, a number or no article at all they make
// an anonymous source.
var anonymousHeads = wordSet("anonymous-heads.txt")

// orgHeads name organisations when they head a capitalised name ("Kelbrook
// Borough Council") or a description ("the company", "China's foreign
// ministry").
var orgHeads = wordSet("organisation-heads.txt")

// placeHeads end capitalised runs that name places, not people.
var placeHeads = wordSet("place-heads.txt")

// functionWords are capitalised at the start of a sentence but never part
// of a name.
var functionWords = wordSet("function-words.txt")

var monthsDays = wordSet("months-days.txt")

var numberWords = wordSet("number-words.txt")

// isNumberWord reports whether a lower-case word is a spelled-out number,
// hyphenated compounds included ("sixty-two", "one-third").
func isNumberWord(w string) bool {
	if w == "" {
		return false
	}
	if !strings.Contains(w, "-") {
		return numberForms[w]
	}
	for part := range strings.SplitSeq(w, "-") {
		if !numberForms[part] {
			return false
		}
	}
	return true
}

// numberForms are the number words with the endings isNumberWord allows
// ("tens", "fifth", "fifths"), so that a word costs one lookup.
var numberForms = func() map[string]bool {
	m := map[string]bool{}
	for w := range numberWords {
		for _, suffix := range []string{"", "s", "th", "ths"} {
			m[w+suffix] = true
		}
	}
	return m
}()

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = wordSet("abbreviations.txt")

// longestAbbreviation is the length in bytes of the longest abbreviation.
var longestAbbreviation = longestWord(abbreviations)

// longestWord is the length in bytes of the longest word of a list: an
// ASCII word longer than it is in no case form of the list.
func longestWord(words map[string]bool) int {
	n := 0
	for w := range words {
		n = max(n, len(w))
	}
	return n
}

var determiners = wordSet("determiners.txt")

var indefiniteDeterminers = wordSet("indefinite-determiners.txt")

// introWords open an introductory phrase before a clause's subject
// ("In a statement, the company said").
var introWords = wordSet("intro-words.txt")

var relativeWords = wordSet("relative-words.txt")

var auxiliaries = wordSet("auxiliaries.txt")

var passiveAux = wordSet("passive-auxiliaries.txt")

// anonymityReasons are phrase families that say why a source is unnamed.
var anonymityReasons = wordList("anonymity-reasons.txt")

// namingCues before a quoted term show it is a name or label, not a
// quotation ("so-called", "dubbed", "known as").
var namingCues = wordPhrases("naming-cues.txt")

var smallTitleWords = wordSet("small-title-words.txt")

var longestSmallTitleWord = longestWord(smallTitleWords)

// irregularPast verbs end a sentence subject ("Quennell-Tsai spent ...").
var irregularPast = wordSet("irregular-past.txt")

// Word-class flags, looked up once per token so that the grammar's many
// class tests are bit tests rather than map lookups.
const (
	fSpeech wordFlags = 1 << iota
	fDet
	fAux
	fPrep
	fRel
	fPron
	// fDocNoun heads a document phrase; fDocVerb speaks for a document;
	// fRetort reports speech before "back".
	fDocNoun
	fDocVerb
	fRetort
	// membership of the word lists the grammar tests most often
	fAnonHead
	fTitle
	fOrgHead
	fParticle
	fIrregPast
	fIntro
	fFunc
	fPassAux
	fSubord
	fOrgMember
	fDescOrg
	fMonthDay
	fTime
	fConnective
	fSentenceAdverb
	fPostModStart
	fTitleModifier
	fGenderedRole
	fStandaloneDet
	fIndefiniteDet
	fSpeechNoun
	fKinship
	fGroupNoun
	fOrgPremodifier
	fPlaceHead
	fIrregParticiple
	// fNamingCueEnd ends a naming cue ("dubbed", "known as")
	fNamingCueEnd
	// fNumberWord is set for number words and hyphenated numbers, and
	// fCapitalised for a word written with a capital: see wordTable
	fNumberWord
	fCapitalised
	// fAmbiguousLemma: a reporting-verb form whose lemma is usually a noun
	// in its base form (ambiguousBase)
	fAmbiguousLemma
)

// grammarFlags are the closed classes and verbs of the grammar: a word
// with none of them is a content word.
const grammarFlags = fSpeech | fDet | fAux | fPrep | fRel | fPron | fDocNoun | fDocVerb | fRetort

// wordFlags are the word-class bits of a lowered word, one per list.
type wordFlags = uint64

var lexFlags = buildLexFlags()

func buildLexFlags() map[string]wordFlags {
	// about 2,400 words: sized once rather than grown by rehashing at
	// every start-up (a hint only; more words just grow it)
	m := make(map[string]wordFlags, 2560)
	add := func(words map[string]bool, f wordFlags) {
		for w := range words {
			m[w] |= f
		}
	}
	for w, vf := range speechForms {
		m[w] |= fSpeech
		if ambiguousBase[vf.Lemma] {
			m[w] |= fAmbiguousLemma
		}
	}
	add(determiners, fDet)
	add(auxiliaries, fAux)
	add(prepositions, fPrep)
	add(relativeWords, fRel)
	for w := range pronounGender {
		m[w] |= fPron
	}
	for w := range documentNouns {
		m[w] |= fDocNoun
		m[w+"s"] |= fDocNoun
	}
	add(documentVerbs, fDocVerb)
	add(retortVerbs, fRetort)
	add(anonymousHeads, fAnonHead)
	add(titleWords, fTitle)
	add(orgHeads, fOrgHead)
	add(nameParticles, fParticle)
	add(irregularPast, fIrregPast)
	add(introWords, fIntro)
	add(functionWords, fFunc)
	add(passiveAux, fPassAux)
	add(subordinators, fSubord)
	add(orgMemberHeads, fOrgMember)
	add(descOrgHeads, fDescOrg)
	add(monthsDays, fMonthDay)
	add(timeWords, fTime)
	add(connectives, fConnective)
	add(sentenceAdverbs, fSentenceAdverb)
	add(postModifierStarts, fPostModStart)
	add(titleModifiers, fTitleModifier)
	for w, g := range genderedRoles {
		if g != 0 { // a role word with a gender ("chairwoman")
			m[w] |= fGenderedRole
		}
	}
	add(standaloneDeterminers, fStandaloneDet)
	add(indefiniteDeterminers, fIndefiniteDet)
	add(speechNouns, fSpeechNoun)
	add(kinship, fKinship)
	add(groupNouns, fGroupNoun)
	add(orgPremodifiers, fOrgPremodifier)
	add(placeHeads, fPlaceHead)
	add(irregularParticiples, fIrregParticiple)
	for w := range namingCuesByLast {
		m[w] |= fNamingCueEnd
	}
	add(numberForms, fNumberWord) // hyphenated numbers: see wordTable
	return m
}
