package htmlreport

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/rules"
	"github.com/quotecheck/quotecheck/verify"
)

func newChecker(t testing.TB) *checker.Checker {
	t.Helper()
	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(t, err)
	return chk
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

// renderFile checks a story file (and an earlier version) and renders its
// report.
func renderFile(t testing.TB, path, against string) (string, Input) {
	t.Helper()
	chk := newChecker(t)
	in := Input{Result: ReadStory(chk, path, readFile(t, path), input.Options{}), Rules: rules.All(),
		Tool: report.Tool{Name: "quotecheck", Version: "test"}}
	require.NoError(t, in.Result.Err)
	if against != "" {
		old := ReadStory(chk, against, readFile(t, against), input.Options{})
		require.NoError(t, old.Err)
		in.Against = &old
		in.Changes = chk.Compare(old.Doc, in.Result.Doc)
	}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, in))
	return buf.String(), in
}

func parse(t testing.TB, page string) *html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	return root
}

func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

// assertInert checks that a page holds no script, handler or active URL
// but its own.
func assertInert(t *testing.T, page string) {
	t.Helper()
	root := parse(t, page)
	scripts := 0
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "script":
			scripts++
			assert.Equal(t, scriptText, textOf(n), "a script that is not the page's own")
		case "style":
			assert.Equal(t, styleText, textOf(n), "a style element that is not the page's own")
		case "img", "iframe", "svg", "object", "embed", "frame", "base", "link", "video", "audio", "math":
			t.Errorf("article markup became an element: <%s>", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("event-handler attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
			}
			if a.Key == "href" || a.Key == "src" || a.Key == "action" || a.Key == "srcdoc" {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if !strings.HasPrefix(v, "#") && v != "/report#title" {
					t.Errorf("<%s %s=%q>: only in-page links are expected", n.Data, a.Key, a.Val)
				}
			}
		}
	})
	assert.Equal(t, 1, scripts, "the page has exactly one script, its own")
}

func TestXSSSamplesRenderAsText(t *testing.T) {
	for _, name := range []string{"story.txt", "story.html", "story.md"} {
		t.Run(name, func(t *testing.T) {
			page, in := renderFile(t, filepath.Join("..", "testdata", "xss", name), "")
			assertInert(t, page)
			root := parse(t, page)
			var story *html.Node
			walk(root, func(n *html.Node) {
				if v, _ := attr(n, "id"); v == "story" {
					story = n
				}
			})
			require.NotNil(t, story)
			text := textOf(story)
			// The payload is there, as words a reader can see.
			assert.Contains(t, text, "window.__xss=1")
			if name != "story.md" {
				assert.Contains(t, text, "<script>")
			}
			// Every quotation is a mark, with the speaker in attributes.
			marks := 0
			walk(story, func(n *html.Node) {
				if n.Type == html.ElementNode && n.Data == "mark" {
					marks++
					id, _ := attr(n, "id")
					q := in.Result.Doc.QuoteByID(id)
					require.NotNil(t, q, "mark %s", id)
					sp, _ := attr(n, "data-speaker")
					if q.Speaker != nil {
						assert.Equal(t, q.Speaker.Name, sp)
					}
				}
			})
			assert.Equal(t, len(in.Result.Doc.Quotations()), marks)
		})
	}
}

func TestXSSInTitleAndForm(t *testing.T) {
	payload := `</title></textarea><script>window.__xss=1</script><img src=x onerror=alert(1)>`
	chk := newChecker(t)
	res := chk.CheckText("x.txt", `"Fine,`+payload+`" said Ana Ruiz.`)
	var buf bytes.Buffer
	in := &Input{Result: res, Rules: rules.All(), Title: payload}
	require.NoError(t, render(&buf, report.Tool{Name: "quotecheck"}, in, &Form{Text: payload, Against: payload, Error: payload, Format: `"><script>`}))
	assertInert(t, buf.String())
	has(t, buf.String(), "&lt;/textarea&gt;&lt;script&gt;")
}

