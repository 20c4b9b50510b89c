// Command quotecheck-beam runs quotecheck's archive audit as an Apache
// Beam pipeline: on the local Prism runner, on Dataflow, or on Flink and
// Spark through a portable job endpoint. It writes what `quotecheck batch`
// writes: one JSON line per record (sharded), an error record for each
// record that cannot be read, and the summary figures. See README.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	// Filesystems for gs:// and s3:// paths (beamx registers local and gs).
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/quotecheck/quotecheck/beam/pipeline"
)

// fieldFlags collects repeated --field flags.
type fieldFlags []string

func (f *fieldFlags) String() string     { return strings.Join(*f, ",") }
func (f *fieldFlags) Set(s string) error { *f = append(*f, s); return nil }

var (
	out         = flag.String("out", "", "prefix of the result files, written as PREFIX-00000-of-00016.jsonl... (required)")
	shards      = flag.Int("shards", 16, "number of result files")
	summary     = flag.String("summary", "", "write the summary figures as JSON to `PATH`")
	summaryHTML = flag.String("summary-html", "", "write the summary page of quotecheck batch --summary to `PATH`")
	top         = flag.Int("top", 20, "entries in the summary's top lists")
	configPath  = flag.String("config", "", "a .quotecheck.yaml, read here and shipped to the workers with the pipeline")
	inputFormat = flag.String("input-format", "", "force the input format (auto, text, markdown, html, json, jsonl); auto chooses by extension")
	maxSize     = flag.Int64("max-size", 0, "largest record (file, or line of an archive) in bytes; 0 for 64 MiB")
	disable     = flag.String("disable", "", "comma-separated rule ids to turn off")
	fields      fieldFlags
)

func main() {
	flag.Var(&fields, "field", "map a record field: NAME=PATH (text, id, version, title, published, author, section, url); repeatable")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: quotecheck-beam --out PREFIX [--summary PATH] [Beam flags: --runner, --project, --region, --staging_location, --endpoint, --environment_type...] INPUT...\n\n"+
			"INPUT is a JSON Lines archive (.gz too), an article file, a folder (remote ones end in /) or a glob,\n"+
			"local or on gs:// or s3://.\n\nExit status: 0 when every record was read, 2 when any failed or on a usage error, 1 when the job failed.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	beam.Init()
	os.Exit(run(context.Background()))
}

func run(ctx context.Context) int {
	opt := pipeline.Options{
		Inputs: flag.Args(), Out: *out, Shards: *shards, Summary: *summary, SummaryHTML: *summaryHTML, Top: *top,
		Settings: pipeline.Settings{Fields: fields, InputFormat: *inputFormat, MaxSize: *maxSize},
	}
	if *disable != "" {
		opt.Settings.Disable = strings.Split(*disable, ",")
	}
	if *configPath != "" {
		data, err := os.ReadFile(*configPath)
		if err != nil {
			fmt.Fprintln(os.Stderr, "quotecheck-beam: --config:", err)
			return 2
		}
		opt.Settings.Config, opt.Settings.ConfigName = string(data), *configPath
	}
	if len(opt.Inputs) == 0 || opt.Out == "" {
		flag.Usage()
		return 2
	}
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, opt); err != nil {
		fmt.Fprintln(os.Stderr, "quotecheck-beam:", err)
		return 2
	}
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		fmt.Fprintln(os.Stderr, "quotecheck-beam: the job failed:", err)
		return 1
	}
	counts := pipeline.Counts(res)
	if len(counts) == 0 {
		// Some runners report no metrics; the summary has the figures.
		return 0
	}
	fmt.Fprintf(os.Stderr, "quotecheck-beam: %d records read, %d checked, %d failed\n",
		counts[pipeline.MetricRead], counts[pipeline.MetricChecked], counts[pipeline.MetricFailed])
	if counts[pipeline.MetricFailed] > 0 {
		return 2
	}
	return 0
}
