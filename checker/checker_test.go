package checker_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/rules"
)

func newChecker(t testing.TB, cfg checker.Config) *checker.Checker {
	t.Helper()
	c, err := checker.New(rules.All(), cfg)
	require.NoError(t, err)
	return c
}

// ruleIDs lists the rule of each finding.
func ruleIDs(fs []checker.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

func quoteTexts(doc *article.Document) []string {
	out := []string{}
	for i := range doc.Quotes {
		out = append(out, doc.QuoteText(&doc.Quotes[i]))
	}
	return out
}

func noop(*checker.Pass) {}

func TestNew(t *testing.T) {
	ok := &checker.Rule{ID: "good-rule", Severity: checker.Info, Run: noop}
	tests := []struct {
		name    string
		rules   []*checker.Rule
		cfg     checker.Config
		wantErr string
	}{
		{"all rules", rules.All(), checker.Config{}, ""},
		{"no rules", nil, checker.Config{}, ""},
		{"upper case id", []*checker.Rule{{ID: "Bad-Rule", Severity: checker.Info, Run: noop}}, checker.Config{}, "not kebab-case"},
		{"underscore id", []*checker.Rule{{ID: "bad_rule", Severity: checker.Info, Run: noop}}, checker.Config{}, "not kebab-case"},
		{"trailing dash", []*checker.Rule{{ID: "bad-", Severity: checker.Info, Run: noop}}, checker.Config{}, "not kebab-case"},
		{"empty id", []*checker.Rule{{ID: "", Severity: checker.Info, Run: noop}}, checker.Config{}, "not kebab-case"},
		{"duplicate", []*checker.Rule{ok, ok}, checker.Config{}, "registered twice"},
		{"no run", []*checker.Rule{{ID: "no-run", Severity: checker.Info}}, checker.Config{}, "no Run function"},
		{"no severity", []*checker.Rule{{ID: "no-sev", Run: noop}}, checker.Config{}, "default severity"},
		{"unknown disabled", []*checker.Rule{ok}, checker.Config{Disabled: map[string]bool{"nope": true}}, `unknown rule "nope"`},
		{"unknown severity override", []*checker.Rule{ok}, checker.Config{Severity: map[string]checker.Severity{"nope": checker.Error}}, `unknown rule "nope"`},
		{"known overrides", []*checker.Rule{ok}, checker.Config{Disabled: map[string]bool{"good-rule": true}, Severity: map[string]checker.Severity{"good-rule": checker.Error}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := checker.New(tt.rules, tt.cfg)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.Nil(t, c)
				return
			}
			require.NoError(t, err)
			assert.Len(t, c.Rules(), len(tt.rules))
		})
	}
}

func TestSeverity(t *testing.T) {
	tests := []struct {
		in      string
		want    checker.Severity
		wantErr bool
	}{
		{"error", checker.Error, false},
		{"ERROR", checker.Error, false},
		{" warning ", checker.Warning, false},
		{"warn", checker.Warning, false},
		{"info", checker.Info, false},
		{"note", checker.Info, false},
		{"fatal", 0, true},
		{"", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := checker.ParseSeverity(tt.in)
			if tt.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			text, err := got.MarshalText()
			require.NoError(t, err)
			var back checker.Severity
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, got, back)
		})
	}
	assert.True(t, checker.Info < checker.Warning && checker.Warning < checker.Error)
	assert.Equal(t, "unknown", checker.Severity(0).String())
}

func TestConfigDisableAndSeverity(t *testing.T) {
	text := `"The deal is dead," a senior official said.`
	base := newChecker(t, checker.Config{}).CheckText("a.txt", text)
	// in the order of their places: the quotation, then the words that
	// introduce the source
	assert.Equal(t, []string{"anonymous-source", "anonymous-no-reason"}, ruleIDs(base.Findings))
	for _, f := range base.Findings {
		assert.Equal(t, checker.Warning, f.Severity)
	}

	got := newChecker(t, checker.Config{Disabled: map[string]bool{"anonymous-no-reason": true}}).CheckText("a.txt", text)
	assert.Equal(t, []string{"anonymous-source"}, ruleIDs(got.Findings))

	c := newChecker(t, checker.Config{Severity: map[string]checker.Severity{"anonymous-source": checker.Error}})
	got = c.CheckText("a.txt", text)
	require.Len(t, got.Findings, 2)
	assert.Equal(t, checker.Error, got.Findings[0].Severity)
	assert.Equal(t, checker.Warning, got.Findings[1].Severity)

	// the rules a caller gets are a copy: reordering them leaves each
	// rule with its own configuration
	list := c.Rules()
	slices.Reverse(list)
	assert.Equal(t, got.Findings, c.CheckText("a.txt", text).Findings)
}