func TestCSPHashesThePageOwnCode(t *testing.T) {
	page, _ := renderFile(t, filepath.Join("testdata", "versions", "v2.txt"), "")
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`).FindStringSubmatch(page)
	require.NotNil(t, m, "CSP meta")
	csp := html.UnescapeString(m[1])
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	style := regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindStringSubmatch(page)
	script := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindStringSubmatch(page)
	require.NotNil(t, style)
	require.NotNil(t, script)
	assert.Contains(t, csp, "script-src "+hash(script[1]))
	assert.Contains(t, csp, "style-src "+hash(style[1]))
	assert.Contains(t, csp, "default-src 'none'")
	assert.NotContains(t, csp, "unsafe-inline")
	// The CSP meta comes before the page's style and script.
	assert.Less(t, strings.Index(page, "Content-Security-Policy"), strings.Index(page, "<style>"))
}

func TestReportMarksEveryQuotation(t *testing.T) {
	page, in := renderFile(t, filepath.Join("testdata", "versions", "v2.txt"), "")
	root := parse(t, page)
	got := map[string][2]string{}
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "mark" {
			id, _ := attr(n, "id")
			sp, _ := attr(n, "data-speaker")
			typ, _ := attr(n, "data-type")
			label, _ := attr(n, "aria-label")
			tab, _ := attr(n, "tabindex")
			assert.Equal(t, "0", tab, "mark %s is focusable", id)
			assert.Contains(t, label, sp)
			got[id] = [2]string{sp, typ}
		}
	})
	qs := in.Result.Doc.Quotations()
	require.Len(t, got, len(qs))
	for _, q := range qs {
		want := [2]string{"", "none"}
		if q.Speaker != nil {
			want = [2]string{q.Speaker.Name, string(q.Speaker.Type)}
		}
		assert.Equal(t, want, got[q.ID], q.ID)
	}
	assert.Equal(t, [2]string{"a committee member", "anonymous"}, got["q6"])
	assert.Equal(t, [2]string{"Marguerite Olsen", "person"}, got["q1"])
	// Every byte of every paragraph is on the page, in order: the text of
	// each paragraph element (less the labels and tooltips the page adds)
	// is the paragraph.
	var paras []string
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "p" && hasClass(n, "para") {
			paras = append(paras, storyText(n))
		}
	})
	doc := in.Result.Doc
	require.Len(t, paras, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		assert.Equal(t, doc.Slice(p.Span), paras[i])
	}
}

// storyText is the text of a paragraph without the chips, change links
// and tooltips the page adds.
func storyText(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode && (hasClass(n, "chip") || hasClass(n, "tip") || hasClass(n, "chg") || hasClass(n, "vlink")) {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

func TestReportFindingsAndRoster(t *testing.T) {
	page, in := renderFile(t, filepath.Join("..", "testdata", "xss", "story.txt"), "")
	root := parse(t, page)
	var findings []string
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && hasClass(n, "finding") {
			id, _ := attr(n, "id")
			findings = append(findings, id)
			tab, _ := attr(n, "tabindex")
			assert.Equal(t, "-1", tab)
		}
	})
	require.Len(t, findings, len(in.Result.Findings))
	for i, id := range findings {
		assert.Equal(t, "f"+strconv.Itoa(i+1), id, "findings are numbered in page order")
	}
	// Each finding sits in the aside of its paragraph, with its rule's
	// title and rationale.
	has(t, page, `<aside class="notes" aria-label="Findings for paragraph`)
	has(t, page, html.EscapeString(rules.AnonymousSource.Rationale))
	has(t, page, `id="rule-anonymous-source"`)
	// The roster lists the anonymous source with no reason given.
	has(t, page, "a council official")
	has(t, page, "✗ not given")
	// The skip links and the key help are there.
	has(t, page, `href="#story"`)
	has(t, page, `href="#f1"`)
	has(t, page, "<kbd>j</kbd>")
}

func TestReportWithChanges(t *testing.T) {
	page, in := renderFile(t, filepath.Join("testdata", "versions", "v2.txt"), filepath.Join("testdata", "versions", "v1.txt"))
	require.NotEmpty(t, in.Changes)
	assertInert(t, page)
	has(t, page, `id="changes"`)
	has(t, page, `<ins><span class="sr">[inserted: </span>a penny of <span class="sr">]</span></ins>`)
	has(t, page, `<del><span class="sr">[deleted: </span>properly <span class="sr">]</span></del>`)
	has(t, page, "Another storm like February")
	has(t, page, `data-change="speaker-changed"`)
	has(t, page, `data-change="added"`)
	for _, label := range []string{"words changed", "removed", "added", "speaker changed"} {
		has(t, page, `<span class="chip chtype">`+label+`</span>`)
	}
}

