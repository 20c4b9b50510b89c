package input_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/input"
)

// checkMap holds a document's offset map to its contract: every offset of
// the text maps inside the source, and every ASCII letter or digit maps to
// the same letter, or to the '&' or '\' its entity or escape starts with.
func checkMap(t testing.TB, doc *article.Document) {
	t.Helper()
	for _, p := range doc.Paragraphs {
		if p.Start < 0 || p.End > len(doc.Text) || p.Start > p.End {
			t.Fatalf("paragraph %v outside text of %d bytes", p.Span, len(doc.Text))
		}
	}
	if doc.SourceMap == nil {
		return
	}
	for i := 0; i <= len(doc.Text); i++ {
		o := doc.SourceMap.SourceOffset(i)
		if o < 0 || o > len(doc.Source) {
			t.Fatalf("text offset %d maps to %d, outside the source of %d bytes", i, o, len(doc.Source))
		}
		if i == len(doc.Text) {
			break
		}
		c := doc.Text[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			continue
		}
		if o == len(doc.Source) || doc.Source[o] != c && doc.Source[o] != '&' && doc.Source[o] != '\\' {
			got := "end of source"
			if o < len(doc.Source) {
				got = string(doc.Source[o])
			}
			t.Fatalf("text %q at %d maps to %q at source offset %d", c, i, got, o)
		}
	}
	doc.Position(0)
	doc.Position(len(doc.Text))
}

// sourceAt is the source text at the place text offset i maps to.
func sourceAt(doc *article.Document, i int) string {
	return doc.Source[doc.SourceMap.SourceOffset(i):]
}

func readOne(t *testing.T, format input.Format, src string) *article.Document {
	t.Helper()
	recs, err := input.Read("t", []byte(src), input.Options{Format: format})
	require.NoError(t, err)
	require.Len(t, recs, 1)
	require.NoError(t, recs[0].Err)
	checkMap(t, recs[0].Doc)
	return recs[0].Doc
}

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"front matter left out", "---\ntitle: A\nauthor: B\n---\n# Head\n\nBody text.\n", "Head\n\nBody text."},
		{"TOML front matter left out", "+++\ntitle = \"A\"\n+++\nBody text.\n", "Body text."},
		{"unterminated front matter is text", "---\ntitle: x\n\nBody.\n", "title: x\n\nBody."},
		{"bad YAML still left out", "---\n: [\n---\nBody.\n", "Body."},
		{"code blocks left out", "Before.\n\n```go\n\"x,\" said Y.\n```\n\n    indented \"code\"\n\nAfter.\n", "Before.\n\nAfter."},
		{"HTML comments left out", "A.\n\n<!-- \"hidden,\" said Z. -->\n\nB <!-- inline --> c.\n", "A.\n\nB  c."},
		{"entities and escapes decoded", "Tom &amp; Jerry said \\\"hi\\\" &#8220;x&#x201D; &rsquo;\n", "Tom & Jerry said \"hi\" \u201cx\u201d \u2019"},
		{"unknown entity kept", "AT&T &bogus; & co &amp0;\n", "AT&T &bogus; & co &amp0;"},
		{"list items are paragraphs", "Intro:\n\n- one\n- two\n  1. nested\n", "Intro:\n\none\n\ntwo\n\nnested"},
		{"blockquote lines kept together", "> a \"quote\n> goes on,\" she said.\n", "a \"quote\ngoes on,\" she said."},
		{"inline markup dropped", "[the text](http://x.example) *em* **strong** `code`\n", "the text em strong code"},
		{"images and autolinks dropped", "![alt text](x.png)Caption <https://x.example>.\n", "Caption ."},
		{"setext heading", "Head\n====\n\nBody.\n", "Head\n\nBody."},
		{"hard line break", "one  \ntwo\\\nthree\n", "one\ntwo\nthree"},
		{"thematic break separates", "a\n\n***\n\nb\n", "a\n\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readOne(t, input.Markdown, tt.src)
			assert.Equal(t, tt.want, doc.Text)
		})
	}
}

