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