// TestPassAndOrder checks what the engine adds to a finding (rule id,
// default severity) and that findings come out sorted by position, then
// rule id.
func TestPassAndOrder(t *testing.T) {
	late := &checker.Rule{ID: "b-late", Severity: checker.Warning, Run: func(p *checker.Pass) {
		p.Reportf(article.Span{Start: 9, End: 10}, "", "late %d", 9)
		p.Report(checker.Finding{Span: article.Span{Start: 0, End: 1}, Message: "early", Severity: checker.Error})
	}}
	early := &checker.Rule{ID: "a-early", Severity: checker.Info, Run: func(p *checker.Pass) {
		assert.Equal(t, "a-early", p.Rule.ID)
		assert.NotNil(t, p.Doc)
		p.Reportf(article.Span{Start: 0, End: 2}, "q1", "same start")
	}}
	c, err := checker.New([]*checker.Rule{late, early}, checker.Config{})
	require.NoError(t, err)
	res := c.CheckText("x.txt", "Some plain narration here.")
	require.Len(t, res.Findings, 3)
	assert.Equal(t, checker.Finding{Rule: "a-early", Severity: checker.Info, Message: "same start", Quote: "q1", Span: article.Span{Start: 0, End: 2}}, res.Findings[0])
	assert.Equal(t, checker.Finding{Rule: "b-late", Severity: checker.Error, Message: "early", Span: article.Span{Start: 0, End: 1}}, res.Findings[1])
	assert.Equal(t, checker.Finding{Rule: "b-late", Severity: checker.Warning, Message: "late 9", Span: article.Span{Start: 9, End: 10}}, res.Findings[2])
}

func TestCheckBytesBadInput(t *testing.T) {
	c := newChecker(t, checker.Config{})
	tests := []struct {
		name    string
		in      []byte
		is      error
		utf8    *article.InvalidUTF8Error
		message []string
	}{
		{name: "NUL bytes", in: []byte("\"Hi,\" she said.\x00\x00\x00"), is: article.ErrBinary, message: []string{"binary"}},
		{name: "image header", in: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), is: article.ErrBinary},
		{name: "empty", in: []byte{}, is: article.ErrEmpty, message: []string{"empty"}},
		{name: "whitespace only", in: []byte("\n\n   \t\r\n"), is: article.ErrEmpty},
		{name: "BOM only", in: []byte("\uFEFF\n"), is: article.ErrEmpty},
		{
			name:    "invalid UTF-8 on line 3",
			in:      []byte("Headline\n\n\"Caf\xe9 prices rose,\" said Ines Calloway.\n"),
			utf8:    &article.InvalidUTF8Error{Offset: 14, Line: 3, Column: 5},
			message: []string{"invalid UTF-8", "byte 14", "line 3", "column 5"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.CheckBytes("bad.txt", tt.in)
			require.Error(t, res.Err)
			assert.Equal(t, "bad.txt", res.Path)
			assert.Nil(t, res.Doc)
			assert.Empty(t, res.Findings)
			if tt.is != nil {
				assert.ErrorIs(t, res.Err, tt.is)
			}
			if tt.utf8 != nil {
				var ie *article.InvalidUTF8Error
				require.ErrorAs(t, res.Err, &ie)
				assert.Equal(t, *tt.utf8, *ie)
			}
			for _, m := range tt.message {
				assert.Contains(t, res.Err.Error(), m)
			}
		})
	}
}

