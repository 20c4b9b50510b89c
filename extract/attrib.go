package extract

import (
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

// attributor carries the state of one article through attribution.
type attributor struct {
	ex       *Extractor
	doc      *article.Document
	text     string
	ents     []entity
	mentions []mention
	// speakerOf maps quote index to entity, -1 for none.
	speakerOf []int
	mentionOf []speakerMention
	sentences int
	// lastSpeech is the entity that last spoke (quoted or reported) in each
	// paragraph, for quote paragraphs that carry no attribution.
	lastSpeech []int
	// lastQuoteSpeaker is the speaker of the most recent attributed quote.
	lastQuoteSpeaker  int
	lastQuoteQuestion bool
	// inHeading is set while registering a headline, where title case
	// makes every word look like a name.
	inHeading bool
	tokBuf    []token
	lw        lowerer
	// lastPos is each entity's latest mention; index finds entities by
	// name word, full name and role so lookups do not scan the article.
	lastPos   []int
	index     map[string][]int
	orgs      []int
	authorEnt int // the article's writer, +1; 0 until needed
	// alias maps an anonymous lede description to the person named later
	// (stored +1).
	alias map[int]int
}

type speakerMention struct {
	span    article.Span
	form    string // name, surname, pronoun, description, role
	cue     string
	cueSpan article.Span
	conf    float64
}

// frame results
type attribution struct {
	ent     int
	mention article.Span
	form    string
	cue     string
	cueSpan article.Span
	conf    float64
}

var noAttribution = attribution{ent: -1}

type paraState struct {
	toks  []token
	sents []sentence
	// quoteTok maps quote index to its token index
	quoteTok map[int]int
	sentOf   map[int]int // quote index -> sentence index within paragraph
}

// Extract finds the quotations in doc, attributes each to a speaker and
// fills doc.Quotes, doc.Sources and doc.Marks.
func Extract(doc *article.Document) { defaultExtractor.extract(doc) }

func (ex *Extractor) extract(doc *article.Document) *attributor {
	raw, problems := Scan(doc.Text, doc.Paragraphs)
	doc.Marks = problems
	doc.Quotes = make([]article.Quote, len(raw))
	for i, r := range raw {
		doc.Quotes[i] = article.Quote{
			ID: "q" + itoa(i+1), Span: r.Span, Open: r.Open, Close: r.Close, Paragraph: r.Paragraph,
			RunsOn: r.RunsOn, Continues: r.Continues, Unclosed: r.Unterminated && !r.RunsOn,
		}
		if r.Unterminated {
			doc.Quotes[i].Close = article.Span{}
		}
	}
	x := &attributor{ex: ex, doc: doc, text: doc.Text, speakerOf: make([]int, len(raw)), mentionOf: make([]speakerMention, len(raw)), index: map[string][]int{}, lastQuoteSpeaker: -1}
	for i := range x.speakerOf {
		x.speakerOf[i] = -1
	}
	x.lastSpeech = make([]int, len(doc.Paragraphs))
	qi := 0
	for pi, p := range doc.Paragraphs {
		var regions []article.Span
		var idx []int
		for qi < len(raw) && raw[qi].Paragraph == pi {
			end := raw[qi].Close.End
			if raw[qi].Unterminated {
				end = p.End
			}
			regions = append(regions, article.Span{Start: raw[qi].Open.Start, End: end})
			idx = append(idx, qi)
			qi++
		}
		x.paragraph(pi, p, regions, idx)
	}
	x.matchHeadlineQuotes()
	x.finish()
	return x
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func (x *attributor) quoteText(q int) string { return x.doc.QuoteText(&x.doc.Quotes[q]) }

func (x *attributor) paragraph(pi int, p article.Paragraph, regions []article.Span, idx []int) {
	// tokens live only while their paragraph is processed, so one buffer
	// serves the whole article
	toks := tokenize(x.tokBuf, &x.lw, x.text, p.Span, regions, idx, x.ex.flags)
	x.tokBuf = toks
	sents := splitSentences(toks, x.quoteText)
	// "LOWER ASHCOMBE (Heath Chronicle) — The mayor …": the dateline is
	// not the subject of the first sentence
	if d := datelineEnd(toks); d > 0 && len(sents) > 0 && sents[0].to > d {
		sents[0].from = d
	}
	ps := paraState{toks: toks, sents: sents, quoteTok: map[int]int{}, sentOf: map[int]int{}}
	for si, s := range sents {
		for k := s.from; k < s.to; k++ {
			if toks[k].kind == tokQuote {
				ps.quoteTok[toks[k].quote] = k
				ps.sentOf[toks[k].quote] = si
			}
		}
	}
	x.lastSpeech[pi] = -1
	firstSent := x.sentences
	for si, s := range sents {
		sentIdx := firstSent + si
		x.registerSentence(toks, s, pi, sentIdx)
		for k := s.from; k < s.to; k++ {
			if toks[k].kind != tokQuote {
				continue
			}
			q := toks[k].quote
			if reason := termReason(toks, k, s, x.quoteText(q)); reason != "" {
				x.doc.Quotes[q].Kind = article.Term
				x.doc.Quotes[q].TermReason = reason
				continue
			}
			a := x.direct(toks, s, k, pi, sentIdx)
			x.assign(q, a)
		}
		x.noteReportedSpeech(toks, s, pi, sentIdx)
	}
	x.sentences += len(sents)
	// quotes with no attribution of their own
	for _, q := range idx {
		if x.doc.Quotes[q].Kind == article.Term || x.speakerOf[q] >= 0 {
			continue
		}
		k := ps.quoteTok[q]
		s := sents[ps.sentOf[q]]
		a := x.inherited(q, pi, idx, ps, k, s, firstSent+ps.sentOf[q])
		x.assign(q, a)
		if x.speakerOf[q] < 0 && isScareQuote(x.quoteText(q)) && !characterisedAs(toks, k) {
			x.doc.Quotes[q].Kind = article.Term
			x.doc.Quotes[q].TermReason = "scare quote"
		}
	}
	for i := len(idx) - 1; i >= 0; i-- {
		if e := x.speakerOf[idx[i]]; e >= 0 {
			x.lastSpeech[pi] = e
			break
		}
	}
}

func (x *attributor) assign(q int, a attribution) {
	if a.ent < 0 {
		return
	}
	x.lastQuoteSpeaker = a.ent
	x.lastQuoteQuestion = strings.HasSuffix(strings.TrimRight(x.quoteText(q), " \"'\u201d\u2019"), "?")
	x.speakerOf[q] = a.ent
	x.mentionOf[q] = speakerMention{span: a.mention, form: a.form, cue: a.cue, cueSpan: a.cueSpan, conf: a.conf}
	if !a.mention.Empty() {
		x.ents[a.ent].addMention(x.doc.Slice(a.mention))
		// the speaker becomes the most salient antecedent
		if n := len(x.mentions); n > 0 {
			last := x.mentions[n-1]
			x.mentions = append(x.mentions, mention{ent: a.ent, pos: a.mention.Start, para: last.para, sent: last.sent, salience: 2.5})
		}
	}
}

// noteReportedSpeech remembers the subject of a reporting verb in a
// sentence without quotes ("Evan Medeiros ... said the call was ..."): a
// following quote paragraph with no attribution is theirs.
func (x *attributor) noteReportedSpeech(toks []token, s sentence, pi, sentIdx int) {
	for k := s.from; k < s.to; k++ {
		if toks[k].kind == tokQuote {
			return
		}
	}
	for k := s.from; k < s.to; k++ {
		if x.isCue(toks, k, s) {
			if a := x.subjectOf(toks, k, s, pi, sentIdx); a.ent >= 0 {
				x.lastSpeech[pi] = a.ent
				if n := len(x.mentions); n > 0 {
					x.mentions = append(x.mentions, mention{ent: a.ent, pos: a.mention.Start, para: pi, sent: sentIdx, salience: 2.5})
				}
			}
			return
		}
	}
}

// isCue reports whether token k is a finite reporting verb in active voice.
func (x *attributor) isCue(toks []token, k int, s sentence) bool {
	t := toks[k]
	if t.kind != tokWord || t.flags&fSpeech == 0 {
		return false
	}
	vf, ok := x.ex.forms[t.lower]
	if !ok || vf.Gerund {
		return false
	}
	if vf.Lemma == "call" {
		// "calls back", "called out", "“Writing,” he called.": calling out
		// words; "called the plan" is handled by the frames
		if !(k+1 >= s.to || toks[k+1].lower == "back" || toks[k+1].lower == "out" || toks[k+1].lower == "over" || toks[k+1].kind == tokPunct) {
			return false
		}
	}
	if k == s.from && t.capitalised() {
		return false // "Asked about it, ..." is a participle
	}
	if k > s.from && toks[k-1].lower == "to" {
		return false // "declined to say"
	}
	if ambiguousBase[vf.Lemma] && !vf.Past {
		// "he replies", "Smith notes", "I ask": a subject right before makes
		// it a verb
		firstPerson := k > s.from && (toks[k-1].lower == "i" || toks[k-1].lower == "we") && vf.Base
		if !firstPerson && !(k > s.from && (pronounLike(toks[k-1].lower) || toks[k-1].capitalised()) && !vf.Base && !vf.Gerund) {
			return false
		}
	}
	if vf.Base && k > s.from {
		prev := toks[k-1]
		if determiners[prev.lower] || prev.lower == "his" || prev.lower == "her" || prev.lower == "their" || prev.lower == "its" {
			return false
		}
	}
	if vf.Past && k > s.from && toks[k-1].flags&fDet != 0 {
		return false // "an estimated 40 million", "the revealed documents"
	}
	if vf.Past {
		// passive: "was once described as", "had been told"
		for j, n := k-1, 0; j >= s.from && n < 3; j, n = j-1, n+1 {
			w := toks[j].lower
			if passiveAux[w] {
				return false
			}
			if !(strings.HasSuffix(w, "ly") || w == "also" || w == "once" || w == "later" || w == "widely" || w == "not" || w == "never") {
				break
			}
		}
		// a participle modifying a noun: "a video posted on the blog"
		if k > s.from && toks[k-1].kind == tokWord && !toks[k-1].capitalised() && !pronounLike(toks[k-1].lower) &&
			k+1 < s.to && prepositions[toks[k+1].lower] && toks[k+1].lower != "to" && vf.Lemma != "say" && vf.Lemma != "tell" && vf.Lemma != "add" {
			if determinerBefore(toks, k-1, s) {
				return false
			}
		}
	}
	return true
}

func pronounLike(w string) bool {
	switch w {
	case "he", "she", "they", "it", "we", "i", "you", "who":
		return true
	}
	return false
}

// determinerBefore reports an indefinite article opening the noun phrase
// that ends at k ("a video posted on …"); another article between means a
// new phrase ("a move the union described as …").
func determinerBefore(toks []token, k int, s sentence) bool {
	for j, n := k-1, 0; j >= s.from && n < 3; j, n = j-1, n+1 {
		if toks[j].lower == "a" || toks[j].lower == "an" {
			return true
		}
		if toks[j].kind != tokWord || toks[j].flags != 0 {
			return false
		}
	}
	return false
}

// isBoundary reports a token that ends a clause inside a sentence. A full
// stop inside a sentence ends an abbreviation ("D-Mich."), not a clause:
// sentences were already split.
func isBoundary(t token) bool {
	return t.kind == tokQuote || t.kind == tokPunct && (t.text == ";" || t.text == ":" || t.text == "?" || t.text == "!")
}

// direct tries the frames inside the quote's own sentence: attribution
// right after the quote, a reporting verb before it, or a clause ending the
// sentence.
func (x *attributor) direct(toks []token, s sentence, k, pi, sentIdx int) attribution {
	if a := x.after(toks, s, k, pi, sentIdx); a.ent >= 0 {
		return a
	}
	if a, stop := x.before(toks, s, k, pi, sentIdx); a.ent >= 0 || stop {
		return a
	}
	return x.sentenceFinal(toks, s, k, pi, sentIdx)
}

func skipDashes(toks []token, j, end int) int {
	for j < end && toks[j].kind == tokPunct && (toks[j].text == "," || toks[j].text == "\u2014" || toks[j].text == "\u2013" || toks[j].text == "-") {
		j++
	}
	return j
}

// after handles `"…," X said`, `"…," said X, title` and `"…," according to X`.
func (x *attributor) after(toks []token, s sentence, k, pi, sentIdx int) attribution {
	j := skipDashes(toks, k+1, s.to)
	if j >= s.to || toks[j].kind != tokWord {
		return noAttribution
	}
	if toks[j].lower == "according" && j+2 < s.to && toks[j+1].lower == "to" {
		return x.npAfter(toks, s, j+2, pi, sentIdx, "according to", article.Span{Start: toks[j].start, End: toks[j+1].end}, 0.9)
	}
	if x.isCue(toks, j, s) || isInvertedCue(toks, j, s) {
		if j+1 < s.to && (toks[j+1].capitalised() || determiners[toks[j+1].lower] || pronounLike(toks[j+1].lower) || roleFollows(toks, j+1, s.to)) && !introWords[toks[j+1].lower] {
			cue, cueSpan := cueText(toks, j, s)
			_ = cue
			return x.npAfter(toks, s, j+1, pi, sentIdx, toks[j].lower, cueSpan, 0.95)
		}
		return noAttribution
	}
	// `"…," the official said` — a noun phrase then the verb
	for v := j; v < s.to && v < j+16; v++ {
		if isBoundary(toks[v]) {
			break
		}
		if x.isCue(toks, v, s) {
			if !npLike(toks[j]) || !plausibleSubject(toks, j, trimAux(toks, j, v)) {
				return noAttribution
			}
			a := x.speakerIn(toks, s, j, trimAux(toks, j, v), pi, sentIdx)
			if a.ent >= 0 {
				a.cue, a.cueSpan = cueText(toks, v, s)
				a.conf = 0.95
				if a.form == "pronoun" {
					a.conf = 0.9
				}
			}
			return a
		}
	}
	return noAttribution
}

func isInvertedCue(toks []token, j int, s sentence) bool {
	vf, ok := speechForms[toks[j].lower]
	return ok && !vf.Gerund && vf.Lemma != "call" && (vf.Past || !vf.Base)
}

func npLike(t token) bool {
	if t.kind != tokWord {
		return false
	}
	if nameParticles[t.lower] {
		return true // "van Wyk asked"
	}
	if t.capitalised() && !introWords[t.lower] || determiners[t.lower] || pronounLike(t.lower) || t.lower == "people" || t.lower == "sources" || t.lower == "officials" || anonymousHeads[t.lower] {
		return true
	}
	if strings.HasSuffix(t.lower, "'s") || strings.HasSuffix(t.lower, "’s") || t.lower == "its" || t.lower == "their" || t.lower == "his" || t.lower == "her" {
		return true
	}
	return false
}

// trimAux drops auxiliaries and adverbs between a subject and its verb.
func trimAux(toks []token, from, v int) int {
	for v > from && toks[v-1].kind == tokWord && (auxiliaries[toks[v-1].lower] || strings.HasSuffix(toks[v-1].lower, "ly") && !toks[v-1].capitalised()) {
		v--
	}
	return v
}

// npAfter reads the speaker noun phrase after an inverted verb or
// "according to", up to the end of the clause.
func (x *attributor) npAfter(toks []token, s sentence, from, pi, sentIdx int, cue string, cueSpan article.Span, conf float64) attribution {
	to := from
	for to < s.to && !isBoundary(toks[to]) && !toks[to].isPunct(",") && !(toks[to].kind == tokWord && relativeWords[toks[to].lower] && to > from) {
		if to > from && toks[to].kind == tokWord && (toks[to].lower == "on" || toks[to].lower == "in" || toks[to].lower == "at") && !isAnonPostModifier(toks, from, to) {
			break
		}
		to++
	}
	if to == from {
		return noAttribution
	}
	a := x.speakerIn(toks, s, from, to, pi, sentIdx)
	// "said the trust's chair, Denise Rawcliffe": a role, then the name
	if (a.ent < 0 || a.form == "role" || a.form == "description" && x.ents[a.ent].typ != article.Organization) && to+1 < s.to && toks[to].isPunct(",") && toks[to+1].capitalised() {
		j := capRun(toks, to+1, s.to)
		if cr := classifyRun(toks, to+1, j, false); cr.kind == runPerson && j-(to+1) >= 2 {
			if b := x.speakerIn(toks, s, to+1, j, pi, sentIdx); b.ent >= 0 {
				b.mention = article.Span{Start: toks[from].start, End: toks[j-1].end}
				a = b
			}
		}
	}
	if a.ent >= 0 {
		if cue == "according to" {
			a.cue = cue
		} else {
			a.cue, _ = cueText(toks, cueSpanIndex(toks, cueSpan), s)
		}
		a.cueSpan = cueSpan
		a.conf = conf
	}
	return a
}

func cueSpanIndex(toks []token, sp article.Span) int {
	for i, t := range toks {
		if t.start == sp.Start {
			return i
		}
	}
	return 0
}

// isAnonPostModifier keeps "a senior western diplomat in Lenz" together.
func isAnonPostModifier(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if anonymousHeads[toks[k].lower] {
			return true
		}
	}
	return false
}

// cueText gives the attribution verb with what completes it: "told the
// Meridian Wire", "said in a statement", "described as".
func cueText(toks []token, v int, s sentence) (string, article.Span) {
	t := toks[v]
	end := v + 1
	switch speechForms[t.lower].Lemma {
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
	for v := k - 1; v >= s.from; v-- {
		t := toks[v]
		if t.kind != tokWord {
			continue
		}
		if t.lower == "according" && v+2 < k && toks[v+1].lower == "to" {
			a := x.npAfter(toks, s, v+2, pi, sentIdx, "according to", article.Span{Start: t.start, End: toks[v+1].end}, 0.85)
			return a, true
		}
		switch t.lower {
		case "saying", "adding", "telling", "writing", "warning", "insisting", "arguing", "noting", "explaining", "declaring", "describing":
			if t.lower == "saying" && v > s.from && toks[v-1].lower == "as" {
				return x.quotedAs(toks, s, v, pi, sentIdx), true
			}
			if v > s.from && toks[v-1].isPunct(",") {
				a := x.sentenceSubject(toks, s, pi, sentIdx)
				a.cue, a.cueSpan, a.conf = t.text, article.Span{Start: t.start, End: t.end}, 0.8
				return a, true
			}
			if a, ok := x.gerundSubject(toks, s, v, pi, sentIdx); ok {
				a.cue, a.cueSpan, a.conf = t.text, article.Span{Start: t.start, End: t.end}, 0.75
				return a, true
			}
			continue
		case "call", "calls", "called", "calling":
			if v == k-1 {
				// "what the chief executive called “…”": the subject said it
				if v > s.from && !passiveAux[toks[v-1].lower] {
					a := x.subjectOf(toks, v, s, pi, sentIdx)
					if a.ent >= 0 {
						a.cue, a.cueSpan, a.conf = t.text, article.Span{Start: t.start, End: t.end}, 0.7
						return a, true
					}
				}
				continue
			}
			if objectBetween(toks, v+1, k) {
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
		if v > s.from && (toks[v-1].isPunct(",") || toks[v-1].kind == tokQuote) && isInverted(toks, v, k) {
			return noAttribution, true // inverted: `"…," said X, who …`
		}
		if outer, ok := x.outerFrame(toks, s, v, pi, sentIdx); ok {
			return outer, true
		}
		a := x.subjectOf(toks, v, s, pi, sentIdx)
		if a.ent >= 0 {
			a.cue, a.cueSpan = cueText(toks, v, s)
			a.conf = 0.85
		}
		return a, true
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
		t := toks[u]
		if t.kind == tokQuote || t.lower == "and" || t.lower == "but" || t.isPunct(";") {
			return noAttribution, false
		}
		if t.lower == "that" {
			sawThat = true
			continue
		}
		if !sawThat {
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
			a.cue, a.cueSpan = cueText(toks, u, s)
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
		if strings.HasPrefix(toks[q].lower, "quot") && q > s.from && passiveAux[toks[q-1].lower] {
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
		t := toks[start-1]
		if isBoundary(t) || t.lower == "what" {
			break
		}
		if t.kind == tokWord && relativeWords[t.lower] && t.lower != "where" && t.lower != "when" {
			// a relative clause closed by a comma before the verb is
			// parenthetical: "X, who ..., said"; so is one whose verb
			// follows the relative word directly: "a stallholder who asked
			// not to be named said"
			// "whose president, Anatol Brezina, called": the subject is
			// inside the relative clause
			parenthetical := t.lower != "whose" && start-1 > s.from && toks[start-2].isPunct(",") && end > start && toks[end-1].isPunct(",") ||
				end > start && toks[end-1].isPunct(",") && clauseHasVerb(toks, start, end-1)
			subjectRelative := (t.lower == "who" || t.lower == "that") && start < end && !npLike(toks[start]) && start-1 > s.from && toks[start-2].kind == tokWord
			if !parenthetical && !subjectRelative {
				break
			}
		}
		// a reporting verb ends the subject, unless it sits in a relative
		// clause: "a person who asked not to be named said"
		if x.isCue(toks, start-1, s) && !(start-2 >= s.from && toks[start-2].flags&fRel != 0) {
			break
		}
		if (t.lower == "and" || t.lower == "but") && start == end {
			break
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
		if e, pos := x.firstMentionIn(toks[s.from].start, toks[v].start); e >= 0 {
			return attribution{ent: e, mention: article.Span{Start: pos, End: pos}, form: "inherited"}
		}
		return x.sentenceSubject(toks, s, pi, sentIdx)
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
		m := x.mentions[i]
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

var subordinators = set("after", "because", "when", "while", "although", "since", "before", "until", "if", "whether", "though", "once", "as")

// headChunk splits a subject region at commas: introductory phrases are
// skipped, the first remaining chunk is the head and the next descriptive
// chunk its appositive.
func headChunk(toks []token, start, end int) (head, appos [2]int) {
	var chunks [][2]int
	c := start
	for k := start; k <= end; k++ {
		if k == end || toks[k].isPunct(",") || toks[k].text == "\u2014" {
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
		if w := toks[last[0]]; w.kind == tokWord && (w.lower == "while" || w.lower == "whereas" || w.lower == "although" || w.lower == "though") && last[1]-last[0] > 1 && npLike(toks[last[0]+1]) {
			return [2]int{last[0] + 1, last[1]}, [2]int{start, start}
		}
	}
	// candidates: chunks that are not introductory phrases, relative
	// clauses or numbers (ages)
	var cands [][2]int
	for _, ch := range chunks {
		for ch[0] < ch[1]-1 && toks[ch[0]].kind == tokWord && (toks[ch[0]].lower == "but" || toks[ch[0]].lower == "and" || toks[ch[0]].lower == "yet" || toks[ch[0]].lower == "so") {
			ch[0]++
		}
		first := toks[ch[0]]
		if first.kind != tokWord {
			continue
		}
		if (introWords[first.lower] || first.flags&fPrep != 0 && first.lower != "and") && !(first.lower == "the" || first.lower == "a") || isNumber(first.text) || strings.HasSuffix(first.lower, "ing") && !first.capitalised() || isParticiple(toks, ch) {
			continue
		}
		cands = append(cands, ch)
	}
	if len(cands) == 0 && len(chunks) > 0 {
		// "…, while the Passengers First campaign said": the clause after a
		// subordinator still has its subject
		last := chunks[len(chunks)-1]
		for last[0] < last[1] && toks[last[0]].kind == tokWord && (subordinators[toks[last[0]].lower] || toks[last[0]].lower == "while" || toks[last[0]].lower == "whereas" || toks[last[0]].lower == "and" || toks[last[0]].lower == "but") {
			last[0]++
		}
		if last[0] < last[1] && npLike(toks[last[0]]) {
			cands = append(cands, last)
		}
	}
	if len(cands) == 0 {
		return [2]int{start, start}, [2]int{start, start}
	}
	// the subject is the last candidate, unless that is a descriptive
	// appositive ("a professor at ...", "Osmia's foreign minister"), or an
	// earlier candidate gives a full name ("Rep. Yasmin Al-Masri, D-Mich.,")
	hi := len(cands) - 1
	if full := fullNameCandidate(toks, cands); full >= 0 && full < hi && !descriptive(toks, cands[hi]) {
		hi = full
	}
	if hi > 0 && cands[hi][1]-cands[hi][0] == 1 && toks[cands[hi][0]].capitalised() && descriptive(toks, cands[hi-1]) {
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
		if toks[k].kind == tokWord && subordinators[toks[k].lower] {
			head[0] = k + 1
			break
		}
	}
	return head, appos
}

// descriptive reports whether a chunk describes rather than names: it
// starts with an article, a possessive or a lower-case word.
func descriptive(toks []token, ch [2]int) bool {
	t := toks[ch[0]]
	if t.kind != tokWord {
		return false
	}
	switch t.lower {
	case "a", "an", "the", "its", "his", "her", "their", "another", "one":
		return true
	}
	if _, poss := stripPossessive(t.lower); poss && strings.ContainsAny(t.text, "'’") {
		return true
	}
	return !t.capitalised() && !pronounLike(t.lower)
}

func isParticiple(toks []token, ch [2]int) bool {
	t := toks[ch[0]]
	return t.capitalised() && (strings.HasSuffix(t.lower, "ing") || t.lower == "asked" || t.lower == "pressed" || t.lower == "questioned") && ch[1]-ch[0] > 1
}

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// sentenceSubject finds the entity the sentence is about: the first
// mention in its first non-introductory chunk.
func (x *attributor) sentenceSubject(toks []token, s sentence, pi, sentIdx int) attribution {
	ch := x.subjectChunk(toks, s)
	if ch[0] >= ch[1] {
		return noAttribution
	}
	return x.speakerIn(toks, s, ch[0], ch[1], pi, sentIdx)
}

func (x *attributor) subjectChunk(toks []token, s sentence) [2]int {
	// the first comma-separated chunk that is not an introductory phrase
	start := s.from
	for k := s.from; k <= s.to; k++ {
		if k < s.to && !toks[k].isPunct(",") && toks[k].kind != tokQuote {
			continue
		}
		for start < k-1 && toks[start].kind == tokWord && (toks[start].lower == "but" || toks[start].lower == "and" || toks[start].lower == "yet" || toks[start].lower == "so") {
			start++
		}
		if k > start {
			first := toks[start]
			intro := first.kind != tokWord || (introWords[first.lower] || first.flags&fPrep != 0 && first.lower != "and") && first.lower != "the" && first.lower != "a" || isNumber(first.text) ||
				isParticiple(toks, [2]int{start, k}) || strings.HasSuffix(first.lower, "ing") && !first.capitalised()
			if !intro {
				end := k
				// "Marchbank's deputy, Iona Farrant, was": the name is the subject
				if k < s.to && toks[k].isPunct(",") && descriptive(toks, [2]int{start, k}) && k+1 < s.to && toks[k+1].capitalised() {
					start = k + 1
					end = clauseEnd(toks, start, s.to)
					return [2]int{start, end}
				}
				// the subject ends at the first verb-like word
				for j := start + 1; j < end; j++ {
					w := toks[j].lower
					if toks[j].kind == tokWord && (toks[j].flags&(fAux|fRel) != 0 || x.isCue(toks, j, s) || irregularPast[w] ||
						!toks[j].capitalised() && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !isPlural(singular(w)) && j > start && toks[j-1].capitalised() && !anonymousHeads[w] && !orgHeads[w])) {
						end = j
						break
					}
				}
				return [2]int{start, end}
			}
		}
		if k < s.to && toks[k].kind == tokQuote {
			break
		}
		start = k + 1
	}
	return [2]int{s.from, s.from}
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
	from := c + 1
	if from >= end || end-from > 14 {
		return noAttribution
	}
	if toks[from].lower == "according" && from+2 < end && toks[from+1].lower == "to" {
		return x.npAfter(toks, s, from+2, pi, sentIdx, "according to", article.Span{Start: toks[from].start, End: toks[from+1].end}, 0.8)
	}
	if !npLike(toks[from]) && !describesPeople(toks, from, end) {
		return noAttribution
	}
	for v := from + 1; v < end; v++ {
		if x.isCue(toks, v, s) {
			if end-v > 7 {
				return noAttribution
			}
			a := x.speakerIn(toks, s, from, trimAux(toks, from, v), pi, sentIdx)
			if a.ent >= 0 {
				a.cue, a.cueSpan = cueText(toks, v, s)
				a.conf = 0.8
			}
			return a
		}
	}
	return noAttribution
}

// inherited handles quotes whose own sentence names no speaker.
func (x *attributor) inherited(q, pi int, idx []int, ps paraState, k int, s sentence, sentIdx int) attribution {
	quote := &x.doc.Quotes[q]
	startsSentence := k == s.from
	// a running quotation continues the previous paragraph's quote
	if quote.Continues && q > 0 && x.speakerOf[q-1] >= 0 {
		return attribution{ent: x.speakerOf[q-1], conf: 0.9, form: x.mentionOf[q-1].form}
	}
	if x.doc.Paragraphs[pi].Heading {
		return noAttribution // headline quotes are matched to the body later
	}
	if startsSentence {
		// another quote of the same paragraph: the same speaker and cue
		for i := len(idx) - 1; i >= 0; i-- {
			if o := idx[i]; o < q && x.speakerOf[o] >= 0 {
				m := x.mentionOf[o]
				return attribution{ent: x.speakerOf[o], conf: 0.85, form: "inherited", cue: m.cue}
			}
		}
		for _, o := range idx {
			if o > q && x.speakerOf[o] >= 0 {
				m := x.mentionOf[o]
				return attribution{ent: x.speakerOf[o], conf: 0.75, form: "inherited", cue: m.cue}
			}
		}
		// the subject of the previous sentence ("Okafor was blunt. "…"")
		if si := ps.sentOf[q]; si > 0 {
			prev := ps.sents[si-1]
			if !hasQuote(ps.toks, prev) {
				a := x.sentenceSubject(ps.toks, prev, pi, sentIdx-1)
				if a.ent >= 0 && x.ents[a.ent].typ == article.Person {
					a.conf, a.cue = 0.6, ""
					return a
				}
				// "The only other person in the kitchen is Teodoro
				// Villaseñor, 63, who …. "…"": the person the sentence names
				if e := x.lastPersonIn(ps.toks, prev); e >= 0 {
					return attribution{ent: e, conf: 0.5, form: "inherited"}
				}
			}
		}
		// a paragraph of quotation following someone who spoke
		if k == 0 && pi > 0 && !x.doc.Paragraphs[pi-1].Heading && x.lastSpeech[pi-1] >= 0 {
			return attribution{ent: x.lastSpeech[pi-1], conf: 0.55, form: "inherited"}
		}
		return noAttribution
	}
	// partial quote in a sentence whose subject is a person, in active voice
	a := x.sentenceSubject(ps.toks, s, pi, sentIdx)
	if a.ent >= 0 && x.ents[a.ent].typ == article.Person && !passiveBefore(ps.toks, s, k) {
		a.conf, a.cue = 0.4, ""
		return a
	}
	return noAttribution
}

func hasQuote(toks []token, s sentence) bool {
	for k := s.from; k < s.to; k++ {
		if toks[k].kind == tokQuote {
			return true
		}
	}
	return false
}

func passiveBefore(toks []token, s sentence, k int) bool {
	for j := s.from; j < k; j++ {
		if !passiveAux[toks[j].lower] {
			continue
		}
		for n := j + 1; n < k && n <= j+2; n++ {
			if isParticipleWord(toks[n].lower) {
				return true
			}
			if !strings.HasSuffix(toks[n].lower, "ly") && toks[n].lower != "once" && toks[n].lower != "widely" {
				break
			}
		}
	}
	return false
}

var irregularParticiples = set("written", "known", "seen", "given", "taken", "told", "held",
	"thought", "shown", "done", "made", "said", "brought", "bought", "built", "called",
	"chosen", "driven", "eaten", "fallen", "forgotten", "found", "heard", "hidden",
	"kept", "left", "lost", "meant", "paid", "put", "read", "run", "sent", "set",
	"sold", "spoken", "struck", "taught", "thrown", "understood", "won", "beaten")

func isParticipleWord(w string) bool {
	return strings.HasSuffix(w, "ed") || irregularParticiples[w]
}

// roleFollows reports a bare role phrase, as in a headline's "says council
// leader".
func roleFollows(toks []token, k, end int) bool {
	for n := 0; k < end && n < 3; k, n = k+1, n+1 {
		t := toks[k]
		if t.kind != tokWord {
			return false
		}
		if titleWords[t.lower] || anonymousHeads[t.lower] {
			return true
		}
	}
	return false
}

// isInverted reports whether the verb at v is followed by its own subject
// ("said Priya Nandakumar, an analyst"): a noun phrase that runs to a comma
// or full stop before the quote at k, with no verb of its own.
func isInverted(toks []token, v, k int) bool {
	if v+1 >= k || !(toks[v+1].capitalised() || toks[v+1].lower == "the") || introWords[toks[v+1].lower] && toks[v+1].lower != "the" {
		return false
	}
	for j := v + 1; j < k && j < v+8; j++ {
		t := toks[j]
		if t.isPunct(",") || t.isPunct(".") {
			return true
		}
		if t.kind != tokWord || auxiliaries[t.lower] || t.lower == "that" {
			return false
		}
		if _, ok := speechForms[t.lower]; ok {
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
		t := toks[k]
		if t.isPunct(",") {
			commas++
			continue
		}
		if commas == 0 && t.kind == tokWord && (relativeWords[t.lower] || t.lower == "what" || subordinators[t.lower]) {
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

// matchHeadlineQuotes gives a headline quote with no speaker the speaker of
// the first body quote that repeats its words ("'keep quiet'" in the
// headline, "keep quiet or go home," the coach said in the copy).
func (x *attributor) matchHeadlineQuotes() {
	doc := x.doc
	lower := make([]string, len(doc.Quotes))
	for q := range doc.Quotes {
		hq := &doc.Quotes[q]
		// a headline names speakers loosely ("Judge", "council leader"):
		// the body's full attribution is better
		heading := doc.Paragraphs[hq.Paragraph].Heading
		weak := x.speakerOf[q] < 0 || heading && x.mentionOf[q].form != "name" && x.ents[x.speakerOf[q]].typ != article.Organization
		if !weak || hq.Kind == article.Term && !(heading && hq.TermReason == "scare quote") {
			continue
		}
		// a pull quote in the body must be long enough to be distinctive
		if !heading && len(strings.Fields(doc.QuoteText(hq))) < 4 {
			continue
		}
		words := strings.ToLower(strings.Trim(doc.QuoteText(hq), " ,.;:!?"))
		if words == "" {
			continue
		}
		// a repeat is looked for among nearby quotes only, so that one huge
		// document stays linear
		from, to := max(0, q-matchWindow), min(len(doc.Quotes), q+matchWindow)
		for o := from; o < to; o++ {
			bq := &doc.Quotes[o]
			if o == q || x.speakerOf[o] < 0 || doc.Paragraphs[bq.Paragraph].Heading {
				continue
			}
			if lower[o] == "" {
				lower[o] = strings.ToLower(doc.QuoteText(bq))
			}
			if strings.Contains(lower[o], words) {
				m := x.mentionOf[q]
				x.speakerOf[q] = x.speakerOf[o]
				x.mentionOf[q] = speakerMention{span: m.span, form: "inherited", cue: m.cue, cueSpan: m.cueSpan, conf: 0.6}
				hq.Kind, hq.TermReason = article.Quotation, ""
				break
			}
		}
	}
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
	} else if end-2 > s.from && toks[end-2].lower == "the" && (descOrgHeads[toks[end-1].lower] || anonymousHeads[toks[end-1].lower]) {
		start = end - 2 // "a move the union described as "…""
	} else {
		for start > s.from && toks[start-1].capitalised() {
			start--
		}
	}
	if start == end || start == s.from {
		return noAttribution, false
	}
	prev := toks[start-1]
	if prev.kind != tokWord || prev.capitalised() || prev.flags != 0 || prev.lower == "and" || prev.lower == "that" || prev.lower == "but" {
		return noAttribution, false
	}
	if _, poss := stripPossessive(prev.lower); poss || strings.HasSuffix(prev.lower, "ly") || isParticipleWord(prev.lower) {
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
		t := toks[start-1]
		if t.kind != tokWord || t.flags&(fPrep|fAux|fRel|fSpeech) != 0 && t.flags&fDet == 0 {
			break
		}
		start--
	}
	if start == v || start == s.from && !npLike(toks[start]) {
		return noAttribution, false
	}
	a := x.speakerIn(toks, s, start, v, pi, sentIdx)
	return a, a.ent >= 0
}

// characterisedAs reports a quote introduced by "hailed as", "described
// as", "dismissed as": someone's characterisation, so a quotation even
// when it is short and nobody is named.
func characterisedAs(toks []token, k int) bool {
	return k >= 2 && toks[k-1].lower == "as" && toks[k-2].kind == tokWord && isParticipleWord(toks[k-2].lower)
}

// lastPersonIn returns the last person named in full in a sentence.
func (x *attributor) lastPersonIn(toks []token, s sentence) int {
	from, to := toks[s.from].start, toks[s.to-1].end
	best := -1
	for i := len(x.mentions) - 1; i >= 0; i-- {
		m := x.mentions[i]
		if m.pos < from-4000 {
			break
		}
		if m.pos >= from && m.pos < to && x.ents[m.ent].typ == article.Person && x.ents[m.ent].full {
			if best < 0 || m.pos > x.mentions[best].pos {
				best = i
			}
		}
	}
	if best < 0 {
		return -1
	}
	return x.mentions[best].ent
}

// fullNameCandidate returns the first candidate chunk holding two or more
// capitalised words in a row after any title (a person's full name), or -1.
func fullNameCandidate(toks []token, cands [][2]int) int {
	for i, ch := range cands {
		run := 0
		for k := ch[0]; k < ch[1]; k++ {
			if toks[k].capitalised() && !titleWords[toks[k].lower] && !titleModifiers[toks[k].lower] && !functionWords[toks[k].lower] {
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

// matchWindow is how many quotes either side a repeated quote is looked for.
const matchWindow = 60

// clauseHasVerb reports a finite verb in tokens [from, to): an auxiliary,
// a past form or a reporting verb ("whose son took part", "who was named").
func clauseHasVerb(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		t := toks[k]
		if t.kind != tokWord || t.capitalised() {
			continue
		}
		if t.flags&(fAux|fSpeech) != 0 || irregularPast[t.lower] || strings.HasSuffix(t.lower, "ed") && !strings.Contains(t.lower, "-") {
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
		if anonymousHeads[toks[k].lower] {
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
		m := x.mentions[i]
		if m.pos < from-4000 {
			break
		}
		if m.pos >= from && m.pos < pos && x.ents[m.ent].typ != article.Anonymous {
			best, pos = m.ent, m.pos
		}
	}
	return best, pos
}
