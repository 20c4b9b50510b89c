package report

import (
	"path/filepath"
	"strings"
)

// DocID derives a document id from its path: the file name without
// extension ("stories/biden-xi.md" → "biden-xi").
func DocID(path string) string {
	if path == "" || path == "-" {
		return "stdin"
	}
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
