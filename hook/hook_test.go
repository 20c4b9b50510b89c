package hook_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/hook"
)

// gitEnv isolates git from the user's and the machine's configuration.
func gitEnv(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GIT_") {
			k, _, _ := strings.Cut(kv, "=")
			t.Setenv(k, "")
			os.Unsetenv(k)
		}
	}
	t.Setenv("HOME", t.TempDir())
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_AUTHOR_NAME", "Test")
	t.Setenv("GIT_AUTHOR_EMAIL", "test@example.org")
	t.Setenv("GIT_COMMITTER_NAME", "Test")
	t.Setenv("GIT_COMMITTER_EMAIL", "test@example.org")
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := hook.Git(dir, args...)
	require.NoError(t, err)
	return string(out)
}

func newRepo(t *testing.T) string {
	t.Helper()
	gitEnv(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	return dir
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}

func TestStagedFilesAndBlobs(t *testing.T) {
	dir := newRepo(t)
	writeFile(t, filepath.Join(dir, "old.txt"), "old\n")
	git(t, dir, "add", "old.txt")
	assert.False(t, hook.HasHEAD(dir))
	inHEAD, err := hook.StagedInHEAD(dir, nil)
	require.NoError(t, err)
	assert.Empty(t, inHEAD, "nothing is in HEAD before the first commit")
	git(t, dir, "commit", "-q", "-m", "first")
	assert.True(t, hook.HasHEAD(dir))

	writeFile(t, filepath.Join(dir, "old.txt"), "old, staged\n")
	writeFile(t, filepath.Join(dir, "stories", "café story.txt"), "staged\n")
	writeFile(t, filepath.Join(dir, "notes.bin"), "x")
	writeFile(t, filepath.Join(dir, "gone.txt"), "x")
	git(t, dir, "add", ".")
	// The working tree moves on after staging; the index is what counts.
	writeFile(t, filepath.Join(dir, "old.txt"), "old, not staged\n")
	writeFile(t, filepath.Join(dir, "unstaged.txt"), "x")

	txt := func(n string) bool { return strings.HasSuffix(n, ".txt") }
	names, err := hook.StagedFiles(dir, txt)
	require.NoError(t, err)
	assert.Equal(t, []string{"gone.txt", "old.txt", "stories/café story.txt"}, names)
	inHEAD, err = hook.StagedInHEAD(dir, txt)
	require.NoError(t, err)
	assert.Equal(t, []string{"old.txt"}, inHEAD)

	top, err := hook.TopLevel(filepath.Join(dir, "stories"))
	require.NoError(t, err)
	want, _ := filepath.EvalSymlinks(dir)
	gotTop, _ := filepath.EvalSymlinks(top)
	assert.Equal(t, want, gotTop)

	b, err := hook.NewBlobReader(dir)
	require.NoError(t, err)
	defer b.Close()
	data, err := b.Staged("old.txt", 0)
	require.NoError(t, err)
	assert.Equal(t, "old, staged\n", string(data))
	data, err = b.Staged("stories/café story.txt", 0)
	require.NoError(t, err)
	assert.Equal(t, "staged\n", string(data))
	_, err = b.Staged("unstaged.txt", 0)
	assert.ErrorContains(t, err, "not in the index")
	assert.ErrorIs(t, err, hook.ErrNotFound)
	data, err = b.AtRevision("HEAD", "old.txt", 0)
	require.NoError(t, err)
	assert.Equal(t, "old\n", string(data))
	_, err = b.AtRevision("HEAD", "gone.txt", 0)
	assert.ErrorContains(t, err, "not in HEAD")
	assert.ErrorIs(t, err, hook.ErrNotFound)
	_, err = b.AtRevision("HEAD", "", 0)
	assert.ErrorContains(t, err, "is a tree, not a file")
	assert.NotErrorIs(t, err, hook.ErrNotFound)
	_, err = b.Staged("old.txt", 4)
	var tl *hook.TooLargeError
	require.ErrorAs(t, err, &tl)
	assert.Equal(t, int64(12), tl.Size)
	// The reader stays in step after a skipped blob.
	data, err = b.Staged("old.txt", 0)
	require.NoError(t, err)
	assert.Equal(t, "old, staged\n", string(data))
	require.NoError(t, b.Close())

	// IndexFiles lists what the index holds under a folder, even a file
	// gone from the working tree, and nothing merely present on disk.
	require.NoError(t, os.Remove(filepath.Join(dir, "stories", "café story.txt")))
	writeFile(t, filepath.Join(dir, "stories", "untracked.txt"), "x")
	files, err := hook.IndexFiles(filepath.Join(dir, "stories"), txt)
	require.NoError(t, err)
	assert.Equal(t, []string{"café story.txt"}, files)
	files, err = hook.IndexFiles(dir, txt)
	require.NoError(t, err)
	assert.Equal(t, []string{"gone.txt", "old.txt", "stories/café story.txt"}, files)
}

func TestInstall(t *testing.T) {
	dir := newRepo(t)
	hookPath := filepath.Join(dir, ".git", "hooks", "pre-commit")

	res, err := hook.Install(dir, hook.ShellQuote("/opt/quote check/quotecheck"), false)
	require.NoError(t, err)
	assert.Equal(t, hookPath, res.Path)
	assert.False(t, res.Replaced)
	data, err := os.ReadFile(hookPath)
	require.NoError(t, err)
	assert.Contains(t, string(data), hook.Marker)
	assert.Contains(t, string(data), "\n'/opt/quote check/quotecheck' hook run\n")
	st, err := os.Stat(hookPath)
	require.NoError(t, err)
	assert.NotZero(t, st.Mode()&0o100, "executable")

	res, err = hook.Install(dir, "quotecheck", false)
	require.NoError(t, err)
	assert.True(t, res.Replaced, "our own hook is replaced without --force")

	require.NoError(t, os.WriteFile(hookPath, []byte("#!/bin/sh\necho mine\n"), 0o755))
	_, err = hook.Install(dir, "quotecheck", false)
	var fe *hook.ForeignHookError
	require.ErrorAs(t, err, &fe)
	assert.Contains(t, err.Error(), "use --force")
	data, _ = os.ReadFile(hookPath)
	assert.Equal(t, "#!/bin/sh\necho mine\n", string(data), "a foreign hook is left alone")

	res, err = hook.Install(dir, "quotecheck", true)
	require.NoError(t, err)
	assert.Equal(t, hookPath+hook.BackupSuffix, res.Backup)
	backup, _ := os.ReadFile(res.Backup)
	assert.Equal(t, "#!/bin/sh\necho mine\n", string(backup))

	removed, err := hook.Uninstall(dir)
	require.NoError(t, err)
	assert.Equal(t, hookPath, removed)
	data, _ = os.ReadFile(hookPath)
	assert.Equal(t, "#!/bin/sh\necho mine\n", string(data), "uninstall puts the old hook back")
	_, err = hook.Uninstall(dir)
	assert.ErrorContains(t, err, "not written by quotecheck")
}

func TestInstallHonoursHooksPath(t *testing.T) {
	dir := newRepo(t)
	git(t, dir, "config", "core.hooksPath", "githooks")
	res, err := hook.Install(dir, "quotecheck", false)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "githooks", "pre-commit"), res.Path)
}

func TestShellQuote(t *testing.T) {
	assert.Equal(t, "/usr/bin/quotecheck", hook.ShellQuote("/usr/bin/quotecheck"))
	assert.Equal(t, `'/a b/it'\''s'`, hook.ShellQuote("/a b/it's"))
	assert.Equal(t, "''", hook.ShellQuote(""))
}
