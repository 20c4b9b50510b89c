package input

import (
	"html"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gtext "github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

	"github.com/quotecheck/quotecheck/article"
)

// readMarkdown extracts the article text of a Markdown file: headings,
// paragraphs, list items and blockquotes, each a paragraph; front matter,
// code blocks, HTML blocks and comments, images and link targets left
// out. Inline markup is dropped and backslash escapes and entity
// references decoded, each mapped back to its place in the file.
func readMarkdown(path, src string, fields Fields) (*article.Document, error) {
	bodyStart, meta := frontMatter(src)
	if err := checkMarkdownDepth(src, bodyStart); err != nil {
		return nil, err
	}
	body := []byte(src[bodyStart:])
	root := goldmark.DefaultParser().Parse(gtext.NewReader(body))
	md := &mdExtractor{src: src, body: body, base: bodyStart, b: newBuilder()}
	md.block(root)
	if md.err != nil {
		return nil, md.err
	}
	doc, err := newDocument(path, md.b, src)
	if err != nil {
		return nil, err
	}
	if meta != nil {
		doc.ID = meta.get(fields.ID)
		doc.Version = meta.get(fields.Version)
		doc.Meta = article.Metadata{
			Title:     meta.get(fields.Title),
			Published: meta.get(fields.Published, "date"),
			URL:       meta.get(fields.URL),
			Author:    meta.get(fields.Author, "authors", "byline"),
			Section:   meta.get(fields.Section, "category", "categories"),
		}
	}
	return doc, nil
}

type mdExtractor struct {
	src  string
	body []byte
	base int // offset of body in src
	b    *builder
	// err is the first problem that stops the file being read as it is.
	err error
}

func (md *mdExtractor) block(n ast.Node) {
	switch n.Kind() {
	case ast.KindHeading, ast.KindParagraph, ast.KindTextBlock:
		// A tight list item's text is a TextBlock; a paragraph of its own
		// in the extracted text either way.
		md.b.paragraph()
		md.inlines(n)
		md.b.paragraph()
		return
	case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock, ast.KindThematicBreak:
		if hb, ok := n.(*ast.HTMLBlock); ok && md.err == nil {
			md.err = md.unclosedComment(hb)
		}
		md.b.paragraph()
		return
	}
	if n.Type() == ast.TypeInline {
		md.inlines(n)
		return
	}
	md.b.paragraph()
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		md.block(c)
	}
	md.b.paragraph()
}

func (md *mdExtractor) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			seg := c.Segment
			if seg.Start < 0 || seg.Stop > len(md.body) || seg.Start > seg.Stop {
				continue
			}
			if c.IsRaw() {
				md.b.copy(string(md.body[seg.Start:seg.Stop]), md.base+seg.Start)
			} else {
				unescapeMarkdown(md.b, string(md.body[seg.Start:seg.Stop]), md.base+seg.Start)
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				md.b.raw("\n", md.newlineAfter(seg.Stop))
			}
		case *ast.String:
			md.b.decoded(string(c.Value), -1)
		case *ast.RawHTML, *ast.Image, *ast.AutoLink:
			// Inline tags and comments, pictures and bare URLs are not
			// article text.
		default:
			md.inlines(c)
		}
	}
}

// newlineAfter finds the line ending that follows a text segment (past
// trailing spaces and a hard-break backslash), as an offset in src, or -1.
func (md *mdExtractor) newlineAfter(stop int) int {
	for i := stop; i < len(md.body) && i < stop+64; i++ {
		switch md.body[i] {
		case '\n', '\r':
			return md.base + i
		case ' ', '\t', '\\':
			continue
		}
		return -1
	}
	return -1
}

