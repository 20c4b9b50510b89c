package batch

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/unicode"
)

// TestSummaryCheckedAtStart: a summary that cannot be written stops the
// run before any record is read, not after the whole archive.
func TestSummaryCheckedAtStart(t *testing.T) {
	dir := t.TempDir()
	opt := Options{Paths: []string{deskArchive}, Out: filepath.Join(dir, "results.jsonl"),
		Summary: filepath.Join(dir, "no-such-folder", "summary.html")}
	stats, err := Run(context.Background(), opt)
	require.Error(t, err)
	assert.Nil(t, stats, "nothing was checked")
	assert.Contains(t, err.Error(), "no-such-folder/summary.html cannot be written: no such file or directory")
	assert.NoFileExists(t, opt.Out)

	// A summary written leaves no temporary file behind.
	opt.Summary = filepath.Join(dir, "summary.html")
	runBatch(t, opt)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	assert.Equal(t, []string{"results.jsonl", "summary.html"}, names)
}

// TestUTF16Archive: a UTF-16 archive with a byte-order mark, plain or
// compressed, is read like its UTF-8 twin.
func TestUTF16Archive(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(deskArchive)
	require.NoError(t, err)
	wide, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(data)
	require.NoError(t, err)
	plain := filepath.Join(dir, "desk.jsonl")
	require.NoError(t, os.WriteFile(plain, wide, 0o644))
	var zb bytes.Buffer
	zw := gzip.NewWriter(&zb)
	_, _ = zw.Write(wide)
	require.NoError(t, zw.Close())
	packed := filepath.Join(dir, "desk.jsonl.gz")
	require.NoError(t, os.WriteFile(packed, zb.Bytes(), 0o644))

	want := runBatch(t, Options{Paths: []string{deskArchive}, Out: filepath.Join(dir, "want.jsonl")})
	for _, p := range []string{plain, packed} {
		got := runBatch(t, Options{Paths: []string{p}, Out: filepath.Join(dir, "got.jsonl")})
		assert.Equal(t, want.Figures.Checked, got.Figures.Checked, p)
		assert.Zero(t, got.Figures.Failed, p)
		assert.Equal(t, outLines(t, filepath.Join(dir, "want.jsonl"))[0]["findings"], outLines(t, filepath.Join(dir, "got.jsonl"))[0]["findings"])
	}
}

// A sync that fails in the background fails the next flush and the
// close, so a full or failing disk never goes unreported.
func TestBackgroundSyncFailureIsReported(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out.jsonl"))
	require.NoError(t, err)
	o := newFileOutput(f.Name(), f)
	require.NotNil(t, o.sync, "a regular file is synced")
	require.NoError(t, o.write([]byte("{}\n")))
	require.NoError(t, o.flush())
	require.NoError(t, f.Close()) // every later sync fails
	o.sync.request()
	assert.Eventually(t, func() bool { return o.sync.failed() != nil }, 5*time.Second, time.Millisecond)
	assert.Error(t, o.flush())
	assert.Error(t, o.close())
}

// Closing an output waits for its background syncs and leaves every
// line in the file.
func TestOutputCloseKeepsEveryLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.jsonl")
	o, err := createOutput(path)
	require.NoError(t, err)
	for i := range 1000 {
		require.NoError(t, o.write([]byte(fmt.Sprintf("{\"n\":%d}\n", i))))
		if i%100 == 0 {
			require.NoError(t, o.flush())
		}
	}
	require.NoError(t, o.close())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, 1000, bytes.Count(data, []byte("\n")))
}
