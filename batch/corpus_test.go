package batch

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/batch/batchgen"
)

// TestWriteBenchCorpus writes the generated, fictional corpus that the
// README's performance figures are measured on, into the folder named by
// QUOTECHECK_CORPUS_DIR (it does nothing without it):
//
//	archive-20000.jsonl   20,000 records of about 5 KB (batch)
//	files/story-NNNNN.txt about 21 MB as one ~5 KB article a file
//	one-1MB.txt, one-2MB.txt, one-32MB.txt, one-60MB.txt
//	                      one document each: articles one after another
//	                      with blank lines between them
//
// Run it with
//
//	QUOTECHECK_CORPUS_DIR=/tmp/qc-corpus go test ./batch -run TestWriteBenchCorpus
func TestWriteBenchCorpus(t *testing.T) {
	dir := os.Getenv("QUOTECHECK_CORPUS_DIR")
	if dir == "" {
		t.Skip("set QUOTECHECK_CORPUS_DIR to write the benchmark corpus")
	}
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "files"), 0o755))
	_, err := batchgen.WriteArchive(filepath.Join(dir, "archive-20000.jsonl"), false, 1, 20000, 5000)
	require.NoError(t, err)

	r := rand.New(rand.NewPCG(3, 5))
	article := func() string {
		return batchgen.Article(r, 4000+r.IntN(2000))
	}
	for n, written := 0, 0; written < 21<<20; n++ {
		a := article() + "\n"
		require.NoError(t, os.WriteFile(filepath.Join(dir, "files", fmt.Sprintf("story-%05d.txt", n)), []byte(a), 0o644))
		written += len(a)
	}
	for _, size := range []int{1, 2, 32, 60} {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("one-%dMB.txt", size)))
		require.NoError(t, err)
		w := bufio.NewWriterSize(f, 1<<20)
		for written := 0; written < size<<20; {
			if written > 0 {
				n, _ := w.WriteString("\n\n")
				written += n
			}
			n, _ := w.WriteString(article())
			written += n
		}
		w.WriteString("\n")
		require.NoError(t, w.Flush())
		require.NoError(t, f.Close())
	}
}
