// Package input turns newsroom files into article documents: plain text,
// Markdown, HTML, and JSON or JSON Lines archives of records. Every format
// but plain text is extracted into Document.Text with paragraphs separated
// by blank lines, and Document.SourceMap maps each byte of that text back
// into the original file, so that positions are reported where the words
// are in the file the user has open.
package input

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

// Format names an input format.
type Format string

// The input formats. Auto chooses by file extension (and, for standard
// input or an unknown extension, by a glance at the content).
const (
	Auto     Format = "auto"
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
	JSON     Format = "json"
	JSONL    Format = "jsonl"
)

// Formats lists the values --input-format accepts.
var Formats = []Format{Auto, Text, Markdown, HTML, JSON, JSONL}

// Extensions maps file extensions (lower case, with the dot) to formats.
// Folder walks pick up every extension listed here.
var Extensions = map[string]Format{
	".txt":      Text,
	".text":     Text,
	".md":       Markdown,
	".markdown": Markdown,
	".html":     HTML,
	".htm":      HTML,
	".json":     JSON,
	".jsonl":    JSONL,
	".ndjson":   JSONL,
}

// ParseFormat reads an --input-format value. "md" and "txt" are accepted
// as short names.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return Auto, nil
	case "text", "txt", "plain":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	case "html", "htm":
		return HTML, nil
	case "json":
		return JSON, nil
	case "jsonl", "ndjson", "json-lines":
		return JSONL, nil
	}
	return "", fmt.Errorf("unknown input format %q (want auto, text, markdown, html, json or jsonl)", s)
}

// FormatOf returns the format a path's extension implies, or Auto when the
// extension is not known (standard input, "-", included).
func FormatOf(path string) Format {
	if f, ok := Extensions[strings.ToLower(filepath.Ext(path))]; ok {
		return f
	}
	return Auto
}

// Fields names the JSON fields of a record (and the front matter keys of a
// Markdown file). Text is read from the Text field, or from Body when the
// record has no Text field. A name with dots ("story.body") reaches into
// nested objects. Empty names take the defaults.
type Fields struct {
	ID, Text, Body, Version, Published, URL, Author, Section, Title string
}

// DefaultFields are the field names used unless configured.
func DefaultFields() Fields {
	return Fields{ID: "id", Text: "text", Body: "body", Version: "version", Published: "published",
		URL: "url", Author: "author", Section: "section", Title: "title"}
}

// FieldNames lists the names SetField accepts.
var FieldNames = []string{"id", "text", "body", "version", "published", "url", "author", "section", "title"}

func (f Fields) withDefaults() Fields {
	d := DefaultFields()
	set := func(v *string, def string) {
		if *v == "" {
			*v = def
		}
	}
	set(&f.ID, d.ID)
	set(&f.Text, d.Text)
	set(&f.Body, d.Body)
	set(&f.Version, d.Version)
	set(&f.Published, d.Published)
	set(&f.URL, d.URL)
	set(&f.Author, d.Author)
	set(&f.Section, d.Section)
	set(&f.Title, d.Title)
	return f
}

// SetField applies one NAME=FIELD setting ("text=content", "id=guid").
func (f *Fields) SetField(spec string) error {
	name, field, ok := strings.Cut(spec, "=")
	name, field = strings.ToLower(strings.TrimSpace(name)), strings.TrimSpace(field)
	if !ok || field == "" {
		return fmt.Errorf("field setting %q: want NAME=FIELD, NAME one of %s", spec, strings.Join(FieldNames, ", "))
	}
	switch name {
	case "id":
		f.ID = field
	case "text":
		f.Text = field
	case "body":
		f.Body = field
	case "version":
		f.Version = field
	case "published":
		f.Published = field
	case "url":
		f.URL = field
	case "author":
		f.Author = field
	case "section":
		f.Section = field
	case "title":
		f.Title = field
	default:
		return fmt.Errorf("field setting %q: unknown name %q (want one of %s)", spec, name, strings.Join(FieldNames, ", "))
	}
	return nil
}

// Options say how to read input.
type Options struct {
	// Format forces a format; "" or Auto chooses by extension.
	Format Format
	// Fields names JSON record fields and front matter keys.
	Fields Fields
	// MaxSize is the largest file accepted, and for JSON Lines the largest
	// single record (line), in bytes; 0 means article.DefaultMaxSize.
	MaxSize int64
}

func (o Options) maxSize() int64 {
	if o.MaxSize > 0 {
		return o.MaxSize
	}
	return article.DefaultMaxSize
}

// Resolve returns the format used for path and, when the extension says
// nothing, its content.
func (o Options) Resolve(path string, data []byte) Format {
	if o.Format != "" && o.Format != Auto {
		return o.Format
	}
	if f := FormatOf(path); f != Auto {
		return f
	}
	return sniff(data)
}

