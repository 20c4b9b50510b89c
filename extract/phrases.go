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
}

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
	return f
}

// find returns the earliest phrase in list order that occurs in text
// (ASCII letters folded), and the byte offset of its first occurrence, as
// a loop of strings.Index over the phrases on the folded text would.
func (f *phraseFinder) find(text string) (phrase, at int) {
	phrase, at = -1, -1
	for i := 0; i < len(text); i++ {
		if i+1 < len(text) {
			if !f.starts.has(uint16(foldByte(text[i]))<<8 | uint16(foldByte(text[i+1]))) {
				continue
			}
		}
		for _, k := range f.byFirst[foldByte(text[i])] {
			if phrase >= 0 && int(k) >= phrase {
				break // a phrase earlier in the list already occurs
			}
			if hasFoldedPrefix(text[i:], f.phrases[k]) {
				phrase, at = int(k), i
				break
			}
		}
		if phrase == 0 {
			break
		}
	}
	return phrase, at
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