// TestUnbalancedMarks feeds broken quotation marks: each must give an
// unbalanced-quotes finding and never a panic.
func TestUnbalancedMarks(t *testing.T) {
	c := newChecker(t, checker.Config{})
	tests := []struct {
		name       string
		text       string
		unbalanced int
	}{
		{"unclosed straight", "\"We will appeal, Tomas Lund said after the hearing.", 1},
		{"unclosed curly then narration", "\u201cWe will appeal, Lund said.\n\nThe hearing ended at noon.", 1},
		{"stray curly close", "Lund said the appeal was over.\u201d The court rose.", 1},
		{"two stray closes", "It ended.\u201d Then it ended again.\u201d", 2},
		{"only opening marks", "\u201c\u201c\u201c", 1},
		{"only closing marks", "\u201d \u201d \u201d", 3},
		{"unclosed in British story", "\u2018Fine,\u2019 said Dana Reyes.\n\n\u2018This one is never closed, she said.\n\nNarration.", 1},
		{"balanced", "\u201cFine,\u201d said Dana Reyes.", 0},
		{"running quotation is balanced", "\u201cPart one.\n\n\u201cPart two,\u201d said Dana Reyes.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res checker.Result
			require.NotPanics(t, func() { res = c.CheckText("u.txt", tt.text) })
			n := 0
			for _, f := range res.Findings {
				if f.Rule == "unbalanced-quotes" {
					n++
					assert.Equal(t, checker.Error, f.Severity)
					mark := res.Doc.Slice(f.Span)
					assert.Contains(t, []string{"\"", "\u201c", "\u201d", "\u2018", "\u2019", "'"}, mark)
					assert.Contains(t, f.Message, mark)
				}
			}
			assert.Equal(t, tt.unbalanced, n, "findings: %v", res.Findings)
		})
	}
}

// position is a printable location for comparisons between encodings.
type position struct {
	Text         string
	Line, Column int
}

func positions(res checker.Result) (quotes, findings []position) {
	doc := res.Doc
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		p := doc.Position(q.Span.Start)
		quotes = append(quotes, position{doc.QuoteText(q), p.Line, p.Column})
	}
	for _, f := range res.Findings {
		p := doc.Position(f.Span.Start)
		findings = append(findings, position{f.Rule, p.Line, p.Column})
	}
	return quotes, findings
}

const lineEndingStory = `Harbour road to close for a year

"We will not back down on the harbour road," said Maria Okafor, the
council leader, on Tuesday.

"The figures simply don't add up," a senior official said.

Okafor added: "Residents deserve better.

"And they will get it," she said.

The so-called "green corridor" would run beside the road. Nobody said
when it would open."
`

// TestCRLF checks that CRLF line endings give the same quotes, lines and
// columns as LF.
func TestCRLF(t *testing.T) {
	c := newChecker(t, checker.Config{})
	lf := c.CheckBytes("lf.txt", []byte(lineEndingStory))
	crlf := c.CheckBytes("crlf.txt", []byte(strings.ReplaceAll(lineEndingStory, "\n", "\r\n")))
	require.NoError(t, lf.Err)
	require.NoError(t, crlf.Err)

	lq, lfind := positions(lf)
	cq, cfind := positions(crlf)
	// quote text may differ only by the \r of a hard line break
	for i := range cq {
		cq[i].Text = strings.ReplaceAll(cq[i].Text, "\r\n", "\n")
	}
	assert.Equal(t, lq, cq)
	assert.Equal(t, lfind, cfind)
	assert.Equal(t, len(lf.Doc.Paragraphs), len(crlf.Doc.Paragraphs))

	// spot checks against the story itself
	require.NotEmpty(t, lq)
	assert.Equal(t, position{"We will not back down on the harbour road,", 3, 2}, lq[0])
	assert.Contains(t, lfind, position{"unbalanced-quotes", 13, 20}, "stray close at the end of the last line")
	for _, q := range cq {
		assert.NotContains(t, q.Text, "\r")
	}
}

// TestBOM checks that a UTF-8 byte order mark is stripped and that spans
// and positions are those of the text without it.
func TestBOM(t *testing.T) {
	c := newChecker(t, checker.Config{})
	plain := c.CheckBytes("plain.txt", []byte(lineEndingStory))
	bom := c.CheckBytes("bom.txt", append([]byte("\uFEFF"), lineEndingStory...))
	require.NoError(t, plain.Err)
	require.NoError(t, bom.Err)
	assert.Equal(t, lineEndingStory, bom.Doc.Text)
	assert.False(t, strings.HasPrefix(bom.Doc.Text, "\uFEFF"))
	assert.Equal(t, plain.Doc.Quotes, bom.Doc.Quotes)
	assert.Equal(t, plain.Findings, bom.Findings)
	pq, pf := positions(plain)
	bq, bf := positions(bom)
	assert.Equal(t, pq, bq)
	assert.Equal(t, pf, bf)
	assert.Equal(t, 2, bq[0].Column, "the BOM is not a column")
}

