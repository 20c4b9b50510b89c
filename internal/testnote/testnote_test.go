package testnote_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/internal/testnote"
)

// childEnv makes the test binary run TestSkipsForWantOfSomething for
// TestNotesReachTheFile instead of skipping it.
const childEnv = "TESTNOTE_CHILD"

func TestMain(m *testing.M) { os.Exit(testnote.Main(m)) }

func TestSkipsForWantOfSomething(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("run by TestNotesReachTheFile")
	}
	testnote.Skip(t, "../shared not found: nothing measured")
}

// TestNotesReachTheFile: a skip is written where go test does not hide it
// (here the file QUOTECHECK_TEST_NOTES names), with the test's name.
func TestNotesReachTheFile(t *testing.T) {
	notes := filepath.Join(t.TempDir(), "notes.txt")
	cmd := exec.Command(os.Args[0], "-test.run=^TestSkipsForWantOfSomething$")
	cmd.Env = append(os.Environ(), childEnv+"=1", testnote.NotesEnv+"="+notes)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	data, err := os.ReadFile(notes)
	require.NoError(t, err)
	assert.Equal(t, "note: skipped TestSkipsForWantOfSomething: ../shared not found: nothing measured\n", string(data))
}
