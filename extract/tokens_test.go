package extract

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
)

// tokenBound sizes a giant paragraph's token buffer once; it must never
// count fewer tokens than tokenize makes.
func TestTokenBound(t *testing.T) {
	for _, text := range []string{
		"",
		"\"\"\"\"",
		"\"a\" \"b\"",
		"Sen. Ilse Varga (D-N.Y.) said . . . it was 3.5 per cent...",
		"caf\u00e9\u2014na\u00efve \u201cquoted\u201d e\u0301t\u00e9",
		"ministers' line, rock'n'roll & co",
		"\xff\xfe broken \xe2\x80",
	} {
		assertTokenBound(t, text)
	}
}

func FuzzTokenBound(f *testing.F) {
	f.Add("\"a\" 'b' \u2014 c.d. e")
	f.Fuzz(func(t *testing.T, text string) { assertTokenBound(t, text) })
}

func assertTokenBound(t *testing.T, text string) {
	t.Helper()
	var words wordTable
	toks := tokenize(nil, &words, text, article.Span{End: len(text)}, nil, nil, defaultLexicon)
	assert.LessOrEqual(t, len(toks), tokenBound(text), "%q", text)
	paras := article.SplitParagraphs(text)
	raw, _ := Scan(text, paras)
	for pi, p := range paras {
		var regions []article.Span
		var idx []int
		for _, q := range raw {
			if q.Paragraph == pi {
				end := q.Close.End
				if q.Unterminated {
					end = p.End
				}
				regions = append(regions, article.Span{Start: q.Open.Start, End: end})
				idx = append(idx, len(idx))
			}
		}
		toks := tokenize(nil, &words, text, p.Span, regions, idx, defaultLexicon)
		assert.LessOrEqual(t, len(toks), tokenBoundRegions(text, p.Span, regions), "%q paragraph %d", text, pi)
	}
}

// The word table must give every token the lower-cased form and flags a
// direct lookup gives, however often the word is seen.
func FuzzWordTable(f *testing.F) {
	for _, s := range []string{"Said SAID said", "\u00c9lise said", "McCain's", "U.S. officials"} {
		f.Add(s)
	}
	f.Add("twenty-one of them, said three")
	f.Fuzz(func(t *testing.T, text string) {
		var words wordTable
		for range 2 {
			for _, tok := range tokenize(nil, &words, text, article.Span{End: len(text)}, nil, nil, defaultLexicon) {
				if tok.kind != tokWord {
					continue
				}
				want := lexFlags[tok.lower]
				if isNumberWord(tok.lower) {
					want |= fNumberWord
				}
				if r, _ := utf8.DecodeRuneInString(tok.text); unicode.IsUpper(r) {
					want |= fCapitalised
				}
				if tok.lower != strings.ToLower(tok.text) || tok.flags != want {
					t.Fatalf("%q: lower %q flags %b", tok.text, tok.lower, tok.flags)
				}
			}
		}
	})
}

// Lowered words are cut from shared chunks: a word lowered earlier must
// keep its letters however many words, documents and chunks follow it.
func TestLoweredWordsStayIntact(t *testing.T) {
	var words wordTable
	var got, want []string
	for doc := range 3 {
		words.reset()
		for i := range lowerChunk / 4 {
			w := fmt.Sprintf("Word%dX%d", doc, i)
			got = append(got, words.lower(w))
			want = append(want, strings.ToLower(w))
		}
		long := strings.Repeat("AbC", lowerChunk) // longer than a chunk
		got = append(got, words.lower(long))
		want = append(want, strings.ToLower(long))
	}
	require.Equal(t, want, got)
}

// lower must agree with strings.ToLower, whether the word is ASCII, turns
// out not to be part way through (its partly lowered copy given up), or
// has no capital at all.
func TestWordTableLowerAgreesWithToLower(t *testing.T) {
	var words wordTable
	for _, w := range []string{"Sen", "NASA", "McCONNELL", "already", "Zoë", "ÉLYSÉE", "AbĞ", "O'BRIEN", "x", "Q1"} {
		assert.Equal(t, strings.ToLower(w), words.lower(w), w)
	}
	// the bytes of a word given up are reused by the next
	assert.Equal(t, "mccain", words.lower("McCain"))
}