func TestMaxSize(t *testing.T) {
	text := []byte(`"We will appeal," said Tomas Lund.`) // 34 bytes
	dir := t.TempDir()
	path := filepath.Join(dir, "story.txt")
	require.NoError(t, os.WriteFile(path, text, 0o644))

	tests := []struct {
		name  string
		limit int64
		ok    bool
	}{
		{"default limit", 0, true},
		{"exactly the size", int64(len(text)), true},
		{"one byte short", int64(len(text)) - 1, false},
		{"tiny", 4, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newChecker(t, checker.Config{MaxSize: tt.limit})
			results := map[string]checker.Result{
				"CheckBytes":  c.CheckBytes(path, text),
				"CheckReader": c.CheckReader(path, strings.NewReader(string(text))),
				"CheckFile":   c.CheckFile(path),
			}
			for how, res := range results {
				if tt.ok {
					require.NoError(t, res.Err, how)
					assert.Len(t, res.Doc.Quotes, 1, how)
					continue
				}
				var tl *article.TooLargeError
				require.ErrorAs(t, res.Err, &tl, how)
				assert.Equal(t, tt.limit, tl.Limit, how)
				assert.Greater(t, tl.Size, tl.Limit, how)
				assert.Contains(t, res.Err.Error(), fmt.Sprintf("above the %d byte limit", tt.limit), how)
				assert.Nil(t, res.Doc, how)
			}
		})
	}
}

func TestCheckFileErrors(t *testing.T) {
	c := newChecker(t, checker.Config{})
	dir := t.TempDir()
	res := c.CheckFile(filepath.Join(dir, "missing.txt"))
	assert.ErrorIs(t, res.Err, fs.ErrNotExist)
	res = c.CheckFile(dir)
	require.Error(t, res.Err)
	assert.Contains(t, res.Err.Error(), "directory")
}

// largeArticle builds about size bytes of article text from a repeated
// block of five paragraphs with three quotations, and returns it with the
// number of blocks.
func largeArticle(size int) (string, int) {
	var b strings.Builder
	b.Grow(size + 1024)
	blocks := 0
	for b.Len() < size {
		fmt.Fprintf(&b, "\u201cWe counted %d boats in the harbour this morning,\u201d said Maria Okafor, the harbour master.\n\n", blocks)
		b.WriteString("The council met on Tuesday to discuss the harbour road, which has divided the town since the '90s.\n\n")
		b.WriteString("\u201cThe figures for the road don\u2019t add up,\u201d said Tomas Lund, a port engineer, after the meeting.\n\n")
		b.WriteString("Okafor added: \u201cResidents deserve better.\u201d\n\n")
		b.WriteString("Traders\u2019 concerns grew after the ministry published its figures.\n\n")
		blocks++
	}
	return b.String(), blocks
}

// TestLargeInput checks a 50 MB article in one file: no error, every
// quotation found, positions right at the far end.
func TestLargeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB input skipped in -short mode")
	}
	text, blocks := largeArticle(50 << 20)
	c := newChecker(t, checker.Config{})
	start := time.Now()
	res := c.CheckBytes("big.txt", []byte(text))
	t.Logf("checked %d MB in %v", len(text)>>20, time.Since(start))
	require.NoError(t, res.Err)
	doc := res.Doc
	require.Len(t, doc.Quotes, 3*blocks)
	assert.Empty(t, doc.Marks)
	assert.Equal(t, len(text), len(doc.Text))
	assert.Len(t, doc.Paragraphs, 5*blocks)

	last := &doc.Quotes[len(doc.Quotes)-1]
	assert.Equal(t, "Residents deserve better.", doc.QuoteText(last))
	assert.Equal(t, fmt.Sprintf("q%d", 3*blocks), last.ID)
	// each block is ten lines; the last quote is on line 7 of the last block
	p := doc.Position(last.Span.Start)
	assert.Equal(t, 10*(blocks-1)+7, p.Line)
	assert.Equal(t, utf8.RuneCountInString("Okafor added: \u201c")+1, p.Column)

	first := &doc.Quotes[3*(blocks-1)]
	assert.Equal(t, fmt.Sprintf("We counted %d boats in the harbour this morning,", blocks-1), doc.QuoteText(first))
	require.NotNil(t, first.Speaker)
	assert.Equal(t, "Maria Okafor", first.Speaker.Name)
	for _, f := range res.Findings {
		assert.NotEqual(t, "missing-attribution", f.Rule, "at %v", doc.Position(f.Span.Start))
		assert.NotEqual(t, "unbalanced-quotes", f.Rule)
	}
}

