package verify

// index finds where a run of quotation words may stand in one source: a
// map from each pair of consecutive words (hesitations left out) to the
// places it occurs, and from each word to its places for quotations too
// short to have pairs. Built once per source, in one pass over its words.
type index struct {
	ids map[string]int32
	// wordID gives each source word's id.
	wordID []int32
	// content lists the positions of the words that are not hesitations.
	content []int32
	pairs   map[uint64][]int32 // positions in content
	singles map[int32][]int32  // positions in content
}

// maxPostings bounds the places one word or pair is looked up in: a pair
// as common as "of the" says nothing about where a quotation stands, and
// skipping it keeps a lookup's cost independent of the source's length.
const maxPostings = 48

func pairKey(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

func buildIndex(s *Source) *index {
	ix := &index{ids: map[string]int32{}, wordID: make([]int32, len(s.words)),
		pairs: map[uint64][]int32{}, singles: map[int32][]int32{}}
	for i := range s.words {
		t := &s.words[i]
		id, ok := ix.ids[t.norm]
		if !ok {
			id = int32(len(ix.ids))
			ix.ids[t.norm] = id
		}
		ix.wordID[i] = id
		if t.filler {
			continue
		}
		c := int32(len(ix.content))
		ix.content = append(ix.content, int32(i))
		ix.singles[id] = appendPosting(ix.singles[id], c)
		if c > 0 {
			prev := ix.wordID[ix.content[c-1]]
			k := pairKey(prev, id)
			ix.pairs[k] = appendPosting(ix.pairs[k], c-1)
		}
	}
	return ix
}

// appendPosting keeps at most maxPostings+1 places: one more than the
// limit marks the entry as too common to look up.
func appendPosting(list []int32, c int32) []int32 {
	if len(list) > maxPostings {
		return list
	}
	return append(list, c)
}

// id returns a normalised word's id, or -1 when the source lacks it.
func (ix *index) id(w string) int32 {
	if id, ok := ix.ids[w]; ok {
		return id
	}
	return -1
}
