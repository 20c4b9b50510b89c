package article

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

// CollapseSpaces must agree with the strings functions it stands for.
func FuzzCollapseSpaces(f *testing.F) {
	for _, s := range []string{"Ilse Varga", " Ilse  Varga", "Ilse\nVarga", "Ilse Varga ", "Ilse\u00a0Varga", "caf\u00e9 x", "\xff y", "", " "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assert.Equal(t, strings.Join(strings.Fields(s), " "), CollapseSpaces(s), "%q", s)
	})
}

// Text already one space between words comes back as it is, not as a
// copy.
func TestCollapseSpacesKeepsCleanText(t *testing.T) {
	s := "Ilse Varga of the harbour board"
	assert.Equal(t, unsafe.StringData(s), unsafe.StringData(CollapseSpaces(s)))
	assert.Equal(t, "Ilse Varga", CollapseSpaces("  Ilse\n Varga "))
}
