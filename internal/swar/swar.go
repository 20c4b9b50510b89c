// Package swar tests eight bytes at a time, held in one uint64 word
// ("SIMD within a register"): the scanners of plain text and JSON strings
// pass over runs of ordinary bytes with one test a word instead of one a
// byte.
//
// Each test returns a mask with the high bit of a byte set where the byte
// may match. The mask is exact for the word as a whole (it is zero when
// and only when no byte matches) but not byte by byte: a borrow can flag
// a byte after one that matches. Callers use it to skip a word, then look
// at its bytes one at a time.
package swar

import "encoding/binary"

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// Load reads s[i:i+8] as a little-endian word.
func Load(s string, i int) uint64 {
	s = s[i : i+8]
	// the compiler makes these shifts one load
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// LoadBytes reads b[i:i+8] as a little-endian word.
func LoadBytes(b []byte, i int) uint64 { return binary.LittleEndian.Uint64(b[i:]) }

// Equal flags the bytes of x equal to c.
func Equal(x uint64, c byte) uint64 {
	y := x ^ (ones * uint64(c))
	return (y - ones) &^ y & highs
}

// Below flags the bytes of x below n, which is at most 0x80.
func Below(x uint64, n byte) uint64 { return (x - ones*uint64(n)) &^ x & highs }

// NonASCII flags the bytes of x outside ASCII: those of multi-byte runes.
func NonASCII(x uint64) uint64 { return x & highs }

// Span is the length of the prefix of s holding no byte that stop marks
// (non-zero): eight bytes looked up a step, with one test for the eight.
func Span(s string, stop *[256]byte) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		b := s[i : i+8]
		if stop[b[0]]|stop[b[1]]|stop[b[2]]|stop[b[3]]|stop[b[4]]|stop[b[5]]|stop[b[6]]|stop[b[7]] != 0 {
			break
		}
	}
	for i < len(s) && stop[s[i]] == 0 {
		i++
	}
	return i
}
