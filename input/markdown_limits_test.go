package input

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// deepList is a list nested n levels deep by indentation.
func deepList(n int) string {
	var b strings.Builder
	b.WriteString("“We are ready,” said Ada Penrose.\n\n")
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return b.String()
}

// TestMarkdownNestingCapped: nesting past MaxMarkdownDepth is refused
// before parsing, with the line where it goes too deep.
func TestMarkdownNestingCapped(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
	}{
		{"indented list", deepList(5000), 3 + MaxMarkdownDepth},
		{"bullets on one line", strings.Repeat("- ", 5000) + "x\n", 1},
		{"numbered on one line", "Intro\n\n" + strings.Repeat("1. ", 500) + "x\n", 3},
		{"block quotes", strings.Repeat(">", 5000) + " x\n", 1},
		{"after front matter", "---\ntitle: Deep\n---\n" + strings.Repeat("> ", 200) + "x\n", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("deep.md", []byte(tt.src), Options{})
			var me *MarkdownError
			require.ErrorAs(t, err, &me)
			assert.Equal(t, tt.line, me.Line)
			assert.Contains(t, err.Error(), "quotecheck reads Markdown nested up to 100 levels")
		})
	}

	// Ordinary nesting, and text that only looks like markers, is read.
	for _, src := range []string{
		deepList(20),
		strings.Repeat("> ", 30) + "“Fine,” said Ada Penrose.\n",
		strings.Repeat(" ", 400) + "indented code\n\n“Fine,” said Ada Penrose.\n",
		"-5 degrees and 2024.\n\n“Fine,” said Ada Penrose.\n",
	} {
		_, err := Read("ok.md", []byte(src), Options{})
		assert.NoError(t, err, src[:20])
	}
}

// BenchmarkDeepMarkdown: a list nested 5,000 deep (25 MB) is refused at
// the speed of a scan, not parsed.
func BenchmarkDeepMarkdown(b *testing.B) {
	src := []byte(deepList(5000))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Read("deep.md", src, Options{}); err == nil {
			b.Fatal("not refused")
		}
	}
}

// TestMarkdownUnclosedComment: an HTML comment never closed would hide
// the rest of the story; the file is refused, naming the line.
func TestMarkdownUnclosedComment(t *testing.T) {
	src := "# Pier closes\n\n“The pier is unsafe,” said Ada Penrose.\n\n<!-- editor: check the figure\n\n“It will cost millions,” said Tomas Erling.\n"
	_, err := Read("story.md", []byte(src), Options{})
	assert.EqualError(t, err, "line 5: an HTML comment (<!--) is never closed, so the rest of the story is hidden from readers and from quotecheck; close it with -->")

	for _, closed := range []string{
		"<!-- editor: check the figure -->\n",
		"<!-- editor:\ncheck the figure\n-->\n",
		"<!-- quotecheck-disable-next-line anonymous-source: approved -->\n",
		"Text with an inline <!-- comment that never closes.\n",
	} {
		doc, err := Read("story.md", []byte("“The pier is unsafe,” said Ada Penrose.\n\n"+closed+"\n“It will cost millions,” said Tomas Erling.\n"), Options{})
		require.NoError(t, err, closed)
		assert.Contains(t, doc[0].Doc.Text, "It will cost millions", closed)
	}
}
