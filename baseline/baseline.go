// Package baseline lets an existing archive adopt quotecheck: `quotecheck
// baseline write` records today's findings by fingerprint, and checks run
// with the baseline drop the findings it holds, so only new ones fail.
//
// A fingerprint is a hash of the rule, the file's path and the finding's
// content: the normalised quotation and its speaker's name, or for a
// finding about no quotation the normalised paragraph it lies in and its
// message without digits. Line
// numbers are never part of it, so moving paragraphs, adding copy above a
// quote or re-wrapping lines keeps a finding matched; editing the quoted
// words, changing the speaker or renaming the file makes it new.
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// DefaultFile is the baseline file name `baseline write` uses by default.
const DefaultFile = ".quotecheck-baseline.json"

// Version is the baseline file format version.
const Version = 1

// Entry is one recorded finding.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	// Path is relative to the baseline file's folder, with slashes.
	Path string `json:"path"`
	// Content and Speaker are what the fingerprint hashed, kept so that
	// people reviewing the baseline see what it accepts.
	Content string `json:"content,omitempty"`
	Speaker string `json:"speaker,omitempty"`
	// Count is how many findings share the fingerprint (omitted for 1).
	Count int `json:"count,omitempty"`
}

// File is the baseline file's JSON form.
type File struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
}

// Key is what a fingerprint is made of. Message is set only for findings
// about no quotation, with digits removed, to tell apart findings of one
// rule in one paragraph.
type Key struct {
	Rule, Path, Content, Speaker, Message string
}

// Fingerprint hashes a key.
func (k Key) Fingerprint() string {
	h := sha256.New()
	for _, s := range []string{"quotecheck-baseline-v1", k.Rule, k.Path, k.Content, k.Speaker, k.Message} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// KeyOf builds the key of a finding in a document; path is used as given
// (after slash conversion and cleaning).
func KeyOf(path string, doc *article.Document, f checker.Finding) Key {
	k := Key{Rule: f.Rule, Path: cleanPath(path)}
	if doc == nil {
		return k
	}
	if f.Quote != "" {
		if q := doc.QuoteByID(f.Quote); q != nil {
			k.Content = Normalize(doc.QuoteText(q))
			if q.Speaker != nil {
				k.Speaker = Normalize(q.Speaker.Name)
			}
			return k
		}
	}
	k.Message = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, Normalize(f.Message))
	for _, p := range doc.Paragraphs {
		if f.Span.Start >= p.Start && f.Span.Start < p.End {
			k.Content = Normalize(doc.Slice(p.Span))
			return k
		}
	}
	k.Content = Normalize(doc.Slice(f.Span))
	return k
}

// Fingerprint is KeyOf(...).Fingerprint().
func Fingerprint(path string, doc *article.Document, f checker.Finding) string {
	return KeyOf(path, doc, f).Fingerprint()
}

func cleanPath(p string) string {
	if p == "" || p == "-" {
		return "-"
	}
	return filepath.ToSlash(filepath.Clean(p))
}

var quoteFold = strings.NewReplacer(
	"\u201C", `"`, "\u201D", `"`, "\u201E", `"`, "\u201F", `"`, "\u00AB", `"`, "\u00BB", `"`,
	"\u2018", "'", "\u2019", "'", "\u201A", "'", "\u201B", "'", "\u2039", "'", "\u203A", "'",
	"\u2013", "-", "\u2014", "-", "\u2026", "...", "\u00A0", " ",
)

// Normalize folds the differences that do not make a finding new:
// Unicode compatibility forms, typographic quotes and dashes, whitespace
// and line breaks, letter case, and punctuation at either end.
func Normalize(s string) string {
	s = norm.NFKC.String(s)
	s = quoteFold.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ToLower(s)
	return strings.Trim(s, ",.;:!?'\"- ")
}

// Baseline is a loaded baseline file.
type Baseline struct {
	// Path is the baseline file.
	Path   string
	dir    string
	counts map[string]int
}

// Load reads a baseline file.
func Load(path string) (*Baseline, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("baseline %s: not a baseline file: %v", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("baseline %s: version %d, want %d (write it again with quotecheck baseline write)", path, f.Version, Version)
	}
	b := &Baseline{Path: abs, dir: filepath.Dir(abs), counts: map[string]int{}}
	for _, e := range f.Findings {
		n := e.Count
		if n < 1 {
			n = 1
		}
		b.counts[e.Fingerprint] += n
	}
	return b, nil
}

// Len returns the number of findings the baseline accepts.
func (b *Baseline) Len() int {
	n := 0
	for _, c := range b.counts {
		n += c
	}
	return n
}

// Rel returns an input path as the baseline records it: relative to the
// baseline's folder, with slashes.
func (b *Baseline) Rel(path string) string { return relTo(b.dir, path) }

func relTo(dir, path string) string {
	if path == "" || path == "-" {
		return "-"
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return cleanPath(path)
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return cleanPath(abs)
	}
	return cleanPath(rel)
}

// Filter returns the findings of a document that the baseline does not
// hold. When a fingerprint is recorded n times, its first n findings in
// the document are dropped. Filter does not change the baseline and is
// safe for concurrent use.
func (b *Baseline) Filter(path string, doc *article.Document, findings []checker.Finding) []checker.Finding {
	if b == nil || len(b.counts) == 0 || len(findings) == 0 {
		return findings
	}
	rel := b.Rel(path)
	seen := map[string]int{}
	out := findings[:0:0]
	for _, f := range findings {
		fp := Fingerprint(rel, doc, f)
		seen[fp]++
		if seen[fp] <= b.counts[fp] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// Builder collects findings for a new baseline file.
type Builder struct {
	dir     string
	entries map[string]*Entry
}

// NewBuilder starts a baseline to be written to file; paths are recorded
// relative to its folder.
func NewBuilder(file string) (*Builder, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	return &Builder{dir: filepath.Dir(abs), entries: map[string]*Entry{}}, nil
}

// Add records a document's findings.
func (b *Builder) Add(path string, doc *article.Document, findings []checker.Finding) {
	rel := relTo(b.dir, path)
	for _, f := range findings {
		k := KeyOf(rel, doc, f)
		fp := k.Fingerprint()
		if e, ok := b.entries[fp]; ok {
			e.Count++
			continue
		}
		b.entries[fp] = &Entry{Fingerprint: fp, Rule: k.Rule, Path: k.Path, Content: k.Content, Speaker: k.Speaker, Count: 1}
	}
}

// Len returns the number of findings recorded.
func (b *Builder) Len() int {
	n := 0
	for _, e := range b.entries {
		n += e.Count
	}
	return n
}

// File returns the baseline in file form, sorted by path, rule and
// fingerprint so that the file diffs well.
func (b *Builder) File(tool string) File {
	f := File{Version: Version, Tool: tool, Findings: []Entry{}}
	for _, e := range b.entries {
		c := *e
		if c.Count == 1 {
			c.Count = 0
		}
		f.Findings = append(f.Findings, c)
	}
	sort.Slice(f.Findings, func(i, j int) bool {
		a, c := f.Findings[i], f.Findings[j]
		if a.Path != c.Path {
			return a.Path < c.Path
		}
		if a.Rule != c.Rule {
			return a.Rule < c.Rule
		}
		return a.Fingerprint < c.Fingerprint
	})
	return f
}

// Write writes the baseline file atomically.
func (b *Builder) Write(file, tool string) error {
	data, err := json.MarshalIndent(b.File(tool), "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	tmp, err := os.CreateTemp(filepath.Dir(file), ".quotecheck-baseline-*.tmp")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), file)
}
