package extract

import (
	"testing"

	"github.com/quotecheck/quotecheck/article"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Runs cut from a slab are zeroed, capped at their length, and never
// overlap; after a reset the same memory is cut again.
func TestSlab(t *testing.T) {
	var s slab[int]
	var runs [][]int
	for i := range 3 * slabChunk {
		run := s.take(1 + i%3)
		require.Len(t, run, 1+i%3)
		assert.Equal(t, len(run), cap(run), "capped")
		for k := range run {
			assert.Zero(t, run[k], "zeroed")
			run[k] = i + 1
		}
		runs = append(runs, run)
	}
	for i, run := range runs {
		for _, v := range run {
			require.Equal(t, i+1, v, "run %d was written over", i)
		}
	}
	first := &runs[0][0]
	s.reset()
	again := s.take(1)
	assert.Same(t, first, &again[0], "the first chunk is cut again")
	assert.Zero(t, again[0])

	// a run longer than a chunk is made on its own
	long := s.take(slabChunk + 1)
	assert.Len(t, long, slabChunk+1)

	// a reset keeps at most maxSlabChunks chunks
	for range (maxSlabChunks + 4) * slabChunk {
		s.take(1)
	}
	s.reset()
	assert.Len(t, s.chunks, maxSlabChunks)
	assert.Equal(t, maxSlabChunks, cap(s.chunks), "the chunks past the limit are let go")
}

// A document's quotes and speakers are its own: the next document on the
// same (pooled) extractor never writes over them. batch keeps old
// versions' quotes as they are and relies on this.
func TestQuotesOutliveTheNextDocument(t *testing.T) {
	ex := New(Options{})
	first := article.New("a.txt", "“The ferry will run all winter,” said Orla Penhallow, the harbour master.\n\n“Not a chance,” a councillor said.\n")
	ex.Extract(first)
	require.Len(t, first.Quotes, 2)
	want := make([]article.Quote, len(first.Quotes))
	speakers := make([]article.Speaker, len(first.Quotes))
	for i, q := range first.Quotes {
		want[i] = q
		require.NotNil(t, q.Speaker)
		speakers[i] = *q.Speaker
	}
	for range 3 {
		next := article.New("b.txt", "“We will appeal,” said Brannock Tull.\n\n“The fares go up,” he said. “Twice.”\n")
		ex.Extract(next)
		require.NotEmpty(t, next.Quotes)
	}
	for i := range want {
		assert.Equal(t, want[i].Span, first.Quotes[i].Span)
		assert.Equal(t, want[i].ID, first.Quotes[i].ID)
		assert.Equal(t, speakers[i], *first.Quotes[i].Speaker, "quote %d's speaker", i)
	}
}
