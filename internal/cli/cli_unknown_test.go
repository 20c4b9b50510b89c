package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestUnknownCommandIsUsageError: a mistyped command exits 2 with a message.
func TestUnknownCommandIsUsageError(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Run([]string{"quotecheck", "chekc", "story.txt"}, strings.NewReader(""), &out, &errOut)
	assert.Equal(t, ExitError, code)
	assert.Contains(t, errOut.String(), `unknown command "chekc"`)
}
