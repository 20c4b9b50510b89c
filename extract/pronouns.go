package extract

import (
	"github.com/quotecheck/quotecheck/article"
)

// resolvePronoun picks the antecedent of a third-person pronoun by salience
// and recency among compatible mentions of the last few paragraphs.
func (x *attributor) resolvePronoun(p string, pos, para, sentIdx int, learn bool) int {
	return x.resolvePronounExcept(p, pos, para, sentIdx, -1, learn)
}

// resolvePronounExcept resolves a pronoun, skipping one entity.
func (x *attributor) resolvePronounExcept(p string, pos, para, sentIdx, except int, learnOpt ...bool) int {
	learn := len(learnOpt) > 0 && learnOpt[0]
	g := pronounGender[p]
	best, bestScore, second := -1, -1e9, -1e9
	for i := len(x.mentions) - 1; i >= 0 && i >= len(x.mentions)-maxPronounLookBack; i-- {
		m := &x.mentions[i]
		x.work++
		if m.pos >= pos {
			continue
		}
		if m.para < para-3 {
			break
		}
		ent := &x.ents[m.ent]
		if m.ent == except || m.ent == x.authorEnt-1 {
			continue // the writer is "I", never "he" or "she"
		}
		switch g {
		case 'm', 'f':
			if ent.typ == article.Organization || ent.typ == article.DocumentSource || ent.typ == article.Anonymous && ent.plural {
				continue
			}
			if ent.gender != 0 && ent.gender != g {
				continue
			}
		case 'p':
			if ent.typ == article.Person && ent.gender != 'p' {
				continue
			}
		case 'n':
			if ent.typ != article.Organization {
				continue
			}
		}
		score := m.salience - 0.45*float64(sentIdx-m.sent) - 0.5*float64(para-m.para)
		if ent.gender == g && g != 0 {
			score += 0.3
		}
		if score > bestScore {
			if m.ent != best {
				second = bestScore
			}
			best, bestScore = m.ent, score
		} else if m.ent != best && score > second {
			second = score
		}
	}
	// learn a gender only from a clear winner: a wrong guess would mislead
	// every later pronoun
	if learn && best >= 0 && bestScore-second > 1.05 && (g == 'm' || g == 'f') && x.ents[best].gender == 0 && x.ents[best].typ == article.Person {
		x.ents[best].gender = g
	}
	return best
}
