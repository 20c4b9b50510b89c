package extract

import "slices"

// slab hands out short runs of elements cut from fixed-size chunks, so
// that many small lists cost a few allocations; its chunks are cut again
// by the next document once reset, as nothing points into them then.
type slab[T any] struct {
	chunks [][]T
	cur    int // the chunk being cut from
}

// slabChunk is how many elements a chunk holds; maxSlabChunks is how many
// chunks a reset keeps (one giant document should not pin its memory).
const (
	slabChunk     = 128
	maxSlabChunks = 32
)

// reset makes every chunk free to cut again.
func (s *slab[T]) reset() {
	if len(s.chunks) > maxSlabChunks {
		// let the chunks past the limit go, not just hide them
		clear(s.chunks[maxSlabChunks:])
		s.chunks = slices.Clip(s.chunks[:maxSlabChunks])
	}
	if len(s.chunks) > 0 {
		s.chunks[0] = s.chunks[0][:0]
	}
	s.cur = 0
}

// take returns n zeroed elements, capped at n so that an append to them
// never reaches the next run. A run longer than a chunk is made on its own.
func (s *slab[T]) take(n int) []T {
	if n > slabChunk {
		return make([]T, n)
	}
	for {
		if s.cur == len(s.chunks) {
			s.chunks = append(s.chunks, make([]T, 0, slabChunk))
		}
		c := s.chunks[s.cur]
		if m := len(c); cap(c)-m >= n {
			c = c[:m+n]
			s.chunks[s.cur] = c
			run := c[m : m+n : m+n]
			clear(run)
			return run
		}
		s.cur++
		if s.cur < len(s.chunks) {
			s.chunks[s.cur] = s.chunks[s.cur][:0]
		}
	}
}
