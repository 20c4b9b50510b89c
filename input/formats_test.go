package input_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/extract"
	"github.com/quotecheck/quotecheck/input"
)

const inputs = "../testdata/inputs"

// quoteKey is what must not change between formats: the words quoted and
// who said them.
type quoteKey struct {
	Text, Speaker, Mention, Type string
	Kind                         article.QuoteKind
}

func quoteKeys(doc *article.Document) []quoteKey {
	var out []quoteKey
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		k := quoteKey{Text: doc.QuoteText(q), Kind: q.Kind}
		if q.Speaker != nil {
			k.Speaker, k.Mention, k.Type = q.Speaker.Name, q.Speaker.Mention, string(q.Speaker.Type)
		}
		out = append(out, k)
	}
	return out
}

func readDocs(t *testing.T, name string) ([]input.Record, []byte) {
	t.Helper()
	path := filepath.Join(inputs, name)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	recs, err := input.Read(path, data, input.Options{})
	require.NoError(t, err)
	return recs, data
}

// expectedPosition finds where a quote's first words are in the original
// file by searching the raw bytes (not through the offset map): the
// longest plain prefix of the quote, which the test stories keep literal
// and unique in each file.
func expectedPosition(t *testing.T, src []byte, quote string) (line, col int) {
	t.Helper()
	n := 0
	for n < len(quote) && n < 28 {
		c := quote[n]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ' ' || c == ',') {
			break
		}
		n++
	}
	prefix := quote[:n]
	require.GreaterOrEqual(t, len(prefix), 8, "quote %q has no plain prefix to search for", quote)
	require.Equal(t, 1, bytes.Count(src, []byte(prefix)), "prefix %q must occur once in the file", prefix)
	off := bytes.Index(src, []byte(prefix))
	line = 1 + bytes.Count(src[:off], []byte("\n"))
	ls := bytes.LastIndexByte(src[:off], '\n') + 1
	return line, utf8.RuneCount(src[ls:off]) + 1
}

func TestSameQuotesAcrossFormats(t *testing.T) {
	tests := []struct {
		name   string
		plain  string // the .txt version
		file   string
		record int // index of the record in file
		id     string
	}{
		{"markdown", "harbour-ferry.txt", "harbour-ferry.md", 0, "harbour-ferry"},
		{"html", "harbour-ferry.txt", "harbour-ferry.html", 0, ""},
		{"jsonl first record", "harbour-ferry.txt", "archive.jsonl", 0, "harbour-ferry"},
		{"jsonl after a broken line", "library-hours.txt", "archive.jsonl", 2, "library-hours"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plainRecs, _ := readDocs(t, tt.plain)
			require.Len(t, plainRecs, 1)
			plain := plainRecs[0].Doc
			extract.Extract(plain)
			want := quoteKeys(plain)
			require.NotEmpty(t, want)

			recs, src := readDocs(t, tt.file)
			require.Greater(t, len(recs), tt.record)
			rec := recs[tt.record]
			require.NoError(t, rec.Err)
			doc := rec.Doc
			extract.Extract(doc)
			assert.Equal(t, want, quoteKeys(doc), "quotes and speakers differ from %s", tt.plain)
			assert.Equal(t, tt.id, doc.ID)

			for _, q := range doc.Quotations() {
				text := doc.QuoteText(q)
				line, col := expectedPosition(t, src, text)
				p := doc.Position(q.Span.Start)
				assert.Equal(t, [2]int{line, col}, [2]int{p.Line, p.Column}, "position of %q", text)
				if q.Speaker != nil && !q.Speaker.MentionSpan.Empty() {
					// The mention maps to its own words in the source.
					m := doc.Slice(q.Speaker.MentionSpan)
					off := doc.SourceMap.SourceOffset(q.Speaker.MentionSpan.Start)
					assert.True(t, strings.HasPrefix(doc.Source[off:], m), "mention %q maps to %q", m, clip(doc.Source[off:], 20))
				}
			}
		})
	}
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func TestPlainTextIsUnchanged(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(inputs, "harbour-ferry.txt"))
	require.NoError(t, err)
	recs, err := input.Read("story.txt", data, input.Options{})
	require.NoError(t, err)
	require.Len(t, recs, 1)
	doc := recs[0].Doc
	assert.Equal(t, string(data), doc.Text)
	assert.Nil(t, doc.SourceMap)
	assert.Equal(t, "", doc.ID)
}

func TestMetadata(t *testing.T) {
	md, _ := readDocs(t, "harbour-ferry.md")
	html, _ := readDocs(t, "harbour-ferry.html")
	jsonl, _ := readDocs(t, "archive.jsonl")
	tests := []struct {
		name          string
		doc           *article.Document
		id, version   string
		meta          article.Metadata
		sourceLine    int
		noSourceStart bool
	}{
		{"markdown front matter", md[0].Doc, "harbour-ferry", "3", article.Metadata{
			Title: "Ferry service to Gullrock Island to resume after storm repairs", Published: "2031-03-06T09:30:00Z",
			URL: "https://news.example/port-amberly/harbour-ferry", Author: "Mirela Vossberg", Section: "Local"}, 0, true},
		{"html meta tags", html[0].Doc, "", "", article.Metadata{
			Title: "Ferry service to Gullrock Island to resume – Amberly Tidings", Published: "2031-03-06T09:30:00Z",
			URL: "https://news.example/port-amberly/harbour-ferry", Author: "Mirela Vossberg", Section: "Local"}, 0, true},
		{"jsonl record", jsonl[0].Doc, "harbour-ferry", "3", article.Metadata{
			Published: "2031-03-06T09:30:00Z", URL: "https://news.example/port-amberly/harbour-ferry",
			Author: "Mirela Vossberg", Section: "Local"}, 1, true},
		{"jsonl record with a number version and an author object", jsonl[2].Doc, "library-hours", "2", article.Metadata{
			Published: "2031-04-11", Author: "Oskar Feldt", Section: "Community"}, 3, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NotNil(t, tt.doc)
			assert.Equal(t, tt.id, tt.doc.ID)
			assert.Equal(t, tt.version, tt.doc.Version)
			assert.Equal(t, tt.meta, tt.doc.Meta)
			assert.Equal(t, tt.sourceLine, tt.doc.SourceLine)
			if tt.noSourceStart {
				assert.Zero(t, tt.doc.SourceStart)
			} else {
				assert.Positive(t, tt.doc.SourceStart)
			}
		})
	}
}

func TestBrokenJSONLine(t *testing.T) {
	recs, _ := readDocs(t, "archive.jsonl")
	require.Len(t, recs, 3)
	assert.NoError(t, recs[0].Err)
	assert.NoError(t, recs[2].Err)
	assert.Equal(t, []int{1, 2, 3}, []int{recs[0].Line, recs[1].Line, recs[2].Line})
	require.Error(t, recs[1].Err)
	assert.Nil(t, recs[1].Doc)
	var re *input.RecordError
	require.ErrorAs(t, recs[1].Err, &re)
	assert.Equal(t, 2, re.Line)
	assert.Contains(t, recs[1].Err.Error(), "line 2")
	assert.Contains(t, recs[1].Err.Error(), "invalid JSON")
}
