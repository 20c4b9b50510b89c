package eval_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/verify/gold.jsonl from the story folders")

const verifyDir = "../testdata/verify"

// verifyGold is one line of testdata/verify/gold.jsonl, fields in the
// order they are written.
type verifyGold struct {
	ID      string             `json:"id"`
	Text    string             `json:"text"`
	Sources []verifyGoldSource `json:"sources"`
	Quotes  []verifyGoldQuote  `json:"quotes"`
}

type verifyGoldSource struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// verifyGoldQuote leaves the speaker unscored: the folders annotate
// verdicts only.
type verifyGoldQuote struct {
	Text              string   `json:"text"`
	Speaker           []string `json:"speaker"`
	SpeakerType       string   `json:"speaker_type"`
	SpeakerUnresolved bool     `json:"speaker_unresolved"`
	Verdict           string   `json:"verdict"`
	Meaning           *bool    `json:"meaning,omitempty"`
}

// buildVerifyGold assembles gold.jsonl from the story folders of dir: per
// folder, story.txt is the article, every other file but gold.txt a
// source, and gold.txt holds one "VERDICT<TAB>quote text" line per
// quotation, with altered+ for a meaning-bearing change and altered- for
// a cosmetic one.
func buildVerifyGold(dir string) ([]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		g, err := buildStoryGold(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		if err := enc.Encode(g); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil
}

func buildStoryGold(folder string) (*verifyGold, error) {
	story, err := os.ReadFile(filepath.Join(folder, "story.txt"))
	if err != nil {
		return nil, err
	}
	g := &verifyGold{ID: "verify-" + filepath.Base(folder), Text: string(story), Sources: []verifyGoldSource{}, Quotes: []verifyGoldQuote{}}
	files, err := os.ReadDir(folder)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if f.IsDir() || f.Name() == "story.txt" || f.Name() == "gold.txt" {
			continue
		}
		text, err := os.ReadFile(filepath.Join(folder, f.Name()))
		if err != nil {
			return nil, err
		}
		g.Sources = append(g.Sources, verifyGoldSource{Name: f.Name(), Text: string(text)})
	}
	lines, err := os.ReadFile(filepath.Join(folder, "gold.txt"))
	if err != nil {
		return nil, err
	}
	for n, line := range strings.Split(strings.TrimRight(string(lines), "\n"), "\n") {
		where := fmt.Sprintf("%s:%d", filepath.Join(folder, "gold.txt"), n+1)
		verdict, text, ok := strings.Cut(line, "\t")
		if !ok || text == "" {
			return nil, fmt.Errorf("%s: want VERDICT<TAB>quote text", where)
		}
		if !strings.Contains(g.Text, text) {
			return nil, fmt.Errorf("%s: %q is not in story.txt", where, text)
		}
		q := verifyGoldQuote{Text: text, Speaker: []string{}, SpeakerType: "person", SpeakerUnresolved: true, Verdict: verdict}
		switch verdict {
		case "altered+", "altered-":
			meaning := verdict == "altered+"
			q.Verdict, q.Meaning = "altered", &meaning
		case "verbatim", "stitched", "not-found":
		default:
			return nil, fmt.Errorf("%s: unknown verdict %q (want verbatim, altered+, altered-, stitched or not-found)", where, verdict)
		}
		g.Quotes = append(g.Quotes, q)
	}
	return g, nil
}

// TestVerifyGoldInSync rebuilds testdata/verify/gold.jsonl from the story
// folders and compares; after editing a folder, rewrite it with
//
//	go test ./eval -run TestVerifyGoldInSync -update
func TestVerifyGoldInSync(t *testing.T) {
	built, err := buildVerifyGold(verifyDir)
	require.NoError(t, err)
	path := filepath.Join(verifyDir, "gold.jsonl")
	if *update {
		require.NoError(t, os.WriteFile(path, built, 0o644))
	}
	committed, err := os.ReadFile(path)
	require.NoError(t, err)
	if !bytes.Equal(committed, built) {
		t.Errorf("%s is out of date with its story folders; rewrite it with\n\tgo test ./eval -run TestVerifyGoldInSync -update", path)
	}
}

func TestBuildStoryGoldErrors(t *testing.T) {
	tests := []struct{ name, gold, want string }{
		{"no tab", "verbatim The pool will reopen\n", "want VERDICT<TAB>quote text"},
		{"unknown verdict", "altered\tThe pool will reopen\n", `unknown verdict "altered"`},
		{"quote not in story", "verbatim\tThe pool is closed\n", "is not in story.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "story.txt"), []byte(`"The pool will reopen," Maris said.`+"\n"), 0o644))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "gold.txt"), []byte(tt.gold), 0o644))
			_, err := buildStoryGold(dir)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), "gold.txt:1")
		})
	}
}
