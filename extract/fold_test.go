package extract

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"

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

// FuzzTrimASCIISkip: trimASCIISkip trims a folded ASCII line as bytes.Trim
// with the boilerplate cut set does.
func FuzzTrimASCIISkip(f *testing.F) {
	for _, s := range []string{" .read more: ", "|| x ||", "-", "", "a.b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := foldASCII(nil, s)
		if !ok {
			return
		}
		assert.Equal(t, string(bytes.Trim(p, boilerplateTrim)), string(trimASCIISkip(p)), "%q", s)
	})
}

// boilerplateSpellings writes each line of boilerplate as copy may carry
// it: capitals, punctuation and spaces around it, a colon after it.
func boilerplateSpellings() []string {
	var out []string
	for line := range boilerplate {
		out = append(out, line, strings.ToUpper(line), " \t"+strings.ToUpper(line[:1])+line[1:]+":\n",
			"— "+line+" —", "| "+strings.ToUpper(line)+" •", "."+line+"!")
	}
	return out
}

// TestMayBeBoilerplate: the quick test of a paragraph's ends lets every
// spelling of every line of boilerplate through, and turns prose away.
func TestMayBeBoilerplate(t *testing.T) {
	for line := range boilerplate {
		assert.True(t, IsBoilerplate(line), line)
		assert.True(t, IsBoilerplate(" "+strings.ToUpper(line)+"\n"), line)
	}
	for _, s := range boilerplateSpellings() {
		if isBoilerplateLine(s) {
			assert.True(t, mayBeBoilerplate(s), s)
			assert.True(t, IsBoilerplate(s), s)
		}
	}
	for _, s := range []string{"The story continues below the dam.", "Read more about the dam.", "Mayor Quint", "42"} {
		assert.False(t, mayBeBoilerplate(s), s)
		assert.False(t, IsBoilerplate(s), s)
	}
	for _, s := range []string{"", " ", "—", "\u00a0Read more", "Read more\u2026", "::"} {
		assert.True(t, mayBeBoilerplate(s), "%q leaves the question to the full test", s)
	}
}

// FuzzMayBeBoilerplate: no paragraph the full test finds to be
// boilerplate is turned away by the quick test of its ends.
func FuzzMayBeBoilerplate(f *testing.F) {
	for _, s := range boilerplateSpellings() {
		f.Add(s)
	}
	f.Add("\u212a\u00a0story continues below")
	f.Fuzz(func(t *testing.T, s string) {
		if isBoilerplateLine(s) {
			assert.True(t, mayBeBoilerplate(s), "%q", s)
		}
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

// stripPossessive must agree with trying each ending in turn.
func FuzzStripPossessive(f *testing.F) {
	for _, s := range []string{"varga's", "s's", "'s", "x\u2019s", "\u2019s", "a'", "'", "\u2019", "a\u2019", "ss", "\x99", "\x99s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		want, wantPoss := w, false
		for _, suf := range []string{"'s", "\u2019s", "'", "\u2019"} {
			if strings.HasSuffix(w, suf) && len(w) > len(suf) {
				want, wantPoss = w[:len(w)-len(suf)], true
				break
			}
		}
		got, poss := stripPossessive(w)
		if got != want || poss != wantPoss {
			t.Fatalf("stripPossessive(%q) = %q, %v; want %q, %v", w, got, poss, want, wantPoss)
		}
	})
}

// wordCountUpTo must count the words strings.FieldsFunc finds, up to its
// limit; wordShape must agree with the loop it replaced.
func FuzzWordCountUpTo(f *testing.F) {
	for _, s := range []string{"Little Marco", "a, b. c! d? e; f: g", "  \u00a0 x", "", "one two three four five"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, text string, limit int) {
		if limit < 1 || limit > 10 {
			return
		}
		words := strings.FieldsFunc(text, isShapeSeparator)
		if got := wordCountUpTo(text, limit); got != min(len(words), limit) {
			t.Fatalf("wordCountUpTo(%q, %d) = %d; FieldsFunc counts %d", text, limit, got, len(words))
		}
		title := len(words) > 0 && len(words) <= 8
		for i, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			title = title && (unicode.IsUpper(r) || unicode.IsDigit(r) || i > 0 && smallTitleWords[strings.ToLower(w)])
		}
		n, got := wordShape(text)
		if got != title || min(n, 3) != min(len(words), 3) || title && n != len(words) {
			t.Fatalf("wordShape(%q) = %d, %v; want %d, %v", text, n, got, len(words), title)
		}
		if wn, wt := wordShapeBefore(text); n != wn || got != wt {
			t.Fatalf("wordShape(%q) = %d, %v; it was %d, %v", text, n, got, wn, wt)
		}
	})
}

// wordShapeBefore is what wordShape computes, word by word over
// strings.FieldsFunc: the count it returns early must not change.
func wordShapeBefore(text string) (n int, title bool) {
	title = true
	words := strings.FieldsFunc(text, isShapeSeparator)
	for i, w := range words {
		if n = i + 1; n > 8 || !title && n > 2 {
			return n, false
		}
		if r, _ := utf8.DecodeRuneInString(w); title && !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			title = titleWord(w, i)
		}
	}
	return len(words), title && len(words) > 0
}

func FuzzHasLooseSpace(f *testing.F) {
	for _, s := range []string{"Ada  Lind", "Ada Lind", "Ada\nLind", "a\tb", " ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Contains(s, "  ") || strings.ContainsAny(s, "\n\r\t")
		if got := hasLooseSpace(s); got != want {
			t.Fatalf("hasLooseSpace(%q) = %v", s, got)
		}
	})
}

func TestRoleName(t *testing.T) {
	for in, want := range map[string]string{
		"The mayor":          "the mayor",
		"the mayor":          "the mayor",
		"A senior official":  "a senior official",
		"Police":             "police",
		"police":             "police",
		"Ilse Varnholt":      "Ilse Varnholt",
		"The":                "the",
		"the council's head": "the council's head",
	} {
		assert.Equal(t, want, roleName(in), in)
	}
	// a name already in lower case comes back as it is, not as a copy
	s := "the mayor of Lower Ashcombe"
	assert.Equal(t, unsafe.StringData(s), unsafe.StringData(roleName(s)))
}