func TestExpandPaths(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.txt", "a.TXT", "notes.png", "c.text", "sub/d.txt", ".hidden/e.txt", "sub/.git/f.txt", "sub/.hidden.txt"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("x"), 0o644))
	}
	single := filepath.Join(dir, "notes.png")
	missing := filepath.Join(dir, "missing.txt")
	got := checker.ExpandPaths([]string{single, dir, "-", missing})
	var paths []string
	for _, in := range got {
		paths = append(paths, in.Path)
	}
	assert.Equal(t, []string{
		single, // a named file is listed whatever its extension
		filepath.Join(dir, "a.TXT"),
		filepath.Join(dir, "b.txt"),
		filepath.Join(dir, "c.text"),
		filepath.Join(dir, "sub", "d.txt"),
		"-",
		missing,
	}, paths)
	for _, in := range got[:len(got)-1] {
		assert.NoError(t, in.Err, in.Path)
	}
	assert.ErrorIs(t, got[len(got)-1].Err, fs.ErrNotExist)
}

// TestRunOrder checks that Run emits one result per input, in input
// order, whatever the number of workers, with errors kept in place.
func TestRunOrder(t *testing.T) {
	c := newChecker(t, checker.Config{})
	var inputs []checker.Input
	for i := 0; i < 200; i++ {
		in := checker.Input{Path: fmt.Sprintf("story-%03d.txt", i)}
		if i%17 == 0 {
			in.Err = errors.New("cannot list")
		}
		inputs = append(inputs, in)
	}
	open := func(in checker.Input) []checker.Result {
		var n int
		_, _ = fmt.Sscanf(in.Path, "story-%d.txt", &n)
		if n%10 == 3 {
			return []checker.Result{c.CheckBytes(in.Path, []byte("bin\x00ary"))}
		}
		if n%7 == 0 {
			time.Sleep(time.Millisecond) // finish out of order
		}
		return []checker.Result{c.CheckText(in.Path, fmt.Sprintf("\u201cStory %d,\u201d said Dana Reyes.", n))}
	}
	for _, workers := range []int{0, 1, 2, 8} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			var got []checker.Result
			c.Run(context.Background(), inputs, workers, open, func(r checker.Result) { got = append(got, r) })
			require.Len(t, got, len(inputs))
			for i, r := range got {
				require.Equal(t, inputs[i].Path, r.Path)
				switch {
				case i%17 == 0:
					assert.EqualError(t, r.Err, "cannot list")
				case i%10 == 3:
					assert.ErrorIs(t, r.Err, article.ErrBinary)
				default:
					require.NoError(t, r.Err)
					assert.Equal(t, []string{fmt.Sprintf("Story %d,", i)}, quoteTexts(r.Doc))
				}
			}
		})
	}
}

func TestRunDefaultOpenAndCancel(t *testing.T) {
	c := newChecker(t, checker.Config{})
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	require.NoError(t, os.WriteFile(good, []byte(`"Fine," said Dana Reyes.`), 0o644))
	inputs := checker.ExpandPaths([]string{good, filepath.Join(dir, "missing.txt"), good})
	var got []checker.Result
	c.Run(context.Background(), inputs, 2, nil, func(r checker.Result) { got = append(got, r) })
	require.Len(t, got, 3)
	assert.NoError(t, got[0].Err)
	assert.ErrorIs(t, got[1].Err, fs.ErrNotExist)
	assert.NoError(t, got[2].Err)

	// a cancelled run stops early and returns
	ctx, cancel := context.WithCancel(context.Background())
	many := make([]checker.Input, 1000)
	for i := range many {
		many[i] = checker.Input{Path: good}
	}
	var emitted atomic.Int32
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.Run(ctx, many, 2, nil, func(checker.Result) {
			if emitted.Add(1) == 5 {
				cancel()
			}
		})
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	assert.Less(t, int(emitted.Load()), len(many))
	cancel()
}

