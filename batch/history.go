package batch

import (
	"container/list"
	"hash/maphash"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
)

// DefaultVersionWindow is how many ids keep their last version for
// comparison unless configured.
const DefaultVersionWindow = 1000

// history keeps the last version seen of the most recently seen ids, so
// that a record is compared with the previous version of its article.
// Only records that state a version are kept and compared. It
// is a size-capped LRU: an archive that lists each article's versions
// one after another (or close together) is compared in full; in one that
// is not grouped, a version whose predecessor was last seen more than
// window distinct ids earlier is not compared (it is reported as a
// first version). A Bloom filter of the ids that left the window lets the
// summary estimate how many records missed their comparison that way
// (Figures.VersionsMissed).
type history struct {
	window int
	order  *list.List // of *version, most recent first
	byID   map[string]*list.Element
	// evicted counts ids dropped from the window; gone remembers them.
	evicted int
	gone    bloom
}

// version is the last record seen of one id.
type version struct {
	id, version, path string
	doc               *article.Document
	// pending, set for a document that was read but not extracted (a
	// record skipped by --resume), is the checker of its input's settings,
	// which extracts it when a later version needs it.
	pending *checker.Checker
}

func newHistory(window int) *history {
	if window <= 0 {
		window = DefaultVersionWindow
	}
	return &history{window: window, order: list.New(), byID: map[string]*list.Element{}, gone: newBloom()}
}

// get returns the last version of id, if kept.
func (h *history) get(id string) *version {
	if e, ok := h.byID[id]; ok {
		return e.Value.(*version)
	}
	return nil
}

// put records v as the last version of its id.
func (h *history) put(v *version) {
	if e, ok := h.byID[v.id]; ok {
		e.Value = v
		h.order.MoveToFront(e)
		return
	}
	h.byID[v.id] = h.order.PushFront(v)
	for h.order.Len() > h.window {
		last := h.order.Back()
		h.order.Remove(last)
		id := last.Value.(*version).id
		delete(h.byID, id)
		h.gone.add(id)
		h.evicted++
	}
}

// compact keeps what comparing a later version with doc needs: the text,
// its quotes with their speakers, and the source file's text and map (for
// the line and column of the old quotes); the paragraphs, sources and
// line index are dropped. The quotes and speakers are kept as they are:
// the extractor makes both lists for each document at their size, apart
// from its own reused tables, so keeping them holds nothing else. A kept
// version of a 5 KB JSON record costs about 16 KB.
func compact(doc *article.Document) *article.Document {
	return &article.Document{
		Path: doc.Path, ID: doc.ID, Version: doc.Version, Text: doc.Text, Quotes: doc.Quotes,
		Source: doc.Source, SourceMap: doc.SourceMap, SourceLine: doc.SourceLine, SourceStart: doc.SourceStart,
	}
}

// wasEvicted reports whether id probably left the window earlier.
func (h *history) wasEvicted(id string) bool { return h.evicted > 0 && h.gone.has(id) }

// bloom is a fixed-size Bloom filter of strings: 1 MiB, four probes, so
// that up to a million ids give about 2% false positives.
type bloom struct {
	bits []uint64
	seed maphash.Seed
}

const bloomBits = 1 << 23

func newBloom() bloom { return bloom{seed: maphash.MakeSeed()} }

func (b *bloom) probes(s string) (uint64, uint64) {
	h := maphash.String(b.seed, s)
	return h, h>>32 | h<<32 | 1
}

func (b *bloom) add(s string) {
	if b.bits == nil {
		b.bits = make([]uint64, bloomBits/64)
	}
	h1, h2 := b.probes(s)
	for i := range uint64(4) {
		bit := (h1 + i*h2) % bloomBits
		b.bits[bit/64] |= 1 << (bit % 64)
	}
}

func (b *bloom) has(s string) bool {
	if b.bits == nil {
		return false
	}
	h1, h2 := b.probes(s)
	for i := range uint64(4) {
		bit := (h1 + i*h2) % bloomBits
		if b.bits[bit/64]&(1<<(bit%64)) == 0 {
			return false
		}
	}
	return true
}
