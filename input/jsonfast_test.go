package input

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
)

// TestFastJSONLineMatchesGeneralReader checks that the one-pass reader
// gives the same document, offsets and all, as the general one.
func TestFastJSONLineMatchesGeneralReader(t *testing.T) {
	lines := []string{
		`{"id":"a1","text":"The mayor said: \"We will rebuild.\"\n\nShe added: \u201cSoon.\u201d","version":2,"author":"Ana Ruiz"}`,
		`  {"text": "Plain text, no escapes.", "tags": ["x", {"y": [1, 2]}], "id": "b2", "published": null}  `,
		`{"body":"Caf\u00e9 owner Lu said \"it\u2019s over\" \ud83d\ude00.","section":"Food","meta":{"a":"}"}}`,
		`{"id":"c3","text":"Emoji 😀 and ‘curly’ marks \\ and \/ slashes\t tab"}`,
		`{"id":"d\u00e94","title":"The \"new\" ferry","author":"Ana \u00d1u\u00f1ez","text":"Escaped metadata\r\n and \ud83d text.","url":"https:\/\/example.test\/a"}`,
	}
	for _, line := range lines {
		fast, ok := fastJSONLine("x.jsonl", []byte(line), DefaultFields(), false)
		require.True(t, ok, line)
		assertSameAsGeneralReader(t, line, fast)
	}
}

// FuzzFastJSONLine holds the one-pass reader to the general one: it
// accepts only valid JSON, and gives the same document as the general
// reader for every record it accepts. Lines come as jsonLine passes them:
// valid UTF-8 with no NUL byte.
func FuzzFastJSONLine(f *testing.F) {
	f.Add(`{"id":"a\"1","title":"\u00e9","text":"He said \"hi\"\n\u2019 \ud83d\ude00 \ud800 x"}`)
	f.Add(`{"text":"a","n":-0.5e+3,"ok":true,"tags":[1,{"b":null}]}`)
	f.Add(`{"text":"a","n":01}`)
	f.Add(`{"text":"a\x"}`)
	f.Add(`{"text":"a"} {}`)
	f.Fuzz(func(t *testing.T, line string) {
		if !utf8.ValidString(line) || strings.IndexByte(line, 0) >= 0 {
			return
		}
		if fast, ok := fastJSONLine("x.jsonl", []byte(line), DefaultFields(), false); ok {
			require.True(t, json.Valid([]byte(line)), "accepted invalid JSON %q", line)
			assertSameAsGeneralReader(t, line, fast)
		}
	})
}

// TestFastJSONLineRejectsInvalid leaves every invalid record to the
// general reader, which reports it.
func TestFastJSONLineRejectsInvalid(t *testing.T) {
	for _, line := range []string{
		`{"text":"a","n":01}`,
		`{"text":"a","n":1.}`,
		`{"text":"a","n":-}`,
		`{"text":"a","n":1e}`,
		`{"text":"a","n":tru}`,
		`{"text":"a","n":1]}`,
		`{"text":"a\x"}`,
		`{"text":"a\u12g4"}`,
		"{\"text\":\"a\tb\"}",
		"{\"te\x01xt\":\"a\"}",
		`{"text":"a"} {}`,
		`{"text":"a"}}`,
		`{"text":"a","tags":[1,]}`,
		`{"text":"a",}`,
		`{} x`,
	} {
		require.False(t, json.Valid([]byte(line)), line)
		_, ok := fastJSONLine("x.jsonl", []byte(line), DefaultFields(), false)
		assert.False(t, ok, line)
	}
}

func assertSameAsGeneralReader(t *testing.T, line string, fast *article.Document) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader([]byte(line)))
	dec.UseNumber()
	slow, err := jsonObject("x.jsonl", dec, []byte(line), skipSpace([]byte(line), 0), 0, DefaultFields())
	require.NoError(t, err, line)
	assert.Equal(t, slow.Text, fast.Text, line)
	assert.Equal(t, slow.ID, fast.ID)
	assert.Equal(t, slow.Version, fast.Version)
	assert.Equal(t, slow.Meta, fast.Meta)
	assert.Equal(t, slow.Source, fast.Source)
	for off := 0; off <= len(slow.Text); off++ {
		assert.Equal(t, slow.SourceMap.SourceOffset(off), fast.SourceMap.SourceOffset(off), "offset %d of %q", off, line)
	}
}

// TestFastJSONLineDeclines leaves unusual records to the general reader.
func TestFastJSONLineDeclines(t *testing.T) {
	f := DefaultFields()
	for _, line := range []string{
		`{"text":["a","b"]}`,
		`{"te\u0078t":"escaped key"}`,
		`{"id":"x"}`,
	} {
		_, ok := fastJSONLine("x.jsonl", []byte(line), f, false)
		assert.False(t, ok, line)
	}
}

