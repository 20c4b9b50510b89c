package article

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecode(t *testing.T) {
	const story = "\u201cWe will appeal,\u201d said Tomas Lund.\n"
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantErr error
	}{
		{"plain text kept as is", []byte(story), story, nil},
		{"BOM stripped", append([]byte{0xEF, 0xBB, 0xBF}, story...), story, nil},
		{"only the leading BOM stripped", []byte("\uFEFFa\uFEFFb"), "a\uFEFFb", nil},
		{"CRLF kept", []byte("One.\r\n\r\nTwo.\r\n"), "One.\r\n\r\nTwo.\r\n", nil},
		{"tabs and form feeds allowed", []byte("One.\t\f\nTwo."), "One.\t\f\nTwo.", nil},
		{"a few control bytes allowed", []byte(strings.Repeat("word ", 40) + "\x1b[0m"), strings.Repeat("word ", 40) + "\x1b[0m", nil},
		{"empty", nil, "", ErrEmpty},
		{"zero length", []byte{}, "", ErrEmpty},
		{"whitespace only", []byte(" \n\t\r\n  "), "", ErrEmpty},
		{"BOM only", []byte{0xEF, 0xBB, 0xBF}, "", ErrEmpty},
		{"BOM and whitespace", []byte("\uFEFF \n\n"), "", ErrEmpty},
		{"NUL byte", []byte("Hello\x00world"), "", ErrBinary},
		{"NUL at start", []byte("\x00\x01\x02text"), "", ErrBinary},
		{"UTF-16LE with a byte-order mark", []byte{0xFF, 0xFE, 'H', 0, 'i', 0, 0x1C, 0x20, '\n', 0}, "Hi\u201c\n", nil},
		{"UTF-16BE with a byte-order mark", []byte{0xFE, 0xFF, 0, 'H', 0, 'i', 0x20, 0x1D}, "Hi\u201d", nil},
		{"UTF-16LE without a byte-order mark has NULs", []byte{'H', 0, 'i', 0}, "", ErrBinary},
		{"UTF-16LE of NULs", []byte{0xFF, 0xFE, 0, 0, 'a', 0}, "", ErrBinary},
		{"UTF-16 of whitespace", []byte{0xFF, 0xFE, ' ', 0, '\n', 0}, "", ErrEmpty},
		{"many control bytes", bytes.Repeat([]byte{'a', 0x01, 0x02, 0x03}, 50), "", ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, decode := range map[string]func([]byte) (string, error){"Decode": Decode, "DecodeOwned": DecodeOwned} {
				got, err := decode(bytes.Clone(tt.in))
				if tt.wantErr != nil {
					require.ErrorIs(t, err, tt.wantErr, name)
					assert.Empty(t, got, name)
					continue
				}
				require.NoError(t, err, name)
				assert.Equal(t, tt.want, got, name)
			}
		})
	}
}

// TestDecodeSaysWhichEncoding: a rejected file says how it was read.
func TestDecodeSaysWhichEncoding(t *testing.T) {
	_, err := Decode([]byte("Hello\x00world"))
	assert.EqualError(t, err, "file looks binary (contains NUL or control bytes), not an article; read as UTF-8 (no UTF-16 byte-order mark)")
	_, err = Decode([]byte{0xFE, 0xFF, 0, 0, 0, 'a'})
	assert.EqualError(t, err, "file looks binary (contains NUL or control bytes), not an article; read as UTF-16BE (byte-order mark)")
	_, err = Decode([]byte{0xFF, 0xFE, 'a', 0, 'b'})
	assert.EqualError(t, err, "read as UTF-16LE (byte-order mark): the file ends in the middle of a character")
	_, err = Decode([]byte("caf\xe9"))
	assert.ErrorContains(t, err, "read as UTF-8 (no UTF-16 byte-order mark)")
}

// TestDecodeOwnedShares checks that the text of a handed-over buffer is
// that buffer, not a copy.
func TestDecodeOwnedShares(t *testing.T) {
	data := []byte("\uFEFFOne line.\n")
	text, err := DecodeOwned(data)
	require.NoError(t, err)
	assert.Equal(t, "One line.\n", text)
	assert.Same(t, &data[3], unsafe.StringData(text))
}

// TestDecodeOwnedUTF16 checks that a UTF-16 buffer is converted, not
// shared, and is rejected in the same words as by Decode.
func TestDecodeOwnedUTF16(t *testing.T) {
	data := []byte{0xFF, 0xFE, 'O', 0, 'k', 0, '.', 0, '\n', 0}
	text, err := DecodeOwned(data)
	require.NoError(t, err)
	assert.Equal(t, "Ok.\n", text)
	_, err = DecodeOwned([]byte{0xFF, 0xFE, 'a', 0, 'b'})
	assert.EqualError(t, err, "read as UTF-16LE (byte-order mark): the file ends in the middle of a character")
	_, err = DecodeOwned([]byte("Hello\x00world"))
	assert.EqualError(t, err, "file looks binary (contains NUL or control bytes), not an article; read as UTF-8 (no UTF-16 byte-order mark)")
}

