package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// foldASCII must agree with the strings functions IsBoilerplate used to
// call on every line.
func FuzzFoldASCII(f *testing.F) {
	for _, s := range []string{"Story  continues\tBELOW ", " a\v\fb\r\n", "caf\u00e9", "\u00a0x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := foldASCII(nil, s)
		if !ok {
			return
		}
		assert.Equal(t, strings.ToLower(strings.Join(strings.Fields(s), " ")), string(got))
	})
}

func FuzzJoinFields(f *testing.F) {
	for _, s := range []string{"Ilse Varga", " Ilse  Varga", "Ilse\nVarga", "Ilse Varga ", "Ilse\u00a0Varga", "caf\u00e9 x", "\xff y", "", " "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assert.Equal(t, strings.Join(strings.Fields(s), " "), joinFields(s), "%q", s)
	})
}

func TestStripPossessive(t *testing.T) {
	for _, c := range []struct {
		in, want string
		poss     bool
	}{
		{"varga's", "varga", true},
		{"varga\u2019s", "varga", true},
		{"ministers'", "ministers", true},
		{"ministers\u2019", "ministers", true},
		{"varga", "varga", false},
		{"'s", "'s", false},
		{"\u2019", "\u2019", false},
		{"", "", false},
	} {
		got, poss := stripPossessive(c.in)
		assert.Equal(t, c.want, got, c.in)
		assert.Equal(t, c.poss, poss, c.in)
	}
}

// wordCountUpTo must count as wordShape does, up to its limit.
func FuzzWordCountUpTo(f *testing.F) {
	for _, s := range []string{"Little Marco", "a, b. c! d? e; f: g", "  \u00a0 x", "", "one two three four five"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, text string, limit int) {
		if limit < 1 || limit > 10 {
			return
		}
		n, _ := wordShape(text)
		if got := wordCountUpTo(text, limit); got != min(n, limit) {
			t.Fatalf("wordCountUpTo(%q, %d) = %d; wordShape counts %d", text, limit, got, n)
		}
	})
}
