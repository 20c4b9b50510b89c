package verify

import (
	"errors"
	"fmt"
	"strings"

	"github.com/quotecheck/quotecheck/article"
)

// readSRT reads SubRip captions: blocks of an optional cue number, a
// timing line "HH:MM:SS,mmm --> HH:MM:SS,mmm" and text lines, separated
// by blank lines. A malformed timing line is an error naming its line.
func (s *Source) readSRT() error {
	return s.readCues(false)
}

// readVTT reads WebVTT captions: a "WEBVTT" header, then cues (an
// optional identifier, a timing line "[HH:]MM:SS.mmm --> [HH:]MM:SS.mmm"
// with optional settings, and text lines); NOTE, STYLE and REGION blocks
// are skipped. "<v Name>" voice tags give speaker turns.
func (s *Source) readVTT() error {
	text := s.Doc.Text
	end := strings.IndexByte(text, '\n')
	if end < 0 {
		end = len(text)
	}
	if !strings.HasPrefix(strings.TrimPrefix(text[:end], "\uFEFF"), "WEBVTT") {
		return &SourceError{Path: s.Name, Line: 1, Err: errors.New(`WebVTT file does not start with "WEBVTT"`)}
	}
	return s.readCues(true)
}

// cue reader states
const (
	betweenCues = iota
	afterNumber
	inCue
	inSkippedBlock
)

func (s *Source) readCues(vtt bool) error {
	text := s.Doc.Text
	state := betweenCues
	if vtt {
		state = inSkippedBlock // the header block
	}
	return lines(text, func(n, start, end int) error {
		line := strings.TrimSpace(text[start:end])
		if line == "" {
			state = betweenCues
			return nil
		}
		switch state {
		case inSkippedBlock:
			return nil
		case betweenCues, afterNumber:
			if strings.Contains(line, "-->") {
				from, to, err := parseTiming(line, vtt)
				if err != nil {
					return &SourceError{Path: s.Name, Line: n, Err: err}
				}
				s.Cues = append(s.Cues, Cue{Start: from, End: to, Line: n})
				state = inCue
				return nil
			}
			if state == afterNumber {
				return &SourceError{Path: s.Name, Line: n, Err: fmt.Errorf("expected a timing line (HH:MM:SS%cmmm --> HH:MM:SS%cmmm) after the cue number, got %q", sep(vtt), sep(vtt), short(line))}
			}
			if vtt && (strings.HasPrefix(line, "NOTE") || line == "STYLE" || line == "REGION") {
				state = inSkippedBlock
				return nil
			}
			if !vtt && !isDigits(line) {
				return &SourceError{Path: s.Name, Line: n, Err: fmt.Errorf("expected a cue number or timing line, got %q", short(line))}
			}
			state = afterNumber // an SRT number or a WebVTT identifier
			return nil
		}
		s.cueLine(start, end, vtt)
		return nil
	})
}

// cueLine reads one text line of a cue: its speaker label or voice tag,
// then its words.
func (s *Source) cueLine(start, end int, vtt bool) {
	text := s.Doc.Text
	at := start
	if vtt && strings.HasPrefix(text[at:end], "<v") {
		if close := strings.IndexByte(text[at:end], '>'); close > 0 {
			tag := text[at+2 : at+close]
			if i := strings.IndexByte(tag, ' '); i >= 0 { // "<v.loud Name>"
				name := strings.TrimSpace(tag[i:])
				off := at + 2 + strings.Index(tag, name)
				s.startTurn(name, article.Span{Start: off, End: off + len(name)})
			}
			at += close + 1
		}
	}
	if next, ok := dashTurn(text, at, end); ok {
		at = next
		if label, span, body, ok := speakerLabel(text, at, end); ok {
			s.startTurn(label, span)
			at = body
		} else {
			s.startTurn("", article.Span{Start: at, End: at})
		}
	} else if label, span, body, ok := speakerLabel(text, at, end); ok {
		s.startTurn(label, span)
		at = body
	}
	s.addWords(at, end)
}

func sep(vtt bool) byte {
	if vtt {
		return '.'
	}
	return ','
}

// parseTiming reads "START --> END [settings]".
func parseTiming(line string, vtt bool) (string, string, error) {
	a, b, _ := strings.Cut(line, "-->")
	b = strings.TrimSpace(b)
	if i := strings.IndexAny(b, " \t"); i >= 0 {
		if !vtt {
			return "", "", fmt.Errorf("malformed timestamp line %q (want HH:MM:SS,mmm --> HH:MM:SS,mmm)", short(line))
		}
		b = b[:i] // cue settings
	}
	from, ok1 := parseTimestamp(strings.TrimSpace(a), true)
	to, ok2 := parseTimestamp(b, true)
	if !ok1 || !ok2 {
		return "", "", fmt.Errorf("malformed timestamp line %q (want HH:MM:SS%cmmm --> HH:MM:SS%cmmm)", short(line), sep(vtt), sep(vtt))
	}
	return from, to, nil
}

// parseTimestamp reads [HH:]MM:SS[.,]mmm (fractions optional unless
// strict) and returns it as HH:MM:SS.mmm.
func parseTimestamp(s string, strict bool) (string, bool) {
	clock, frac, hasFrac := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	if strict && (!hasFrac || len(frac) != 3 || !isDigits(frac)) || hasFrac && !isDigits(frac) {
		return "", false
	}
	parts := strings.Split(clock, ":")
	if len(parts) == 2 {
		parts = append([]string{"00"}, parts...)
	}
	if len(parts) != 3 {
		return "", false
	}
	for i, p := range parts {
		if !isDigits(p) || len(p) > 2 && i > 0 || len(p) > 3 || i > 0 && len(p) != 2 || i > 0 && p[0] > '5' {
			return "", false
		}
		if len(p) == 1 {
			parts[i] = "0" + p
		}
	}
	if frac == "" {
		frac = "000"
	}
	for len(frac) < 3 {
		frac += "0"
	}
	return parts[0] + ":" + parts[1] + ":" + parts[2] + "." + frac[:3], true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// short trims a line quoted in an error message.
func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}
