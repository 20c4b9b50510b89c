// Package eval scores the extractor and rule engine against gold
// annotations in the format of the shared gold-format spec.
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Gold is one annotated article.
type Gold struct {
	ID       string        `json:"id"`
	Text     string        `json:"text"`
	Quotes   []GoldQuote   `json:"quotes"`
	Ignore   []string      `json:"ignore"`
	Findings []GoldFinding `json:"findings"`
	Versions []GoldVersion `json:"versions"`
	// Sources are the record the quotations are verified against.
	Sources []GoldSource   `json:"sources"`
	Path    string         `json:"-"`
	Line    int            `json:"-"`
	Extra   map[string]any `json:"-"`
}

// GoldQuote is one annotated quotation.
type GoldQuote struct {
	Text            string   `json:"text"`
	Speaker         []string `json:"speaker"`
	SpeakerType     string   `json:"speaker_type"`
	Cue             string   `json:"cue"`
	AnonymityReason *bool    `json:"anonymity_reason"`
	// SpeakerUnresolved marks a gold speaker that is only a pronoun: the
	// quote counts for quote scores, not for speaker or type accuracy.
	SpeakerUnresolved bool `json:"speaker_unresolved"`
	// Verdict is what the sources say of the quote (verbatim, altered,
	// stitched, not-found), and Meaning, for altered, whether a change
	// alters the meaning (a misquote).
	Verdict string `json:"verdict"`
	Meaning bool   `json:"meaning"`
}

// GoldSource is one source document: its name (whose extension says how
// to read it) and text.
type GoldSource struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// GoldFinding is an expected rule finding.
type GoldFinding struct {
	Rule  string `json:"rule"`
	Quote string `json:"quote"`
}

// GoldVersion is a later version of the article with its quote changes.
type GoldVersion struct {
	Label   string       `json:"label"`
	Text    string       `json:"text"`
	Changes []GoldChange `json:"changes"`
}

// GoldChange is an expected quote change between versions.
type GoldChange struct {
	Type string `json:"type"`
	Old  string `json:"old"`
	New  string `json:"new"`
}

// LoadGold reads a gold file: one JSON object, or JSON Lines.
func LoadGold(path string) ([]Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	trimmed := bytes.TrimSpace(data)
	if strings.HasSuffix(path, ".jsonl") || bytes.Count(trimmed, []byte("\n{")) > 0 && !bytes.HasPrefix(trimmed, []byte("[")) && !json.Valid(trimmed) {
		var out []Gold
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 1<<20), 256<<20)
		line := 0
		for sc.Scan() {
			line++
			if len(bytes.TrimSpace(sc.Bytes())) == 0 {
				continue
			}
			var g Gold
			if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
				return out, fmt.Errorf("%s:%d: %v", path, line, err)
			}
			g.Path, g.Line = path, line
			out = append(out, g)
		}
		return out, sc.Err()
	}
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	g.Path, g.Line = path, 1
	return []Gold{g}, nil
}
