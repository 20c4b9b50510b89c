package extract

import (
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

// maxQuoteReach bounds how many quotes of the same paragraph, before or
// after, a quote with no speaker of its own looks at for one.
const maxQuoteReach = 12

// inherited handles quotes whose own sentence names no speaker.
func (x *attributor) inherited(q, pi int, idx []int, ps paraState, k int, s sentence, sentIdx int) attribution {
	quote := &x.doc.Quotes[q]
	// "Instead, "…"": a sentence with nothing of its own before the quote
	startsSentence := k == s.from || onlyIntroBefore(ps.toks, s, k)
	// a running quotation continues the previous paragraph's quote
	if quote.Continues && q > 0 && x.speakerOf[q-1] >= 0 {
		a := x.inheritFrom(q-1, "running-quotation")
		a.cue = ""
		return a
	}
	if x.doc.Paragraphs[pi].Heading {
		return noAttribution // headline quotes are matched to the body later
	}
	if startsSentence {
		// another quote of the same paragraph: the same speaker and cue
		// idx holds the paragraph's quotes in order, consecutive numbers
		first, last := idx[0], idx[len(idx)-1]
		for o := q - 1; o >= first && o >= q-maxQuoteReach; o-- {
			x.work++
			if x.speakerOf[o] >= 0 {
				return x.inheritFrom(o, "same-paragraph")
			}
		}
		for o := q + 1; o <= last && o <= q+maxQuoteReach; o++ {
			x.work++
			if x.speakerOf[o] >= 0 {
				return x.inheritFrom(o, "same-paragraph-later")
			}
		}
		// the subject of the previous sentence ("Okafor was blunt. "…"")
		if si := ps.sentenceOf(q); si > 0 {
			prev := ps.sents[si-1]
			if !hasQuote(ps.toks, prev) {
				a := x.sentenceSubject(ps.toks, prev, pi, sentIdx-1)
				if a.ent >= 0 && x.ents[a.ent].typ == article.Person {
					a.cue, a.frame = "", "previous-sentence-subject"
					return a
				}
				// "The only other person in the kitchen is Teodoro
				// Villaseñor, 63, who …. "…"": the person the sentence names
				if e := x.lastPersonIn(ps.toks, prev); e >= 0 {
					return attribution{ent: e, form: "inherited", frame: "previous-sentence-person"}
				}
			}
		}
		// a paragraph of quotation following someone who spoke
		if k == 0 && pi > 0 && !x.doc.Paragraphs[pi-1].Heading && x.lastSpeech[pi-1] >= 0 {
			return attribution{ent: x.lastSpeech[pi-1], mention: x.lastSpeechAt[pi-1], form: "inherited", frame: frameLeadIn(x.leadIn[pi-1])}
		}
		// a quotation paragraph after one about a person ("Ilse Varga has
		// inspected the dam since 2009. ¶ "Concrete cracks.""): theirs
		if k == 0 && pi > 0 && x.paraSubject[pi-1] >= 0 {
			return attribution{ent: x.paraSubject[pi-1], form: "inherited", frame: "paragraph-about-person"}
		}
		return noAttribution
	}
	// partial quote in a sentence whose subject is a person, in active voice
	// (or a body or a document: "Congress passed "…"", "the survey asks
	// whether …"): the subject of the clause governs the quote
	a := x.sentenceSubject(ps.toks, s, pi, sentIdx)
	if a.ent >= 0 && a.form == "pronoun" && strings.EqualFold(x.doc.Slice(a.mention), "it") {
		a = noAttribution // "It seems unfair to …": no one
	}
	if a.ent < 0 && !passiveBefore(ps.toks, s, k) {
		if ch := x.subjectChunk(ps.toks, s); ch[1] <= k {
			a = x.describedSubject(ps.toks, s, ch, pi, sentIdx)
		}
	}
	if a.ent >= 0 && !passiveBefore(ps.toks, s, k) {
		a.cue, a.frame = "", "clause-subject"
		return a
	}
	// "Hennessey added. But that's not the same as "…"": a sentence about
	// what was just said continues its speaker
	if si := ps.sentenceOf(q); si > 0 && a.ent < 0 && demonstrativeSubject(ps.toks, s) {
		for o := q - 1; o >= idx[0] && o >= q-maxQuoteReach; o-- {
			if x.speakerOf[o] >= 0 && ps.sentenceOf(o) == si-1 {
				a := x.inheritFrom(o, "demonstrative-continuation")
				a.cue = ""
				return a
			}
		}
	}
	return noAttribution
}

// inheritFrom gives quote o's speaker to a quote its attribution covers,
// with o's words for the speaker: the report says who the mention was
// ("the spokesman"), the form says the quote has no words of its own.
func (x *attributor) inheritFrom(o int, frame string) attribution {
	m := x.mentionOf[o]
	return attribution{ent: x.speakerOf[o], mention: m.span, form: "inherited", cue: m.cue, frame: frame}
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
		if toks[j].flags&fPassAux == 0 {
			continue
		}
		for n := j + 1; n < k && n <= j+2; n++ {
			if isParticipleWord(&toks[n]) {
				return true
			}
			if !strings.HasSuffix(toks[n].lower, "ly") && toks[n].lower != "once" && toks[n].lower != "widely" {
				break
			}
		}
	}
	return false
}

var irregularParticiples = wordSet("irregular-participles.txt")

// isParticipleWord reports whether a word token reads as a past participle.
func isParticipleWord(t *token) bool {
	return strings.HasSuffix(t.lower, "ed") || t.flags&fIrregParticiple != 0
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
				x.mentionOf[q] = speakerMention{span: m.span, form: "inherited", cue: m.cue, cueSpan: m.cueSpan, conf: capConfidence("headline-repeats-body", 0), frame: "headline-repeats-body"}
				hq.Kind, hq.TermReason = article.Quotation, ""
				break
			}
		}
	}
}

