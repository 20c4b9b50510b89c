package cli

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/quotecheck/quotecheck/article"
)

func TestStagedDocs(t *testing.T) {
	var none *stagedDocs
	none.put("a.txt", article.New("a.txt", "text"))
	assert.Nil(t, none.take("a.txt"), "no sharing outside the hook")

	s := &stagedDocs{}
	a := article.New("a.txt", "\"Yes,\" she said.")
	s.put("a.txt", a)
	assert.Nil(t, s.take("b.txt"))
	assert.Same(t, a, s.take("a.txt"))
	assert.Nil(t, s.take("a.txt"), "taken once")
	assert.Zero(t, s.bytes)

	big := article.New("big.txt", strings.Repeat("x", stagedDocsLimit))
	s.put("a.txt", a)
	s.put("big.txt", big)
	assert.Nil(t, s.take("big.txt"), "past the limit the diff checks again")
	assert.Same(t, a, s.take("a.txt"))
}
