package extract

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"
)

// marksData lists the quotation-mark pairs the scanner knows, one
// convention a line (see the file's header).
//
//go:embed data/marks.txt
var marksData string

// glyph is what the mark table says about one mark.
type glyph struct {
	text   string
	family markFamily
	// opens and closes tell whether the table lists the mark as an opener
	// and as a closer; a mark listed as both takes its role from its
	// neighbours.
	opens, closes bool
	// usual is the role the mark's first line gives it, used when the
	// neighbours do not tell: shapeOpen, shapeClose, or shapeEither for a
	// mark paired with itself on that line (", '').
	usual markShape
	// self is set when a line pairs the mark with itself: while such a
	// quotation is open, the same mark in opening position is more likely
	// its closer written with odd spacing.
	self bool
	// straight is set for typewriter marks, which also serve as inch and
	// foot marks after a digit.
	straight bool
	// apostrophe is set for a one-character mark of the single family,
	// which between two letters is an apostrophe (don't, Xi's).
	apostrophe bool
}

// markTable is the parsed mark data.
type markTable struct {
	glyphs map[string]*glyph
	// first holds the first rune of every mark, for a quick test.
	first map[rune]bool
	ascii [utf8.RuneSelf]bool
	// punctFirst is first for the General Punctuation block (U+2000 to
	// U+206F), where most typographic marks are, and oneRune holds the
	// one-character marks of ASCII and that block: looked up by rune
	// rather than by string in a map, for every mark of a story.
	punctFirst [punctSize]bool
	oneRune    [utf8.RuneSelf + punctSize]*glyph
	// scanStop marks the bytes the scanner must look at: the first byte
	// of a mark, a line break, and every byte of a multi-byte rune (1;
	// bytes, not bools, so that eight lookups combine with one OR)
	scanStop [256]uint8
	// families maps family names to their numbers.
	families map[string]markFamily
}

var markTab = mustParseMarks(marksData)

func mustParseMarks(data string) *markTable {
	t, err := parseMarks(data)
	if err != nil {
		panic("extract: data/marks.txt: " + err.Error())
	}
	return t
}

// parseMarks reads the mark table: OPEN CLOSE FAMILY [comment], one pair
// a line, "#" starting a comment line.
func parseMarks(data string) (*markTable, error) {
	t := &markTable{
		glyphs:   map[string]*glyph{},
		first:    map[rune]bool{},
		families: map[string]markFamily{"double": familyDouble, "single": familySingle, "guillemet": familyGuillemet},
	}
	t.scanStop['\n'] = 1
	for c := utf8.RuneSelf; c < 256; c++ {
		t.scanStop[c] = 1
	}
	next := familyGuillemet + 1
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 3 {
			return nil, fmt.Errorf("line %d: want OPEN CLOSE FAMILY, got %q", n+1, line)
		}
		fam, ok := t.families[f[2]]
		if !ok {
			if next == 0 {
				return nil, fmt.Errorf("line %d: too many families", n+1)
			}
			fam = next
			t.families[f[2]] = fam
			next++
		}
		for i, s := range f[:2] {
			if c := utf8.RuneCountInString(s); c < 1 || c > 2 || !utf8.ValidString(s) {
				return nil, fmt.Errorf("line %d: mark %q must be one or two characters", n+1, s)
			}
			g := t.glyphs[s]
			if g == nil {
				g = &glyph{text: s, family: fam, straight: s == `"` || s == "'" || s == "''"}
				switch {
				case f[0] == f[1]:
					g.usual = shapeEither
				case i == 0:
					g.usual = shapeOpen
				default:
					g.usual = shapeClose
				}
				t.glyphs[s] = g
				r, size := utf8.DecodeRuneInString(s)
				t.first[r] = true
				if r < utf8.RuneSelf {
					t.ascii[r] = true
					t.scanStop[r] = 1
				}
				if inPunct(r) {
					t.punctFirst[r-punctStart] = true
				}
				if size == len(s) {
					g.apostrophe = fam == familySingle
					switch {
					case r < utf8.RuneSelf:
						t.oneRune[r] = g
					case inPunct(r):
						t.oneRune[utf8.RuneSelf+r-punctStart] = g
					}
				}
			} else if g.family != fam {
				return nil, fmt.Errorf("line %d: mark %q is already in another family", n+1, s)
			}
			if i == 0 {
				g.opens = true
			} else {
				g.closes = true
			}
			if f[0] == f[1] {
				g.self = true
			}
		}
	}
	return t, nil
}

// isFirst reports whether r can start a quotation mark.
func (t *markTable) isFirst(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return t.ascii[r]
	case inPunct(r):
		return t.punctFirst[r-punctStart]
	}
	return t.first[r]
}

// glyphOf returns the one-character mark r, written s, or nil.
func (t *markTable) glyphOf(r rune, s string) *glyph {
	switch {
	case r < utf8.RuneSelf:
		return t.oneRune[r]
	case inPunct(r):
		return t.oneRune[utf8.RuneSelf+r-punctStart]
	}
	return t.glyphs[s]
}

// The General Punctuation block.
const punctStart, punctSize = 0x2000, 0x70

func inPunct(r rune) bool { return punctStart <= r && r < punctStart+punctSize }
