package extract

import (
	"context"
	"strings"
	"sync"

	"github.com/quotecheck/quotecheck/article"
)

// Options add a newsroom's own vocabulary to the extractor.
type Options struct {
	// SpeechVerbs are extra reporting verbs, given as lemmas ("opine") or
	// as inflected forms; lemmas are inflected by rule.
	SpeechVerbs []string
	// AnonymityReasons are extra phrases that say why a source is unnamed
	// ("under newsroom policy 4.2").
	AnonymityReasons []string
}

// Extractor finds and attributes quotations with the vocabulary of its
// Lexicon. It is safe for concurrent use: Extract keeps its state per call.
type Extractor struct {
	lex *Lexicon
	// pool keeps attributors, with their buffers, between documents.
	pool sync.Pool
}

var defaultExtractor = &Extractor{lex: defaultLexicon}

// New builds an extractor; with zero Options it behaves as Extract.
func New(opt Options) *Extractor {
	if len(opt.SpeechVerbs) == 0 && len(opt.AnonymityReasons) == 0 {
		return defaultExtractor
	}
	lex := &Lexicon{forms: map[string]verbForm{}, flags: map[string]wordFlags{}}
	for w, f := range speechForms {
		lex.forms[w] = f
	}
	for w, f := range lexFlags {
		lex.flags[w] = f
	}
	for _, v := range opt.SpeechVerbs {
		lemma := strings.ToLower(strings.TrimSpace(v))
		if lemma == "" {
			continue
		}
		add := func(form string, vf verbForm) {
			if _, ok := lex.forms[form]; !ok {
				lex.forms[form] = vf
				if ambiguousBase[vf.Lemma] {
					lex.flags[form] |= fAmbiguousLemma
				}
			}
			lex.flags[form] |= fSpeech
		}
		add(lemma, verbForm{Lemma: lemma, Base: true})
		add(thirdPerson(lemma), verbForm{Lemma: lemma})
		add(past(lemma), verbForm{Lemma: lemma, Past: true})
		add(gerund(lemma), verbForm{Lemma: lemma, Gerund: true})
	}
	lex.reasons = append(append([]string(nil), anonymityReasons...), lowerAll(opt.AnonymityReasons)...)
	lex.reasonFinder = newPhraseFinder(lex.reasons)
	lex.inFlags = newWordFilter(lex.flags)
	lex.classes = newClassTable(lex.flags)
	return &Extractor{lex: lex}
}

func lowerAll(list []string) []string {
	out := make([]string, 0, len(list))
	for _, s := range list {
		if s = strings.ToLower(strings.Join(strings.Fields(s), " ")); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Extract finds the quotations in doc, attributes each to a speaker and
// fills doc.Quotes, doc.Sources and doc.Marks.
func (ex *Extractor) Extract(doc *article.Document) { _ = ex.ExtractContext(context.Background(), doc) }

// ExtractContext is Extract that gives up once ctx is done (a server's
// deadline, a cancelled batch) and returns ctx's error; the document is
// then incomplete and should be discarded.
func (ex *Extractor) ExtractContext(ctx context.Context, doc *article.Document) error {
	x, err := ex.extractContext(ctx, doc)
	x.release()
	return err
}
