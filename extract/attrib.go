package extract

import (
	"context"
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
	// lastSpeechAt holds the words that named lastSpeech, when known: a
	// quote paragraph that inherits the speaker reports them.
	lastSpeechAt []article.Span
	// leadIn marks paragraphs that end in a colon lead-in naming lastSpeech;
	// paraSubject is the subject of each paragraph's last sentence when it
	// holds no quotation, -1 otherwise.
	leadIn []bool
	// prevQuotes are the quotes of the paragraph just read, for a byline
	// line that follows them.
	prevQuotes []int
	// opensWithQuote marks paragraphs that begin with a quotation.
	opensWithQuote []bool
	// noSpeaker is, for quotes left without a speaker, how sure the
	// attributor is that the text names none.
	noSpeaker   []float64
	paraSubject []int
	// lastQuoteSpeaker is the speaker of the most recent attributed quote.
	lastQuoteSpeaker int
	// work counts tokens, mentions and quotes visited by the look-backs:
	// a deterministic measure of cost that tests hold linear in the input.
	work              int
	lastQuoteQuestion bool
	// inHeading is set while registering a headline, where title case
	// makes every word look like a name.
	inHeading bool
	tokBuf    []token
	words     wordTable
	// lastPos is each entity's latest mention; index finds entities by
	// name word, full name and role so lookups do not scan the article.
	lastPos   []int
	index     map[string]*wordIndex
	orgs      []int
	authorEnt int // the article's writer, +1; 0 until needed
	// alias maps an anonymous lede description to the person named later
	// (stored +1).
	alias map[int]int
	// quoteTok, sentOf and sentBuf are the buffers behind paraState's.
	quoteTok, sentOf []int
	sentBuf          []sentence
	// names is the slab nameTokens cuts name lists from.
	names slab[string]
	// quotesOfEnt counts each entity's quotes when sources are made.
	quotesOfEnt []int
	// ixEntries and ixLists hold the index's entries and short id
	// lists; keyBuf builds a full name to look up.
	ixEntries slab[wordIndex]
	ixLists   slab[int]
	keyBuf    []byte
	// scan and rawQuotes are the quotation scanner's buffers and its
	// list of quotes, which the document's quotes are made from
	scan      scanner
	rawQuotes []RawQuote
	// ctx stops the work on a document early (see ExtractContext).
	ctx context.Context
	// lastForm remembers the last verb form looked up: the frames ask it
	// of the same verb several times for one quotation.
	lastForm struct {
		word string
		form verbForm
		ok   bool
	}
}

type speakerMention struct {
	span    article.Span
	form    string // name, surname, pronoun, description, role
	cue     string
	cueSpan article.Span
	conf    float64
	frame   string
}

// frame results
type attribution struct {
	ent     int
	mention article.Span
	form    string
	cue     string
	cueSpan article.Span
	conf    float64
	// frame names the Frame (or context rule) that found the speaker.
	frame string
}

var noAttribution = attribution{ent: -1}

type paraState struct {
	toks  []token
	sents []sentence
	// firstQuote is the paragraph's first quote; quoteTok[q-firstQuote]
	// is quote q's token and sentOf[q-firstQuote] its sentence.
	firstQuote int
	quoteTok   []int
	sentOf     []int
}

// tokenOf and sentenceOf give a quote of the paragraph its token and its
// sentence index within the paragraph.
func (ps *paraState) tokenOf(q int) int    { return ps.quoteTok[q-ps.firstQuote] }
func (ps *paraState) sentenceOf(q int) int { return ps.sentOf[q-ps.firstQuote] }

// Extract finds the quotations in doc, attributes each to a speaker and
// fills doc.Quotes, doc.Sources and doc.Marks.
func Extract(doc *article.Document) { defaultExtractor.Extract(doc) }

func (ex *Extractor) extract(doc *article.Document) *attributor {
	x, _ := ex.extractContext(context.Background(), doc)
	return x
}

