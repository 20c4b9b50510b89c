package report

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/engine"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/rules"
	"github.com/quotecheck/quotecheck/verify"
)

// testdataResults checks every article file under testdata (stories,
// inputs of every format, archives, gold and version sets; files that do
// not read give error documents).
func testdataResults(t *testing.T) []checker.Result {
	t.Helper()
	eng, err := engine.New(engine.Options{ConfigFile: os.DevNull})
	require.NoError(t, err)
	var out []checker.Result
	eng.Run(context.Background(), eng.Inputs([]string{"../testdata"}), nil, func(r checker.Result) { out = append(out, r) })
	require.Greater(t, len(out), 50)
	return out
}

// verifiedResults checks each story under testdata/verify against the
// sources in its folder, as check --source does.
func verifiedResults(t *testing.T) []checker.Result {
	t.Helper()
	stories, err := filepath.Glob("../testdata/verify/*/story.txt")
	require.NoError(t, err)
	require.NotEmpty(t, stories)
	var out []checker.Result
	for _, story := range stories {
		files, err := filepath.Glob(filepath.Join(filepath.Dir(story), "*"))
		require.NoError(t, err)
		var srcs []*verify.Source
		for _, f := range files {
			if base := filepath.Base(f); base == "story.txt" || base == "gold.txt" {
				continue
			}
			read, err := verify.ReadFile(f, input.Options{})
			require.NoError(t, err, f)
			srcs = append(srcs, read...)
		}
		chk, err := checker.New(rules.All(), checker.Config{Sources: verify.NewSet(srcs...)})
		require.NoError(t, err)
		data, err := os.ReadFile(story)
		require.NoError(t, err)
		r := chk.CheckText(story, string(data))
		require.NoError(t, r.Err)
		require.NotEmpty(t, r.Verifications, story)
		out = append(out, r)
	}
	return out
}

// TestEncoderMatchesEncodingJSON holds the streaming encoder to the
// output it replaced: MarshalIndent and Marshal of the report model, on
// every document under testdata.
func TestEncoderMatchesEncodingJSON(t *testing.T) {
	results := testdataResults(t)
	results = append(results,
		checker.Result{Path: "missing.txt", Err: errors.New("open missing.txt: no such file")},
		checker.Result{Path: "archive.jsonl", Err: &input.RecordError{Line: 7, Err: errors.New("bad <record> & \u2028")}})
	results = append(results, verifiedResults(t)...)
	quotes := 0
	verdicts := map[verify.Verdict]int{}
	var pieces, speakerMatches, notFound int
	for _, r := range results {
		for _, v := range r.Verifications {
			verdicts[v.Verdict]++
			if v.Source != nil && len(v.Pieces) > 0 {
				pieces++
			}
			if v.SpeakerMatch != nil {
				speakerMatches++
			}
			if v.Source == nil {
				notFound++
			}
		}
		want, err := json.MarshalIndent(DocumentOf(r), reportPrefix, reportIndent)
		require.NoError(t, err)
		e := documentEncoder{lay: &reportLayout}
		e.document(r)
		require.Equal(t, string(want), string(e.b), r.Path)

		want, err = json.Marshal(DocumentOf(r))
		require.NoError(t, err)
		e = documentEncoder{lay: &compactLayout}
		e.document(r)
		require.Equal(t, string(want), string(e.b), r.Path)
		if r.Doc != nil {
			quotes += len(r.Doc.Quotes)
		}
	}
	assert.Greater(t, quotes, 200, "the testdata documents have quotes to encode")
	for _, verdict := range []verify.Verdict{verify.Verbatim, verify.Altered, verify.Stitched, verify.NotFound} {
		assert.Positive(t, verdicts[verdict], "verifications %s to encode", verdict)
	}
	assert.Positive(t, pieces, "verifications in pieces")
	assert.Positive(t, speakerMatches, "verifications with a speaker match")
	assert.Positive(t, notFound, "verifications without a source")
}