// stringEnd must end a string where encoding/json does, wherever the
// quote, backslash or control byte falls in its eight-byte steps: the
// shortest prefix that is a valid JSON string, or none.
func FuzzStringEnd(f *testing.F) {
	for _, s := range []string{`"plain text that runs past eight bytes"`, `"1234567"`, `"12345678\"9"`, `"a\u00e9b"`, "\"tab\there\"", `"\`, `"x\u12"`, "\"caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) == 0 || raw[0] != '"' || len(raw) > 512 {
			return
		}
		want := -1
		for k := 2; k <= len(raw); k++ {
			if raw[k-1] == '"' && json.Valid(raw[:k]) {
				want = k
				break
			}
		}
		end, escaped := stringEnd(raw, 0)
		if end != want {
			t.Fatalf("stringEnd(%q) = %d; encoding/json ends it at %d", raw, end, want)
		}
		if end > 0 && escaped != bytes.Contains(raw[1:end-1], []byte{'\\'}) {
			t.Fatalf("stringEnd(%q): escaped %v", raw, escaped)
		}
	})
}

// unescapeJSON must decode a JSON string's contents as encoding/json
// does, wherever the escapes and multi-byte runes fall in its eight-byte
// steps.
func FuzzUnescapeJSON(f *testing.F) {
	for _, s := range []string{`"plain text that runs past eight bytes"`, `"1234567\n89"`, `"12345678\"9"`, `"a\u00e9b \ud83d\ude00"`, "\"caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d and more\"", `"\ud800 lone"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var want string
		if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' || json.Unmarshal(raw, &want) != nil || !utf8.Valid(raw) {
			return
		}
		for _, valid := range []bool{false, true} {
			b := newBuilder()
			got, ok := unescapeJSON(b, raw[1:len(raw)-1], 1, valid)
			require.True(t, ok, "%q", raw)
			require.Equal(t, want, got, "%q", raw)
			require.LessOrEqual(t, b.Map().Len(), mapPieces(raw[1:len(raw)-1]), "%q: the map outgrew its reserve", raw)
			if valid {
				continue
			}
			fresh := newBuilder()
			unescapeJSON(fresh, raw[1:len(raw)-1], 1, true)
			require.Equal(t, b.Map(), fresh.Map(), "%q: the offset maps of the two ways differ", raw)
		}
	})
}

// TestMapPieces: the offset map of a JSON string is reserved at the size
// it reaches, a little over only for surrogate pairs.
func TestMapPieces(t *testing.T) {
	for _, body := range []string{
		``, `plain`, `\n`, `\n\nnext paragraph`, `a \"quoted\" word`, `\\\\`, `ends in \n`,
		`\u4e2d\u6587\u5b57`, `\u201cquoted\u201d`, `x\ud83d\ude00y`, `back\\slash and \t tab`,
	} {
		b := newBuilder()
		_, ok := unescapeJSON(b, []byte(body), 0, true)
		require.True(t, ok, body)
		used, reserved := b.Map().Len(), mapPieces([]byte(body))
		assert.LessOrEqual(t, used, reserved, "%q", body)
		assert.LessOrEqual(t, reserved, used+2, "%q", body)
	}
}

// TestParseLine reads single records as the stream reader does, each on
// its own line of a file.
func TestParseLine(t *testing.T) {
	t.Run("owned line shared as the source", func(t *testing.T) {
		line := []byte(`{"id":"r7","text":"\u201cWe open at dawn,\u201d said Mira Ostrand."}` + "\n")
		rec := ParseLine("archive.jsonl", line, 7, 300, Options{}, true)
		require.NoError(t, rec.Err)
		require.NotNil(t, rec.Doc)
		assert.Equal(t, 7, rec.Line)
		assert.Equal(t, 7, rec.Doc.SourceLine)
		assert.Equal(t, 300, rec.Doc.SourceStart)
		assert.Equal(t, "r7", rec.Doc.ID)
		assert.Equal(t, string(bytes.TrimSpace(line)), rec.Doc.Source)
		assert.Same(t, &line[0], unsafe.StringData(rec.Doc.Source), "no copy of an owned line")
	})
	t.Run("a borrowed line is copied", func(t *testing.T) {
		line := []byte(`{"text":"Plain words."}`)
		rec := ParseLine("archive.jsonl", line, 3, 0, Options{}, false)
		require.NoError(t, rec.Err)
		assert.Equal(t, "archive#3", rec.Doc.ID, "named after its line")
		line[2] = 'X'
		assert.Equal(t, `{"text":"Plain words."}`, rec.Doc.Source)
	})
	t.Run("byte-order mark on a later line", func(t *testing.T) {
		rec := ParseLine("a.jsonl", []byte("\xEF\xBB\xBF{\"text\":\"Marked.\"}\r\n"), 4, 100, Options{}, false)
		require.NoError(t, rec.Err)
		assert.Equal(t, 103, rec.Doc.SourceStart)
		assert.Equal(t, "Marked.", rec.Doc.Text)
	})
	t.Run("blank", func(t *testing.T) {
		rec := ParseLine("a.jsonl", []byte(" \r\n"), 2, 0, Options{}, true)
		assert.Zero(t, rec.Line)
		assert.Nil(t, rec.Doc)
		assert.NoError(t, rec.Err)
	})
	t.Run("broken record keeps its line", func(t *testing.T) {
		rec := ParseLine("a.jsonl", []byte(`{"text":`), 9, 0, Options{}, true)
		var re *RecordError
		require.ErrorAs(t, rec.Err, &re)
		assert.Equal(t, 9, re.Line)
		assert.Equal(t, 9, rec.Line)
	})
}