func TestMarkdownPositions(t *testing.T) {
	src := "---\nid: x\n---\n\n> Quoted \\\"word\\\" &amp; more\n> second line\n\n- item &#8220;here\n"
	doc := readOne(t, input.Markdown, src)
	require.Equal(t, "Quoted \"word\" & more\nsecond line\n\nitem \u201chere", doc.Text)
	tests := []struct {
		word      string
		line, col int
		source    string // what the source holds there
	}{
		{"Quoted", 5, 3, "Quoted"},
		{"\"word", 5, 10, "\\\"word"},
		{"word", 5, 12, "word"},
		{"& more", 5, 19, "&amp; more"},
		{"second", 6, 3, "second"},
		{"item", 8, 3, "item"},
		{"\u201chere", 8, 8, "&#8220;here"},
		{"here", 8, 15, "here"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			i := strings.Index(doc.Text, tt.word)
			require.GreaterOrEqual(t, i, 0)
			p := doc.Position(i)
			assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{p.Line, p.Column})
			assert.True(t, strings.HasPrefix(sourceAt(doc, i), tt.source), "maps to %q", clip(sourceAt(doc, i), 16))
		})
	}
	assert.Equal(t, "x", doc.ID)
}

func TestHTML(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"paragraphs and entities", "<p>a &amp; b &#8220;c&#x201d; d&rsquo;s</p><p>e</p>", "a & b \u201cc\u201d d\u2019s\n\ne"},
		{"boilerplate skipped", "<html><head><title>T</title><style>p{}</style></head><body><header>Site</header><nav>Menu</nav>" +
			"<p>Story.</p><script>var s = \"said\";</script><aside>Ad</aside><footer>Foot</footer></body></html>", "Story."},
		{"longest article chosen", "<article><p>Short.</p></article><article><h1>Head</h1><p>The longer story.</p></article>", "Head\n\nThe longer story."},
		{"article header kept", "<header>Site</header><article><header><h1>Head</h1></header><p>Body.</p><footer>By A.</footer></article>", "Head\n\nBody.\n\nBy A."},
		{"main without article", "<body><div>Promo</div><main><p>One.</p><p>Two.</p></main></body>", "One.\n\nTwo."},
		{"whitespace collapses", "<p>\n   a\n\t  b   <em> c </em>d\n</p>", "a b c d"},
		{"line breaks", "<p>a<br>b<br/><br>c</p>", "a\nb\n\nc"},
		{"q elements give quotation marks", "<p>He said <q>yes, <q>no</q></q>.</p>", "He said \u201cyes, \u2018no\u2019\u201d."},
		{"pre keeps whitespace", "<pre>a  b\n c</pre>", "a  b\n c"},
		{"hidden elements skipped", "<p>A.</p><div hidden>B.</div><div aria-hidden=\"true\">C.</div><div role=\"navigation\">D.</div><p style=\"display: none\">E.</p>", "A."},
		{"legacy entities", "<p>&copy2031 &notit; &bogus; AT&T &amp</p>", "\u00a92031 \u00acit; &bogus; AT&T &"},
		{"unclosed and stray tags", "<p>unclosed <b>bold <i>text</p></div></span><p>next<li>item", "unclosed bold text\n\nnext\n\nitem"},
		{"unclosed list items", "<ul><li>one<li>two<ul><li>inner</ul><li>three</ul>", "one\n\ntwo\n\ninner\n\nthree"},
		{"fragment", "Just text &amp; more", "Just text & more"},
		{"space entity collapses", "<p>a&#32;&#10; b</p>", "a b"},
		{"comments skipped", "<p>a<!-- \"x,\" said y -->b</p>", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readOne(t, input.HTML, tt.src)
			assert.Equal(t, tt.want, doc.Text)
		})
	}
}

func TestHTMLPositions(t *testing.T) {
	src := "<html>\n<body>\n  <p>First &ldquo;line\n     goes on</p>\n  <p>Caf&eacute; owner</p>\n</body>\n</html>\n"
	doc := readOne(t, input.HTML, src)
	require.Equal(t, "First \u201cline goes on\n\nCaf\u00e9 owner", doc.Text)
	tests := []struct {
		word      string
		line, col int
		source    string
	}{
		{"First", 3, 6, "First"},
		{"\u201cline", 3, 12, "&ldquo;line"},
		{"line", 3, 19, "line"},
		{" goes", 3, 23, "\n     goes"},
		{"goes", 4, 6, "goes"},
		{"Caf", 5, 6, "Caf"},
		{"\u00e9", 5, 9, "&eacute;"},
		{"owner", 5, 18, "owner"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			i := strings.Index(doc.Text, tt.word)
			require.GreaterOrEqual(t, i, 0)
			p := doc.Position(i)
			assert.Equal(t, [2]int{tt.line, tt.col}, [2]int{p.Line, p.Column})
			assert.True(t, strings.HasPrefix(sourceAt(doc, i), tt.source), "maps to %q", clip(sourceAt(doc, i), 16))
		})
	}
}

func TestHTMLErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      error
	}{
		{"only a script", "<html><head><script>document.write('story')</script></head><body></body></html>", input.ErrNoText},
		{"only navigation", "<nav><a href=x>Home</a></nav>", input.ErrNoText},
		{"empty", "  \n", article.ErrEmpty},
		{"binary", "<p>\x00\x01\x02</p>", article.ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := input.Read("page.html", []byte(tt.src), input.Options{})
			assert.ErrorIs(t, err, tt.want)
		})
	}
	_, err := input.Read("page.html", []byte("<p>caf\xe9</p>"), input.Options{})
	var bad *article.InvalidUTF8Error
	assert.ErrorAs(t, err, &bad)
}

func TestJSONLines(t *testing.T) {
	type rec struct {
		line      int
		id, text  string
		errSubstr string
	}
	tests := []struct {
		name   string
		src    string
		fields []string
		max    int64
		want   []rec
	}{
		{"escapes", `{"id":"a","text":"He said \"hi\"\nand \u2019 \ud83d\ude00 \/ left"}`, nil, 0,
			[]rec{{1, "a", "He said \"hi\"\nand \u2019 \U0001F600 / left", ""}}},
		{"body when no text", `{"id":7,"body":"B."}`, nil, 0, []rec{{1, "7", "B.", ""}}},
		{"text wins over body", `{"body":"B.","text":"T."}`, nil, 0, []rec{{1, "t#1", "T.", ""}}},
		{"configured fields", `{"guid":"g1","story":{"content":"Nested."}}`, []string{"id=guid", "text=story.content"}, 0,
			[]rec{{1, "g1", "Nested.", ""}}},
		{"blank lines, CRLF and BOM", "\xEF\xBB\xBF{\"text\":\"One.\"}\r\n\r\n  \n{\"text\":\"Two.\"}\r\n", nil, 0,
			[]rec{{1, "t#1", "One.", ""}, {4, "t#4", "Two.", ""}}},
		{"broken line in the middle", "{\"id\":\"a\",\"text\":\"A.\"}\n{\"id\":\"b\",\"text\":\"B\n{\"id\":\"c\",\"text\":\"C.\"}\n", nil, 0,
			[]rec{{1, "a", "A.", ""}, {2, "", "", "line 2, column 20: invalid JSON"}, {3, "c", "C.", ""}}},
		{"no text field", `{"id":"a","headline":"H"}`, nil, 0, []rec{{1, "", "", `line 1: record has no "text" or "body" field`}}},
		{"text not a string", `{"text":["a"]}`, nil, 0, []rec{{1, "", "", `field "text" is not a string`}}},
		{"empty text", `{"text":"  "}`, nil, 0, []rec{{1, "", "", "no article text"}}},
		{"not an object", `[1,2]`, nil, 0, []rec{{1, "", "", "line 1: record is not a JSON object"}}},
		{"two values on a line", `{"text":"a"} {"text":"b"}`, nil, 0, []rec{{1, "", "", "line 1, column 14: invalid JSON: more than one value"}}},
		{"syntax error", `{"text" "a"}`, nil, 0, []rec{{1, "", "", "line 1, column 9: invalid JSON: invalid character"}}},
		{"invalid UTF-8", "{\"text\":\"caf\xe9\"}", nil, 0, []rec{{1, "", "", "line 1, column 13: invalid UTF-8"}}},
		{"record too long", "{\"text\":\"" + strings.Repeat("x", 100) + "\"}\n{\"text\":\"ok\"}", nil, 50,
			[]rec{{1, "", "", "line 1: record longer than the 50 byte limit"}, {2, "t#2", "ok", ""}}},
		{"record too long, then a CRLF line", strings.Repeat(" ", 70000) + "x\r\n{\"text\":\"ok\"}\r\n", nil, 1000,
			[]rec{{1, "", "", "line 1: record longer than the 1000 byte limit"}, {2, "t#2", "ok", ""}}},
		{"first duplicate key wins", `{"text":"first","text":"second"}`, nil, 0, []rec{{1, "t#1", "first", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := input.Options{Format: input.JSONL, MaxSize: tt.max}
			for _, f := range tt.fields {
				require.NoError(t, opt.Fields.SetField(f))
			}
			var got []rec
			err := input.Records(strings.NewReader(tt.src), "t.jsonl", opt, func(r input.Record) error {
				g := rec{line: r.Line}
				if r.Err != nil {
					g.errSubstr = r.Err.Error()
				} else {
					checkMap(t, r.Doc)
					g.id, g.text = r.Doc.ID, r.Doc.Text
					// SourceStart places the record's line in the input.
					assert.True(t, strings.HasPrefix(tt.src[r.Doc.SourceStart:], r.Doc.Source), "source of line %d", r.Line)
				}
				got = append(got, g)
				return nil
			})
			require.NoError(t, err)
			require.Len(t, got, len(tt.want))
			for i, w := range tt.want {
				assert.Equal(t, w.line, got[i].line, "record %d line", i)
				if w.errSubstr != "" {
					assert.Contains(t, got[i].errSubstr, w.errSubstr, "record %d", i)
					continue
				}
				assert.Empty(t, got[i].errSubstr, "record %d", i)
				assert.Equal(t, w.id, got[i].id, "record %d id", i)
				assert.Equal(t, w.text, got[i].text, "record %d text", i)
			}
		})
	}
}

func TestJSONLinesPositions(t *testing.T) {
	src := "{\"text\":\"First.\"}\n{\"id\":\"x\",\"text\":\"A \\\"quote\\\" \\u201cmark\\u201d and \u00e9t\u00e9 end\"}\n"
	recs, err := input.Read("a.jsonl", []byte(src), input.Options{})
	require.NoError(t, err)
	require.Len(t, recs, 2)
	doc := recs[1].Doc
	require.Equal(t, "A \"quote\" \u201cmark\u201d and \u00e9t\u00e9 end", doc.Text)
	assert.Equal(t, 2, doc.SourceLine)
	assert.Equal(t, strings.Index(src, "\n")+1, doc.SourceStart)
	line2 := src[doc.SourceStart:]
	tests := []struct {
		word   string
		source string // unique in line 2: where the word must map
	}{
		{"A ", "A \\"},
		{"\"quote", "\\\"quote"},
		{"quote", "quote"},
		{"\u201cmark", "\\u201cmark"},
		{"mark", "mark\\u201d"},
		{"and", "and"},
		{"end", "end"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			require.Equal(t, 1, strings.Count(line2, tt.source))
			col := utf8.RuneCountInString(line2[:strings.Index(line2, tt.source)]) + 1
			i := strings.Index(doc.Text, tt.word)
			require.GreaterOrEqual(t, i, 0)
			p := doc.Position(i)
			assert.Equal(t, [2]int{2, col}, [2]int{p.Line, p.Column})
			assert.True(t, strings.HasPrefix(sourceAt(doc, i), tt.source), "maps to %q", clip(sourceAt(doc, i), 16))
		})
	}
}

