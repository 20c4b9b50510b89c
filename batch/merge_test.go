package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/batch/batchgen"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/rules"
)

// TestSummaryMerge: the records of a run, summarised in shuffled parts
// that are encoded, decoded and merged, give the figures of the run.
func TestSummaryMerge(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "archive.jsonl")
	_, err := batchgen.WriteArchive(archive, false, 4, 500, 2000)
	require.NoError(t, err)
	f, err := os.OpenFile(archive, os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteString("{\"id\": \"broken\", \"text\": \n")
	require.NoError(t, err)
	require.NoError(t, f.Close())
	opt := Options{Paths: []string{archive}, Out: filepath.Join(dir, "out.jsonl"), Top: 10}
	stats := runBatch(t, opt)
	require.Equal(t, 1, stats.Figures.Failed)
	require.Positive(t, stats.Figures.ArticlesChanged)

	out, err := os.ReadFile(opt.Out)
	require.NoError(t, err)
	lines := bytes.Split(bytes.TrimSpace(out), []byte("\n"))
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	total := NewSummary()
	for part := range 3 {
		s := NewSummary()
		for i := part; i < len(lines); i += 3 {
			require.NoError(t, s.AddLine(lines[i]))
		}
		b, err := s.MarshalBinary()
		require.NoError(t, err)
		decoded := NewSummary()
		require.NoError(t, decoded.UnmarshalBinary(b))
		total.Merge(decoded)
	}
	assert.Equal(t, stats.Figures, total.Figures(10))
}

// TestSketchMerge: merged counters that dropped names keep the heavy
// hitter and never count it too low.
func TestSketchMerge(t *testing.T) {
	a, b := newCounter(10), newCounter(10)
	for i := range 500 {
		for _, c := range []*counter{a, b} {
			c.add("Often Quoted", "person", 1, 1, position{"a", i})
			c.add("rare "+string(rune('A'+i%26))+string(rune('a'+i/26%26)), "person", 1, 1, position{"a", i})
		}
	}
	a.merge(b)
	top := a.top(1, func(x, y *ssEntry) bool { return x.count > y.count }, func(e *ssEntry) Ranked {
		return Ranked{Name: e.label, Quotes: e.count, Overcount: e.err}
	})
	require.Len(t, top, 1)
	assert.Equal(t, "Often Quoted", top[0].Name)
	assert.GreaterOrEqual(t, top[0].Quotes, 1000)
	assert.LessOrEqual(t, len(a.m), 10)
	assert.Len(t, a.h, len(a.m))
}

// TestFirstSpellingNames: a name is listed under its spelling in the
// first record, whatever order the records are counted in.
func TestFirstSpellingNames(t *testing.T) {
	c := newCounter(10)
	c.add("officials", "anonymous", 1, 1, position{"b.jsonl", 1})
	c.add("Officials", "anonymous", 1, 1, position{"a/z.jsonl", 9})
	c.add("OFFICIALS", "anonymous", 1, 1, position{"a.jsonl", 1})
	assert.Equal(t, "Officials", c.m["officials"].label)
	assert.Equal(t, 3, c.m["officials"].count)
}

// TestStagesMakeRunsRecords: splitting, parsing, checking and following
// the versions of each id with the exported stages gives the lines Run
// writes.
func TestStagesMakeRunsRecords(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "archive.jsonl")
	_, err := batchgen.WriteArchive(archive, false, 6, 300, 2000)
	require.NoError(t, err)
	opt := Options{Paths: []string{archive}, Out: filepath.Join(dir, "out.jsonl")}
	runBatch(t, opt)
	want, err := os.ReadFile(opt.Out)
	require.NoError(t, err)

	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(t, err)
	f, err := os.Open(archive)
	require.NoError(t, err)
	defer f.Close()
	parser := NewParser(opt.Input)
	last := map[string]*LastVersion{}
	var got strings.Builder
	SplitInput(archive, bufio.NewReader(f), opt.Input, func(p Piece) bool {
		for _, rec := range parser.Parse(&p) {
			require.Nil(t, rec.Error)
			out := NewRecord(chk, nil, archive, &rec)
			id := DocID(rec.Doc, archive)
			if last[id] == nil {
				last[id] = &LastVersion{}
			}
			last[id].Follow(chk, archive, out, rec.Doc)
			got.Write(mustJSON(t, out))
		}
		return true
	})
	assert.Equal(t, string(want), got.String())
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return append(b, '\n')
}

// FuzzSummaryUnmarshal: any bytes either fail to decode or give a
// summary that reports figures and merges without panicking.
func FuzzSummaryUnmarshal(f *testing.F) {
	s := NewSummary()
	s.Add(&Record{Record: 1, Meta: &Meta{Section: "Local", Published: "2031-02-03"}})
	s.AddError(&ErrorRecord{Input: "a.jsonl", Record: 2, Error: "bad"})
	s.anonymous.add("an official", "anonymous", 1, 2, position{"a.jsonl", 1})
	good, err := s.MarshalBinary()
	require.NoError(f, err)
	f.Add(good)
	f.Add([]byte(`{"Anonymous":{"Evictions":3,"Entries":[{"Key":"x","Count":-4},{"Key":"x"}]},"Changed":[{"at":{"i":"b","r":2}},{"at":{"i":"a","r":1}}]}`))
	f.Add([]byte(`{"Sections":{"Given":true,"Groups":[{"Name":"(other)"},{"Name":"(other)"}]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var got Summary
		if got.UnmarshalBinary(b) != nil {
			return
		}
		got.Figures(5)
		other := NewSummary()
		require.NoError(t, other.UnmarshalBinary(good))
		other.Merge(&got)
		other.Figures(5)
	})
}
