package extract

// phraseFinder finds the first of a list of lower-case phrases in a text,
// folding the text's ASCII letters as it goes: one pass over the text
// instead of one strings.Index per phrase, and no lower-cased copy.
type phraseFinder struct {
	phrases []string
	byFirst [256][]int32 // phrase indices, in list order, by first byte
	// starts has a bit for every pair of bytes a phrase starts with (a
	// one-byte phrase sets all 256 pairs of its byte), so that most
	// positions are passed over with one bit test
	starts pairSet
	// window is the length of the shortest phrase when it is at least
	// minWindow: find then looks at the last two bytes of a window of
	// that many and moves it on by skip of them (Wu and Manber's
	// multi-pattern search), as far as no phrase can start in between.
	window int
	skip   [1 << 16]uint8
}

// minWindow is the shortest phrase worth skipping for; maxWindow bounds
// a skip to what a uint8 holds.
const minWindow, maxWindow = 4, 200

func newPhraseFinder(phrases []string) *phraseFinder {
	f := &phraseFinder{phrases: phrases}
	for i, p := range phrases {
		switch {
		case p == "":
			continue
		case len(p) == 1:
			for c := range 256 {
				f.starts.add(uint16(p[0])<<8 | uint16(c))
			}
		default:
			f.starts.add(uint16(p[0])<<8 | uint16(p[1]))
		}
		f.byFirst[p[0]] = append(f.byFirst[p[0]], int32(i))
	}
	f.window = maxWindow
	for _, p := range phrases {
		if p != "" {
			f.window = min(f.window, len(p))
		}
	}
	if f.window < minWindow {
		f.window = 0 // a short phrase would leave nothing to skip
		return f
	}
	// a window ending in two bytes no phrase holds among its first window
	// bytes moves on by window-1; else by as much as puts those bytes
	// where the nearest phrase holds them
	for k := range f.skip {
		f.skip[k] = uint8(f.window - 1)
	}
	for _, p := range phrases {
		for j := 0; p != "" && j+2 <= f.window; j++ {
			k := uint16(p[j])<<8 | uint16(p[j+1])
			f.skip[k] = min(f.skip[k], uint8(f.window-2-j))
		}
	}
	return f
}

// find returns the earliest phrase in list order that occurs in text
// (ASCII letters folded), and the byte offset of its first occurrence, as
// a loop of strings.Index over the phrases on the folded text would.
func (f *phraseFinder) find(text string) (phrase, at int) {
	if f.window > 0 {
		return f.findSkipping(text)
	}
	phrase, at = -1, -1
	for i := 0; i < len(text); i++ {
		if i+1 < len(text) {
			if !f.starts.has(uint16(foldByte(text[i]))<<8 | uint16(foldByte(text[i+1]))) {
				continue
			}
		}
		if k := f.startingAt(text, i, phrase); k >= 0 {
			phrase, at = k, i
			if phrase == 0 {
				break
			}
		}
	}
	return phrase, at
}

// findSkipping is find when every phrase is at least a window long:
// only the starts of windows whose last two bytes a phrase can hold
// there are tried, in order.
func (f *phraseFinder) findSkipping(text string) (phrase, at int) {
	phrase, at = -1, -1
	for end := f.window - 1; end < len(text); {
		k := uint16(foldByte(text[end-1]))<<8 | uint16(foldByte(text[end]))
		if n := f.skip[k]; n > 0 {
			end += int(n)
			continue
		}
		i := end - f.window + 1
		if k := f.startingAt(text, i, phrase); k >= 0 {
			phrase, at = k, i
			if phrase == 0 {
				break
			}
		}
		end++
	}
	return phrase, at
}

// startingAt returns the first phrase in list order, and before found
// (-1 for none yet), that starts at text[i:]; -1 if there is none.
func (f *phraseFinder) startingAt(text string, i, found int) int {
	for _, k := range f.byFirst[foldByte(text[i])] {
		if found >= 0 && int(k) >= found {
			break // a phrase earlier in the list already occurs
		}
		if hasFoldedPrefix(text[i:], f.phrases[k]) {
			return int(k)
		}
	}
	return -1
}

func foldByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasFoldedPrefix reports whether s, its ASCII letters lower-cased,
// starts with the lower-case prefix.
func hasFoldedPrefix(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for j := 0; j < len(prefix); j++ {
		if foldByte(s[j]) != prefix[j] {
			return false
		}
	}
	return true
}
