package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotecheck/quotecheck/article"
)

// Attribution by layout: the speaker is given by where words stand, not by
// a verb — a transcript's speaker label ("PENCE: Well, look …") or a
// byline after a dash (`"The bridge is our lifeline." ― Anja Polder`).

// labelWords are capitalised words that end in a colon at the start of a
// paragraph or quotation without naming a speaker.
var labelWords = wordSet("label-words.txt")

// maxLabelBytes bounds a speaker label: "SEN. ELIZABETH WARREN:".
const maxLabelBytes = 40

// transcriptLabel finds a speaker label opening text: one to four words in
// capitals followed by a colon and a space ("PENCE: ", "SEN. WARREN: ").
// It returns the label's words and the offset where the spoken words
// start, or n == 0.
func transcriptLabel(text string) (words []string, n int) {
	colon := strings.IndexByte(text[:min(len(text), maxLabelBytes+1)], ':')
	if colon <= 0 || colon+1 >= len(text) || text[colon+1] != ' ' {
		return nil, 0
	}
	letters := 0
	for _, f := range strings.Fields(text[:colon]) {
		w := strings.Trim(f, ".,")
		if w == "" {
			continue
		}
		for _, r := range w {
			if unicode.IsLetter(r) {
				if !unicode.IsUpper(r) {
					return nil, 0
				}
				letters++
			} else if r != '\'' && r != '’' && r != '-' && r != '.' {
				return nil, 0
			}
		}
		words = append(words, strings.ToLower(w))
	}
	if len(words) == 0 || len(words) > 4 || letters < 2 {
		return nil, 0
	}
	for _, w := range words {
		if labelWords[w] {
			return nil, 0
		}
	}
	n = colon + 1
	for n < len(text) && text[n] == ' ' {
		n++
	}
	return words, n
}

// labelSpeaker attributes a quotation that opens with a transcript label
// and moves the quotation's start past the label, which is not part of
// the quoted words.
func (x *attributor) labelSpeaker(q, pi, sentIdx int) attribution {
	quote := &x.doc.Quotes[q]
	words, n := transcriptLabel(x.doc.Slice(quote.Span))
	if n == 0 || n >= quote.Span.Len() {
		return noAttribution
	}
	label := article.Span{Start: quote.Span.Start, End: quote.Span.Start + n}
	label = label.TrimSpace(x.text)
	label.End-- // the colon
	quote.Span.Start += n
	name := words
	for len(name) > 1 && (titleWords[strings.TrimSuffix(name[0], ".")] || honorifics[strings.TrimSuffix(name[0], ".")] != 0) {
		name = name[1:]
	}
	e := x.findPersonShort(name[len(name)-1], false, true)
	if e < 0 {
		e = x.newEntity(entity{typ: article.Person, nameToks: name, name: titleCase(name), fullAt: -1, intro: label})
	}
	x.addMention(e, label.Start, pi, sentIdx, 2, article.Span{})
	return attribution{ent: e, mention: label, form: "surname", cue: ":", cueSpan: article.Span{Start: label.End, End: label.End + 1}, conf: 0.85, frame: "transcript-label"}
}

// titleCase writes lower-case name words as a name: "de la cruz" stays
// lower only in its particles.
func titleCase(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		if nameParticles[w] && i > 0 {
			b.WriteString(w)
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(w[size:])
	}
	return b.String()
}

// isLayoutDash reports the dashes that introduce a byline after a quote.
func isLayoutDash(t *token) bool {
	return t.kind == tokPunct && (t.text == "\u2015" || t.text == "\u2014" || t.text == "\u2013" || t.text == "-" || t.text == "--")
}

// dashByline handles `"…" ― Anja Polder`: a dash after the quotation and
// a name that ends the sentence.
func (x *attributor) dashByline(toks []token, s sentence, k, pi, sentIdx int) attribution {
	j := k + 1
	if j >= s.to || !isLayoutDash(&toks[j]) {
		return noAttribution
	}
	for j < s.to && isLayoutDash(&toks[j]) {
		j++
	}
	// the name runs to the end of the sentence or of the line: bylines
	// stacked one per line ("“…” ― Ana Ruiz ¶ “…” ― Jorge Falcon") share a
	// paragraph
	end := j
	for end < s.to && end-j < 6 && toks[end].kind == tokWord && (toks[end].capitalised() || (toks[end].flags&fParticle != 0)) &&
		(end == j || !strings.Contains(x.text[toks[end-1].end:toks[end].start], "\n")) {
		end++
	}
	if end == j {
		return noAttribution
	}
	rest := end
	for rest < s.to && toks[rest].kind == tokPunct && toks[rest].text != "(" {
		rest++
	}
	if rest < s.to && toks[rest].kind != tokQuote && !strings.Contains(x.text[toks[end-1].end:toks[rest].start], "\n") {
		return noAttribution
	}
	a := x.speakerIn(toks, s, j, end, pi, sentIdx)
	if a.ent >= 0 {
		a.cue, a.cueSpan, a.conf = toks[k+1].text, article.Span{Start: toks[k+1].start, End: toks[k+1].end}, 0.85
	}
	return a
}

// headlineColon returns the colon of a headline that names its speaker
// before it ("De Blasio: Trust Bratton, not 'blowhard' Trump") when the
// quote at k follows it, or -1.
func headlineColon(toks []token, s sentence, k int, heading bool) int {
	if !heading || s.from != 0 {
		return -1
	}
	for j := s.from; j < k && j <= s.from+5; j++ {
		if toks[j].isPunct(":") {
			if j == s.from {
				return -1
			}
			return j
		}
		if toks[j].kind != tokWord || !toks[j].capitalised() && (toks[j].flags&fParticle == 0) {
			return -1
		}
	}
	return -1
}

// headlineSpeaker attributes a quote in such a headline to the name
// before the colon.
func (x *attributor) headlineSpeaker(toks []token, s sentence, k, pi, sentIdx int) attribution {
	colon := headlineColon(toks, s, k, x.doc.Paragraphs[pi].Heading || pi == 0)
	if colon < 0 {
		return noAttribution
	}
	a := x.speakerIn(toks, s, s.from, colon, pi, sentIdx)
	if a.ent >= 0 {
		a.cue, a.cueSpan = ":", article.Span{Start: toks[colon].start, End: toks[colon].end}
	}
	return a
}

// dashLineByline handles a byline on its own line after a quotation
// paragraph: `"Great speech. She's ready." ¶ -President Obama, tweeting`.
// The name after the dash speaks the unattributed quotes of the paragraph
// before.
func (x *attributor) dashLineByline(toks []token, pi int) {
	if len(toks) < 2 || len(x.prevQuotes) == 0 || !isLayoutDash(&toks[0]) || !toks[1].capitalised() {
		return
	}
	end := capRun(toks, 1, len(toks))
	if end-1 > 5 || end < len(toks) && !toks[end].isPunct(",") && !toks[end].isPunct(".") {
		return
	}
	s := sentence{from: 0, to: len(toks)}
	a := x.speakerIn(toks, s, 1, end, pi, x.sentences)
	if a.ent < 0 || x.ents[a.ent].typ != article.Person {
		return
	}
	for _, q := range x.prevQuotes {
		if x.speakerOf[q] < 0 && x.doc.Quotes[q].Kind == article.Quotation {
			b := a
			b.cue, b.cueSpan, b.conf, b.frame = toks[0].text, article.Span{Start: toks[0].start, End: toks[0].end}, 0.85, "dash-byline-line"
			x.assign(q, b)
			x.noSpeaker[q] = 0
		}
	}
}
