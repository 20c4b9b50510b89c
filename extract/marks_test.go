package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseMarks(t *testing.T) {
	tb, err := parseMarks("# comment\n\u201c \u201d double English\n\u201e \u201c double German\n\u300c \u300d corner Japanese\n")
	require.NoError(t, err)
	open, close := tb.glyphs["\u201c"], tb.glyphs["\u201d"]
	require.NotNil(t, open)
	require.NotNil(t, close)
	assert.True(t, open.opens && open.closes, "\u201c opens in English and closes in German")
	assert.Equal(t, shapeOpen, open.usual, "the first line gives the usual role")
	assert.True(t, close.closes && !close.opens)
	assert.Equal(t, familyDouble, tb.glyphs["\u201e"].family)
	assert.Greater(t, tb.glyphs["\u300c"].family, familyGuillemet, "a new family name gets a family of its own")
	assert.True(t, tb.isFirst('\u300c'))
	assert.False(t, tb.isFirst('a'))

	for name, data := range map[string]string{
		"too few fields":     "\u201c \u201d\n",
		"mark too long":      "\u201c\u201c\u201c \u201d double\n",
		"family clash":       "\u201c \u201d double\n\u201c \u00bb guillemet\n",
		"invalid UTF-8 mark": "\xff \u201d double\n",
	} {
		_, err := parseMarks(data)
		assert.Error(t, err, name)
	}
}

func TestMarksData(t *testing.T) {
	// the embedded table parses and keeps the apostrophe-bearing marks in
	// the families the apostrophe rules expect
	for _, m := range []string{"'", "\u2018", "\u2019", "\u201a", "\u201b"} {
		require.NotNil(t, markTab.glyphs[m], m)
		assert.Equal(t, familySingle, markTab.glyphs[m].family, m)
	}
	for _, m := range []string{`"`, "''", "``", "\u201c", "\u201d", "\u201e"} {
		require.NotNil(t, markTab.glyphs[m], m)
		assert.Equal(t, familyDouble, markTab.glyphs[m].family, m)
	}
}
