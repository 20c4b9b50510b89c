package verify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quotecheck/quotecheck/article"
)

// maxLabel bounds a speaker label's length in bytes.
const maxLabel = 40

// readTranscript reads plain text: a line that starts with a speaker
// label opens a turn that runs until the next label; a leading timestamp
// ("[00:41:07]") is kept as the line's cue.
func (s *Source) readTranscript() {
	text := s.Doc.Text
	_ = lines(text, func(n, start, end int) error {
		at := start
		if stamp, next, ok := leadingTimestamp(text, at, end); ok {
			s.Cues = append(s.Cues, Cue{Start: stamp, Line: n})
			at = next
		}
		if label, span, body, ok := speakerLabel(text, at, end); ok {
			s.startTurn(label, span)
			at = body
		}
		s.addWords(at, end)
		return nil
	})
}

// leadingTimestamp reads "[HH:MM:SS]", "(HH:MM:SS)" or "HH:MM:SS" (with
// optional fractions) at the start of a transcript line.
func leadingTimestamp(text string, start, end int) (string, int, bool) {
	i := start
	for i < end && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	open := byte(0)
	if i < end && (text[i] == '[' || text[i] == '(') {
		open = text[i]
		i++
	}
	j := i
	for j < end && (text[j] >= '0' && text[j] <= '9' || text[j] == ':' || text[j] == '.' || text[j] == ',') {
		j++
	}
	stamp, ok := parseTimestamp(text[i:j], false)
	if !ok {
		return "", start, false
	}
	if open != 0 {
		if j >= end || text[j] != ']' && text[j] != ')' {
			return "", start, false
		}
		j++
	}
	if j < end && text[j] != ' ' && text[j] != '\t' {
		return "", start, false
	}
	return stamp, j, true
}

// speakerLabel reads a speaker label at the start of a line: "NAME:",
// ">> NAME:", "Q:", "Dr Lena Maris:" (every word capitalised, at most
// five). It returns the label, its span and where the speech starts.
func speakerLabel(text string, start, end int) (string, article.Span, int, bool) {
	i := start
	for i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '>') {
		i++
	}
	colon := strings.IndexByte(text[i:min(end, i+maxLabel+1)], ':')
	if colon <= 0 {
		return "", article.Span{}, start, false
	}
	label := strings.TrimSpace(text[i : i+colon])
	after := i + colon + 1
	if after < end && text[after] != ' ' && text[after] != '\t' {
		return "", article.Span{}, start, false // "3:30", "http://"
	}
	if !isLabel(label) {
		return "", article.Span{}, start, false
	}
	return label, article.Span{Start: i, End: i + len(label)}, after, true
}

// isLabel reports whether s reads as a speaker's name or role: one to
// five words, each starting with a capital letter.
func isLabel(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '.' && c != '\'' && c != '-' && c != '\u2019' {
				return false
			}
		}
	}
	return true
}

// dashTurn reports whether a caption line starts with "- " or ">> ": a new,
// unnamed speaker. It returns where the speech starts.
func dashTurn(text string, start, end int) (int, bool) {
	line := text[start:end]
	switch {
	case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "\u2013 "):
		return start + strings.IndexByte(line, ' ') + 1, true
	case strings.HasPrefix(line, ">> "):
		return start + 3, true
	}
	return start, false
}
