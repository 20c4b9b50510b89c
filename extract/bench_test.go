package extract_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/extract"
	"github.com/quotecheck/quotecheck/rules"
)

// The benchmark corpus is generated from templates: fictional people,
// organisations and quotations in the shapes news copy uses (said-after,
// said-before, colon introductions, anonymous sources with and without a
// reason, British single marks, running quotations, apostrophes, scare
// quotes, edited quotations).

var (
	benchFirst   = []string{"Maria", "Tomas", "Ines", "Dana", "Ravi", "Oluwaseun", "Grete", "Hamid", "Lucia", "Pieter", "Aiko", "Bruno", "Siobhan", "Kwame", "Elif", "Mateo"}
	benchSurname = []string{"Okafor", "Lund", "Calloway", "Reyes", "Mehta", "Adeyemi", "Halvorsen", "Farahani", "Bianchi", "de Vries", "Tanaka", "Moreau", "Brennan", "Mensah", "Yilmaz", "Sandoval"}
	benchRole    = []string{"the council leader", "a harbour engineer", "the union's president", "the finance minister", "a spokesperson for the port authority", "the mayor of Westbrook", "chief executive of Norland Freight", "a local shopkeeper"}
	benchOrg     = []string{"the Westbrook council", "Norland Freight", "the port authority", "the transport ministry", "the Harbour Residents' Association", "Eastfield University"}
	benchAnon    = []string{"a senior official", "a person familiar with the talks", "two people briefed on the plan", "an aide to the mayor", "officials"}
	benchReason  = []string{"because they were not authorised to speak publicly", "because the talks are private", "to discuss internal deliberations"}
	benchTopic   = []string{"harbour road", "bus depot", "flood barrier", "school budget", "freight terminal", "bridge repairs", "housing scheme", "night market"}
	benchSay     = []string{
		"We will not back down on the %s",
		"The %s has been a disaster from day one",
		"Nobody asked the residents what they wanted from the %s",
		"We don't think the %s can wait another year",
		"The figures for the %s simply don't add up",
		"It's the best plan we've had since the '90s, and the %s proves it",
		"Our members' patience with the %s is running out",
		"We followed every rule on the %s, and we will show it",
		"I told them the %s would be late, and it was",
		"There is no money left for the %s this year",
	}
	benchNarr = []string{
		"The council met on %s to discuss the %s, which has divided the town for years.",
		"Traders' concerns about the %s grew after the ministry published its figures on %s.",
		"Work on the %s began in the 1990s and was halted twice, most recently on %s.",
		"Residents, who have complained since the '80s, said they were \u201ctired of waiting\u201d for the %s; a vote is due on %s.",
		"The so-called \u201cgreen corridor\u201d would run beside the %s, according to plans released on %s.",
	}
	benchDay = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
)

