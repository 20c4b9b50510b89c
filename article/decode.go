package article

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
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
	return fmt.Sprintf("invalid UTF-8 at byte %d (line %d, column %d); convert the file to UTF-8", e.Offset, e.Line, e.Column)
}

// TooLargeError reports input above the size limit.
type TooLargeError struct{ Size, Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("file is %d bytes, above the %d byte limit", e.Size, e.Limit)
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// Decode turns raw bytes into article text: it strips a UTF-8 byte order
// mark and rejects empty, binary and invalid UTF-8 input with a clear error.
// Line endings are kept as they are; spans refer to the returned text.
func Decode(data []byte) (string, error) {
	body := bytes.TrimPrefix(data, bom)
	skipped := len(data) - len(body) // the error offset counts file bytes
	data = body
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	if looksBinary(data) {
		return "", ErrBinary
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
		return "", &InvalidUTF8Error{Offset: skipped + off, Line: line, Column: col}
	}
	return string(data), nil
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
	control := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			control++
		}
	}
	return control*20 > len(head)
}
