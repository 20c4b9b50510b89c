package verify_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/extract"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/verify"
)

// check extracts a story and verifies it against one source text.
func check(t testing.TB, name, source, story string) ([]verify.Verification, *article.Document) {
	src, err := verify.FromText(name, source)
	require.NoError(t, err)
	doc := article.New("story.txt", story)
	extract.New(extract.Options{}).Extract(doc)
	vs, err := verify.NewSet(src).Document(context.Background(), doc)
	require.NoError(t, err)
	return vs, doc
}

const interview = `Q: Will you sign the levy?

OKAFOR: Um, no. We will not sign it in its current form. The council has, uh, twelve days to fix the bus routes.

HALE: The levy is the only plan on the table.

Q: And the depot?

OKAFOR: The depot stays open. I don't see any reason to close it.

Q: Right.

OKAFOR: And the province has never paid its share.
`

func TestVerdicts(t *testing.T) {
	tests := []struct {
		name, story string
		verdict     verify.Verdict
		kinds       []string // change kinds, in order
		match       *bool
	}{
		{"verbatim", `"We will not sign it in its current form," Okafor said.`, verify.Verbatim, nil, ptr(true)},
		{"dropped not", `"We will sign it in its current form," Okafor said.`, verify.Altered, []string{"negation"}, ptr(true)},
		{"number as digits and filler", `"The council has 12 days to fix the bus routes," Okafor said.`, verify.Altered, []string{"filler"}, ptr(true)},
		{"changed figure", `"The council has 20 days to fix the bus routes," Okafor said.`, verify.Altered, []string{"number"}, ptr(true)},
		{"contraction", `"I do not see any reason to close it," Okafor said.`, verify.Altered, []string{"contraction"}, ptr(true)},
		{"bracket", `"[The depot] stays open," Okafor said.`, verify.Verbatim, nil, ptr(true)},
		{"cut", `"The depot stays open ... the province has never paid its share," Okafor said.`, verify.Verbatim, nil, ptr(true)},
		{"cut drops not", `"We will ... sign it in its current form," Okafor said.`, verify.Altered, []string{"negation"}, ptr(true)},
		{"other speaker", `"The levy is the only plan on the table," Okafor said.`, verify.Verbatim, nil, ptr(false)},
		{"question", `"Will you sign the levy?" Okafor said.`, verify.Verbatim, nil, ptr(false)},
		{"stitched out of order", `"The depot stays open. We will not sign it in its current form," Okafor said.`, verify.Stitched, nil, ptr(true)},
		{"fabricated", `"We will never raise fares again," Okafor said.`, verify.NotFound, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			vs, _ := check(t, "interview.txt", interview, tc.story)
			require.Len(t, vs, 1)
			v := vs[0]
			assert.Equal(t, tc.verdict, v.Verdict)
			var kinds []string
			for _, c := range v.Changes {
				kinds = append(kinds, c.Kind)
			}
			assert.Equal(t, tc.kinds, kinds)
			assert.Equal(t, tc.match, v.SpeakerMatch)
		})
	}
}

func ptr(b bool) *bool { return &b }

// TestLastWordChanged: a quotation whose last word differs from the
// record's shows the record's word as replaced, not the story's as added
// after the passage.
func TestLastWordChanged(t *testing.T) {
	tests := []struct {
		name, story string
		want        verify.Change
	}{
		{"antonym", `"The depot stays closed," Okafor said.`, verify.Change{Kind: verify.KindAntonym, Meaning: true, Old: "open", New: "closed"}},
		{"word", `"The levy is the only plan on the desk," Hale said.`, verify.Change{Kind: verify.KindWord, Meaning: true, Old: "table", New: "desk"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			vs, _ := check(t, "interview.txt", interview, tc.story)
			require.Len(t, vs, 1)
			assert.Equal(t, verify.Altered, vs[0].Verdict)
			assert.Equal(t, []verify.Change{tc.want}, vs[0].Changes)
		})
	}
}

func TestPassageSpanAndTimestamp(t *testing.T) {
	srt := "1\n00:00:01,000 --> 00:00:04,000\nThe bridge will close\n\n2\n00:00:04,000 --> 00:00:08,500\non the fourteenth of June.\n"
	vs, _ := check(t, "briefing.srt", srt, `"The bridge will close on the 14th of June," the engineer said.`)
	require.Len(t, vs, 1)
	// the ordinal is a changed word, but the passage runs over the cue boundary
	assert.Equal(t, "00:00:01.000", vs[0].Timestamp)
	src, _ := verify.FromText("briefing.srt", srt)
	assert.Equal(t, "The bridge will close\n\n2\n00:00:04,000 --> 00:00:08,500\non the fourteenth of June", src.Doc.Slice(vs[0].Span))
	p := src.Doc.Position(vs[0].Span.Start)
	assert.Equal(t, 3, p.Line)
	assert.Equal(t, 1, p.Column)
}