// TestEncoderStreamsLargeDocuments checks documents whose reports are
// far larger than the encoder's flush size (a long text; a short one
// holding thousands of quotes) through both writers: encoded onto the
// output in pieces, they still print what encoding/json would.
func TestEncoderStreamsLargeDocuments(t *testing.T) {
	story, err := os.ReadFile("../testdata/articles/anonymous.txt")
	require.NoError(t, err)
	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(t, err)
	for name, text := range map[string]string{
		"long text":   strings.Repeat(string(story)+"\n\n", streamAbove/len(story)+2),
		"many quotes": strings.Repeat(`"a" `, 2*streamItemsAbove),
	} {
		t.Run(name, func(t *testing.T) {
			r := chk.CheckText("big.txt", text)
			require.NoError(t, r.Err)
			require.True(t, streamed(r))
			doc := DocumentOf(r)

			var out bytes.Buffer
			w := &jsonlWriter{out: newOutput(&out)}
			require.NoError(t, w.Write(r))
			require.NoError(t, w.Close())
			want, err := json.Marshal(doc)
			require.NoError(t, err)
			require.Greater(t, len(want), 4*flushAt)
			assert.Equal(t, string(want)+"\n", out.String())

			out.Reset()
			jw := &jsonWriter{out: newOutput(&out), tool: Tool{Name: "quotecheck", Version: "1"}}
			require.NoError(t, jw.Write(r))
			require.NoError(t, jw.Close())
			var report struct {
				Documents []json.RawMessage `json:"documents"`
			}
			require.NoError(t, json.Unmarshal(out.Bytes(), &report))
			require.Len(t, report.Documents, 1)
			want, err = json.MarshalIndent(doc, reportPrefix, reportIndent)
			require.NoError(t, err)
			assert.Contains(t, out.String(), "    "+string(want)+"\n  ]\n}\n")
		})
	}
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{
		"", "plain words", `she said "no"`, `back\slash`, "tab\tnew\nline\rcr\bbs\fff",
		"\x00\x01\x1f\x7f", "<b>&amp;</b>", "curly \u201cmarks\u201d, caf\u00e9, \U0001F600",
		"line\u2028para\u2029end", "bad \xff utf-8 \xe2\x80", "\xed\xa0\x80 surrogate",
	} {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendJSONString(nil, s)), "%q", s)
	}
	// each byte to escape at each place of a string read eight bytes at a
	// time, so that no group passed over whole hides one
	for _, c := range []string{`"`, `\`, "<", ">", "&", "\x00", "\x1f", "\x7f", "\u00e9", "\u2028", "\xff"} {
		for at := 0; at <= 17; at++ {
			s := strings.Repeat("a", at) + c + strings.Repeat("b", 17-at)
			want, err := json.Marshal(s)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(appendJSONString(nil, s)), "%q", s)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	f.Add("a \"b\" <c> \u2028 \xff")
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		require.Equal(t, string(want), string(appendJSONString(nil, s)))
	})
}

func TestAppendRoundedIsRound2(t *testing.T) {
	for _, f := range []float64{0, 0.004, 0.005, 0.5, 0.85, 0.95, 0.999, 1, 1.2, 37.126, -0.004, -0.3, math.NaN(), 1e300} {
		assert.Equal(t, string(appendJSONFloat(nil, round2(f))), string(appendRounded(nil, f)), "%v", f)
	}
	for k := range 1001 {
		f := float64(k) / 1000
		assert.Equal(t, string(appendJSONFloat(nil, round2(f))), string(appendRounded(nil, f)), "%v", f)
	}
}

func TestAppendJSONFloat(t *testing.T) {
	for _, f := range []float64{0, 1, 0.5, 0.92, 0.1 + 0.2, 1e-7, 123456789, 1e21, -0.25} {
		want, err := json.Marshal(f)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendJSONFloat(nil, f)), "%v", f)
	}
}

// BenchmarkEncodeDocument compares the encoder with what it replaced,
// MarshalIndent of the report model, on the report of a 1 MB document
// (MB/s of document text):
//
//	go test ./report -run '^$' -bench EncodeDocument -benchmem
func BenchmarkEncodeDocument(b *testing.B) {
	story, err := os.ReadFile("../testdata/articles/anonymous.txt")
	require.NoError(b, err)
	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(b, err)
	r := chk.CheckText("big.txt", strings.Repeat(string(story)+"\n\n", (1<<20)/len(story)+1))
	require.NoError(b, r.Err)
	b.Run("encoder", func(b *testing.B) {
		b.SetBytes(int64(len(r.Doc.Text)))
		for b.Loop() {
			e := documentEncoder{lay: &reportLayout, out: io.Discard}
			e.document(r)
			e.flush()
		}
	})
	b.Run("MarshalIndent", func(b *testing.B) {
		b.SetBytes(int64(len(r.Doc.Text)))
		for b.Loop() {
			_, err := json.MarshalIndent(DocumentOf(r), reportPrefix, reportIndent)
			require.NoError(b, err)
		}
	})
}

// TestWritersPutReportsInOrder: small reports (copied into the writer's
// buffer), large ones (written as they are) and streamed ones (encoded
// onto the output), in every order, give exactly the report
// encoding/json prints, through Render on one side and WriteRendered on
// the other as check uses them.
func TestWritersPutReportsInOrder(t *testing.T) {
	story, err := os.ReadFile("../testdata/articles/anonymous.txt")
	require.NoError(t, err)
	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(t, err)
	check := func(name, text string) checker.Result {
		r := chk.CheckText(name, text)
		require.NoError(t, r.Err)
		return r
	}
	small := check("small.txt", string(story))
	large := check("large.txt", strings.Repeat(string(story)+"\n\n", 8))
	streamedDoc := check("streamed.txt", strings.Repeat(`"a" `, 2*streamItemsAbove))
	broken := checker.Result{Path: "broken.txt", Err: errors.New("file is empty")}
	require.False(t, streamed(large))
	require.True(t, streamed(streamedDoc))
	rendered, err := (&jsonlWriter{}).Render(large)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(rendered), directFrom, "a large report is written as it is")
	rendered, err = (&jsonWriter{}).Render(small)
	require.NoError(t, err)
	require.Less(t, len(rendered), directFrom, "a small one is copied into the buffer")
	tool := Tool{Name: "quotecheck", Version: "1"}
	for name, results := range map[string][]checker.Result{
		"small, large, streamed, small": {small, large, streamedDoc, small},
		"large first":                   {large, small, large},
		"streamed first":                {streamedDoc, large, broken},
		"one small":                     {small},
	} {
		t.Run(name, func(t *testing.T) {
			var jsonOut, jsonlOut bytes.Buffer
			jw := &jsonWriter{out: newOutput(&jsonOut), tool: tool}
			lw := &jsonlWriter{out: newOutput(&jsonlOut)}
			var wantDocs []string
			var wantLines strings.Builder
			for _, r := range results {
				for _, w := range []Prerenderer{jw, lw} {
					b, err := w.Render(r)
					require.NoError(t, err)
					if r.Doc != nil && !streamed(r) && w == Prerenderer(jw) {
						require.Equal(t, separator, string(b[:len(separator)]))
					}
					require.NoError(t, w.WriteRendered(r, b))
				}
				doc := DocumentOf(r)
				indented, err := json.MarshalIndent(doc, reportPrefix, reportIndent)
				require.NoError(t, err)
				wantDocs = append(wantDocs, "    "+string(indented))
				compact, err := json.Marshal(doc)
				require.NoError(t, err)
				wantLines.Write(compact)
				wantLines.WriteByte('\n')
			}
			require.NoError(t, jw.Close())
			require.NoError(t, lw.Close())
			toolJSON, err := json.Marshal(tool)
			require.NoError(t, err)
			want := "{\n  \"schema_version\": 1,\n  \"tool\": " + string(toolJSON) + ",\n  \"documents\": [\n" +
				strings.Join(wantDocs, ",\n") + "\n  ]\n}\n"
			assert.Equal(t, want, jsonOut.String())
			assert.Equal(t, wantLines.String(), jsonlOut.String())
		})
	}
}

// failingWriter fails its nth write, and only that one.
type failingWriter struct {
	n, writes int
	out       bytes.Buffer
}

func (f *failingWriter) Write(p []byte) (int, error) {
	f.writes++
	if f.writes == f.n {
		return 0, errors.New("transient")
	}
	return f.out.Write(p)
}

// TestWriterStopsAtTheFirstFailedWrite: after a failed write nothing more
// is written, through the buffer or past it, so the output is a prefix of
// the report and never a report with a document missing.
func TestWriterStopsAtTheFirstFailedWrite(t *testing.T) {
	story, err := os.ReadFile("../testdata/articles/anonymous.txt")
	require.NoError(t, err)
	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(t, err)
	large := chk.CheckText("large.txt", strings.Repeat(string(story)+"\n\n", 8))
	small := chk.CheckText("small.txt", string(story))
	for _, format := range []string{"json", "jsonl"} {
		fw := &failingWriter{n: 1}
		w, err := NewWriter(format, fw, io.Discard, Tool{Name: "quotecheck"}, 0)
		require.NoError(t, err)
		for _, r := range []checker.Result{large, small, large} {
			_ = w.Write(r)
		}
		assert.Error(t, w.Close(), format)
		assert.Equal(t, 1, fw.writes, "%s: no write after the failed one", format)
		assert.Zero(t, fw.out.Len(), format)
	}
}

func TestAppendSmallIntIsAppendInt(t *testing.T) {
	for _, v := range []int{0, 1, 9, 10, 11, 42, 99, 100, 101, 999, 1000, 123456, -1, -9, -10, -100, math.MaxInt, math.MinInt} {
		assert.Equal(t, string(strconv.AppendInt([]byte("x"), int64(v), 10)), string(appendSmallInt([]byte("x"), v)), "%d", v)
	}
}

func FuzzAppendSmallInt(f *testing.F) {
	f.Add(7)
	f.Add(-12)
	f.Fuzz(func(t *testing.T, v int) {
		require.Equal(t, string(strconv.AppendInt(nil, int64(v), 10)), string(appendSmallInt(nil, v)))
	})
}
