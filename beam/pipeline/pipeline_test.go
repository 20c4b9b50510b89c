package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/batch"
	"github.com/quotecheck/quotecheck/batch/batchgen"
)

func TestMain(m *testing.M) {
	beam.Init()
	os.Exit(m.Run())
}

// writeShards generates an archive of n fictional articles (about one in
// twenty has a second version 20 to 200 records later) and writes it as
// shards of per records each, every other one gzip-compressed, so that
// versions of an article sit in different files. corrupt, when set, is
// written as the line after the first record of the second shard.
func writeShards(t *testing.T, dir string, n, per int, corrupt string) {
	t.Helper()
	var buf bytes.Buffer
	_, err := batchgen.Archive(&buf, 3, n, 1500)
	require.NoError(t, err)
	lines := bytes.SplitAfter(buf.Bytes(), []byte("\n"))
	for shard := 0; shard*per < n; shard++ {
		name := filepath.Join(dir, fmt.Sprintf("shard-%02d.jsonl", shard))
		part := lines[shard*per : min((shard+1)*per, n)]
		var data []byte
		for i, l := range part {
			data = append(data, l...)
			if shard == 1 && i == 0 && corrupt != "" {
				data = append(data, corrupt+"\n"...)
			}
		}
		if shard%2 == 1 {
			var z bytes.Buffer
			zw := gzip.NewWriter(&z)
			_, err := zw.Write(data)
			require.NoError(t, err)
			require.NoError(t, zw.Close())
			name, data = name+".gz", z.Bytes()
		}
		require.NoError(t, os.WriteFile(name, data, 0o644))
	}
}

// runPipeline runs the pipeline on the in-process Prism runner.
func runPipeline(t testing.TB, opt Options) map[string]int64 {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	require.NoError(t, Build(s, opt))
	res, err := prism.Execute(context.Background(), p)
	require.NoError(t, err)
	return Counts(res)
}

// readLines reads JSON Lines files into objects by key: id and version
// for records, input and record number for error records.
func readLines(t *testing.T, paths ...string) map[string]any {
	t.Helper()
	out := map[string]any{}
	for _, p := range paths {
		f, err := os.Open(p)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var obj map[string]any
			require.NoError(t, json.Unmarshal(sc.Bytes(), &obj), p)
			key := fmt.Sprintf("%v\x00%v", obj["id"], obj["version"])
			if _, isErr := obj["error"]; isErr {
				key = fmt.Sprintf("error\x00%v\x00%v", obj["input"], obj["record"])
			}
			require.NotContains(t, out, key, "one line per key")
			out[key] = obj
		}
		require.NoError(t, sc.Err())
		require.NoError(t, f.Close())
	}
	return out
}

// TestSameAsBatch: over a sharded archive with versions in different
// shards and a corrupt line, the pipeline writes the records, the error
// record and the summary figures that batch writes.
func TestSameAsBatch(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "archive")
	require.NoError(t, os.Mkdir(archive, 0o755))
	const n = 3000
	writeShards(t, archive, n, 400, `{"id": "cst-broken", "version": "1", "text": "unterminated`)

	batchOut := filepath.Join(dir, "batch.jsonl")
	stats, err := batch.Run(context.Background(), batch.Options{Paths: []string{archive}, Out: batchOut, VersionWindow: 1 << 20})
	require.NoError(t, err)
	require.Equal(t, 1, stats.Figures.Failed)
	require.Greater(t, stats.Figures.VersionsCompared, 50)

	out := filepath.Join(dir, "beam", "results")
	opt := Options{Inputs: []string{archive}, Out: out, Shards: 3,
		Summary: filepath.Join(dir, "beam", "summary.json"), SummaryHTML: filepath.Join(dir, "beam", "summary.html")}
	counts := runPipeline(t, opt)

	var shards []string
	for i := range 3 {
		shards = append(shards, ShardName(out, i, 3))
	}
	want, got := readLines(t, batchOut), readLines(t, shards...)
	assert.Len(t, got, n+1)
	assert.Equal(t, want, got)

	b, err := os.ReadFile(opt.Summary)
	require.NoError(t, err)
	var figures batch.Figures
	require.NoError(t, json.Unmarshal(b, &figures))
	assert.Equal(t, stats.Figures, &figures)
	html, err := os.ReadFile(opt.SummaryHTML)
	require.NoError(t, err)
	assert.Contains(t, string(html), "</html>")

	assert.Equal(t, int64(n+1), counts[MetricRead])
	assert.Equal(t, int64(n), counts[MetricChecked])
	assert.Equal(t, int64(1), counts[MetricFailed])
	for _, c := range figures.Findings {
		assert.Equal(t, int64(c.Count), counts[MetricFindings+c.Name], c.Name)
	}
}
