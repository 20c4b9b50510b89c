package verify

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/input"
)

// Kind says how a source was read.
type Kind string

// The kinds of source.
const (
	// Transcript is plain text, with speaker turns where lines start with
	// a label ("OKAFOR:", "Q:", "Dr Lena Maris:").
	Transcript Kind = "transcript"
	// SRT and WebVTT are captions: numbered or plain cues with timestamps.
	SRT    Kind = "srt"
	WebVTT Kind = "vtt"
	// Document is any other input quotecheck reads (Markdown, HTML, JSON,
	// JSON Lines): a statement, a filing, an earlier story.
	Document Kind = "document"
)

// Turn is one speaker's turn in a transcript or captions.
type Turn struct {
	// Label is the speaker label as written ("OKAFOR", "Q", "Maria
	// Okafor"); empty for an unlabelled speaker change ("- " in captions).
	Label string
	// LabelSpan locates the label in the source text.
	LabelSpan article.Span
	// Words counts the turn's words.
	Words int
	// Interjection marks a short turn inside another speaker's answer
	// ("Q: Right."): a quotation may run across it.
	Interjection bool
}

// Cue is one caption cue (or one timestamped transcript line).
type Cue struct {
	// Start and End are timestamps as HH:MM:SS.mmm; End is empty for a
	// transcript timestamp.
	Start, End string
	// Line is the 1-based line of the timing line.
	Line int
}

// Source is one record that quotations are checked against, read once and
// indexed once.
type Source struct {
	Name string
	Kind Kind
	// Doc holds the text words are read from and prints positions in the
	// original file.
	Doc   *article.Document
	Turns []Turn
	Cues  []Cue

	words []token
	// turnOf and cueOf give each word's turn and cue, or -1.
	turnOf, cueOf []int32
	index         *index
}

// Words returns the number of words read from the source.
func (s *Source) Words() int { return len(s.words) }

// SourceError is a source that could not be read, located by file and,
// where it applies, line.
type SourceError struct {
	Path string
	Line int
	Err  error
}

func (e *SourceError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *SourceError) Unwrap() error { return e.Err }

// KindOf chooses how to read a file by its extension: .srt and .vtt are
// captions, .txt and unknown extensions transcripts, the other formats of
// package input documents.
func KindOf(path string) Kind {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".srt":
		return SRT
	case ".vtt", ".webvtt":
		return WebVTT
	case ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson":
		return Document
	}
	return Transcript
}

// ReadFile reads one source file. A JSON Lines file gives one source per
// record.
func ReadFile(path string, opt input.Options) ([]*Source, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &SourceError{Path: path, Err: err}
	}
	return Read(path, data, opt)
}

// Read reads one source from its bytes; name gives its kind (see KindOf).
func Read(name string, data []byte, opt input.Options) ([]*Source, error) {
	kind := KindOf(name)
	if kind == Document {
		return readDocuments(name, data, opt)
	}
	if max := opt.MaxSize; max > 0 && int64(len(data)) > max || int64(len(data)) > article.DefaultMaxSize {
		return nil, &SourceError{Path: name, Err: &article.TooLargeError{Size: int64(len(data)), Limit: article.DefaultMaxSize}}
	}
	text, err := article.Decode(data)
	if err != nil {
		var ue *article.InvalidUTF8Error
		if errors.As(err, &ue) {
			return nil, &SourceError{Path: name, Line: ue.Line, Err: err}
		}
		return nil, &SourceError{Path: name, Err: err}
	}
	src := &Source{Name: name, Kind: kind, Doc: article.New(name, text)}
	switch kind {
	case SRT:
		err = src.readSRT()
	case WebVTT:
		err = src.readVTT()
	default:
		src.readTranscript()
	}
	if err != nil {
		return nil, err
	}
	src.finish()
	return []*Source{src}, nil
}

// FromText builds a source from text already decoded (a gold file's
// sources); name gives its kind.
func FromText(name, text string) (*Source, error) {
	srcs, err := Read(name, []byte(text), input.Options{})
	if err != nil {
		return nil, err
	}
	return srcs[0], nil
}

func readDocuments(name string, data []byte, opt input.Options) ([]*Source, error) {
	recs, err := input.Read(name, data, opt)
	if err != nil {
		return nil, &SourceError{Path: name, Err: err}
	}
	var out []*Source
	for _, r := range recs {
		if r.Err != nil {
			return nil, &SourceError{Path: name, Line: r.Line, Err: r.Err}
		}
		src := &Source{Name: name, Kind: Document, Doc: r.Doc}
		if len(recs) > 1 {
			src.Name = name + "#" + strconv.Itoa(r.Line)
		}
		src.words = tokenize(nil, r.Doc.Text, 0, len(r.Doc.Text), sourceMode)
		src.finish()
		out = append(out, src)
	}
	return out, nil
}

// addWords reads the words of text[from:to] as part of the current turn
// and cue.
func (s *Source) addWords(from, to int) {
	n := len(s.words)
	s.words = tokenize(s.words, s.Doc.Text, from, to, spokenMode)
	for i := n; i < len(s.words); i++ {
		s.turnOf = append(s.turnOf, int32(len(s.Turns)-1))
		s.cueOf = append(s.cueOf, int32(len(s.Cues)-1))
	}
	if len(s.Turns) > 0 {
		s.Turns[len(s.Turns)-1].Words += len(s.words) - n
	}
}

// startTurn opens a speaker's turn unless that speaker is already talking.
func (s *Source) startTurn(label string, span article.Span) {
	if k := len(s.Turns); k > 0 && label != "" && s.Turns[k-1].Label == label {
		return
	}
	s.Turns = append(s.Turns, Turn{Label: label, LabelSpan: span})
}

// finish marks interjections and builds the index.
func (s *Source) finish() {
	if s.turnOf == nil {
		s.turnOf = make([]int32, len(s.words))
		s.cueOf = make([]int32, len(s.words))
		for i := range s.words {
			s.turnOf[i], s.cueOf[i] = -1, -1
		}
	}
	for i := 1; i+1 < len(s.Turns); i++ {
		t := &s.Turns[i]
		if t.Words <= maxInterjection && s.Turns[i-1].Label != "" && s.Turns[i-1].Label == s.Turns[i+1].Label {
			t.Interjection = true
		}
	}
	s.index = buildIndex(s)
}

// maxInterjection is the longest turn read as an interjection.
const maxInterjection = 8

// lines calls fn for each line of text with its 1-based number and span
// (without the line ending).
func lines(text string, fn func(n, start, end int) error) error {
	n := 0
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		next := start + end + 1
		if end < 0 {
			end, next = len(text)-start, len(text)
		}
		stop := start + end
		if stop > start && text[stop-1] == '\r' {
			stop--
		}
		n++
		if err := fn(n, start, stop); err != nil {
			return err
		}
		start = next
	}
	return nil
}
