package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// foldASCII must agree with the strings functions IsBoilerplate used to
// call on every line.
func FuzzFoldASCII(f *testing.F) {
	for _, s := range []string{"Story  continues\tBELOW ", " a\v\fb\r\n", "caf\u00e9", "\u00a0x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := foldASCII(nil, s)
		if !ok {
			return
		}
		assert.Equal(t, strings.ToLower(strings.Join(strings.Fields(s), " ")), string(got))
	})
}

func FuzzJoinFields(f *testing.F) {
	for _, s := range []string{"Ilse Varga", " Ilse  Varga", "Ilse\nVarga", "Ilse Varga ", "Ilse\u00a0Varga", "caf\u00e9 x", "\xff y", "", " "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assert.Equal(t, strings.Join(strings.Fields(s), " "), joinFields(s), "%q", s)
	})
}