func TestReportOfUnreadableStory(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, Input{Result: checker.Result{Path: "bad.txt", Err: article.ErrEmpty}}))
	has(t, buf.String(), "This story could not be read")
	assertInert(t, buf.String())
}

func TestSegmentKeepsEveryByteAndNests(t *testing.T) {
	text := "He said “one ‘two’ three” and “four”."
	span := article.Span{Start: 0, End: len(text)}
	qa := &QuoteView{ID: "qa"}
	qb := &QuoteView{ID: "qb"}
	i1 := strings.Index(text, "“one")
	i2 := strings.Index(text, "‘two’")
	i3 := strings.Index(text, "“four")
	ivs := []interval{
		{start: i1, end: strings.Index(text, " and"), kind: segQuote, quote: qa},
		{start: i2, end: i2 + len("‘two’"), kind: segTerm},
		{start: i3, end: len(text) - 1, kind: segQuote, quote: qb},
		// overlaps the end of qb and the text after it
		{start: len(text) - 4, end: len(text) + 10, kind: segFlag, flags: []string{"f1"}},
		// a cue covering the same bytes as the term nests inside it
		{start: i2, end: i2 + len("‘two’"), kind: segCue},
	}
	segs := segment(text, span, ivs)
	assert.Equal(t, text, flatten(segs))
	require.Len(t, segs, 5)
	assert.Equal(t, "quote", segs[1].Kind)
	assert.Equal(t, "term", segs[1].Children[1].Kind)
	assert.Equal(t, "cue", segs[1].Children[1].Children[0].Kind)

	// Random intervals: the text always comes back whole and in order.
	r := rand.New(rand.NewPCG(1, 2))
	long := strings.Repeat("ab “cd” é ", 30)
	for range 500 {
		var ivs []interval
		for range r.IntN(12) {
			a, b := r.IntN(len(long)+4)-2, r.IntN(len(long)+4)-2
			if a > b {
				a, b = b, a
			}
			ivs = append(ivs, interval{start: a, end: b, kind: segKind(1 + r.IntN(5)), quote: qa})
		}
		s := article.Span{Start: r.IntN(len(long) / 2), End: len(long)/2 + r.IntN(len(long)/2)}
		assert.Equal(t, long[s.Start:s.End], flatten(segment(long, s, ivs)))
	}
}

func flatten(segs []Seg) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
		b.WriteString(flatten(s.Children))
	}
	return b.String()
}

// has reports a missing string without printing the whole page.
func has(t *testing.T, page, want string) {
	t.Helper()
	if !strings.Contains(page, want) {
		t.Errorf("the page does not contain %q", want)
	}
}

// renderWithSources checks a story against sources and renders its
// report.
func renderWithSources(t *testing.T, story string, sources ...*verify.Source) (string, Input) {
	t.Helper()
	chk := newChecker(t).WithSources(verify.NewSet(sources...))
	in := Input{Result: ReadStory(chk, story, readFile(t, story), input.Options{}), Rules: rules.All(),
		Tool: report.Tool{Name: "quotecheck", Version: "test"}}
	require.NoError(t, in.Result.Err)
	require.NotEmpty(t, in.Result.Verifications)
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, in))
	return buf.String(), in
}

func readSource(t *testing.T, path string) *verify.Source {
	t.Helper()
	srcs, err := verify.ReadFile(path, input.Options{})
	require.NoError(t, err)
	require.Len(t, srcs, 1)
	return srcs[0]
}

// byID finds the element with an id.
func byID(root *html.Node, id string) *html.Node {
	var found *html.Node
	walk(root, func(n *html.Node) {
		if v, ok := attr(n, "id"); ok && v == id && found == nil {
			found = n
		}
	})
	return found
}

