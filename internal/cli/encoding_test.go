package cli

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/unicode"
)

// TestCheckUTF16: a UTF-16 story with a byte-order mark gives the findings
// of its UTF-8 twin, at the same lines and columns; a file with NULs and
// no mark is rejected, saying how it was read.
func TestCheckUTF16(t *testing.T) {
	dir := isolate(t)
	write(t, dir, "utf8.txt", []byte(errorStory))
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		data, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(errorStory))
		require.NoError(t, err)
		write(t, dir, "utf16.txt", data)
		want := execCLI(t, "", "check", "utf8.txt")
		got := execCLI(t, "", "check", "utf16.txt")
		assert.Equal(t, ExitFindings, got.code, got.stderr)
		assert.Equal(t, strings.ReplaceAll(want.stdout, "utf8.txt", "utf16.txt"), got.stdout)
	}

	write(t, dir, "no-mark.txt", []byte("H\x00i\x00\n\x00"))
	r := execCLI(t, "", "check", "no-mark.txt")
	assert.Equal(t, ExitError, r.code)
	assert.Contains(t, r.stderr, "no-mark.txt: error: file looks binary (contains NUL or control bytes), not an article; read as UTF-8 (no UTF-16 byte-order mark)")
}
