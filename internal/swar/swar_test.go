package swar

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// anyByte is what each test must agree with for the word as a whole.
func anyByte(w []byte, match func(byte) bool) bool {
	for _, c := range w {
		if match(c) {
			return true
		}
	}
	return false
}

func TestMasksAgreeWithBytewiseTests(t *testing.T) {
	words := [][]byte{
		[]byte("plain te"), []byte("a\"quote!"), []byte(`back\sla`), []byte("tab\there"),
		[]byte("caf\xc3\xa9 ok"), {0, 0, 0, 0, 0, 0, 0, 0}, {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
		{0x1f, 0x20, 0x21, 0x7f, 0x80, 0x22, 0x5c, 0x01}, {0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x1f},
		[]byte("\"\"\"\"\"\"\"\""), {0x21, 0x22, 0x23, 0x5b, 0x5c, 0x5d, 0x41, 0x61},
	}
	for _, w := range words {
		x := LoadBytes(w, 0)
		assert.Equal(t, x, Load(string(w), 0), "%q", w)
		for _, c := range []byte{'"', '\\', 0, 0xff, ' '} {
			assert.Equal(t, anyByte(w, func(b byte) bool { return b == c }), Equal(x, c) != 0, "Equal(%q, %q)", w, c)
		}
		for _, n := range []byte{0x20, 0x80, 1, 0x41} {
			assert.Equal(t, anyByte(w, func(b byte) bool { return b < n }), Below(x, n) != 0, "Below(%q, %#x)", w, n)
		}
		assert.Equal(t, anyByte(w, func(b byte) bool { return b >= 0x80 }), NonASCII(x) != 0, "NonASCII(%q)", w)
	}
}

// FuzzMasks holds the word tests to the byte tests on any eight bytes.
func FuzzMasks(f *testing.F) {
	f.Add([]byte("plain te"), byte('"'), byte(0x20))
	f.Add([]byte{0x1f, 0x20, 0x21, 0x7f, 0x80, 0x22, 0x5c, 0x01}, byte('\\'), byte(0x80))
	f.Fuzz(func(t *testing.T, w []byte, c, n byte) {
		if len(w) < 8 {
			return
		}
		w = w[:8]
		n = n%0x80 + 1
		x := LoadBytes(w, 0)
		if (Equal(x, c) != 0) != anyByte(w, func(b byte) bool { return b == c }) {
			t.Fatalf("Equal(%q, %q)", w, c)
		}
		if (Below(x, n) != 0) != anyByte(w, func(b byte) bool { return b < n }) {
			t.Fatalf("Below(%q, %#x)", w, n)
		}
		if (NonASCII(x) != 0) != anyByte(w, func(b byte) bool { return b >= 0x80 }) {
			t.Fatalf("NonASCII(%q)", w)
		}
	})
}

func TestSpanStopsAtTheFirstMarkedByte(t *testing.T) {
	var stop [256]byte
	stop['"'], stop[0x80] = 1, 1
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"", 0}, {`"`, 0}, {"abc", 3}, {`abc"`, 3}, {"0123456789abcdef", 16},
		{`01234567"`, 8}, {`0123456"`, 7}, {`012345678"`, 9}, {"0123456789abcde\x80", 15},
	} {
		assert.Equal(t, tc.want, Span(tc.s, &stop), "%q", tc.s)
	}
}

func FuzzSpan(f *testing.F) {
	f.Add("plain text then \"a mark\"", byte('"'))
	f.Fuzz(func(t *testing.T, s string, c byte) {
		var stop [256]byte
		stop[c] = 1
		want := len(s)
		for i := 0; i < len(s); i++ {
			if s[i] == c {
				want = i
				break
			}
		}
		if got := Span(s, &stop); got != want {
			t.Fatalf("Span(%q, %q) = %d, want %d", s, c, got, want)
		}
	})
}
