package input

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"

	"github.com/quotecheck/quotecheck/article"
)

// readHTML extracts the article text of an HTML page. The tokenizer of
// golang.org/x/net/html reads the page; the raw bytes of each token give
// its place in the file. Text in script, style, nav, aside, forms, hidden
// elements and the page's header and footer (those outside <article> and
// <main>) is skipped; when the page has <article> elements only the one
// with the most text is read, else <main>, else the whole body. Block
// elements separate paragraphs, whitespace collapses as a browser shows
// it, and entities are decoded, each decoded character mapped to the start
// of its entity.
func readHTML(path, src string) (*article.Document, error) {
	events, meta, err := scanHTML(src)
	if err != nil {
		return nil, err
	}
	events = chooseScope(events)
	b := newBuilder()
	quoteDepth := 0
	for _, ev := range events {
		switch ev.kind {
		case evBlock:
			b.paragraph()
		case evBreak:
			b.lineBreak(ev.at)
		case evText:
			if ev.pre {
				preText(b, ev.raw, ev.at)
			} else {
				htmlText(b, ev.raw, ev.at)
			}
		case evQuoteOpen:
			mark := "\u201c"
			if quoteDepth%2 == 1 {
				mark = "\u2018"
			}
			quoteDepth++
			b.decoded(mark, ev.at)
		case evQuoteClose:
			if quoteDepth > 0 {
				quoteDepth--
			}
			mark := "\u201d"
			if quoteDepth%2 == 1 {
				mark = "\u2019"
			}
			b.decoded(mark, ev.at)
		}
	}
	doc, err := newDocument(path, b, src)
	if errors.Is(err, ErrNoText) {
		return nil, fmt.Errorf("%w in the HTML (is the story loaded by a script?)", ErrNoText)
	}
	if err != nil {
		return nil, err
	}
	doc.Meta = meta
	return doc, nil
}

type evKind uint8

const (
	evText evKind = iota
	evBlock
	evBreak
	evQuoteOpen
	evQuoteClose
)

// event is one thing the tokenizer saw that adds to the text, with the
// scope it was seen in.
type event struct {
	kind evKind
	raw  string // evText: the raw text, entities undecoded
	at   int    // offset in the source
	pre  bool   // inside <pre>: whitespace kept
	// article is the index of the outermost <article> holding the event,
	// or -1; main is set inside <main>.
	article int
	main    bool
}

// open is an element on the stack of open elements.
type open struct {
	name    string
	skip    bool
	pre     bool
	article int
	main    bool
}

