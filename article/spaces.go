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

// Shorten collapses the spaces of s and cuts it to n characters, the last
// of them an ellipsis, for a message or a table cell; an n of 0 or less
// leaves it whole. Bytes that are not UTF-8 count as a character each and
// come out as U+FFFD when s is cut, as a conversion to runes gives them.
func Shorten(s string, n int) string {
	s = CollapseSpaces(s)
	if n <= 0 || utf8.RuneCountInString(s) <= n {
		return s
	}
	if !utf8.ValidString(s) {
		return string([]rune(s)[:n-1]) + "…"
	}
	cut := 0
	for range n - 1 {
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
	}
	return s[:cut] + "…"
}
