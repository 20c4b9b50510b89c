package batch

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/batch/batchgen"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/rules"
)

const (
	deskArchive    = "../testdata/batch/desk.jsonl"
	damagedArchive = "../testdata/batch/damaged.jsonl"
)

// runBatch runs a batch with the outputs in dir and returns the stats.
func runBatch(t *testing.T, opt Options) *Stats {
	t.Helper()
	stats, err := Run(context.Background(), opt)
	require.NoError(t, err)
	return stats
}

// outputs names the output files of a run in dir.
func outputs(dir string) Options {
	return Options{
		Out:     filepath.Join(dir, "results.jsonl"),
		Quotes:  filepath.Join(dir, "quotes.csv"),
		Sources: filepath.Join(dir, "sources.csv"),
		Summary: filepath.Join(dir, "summary.html"),
	}
}

// outLines reads an --out file as generic JSON objects.
func outLines(t *testing.T, path string) []map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, len(data) == 0 || data[len(data)-1] == '\n', "the output ends with a whole line")
	var out []map[string]any
	for line := range bytes.Lines(data) {
		var m map[string]any
		require.NoError(t, json.Unmarshal(line, &m), "%s", line)
		out = append(out, m)
	}
	return out
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	return rows
}

// TestDamagedArchive: records that cannot be read in the middle of an
// archive give error records that name the input, record, line and
// reason, in their place; every other record is reported.
func TestDamagedArchive(t *testing.T) {
	raw, err := os.ReadFile(damagedArchive)
	require.NoError(t, err)
	dir := t.TempDir()
	gz := filepath.Join(dir, "damaged.jsonl.gz")
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	_, _ = zw.Write(raw)
	require.NoError(t, zw.Close())
	require.NoError(t, os.WriteFile(gz, zb.Bytes(), 0o644))

	for _, tc := range []struct {
		name, path string
		stdin      io.Reader
		workers    int
	}{
		{"plain, 1 worker", damagedArchive, nil, 1},
		{"plain, 3 workers", damagedArchive, nil, 3},
		{"gzip", gz, nil, 2},
		{"stdin", "-", bytes.NewReader(raw), 2},
		{"gzip on stdin", "-", bytes.NewReader(zb.Bytes()), 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.jsonl")
			stats := runBatch(t, Options{Paths: []string{tc.path}, Stdin: tc.stdin, Workers: tc.workers, Out: out})
			f := stats.Figures
			assert.Equal(t, 11, f.Read)
			assert.Equal(t, 8, f.Checked)
			assert.Equal(t, 3, f.Failed)
			lines := outLines(t, out)
			require.Len(t, lines, 11, "one output line per record")
			var ids []string
			for i, l := range lines {
				if _, failed := l["error"]; failed {
					assert.Equal(t, tc.path, l["input"])
					assert.EqualValues(t, i+1, l["record"], "record number")
					assert.EqualValues(t, i+1, l["line"], "line (the blank line is not a record, and comes after)")
					continue
				}
				ids = append(ids, l["id"].(string))
				assert.EqualValues(t, i+1, l["record"])
			}
			assert.Equal(t, []string{"tide-1", "tide-2", "tide-3", "tide-4", "tide-5", "tide-6", "tide-7", "tide-8"}, ids, "the good records, in input order")
			assert.Contains(t, lines[3]["error"], "invalid JSON")
			assert.Contains(t, lines[3]["error"], "line 4")
			assert.Equal(t, "no-text", lines[4]["id"], "the id of a record without text is known")
			assert.Contains(t, lines[4]["error"], `no "text"`)
			assert.Equal(t, "latin-1", lines[5]["id"])
			assert.Contains(t, lines[5]["error"], "invalid UTF-8")
			// Lines after the damage keep their own line numbers.
			assert.EqualValues(t, 8, lines[6]["line"])
			q := lines[6]["quotes"].([]any)[0].(map[string]any)
			assert.EqualValues(t, 8, q["span"].(map[string]any)["line"])
			require.Len(t, f.Errors, 3)
			assert.Equal(t, 4, f.Errors[0].Record)
		})
	}
}