var (
	// skipped elements hold no article text.
	skipped = set("script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
		"textarea", "option", "svg", "math", "iframe", "object", "embed", "canvas", "audio", "video",
		"figcaption", "head", "title", "dialog", "menu")
	// skippedRoles are ARIA landmarks of page furniture.
	skippedRoles = set("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
		"dialog", "alertdialog", "toolbar", "tablist")
	// blocks start and end paragraphs.
	blocks = set("address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
		"dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
		"h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol",
		"p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
		"listing", "xmp", "plaintext")
	// voids never have content or an end tag.
	voids = set("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
		"param", "source", "track", "wbr", "image")
	// closesP are start tags that end an open <p>.
	closesP = set("address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
		"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
		"hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul")
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// scanHTML tokenizes src into text events and reads the page's metadata.
func scanHTML(src string) ([]event, article.Metadata, error) {
	var meta article.Metadata
	z := html.NewTokenizer(strings.NewReader(src))
	var stack []open
	// where lists the stack positions of each open element name, so that
	// an end tag finds its element without a scan of the stack.
	where := map[string][]int{}
	var events []event
	articles := 0
	offset := 0
	inTitle := false
	top := func() open {
		if len(stack) == 0 {
			return open{article: -1}
		}
		return stack[len(stack)-1]
	}
	popTo := func(i int) {
		for len(stack) > i {
			e := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			w := where[e.name]
			where[e.name] = w[:len(w)-1]
		}
	}
	add := func(kind evKind, raw string, at int) {
		t := top()
		if t.skip {
			return
		}
		events = append(events, event{kind: kind, raw: raw, at: at, pre: t.pre, article: t.article, main: t.main})
	}
	for {
		tt := z.Next()
		at := offset
		offset += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != io.EOF {
				return nil, meta, fmt.Errorf("reading HTML at byte %d: %v", at, err)
			}
			return events, meta, nil
		case html.TextToken:
			raw := src[at:offset]
			if inTitle && meta.Title == "" {
				meta.Title = strings.Join(strings.Fields(html.UnescapeString(raw)), " ")
			}
			add(evText, raw, at)
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			name := tok.Data
			attrs := attrMap(tok.Attr)
			readMeta(name, attrs, &meta)
			if len(where["p"]) > 0 && closesP[name] {
				popTo(where["p"][len(where["p"])-1])
			}
			if name == "li" {
				if li := where["li"]; len(li) > 0 && !listBetween(stack, li[len(li)-1]) {
					popTo(li[len(li)-1])
				}
			}
			if blocks[name] {
				add(evBlock, "", at)
			}
			switch name {
			case "br":
				add(evBreak, "", at)
			case "q":
				add(evQuoteOpen, "", at)
			}
			if voids[name] || tt == html.SelfClosingTagToken && name != "q" {
				if tt == html.SelfClosingTagToken && blocks[name] {
					add(evBlock, "", at)
				}
				continue
			}
			parent := top()
			e := open{name: name, skip: parent.skip, pre: parent.pre, article: parent.article, main: parent.main}
			if skipped[name] || skippedRoles[strings.ToLower(attrs["role"])] || hidden(attrs) {
				e.skip = true
			}
			if (name == "header" || name == "footer") && parent.article < 0 && !parent.main {
				e.skip = true
			}
			if name == "article" && e.article < 0 {
				e.article = articles
				articles++
			}
			if name == "main" {
				e.main = true
			}
			if name == "pre" || name == "listing" || name == "xmp" || name == "plaintext" {
				e.pre = true
			}
			inTitle = name == "title"
			where[name] = append(where[name], len(stack))
			stack = append(stack, e)
		case html.EndTagToken:
			name, _ := z.TagName()
			n := string(name)
			inTitle = false
			switch n {
			case "br":
				add(evBreak, "", at)
				continue
			case "q":
				if len(where["q"]) > 0 {
					add(evQuoteClose, "", at)
				}
			case "body", "html":
				// Content after </body> still belongs to the body.
				continue
			}
			w := where[n]
			if len(w) == 0 {
				continue
			}
			popTo(w[len(w)-1])
			if blocks[n] {
				add(evBlock, "", at)
			}
		}
	}
}

// listBetween reports whether a list opens above stack position i, so
// that a new <li> belongs to a nested list rather than closing item i.
func listBetween(stack []open, i int) bool {
	for _, e := range stack[i+1:] {
		if e.name == "ul" || e.name == "ol" || e.name == "menu" {
			return true
		}
	}
	return false
}

func attrMap(attrs []html.Attribute) map[string]string {
	if len(attrs) == 0 {
		return nil
	}
	m := make(map[string]string, len(attrs))
	for _, a := range attrs {
		if _, dup := m[a.Key]; !dup {
			m[a.Key] = a.Val
		}
	}
	return m
}

