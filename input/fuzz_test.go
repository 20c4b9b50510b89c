package input_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/extract"
	"github.com/quotecheck/quotecheck/input"
)

// fuzzRead reads data in a format and holds every document it yields to
// the offset map contract; the extractor's spans must stay in the text.
func fuzzRead(t *testing.T, format input.Format, data []byte) {
	recs, err := input.Read("fuzz", data, input.Options{Format: format, MaxSize: 1 << 20})
	if err != nil {
		if err.Error() == "" {
			t.Fatal("error with no message")
		}
		return
	}
	for _, r := range recs {
		if r.Err != nil {
			if r.Err.Error() == "" || r.Line < 1 {
				t.Fatalf("record error %q on line %d", r.Err, r.Line)
			}
			continue
		}
		doc := r.Doc
		checkMap(t, doc)
		extract.Extract(doc)
		inText := func(s article.Span) {
			// The extractor can leave an inverted, empty mention span
			// (plain text too: "the A0000000,A0 A sAid \"0"); only the
			// bounds are held here.
			if s.Start < 0 || s.End > len(doc.Text) || s.Start > len(doc.Text) || s.End < 0 {
				t.Fatalf("span %v outside text of %d bytes", s, len(doc.Text))
			}
			p := doc.Position(s.Start)
			if p.Line < 1 || p.Column < 1 {
				t.Fatalf("bad position %+v", p)
			}
		}
		for i := range doc.Quotes {
			q := &doc.Quotes[i]
			inText(q.Span)
			inText(q.Open)
			if q.Speaker != nil {
				inText(q.Speaker.MentionSpan)
			}
		}
	}
}

func addSeeds(f *testing.F, pattern string, extra ...string) {
	files, _ := filepath.Glob(filepath.Join(inputs, pattern))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

func FuzzMarkdown(f *testing.F) {
	addSeeds(f, "*.md",
		"---\na: b\n---\n# H\n\n> \"q,\" said X.\n",
		"- a\n  - b\n\n```\ncode\n```\n<!-- c -->\n",
		"&amp; \\* [l](u) ![i](s) <b>x</b> `c` &#1114111; &#x0;\n",
		"+++\nx = 1\n+++\ntext\n",
		"a\\\nb  \nc\n===\n")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, input.Markdown, data) })
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, "*.html",
		"<p>a &amp; b &copy2031 &notit; <q>x</q><br><br>c</p>",
		"<article><header>h</header><p>t</p></article><main>m</main>",
		"<pre>a\n b</pre><script>x</script><nav>n<p>p</nav>",
		"<p>unclosed <b>bold <i>x</p></div></span><li>y",
		"<svg><title>t</title></svg><div hidden>h</div>&",
		"<!doctype html><html><head><title>T</title><meta name=author content=A></head><body>B</body></html>")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, input.HTML, data) })
}

func FuzzJSON(f *testing.F) {
	addSeeds(f, "*.jsonl",
		`{"id":"a","text":"He said \"hi\"\n\u2019 \ud83d\ude00 \ud800 x"}`,
		"[{\"text\":\"a\"},\n{\"body\":\"b\",\"id\":1}]",
		"{\"text\":\"a\"}\n{\"text\":\"b\n{\"text\":\"c\"}\n",
		`{"text":"x","author":{"name":"A"},"section":["s","t"],"version":1.5}`,
		`{"story":{"body":"nested"}}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, input.JSONL, data)
		fuzzRead(t, input.JSON, data)
	})
}