func TestDecodeInvalidUTF8(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want InvalidUTF8Error
	}{
		{"first byte", "\xffabc", InvalidUTF8Error{Offset: 0, Line: 1, Column: 1}},
		{"Latin-1 e acute", "caf\xe9 au lait", InvalidUTF8Error{Offset: 3, Line: 1, Column: 4}},
		{"second line", "Hello\nwor\xffld", InvalidUTF8Error{Offset: 9, Line: 2, Column: 4}},
		{"after CRLF", "One.\r\n\r\nT\x80wo", InvalidUTF8Error{Offset: 9, Line: 3, Column: 2}},
		// columns count characters, not bytes
		{"after multibyte characters", "\u201cOk\u201d \xc3(", InvalidUTF8Error{Offset: 9, Line: 1, Column: 6}},
		{"truncated sequence at end", "abc\xe2\x80", InvalidUTF8Error{Offset: 3, Line: 1, Column: 4}},
		{"surrogate half", "ab\xed\xa0\x80", InvalidUTF8Error{Offset: 2, Line: 1, Column: 3}},
		{"overlong encoding", "a\xc0\xafb", InvalidUTF8Error{Offset: 1, Line: 1, Column: 2}},
		// the offset counts bytes of the file, BOM included; the BOM is not
		// a visible character, so the column does not count it
		{"after a BOM", "\uFEFFab\xff", InvalidUTF8Error{Offset: 5, Line: 1, Column: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode([]byte(tt.in))
			assert.Empty(t, got)
			var ie *InvalidUTF8Error
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tt.want, *ie)
			assert.Contains(t, err.Error(), "invalid UTF-8")
			assert.Contains(t, err.Error(), "byte "+itoa(tt.want.Offset))
			assert.Contains(t, err.Error(), "line "+itoa(tt.want.Line))
			assert.False(t, utf8.Valid([]byte(tt.in[ie.Offset:])), "offset points at the bad byte")
		})
	}
}

func TestTooLargeError(t *testing.T) {
	err := error(&TooLargeError{Size: 2048, Limit: 1024})
	assert.Equal(t, "file is 2048 bytes, above the 1024 byte limit", err.Error())
	var tl *TooLargeError
	assert.True(t, errors.As(err, &tl))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// FuzzDecode checks that Decode never panics and that what it returns is
// consistent: valid UTF-8 text equal to the input minus a BOM, or an error
// that locates the first bad byte.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"\u201cWe will appeal,\u201d said Tomas Lund.",
		"\uFEFF\u2018Fine,\u2019 she said.\r\n\r\nNext.",
		"caf\xe9",
		"Hello\x00world",
		"",
		" \n\t",
		"\uFEFF",
		"line one\nline \xff two",
		"ab\xed\xa0\x80",
		"\x1b[31mred\x1b[0m",
		"\xff\xfeH\x00i\x00\n\x00",
		"\xfe\xff\x00H\x00i",
		"\xff\xfeH\x00i",
		"\xff\xfe\x00\xd8a\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in := string(data)
		text, err := Decode(data)
		require.Equal(t, in, string(data), "Decode must not modify its input")
		if dec, _ := UTF16Decoder(data); dec != nil {
			if err == nil {
				require.True(t, utf8.ValidString(text))
				require.NotEmpty(t, strings.TrimSpace(text))
				require.NotContains(t, text, "\x00")
				return
			}
			require.Empty(t, text)
			require.True(t, errors.Is(err, ErrEmpty) || errors.Is(err, ErrBinary) || strings.Contains(err.Error(), "read as UTF-16"), "%v", err)
			return
		}
		body := bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
		if err == nil {
			require.True(t, utf8.ValidString(text))
			require.Equal(t, string(body), text)
			require.NotEmpty(t, strings.TrimSpace(text))
			require.NotContains(t, text, "\x00")
			return
		}
		require.Empty(t, text)
		var ie *InvalidUTF8Error
		switch {
		case errors.Is(err, ErrEmpty):
			require.Empty(t, bytes.TrimSpace(body))
		case errors.Is(err, ErrBinary):
		case errors.As(err, &ie):
			skip := len(data) - len(body)
			require.GreaterOrEqual(t, ie.Offset, skip)
			require.Less(t, ie.Offset, len(data))
			require.True(t, utf8.Valid(data[skip:ie.Offset]), "bytes before the offset are valid")
			r, size := utf8.DecodeRune(data[ie.Offset:])
			require.True(t, r == utf8.RuneError && size <= 1, "offset is at an invalid byte")
			require.Equal(t, 1+bytes.Count(data[:ie.Offset], []byte("\n")), ie.Line)
			require.GreaterOrEqual(t, ie.Column, 1)
		default:
			t.Fatalf("unexpected error type %T: %v", err, err)
		}
	})
}

// countControl must count what a byte-at-a-time loop counts, wherever the
// control bytes fall in its eight-byte steps.
func FuzzCountControl(f *testing.F) {
	for _, s := range []string{"", "plain prose, no control bytes at all", "line\nbreak", "\x01\x02\x03", "1234567\x1f9", "\x7f\x80\xff\x20\x1f", "tab\there\fand\rthere"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		want := 0
		for _, c := range b {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
				want++
			}
		}
		if got := countControl(b); got != want {
			t.Fatalf("countControl(%q) = %d, want %d", b, got, want)
		}
	})
}