func TestJSONFile(t *testing.T) {
	pretty := "[\n  {\n    \"id\": \"one\",\n    \"text\": \"First story.\"\n  },\n  {\n    \"id\": \"two\",\n    \"version\": 4,\n    \"text\": \"Second \\\"story\\\".\"\n  }\n]\n"
	recs, err := input.Read("a.json", []byte(pretty), input.Options{})
	require.NoError(t, err)
	require.Len(t, recs, 2)
	for _, r := range recs {
		require.NoError(t, r.Err)
		checkMap(t, r.Doc)
	}
	assert.Equal(t, []string{"one", "two"}, []string{recs[0].Doc.ID, recs[1].Doc.ID})
	assert.Equal(t, "4", recs[1].Doc.Version)
	assert.Equal(t, []int{2, 6}, []int{recs[0].Line, recs[1].Line})
	doc := recs[1].Doc
	i := strings.Index(doc.Text, "story")
	p := doc.Position(i)
	assert.Equal(t, [2]int{9, 23}, [2]int{p.Line, p.Column}) // `    "text": "Second \"story`

	single := "{\"text\": \"Only.\"}"
	recs, err = input.Read("b.json", []byte(single), input.Options{})
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Equal(t, "Only.", recs[0].Doc.Text)
	assert.Equal(t, "b#1", recs[0].Doc.ID)

	// A syntax error stops the file after the records before it.
	broken := "[\n{\"text\": \"Good.\"},\n{\"text\": \"Bad\" \"x\"},\n{\"text\": \"Lost.\"}\n]"
	recs, err = input.Read("c.json", []byte(broken), input.Options{})
	require.NoError(t, err)
	require.Len(t, recs, 2)
	assert.NoError(t, recs[0].Err)
	require.Error(t, recs[1].Err)
	assert.Contains(t, recs[1].Err.Error(), "line 3, column 16: invalid JSON")

	_, err = input.Read("d.json", []byte("\"just a string\""), input.Options{})
	assert.ErrorContains(t, err, "line 1, column 1: expected a record object")
	_, err = input.Read("e.json", []byte("[1]"), input.Options{})
	assert.ErrorContains(t, err, "array element is not a record object")
	_, err = input.Read("f.json", []byte("[]"), input.Options{})
	assert.ErrorIs(t, err, input.ErrNoText)
}