// unescapeMarkdown appends Markdown inline text, decoding backslash
// escapes and entity references; at is the offset of s in the source.
func unescapeMarkdown(b *builder, s string, at int) {
	run := 0 // start of the pending verbatim run
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			b.copy(s[run:i], at+run)
			b.decoded(s[i+1:i+2], at+i)
			i += 2
			run = i
			continue
		}
		if c == '&' {
			if n := entityLen(s[i:]); n > 0 {
				// A known name decodes whole to one or two characters; an
				// unknown one that starts with a legacy name ("&amp0;")
				// decodes only in part, and is not an entity in Markdown.
				if dec := html.UnescapeString(s[i : i+n]); dec != s[i:i+n] && (s[i+1] == '#' || utf8.RuneCountInString(dec) <= 2) {
					b.copy(s[run:i], at+run)
					b.decoded(dec, at+i)
					i += n
					run = i
					continue
				}
			}
		}
		i++
	}
	b.copy(s[run:], at+run)
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// entityLen returns the length of the entity or numeric character
// reference, ending in ';', that s starts with, or 0.
func entityLen(s string) int {
	if len(s) < 3 || s[0] != '&' {
		return 0
	}
	i := 1
	if s[i] == '#' {
		i++
		hex := i < len(s) && (s[i] == 'x' || s[i] == 'X')
		if hex {
			i++
		}
		start := i
		for i < len(s) && i-start < 8 && (isDigit(s[i]) || hex && isHex(s[i])) {
			i++
		}
		if i == start || i >= len(s) || s[i] != ';' {
			return 0
		}
		return i + 1
	}
	start := i
	for i < len(s) && i-start < 32 && (isAlpha(s[i]) || isDigit(s[i])) {
		i++
	}
	if i == start || !isAlpha(s[start]) || i >= len(s) || s[i] != ';' {
		return 0
	}
	return i + 1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isHex(c byte) bool   { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// metadata is front matter: YAML (between "---" lines) or TOML (between
// "+++" lines) keys and their values as text.
type metadata map[string]string

// get returns the first non-empty value among the keys.
func (m metadata) get(keys ...string) string {
	for _, k := range keys {
		if v := m[strings.ToLower(k)]; v != "" {
			return v
		}
	}
	return ""
}

// frontMatter finds front matter at the start of a Markdown file and
// returns where the body starts and the keys it sets (nil when there is
// none). Front matter that does not parse is still left out of the text.
func frontMatter(src string) (int, metadata) {
	fence := ""
	switch {
	case lineIs(src, 0, "---"):
		fence = "---"
	case lineIs(src, 0, "+++"):
		fence = "+++"
	default:
		return 0, nil
	}
	first := nextLine(src, 0)
	for i := first; i < len(src); i = nextLine(src, i) {
		if lineIs(src, i, fence) || fence == "---" && lineIs(src, i, "...") {
			meta := metadata{}
			if fence == "---" {
				parseYAMLMeta(src[first:i], meta)
			} else {
				parseTOMLMeta(src[first:i], meta)
			}
			return nextLine(src, i), meta
		}
	}
	return 0, nil
}

// lineIs reports whether the line starting at i is exactly want, allowing
// trailing spaces.
func lineIs(src string, i int, want string) bool {
	end := strings.IndexByte(src[i:], '\n')
	line := src[i:]
	if end >= 0 {
		line = src[i : i+end]
	}
	return strings.TrimRight(line, " \t\r") == want
}

// nextLine returns the offset of the line after the one starting at i.
func nextLine(src string, i int) int {
	if j := strings.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(src)
}

func parseYAMLMeta(s string, meta metadata) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(s), &doc); err != nil || len(doc.Content) == 0 {
		return
	}
	flattenYAML(doc.Content[0], "", meta, 0)
}

// flattenYAML records scalar values by dotted key path; a list of scalars
// becomes one comma-separated value. Aliases are not followed.
func flattenYAML(n *yaml.Node, prefix string, meta metadata, depth int) {
	if depth > 8 {
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := strings.ToLower(n.Content[i].Value)
			if prefix != "" {
				key = prefix + "." + key
			}
			flattenYAML(n.Content[i+1], key, meta, depth+1)
		}
	case yaml.ScalarNode:
		if prefix != "" {
			meta[prefix] = n.Value
		}
	case yaml.SequenceNode:
		var vals []string
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode {
				vals = append(vals, c.Value)
			} else if c.Kind == yaml.MappingNode {
				// a list of people: take each one's name
				for i := 0; i+1 < len(c.Content); i += 2 {
					if c.Content[i].Value == "name" && c.Content[i+1].Kind == yaml.ScalarNode {
						vals = append(vals, c.Content[i+1].Value)
					}
				}
			}
		}
		if prefix != "" && len(vals) > 0 {
			meta[prefix] = strings.Join(vals, ", ")
		}
	}
}

// parseTOMLMeta reads the simple key = value lines of TOML front matter.
func parseTOMLMeta(s string, meta metadata) {
	for _, line := range strings.Split(s, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), "=")
		if !ok || strings.HasPrefix(k, "#") {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		}
		meta[strings.ToLower(strings.TrimSpace(k))] = v
	}
}