// TestTruncatedGzip: an archive cut off in the middle of its compressed
// stream reports the records before the cut and one error record for the
// rest, naming the record where reading stopped.
func TestTruncatedGzip(t *testing.T) {
	dir := t.TempDir()
	full := filepath.Join(dir, "full.jsonl.gz")
	_, err := batchgen.WriteArchive(full, true, 3, 200, 3000)
	require.NoError(t, err)
	data, err := os.ReadFile(full)
	require.NoError(t, err)
	cut := filepath.Join(dir, "cut.jsonl.gz")
	require.NoError(t, os.WriteFile(cut, data[:len(data)/2], 0o644))
	out := filepath.Join(dir, "out.jsonl")
	stats := runBatch(t, Options{Paths: []string{cut}, Out: out})
	lines := outLines(t, out)
	require.Equal(t, stats.Figures.Read, len(lines))
	last := lines[len(lines)-1]
	assert.Contains(t, last["error"], "unexpected EOF")
	assert.EqualValues(t, len(lines), last["record"])
	assert.Equal(t, 1, stats.Figures.Failed)
	assert.Greater(t, stats.Figures.Checked, 50)
}

// TestSummaryFigures compares the summary of a small archive with figures
// worked out by hand from its five articles.
func TestSummaryFigures(t *testing.T) {
	dir := t.TempDir()
	opt := outputs(dir)
	opt.Paths = []string{deskArchive}
	f := runBatch(t, opt).Figures

	assert.Equal(t, 5, f.Read)
	assert.Equal(t, 5, f.Checked)
	assert.Equal(t, 0, f.Failed)
	// Quotations: ferry 3, budget 3, market v1 2, market v2 2, library 2.
	assert.Equal(t, 12, f.Quotes)
	assert.Equal(t, []Count{
		{"person", 6, 6.0 / 12}, {"organization", 2, 2.0 / 12}, {"anonymous", 3, 3.0 / 12}, {"document", 0, 0}, {"none", 1, 1.0 / 12},
	}, f.QuotesByType)
	assert.Equal(t, 3, f.AnonymousQuotes)
	assert.InDelta(t, 0.25, f.AnonymousShare, 1e-9)
	assert.Equal(t, 1, f.Unattributed)
	assert.InDelta(t, 1.0/12, f.UnattributedShare, 1e-9)
	// Anonymous sources: the harbour official (a reason given), the
	// person familiar with the talks and "officials" (none).
	assert.Equal(t, 3, f.AnonymousSources)
	assert.Equal(t, 1, f.WithReason)
	assert.InDelta(t, 1.0/3, f.ReasonShare, 1e-9)
	assert.Equal(t, []Ranked{
		{Name: "a person familiar with the talks", Type: "anonymous", Articles: 1, Quotes: 1},
		{Name: "a senior harbour official", Type: "anonymous", Articles: 1, Quotes: 1},
		{Name: "officials", Type: "anonymous", Articles: 1, Quotes: 1},
	}, f.TopAnonymous)
	assert.Equal(t, []Ranked{
		{Name: "Ingrid Halvorsen", Type: "person", Quotes: 4, Articles: 3},
		{Name: "Pieter Lund", Type: "person", Quotes: 2, Articles: 2},
		{Name: "the Harbour Trust", Type: "organization", Quotes: 2, Articles: 2},
	}, f.TopSources)
	assert.Equal(t, []Count{
		{Name: "anonymous-source", Count: 3}, {Name: "anonymous-no-reason", Count: 2},
		{Name: "missing-attribution", Count: 1}, {Name: "quote-changed", Count: 1},
	}, f.Findings)
	// The market story's second version rewords Halvorsen's quotation.
	assert.Equal(t, 1, f.VersionsCompared)
	assert.Equal(t, 1, f.ArticlesChanged)
	assert.Equal(t, []Count{{Name: "changed", Count: 1}}, f.Changes)
	require.Len(t, f.ChangedQuotes, 1)
	c := f.ChangedQuotes[0]
	assert.Equal(t, "market-reopens", c.ID)
	assert.Equal(t, "1", c.PreviousVersion)
	assert.Equal(t, "2", c.Version)
	assert.Equal(t, "Ingrid Halvorsen", c.Speaker)
	assert.Equal(t, "Come early and bring a coat,", c.OldText)
	assert.Equal(t, "Come early and bring a warm coat,", c.NewText)
	assert.Equal(t, "Come early and bring a {+warm +}coat,", changeWords(&c))
	assert.False(t, f.Approximate)

	group := func(name string, articles, quotes, anon, unattributed, anonSources, reasons, findings int) Group {
		return Group{Name: name, Articles: articles, Quotes: quotes, AnonymousQuotes: anon, Unattributed: unattributed,
			AnonymousSources: anonSources, WithReason: reasons, Findings: findings,
			AnonymousShare: share(anon, quotes), UnattributedShare: share(unattributed, quotes), ReasonShare: share(reasons, anonSources)}
	}
	assert.Equal(t, []Group{
		group("Local", 3, 7, 1, 0, 1, 1, 2),
		group("Politics", 1, 3, 2, 0, 2, 0, 4),
		group("(not given)", 1, 2, 0, 1, 0, 0, 1),
	}, f.Sections)
	assert.Equal(t, []Group{
		group("Mirela Vossberg", 3, 7, 1, 0, 1, 1, 2),
		group("Oskar Feldt", 3, 7, 2, 0, 2, 0, 5),
		group("(not given)", 1, 2, 0, 1, 0, 0, 1),
	}, f.Authors, "a story with two bylines counts for both")
	assert.Equal(t, []Group{
		group("2031-03", 2, 6, 3, 0, 3, 1, 5),
		group("2031-04", 2, 4, 0, 0, 0, 0, 1),
		group("(not given)", 1, 2, 0, 1, 0, 0, 1),
	}, f.Months)

	// The text summary says the same.
	var text bytes.Buffer
	require.NoError(t, WriteText(&text, f, 20))
	for _, want := range []string{"articles", "25.0%", "33.3%", "a senior harbour official", "Ingrid Halvorsen", "anonymous-no-reason", "2031-03", "Politics", "Oskar Feldt", "{+warm +}"} {
		assert.Contains(t, text.String(), want)
	}
}