// isAbbreviation turns longer words away before lowering them; a long
// word that is not ASCII is still looked up, as lowering can shorten it.
func TestIsAbbreviation(t *testing.T) {
	for w, want := range map[string]bool{
		"Mr.": true, "SEN.": true, "Blvd.": true, "approx.": true,
		"said.": false, "Washington.": false, "approximately.": false,
		"\u212Aansas.": false, // a Kelvin sign lowers to one byte: "kansas."
	} {
		assert.Equal(t, want, isAbbreviation(w), w)
	}
	assert.LessOrEqual(t, longestAbbreviation, 16)
}

// The lexicon's filter must never hide a word of its lists, configured
// words included.
func TestWordClassesFindEveryListedWord(t *testing.T) {
	for w, f := range lexFlags {
		if w != "" && defaultLexicon.wordClasses(w) != f {
			t.Fatalf("%q: %b, want %b", w, defaultLexicon.wordClasses(w), f)
		}
	}
	configured := New(Options{SpeechVerbs: []string{"harrumph"}})
	for _, w := range []string{"harrumph", "harrumphed", "harrumphs", "said"} {
		assert.NotZero(t, configured.lex.wordClasses(w)&fSpeech, w)
	}
	assert.Zero(t, configured.lex.wordClasses("orchard"))
}

// wordClasses must answer as the lexicon's map does, for any word.
func FuzzWordClasses(f *testing.F) {
	for _, s := range []string{"said", "the", "orchard", "twenty", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got := defaultLexicon.wordClasses(w); got != lexFlags[w] {
			t.Fatalf("wordClasses(%q) = %b, want %b", w, got, lexFlags[w])
		}
	})
}

// plainRun must stop where a byte-at-a-time scan stops, wherever in its
// eight-byte steps the stopping byte falls.
func FuzzPlainRun(f *testing.F) {
	for _, s := range []string{"", "plain words only", "it's", "0123456\"89", "01234567\"9", "\u201cx", "line\nbreak", strings.Repeat("a", 40) + "'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := 0
		for want < len(s) && markTab.scanStop[s[want]] == 0 {
			want++
		}
		if got := plainRun(s); got != want {
			t.Fatalf("plainRun(%q) = %d, want %d", s, got, want)
		}
	})
}

// wordEndLower's reports must match the word it found: lower when it is
// ASCII without a capital, hyphen when it holds a hyphen-minus.
func FuzzWordEndLower(f *testing.F) {
	for _, s := range []string{"twenty-five", "D-N.Y.", "U.S.", "al-Assad's", "Zoë-Anne", "ministers' line", "3.5", "plain"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if r, _ := utf8.DecodeRuneInString(s); !isWordRune(r) {
			return
		}
		end, lower, hyphen := wordEndLower(s, 0, len(s))
		w := s[:end]
		if hyphen != strings.Contains(w, "-") {
			t.Fatalf("wordEndLower(%q): hyphen %v for %q", s, hyphen, w)
		}
		if lower && (!isASCII(w) || strings.ToLower(w) != w) {
			t.Fatalf("wordEndLower(%q): lower for %q", s, w)
		}
	})
}

