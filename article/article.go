// Package article holds the document model shared by the extractor, the
// rule engine and the output formatters: the text as read, its paragraphs,
// and the quotations and sources found in it, all located by byte spans.
package article

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Contains reports whether offset lies inside the span.
func (s Span) Contains(offset int) bool { return offset >= s.Start && offset < s.End }

// SourceType says how a source is identified.
type SourceType string

// The source types of the report contract.
const (
	Person       SourceType = "person"
	Organization SourceType = "organization"
	Anonymous    SourceType = "anonymous"
	// Document is a text with no named issuer in the story ("the
	// inspection report", "court filings"): attributed, not anonymous.
	DocumentSource SourceType = "document"
	// NoSource is used by scorers and tables for a quote with no speaker;
	// it never appears as a Speaker.Type.
	NoSource SourceType = "none"
)

// Paragraph is a run of text between blank lines.
type Paragraph struct {
	Span
	// Heading marks a headline, deck or crosshead: a short paragraph with no
	// sentence-ending punctuation.
	Heading bool
}

// Speaker is who a quotation is attributed to.
type Speaker struct {
	// Name is the canonical name of the source in this document.
	Name string
	// Mention is the words at this attribution ("he", "the official").
	Mention     string
	MentionSpan Span
	Type        SourceType
	// Source indexes Document.Sources.
	Source int
	// Form says how the mention names the source: "name", "surname",
	// "pronoun", "description", "role" or "inherited" (no words of its
	// own: the quote continues another).
	Form string
	// FullNameGiven and FullNameAt tell, for people, whether and where the
	// document gives the full name.
	FullNameGiven bool
	FullNameAt    int
}

// QuoteKind separates quotations of someone from quoted terms.
type QuoteKind int

const (
	// Quotation is a direct quotation of a speaker.
	Quotation QuoteKind = iota
	// Term is a quoted title, nickname, scare quote or word-as-word.
	Term
)

// Quote is one run of quoted words inside one paragraph.
type Quote struct {
	ID string
	// Span covers the quoted words, without the marks or surrounding spaces.
	Span Span
	// Open and Close are the quotation marks; Close is empty when the quote
	// runs on to the next paragraph or is never closed.
	Open, Close Span
	Paragraph   int
	Kind        QuoteKind
	// TermReason says why a Term is not a quotation ("title", "so-called").
	TermReason string
	Speaker    *Speaker
	Cue        string
	CueSpan    Span
	Confidence float64
	// Frame names how the attribution was found: an extractor frame
	// ("attribution-after", "verb-before"…) or a context rule
	// ("continues-paragraph", "lead-in"…). Empty without a speaker.
	Frame string
	// RunsOn is set when the quote's paragraph ends without a closing mark
	// and the next paragraph reopens the quotation.
	RunsOn bool
	// Continues is set on the paragraph that continues a running quotation.
	Continues bool
	// Unclosed is set when the opening mark is never closed and the
	// quotation does not run on.
	Unclosed bool
}

// Source is one distinct speaker in the document.
type Source struct {
	Name string
	Type SourceType
	// Intro is the span of the first mention of the source.
	Intro Span
	// Description is the role or appositive given for the source, if any.
	Description string
	// Mentions are the distinct words the document uses for the source.
	Mentions []string
	// Quotes lists quote IDs in document order.
	Quotes []string
	// AnonymityReason is set for anonymous sources when the document says
	// why the source was not named; ReasonSpan locates that phrase.
	AnonymityReason bool
	ReasonSpan      Span
	// Bare marks an anonymous source described only as "sources" or
	// "officials", the weakest form.
	Bare bool
}

// MarkProblem is a quotation mark that does not pair up.
type MarkProblem struct {
	Span Span
	// Kind is "unclosed" or "stray-close".
	Kind string
	Mark string
}

// Document is one article and what was found in it.
type Document struct {
	Path    string
	ID      string
	Version string
	// Text is the article as read, after decoding (BOM removed).
	Text       string
	Paragraphs []Paragraph
	Quotes     []Quote
	Sources    []Source
	Marks      []MarkProblem

	// Source, when set, is the original file (Markdown, HTML, a JSON
	// record) that Text was extracted from, and SourceMap maps offsets in
	// Text back to offsets in Source. Positions are then reported in the
	// original file.
	Source    string
	SourceMap *OffsetMap
	// SourceLine and SourceStart place Source inside a larger file (one
	// record of a JSON Lines archive): the 1-based line and the byte
	// offset at which Source begins. Zero means Source starts the file.
	// Positions carry the file's line numbers; their offsets stay offsets
	// into Source.
	SourceLine, SourceStart int

	// Meta is what the input said about the article besides its text
	// (front matter, HTML meta tags, JSON record fields).
	Meta Metadata

	lines *LineIndex
}

// Metadata describes an article; any field may be empty.
type Metadata struct {
	Title, Published, URL, Author, Section string
}

// New builds a document from decoded text and splits it into paragraphs.
func New(path, text string) *Document {
	d := &Document{Path: path, Text: text}
	d.Paragraphs = SplitParagraphs(text)
	return d
}

// Lines returns the line index of the file the document was read from
// (Source when set, else Text), building it on first use. Its line
// numbers are those of the file (Source starts on line SourceLine); its
// offsets are offsets into Source.
func (d *Document) Lines() *LineIndex {
	if d.lines == nil {
		if d.SourceMap != nil {
			d.lines = NewLineIndex(d.Source)
			if d.SourceLine > 1 {
				d.lines.base = d.SourceLine - 1
			}
		} else {
			d.lines = NewLineIndex(d.Text)
		}
	}
	return d.lines
}

// Position returns the printable position of a byte offset into Text, in
// the file the document was read from.
func (d *Document) Position(offset int) Position {
	if d.SourceMap != nil {
		offset = d.SourceMap.SourceOffset(offset)
	}
	return d.Lines().Position(offset)
}

// Slice returns the text a span covers.
func (d *Document) Slice(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// QuoteText returns the words of quote q.
func (d *Document) QuoteText(q *Quote) string { return d.Slice(q.Span) }

// Quotations returns the quotes that are quotations of someone (not terms).
func (d *Document) Quotations() []*Quote {
	out := make([]*Quote, 0, len(d.Quotes))
	for i := range d.Quotes {
		if d.Quotes[i].Kind == Quotation {
			out = append(out, &d.Quotes[i])
		}
	}
	return out
}

// QuoteByID finds a quote by its id.
func (d *Document) QuoteByID(id string) *Quote {
	for i := range d.Quotes {
		if d.Quotes[i].ID == id {
			return &d.Quotes[i]
		}
	}
	return nil
}