// TestCSV checks the rows of the quotations and sources files.
func TestCSV(t *testing.T) {
	dir := t.TempDir()
	opt := outputs(dir)
	opt.Paths = []string{deskArchive}
	runBatch(t, opt)

	quotes := readCSV(t, opt.Quotes)
	require.Equal(t, QuoteColumns, quotes[0])
	require.Len(t, quotes, 1+12, "a row per quotation")
	col := func(row []string, name string) string {
		for i, c := range QuoteColumns {
			if c == name {
				return row[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	anon := quotes[3]
	assert.Equal(t, "ferry-timetable", col(anon, "article_id"))
	assert.Equal(t, "q3", col(anon, "quote_id"))
	assert.Equal(t, "a senior harbour official", col(anon, "speaker"))
	assert.Equal(t, "anonymous", col(anon, "type"))
	assert.Equal(t, "said", col(anon, "cue"))
	assert.Equal(t, "yes", col(anon, "anonymity_reason"))
	assert.Equal(t, "anonymous-source", col(anon, "findings"))
	assert.Equal(t, "Local", col(anon, "section"))
	assert.Equal(t, "Nobody told the crews,", col(anon, "text"))
	bare := quotes[6]
	assert.Equal(t, "officials", col(bare, "speaker"))
	assert.Equal(t, "no", col(bare, "anonymity_reason"))
	assert.Equal(t, "anonymous-source;anonymous-no-reason", col(bare, "findings"))
	changed := quotes[9]
	assert.Equal(t, "market-reopens", col(changed, "article_id"))
	assert.Equal(t, "2", col(changed, "version"))
	assert.Equal(t, "changed", col(changed, "change"))
	assert.Equal(t, "quote-changed", col(changed, "findings"))
	none := quotes[11]
	assert.Equal(t, "none", col(none, "type"))
	assert.Equal(t, "", col(none, "speaker"))
	assert.Equal(t, "missing-attribution", col(none, "findings"))

	sources := readCSV(t, opt.Sources)
	require.Equal(t, SourceColumns, sources[0])
	// ferry 2, budget 3, market 2 + 2, library 1.
	require.Len(t, sources, 1+10)
	assert.Equal(t, []string{deskArchive, "1", "ferry-timetable", "1", "2031-03-06T09:30:00Z", "Local", "Mirela Vossberg",
		"Ingrid Halvorsen", "person", "2", "q1 q2", "", "Ingrid Halvorsen;Halvorsen", ""}, sources[1])
	assert.Equal(t, []string{"officials", "anonymous", "1", "q3", "no"}, sources[5][7:12])
	assert.Equal(t, "anonymous-source;anonymous-no-reason", sources[5][13])
}

// TestCSVFormulas: text from an article never starts a spreadsheet
// formula.
func TestCSVFormulas(t *testing.T) {
	assert.Equal(t, "'=HYPERLINK(1)", cell("=HYPERLINK(1)"))
	assert.Equal(t, "'+1", cell("+1"))
	assert.Equal(t, "'@SUM", cell("@SUM"))
	assert.Equal(t, "plain", cell("plain"))
}

// TestOrderIsStable: the output does not depend on the number of
// workers.
func TestOrderIsStable(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "archive.jsonl")
	_, err := batchgen.WriteArchive(archive, false, 5, 400, 2000)
	require.NoError(t, err)
	var first map[string][]byte
	for _, workers := range []int{1, 2, 5} {
		d := filepath.Join(dir, strings.Repeat("w", workers))
		require.NoError(t, os.Mkdir(d, 0o755))
		opt := outputs(d)
		opt.Paths, opt.Workers = []string{archive}, workers
		stats := runBatch(t, opt)
		require.Equal(t, 400, stats.Figures.Read)
		got := map[string][]byte{}
		for _, p := range []string{opt.Out, opt.Quotes, opt.Sources, opt.Summary} {
			got[filepath.Base(p)], err = os.ReadFile(p)
			require.NoError(t, err)
		}
		if first == nil {
			first = got
			assert.Greater(t, stats.Figures.VersionsCompared, 5, "the generated archive has second versions")
			assert.Greater(t, stats.Figures.ArticlesChanged, 5)
			continue
		}
		for name, b := range got {
			assert.True(t, bytes.Equal(first[name], b), "%s differs with %d workers", name, workers)
		}
	}
}

// TestFolders: a folder is walked in order for article files and
// compressed archives; hidden folders and the run's own outputs are not
// read.
func TestFolders(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	write("a-story.txt", "Pier closes\n\n“The pier is unsafe,” said Ada Penrose, the harbour master.\n")
	write("b/notes.md", "---\ntitle: Fair returns\nsection: Culture\n---\n\n“We are back,” said Tomas Erling.\n")
	write("c.jsonl", `{"id": "c1", "text": "“One,” said Ada Penrose."}`+"\n"+`{"id": "c2", "text": "“Two,” said Ada Penrose."}`+"\n")
	write(".hidden/skip.txt", "“Hidden,” said Nobody.\n")
	write("skip.csv", "not,an,article\n")
	write("empty.txt", "")
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	_, _ = zw.Write([]byte(`{"id": "d1", "text": "“Three,” said Ada Penrose."}` + "\n"))
	require.NoError(t, zw.Close())
	write("d.jsonl.gz", zb.String())

	out := filepath.Join(dir, "results.jsonl")
	stats := runBatch(t, Options{Paths: []string{dir}, Out: out})
	lines := outLines(t, out)
	var got []string
	for _, l := range lines {
		if e, ok := l["error"]; ok {
			got = append(got, "error "+filepath.Base(l["input"].(string))+": "+e.(string))
			continue
		}
		got = append(got, l["id"].(string))
	}
	assert.Equal(t, []string{"a-story", "notes", "c1", "c2", "d1", "error empty.txt: file is empty"}, got)
	assert.Equal(t, 1, stats.Figures.Failed)

	// Running again over the same folder does not read results.jsonl.
	stats = runBatch(t, Options{Paths: []string{dir}, Out: out})
	assert.Equal(t, 6, stats.Figures.Read)
}

// TestMissingInput: an input that does not exist is an error record, and
// the rest are still read.
func TestMissingInput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.jsonl")
	stats := runBatch(t, Options{Paths: []string{"no-such-archive.jsonl", deskArchive}, Out: out})
	lines := outLines(t, out)
	require.Len(t, lines, 6)
	assert.Equal(t, "no-such-archive.jsonl", lines[0]["input"])
	assert.EqualValues(t, 1, lines[0]["record"])
	assert.Contains(t, lines[0]["error"], "no such file")
	assert.Equal(t, 5, stats.Figures.Checked)
}

// TestStdout: without --out the reports go to standard output.
func TestStdout(t *testing.T) {
	var stdout bytes.Buffer
	runBatch(t, Options{Paths: []string{deskArchive}, Stdout: &stdout})
	assert.Equal(t, 5, strings.Count(stdout.String(), "\n"))
	_, err := Run(context.Background(), Options{Paths: []string{deskArchive}, Stdout: &stdout, Resume: true})
	assert.ErrorContains(t, err, "--resume needs an output file")
	out := filepath.Join(t.TempDir(), "out.jsonl")
	require.NoError(t, os.WriteFile(out, nil, 0o644))
	_, err = Run(context.Background(), Options{Paths: []string{out}, Out: out})
	assert.ErrorContains(t, err, "both an input and an output")
}

// TestRecordFormat: a report line is the per-document object of the
// contract with batch's fields after it; an error record has exactly the
// documented fields.
func TestRecordFormat(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.jsonl")
	runBatch(t, Options{Paths: []string{deskArchive, damagedArchive}, Out: out})
	lines := outLines(t, out)
	first := lines[0]
	for _, k := range []string{"path", "id", "version", "quotes", "sources", "findings", "record", "line", "meta"} {
		assert.Contains(t, first, k)
	}
	assert.Equal(t, map[string]any{"title": "Council approves new ferry timetable", "published": "2031-03-06T09:30:00Z",
		"author": "Mirela Vossberg", "section": "Local"}, first["meta"])
	v2 := lines[3]
	assert.Equal(t, "1", v2["previous_version"])
	changes := v2["changes"].([]any)
	require.Len(t, changes, 1)
	ch := changes[0].(map[string]any)
	assert.Equal(t, "changed", ch["type"])
	assert.Equal(t, "quote-changed", ch["rule"])
	assert.Equal(t, "Come early and bring a coat,", ch["old"].(map[string]any)["text"])
	assert.NotEmpty(t, ch["diff"])
	var errLine map[string]any
	for _, l := range lines {
		if l["error"] != nil && l["id"] == "no-text" {
			errLine = l
		}
	}
	require.NotNil(t, errLine)
	keys := make([]string, 0, len(errLine))
	for k := range errLine {
		keys = append(keys, k)
	}
	assert.ElementsMatch(t, []string{"input", "record", "line", "id", "version", "error"}, keys)
}

// TestRecordLinesAreMarshalledRecords holds the encoded lines to what
// json.Marshal prints for the Record each line holds: the document object
// is encoded straight from the check, the record's fields spliced after.
func TestRecordLinesAreMarshalledRecords(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "archive.jsonl")
	_, err := batchgen.WriteArchive(archive, false, 5, 300, 3000)
	require.NoError(t, err)
	out := filepath.Join(dir, "out.jsonl")
	runBatch(t, Options{Paths: []string{deskArchive, damagedArchive, archive}, Out: out})
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	records, changed := 0, 0
	for line := range bytes.Lines(data) {
		rec, _, err := parseOutLine(line)
		require.NoError(t, err)
		if rec == nil {
			continue
		}
		records++
		if len(rec.Changes) > 0 {
			changed++
		}
		want, err := json.Marshal(rec)
		require.NoError(t, err)
		require.Equal(t, string(want)+"\n", string(line))
	}
	assert.Greater(t, records, 300)
	assert.Positive(t, changed, "versions compared")
}

// TestVersionWindow: a version whose predecessor left the window is not
// compared, and the summary says about how many were missed.
func TestVersionWindow(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "a.jsonl")
	var b strings.Builder
	rec := func(id, version, words string) {
		line, _ := json.Marshal(map[string]string{"id": id, "version": version, "text": "“" + words + ",” said Ada Penrose."})
		b.Write(line)
		b.WriteByte('\n')
	}
	rec("x", "1", "The tide is out")
	for i := range 5 {
		rec("filler-"+string(rune('a'+i)), "1", "Nothing to see")
	}
	rec("x", "2", "The tide is in")
	require.NoError(t, os.WriteFile(archive, []byte(b.String()), 0o644))

	f := runBatch(t, Options{Paths: []string{archive}, Out: filepath.Join(dir, "o1"), VersionWindow: 10}).Figures
	assert.Equal(t, 1, f.VersionsCompared)
	assert.Equal(t, 0, f.VersionsMissed)
	f = runBatch(t, Options{Paths: []string{archive}, Out: filepath.Join(dir, "o2"), VersionWindow: 3}).Figures
	assert.Equal(t, 0, f.VersionsCompared)
	assert.Equal(t, 1, f.VersionsMissed)
}