// extractContext is extract that stops between paragraphs once ctx is
// done, returning ctx's error and a document whose later quotes are
// unattributed.
func (ex *Extractor) extractContext(ctx context.Context, doc *article.Document) (*attributor, error) {
	x, _ := ex.pool.Get().(*attributor)
	if x == nil {
		x = &attributor{index: map[string]*wordIndex{}}
	}
	raw, problems := x.scan.scan(doc.Text, doc.Paragraphs, x.rawQuotes)
	x.rawQuotes = raw
	doc.Marks = problems
	doc.Quotes = make([]article.Quote, len(raw))
	for i, r := range raw {
		doc.Quotes[i] = article.Quote{
			ID: quoteID('q', i+1), Span: r.Span, Open: r.Open, Close: r.Close, Paragraph: r.Paragraph,
			RunsOn: r.RunsOn, Continues: r.Continues, Unclosed: r.Unterminated && !r.RunsOn,
		}
		if r.Unterminated {
			doc.Quotes[i].Close = article.Span{}
		}
	}
	x = ex.newAttributor(x, doc, len(raw))
	x.ctx = ctx
	if len(raw) == 0 {
		// a story without quotation marks has no quote, so no source: the
		// names and descriptions the grammar would register reach nothing
		return x, ctx.Err()
	}
	for _, r := range raw {
		if p := doc.Paragraphs[r.Paragraph]; r.Open.Start <= p.Start+3 {
			x.opensWithQuote[r.Paragraph] = true
		}
	}
	// every paragraph's quote regions and numbers are slices of two
	// document-wide lists, made once
	regions := make([]article.Span, len(raw))
	quoteIdx := make([]int, len(raw))
	for qi, r := range raw {
		end := r.Close.End
		if r.Unterminated {
			end = doc.Paragraphs[r.Paragraph].End
		}
		regions[qi] = article.Span{Start: r.Open.Start, End: end}
		quoteIdx[qi] = qi
	}
	qi := 0
	for pi, p := range doc.Paragraphs {
		first := qi
		for qi < len(raw) && raw[qi].Paragraph == pi {
			qi++
		}
		if err := ctx.Err(); err != nil {
			return x, err
		}
		x.paragraph(pi, p, regions[first:qi:qi], quoteIdx[first:qi:qi])
	}
	if err := ctx.Err(); err != nil {
		return x, err
	}
	x.matchHeadlineQuotes()
	x.finish()
	return x, nil
}

// newAttributor readies x, taken from the pool or new, for a document of
// nq quotes: its buffers emptied and sized, so that documents after the
// first allocate little.
func (ex *Extractor) newAttributor(x *attributor, doc *article.Document, nq int) *attributor {
	np := len(doc.Paragraphs)
	*x = attributor{
		ex: ex, doc: doc, text: doc.Text, lastQuoteSpeaker: -1,
		speakerOf:      fill(x.speakerOf, nq, -1),
		mentionOf:      resize(x.mentionOf, nq),
		noSpeaker:      resize(x.noSpeaker, nq),
		lastSpeech:     resize(x.lastSpeech, np),
		lastSpeechAt:   resize(x.lastSpeechAt, np),
		leadIn:         resize(x.leadIn, np),
		opensWithQuote: resize(x.opensWithQuote, np),
		paraSubject:    resize(x.paraSubject, np),
		ents:           x.ents[:0],
		mentions:       x.mentions[:0],
		prevQuotes:     x.prevQuotes[:0],
		lastPos:        x.lastPos[:0],
		orgs:           x.orgs[:0],
		tokBuf:         x.tokBuf,
		words:          x.words,
		index:          x.index,
		quoteTok:       x.quoteTok,
		sentOf:         x.sentOf,
		sentBuf:        x.sentBuf,
		quotesOfEnt:    x.quotesOfEnt,
		keyBuf:         x.keyBuf,
		ixEntries:      x.ixEntries,
		ixLists:        x.ixLists,
		names:          x.names,
		scan:           x.scan,
		rawQuotes:      x.rawQuotes,
	}
	// clearing a map costs its capacity, not its length: a map one large
	// document grew is made afresh rather than cleared for every small
	// one after it
	if len(x.index) > maxPooledIndex {
		x.index = map[string]*wordIndex{}
	} else {
		clear(x.index)
	}
	x.ixEntries.reset()
	x.ixLists.reset()
	x.names.reset()
	return x
}

// maxPooledIndex is the most entries the index map keeps its memory for.
const maxPooledIndex = 256

