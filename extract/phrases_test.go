package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// naiveFind is the loop phraseFinder replaces.
func naiveFind(phrases []string, text string) (int, int) {
	lower := asciiLower(text)
	for k, p := range phrases {
		if i := strings.Index(lower, p); i >= 0 {
			return k, i
		}
	}
	return -1, -1
}

func TestPhraseFinder(t *testing.T) {
	phrases := []string{"not authorized", "because", "anonymity", "on condition of", "cause"}
	f := newPhraseFinder(phrases)
	for _, text := range []string{
		"",
		"He spoke on condition of anonymity because he was NOT AUTHORIZED to speak.",
		"She asked for Anonymity.",
		"The cause was clear, because it was.",
		"becaus",
		"Le porte-parole, s\u2019exprimant sous couvert d\u2019anonymat, because",
		"ON CONDITION OF",
	} {
		k, at := f.find(text)
		wantK, wantAt := naiveFind(phrases, text)
		assert.Equal(t, wantK, k, text)
		assert.Equal(t, wantAt, at, text)
	}
	// a one-byte phrase (a configured reason can be anything) still
	// matches anywhere, the last byte included
	short := []string{"zz", "q", "anonymity"}
	for _, text := range []string{"Q", "aq", "quiet anonymity", "zzq", "nothing here", "a"} {
		k, at := newPhraseFinder(short).find(text)
		wantK, wantAt := naiveFind(short, text)
		assert.Equal(t, wantK, k, text)
		assert.Equal(t, wantAt, at, text)
	}
}

func FuzzPhraseFinder(f *testing.F) {
	f.Add("spoke on condition of anonymity because")
	f.Add("NOT AUTHORIZED, Because")
	f.Fuzz(func(t *testing.T, text string) {
		phrases := defaultLexicon.reasons
		k, at := newPhraseFinder(phrases).find(text)
		wantK, wantAt := naiveFind(phrases, text)
		if k != wantK || at != wantAt {
			t.Fatalf("find(%q) = %d, %d; want %d, %d", text, k, at, wantK, wantAt)
		}
	})
}

// asciiLower folds ASCII letters only, so byte offsets stay valid.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// FuzzPhraseFinderOnPhrases builds its texts from pieces of the phrases
// themselves, in any case, so that matches, near misses and overlaps are
// common, and holds find to the naive loop for phrase lists whose
// shortest phrase lets it skip and for one that does not.
func FuzzPhraseFinderOnPhrases(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{40, 41, 42, 200, 201, 7, 77, 150})
	lists := [][]string{defaultLexicon.reasons, {"not authorized", "because", "anonymity", "on condition of", "cause"}, {"zz", "q", "anonymity"}}
	var pieces []string
	for _, list := range lists {
		for _, p := range list {
			pieces = append(pieces, p, strings.ToUpper(p), p[:len(p)/2], p[len(p)/2:])
		}
	}
	pieces = append(pieces, " ", ", ", "said", "the official", "\u2019", "é")
	f.Fuzz(func(t *testing.T, recipe []byte) {
		var b strings.Builder
		for _, c := range recipe {
			b.WriteString(pieces[int(c)%len(pieces)])
		}
		text := b.String()
		for _, list := range lists {
			k, at := newPhraseFinder(list).find(text)
			wantK, wantAt := naiveFind(list, text)
			if k != wantK || at != wantAt {
				t.Fatalf("find(%q) = %d, %d; want %d, %d", text, k, at, wantK, wantAt)
			}
		}
	})
}