// TestMonthOf reads the month of the date forms archives use.
func TestMonthOf(t *testing.T) {
	for in, want := range map[string]string{
		"2031-03-06T09:30:00Z":            "2031-03",
		"2031-03-06":                      "2031-03",
		"2031/11/02 10:00":                "2031-11",
		"2031-13-01":                      "",
		"Thu, 06 Mar 2031 09:30:00 +0000": "2031-03",
		"6 March 2031":                    "2031-03",
		"March 6, 2031":                   "2031-03",
		"1930000000":                      "2031-02",
		"1930000000000":                   "2031-02",
		"last Tuesday":                    "",
	} {
		assert.Equal(t, want, monthOf(in), in)
	}
}

// TestTopListSketch: past its size the counter keeps the heavy hitters
// and says its counts are estimates.
func TestTopListSketch(t *testing.T) {
	c := newCounter(10)
	for i := range 1000 {
		c.add("Often Quoted", "person", 1, 1, position{"a.jsonl", i + 1})
		c.add("rare "+string(rune('A'+i%26))+string(rune('a'+i/26%26)), "person", 1, 1, position{"a.jsonl", i + 1})
	}
	top := c.top(1, func(a, b *ssEntry) bool { return a.count > b.count }, func(e *ssEntry) Ranked {
		return Ranked{Name: e.label, Quotes: e.count, Overcount: e.err}
	})
	require.Len(t, top, 1)
	assert.Equal(t, "Often Quoted", top[0].Name)
	assert.GreaterOrEqual(t, top[0].Quotes, 1000)
	assert.Positive(t, c.evictions)
	assert.LessOrEqual(t, len(c.m), 10)
}

