package extract

import (
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

// entity is one source candidate tracked through the article: a named
// person, an organisation, or an anonymous description.
type entity struct {
	typ  article.SourceType
	name string
	// nameToks are the lower-case tokens of a person's or organisation's
	// name, for surname and short-form matching.
	nameToks []string
	gender   byte // 'm', 'f', 'p' (plural) or 0
	roles    []string
	head     string // head noun of an anonymous description, singular
	plural   bool
	bare     bool
	// full is set once a person's full name (two or more words) is seen;
	// fullAt is where it was first given.
	full   bool
	fullAt int
	intro  article.Span
	// sentences holds the spans of sentences that mention the entity, for
	// finding the reason given for anonymity.
	sentences []article.Span
	source    int // index in Document.Sources, -1 until it is quoted
	desc      string
}

type mention struct {
	ent      int
	pos      int
	para     int
	sent     int
	salience float64
}

// addLowerRole adds a lower-case role word, and its gender when the
// entity has none yet.
func (e *entity) addLowerRole(w string) {
	if !e.hasRole(w) {
		e.roles = append(e.roles, w)
	}
	if e.gender == 0 {
		e.gender = genderedRoles[w]
	}
}

func (e *entity) hasRole(w string) bool {
	for _, r := range e.roles {
		if r == w {
			return true
		}
	}
	return false
}

func (e *entity) addSentence(s article.Span) {
	if n := len(e.sentences); n > 0 && e.sentences[n-1] == s {
		return
	}
	e.sentences = append(e.sentences, s)
}

// singular gives a simple singular of an English plural noun.
func singular(w string) string {
	switch w {
	case "people":
		return "person"
	case "men":
		return "man"
	case "women":
		return "woman"
	case "allies":
		return "ally"
	case "policemen":
		return "policeman"
	}
	if strings.HasSuffix(w, "ies") && len(w) > 4 {
		return w[:len(w)-3] + "y"
	}
	if strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") {
		return w[:len(w)-2]
	}
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3 {
		return w[:len(w)-1]
	}
	return w
}

func isPlural(w string) bool {
	return singular(w) != w
}

// stripPossessive removes a trailing "'s" or "’s", or a lone apostrophe
// ("ministers'"), when something is left before it. It is asked of most
// words, so the last byte picks the one ending that can match.
func stripPossessive(w string) (string, bool) {
	n := len(w)
	if n == 0 {
		return w, false
	}
	switch w[n-1] {
	case 's':
		if n > 2 && w[n-2] == '\'' {
			return w[:n-2], true
		}
		if n > 4 && w[n-4:n-1] == "\u2019" {
			return w[:n-4], true
		}
	case '\'':
		if n > 1 {
			return w[:n-1], true
		}
	case 0x99: // the last byte of '’'
		if n > 3 && w[n-3:] == "\u2019" {
			return w[:n-3], true
		}
	}
	return w, false
}

// full2 reports whether the entity carries a personal title or honorific,
// which rules out reading it as an organisation.
func (e *entity) full2() bool {
	for _, r := range e.roles {
		if _, ok := honorifics[r]; ok {
			return true
		}
		if titleWords[r] && !orgHeads[r] {
			return true
		}
	}
	return e.gender == 'm' || e.gender == 'f'
}