func TestReportWithRecord(t *testing.T) {
	dir := filepath.Join("..", "testdata", "verify", "bridge")
	srt := readSource(t, filepath.Join(dir, "briefing.srt"))
	page, in := renderWithSources(t, filepath.Join(dir, "story.txt"), srt)
	assertInert(t, page)
	root := parse(t, page)
	doc := in.Result.Doc

	// One record per verified quotation, in the paragraph of its quote,
	// after the paragraph's text, with the verdict in words.
	for _, v := range in.Result.Verifications {
		rec := byID(root, "v-"+v.Quote)
		require.NotNil(t, rec, "record of %s", v.Quote)
		assert.True(t, hasClass(rec, "record"))
		assert.True(t, hasClass(rec, "vd-"+verdictInfoOf(v.Verdict).Class), "%s is %s", v.Quote, v.Verdict)
		q := doc.QuoteByID(v.Quote)
		row := rec.Parent.Parent
		want := "p" + strconv.Itoa(paragraphOf(doc, q.Span.Start)+1)
		got, _ := attr(row, "id")
		assert.Equal(t, want, got, "%s sits under its paragraph", v.Quote)
		assert.Contains(t, textOf(rec), verdictInfoOf(v.Verdict).Label)
		// The quote's mark links to it and says the verdict.
		mark := byID(root, v.Quote)
		require.NotNil(t, mark)
		label, _ := attr(mark, "aria-label")
		assert.Contains(t, label, "in the sources: ")
		has(t, page, `href="#v-`+v.Quote+`"`)
	}
	// Paragraph text is still the story's, byte for byte.
	var paras []string
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "p" && hasClass(n, "para") {
			paras = append(paras, storyText(n))
		}
	})
	require.Len(t, paras, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		assert.Equal(t, doc.Slice(p.Span), paras[i])
	}

	// q4 changed "nine" to "six": the passage's place and caption time,
	// the word diff with the changes spelt out for screen readers, and
	// the change classed as meaning-bearing.
	q4 := byID(root, "v-q4")
	require.NotNil(t, q4)
	text := textOf(q4)
	p := srt.Doc.Position(in.Result.Verifications[3].Span.Start)
	assert.Contains(t, text, srt.Name+" line "+strconv.Itoa(p.Line)+":"+strconv.Itoa(p.Column))
	assert.Contains(t, text, "at 00:00:14.000")
	assert.Contains(t, text, "said by ENGINEER PRIYA NANDAKUMAR")
	assert.Contains(t, text, "[in the record only: nine")
	assert.Contains(t, text, "[in the story only: six")
	assert.Contains(t, text, "meaning number: record “nine” → story “six”")
	assert.True(t, hasClass(q4, "meaning"))
	var dels, inss int
	walk(q4, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "del" {
			dels++
		}
		if n.Type == html.ElementNode && n.Data == "ins" {
			inss++
		}
	})
	assert.Positive(t, dels)
	assert.Positive(t, inss)

	// Every verdict is counted in the summary.
	for _, label := range []string{"verbatim", "altered", "stitched", "not found"} {
		has(t, page, label+"</dt>")
	}
	// The roster says which source backs the speaker, and the verdicts.
	has(t, page, `<th scope="col">In the record</th>`)
	var cell *html.Node
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "td" && hasClass(n, "rec") && cell == nil {
			cell = n
		}
	})
	require.NotNil(t, cell)
	assert.Contains(t, textOf(cell), srt.Name)
	assert.Regexp(t, `\d+ verbatim`, textOf(cell))
}

func TestReportWithoutSourcesHasNoRecord(t *testing.T) {
	page, _ := renderFile(t, filepath.Join("..", "testdata", "verify", "bridge", "story.txt"), "")
	for _, absent := range []string{`class="record`, "In the record", `class="vlink`, `class="rlegend"`} {
		assert.False(t, strings.Contains(page, absent), "the page shows %q with no sources", absent)
	}
}

// TestRecordIsEscaped: a source's text and name are untrusted, as the
// story is; the passage shows markup as text and runs nothing.
func TestRecordIsEscaped(t *testing.T) {
	// Transcripts drop markup from their words, but the passage shows the
	// text between them.
	payload := `<script>window.__xss=1</script><img src=x onerror=alert(1)>`
	story := filepath.Join(t.TempDir(), "story.txt")
	require.NoError(t, os.WriteFile(story, []byte(`"We will open the pool today, not in May," said Lena Maris.`+"\n"), 0o644))
	src, err := verify.FromText(`notes"><img src=x onerror=alert(2)>.txt`, "MARIS: We will open the pool "+payload+" today, not in May.\n")
	require.NoError(t, err)
	page, in := renderWithSources(t, story, src)
	assertInert(t, page)
	require.Len(t, in.Result.Verifications, 1)
	rec := byID(parse(t, page), "v-q1")
	require.NotNil(t, rec)
	text := textOf(rec)
	assert.Contains(t, text, `notes"><img src=x onerror=alert(2)>.txt`)
	assert.Contains(t, text, "window.__xss=1")
}
