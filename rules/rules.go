// Package rules holds quotecheck's checks, one rule per file. Each rule is
// a checker.Rule value: documentation as data plus one Run function. Rules
// are registered explicitly in All, never through init.
package rules

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// All returns every rule in the order they are documented.
func All() []*checker.Rule {
	return []*checker.Rule{
		AnonymousSource,
		AnonymousNoReason,
		MissingAttribution,
		UnconfirmedAttribution,
		UnbalancedQuotes,
		NonNeutralVerb,
		AlteredQuote,
		SurnameBeforeIntroduction,
		InvalidSuppression,
		QuoteChanged,
		QuoteRemoved,
		QuoteAdded,
		SpeakerChanged,
		Misquote,
		QuoteAltered,
		QuoteStitched,
		QuoteSpeakerMismatch,
		QuoteNotInSource,
	}
}

// ByID finds a rule by id in a list.
func ByID(list []*checker.Rule, id string) *checker.Rule {
	for _, r := range list {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// speakerWords is how a finding message names a speaker: the words at the
// attribution, or the canonical name when the quote inherits its speaker.
func speakerWords(q *article.Quote) string {
	if q.Speaker.Mention != "" {
		return q.Speaker.Mention
	}
	return q.Speaker.Name
}

// quoted is strconv.Quote(s), without its rune-by-rune work when s is
// printable ASCII with no quotation mark or backslash, as most names and
// phrases in messages are.
func quoted(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
			return strconv.Quote(s)
		}
	}
	return `"` + s + `"`
}

// firstWord is the first of strings.Fields(s), without the slice.
func firstWord(s string) string {
	// a cue is mostly ASCII ("said in a statement"): its bytes are judged
	// one by one until the first space or the first non-ASCII byte
	start := 0
	for start < len(s) && s[start] < utf8.RuneSelf && asciiSpace[s[start]] {
		start++
	}
	for i := start; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			return firstWordUnicode(s[start:])
		} else if asciiSpace[c] {
			return s[start:i]
		}
	}
	return s[start:]
}

// asciiSpace holds the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func firstWordUnicode(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}
