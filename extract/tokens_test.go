package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"

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
	var lw lowerer
	toks := tokenize(nil, &lw, text, article.Span{End: len(text)}, nil, nil, lexFlags)
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
		toks := tokenize(nil, &lw, text, p.Span, regions, idx, lexFlags)
		assert.LessOrEqual(t, len(toks), tokenBoundRegions(text, p.Span, regions), "%q paragraph %d", text, pi)
	}
}