func TestVTTVoices(t *testing.T) {
	vtt := "WEBVTT\n\n00:01.000 --> 00:04.000\n<v Dr Lena Maris>Five patients remain in hospital.\n\n00:04.000 --> 00:06.000\n<v Ansel Brook>We have nothing to hide.\n"
	vs, _ := check(t, "c.vtt", vtt, `Dr Lena Maris spoke. "We have nothing to hide," Maris said.`)
	require.Len(t, vs, 1)
	assert.Equal(t, verify.Verbatim, vs[0].Verdict)
	assert.Equal(t, "Ansel Brook", vs[0].SpeakerLabel)
	assert.Equal(t, ptr(false), vs[0].SpeakerMatch)
	assert.Equal(t, "00:00:04.000", vs[0].Timestamp)
}

func TestBadSources(t *testing.T) {
	tests := []struct {
		name, file, text string
		line             int
		message          string
	}{
		{"malformed SRT timestamp", "a.srt", "1\n00:00:01,000 --> 00:00:04,000\nHello there.\n\n2\n00:00:0x,000 --> 00:00:05,000\nAgain.\n", 6, "malformed timestamp"},
		{"SRT text where timing belongs", "b.srt", "1\nHello there.\n", 2, "expected a timing line"},
		{"VTT without header", "c.vtt", "00:01.000 --> 00:02.000\nHi\n", 1, "WEBVTT"},
		{"binary", "d.txt", "\x00\x01\x02binary", 0, "binary"},
		{"invalid UTF-8", "e.txt", "fine\nbad \xff here\n", 2, "UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := verify.Read(tc.file, []byte(tc.text), input.Options{})
			require.Error(t, err)
			var se *verify.SourceError
			require.True(t, errors.As(err, &se))
			assert.Equal(t, tc.file, se.Path)
			assert.Equal(t, tc.line, se.Line)
			assert.Contains(t, err.Error(), tc.message)
			if tc.line > 0 {
				assert.True(t, strings.HasPrefix(err.Error(), fmt.Sprintf("%s:%d: ", tc.file, tc.line)), err.Error())
			}
		})
	}
	_, err := verify.ReadFile(filepath.Join(t.TempDir(), "missing.txt"), input.Options{})
	assert.ErrorContains(t, err, "missing.txt: no such file")
}

// TestWorkGrowsLinearly measures cost with the deterministic work
// counter: indexing is one step per word and each quotation's look-ups
// and alignments are bounded, so doubling the source at most doubles the
// work (it grows less, as the quotations' share stays fixed), and the
// work per source word stays bounded.
func TestWorkGrowsLinearly(t *testing.T) {
	story := benchStory(30)
	work := func(words int) int64 {
		src, err := verify.FromText("t.txt", benchTranscript(words))
		require.NoError(t, err)
		set := verify.NewSet(src)
		doc := article.New("s.txt", story)
		extract.New(extract.Options{}).Extract(doc)
		_, err = set.Document(context.Background(), doc)
		require.NoError(t, err)
		return set.Work()
	}
	sizes := []int{10000, 20000, 40000, 80000}
	var prev int64
	for _, n := range sizes {
		w := work(n)
		assert.Less(t, float64(w)/float64(n), 10.0, "work per word at %d words", n)
		if prev > 0 {
			r := float64(w) / float64(prev)
			assert.Greater(t, r, 1.0, "work grows with the source")
			assert.LessOrEqual(t, r, 2.1, "work at most doubles when the source doubles (%d → %d)", prev, w)
		}
		prev = w
	}
}

func TestTestdataSources(t *testing.T) {
	files, err := filepath.Glob("../testdata/verify/*/*")
	require.NoError(t, err)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "story.txt") || strings.HasSuffix(f, "gold.txt") {
			continue
		}
		srcs, err := verify.ReadFile(f, input.Options{})
		require.NoError(t, err, f)
		for _, s := range srcs {
			assert.Positive(t, s.Words(), f)
		}
		n++
	}
	assert.GreaterOrEqual(t, n, 8)
	_, err = os.Stat("../testdata/verify/gold.jsonl")
	require.NoError(t, err)
}