// release returns x to its extractor's pool once its document is done.
func (x *attributor) release() {
	if cap(x.tokBuf) > maxPooledTokens {
		x.tokBuf = nil // one giant paragraph should not pin its memory
	}
	if cap(x.sentBuf) > maxPooledTokens {
		x.sentBuf = nil
	}
	if cap(x.rawQuotes) > maxPooledTokens || cap(x.scan.marks) > maxPooledTokens {
		x.rawQuotes, x.scan = nil, scanner{}
	}
	x.doc, x.text, x.ctx = nil, "", nil
	x.ex.pool.Put(x)
}

const maxPooledTokens = 1 << 16

// resize returns s with length n and zero elements, reusing its memory.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func fill(s []int, n, v int) []int {
	s = resize(s, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// quoteID is a quote's id ("q7") or a term's ("t2"); the first ones,
// nearly all there are, come from a table made once.
func quoteID(prefix byte, n int) string {
	if n < len(quoteIDs) {
		if prefix == 'q' {
			return quoteIDs[n]
		}
		return termIDs[n]
	}
	return string(prefix) + itoa(n)
}

var quoteIDs, termIDs = idTable('q'), idTable('t')

func idTable(prefix byte) []string {
	ids := make([]string, 512)
	for n := range ids {
		ids[n] = string(prefix) + itoa(n)
	}
	return ids
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
	if len(idx) == 0 && IsBoilerplate(x.doc.Slice(p.Span)) {
		// "Story continues below": no entities, and the paragraphs around
		// it still read as neighbours
		if pi > 0 {
			x.lastSpeech[pi], x.leadIn[pi], x.paraSubject[pi] = x.lastSpeech[pi-1], x.leadIn[pi-1], x.paraSubject[pi-1]
			x.lastSpeechAt[pi] = x.lastSpeechAt[pi-1]
		} else {
			x.lastSpeech[pi], x.paraSubject[pi], x.lastSpeechAt[pi] = -1, -1, article.Span{}
		}
		return
	}
	// tokens live only while their paragraph is processed, so one buffer
	// serves the whole article
	toks := tokenize(x.tokBuf, &x.words, x.text, p.Span, regions, idx, x.ex.lex)
	x.tokBuf = toks
	sents := splitSentences(x.sentBuf, x.ex.lex, toks, x.quoteText)
	x.sentBuf = sents
	// "LOWER ASHCOMBE (Heath Chronicle) — The mayor …": the dateline is
	// not the subject of the first sentence
	if d := datelineEnd(toks); d > 0 && len(sents) > 0 && sents[0].to > d {
		sents[0].from = d
	}
	x.dashLineByline(toks, pi)
	ps := paraState{toks: toks, sents: sents}
	if len(idx) > 0 {
		ps.firstQuote = idx[0]
		x.quoteTok, x.sentOf = resize(x.quoteTok, len(idx)), resize(x.sentOf, len(idx))
		ps.quoteTok, ps.sentOf = x.quoteTok, x.sentOf
		for si, s := range sents {
			for k := s.from; k < s.to; k++ {
				if toks[k].kind == tokQuote {
					ps.quoteTok[int(toks[k].quote)-ps.firstQuote] = k
					ps.sentOf[int(toks[k].quote)-ps.firstQuote] = si
				}
			}
		}
	}
	x.lastSpeech[pi], x.lastSpeechAt[pi] = -1, article.Span{}
	x.paraSubject[pi] = -1
	firstSent := x.sentences
	for si, s := range sents {
		// a giant paragraph is checked for cancellation as it goes
		if si%64 == 63 && x.ctx.Err() != nil {
			return
		}
		sentIdx := firstSent + si
		x.registerSentence(toks, s, pi, sentIdx)
		if len(idx) == 0 {
			// a paragraph without quotations has no quote tokens to visit
			x.work += s.to - s.from
		}
		for k := s.from; k < s.to && len(idx) > 0; k++ {
			x.work++
			if toks[k].kind != tokQuote {
				continue
			}
			q := int(toks[k].quote)
			if a := x.labelSpeaker(q, pi, sentIdx); a.ent >= 0 {
				x.assign(q, a)
				continue
			}
			if reason := termReason(x.ex.lex, toks, k, s, x.quoteText(q)); reason != "" && headlineColon(toks, s, k, p.Heading || pi == 0) < 0 {
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
		k := ps.tokenOf(q)
		s := sents[ps.sentenceOf(q)]
		a := x.inherited(q, pi, idx, ps, k, s, firstSent+ps.sentenceOf(q))
		if a.ent < 0 && !isScareQuote(x.quoteText(q)) && !agentlessPassive(toks, s, k) && !characterisedAs(toks, k) {
			a = x.onlyPersonInParagraph(q, pi)
		}
		x.assign(q, a)
		if x.speakerOf[q] < 0 && isScareQuote(x.quoteText(q)) && !characterisedAs(toks, k) {
			x.doc.Quotes[q].Kind = article.Term
			x.doc.Quotes[q].TermReason = "scare quote"
		}
		if x.speakerOf[q] < 0 {
			x.noSpeaker[q] = x.unattributedConfidence(toks, s, k, pi)
		}
	}
	for i := len(idx) - 1; i >= 0; i-- {
		if e := x.speakerOf[idx[i]]; e >= 0 {
			x.lastSpeech[pi], x.lastSpeechAt[pi] = e, x.mentionOf[idx[i]].span
			break
		}
	}
	x.prevQuotes = append(x.prevQuotes[:0], idx...)
	if n := len(sents); n > 0 && !hasQuote(toks, sents[n-1]) && !p.Heading && x.nextOpensWithQuote(pi) {
		if a := x.sentenceSubject(toks, sents[n-1], pi, firstSent+n-1); a.ent >= 0 && x.ents[a.ent].typ == article.Person {
			x.paraSubject[pi] = a.ent
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
	x.mentionOf[q] = speakerMention{span: a.mention, form: a.form, cue: a.cue, cueSpan: a.cueSpan, conf: capConfidence(a.frame, a.conf), frame: a.frame}
	// an inherited mention was registered with the quote it came from
	if !a.mention.Empty() && a.form != "inherited" {
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
	// a lead-in ending in a colon ("Stated Stone:", "Partial transcript
	// as follows:") names who speaks in the quote that follows
	if last := s.to - 1; last > s.from && toks[last].isPunct(":") {
		// "…, and Breitbart News responded:": the last reporting verb's subject
		for k := last - 1; k > s.from && k >= last-maxLeadInTokens; k-- {
			if x.isCue(toks, k, s) {
				if a := x.subjectOf(toks, k, s, pi, sentIdx); a.ent >= 0 {
					x.lastSpeech[pi], x.lastSpeechAt[pi] = a.ent, a.mention
					x.leadIn[pi] = true
					return
				}
				break
			}
		}
		if a := x.sentenceSubject(toks, sentence{from: s.from, to: last}, pi, sentIdx); a.ent >= 0 {
			x.lastSpeech[pi], x.lastSpeechAt[pi] = a.ent, a.mention
			x.leadIn[pi] = true
			return
		}
		if e := x.lastPersonIn(toks, s); e >= 0 {
			x.lastSpeech[pi] = e
			x.leadIn[pi] = true
			return
		}
	}
	for k := s.from; k < s.to; k++ {
		if x.isCue(toks, k, s) {
			if a := x.subjectOf(toks, k, s, pi, sentIdx); a.ent >= 0 {
				x.lastSpeech[pi], x.lastSpeechAt[pi] = a.ent, a.mention
				if n := len(x.mentions); n > 0 {
					x.mentions = append(x.mentions, mention{ent: a.ent, pos: a.mention.Start, para: pi, sent: sentIdx, salience: 2.5})
				}
			}
			return
		}
	}
}

// isCue reports whether token k is a finite reporting verb in active voice.
// titleCased reports whether most words of a sentence are capitalised, as
// in a headline ("Glenn Beck Says Trump …").
func titleCased(toks []token, s sentence) bool {
	words, caps := 0, 0
	for k := s.from; k < s.to && words < 16; k++ {
		if toks[k].kind == tokWord {
			words++
			if toks[k].capitalised() {
				caps++
			}
		}
	}
	return words > 0 && caps*3 >= words*2
}

// isCue reports whether the word at k is a reporting verb used as one.
// Most words are not verbs of any of its lists: that test is small
// enough to be inlined where the grammar asks it of every token.
func (x *attributor) isCue(toks []token, k int, s sentence) bool {
	return toks[k].flags&(fSpeech|fDocVerb|fRetort) != 0 && x.isCueVerb(toks, k, s)
}

// verbForm is the lexicon's form of a speech verb word.
func (x *attributor) verbForm(w string) (verbForm, bool) {
	if m := &x.lastForm; m.word == w && w != "" {
		return m.form, m.ok
	}
	vf, ok := x.ex.lex.speech(w)
	x.lastForm.word, x.lastForm.form, x.lastForm.ok = w, vf, ok
	return vf, ok
}

// isCueVerb is isCue of a token with a reporting-verb flag.
func (x *attributor) isCueVerb(toks []token, k int, s sentence) bool {
	t := &toks[k]
	if t.kind != tokWord {
		return false
	}
	if t.flags&fDocVerb != 0 && documentCue(toks, k, s) {
		return true
	}
	if t.flags&fRetort != 0 && k+1 < s.to && toks[k+1].lower == "back" {
		return true // "Trump shot back", "the campaign fired back"
	}
	if t.flags&fSpeech == 0 {
		return false
	}
	vf, ok := x.verbForm(t.lower)
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
	if t.capitalised() && toks[k-1].capitalised() && !titleCased(toks, s) {
		return false // "the United States": part of a name, outside a title-case headline
	}
	if k > s.from && toks[k-1].lower == "to" && !(k-2 >= s.from && (toks[k-2].lower == "on" || toks[k-2].lower == "continued" || toks[k-2].lower == "continues")) {
		return false // "declined to say", but "goes on to say"
	}
	if t.flags&fAmbiguousLemma != 0 && !vf.Past {
		// "he replies", "Smith notes", "I ask": a subject right before makes
		// it a verb
		firstPerson := k > s.from && (toks[k-1].lower == "i" || toks[k-1].lower == "we") && vf.Base
		// "“…,” a narrator in the ad asks.": an -s form closing the clause
		closesClause := !vf.Base && !vf.Gerund && k > s.from && toks[k-1].kind == tokWord && (k+1 >= s.to || toks[k+1].kind == tokPunct && toks[k+1].text != "-")
		// "the Saudis state", "the Democrats note": a plural name before a
		// base form
		pluralName := vf.Base && k-2 >= s.from && toks[k-2].lower == "the" && toks[k-1].capitalised() && strings.HasSuffix(toks[k-1].lower, "s") && !isPossessiveWord(&toks[k-1])
		if !firstPerson && !closesClause && !pluralName && !(k > s.from && (pronounLike(toks[k-1].lower) || toks[k-1].capitalised()) && !vf.Base && !vf.Gerund) {
			return false
		}
	}
	if (vf.Base || !vf.Past && !vf.Gerund) && k > s.from {
		prev := &toks[k-1]
		// "the remarks", "Trump's remarks", "his comments": nouns
		if (prev.flags&fDet != 0) && !((prev.flags&fStandaloneDet != 0) && (vf.Lemma == "say")) || prev.lower == "his" || prev.lower == "her" || prev.lower == "their" || prev.lower == "its" || isPossessiveWord(prev) {
			return false
		}
	}
	if vf.Past && k > s.from && (toks[k-1].flags&fDet != 0 && toks[k-1].flags&fStandaloneDet == 0 || isPossessiveWord(&toks[k-1])) {
		return false // "an estimated 40 million", "the council's promised loan"
	}
	if vf.Past {
		// passive: "was once described as", "had been told"
		for j, n := k-1, 0; j >= s.from && n < 3; j, n = j-1, n+1 {
			w := toks[j].lower
			if toks[j].flags&fPassAux != 0 {
				return false
			}
			if !(strings.HasSuffix(w, "ly") || w == "also" || w == "once" || w == "later" || w == "widely" || w == "not" || w == "never") {
				break
			}
		}
		// a participle modifying a noun: "a video posted on the blog"
		if k > s.from && toks[k-1].kind == tokWord && !toks[k-1].capitalised() && !pronounLike(toks[k-1].lower) &&
			k+1 < s.to && (toks[k+1].flags&fPrep != 0) && toks[k+1].lower != "to" && vf.Lemma != "say" && vf.Lemma != "tell" && vf.Lemma != "add" {
			// but people do the speaking: "a young woman exclaimed upon
			// seeing him" ("a spokesman quoted by the agency" is passive)
			speaker := personNoun(singular(toks[k-1].lower)) || (toks[k-1].flags&fGroupNoun != 0)
			if determinerBefore(toks, k-1, s) && (!speaker || toks[k+1].lower == "by") {
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
		if toks[j].kind != tokWord || toks[j].flags&grammarFlags != 0 {
			return false
		}
	}
	return false
}

// isBoundary reports a token that ends a clause inside a sentence. A full
// stop inside a sentence ends an abbreviation ("D-Mich."), not a clause:
// sentences were already split.
func isBoundary(t *token) bool {
	return t.kind == tokQuote || t.kind == tokPunct && (t.text == ";" || t.text == ":" || t.text == "?" || t.text == "!")
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
	afterIntro := false
	for k := s.from; k <= s.to; k++ {
		if k < s.to && !toks[k].isPunct(",") && toks[k].kind != tokQuote {
			continue
		}
		for start < k-1 && toks[start].kind == tokWord && ((toks[start].flags&fConnective != 0) || (toks[start].flags&fSentenceAdverb != 0) && toks[start+1].kind == tokWord) {
			start++
		}
		if k > start {
			first := &toks[start]
			intro := first.kind != tokWord || ((first.flags&fIntro != 0) || first.flags&fPrep != 0 && first.lower != "and") && first.lower != "the" && first.lower != "a" || isNumber(first.text) ||
				isParticiple(toks, [2]int{start, k}) || strings.HasSuffix(first.lower, "ing") && !first.capitalised() ||
				// "At a rally in Portsmouth, N.H., on Tuesday, Sanders said":
				// a short chunk between commas continues the introduction
				afterIntro && k-start <= 2 && k < s.to && toks[k].isPunct(",") ||
				// "Hours later, Varga …"
				k < s.to && toks[k].isPunct(",") && isAdverbial(toks, [2]int{start, k})
			afterIntro = intro
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
					if (toks[j-1].flags&fDet != 0 || isPossessiveWord(&toks[j-1])) && !x.isCue(toks, j, s) {
						continue // "The retired neurosurgeon": a participle as adjective
					}
					// "The ad targets a "…"": a word between a described
					// subject and a determiner is the verb
					if toks[j].kind == tokWord && j >= start+2 && toks[start].flags&fDet != 0 && !toks[j].capitalised() && toks[j].flags&(fPrep|fFunc|fDet) == 0 &&
						j+1 < end && toks[j+1].kind == tokWord && toks[j+1].flags&fDet != 0 {
						end = j
						break
					}
					if toks[j].kind == tokWord && (toks[j].flags&(fAux|fRel) != 0 || x.isCue(toks, j, s) || toks[j].flags&fIrregPast != 0 && !toks[j].capitalised() ||
						!toks[j].capitalised() && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !isPlural(singular(w)) && j > start && toks[j-1].capitalised() && !possessivePronoun(toks[j-1].lower) && toks[j].flags&(fAnonHead|fOrgHead) == 0)) {
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

// possessivePronoun reports "his", "her", "its", "their", "our": what
// follows is a noun ("Its hosts"), not a verb.
func possessivePronoun(w string) bool {
	return w == "his" || w == "her" || w == "its" || w == "their" || w == "our"
}

// isPossessiveWord reports a word ending in 's or s' ("council's").
func isPossessiveWord(t *token) bool {
	if t.kind != tokWord {
		return false
	}
	_, poss := stripPossessive(t.lower)
	return poss && strings.ContainsAny(t.text, "'’")
}

// maxLeadInTokens bounds the look-back for a reporting verb before a colon.
const maxLeadInTokens = 12

// connectives open a clause without being part of its subject; sentence
// adverbs do so when no comma follows them ("Then Trump went …").
var (
	connectives     = wordSet("connectives.txt")
	sentenceAdverbs = wordSet("sentence-adverbs.txt")
)

// standaloneDeterminers can be a subject on their own: "Another said".
var standaloneDeterminers = wordSet("standalone-determiners.txt")

// retortVerbs report speech when "back" follows: "shot back", "fired back".
var retortVerbs = wordSet("retort-verbs.txt")

// nextOpensWithQuote reports whether the paragraph after pi begins with a
// quotation, the only case that asks for pi's subject.
func (x *attributor) nextOpensWithQuote(pi int) bool {
	n := pi + 1
	// a boilerplate line between does not separate the two
	for n < len(x.opensWithQuote) && !x.opensWithQuote[n] && IsBoilerplate(x.doc.Slice(x.doc.Paragraphs[n].Span)) {
		n++
	}
	return n < len(x.opensWithQuote) && x.opensWithQuote[n]
}
