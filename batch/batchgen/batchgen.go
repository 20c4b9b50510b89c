// Package batchgen writes archives of fictional news articles, as JSON
// Lines, for the tests and throughput measurements of batch and of the
// Beam pipeline (module beam): the same archives for both, so that their
// outputs and speeds compare.
package batchgen

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"time"
)

// The generated archives are fiction written for these tests: a coastal
// county with invented towns, people, organisations and quarrels, told in
// the shapes news copy uses (said-after and said-before attributions,
// colon introductions, pronouns, anonymous sources with and without a
// reason, statements, loaded verbs, unattributed quotations).

var (
	genTowns    = []string{"Marrowick", "Cinderfold", "Pellham Quay", "Ostry", "Gullwater", "Tarnby", "Hollin Cross", "Saltmere"}
	genFirst    = []string{"Ottilie", "Ruben", "Marisol", "Anselm", "Priya", "Caspar", "Noor", "Benedek", "Yara", "Lorcan", "Fenna", "Tobiah", "Ilse", "Dario", "Wren", "Saoirse"}
	genSurnames = []string{"Abernathy", "Quellen", "Draxler", "Mbeki-Hart", "Lowenthal", "Sorensby", "Achterberg", "Voskuijlen", "Pennywhistle", "Iwuchukwu", "Castellane", "Fairbrook", "Ostrander", "Kettleby", "Marchetti", "Thornquist"}
	genRoles    = []string{"the county treasurer", "a ferry pilot", "the head of the fishermen's cooperative", "a councillor for the harbour ward", "the chief executive of Saltmere Water", "a retired lighthouse keeper", "the headteacher of Ostry Academy", "the county's director of public health"}
	genOrgs     = []string{"Saltmere Water", "the county council", "the Harbour Trust", "Tarnby Rail", "the Gullwater Fishermen's Cooperative", "the regional health board"}
	genAnon     = []string{"a senior council official", "a person with knowledge of the negotiations", "two trust employees", "an adviser to the treasurer", "officials", "a source close to the board"}
	genReasons  = []string{"because they were not authorised to discuss the contract", "because the talks are confidential", "for fear of losing their jobs"}
	genTopics   = []string{"sea wall", "ferry contract", "water tariff", "school merger", "rail timetable", "clinic closure", "harbour dredging", "market licence"}
	genSayings  = []string{
		"Nobody in %s voted for the %s to be handled like this",
		"We were promised a full consultation on the %s and we got a leaflet",
		"The %s is on time and on budget, whatever the rumours say",
		"If the %s fails, %s pays for it twice",
		"I have never seen the town this angry about the %s",
		"The figures for the %s were checked by three separate auditors",
		"We'll keep the %s open as long as the numbers allow",
		"People in %s deserve straight answers about the %s",
		"Every month of delay on the %s costs us another season",
		"The board's decision on the %s was unanimous and final",
	}
	genNarrative = []string{
		"The %s has divided %s since the council first published its plans.",
		"Work on the %s was paused in the spring after engineers raised concerns about the cost.",
		"A public meeting about the %s in %s drew more than two hundred people on a wet evening.",
		"The county's own report on the %s, published last month, runs to ninety pages.",
		"Campaigners in %s have collected signatures against the %s for most of the year.",
	}
	genSections = []string{"Local", "Politics", "Business", "Health", "Environment", "Transport", "Education"}
	genAuthors  = []string{"Hester Vane", "Ambrose Kiddle", "Lidia Farrow", "Rashid Penhallow", "Greta Moorcroft", "Ciaran Ashdown", "Beatriz Quayle", "Otto Brightwell"}
)

