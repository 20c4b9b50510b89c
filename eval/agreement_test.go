package eval

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/internal/testnote"
)

// scorerLine picks the figures out of the reference scorer's summary line.
var scorerFigures = map[string]*regexp.Regexp{
	"quote precision":    regexp.MustCompile(`quote P([\d.]+)`),
	"quote recall":       regexp.MustCompile(` R([\d.]+) F1`),
	"quote F1":           regexp.MustCompile(`F1 ([\d.]+)`),
	"speaker":            regexp.MustCompile(`speaker ([\d.]+)`),
	"speaker on matched": regexp.MustCompile(`on matched ([\d.]+)`),
	"type":               regexp.MustCompile(`type ([\d.]+)`),
	"false errors":       regexp.MustCompile(`errors ([\d.]+)/100`),
	"false error docs":   regexp.MustCompile(`quotes \((\d+)/`),
}

// TestAgreesWithReferenceScorer runs the reference scorer (shared/tools/
// score.py) and eval on the same gold sets: every figure both print agrees
// within 0.005 (the scorer rounds false errors per 100 quotes to 0.1).
func TestAgreesWithReferenceScorer(t *testing.T) {
	shared := sharedDir(t)
	if shared == "" {
		testnote.Skip(t, "../shared not found next to the repository: agreement with the reference scorer not checked")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		testnote.Skip(t, "python3 not found: agreement with the reference scorer not checked")
	}
	if testing.Short() {
		t.Skip("-short: agreement with the reference scorer not checked")
	}
	bin := filepath.Join(t.TempDir(), "quotecheck")
	build := exec.Command("go", "build", "-o", bin, "../cmd/quotecheck")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)

	sets := []string{filepath.Join(shared, "corpus", "dev")}
	more, _ := filepath.Glob("../testdata/gold[0-9]*")
	sets = append(sets, "../testdata/gold")
	sets = append(sets, more...)
	// a converted public corpus, when a developer has one (never in CI)
	if local, _ := filepath.Glob("../.corpus/polnear-dev.jsonl"); len(local) > 0 {
		sets = append(sets, local...)
	}
	for _, set := range sets {
		t.Run(filepath.Base(set), func(t *testing.T) {
			cmd := exec.Command(py, filepath.Join(shared, "tools", "score.py"), "--bin", bin, set)
			cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
			out, err := cmd.Output()
			require.NoError(t, err, "score.py: %s", out)
			line := string(out)
			pattern := set
			if st, err := os.Stat(set); err == nil && st.IsDir() {
				pattern = filepath.Join(set, "*")
			}
			got := scoreCorpus(t, pattern)
			mine := map[string]float64{
				"quote precision":    got.Quotes.Precision(),
				"quote recall":       got.Quotes.Recall(),
				"quote F1":           got.Quotes.F1(),
				"speaker":            got.SpeakerAccuracy(),
				"speaker on matched": got.SpeakerAccuracyMatched(),
				"type":               got.TypeAccuracy(),
				"false errors":       got.FalseErrorsPer100(),
				"false error docs":   float64(got.FalseErrorArticles),
			}
			for name, re := range scorerFigures {
				m := re.FindStringSubmatch(line)
				require.NotNil(t, m, "%s not in %q", name, line)
				want, err := strconv.ParseFloat(m[1], 64)
				require.NoError(t, err)
				tol := 0.005
				if name == "false errors" {
					tol = 0.05
				}
				assert.LessOrEqual(t, math.Abs(mine[name]-want), tol+1e-9, "%s: eval %.4f, score.py %.4f", name, mine[name], want)
			}
			for _, rule := range scoredRules {
				re := regexp.MustCompile(regexp.QuoteMeta(rule) + ` P([\d.]+)/R([\d.]+)`)
				m := re.FindStringSubmatch(line)
				c := got.Findings[rule]
				if m == nil {
					assert.Nil(t, c, "%s: eval scores it, score.py does not", rule)
					continue
				}
				require.NotNil(t, c, "%s: score.py scores it, eval does not", rule)
				p, _ := strconv.ParseFloat(m[1], 64)
				r, _ := strconv.ParseFloat(m[2], 64)
				assert.InDelta(t, p, c.Precision(), 0.0051, "%s precision", rule)
				assert.InDelta(t, r, c.Recall(), 0.0051, "%s recall", rule)
			}
		})
	}
}