// genFiles writes n small fictional articles to dir.
func genFiles(t testing.TB, dir string, n int) int64 {
	t.Helper()
	names := []string{"Maria Okafor", "Tomas Lund", "Ines Calloway", "Dana Reyes", "Ravi Mehta", "Grete Halvorsen"}
	var total int64
	for i := 0; i < n; i++ {
		name := names[i%len(names)]
		surname := name[strings.LastIndexByte(name, ' ')+1:]
		var b strings.Builder
		fmt.Fprintf(&b, "Harbour story number %d\n\n", i)
		for j := 0; j < 3+i%5; j++ {
			fmt.Fprintf(&b, "\u201cWe counted %d boats on day %d,\u201d said %s, the harbour master.\n\n", i, j, name)
			fmt.Fprintf(&b, "The council met on Tuesday; traders\u2019 concerns grew in the '90s and again in year %d.\n\n", j)
			fmt.Fprintf(&b, "\u201cThe figures don\u2019t add up,\u201d a senior official said.\n\n%s added: \u201cResidents deserve better.\u201d\n\n", surname)
		}
		p := filepath.Join(dir, fmt.Sprintf("story-%04d.txt", i))
		require.NoError(t, os.WriteFile(p, []byte(b.String()), 0o644))
		total += int64(b.Len())
	}
	return total
}

func heapInuse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// TestRunMemoryBounded checks 2,000 files through Run and samples the heap
// after GC as results stream out: it must not grow with the number of
// files checked, since Run holds only about 2×workers results at once.
func TestRunMemoryBounded(t *testing.T) {
	const n = 2000
	dir := t.TempDir()
	genFiles(t, dir, n)
	c := newChecker(t, checker.Config{})
	inputs := checker.ExpandPaths([]string{dir})
	require.Len(t, inputs, n)

	var samples []uint64
	count, quotes := 0, 0
	c.Run(context.Background(), inputs, 4, nil, func(r checker.Result) {
		require.NoError(t, r.Err)
		count++
		quotes += len(r.Doc.Quotes)
		if count%400 == 0 {
			samples = append(samples, heapInuse())
		}
	})
	require.Equal(t, n, count)
	assert.Greater(t, quotes, 3*n)
	require.Len(t, samples, 5)
	t.Logf("HeapInuse after GC every 400 files: %v", samples)
	const slack = 8 << 20
	for i, s := range samples[1:] {
		assert.Less(t, s, samples[0]+slack, "heap grew between file %d and file %d", 400, 400*(i+2))
	}
}

// BenchmarkRun checks generated files through Run with all cores and
// reports bytes per second and allocations per file.
func BenchmarkRun(b *testing.B) {
	const n = 500
	dir := b.TempDir()
	total := genFiles(b, dir, n)
	c := newChecker(b, checker.Config{})
	inputs := checker.ExpandPaths([]string{dir})
	b.SetBytes(total)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for b.Loop() {
		c.Run(context.Background(), inputs, 0, nil, func(r checker.Result) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		})
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N*n), "allocs/file")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N*n), "B/file")
}

// Every rule's pass reads the same list of the document's quotations,
// made once: the quotes that are not terms, in order.
func TestPassQuotationsSharedByRules(t *testing.T) {
	var seen [][]*article.Quote
	record := func(p *checker.Pass) { seen = append(seen, p.Quotations()) }
	chk, err := checker.New([]*checker.Rule{
		{ID: "first-rule", Severity: checker.Info, Run: record},
		{ID: "second-rule", Severity: checker.Info, Run: record},
	}, checker.Config{})
	require.NoError(t, err)
	res := chk.CheckText("story.txt", "\u201cWe will appeal,\u201d said Tomas Lund, calling the ruling a \u201cfarce\u201d.\n")
	require.NoError(t, res.Err)
	require.Len(t, seen, 2)
	assert.Equal(t, res.Doc.Quotations(), seen[0])
	require.NotEmpty(t, seen[0])
	assert.Same(t, &seen[0][0], &seen[1][0], "one list for both rules")
}
