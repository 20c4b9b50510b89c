package baseline_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/baseline"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/rules"
)

const story = `Council closes library

"The deal is dead," a person familiar with the talks said.

The plan was hailed as "the boldest plan in a generation".
`

func check(t *testing.T, path, text string) checker.Result {
	t.Helper()
	c, err := checker.New(rules.All(), checker.Config{})
	require.NoError(t, err)
	r := c.CheckText(path, text)
	require.NoError(t, r.Err)
	require.NotEmpty(t, r.Findings)
	return r
}

func fingerprints(path string, r checker.Result) map[string]string {
	out := map[string]string{}
	for _, f := range r.Findings {
		out[f.Rule] = baseline.Fingerprint(path, r.Doc, f)
	}
	return out
}

func TestFingerprintIgnoresPlaceButNotContent(t *testing.T) {
	base := fingerprints("stories/a.txt", check(t, "stories/a.txt", story))
	require.Contains(t, base, "missing-attribution")
	require.Contains(t, base, "anonymous-source")

	tests := []struct {
		name string
		path string
		text string
		same bool
	}{
		{"paragraphs moved and copy added", "stories/a.txt",
			"Council closes library\n\nA new first paragraph.\n\nThe plan was hailed as \"the boldest plan in a generation\".\n\nMore copy.\n\n\"The deal is dead,\" a person familiar with the talks said.\n", true},
		{"line wrapped and typographic quotes", "stories/a.txt",
			"Council closes library\n\n“The deal   is dead,” a person familiar\nwith the talks said.\n\nThe plan was hailed as\n“the boldest plan in a generation”.\n", true},
		{"quote reworded", "stories/a.txt",
			"Council closes library\n\n\"The deal is over,\" a person familiar with the talks said.\n\nThe plan was hailed as \"the boldest plan of a generation\".\n", false},
		{"other file", "stories/b.txt", story, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fingerprints(tt.path, check(t, tt.path, tt.text))
			for _, rule := range []string{"missing-attribution", "anonymous-source"} {
				if tt.same {
					assert.Equal(t, base[rule], got[rule], rule)
				} else {
					assert.NotEqual(t, base[rule], got[rule], rule)
				}
			}
		})
	}
}

func TestSpeakerChangeMakesFindingNew(t *testing.T) {
	a := fingerprints("a.txt", check(t, "a.txt", "H\n\n\"The deal is dead,\" a person familiar with the talks said.\n"))
	b := fingerprints("a.txt", check(t, "a.txt", "H\n\n\"The deal is dead,\" a senior official said.\n"))
	assert.NotEqual(t, a["anonymous-source"], b["anonymous-source"])
}

func TestNormalize(t *testing.T) {
	assert.Equal(t, `we're "done" - really`, baseline.Normalize("  We’re “done” — really…, "))
}

func TestWriteLoadFilter(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, baseline.DefaultFile)
	path := filepath.Join(dir, "stories", "a.txt")
	old := check(t, path, story)

	b, err := baseline.NewBuilder(file)
	require.NoError(t, err)
	b.Add(path, old.Doc, old.Findings)
	require.NoError(t, b.Write(file, "quotecheck test"))
	assert.Equal(t, len(old.Findings), b.Len())

	var f baseline.File
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(data, &f))
	assert.Equal(t, baseline.Version, f.Version)
	for _, e := range f.Findings {
		assert.Equal(t, "stories/a.txt", e.Path, "paths are relative to the baseline file")
		assert.NotContains(t, string(data), `"line"`)
	}

	bl, err := baseline.Load(file)
	require.NoError(t, err)
	assert.Equal(t, len(old.Findings), bl.Len())
	assert.Empty(t, bl.Filter(path, old.Doc, old.Findings), "every old finding is in the baseline")

	// The same story with a new unattributed quote: only that is new.
	grown := check(t, path, story+"\nCritics said it was \"a betrayal of readers\", and worse.\n\nIt was \"a scandal\".\n")
	left := bl.Filter(path, grown.Doc, grown.Findings)
	require.NotEmpty(t, left)
	for _, f := range left {
		assert.NotContains(t, []string{"the boldest plan in a generation", "The deal is dead,"}, grown.Doc.Slice(f.Span))
	}

	// The same path reached another way still matches.
	t.Chdir(dir)
	assert.Empty(t, bl.Filter(filepath.Join("stories", ".", "a.txt"), old.Doc, old.Findings))
}

func TestFilterCountsRepeats(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, baseline.DefaultFile)
	const p = "The plan was hailed as \"the boldest plan in a generation\".\n"
	one := "H\n\n" + p
	two := "H\n\n" + p + "\n" + p
	r1 := check(t, "a.txt", one)
	b, err := baseline.NewBuilder(file)
	require.NoError(t, err)
	b.Add(filepath.Join(dir, "a.txt"), r1.Doc, r1.Findings)
	require.NoError(t, b.Write(file, "t"))
	bl, err := baseline.Load(file)
	require.NoError(t, err)
	r2 := check(t, "a.txt", two)
	assert.Len(t, bl.Filter(filepath.Join(dir, "a.txt"), r2.Doc, r2.Findings), len(r2.Findings)-len(r1.Findings),
		"a finding recorded once hides one occurrence, not two")
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := baseline.Load(filepath.Join(dir, "missing.json"))
	assert.ErrorContains(t, err, "no such file")
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte("{"), 0o644))
	_, err = baseline.Load(bad)
	assert.ErrorContains(t, err, "not a baseline file")
	v2 := filepath.Join(dir, "v2.json")
	require.NoError(t, os.WriteFile(v2, []byte(`{"version": 2, "findings": []}`), 0o644))
	_, err = baseline.Load(v2)
	assert.ErrorContains(t, err, "version 2")
}
