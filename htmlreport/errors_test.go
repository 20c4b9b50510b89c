package htmlreport

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAPIErrorsInUserWords: a JSON body of the wrong shape gets an answer
// in the API's words, never Go's type names.
func TestAPIErrorsInUserWords(t *testing.T) {
	ts := newTestServer(t, ServerConfig{})
	cases := []struct{ body, msg string }{
		{`["a story"]`, `malformed JSON: the body is a list; send an object: {"text": "..."}`},
		{`42`, `malformed JSON: the body is a number; send an object`},
		{`"a story"`, `malformed JSON: the body is a string; send an object`},
		{`{"text": 42}`, `malformed JSON: field "text": want a string, got a number`},
		{`{"text": ["a"]}`, `malformed JSON: field "text": want a string, got a list`},
		{`{"text": "a", "against": {"text": "b"}}`, `malformed JSON: field "against": want a string, got an object`},
		{`{"text": "a", "format": true}`, `malformed JSON: field "format": want a string, got true or false`},
		{`{"txt": "a"}`, `malformed JSON: unknown field "txt"`},
	}
	for _, c := range cases {
		t.Run(c.body, func(t *testing.T) {
			resp, data := do(t, "POST", ts.URL+"/api/check", "application/json", strings.NewReader(c.body))
			assert.Equal(t, 400, resp.StatusCode, string(data))
			var e struct {
				Error string `json:"error"`
			}
			require.NoError(t, json.Unmarshal(data, &e), string(data))
			assert.Contains(t, e.Error, c.msg)
			for _, goWords := range []string{"htmlreport", "apiRequest", "json:", "*string", "struct", "[]"} {
				assert.NotContains(t, e.Error, goWords)
			}
		})
	}
}
