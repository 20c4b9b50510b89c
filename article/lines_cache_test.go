package article

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPositionOrderIndependent checks that the lookup cache gives the same
// positions whatever order offsets are asked in.
func TestPositionOrderIndependent(t *testing.T) {
	text := "first line\r\nsecond “curly” line with 😀 emoji\n\nthird line, longer than the others\n"
	want := make([]Position, len(text)+1)
	for off := range want {
		want[off] = NewLineIndex(text).Position(off) // fresh index: no cache
	}
	li := NewLineIndex(text)
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		off := r.Intn(len(text) + 1)
		assert.Equal(t, want[off], li.Position(off), "offset %d", off)
	}
}
