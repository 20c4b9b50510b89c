package batch

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/input"
)

// TestParseNamesAndErrors: each record is read as the line of the file it
// is, so a record without an id is named after its own line, as check
// names it, whatever its text holds, and a line that is not UTF-8 says so.
func TestParseNamesAndErrors(t *testing.T) {
	lp := newLineParser(input.Options{MaxSize: 1 << 20})
	parse := func(line int, data string) parsed {
		return lp.parse(&job{kind: jobLine, input: "desk/archive.jsonl", format: input.JSONL, record: line, line: line, data: []byte(data)})
	}
	tests := []struct {
		name   string
		line   int
		data   string
		wantID string
		err    string
	}{
		{"no id: named after its line", 7, `{"text":"Copy filed as archive#1 by the desk."}` + "\n", "archive#7", ""},
		{"an id written with an escape is its own", 5, `{"id":"f\u00231","text":"Plain words."}`, "f#1", ""},
		{"an id like another line's name is kept", 9, `{"id":"archive#1","text":"Plain words."}`, "archive#1", ""},
		{"a byte-order mark on a later line", 3, "\xEF\xBB\xBF{\"id\":\"b3\",\"text\":\"Plain words.\"}\r\n", "b3", ""},
		{"a line opening with a UTF-16 mark in a UTF-8 archive", 14, "\xFF\xFE{\"text\":\"Plain words.\"}", "", "line 14, column 1: invalid UTF-8; convert the file to UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parse(tt.line, tt.data)
			if tt.err != "" {
				require.Error(t, p.err)
				assert.Equal(t, tt.err, p.err.Error())
				return
			}
			require.NoError(t, p.err)
			assert.Equal(t, tt.wantID, p.doc.ID)
			assert.Equal(t, tt.line, p.doc.SourceLine)
		})
	}
}

// TestParserKeepsNoReferenceToThePiece: a pipeline may reuse a piece's
// bytes once it is parsed.
func TestParserKeepsNoReferenceToThePiece(t *testing.T) {
	data := []byte(`{"id":"p1","text":"“We open at dawn,” said Mira Ostrand."}` + "\n")
	ps := NewParser(input.Options{}).Parse(&Piece{Input: "a.jsonl", Format: input.JSONL, Record: 1, Line: 1, Data: data})
	require.Len(t, ps, 1)
	require.NotNil(t, ps[0].Doc)
	source := strings.Clone(ps[0].Doc.Source)
	for i := range data {
		data[i] = 'x'
	}
	assert.Equal(t, source, ps[0].Doc.Source)
	assert.Contains(t, ps[0].Doc.Source, "Mira Ostrand")
}
