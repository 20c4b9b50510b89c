package article

import (
	"slices"
	"sort"
)

// OffsetMap maps byte offsets in extracted article text back to byte
// offsets in the original file. It is a list of segments where text was
// copied verbatim; offsets between segments map to the start of the next
// segment.
type OffsetMap struct {
	segs []segment
}

type segment struct {
	text, source, length int
}

// Grow makes room for n more segments, for a caller that knows about
// how many it will add (one for each escape in a JSON string).
func (m *OffsetMap) Grow(n int) {
	if n > 0 {
		m.segs = slices.Grow(m.segs, n)
	}
}

// Len is the number of pieces of copied text the map holds.
func (m *OffsetMap) Len() int { return len(m.segs) }

// Add records that length bytes at textOff were copied from sourceOff.
// Segments must be added in increasing text order.
func (m *OffsetMap) Add(textOff, sourceOff, length int) {
	if length <= 0 {
		return
	}
	if n := len(m.segs); n > 0 {
		last := &m.segs[n-1]
		if last.text+last.length == textOff && last.source+last.length == sourceOff {
			last.length += length
			return
		}
	}
	m.segs = append(m.segs, segment{textOff, sourceOff, length})
}

// SourceOffset maps a text offset to the original file.
func (m *OffsetMap) SourceOffset(textOff int) int {
	if len(m.segs) == 0 {
		return textOff
	}
	i := sort.Search(len(m.segs), func(i int) bool { return m.segs[i].text+m.segs[i].length > textOff })
	if i == len(m.segs) {
		last := m.segs[len(m.segs)-1]
		return last.source + last.length
	}
	s := m.segs[i]
	if textOff < s.text {
		return s.source
	}
	return s.source + (textOff - s.text)
}