// TestProgress: plain lines when not on a terminal, a redrawn bar when
// asked (with the share and time left, since a file's size is known),
// and nothing without a writer.
func TestProgress(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "archive.jsonl")
	_, err := batchgen.WriteArchive(archive, false, 2, 300, 3000)
	require.NoError(t, err)

	var lines bytes.Buffer
	runBatch(t, Options{Paths: []string{archive}, Out: filepath.Join(dir, "o1"), Progress: &lines, ProgressInterval: time.Millisecond})
	assert.Contains(t, lines.String(), "quotecheck batch: ")
	assert.Contains(t, lines.String(), " records/s, ")
	assert.Contains(t, lines.String(), " MB/s")
	assert.NotContains(t, lines.String(), "\r")

	var bar bytes.Buffer
	runBatch(t, Options{Paths: []string{archive}, Out: filepath.Join(dir, "o2"), Progress: &bar, ProgressMode: ProgressBar, ProgressInterval: time.Millisecond})
	s := bar.String()
	assert.True(t, strings.HasPrefix(s, "\r"), "the bar redraws its line")
	assert.Contains(t, s, "%")
	assert.Contains(t, s, "/s")
	assert.True(t, strings.HasSuffix(s, "\r\x1b[K"), "the bar is erased at the end")

	var stdin bytes.Buffer
	data, err := os.ReadFile(archive)
	require.NoError(t, err)
	var noSize bytes.Buffer
	stdin.Write(data)
	runBatch(t, Options{Paths: []string{"-"}, Stdin: &stdin, Out: filepath.Join(dir, "o3"), Progress: &noSize, ProgressMode: ProgressBar, ProgressInterval: time.Millisecond})
	assert.NotContains(t, noSize.String(), "ETA", "standard input has no size")
	assert.NotContains(t, noSize.String(), "%")
	assert.False(t, IsTerminal(&noSize))
}

