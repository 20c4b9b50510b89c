package input

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// MaxMarkdownDepth is the deepest nesting of lists and block quotes read
// from a Markdown file. The parser's work on a line grows with the depth
// of the containers open around it, so a list nested thousands deep takes
// minutes and gigabytes; no story nests a tenth as deep as this.
const MaxMarkdownDepth = 100

// MarkdownError is a Markdown file quotecheck will not read as it is,
// located by line.
type MarkdownError struct {
	Line int
	Msg  string
}

func (e *MarkdownError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// checkMarkdownDepth looks, before parsing, at the container markers
// opening each line (block quote marks and list markers, with the
// indentation around them, two columns a level) and refuses a file whose
// nesting goes past MaxMarkdownDepth. One pass over the text from from.
func checkMarkdownDepth(src string, from int) error {
	line := 1 + strings.Count(src[:from], "\n")
	for start := from; start < len(src); line++ {
		end := strings.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		if depth := containerDepth(src[start:end]); depth > MaxMarkdownDepth {
			return &MarkdownError{Line: line, Msg: fmt.Sprintf(
				"lists or block quotes nested about %d levels deep; quotecheck reads Markdown nested up to %d levels", depth, MaxMarkdownDepth)}
		}
		start = end + 1
	}
	return nil
}

// containerDepth estimates how many containers a line opens or continues:
// one for each '>' and list marker at its start, and one for every two
// columns of indentation among them; 0 for a line without markers.
func containerDepth(s string) int {
	markers, columns := 0, 0
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ' ':
			columns++
			i++
		case c == '\t':
			columns += 4
			i++
		case c == '>':
			markers++
			i++
		case c == '-' || c == '*' || c == '+':
			if i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '\t' {
				return depthOf(markers, columns)
			}
			markers++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && j-i < 9 && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j >= len(s) || (s[j] != '.' && s[j] != ')') || (j+1 < len(s) && s[j+1] != ' ' && s[j+1] != '\t') {
				return depthOf(markers, columns)
			}
			markers++
			i = j + 1
		default:
			return depthOf(markers, columns)
		}
	}
	return depthOf(markers, columns)
}

func depthOf(markers, columns int) int {
	if markers == 0 {
		return 0
	}
	return markers + columns/2
}

// unclosedComment finds an HTML comment block that is never closed: the
// parser (like every CommonMark renderer) hides all that follows it.
func (md *mdExtractor) unclosedComment(n *ast.HTMLBlock) error {
	if n.HTMLBlockType != ast.HTMLBlockType2 || n.HasClosure() || n.Lines().Len() == 0 {
		return nil
	}
	// A comment closed on the line it opens has no closure line.
	first := n.Lines().At(0)
	opening := string(first.Value(md.body))
	if open := strings.Index(opening, "<!--"); open >= 0 && strings.Contains(opening[open+4:], "-->") {
		return nil
	}
	at := md.base + first.Start
	return &MarkdownError{Line: 1 + strings.Count(md.src[:at], "\n"), Msg: "an HTML comment (<!--) is never closed, so the rest of the story " +
		"is hidden from readers and from quotecheck; close it with -->"}
}