// hidden reports whether an element is not shown.
func hidden(attrs map[string]string) bool {
	if _, ok := attrs["hidden"]; ok {
		return true
	}
	if strings.EqualFold(attrs["aria-hidden"], "true") {
		return true
	}
	style := strings.ToLower(strings.Join(strings.Fields(attrs["style"]), ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

// readMeta takes the article's metadata from <meta> and <link> tags.
func readMeta(name string, attrs map[string]string, meta *article.Metadata) {
	set := func(dst *string, v string) {
		if *dst == "" {
			*dst = strings.TrimSpace(v)
		}
	}
	switch name {
	case "meta":
		key := strings.ToLower(attrs["name"])
		if key == "" {
			key = strings.ToLower(attrs["property"])
		}
		v := attrs["content"]
		switch key {
		case "author", "article:author", "byl", "dc.creator":
			set(&meta.Author, v)
		case "article:published_time", "date", "pubdate", "publish-date", "dc.date", "dcterms.created":
			set(&meta.Published, v)
		case "article:section", "section":
			set(&meta.Section, v)
		case "og:url":
			set(&meta.URL, v)
		case "og:title":
			set(&meta.Title, v)
		}
	case "link":
		if strings.EqualFold(attrs["rel"], "canonical") {
			set(&meta.URL, attrs["href"])
		}
	}
}

// chooseScope keeps the events of the story: the <article> with the most
// text when there is one, else <main>, else everything.
func chooseScope(events []event) []event {
	size := map[int]int{}
	mainText := false
	for _, ev := range events {
		if ev.kind != evText || strings.TrimSpace(ev.raw) == "" {
			continue
		}
		if ev.article >= 0 {
			size[ev.article] += len(ev.raw)
		}
		if ev.main {
			mainText = true
		}
	}
	keep := func(ev event) bool { return true }
	if len(size) > 0 {
		best, most := -1, -1
		for id, n := range size {
			if n > most || n == most && id < best {
				best, most = id, n
			}
		}
		keep = func(ev event) bool { return ev.article == best }
	} else if mainText {
		keep = func(ev event) bool { return ev.main }
	}
	out := events[:0]
	for _, ev := range events {
		if keep(ev) {
			out = append(out, ev)
		}
	}
	return out
}

// htmlText appends the raw text of an HTML text token at source offset
// at: whitespace runs collapse to one space (mapped to the run's start)
// and character references are decoded (mapped to the '&').
func htmlText(b *builder, raw string, at int) {
	run := 0
	flush := func(i int) { b.copy(raw[run:i], at+run) }
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case isHTMLSpace(c):
			flush(i)
			b.pendingSpace(at + i)
			for i < len(raw) && isHTMLSpace(raw[i]) {
				i++
			}
			run = i
		case c == '&':
			n, dec := htmlEntity(raw[i:])
			if n == 0 {
				i++
				continue
			}
			flush(i)
			if strings.TrimLeft(dec, " \t\n\r\f") == "" {
				b.pendingSpace(at + i)
			} else {
				b.decoded(dec, at+i)
			}
			i += n
			run = i
		default:
			i++
		}
	}
	flush(len(raw))
}

// preText appends preformatted text: whitespace kept, entities decoded.
func preText(b *builder, raw string, at int) {
	run := 0
	for i := 0; i < len(raw); {
		if raw[i] != '&' {
			i++
			continue
		}
		n, dec := htmlEntity(raw[i:])
		if n == 0 {
			i++
			continue
		}
		b.copy(raw[run:i], at+run)
		b.decoded(dec, at+i)
		i += n
		run = i
	}
	b.copy(raw[run:], at+run)
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// htmlEntity decodes the character reference s starts with, as a browser
// does (the semicolon is optional for numeric and legacy references). It
// returns how many bytes of s the reference takes and what it decodes to,
// or 0 when s does not start with one.
func htmlEntity(s string) (int, string) {
	if len(s) < 2 || s[0] != '&' {
		return 0, ""
	}
	i := 1
	if s[i] == '#' {
		i++
		hex := i < len(s) && (s[i] == 'x' || s[i] == 'X')
		if hex {
			i++
		}
		start := i
		for i < len(s) && i-start < 16 && (isDigit(s[i]) || hex && isHex(s[i])) {
			i++
		}
		if i == start {
			return 0, ""
		}
	} else {
		start := i
		for i < len(s) && i-start < 32 && (isAlpha(s[i]) || isDigit(s[i])) {
			i++
		}
		if i == start {
			return 0, ""
		}
	}
	if i < len(s) && s[i] == ';' {
		i++
	}
	cand := s[:i]
	dec := html.UnescapeString(cand)
	if dec == cand {
		return 0, ""
	}
	// A legacy reference without a semicolon ("&copy2024") decodes only
	// its name: give back the rest.
	k := 0
	for k < len(cand)-1 && k < len(dec) && cand[len(cand)-1-k] == dec[len(dec)-1-k] {
		k++
	}
	if k > 0 && k < len(dec) {
		return i - k, dec[:len(dec)-k]
	}
	return i, dec
}