func TestRecordsEmptyAndBinary(t *testing.T) {
	err := input.Records(strings.NewReader("\n\n"), "x.jsonl", input.Options{}, func(input.Record) error { return nil })
	assert.ErrorIs(t, err, article.ErrEmpty)
	err = input.Records(strings.NewReader("{\"text\":\"a\x00\"}\n"), "x.jsonl", input.Options{}, func(input.Record) error { return nil })
	assert.ErrorIs(t, err, article.ErrBinary)
	stop := errors.New("stop")
	n := 0
	err = input.Records(strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"), "x.jsonl", input.Options{}, func(input.Record) error {
		n++
		return stop
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 1, n)
}

// TestRecordsStreams reads a JSON Lines archive far larger than the size
// limit: the limit applies per record.
func TestRecordsStreams(t *testing.T) {
	var buf bytes.Buffer
	line, err := json.Marshal(map[string]string{"text": "A short story, told again and again."})
	require.NoError(t, err)
	for buf.Len() < 200_000 {
		buf.Write(line)
		buf.WriteByte('\n')
	}
	n := 0
	err = input.Records(&buf, "big.jsonl", input.Options{MaxSize: 1000}, func(r input.Record) error {
		require.NoError(t, r.Err)
		n++
		return nil
	})
	require.NoError(t, err)
	assert.Greater(t, n, 4000)
}

func TestFormats(t *testing.T) {
	tests := []struct {
		path, content string
		forced        input.Format
		want          input.Format
	}{
		{"a.txt", "<html>", "", input.Text},
		{"a.TXT", "x", "", input.Text},
		{"a.md", "x", "", input.Markdown},
		{"a.markdown", "x", "", input.Markdown},
		{"a.html", "x", "", input.HTML},
		{"a.HTM", "x", "", input.HTML},
		{"a.json", "x", "", input.JSON},
		{"a.jsonl", "x", "", input.JSONL},
		{"a.ndjson", "x", "", input.JSONL},
		{"-", "<!DOCTYPE html><p>x", "", input.HTML},
		{"-", "  <html><p>x", "", input.HTML},
		{"-", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", "", input.JSONL},
		{"-", "{\n  \"text\": \"a\"\n}\n", "", input.JSON},
		{"-", "[{\"text\":\"a\"}]", "", input.JSON},
		{"-", "Plain story.", "", input.Text},
		{"-", "[Updated] Plain story.", "", input.Text},
		{"-", "{Sic} Plain story.", "", input.Text},
		{"-", "[\n  {\"text\": \"a\"}]", "", input.JSON},
		{"story", "Plain story.", input.Auto, input.Text},
		{"a.txt", "x", input.Markdown, input.Markdown},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.content, func(t *testing.T) {
			assert.Equal(t, tt.want, input.Options{Format: tt.forced}.Resolve(tt.path, []byte(tt.content)))
		})
	}
}

func TestParseFormat(t *testing.T) {
	for s, want := range map[string]input.Format{"": input.Auto, "auto": input.Auto, "md": input.Markdown, "Markdown": input.Markdown,
		"txt": input.Text, "html": input.HTML, "htm": input.HTML, "json": input.JSON, "jsonl": input.JSONL, "ndjson": input.JSONL} {
		got, err := input.ParseFormat(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
	_, err := input.ParseFormat("xml")
	assert.ErrorContains(t, err, `unknown input format "xml"`)
}

func TestSetField(t *testing.T) {
	var f input.Fields
	require.NoError(t, f.SetField("text=content"))
	require.NoError(t, f.SetField(" ID = guid "))
	assert.Equal(t, input.Fields{Text: "content", ID: "guid"}, f)
	assert.ErrorContains(t, f.SetField("bogus=x"), `unknown name "bogus"`)
	assert.ErrorContains(t, f.SetField("text"), "want NAME=FIELD")
	assert.ErrorContains(t, f.SetField("text="), "want NAME=FIELD")
}

func TestInvalidUTF8Column(t *testing.T) {
	// The column counts characters before the bad byte.
	recs, err := input.Read("x.jsonl", []byte("{\"text\":\"\u00e9\u00e9\xff\"}"), input.Options{})
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Contains(t, recs[0].Err.Error(), "column "+itoa(utf8.RuneCountInString("{\"text\":\"\u00e9\u00e9")+1))
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