// sniff guesses a format from content: an HTML document or a JSON object
// or array; anything else is text.
func sniff(data []byte) Format {
	if dec, _ := article.UTF16Decoder(data); dec != nil {
		// Look at the start of the text; an odd byte cut off is dropped.
		data, _ = dec.Bytes(data[:min(len(data), 8192)&^1])
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(head) > 512 {
		head = head[:512]
	}
	lower := bytes.ToLower(head)
	switch {
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return HTML
	case startsJSON(head, '{', '"'):
		if bytes.Count(bytes.TrimSpace(data), []byte("\n")) > 0 && looksLikeLines(data) {
			return JSONL
		}
		return JSON
	case startsJSON(head, '[', '{'):
		return JSON
	}
	return Text
}

// startsJSON reports whether head starts with open and then, past any
// whitespace, next: `{"` or `[{` begins JSON records, where a story may
// well begin with a bracket.
func startsJSON(head []byte, open, next byte) bool {
	if len(head) == 0 || head[0] != open {
		return false
	}
	rest := bytes.TrimLeft(head[1:], " \t\r\n")
	return len(rest) > 0 && rest[0] == next
}

// looksLikeLines reports whether the first line of data is a complete JSON
// value on its own, as in JSON Lines.
func looksLikeLines(data []byte) bool {
	line, _, _ := bytes.Cut(bytes.TrimSpace(data), []byte("\n"))
	return jsonValid(bytes.TrimSpace(line))
}

// Record is one article read from input, or the error that stopped one
// record (a broken JSON line) from being read.
type Record struct {
	// Doc is the article; nil when Err is set.
	Doc *article.Document
	// Line is the 1-based line of the file where the record starts.
	Line int
	// Err says why the record could not be read.
	Err error
}

// RecordError is a problem with one record of a file that holds several,
// located by line (and column, when known).
type RecordError struct {
	Line, Column int
	Err          error
}

func (e *RecordError) Error() string {
	if e.Column > 0 {
		return fmt.Sprintf("line %d, column %d: %v", e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// ErrNoText is returned when a file in a structured format has no article
// text once markup is removed.
var ErrNoText = fmt.Errorf("no article text found")

// Read reads every article in data. The error is for the file as a whole
// (empty, binary, not UTF-8, too large, unreadable); problems with single
// records of a JSON or JSON Lines file are returned as records with Err
// set, after and before the records that could be read.
func Read(path string, data []byte, opt Options) ([]Record, error) {
	return read(path, data, opt, false)
}

// ReadOwned is Read for a buffer the caller hands over: a plain text
// document's text shares data's memory instead of copying it, so the
// caller must never write to data again.
func ReadOwned(path string, data []byte, opt Options) ([]Record, error) {
	return read(path, data, opt, true)
}

func read(path string, data []byte, opt Options, owned bool) ([]Record, error) {
	var out []Record
	err := readAll(path, data, opt, owned, func(r Record) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// readAll reads every article in data; owned says data is handed over
// (see ReadOwned).
func readAll(path string, data []byte, opt Options, owned bool, fn func(Record) error) error {
	format := opt.Resolve(path, data)
	if format == JSONL {
		// The size limit applies to each record.
		opt.Format = JSONL
		return Records(bytes.NewReader(data), path, opt, fn)
	}
	if int64(len(data)) > opt.maxSize() {
		return &article.TooLargeError{Size: int64(len(data)), Limit: opt.maxSize()}
	}
	decode := article.Decode
	if owned {
		decode = article.DecodeOwned
	}
	text, err := decode(data)
	if err != nil {
		return err
	}
	fields := opt.Fields.withDefaults()
	switch format {
	case Markdown:
		doc, err := readMarkdown(path, text, fields)
		if err != nil {
			return err
		}
		return fn(Record{Doc: doc, Line: 1})
	case HTML:
		doc, err := readHTML(path, text)
		if err != nil {
			return err
		}
		return fn(Record{Doc: doc, Line: 1})
	case JSON:
		return readJSON(path, text, fields, fn)
	case Text, Auto:
		return fn(Record{Doc: article.New(path, text), Line: 1})
	}
	return fmt.Errorf("unknown input format %q", format)
}

// newDocument builds a document from extracted text and its map into src.
func newDocument(path string, b *builder, src string) (*article.Document, error) {
	text := b.String()
	if strings.TrimSpace(text) == "" {
		return nil, ErrNoText
	}
	doc := article.New(path, text)
	doc.Source = src
	doc.SourceMap = b.Map()
	return doc, nil
}
