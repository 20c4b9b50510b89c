package verify

import (
	"strings"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/namematch"
)

// speakerRef is the story's speaker of one quotation, as the transcript
// labels are compared with it.
type speakerRef struct {
	sp    *article.Speaker
	names []string
}

func speakerNames(doc *article.Document, q *article.Quote) speakerRef {
	r := speakerRef{sp: q.Speaker}
	if q.Speaker == nil {
		return r
	}
	r.names = append(r.names, q.Speaker.Name, q.Speaker.Mention)
	if i := q.Speaker.Source; i >= 0 && i < len(doc.Sources) {
		r.names = append(r.names, doc.Sources[i].Mentions...)
	}
	return r
}

// interviewerLabels name the one asking the questions: a story's speaker
// is never the "Q" of its interview.
var interviewerLabels = map[string]bool{"q": true, "question": true, "interviewer": true}

// answerLabels name the one answering without saying who: no evidence.
var answerLabels = map[string]bool{"a": true, "answer": true}

// match says whether a transcript label names the story's speaker, with
// the surname and alias rules eval scores speakers by; nil when it cannot
// tell (no label, no speaker, an "A:" label, or a speaker that is not a
// named person and that the label does not name either).
func (r speakerRef) match(label string) *bool {
	if r.sp == nil || label == "" {
		return nil
	}
	key := strings.ToLower(strings.Trim(label, " ."))
	yes, no := true, false
	switch {
	case answerLabels[key]:
		return nil
	case interviewerLabels[key]:
		return &no
	}
	typ := string(r.sp.Type)
	if namematch.SpeakerMatches(label, "", r.names, typ) ||
		namematch.SpeakerMatches(r.sp.Name, r.sp.Mention, []string{label}, typ) {
		return &yes
	}
	if r.sp.Type != article.Person {
		return nil
	}
	return &no
}

// prefers reports whether a's passage is labelled with the speaker and
// b's is not: between equal alignments, the speaker's own words win.
func (r speakerRef) prefers(a, b *alignment) bool {
	if b == nil {
		return true
	}
	ma, mb := r.match(a.src.label(a.first)), r.match(b.src.label(b.first))
	return ma != nil && *ma && (mb == nil || !*mb)
}
