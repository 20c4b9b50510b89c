package cli

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNegativeCountsAreUsageErrors: counts and sizes below their range are
// refused before anything is read, not taken silently.
func TestNegativeCountsAreUsageErrors(t *testing.T) {
	dir := isolate(t)
	p := write(t, dir, "a.txt", []byte(cleanStory))
	tests := []struct {
		name    string
		args    []string
		message string
	}{
		{"check --jobs -3", []string{"check", "--jobs", "-3", p}, "--jobs -3: want 0 (the default: one per core) or more"},
		{"check -j after the path", []string{"check", p, "-j", "-1"}, "--jobs -1"},
		{"check --max-size -1", []string{"check", "--max-size", "-1", p}, "--max-size -1: want a size in bytes above 0"},
		{"check --max-size 0", []string{"check", "--max-size", "0", p}, "--max-size 0"},
		{"quotes --jobs -3", []string{"quotes", "--jobs", "-3", p}, "--jobs -3"},
		{"batch --max-size -1", []string{"batch", "--max-size", "-1", p}, "--max-size -1"},
		{"batch --jobs -3", []string{"batch", "--jobs", "-3", p}, "--jobs -3"},
		{"report --max-size -1", []string{"report", "--max-size", "-1", p}, "--max-size -1"},
		{"diff --max-size -1", []string{"diff", "--max-size", "-1", p, p}, "--max-size -1"},
		{"config show of a missing file", []string{"config", "show", "no-such-story.txt"}, "config show: no-such-story.txt: no such file or folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := execCLI(t, "", tt.args...)
			assert.Equal(t, ExitError, r.code, r.stdout+r.stderr)
			assert.Contains(t, r.stderr, tt.message)
			assert.Empty(t, r.stdout)
		})
	}
}