// TestChangesOf: the changes batch reports are those of the diff
// command's JSON (report.DiffReportOf), for every second version of a
// generated archive.
func TestChangesOf(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "a.jsonl")
	_, err := batchgen.WriteArchive(archive, false, 9, 600, 2500)
	require.NoError(t, err)
	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(t, err)
	lp := newLineParser(input.Options{MaxSize: 1 << 26})
	data, err := os.ReadFile(archive)
	require.NoError(t, err)
	last := map[string]*article.Document{}
	compared := 0
	for i, line := range bytes.SplitAfter(data, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		p := lp.parse(&job{input: archive, record: i + 1, line: i + 1, data: line})
		require.NoError(t, p.err)
		chk.CheckDocument(p.doc)
		if prev := last[p.doc.ID]; prev != nil {
			old := compact(prev)
			findings := chk.Compare(old, p.doc)
			want := report.DiffReportOf(report.Tool{}, checker.Result{Path: archive, Doc: old}, checker.Result{Path: archive, Doc: p.doc}, findings).Changes
			got := changesOf(old, p.doc, findings)
			if len(want) == 0 {
				assert.Empty(t, got)
			} else {
				assert.Equal(t, want, got)
			}
			compared++
		}
		last[p.doc.ID] = p.doc
	}
	assert.Greater(t, compared, 10)
}
