package versions

import (
	"unicode/utf8"

	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op is one kind of word-diff operation.
type Op string

// The word-diff operations of the report contract.
const (
	Equal  Op = "equal"
	Delete Op = "delete"
	Insert Op = "insert"
)

// DiffOp is one run of a word diff: text kept, deleted from the old quote
// or inserted in the new one.
type DiffOp struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// runeRanges are the code points tokens are mapped to: the private use
// areas first, then the rest of the planes, always skipping the surrogate
// range D800–DFFF (not valid in UTF-8, so go-diff would turn every one into
// U+FFFD and two tokens into one).
var runeRanges = [][2]rune{
	{0xE000, 0xF8FF},
	{0xF0000, 0x10FFFD},
	{0x0100, 0xD7FF},
	{0x10000, 0xEFFFF},
}

// tokenRune returns the rune standing for the n-th distinct token.
func tokenRune(n int) rune {
	for _, r := range runeRanges {
		size := int(r[1] - r[0] + 1)
		if n < size {
			return r[0] + rune(n)
		}
		n -= size
	}
	panic("versions: more distinct tokens than code points")
}

// maxDiffTokens bounds the tokens one diff-match-patch run compares
// beyond the common start and end: its cost grows with the product of
// length and edits, and without a time limit a pathological pair (tens of
// thousands of words, mostly rewritten) would run for minutes. Larger
// middles are diffed sentence by sentence, and if even that is too much,
// as one deletion and one insertion.
const maxDiffTokens = 4000

// WordDiff diffs two texts word by word. Each distinct token (word,
// whitespace run or punctuation character) is mapped to one rune, the rune
// sequences are diffed with diff-match-patch and tidied with its semantic
// cleanup, and the runes are mapped back to tokens. There is no time
// limit, so the result depends only on the texts.
func WordDiff(a, b string) []DiffOp {
	if a == b {
		if a == "" {
			return nil
		}
		return []DiffOp{{Op: Equal, Text: a}}
	}
	ta, tb := texts(tokenize(a)), texts(tokenize(b))
	pre := 0
	for pre < len(ta) && pre < len(tb) && ta[pre] == tb[pre] {
		pre++
	}
	suf := 0
	for suf < len(ta)-pre && suf < len(tb)-pre && ta[len(ta)-1-suf] == tb[len(tb)-1-suf] {
		suf++
	}
	if len(ta)+len(tb)-2*(pre+suf) <= maxDiffTokens {
		return diffUnits(ta, tb)
	}
	var out []DiffOp
	if pre > 0 {
		out = appendOp(out, Equal, strings.Join(ta[:pre], ""))
	}
	ma, mb := ta[pre:len(ta)-suf], tb[pre:len(tb)-suf]
	sa, sb := sentences(ma), sentences(mb)
	if len(sa)+len(sb) <= maxDiffTokens {
		for _, d := range diffUnits(sa, sb) {
			out = appendOp(out, d.Op, d.Text)
		}
	} else {
		out = appendOp(out, Delete, strings.Join(ma, ""))
		out = appendOp(out, Insert, strings.Join(mb, ""))
	}
	if suf > 0 {
		out = appendOp(out, Equal, strings.Join(ta[len(ta)-suf:], ""))
	}
	return out
}

func texts(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.text
	}
	return out
}

// sentences groups tokens into sentences, each with the space after it.
func sentences(toks []string) []string {
	var out []string
	start := 0
	for i, t := range toks {
		end := t == "." || t == "!" || t == "?" || t == "…"
		if i+1 < len(toks) && strings.TrimSpace(toks[i+1]) == "" && end {
			out = append(out, strings.Join(toks[start:i+2], ""))
			start = i + 2
		}
	}
	if start < len(toks) {
		out = append(out, strings.Join(toks[start:], ""))
	}
	return out
}

// appendOp adds a run, merging it with the previous run of the same kind.
func appendOp(out []DiffOp, op Op, text string) []DiffOp {
	if text == "" {
		return out
	}
	if n := len(out); n > 0 && out[n-1].Op == op {
		out[n-1].Text += text
		return out
	}
	return append(out, DiffOp{Op: op, Text: text})
}

// diffUnits diffs two sequences of units (tokens or sentences) with
// diff-match-patch, one rune per distinct unit.
func diffUnits(ua, ub []string) []DiffOp {
	ids := map[string]rune{}
	encode := func(units []string) []rune {
		out := make([]rune, len(units))
		for i, u := range units {
			r, ok := ids[u]
			if !ok {
				r = tokenRune(len(ids))
				ids[u] = r
			}
			out[i] = r
		}
		return out
	}
	ra, rb := encode(ua), encode(ub)
	back := make(map[rune]string, len(ids))
	for u, r := range ids {
		back[r] = u
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMainRunes(ra, rb, false))
	var out []DiffOp
	for _, d := range diffs {
		var op Op
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			op = Equal
		case diffmatchpatch.DiffDelete:
			op = Delete
		case diffmatchpatch.DiffInsert:
			op = Insert
		}
		out = appendOp(out, op, decode(d.Text, back))
	}
	return out
}

// decode maps the runes of a diff back to the tokens they stand for.
func decode(s string, back map[rune]string) string {
	n := 0
	for _, r := range s {
		n += len(back[r])
	}
	buf := make([]byte, 0, n)
	for _, r := range s {
		buf = append(buf, back[r]...)
	}
	return string(buf)
}

// DiffTexts returns the old and new texts a diff was made from.
func DiffTexts(ops []DiffOp) (old, new string) {
	var o, n []byte
	for _, d := range ops {
		if d.Op != Insert {
			o = append(o, d.Text...)
		}
		if d.Op != Delete {
			n = append(n, d.Text...)
		}
	}
	return string(o), string(n)
}

// WordDiffFolded diffs two texts word by word as WordDiff does, except
// that two tokens are the same when fold maps them to the same key (so
// that case or punctuation need not show as changes); equal runs show
// b's text. Texts longer than maxDiffTokens tokens are one deletion and
// one insertion.
func WordDiffFolded(a, b string, fold func(string) string) []DiffOp {
	ta, tb := texts(tokenize(a)), texts(tokenize(b))
	if len(ta)+len(tb) > maxDiffTokens {
		return appendOp(appendOp(nil, Delete, a), Insert, b)
	}
	ids := map[string]rune{}
	encode := func(units []string) []rune {
		out := make([]rune, len(units))
		for i, u := range units {
			k := fold(u)
			r, ok := ids[k]
			if !ok {
				r = tokenRune(len(ids))
				ids[k] = r
			}
			out[i] = r
		}
		return out
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	// no semantic cleanup: it would merge the short equal words between
	// two cuts into one long replacement
	diffs := dmp.DiffMainRunes(encode(ta), encode(tb), false)
	var out []DiffOp
	i, j := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			out = appendOp(out, Equal, strings.Join(tb[j:j+n], ""))
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			out = appendOp(out, Delete, strings.Join(ta[i:i+n], ""))
			i += n
		case diffmatchpatch.DiffInsert:
			out = appendOp(out, Insert, strings.Join(tb[j:j+n], ""))
			j += n
		}
	}
	return out
}
