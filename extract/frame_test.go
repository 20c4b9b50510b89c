package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
)

// TestFrames runs every frame's examples: each passage's last quotation
// must be attributed to the example's speaker by that frame.
func TestFrames(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range ownSentenceFrames {
		require.False(t, seen[f.Name], "frame names are unique: %s", f.Name)
		seen[f.Name] = true
		require.NotEmpty(t, f.Examples, "frame %s has no examples", f.Name)
		assert.True(t, f.Confidence > 0 && f.Confidence <= 1, "frame %s confidence", f.Name)
		for _, ex := range f.Examples {
			t.Run(f.Name+"/"+ex.Speaker, func(t *testing.T) {
				doc := article.New("frame.txt", ex.Text)
				Extract(doc)
				qs := doc.Quotations()
				require.NotEmpty(t, qs, "quotations in %q", ex.Text)
				q := qs[len(qs)-1]
				require.NotNil(t, q.Speaker, "no speaker for %q", ex.Text)
				name := q.Speaker.Name
				assert.True(t, name == ex.Speaker || strings.HasSuffix(name, " "+ex.Speaker), "speaker %q, want %q", name, ex.Speaker)
				assert.Equal(t, f.Name, q.Frame)
				assert.LessOrEqual(t, q.Confidence, f.Confidence)
			})
		}
	}
}