// characterisedAs reports a quote introduced by "hailed as", "described
// as", "dismissed as": someone's characterisation, so a quotation even
// when it is short and nobody is named.
func characterisedAs(toks []token, k int) bool {
	return k >= 2 && toks[k-1].lower == "as" && toks[k-2].kind == tokWord && isParticipleWord(&toks[k-2])
}

// lastPersonIn returns the last person named in full in a sentence.
func (x *attributor) lastPersonIn(toks []token, s sentence) int {
	from, to := toks[s.from].start, toks[s.to-1].end
	best := -1
	for i := len(x.mentions) - 1; i >= 0; i-- {
		m := &x.mentions[i]
		x.work++
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

// matchWindow is how many quotes either side a repeated quote is looked for.
const matchWindow = 60

// Confidence that a quotation with no speaker found really has none. Only
// two shapes are sure: a characterisation in the passive with no agent
// ("was hailed as “…”", "has been described as “…”"), and a quotation
// with nobody named in its paragraph or the one before. Anything else may
// be a speaker the attributor could not read, for the editor to confirm.
const (
	noSpeakerSure    = 0.9
	noSpeakerLikely  = 0.85
	noSpeakerUnknown = 0.5
)

func (x *attributor) unattributedConfidence(toks []token, s sentence, k, pi int) float64 {
	if x.doc.Paragraphs[pi].Heading {
		return noSpeakerUnknown // headlines name speakers loosely
	}
	if agentlessPassive(toks, s, k) && !agentAfter(toks, s, k) {
		return noSpeakerSure
	}
	for i := len(x.mentions) - 1; i >= 0 && i >= len(x.mentions)-maxMentionLookBack; i-- {
		m := &x.mentions[i]
		x.work++
		if m.para < pi-1 {
			break
		}
		if t := x.ents[m.ent].typ; t == article.Person || t == article.Anonymous {
			return noSpeakerUnknown
		}
	}
	return noSpeakerLikely
}

// maxMentionLookBack bounds how many recent mentions a look-back visits;
// maxPronounLookBack, for pronouns and recent organisations, which look
// back a few paragraphs.
const (
	maxMentionLookBack = 64
	maxPronounLookBack = 256
)

// agentAfter reports a "by" agent after the quote ("was hailed as “…” by
// critics"): the passive then names who spoke.
func agentAfter(toks []token, s sentence, k int) bool {
	for j := k + 1; j < s.to && j <= k+3; j++ {
		if toks[j].lower == "by" {
			return true
		}
	}
	return false
}

// agentlessPassive reports a passive characterisation that governs the
// quote at k: "was once described as “…”", "has been called “…”", "was
// widely derided last year as "…"". It looks back a few words only.
func agentlessPassive(toks []token, s sentence, k int) bool {
	const window = 8
	for j := k - 1; j >= s.from && j >= k-window; j-- {
		t := &toks[j]
		if t.kind != tokWord {
			return false
		}
		if (t.flags&fPassAux == 0) || j+1 >= k {
			continue
		}
		n := j + 1
		for n < k-1 && (strings.HasSuffix(toks[n].lower, "ly") || toks[n].lower == "once" || toks[n].lower == "long" || toks[n].lower == "also" || toks[n].lower == "first") {
			n++
		}
		return isParticipleWord(&toks[n])
	}
	return false
}

// onlyIntroBefore reports a quote preceded in its sentence by no more than
// a sentence adverb or connective ("Instead,", "But", "Still,").
func onlyIntroBefore(toks []token, s sentence, k int) bool {
	words := 0
	for j := s.from; j < k; j++ {
		t := &toks[j]
		if t.kind == tokPunct {
			continue
		}
		if t.kind != tokWord || words >= 2 || !((t.flags&fIntro != 0) || t.lower == "and" || t.lower == "but" || t.lower == "instead" || t.lower == "still" || strings.HasSuffix(t.lower, "ly")) {
			return false
		}
		words++
	}
	return k > s.from
}

// demonstrativeSubject reports a sentence whose subject points back at
// what was said: "But that's …", "That is …", "This was …".
func demonstrativeSubject(toks []token, s sentence) bool {
	for k := s.from; k < s.to && k < s.from+3; k++ {
		w := toks[k].lower
		if connectives[w] {
			continue
		}
		base, _ := stripPossessive(w)
		return base == "that" || base == "this" || base == "it"
	}
	return false
}

func frameLeadIn(leadIn bool) string {
	if leadIn {
		return "colon-lead-in"
	}
	return "previous-paragraph-speaker"
}

// onlyPersonInParagraph attributes a quotation that no frame or context
// rule could read to the one person its paragraph names, if there is
// exactly one: a weak guess, for the editor to confirm.
func (x *attributor) onlyPersonInParagraph(q, pi int) attribution {
	quote := x.doc.Quotes[q].Span
	found := -1
	for i := len(x.mentions) - 1; i >= 0 && i >= len(x.mentions)-maxMentionLookBack; i-- {
		m := &x.mentions[i]
		x.work++
		if m.para < pi {
			break
		}
		if m.para != pi || quote.Contains(m.pos) || x.ents[m.ent].typ != article.Person {
			continue
		}
		e := x.canon(m.ent)
		if found >= 0 && found != e {
			return noAttribution
		}
		found = e
	}
	if found < 0 {
		return noAttribution
	}
	return attribution{ent: found, form: "inherited", frame: "only-person-in-paragraph"}
}