// genRecord is one generated archive record.
type genRecord struct {
	ID        string `json:"id"`
	Version   string `json:"version"`
	Published string `json:"published"`
	Section   string `json:"section"`
	Author    string `json:"author"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Text      string `json:"text"`
}

type genPerson struct{ first, surname, role string }

func pickOne[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// Article writes one fictional article of about size bytes, its
// paragraphs separated by blank lines.
func Article(r *rand.Rand, size int) string {
	_, paras := genArticle(r, size)
	return strings.Join(paras, "\n\n")
}

// genArticle writes one fictional article of about size bytes, and the
// paragraphs it is made of (for later versions).
func genArticle(r *rand.Rand, size int) (title string, paras []string) {
	town, topic := pickOne(r, genTowns), pickOne(r, genTopics)
	org := pickOne(r, genOrgs)
	title = fmt.Sprintf("%s row over the %s deepens", town, topic)
	paras = append(paras, title)
	var cast []genPerson
	for i := 0; i < 2+r.IntN(3); i++ {
		cast = append(cast, genPerson{pickOne(r, genFirst), pickOne(r, genSurnames), pickOne(r, genRoles)})
	}
	named := map[int]bool{}
	who := func(i int) string {
		if named[i] {
			return cast[i].surname
		}
		named[i] = true
		return cast[i].first + " " + cast[i].surname + ", " + cast[i].role + ","
	}
	say := func() string {
		s := pickOne(r, genSayings)
		if strings.Count(s, "%s") == 2 {
			return fmt.Sprintf(s, town, topic)
		}
		return fmt.Sprintf(s, topic)
	}
	n := len(title)
	for n < size {
		i := r.IntN(len(cast))
		var p string
		switch r.IntN(12) {
		case 0, 1:
			p = fmt.Sprintf("“%s,” said %s.", say(), strings.TrimSuffix(who(i), ","))
		case 2:
			p = fmt.Sprintf("%s told a meeting in %s: “%s.”", strings.TrimSuffix(who(i), ","), town, say())
		case 3:
			p = fmt.Sprintf("“%s,” %s said, speaking on condition of anonymity %s.", say(), pickOne(r, genAnon), pickOne(r, genReasons))
		case 4:
			p = fmt.Sprintf("“%s,” %s said.", say(), pickOne(r, genAnon))
		case 5:
			p = fmt.Sprintf("%s said in a statement that it was “reviewing the %s” and would reply within a week.", capital(org), topic)
		case 6:
			p = fmt.Sprintf("“%s,” %s said. “%s.”", say(), strings.TrimSuffix(who(i), ","), say())
		case 7:
			p = fmt.Sprintf("“%s,” %s claimed.", say(), cast[i].surname)
		case 8:
			p = fmt.Sprintf("Posters around %s read: “%s.”", town, say())
		default:
			s := pickOne(r, genNarrative)
			if strings.Count(s, "%s") == 2 {
				p = fmt.Sprintf(s, topic, town)
			} else {
				p = fmt.Sprintf(s, topic)
			}
		}
		paras = append(paras, p)
		n += len(p) + 2
	}
	return title, paras
}

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// reviseArticle makes a later version: one quotation reworded, one
// paragraph cut and one added.
func reviseArticle(r *rand.Rand, paras []string) []string {
	out := append([]string(nil), paras...)
	for tries := 0; tries < 20; tries++ {
		i := 1 + r.IntN(len(out)-1)
		if strings.Contains(out[i], "“") && strings.Contains(out[i], " the ") {
			out[i] = strings.Replace(out[i], " the ", " this ", 1)
			break
		}
	}
	if len(out) > 4 {
		i := 1 + r.IntN(len(out)-1)
		out = append(out[:i], out[i+1:]...)
	}
	out = append(out, "“We have corrected the record and we stand by the rest,” the editor said.")
	return out
}

// Archive writes n records of about size bytes of text each as JSON
// Lines; about one in twenty articles gets a second version 20 to 200
// records later. It returns the bytes written.
func Archive(w io.Writer, seed uint64, n, size int) (int64, error) {
	r := rand.New(rand.NewPCG(seed, 7))
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := &countWriter{w: bw}
	enc := json.NewEncoder(cw)
	enc.SetEscapeHTML(false)
	type pending struct {
		at  int
		rec genRecord
	}
	var later []pending
	base := time.Date(2030, 1, 1, 6, 0, 0, 0, time.UTC)
	article := 0
	for written := 0; written < n; written++ {
		if len(later) > 0 && later[0].at <= written {
			if err := enc.Encode(later[0].rec); err != nil {
				return cw.n, err
			}
			later = later[1:]
			continue
		}
		article++
		title, paras := genArticle(r, size-size/5+r.IntN(size/5*2))
		pub := base.Add(time.Duration(article) * 17 * time.Minute)
		rec := genRecord{
			ID: fmt.Sprintf("cst-%06d", article), Version: "1", Published: pub.Format(time.RFC3339),
			Section: pickOne(r, genSections), Author: pickOne(r, genAuthors), Title: title,
			URL:  fmt.Sprintf("https://news.example/%d/%s", article, strings.ToLower(strings.ReplaceAll(title, " ", "-"))),
			Text: strings.Join(paras, "\n\n"),
		}
		if err := enc.Encode(rec); err != nil {
			return cw.n, err
		}
		if r.IntN(20) == 0 {
			v2 := rec
			v2.Version = "2"
			v2.Text = strings.Join(reviseArticle(r, paras), "\n\n")
			later = append(later, pending{at: written + 20 + r.IntN(180), rec: v2})
		}
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// WriteArchive generates an archive into path, gzip-compressed when
// compress is set.
func WriteArchive(path string, compress bool, seed uint64, n, size int) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	var w io.Writer = f
	var zw *gzip.Writer
	if compress {
		zw = gzip.NewWriter(f)
		w = zw
	}
	written, err := Archive(w, seed, n, size)
	if zw != nil {
		if cerr := zw.Close(); err == nil {
			err = cerr
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return written, err
}
