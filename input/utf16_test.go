package input_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/unicode"

	"github.com/quotecheck/quotecheck/input"
)

// utf16 encodes s as UTF-16 with a byte-order mark, as Windows tools save
// "Unicode" text.
func utf16(t *testing.T, s string, order unicode.Endianness) []byte {
	t.Helper()
	b, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

// TestUTF16WithByteOrderMark: UTF-16 files with a byte-order mark are read
// in every format, as their UTF-8 twins are.
func TestUTF16WithByteOrderMark(t *testing.T) {
	tests := []struct {
		name, path, text string
		want             []string
	}{
		{"text", "story.txt", "Pier closes\r\n\r\n“The pier is unsafe,” said Ada Penrose.\r\n", []string{"Pier closes\r\n\r\n“The pier is unsafe,” said Ada Penrose.\r\n"}},
		{"markdown", "story.md", "# Pier closes\n\n“The pier is *unsafe*,” said Ada Penrose.\n", []string{"Pier closes\n\n“The pier is unsafe,” said Ada Penrose."}},
		{"html", "story.html", "<p>“The pier is unsafe,” said Ada&nbsp;Penrose.</p>", []string{"“The pier is unsafe,” said Ada\u00a0Penrose."}},
		{"json lines", "archive.jsonl", `{"id": "a", "text": "“One,” said Ada Penrose."}` + "\n" + `{"id": "b", "text": "“Two,” said Ada Penrose."}` + "\n", []string{"“One,” said Ada Penrose.", "“Two,” said Ada Penrose."}},
		{"json lines found by content", "-", `{"id": "a", "text": "“One,” said Ada Penrose."}` + "\n" + `{"id": "b", "text": "“Two.”"}` + "\n", []string{"“One,” said Ada Penrose.", "“Two.”"}},
	}
	for _, tt := range tests {
		for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
			t.Run(tt.name, func(t *testing.T) {
				data := utf16(t, tt.text, order)
				var got []string
				err := input.Records(bytes.NewReader(data), tt.path, input.Options{}, func(r input.Record) error {
					require.NoError(t, r.Err)
					got = append(got, r.Doc.Text)
					return nil
				})
				require.NoError(t, err)
				assert.Equal(t, tt.want, got)

				recs, err := input.Read(tt.path, data, input.Options{})
				require.NoError(t, err)
				require.Len(t, recs, len(tt.want))
				assert.Equal(t, tt.want[0], recs[0].Doc.Text)
			})
		}
	}
}
