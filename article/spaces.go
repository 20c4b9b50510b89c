package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CollapseSpaces is strings.Join(strings.Fields(s), " "), returning s itself,
// not a copy, when its words are already one space apart (nearly always).
func CollapseSpaces(s string) string {
	prevSpace := true // a space first would be a leading one
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' && !prevSpace:
				prevSpace = true
			case c == ' ' || '\t' <= c && c <= '\r':
				return strings.Join(strings.Fields(s), " ")
			default:
				prevSpace = false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = false
		i += size
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}