// The word table outlives its document, so it must never hold the
// document's bytes: its keys are the words' bytes themselves, and a
// lower-cased form it keeps is its own copy. It starts over once its
// copies pass their bound, giving the same entries as a table afresh.
func TestWordTableKeepsItsOwnWordsAcrossDocuments(t *testing.T) {
	var words wordTable
	text := []byte("Said Senator Okafor said")
	doc := unsafe.String(&text[0], len(text))
	said := words.lookup(doc[:4], false, false, defaultLexicon)
	okafor := words.lookup(doc[13:19], false, false, defaultLexicon)
	lowerSaid := words.lookup(doc[20:], true, false, defaultLexicon)
	assert.Equal(t, "said", lowerSaid.lower)
	copy(text, "XXXXXXXXXXXXXXXXXXXXXXXX") // the document's buffer is reused
	assert.Equal(t, "said", said.lower)
	assert.Equal(t, "okafor", okafor.lower)
	for _, slot := range words.slots {
		assert.NotContains(t, slot.lower, "X")
	}
	again := words.lookup("Said", false, false, defaultLexicon)
	assert.Equal(t, said, again)
	assert.NotZero(t, said.flags&fSpeech)
	// a word already in lower case is its own form, read from its token
	other := "they said"
	e := words.lookup(other[5:], true, false, defaultLexicon)
	assert.Equal(t, "said", e.lower)
	assert.Equal(t, unsafe.StringData(other[5:]), unsafe.StringData(e.lower))

	// a "word" longer than a key is worked out each time, not kept
	long := "Ab" + strings.Repeat("cd", maxKeyedWord)
	assert.Equal(t, "ab"+strings.Repeat("cd", maxKeyedWord), words.lookup(long, false, false, defaultLexicon).lower)
	for _, slot := range words.slots {
		assert.NotEqual(t, long, slot.lower)
	}

	var fresh wordTable
	for i := 0; words.kept <= keptWordBytes; i++ {
		words.lookup(fmt.Sprintf("Name%d", i), false, false, defaultLexicon)
	}
	words.lookup("Zyx", false, false, defaultLexicon) // past the bound: starts over
	assert.LessOrEqual(t, words.kept, 16)
	for _, w := range []string{"Said", "the", "Okafor", "spokeswoman", "twenty-one", "Café", "café", "Über-Experte"} {
		isLower := isASCII(w) && strings.ToLower(w) == w
		assert.Equal(t, fresh.lookup(w, isLower, strings.Contains(w, "-"), defaultLexicon), words.lookup(w, isLower, strings.Contains(w, "-"), defaultLexicon), w)
	}
}

// wordKeyAt must read a word the same way in the middle of a text, where
// it loads eight bytes at a time, and at its end, byte by byte, and tell
// words apart exactly when they differ.
func FuzzWordKeyAt(f *testing.F) {
	for _, s := range []string{"said", "spokeswoman", "counterintelligence", "twenty-one", "Zoë", "a"} {
		f.Add(s, "said")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if strings.IndexByte(a, 0) >= 0 || strings.IndexByte(b, 0) >= 0 {
			return // words hold no zero byte
		}
		ka, okA := wordKeyAt(a, 0, len(a))
		assert.Equal(t, len(a) > 0 && len(a) <= maxKeyedWord, okA)
		if !okA {
			return
		}
		padded := a + strings.Repeat("q", maxKeyedWord)
		kp, _ := wordKeyAt(padded, 0, len(a))
		assert.Equal(t, ka, kp, "%q", a)
		if kb, okB := wordKeyAt(b, 0, len(b)); okB {
			assert.Equal(t, a == b, ka == kb, "%q %q", a, b)
		}
	})
}

// The flags that stand in for list lookups must hold exactly the words of
// their lists: a test of the flag is then the test of the list.
func TestFlagsMatchTheirLists(t *testing.T) {
	for _, c := range []struct {
		name string
		flag wordFlags
		list map[string]bool
	}{
		{"irregular participles", fIrregParticiple, irregularParticiples},
		{"naming cue ends", fNamingCueEnd, func() map[string]bool {
			m := map[string]bool{}
			for w := range namingCuesByLast {
				m[w] = true
			}
			return m
		}()},
		{"title words", fTitle, titleWords},
		{"anonymous heads", fAnonHead, anonymousHeads},
		{"organisation heads", fOrgHead, orgHeads},
		{"place heads", fPlaceHead, placeHeads},
		{"subordinators", fSubord, subordinators},
	} {
		for w, f := range lexFlags {
			assert.Equal(t, c.list[w], f&c.flag != 0, "%s: %q", c.name, w)
		}
		for w := range c.list {
			assert.NotZero(t, lexFlags[w]&c.flag, "%s: %q", c.name, w)
		}
	}
	var words wordTable
	text := "Ada was dubbed the driven and known as quick."
	for _, tk := range tokenize(nil, &words, text, article.Span{End: len(text)}, nil, nil, defaultLexicon) {
		assert.Equal(t, tk.lower == "driven" || tk.lower == "known", tk.flags&fIrregParticiple != 0, tk.lower)
		assert.Equal(t, tk.lower == "dubbed" || tk.lower == "as", tk.flags&fNamingCueEnd != 0, tk.lower)
	}
}
