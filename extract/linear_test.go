package extract

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/quotecheck/quotecheck/article"
)

// adversarialShapes build inputs of about n bytes whose cost was once
// quadratic: runs of marks, marks around tiny words, one giant paragraph,
// thousands of names, deep nesting, openers that never close.
var adversarialShapes = map[string]func(n int) string{
	// marks alone pair into no quotation, which the grammar skips; after
	// one quotation they are a paragraph of a million tokens it reads
	"marks":            func(n int) string { return strings.Repeat("\"", n) },
	"quote-then-marks": func(n int) string { return "\"We will win,\" said Ilse Varga. " + strings.Repeat("\"", n) },
	"apostrophes":      func(n int) string { return strings.Repeat("''a'' '", n/7) },
	"marked-words":     func(n int) string { return strings.Repeat("\"a\" ", n/4) },
	"attributed": func(n int) string {
		return strings.Repeat("\"We will win,\" said Ilse Varga and ", n/34)
	},
	"giant-paragraph": func(n int) string {
		return strings.Repeat("Ilse Varga, a hydrologist, said the dam is \"safe and sound\" and she added that \"it will hold.\" ", n/95)
	},
	"many-paragraphs": func(n int) string {
		return strings.Repeat("Ilse Varga, a hydrologist, said the dam is \"safe.\"\n\n\"It will hold,\" she said.\n\n", n/80)
	},
	"names": func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "Anna Berg%c%c met Tom Ode%c%c, who said he \"agreed.\" ", 'a'+i%26, 'a'+i/26%26, 'a'+i/676%26, 'a'+i%13)
		}
		return b.String()
	},
	"nesting":     func(n int) string { return strings.Repeat("\u201c\u2018", n/6) + "x" },
	"open-quotes": func(n int) string { return strings.Repeat("\u201cHe said ", n/12) },
	"pronouns": func(n int) string {
		return "Ilse Varga spoke. " + strings.Repeat("She said \"yes\" and he said \"no\" and they said \"maybe.\" ", n/60)
	},
}

// TestWorkGrowsLinearly holds the extractor's cost linear: doubling an
// adversarial input at most (a little more than) doubles the work counted
// by the look-backs, and the work per byte stays small.
func TestWorkGrowsLinearly(t *testing.T) {
	const n = 100_000
	for name, gen := range adversarialShapes {
		t.Run(name, func(t *testing.T) {
			quotes := 0
			work := func(size int) int {
				doc := article.New("shape.txt", gen(size))
				w := defaultExtractor.extract(doc).work
				quotes = len(doc.Quotes)
				return w
			}
			w1, w2 := work(n), work(2*n)
			if quotes > 0 {
				assert.Positive(t, w1, "a story with quotations goes through the grammar")
			} else {
				assert.Zero(t, w1+w2, "a story without quotations skips the grammar")
			}
			assert.LessOrEqual(t, float64(w2), 2.2*float64(w1)+1000, "work %d for %d bytes, %d for %d", w1, n, w2, 2*n)
			assert.LessOrEqual(t, w2, 50*2*n, "work per byte")
		})
	}
}

// BenchmarkAdversarial times the shapes of TestWorkGrowsLinearly at 1 and
// 2 MB: the 2 MB time should be about twice the 1 MB time.
func BenchmarkAdversarial(b *testing.B) {
	for _, name := range []string{"marks", "quote-then-marks", "apostrophes", "marked-words", "attributed", "giant-paragraph", "names", "nesting", "open-quotes", "pronouns"} {
		for _, size := range []int{1 << 20, 2 << 20} {
			text := adversarialShapes[name](size)
			b.Run(fmt.Sprintf("%s/%dMB", name, size>>20), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					Extract(article.New("shape.txt", text))
				}
			})
		}
	}
}

// cancelAfter is a context that reports cancellation from its n-th Err call
// on: a deterministic stand-in for a deadline passing mid-document.
type cancelAfter struct {
	context.Context
	calls, n int
}

func (c *cancelAfter) Err() error {
	c.calls++
	if c.calls >= c.n {
		return context.Canceled
	}
	return nil
}

// TestCancelInsideGiantParagraph: one paragraph of a million marks stops
// soon after its context is cancelled, not at the paragraph's end.
func TestCancelInsideGiantParagraph(t *testing.T) {
	text := adversarialShapes["marked-words"](1 << 20)
	ctx := &cancelAfter{Context: context.Background(), n: 2}
	doc := article.New("shape.txt", text)
	x, err := defaultExtractor.extractContext(ctx, doc)
	assert.ErrorIs(t, err, context.Canceled)
	full := defaultExtractor.extract(article.New("shape.txt", text)).work
	assert.Less(t, x.work*10, full, "work before stopping %d of %d", x.work, full)
}