type person struct{ first, surname, role string }

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// genArticle writes one fictional article of about size bytes.
func genArticle(r *rand.Rand, size int) string {
	var b strings.Builder
	topic := pick(r, benchTopic)
	org := pick(r, benchOrg)
	fmt.Fprintf(&b, "%s%s faces new row over %s\n\n", strings.ToUpper(org[:1]), org[1:], topic)
	var cast []person
	for i := 0; i < 2+r.IntN(3); i++ {
		cast = append(cast, person{pick(r, benchFirst), pick(r, benchSurname), pick(r, benchRole)})
	}
	introduced := map[int]bool{}
	name := func(i int) string {
		if introduced[i] {
			return cast[i].surname
		}
		introduced[i] = true
		return cast[i].first + " " + cast[i].surname + ", " + cast[i].role + ","
	}
	say := func() string { return fmt.Sprintf(pick(r, benchSay), topic) }
	for b.Len() < size {
		i := r.IntN(len(cast))
		switch r.IntN(11) {
		case 0:
			fmt.Fprintf(&b, "\"%s,\" said %s on %s.", say(), strings.TrimSuffix(name(i), ","), pick(r, benchDay))
		case 1:
			fmt.Fprintf(&b, "\u201c%s,\u201d %s said. \u201c%s.\u201d", say(), strings.TrimSuffix(name(i), ","), say())
		case 2:
			fmt.Fprintf(&b, "%s told reporters: \u201c%s.\u201d", strings.TrimSuffix(name(i), ","), say())
		case 3:
			fmt.Fprintf(&b, "\u201c%s,\u201d %s said, speaking on condition of anonymity %s.", say(), pick(r, benchAnon), pick(r, benchReason))
		case 4:
			fmt.Fprintf(&b, "\u201c%s,\u201d %s said.", say(), pick(r, benchAnon))
		case 5:
			fmt.Fprintf(&b, "\u2018%s, and the \u201cfinal offer\u201d was no offer at all,\u2019 said %s.", say(), strings.TrimSuffix(name(i), ","))
		case 6:
			fmt.Fprintf(&b, "\u201c%s.\n\n\u201c%s,\u201d %s added.", say(), say(), cast[i].surname)
		case 7:
			fmt.Fprintf(&b, "\u201c%s [the council] . . . this year,\u201d %s claimed.", say(), cast[i].surname)
		case 8:
			fmt.Fprintf(&b, "%s said in a statement that it was \u201creviewing the %s\u201d and would respond on %s.", strings.ToUpper(org[:1])+org[1:], topic, pick(r, benchDay))
		default:
			fmt.Fprintf(&b, pick(r, benchNarr), topic, pick(r, benchDay))
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// genCorpus returns n articles of 2-8 KB, deterministically.
func genCorpus(seed uint64, total int) []string {
	r := rand.New(rand.NewPCG(seed, 2))
	var out []string
	for n := 0; n < total; {
		a := genArticle(r, 2048+r.IntN(6144))
		out = append(out, a)
		n += len(a)
	}
	return out
}

var benchCorpus = sync.OnceValue(func() []string { return genCorpus(1, 8<<20) })

func corpusBytes(c []string) int64 {
	var n int64
	for _, a := range c {
		n += int64(len(a))
	}
	return n
}

// TestGeneratedCorpus makes sure the benchmark corpus exercises the
// extractor: quotes, speakers of every type, running quotations and no
// mark problems, since the templates are well formed.
func TestGeneratedCorpus(t *testing.T) {
	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(t, err)
	types := map[article.SourceType]int{}
	quotes, running, attributed := 0, 0, 0
	for _, a := range genCorpus(7, 64<<10) {
		res := chk.CheckText("gen.txt", a)
		require.NoError(t, res.Err)
		assert.Empty(t, res.Doc.Marks, "generated article has mark problems:\n%s", a)
		for _, q := range res.Doc.Quotations() {
			quotes++
			if q.RunsOn {
				running++
			}
			if q.Speaker != nil {
				attributed++
				types[q.Speaker.Type]++
			}
		}
	}
	assert.Greater(t, quotes, 100)
	assert.Greater(t, running, 0)
	assert.Greater(t, attributed*10, quotes*7, "most generated quotes are attributed")
	assert.Greater(t, types[article.Person], 0)
	assert.Greater(t, types[article.Anonymous], 0)
}

// BenchmarkScan measures the quotation scanner alone.
func BenchmarkScan(b *testing.B) {
	corpus := benchCorpus()
	paras := make([][]article.Paragraph, len(corpus))
	for i, a := range corpus {
		paras[i] = article.SplitParagraphs(a)
	}
	b.SetBytes(corpusBytes(corpus))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, a := range corpus {
			extract.Scan(a, paras[i])
		}
	}
}

// BenchmarkExtract measures paragraph splitting, scanning and attribution.
func BenchmarkExtract(b *testing.B) {
	corpus := benchCorpus()
	b.SetBytes(corpusBytes(corpus))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range corpus {
			extract.Extract(article.New("bench.txt", a))
		}
	}
}

// BenchmarkCheck measures the whole check of each article (decode,
// extract, every rule) on one goroutine.
func BenchmarkCheck(b *testing.B) {
	corpus := benchCorpus()
	data := make([][]byte, len(corpus))
	for i, a := range corpus {
		data[i] = []byte(a)
	}
	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(b, err)
	b.SetBytes(corpusBytes(corpus))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range data {
			if res := chk.CheckBytes("bench.txt", d); res.Err != nil {
				b.Fatal(res.Err)
			}
		}
	}
	b.ReportMetric(float64(len(corpus)), "articles/op")
}

// BenchmarkCheckOneDocument checks the corpus concatenated into a single
// document of growing size: MB/s should stay flat if the extractor is
// linear in the length of one document.
func BenchmarkCheckOneDocument(b *testing.B) {
	corpus := benchCorpus()
	chk, err := checker.New(rules.All(), checker.Config{})
	require.NoError(b, err)
	for _, size := range []int{256 << 10, 1 << 20, 4 << 20, 32 << 20} {
		var sb strings.Builder
		for i := 0; sb.Len() < size; i++ {
			sb.WriteString(corpus[i%len(corpus)])
		}
		data := []byte(sb.String())
		b.Run(fmt.Sprintf("%dKB", len(data)>>10), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if res := chk.CheckBytes("one.txt", data); res.Err != nil {
					b.Fatal(res.Err)
				}
			}
		})
	}
}

// BenchmarkExtractDir measures the extractor on the stories of a folder
// named by QUOTECHECK_BENCH_DIR (real copy, such as the PolNeAR articles
// the README's accuracy section converts), which the generated corpus
// cannot stand for: a real story's vocabulary is large and its names
// many.
func BenchmarkExtractDir(b *testing.B) {
	dir := os.Getenv("QUOTECHECK_BENCH_DIR")
	if dir == "" {
		b.Skip("QUOTECHECK_BENCH_DIR names no folder of stories")
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	require.NoError(b, err)
	require.NotEmpty(b, paths)
	var texts []string
	var n int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(b, err)
		texts = append(texts, string(data))
		n += int64(len(data))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			extract.Extract(article.New("bench.txt", t))
		}
	}
}
