package article

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
	"unsafe"

	"github.com/quotecheck/quotecheck/internal/swar"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// DefaultMaxSize is the largest input accepted unless a caller sets another
// limit: big enough for any article or archive chunk, small enough that a
// stray disk image does not exhaust memory.
const DefaultMaxSize = 64 << 20

// ErrEmpty is returned for input with no text.
var ErrEmpty = errors.New("file is empty")

// ErrBinary is returned for input that looks like a binary file.
var ErrBinary = errors.New("file looks binary (contains NUL or control bytes), not an article")

// InvalidUTF8Error locates the first byte that is not valid UTF-8.
type InvalidUTF8Error struct {
	Offset       int
	Line, Column int
}

func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("invalid UTF-8 at byte %d (line %d, column %d); read as UTF-8 (no UTF-16 byte-order mark): convert the file to UTF-8", e.Offset, e.Line, e.Column)
}

// TooLargeError reports input above the size limit.
type TooLargeError struct{ Size, Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("file is %d bytes, above the %d byte limit", e.Size, e.Limit)
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// UTF16Decoder returns a decoder for data that starts with a UTF-16
// byte-order mark (which the decoder drops) and the encoding's name, or
// nil when data has no such mark.
func UTF16Decoder(data []byte) (*encoding.Decoder, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder(), "UTF-16LE"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder(), "UTF-16BE"
	}
	return nil, ""
}

// Decode turns raw bytes into article text: UTF-8, with or without a byte
// order mark (which is stripped), or UTF-16 with a byte order mark
// (converted to UTF-8; spans then count bytes of the converted text). It
// rejects empty, binary and invalid input with a clear error that says
// which encoding was assumed. Line endings are kept as they are.
func Decode(data []byte) (string, error) {
	body, err := decoded(data)
	if err != nil {
		return "", err
	}
	return string(body), nil
}

// DecodeOwned is Decode for a buffer the caller hands over: the text
// shares data's memory instead of copying it (a whole file's worth), so
// the caller must never write to data again. UTF-16 input is converted,
// so its text is a new buffer and data is left unused.
func DecodeOwned(data []byte) (string, error) {
	body, err := decoded(data)
	if err != nil || len(body) == 0 {
		return "", err
	}
	return unsafe.String(unsafe.SliceData(body), len(body)), nil
}

// decoded checks data and returns its text as UTF-8 without a byte order
// mark: data itself for UTF-8, a converted buffer for UTF-16.
func decoded(data []byte) ([]byte, error) {
	if dec, name := UTF16Decoder(data); dec != nil {
		return decodeUTF16(data, dec, name)
	}
	body := bytes.TrimPrefix(data, bom)
	skipped := len(data) - len(body) // the error offset counts file bytes
	data = body
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	if looksBinary(data) {
		return nil, fmt.Errorf("%w; read as UTF-8 (no UTF-16 byte-order mark)", ErrBinary)
	}
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		line, col := 1, 1
		for _, r := range string(data[:off]) {
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		return nil, &InvalidUTF8Error{Offset: skipped + off, Line: line, Column: col}
	}
	return data, nil
}

func decodeUTF16(data []byte, dec *encoding.Decoder, name string) ([]byte, error) {
	if len(data)%2 != 0 {
		return nil, fmt.Errorf("read as %s (byte-order mark): the file ends in the middle of a character", name)
	}
	text, err := dec.Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("read as %s (byte-order mark): %w", name, err)
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return nil, ErrEmpty
	}
	if looksBinary(text) {
		return nil, fmt.Errorf("%w; read as %s (byte-order mark)", ErrBinary, name)
	}
	return text, nil
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// looksBinary checks the first 8 KB for NUL bytes or a high share of
// control characters, as git and file(1) do.
func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	return countControl(head)*20 > len(head)
}

// countControl counts the bytes below 0x20 other than line breaks, tabs
// and form feeds. Eight bytes with none below 0x20 (prose between line
// breaks) are passed over in one test.
func countControl(head []byte) int {
	control := 0
	i := 0
	for ; i+8 <= len(head); i += 8 {
		if swar.Below(swar.LoadBytes(head, i), 0x20) == 0 {
			continue
		}
		control += countControlBytes(head[i : i+8])
	}
	return control + countControlBytes(head[i:])
}

func countControlBytes(b []byte) int {
	control := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			control++
		}
	}
	return control
}
