package extract

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
)

// TestLexiconFiles loads every data file and checks a few entries of each:
// a new list needs one row here.
func TestLexiconFiles(t *testing.T) {
	samples := map[string][]string{
		"speech-verbs.txt":                   {"say", "tell", "warn", "quip"},
		"addressee-verbs.txt":                {"tell", "assure"},
		"standalone-determiners.txt":         {"another", "several"},
		"group-nouns.txt":                    {"crowd", "audience"},
		"place-names.txt":                    {"Ohio", "South Carolina", "Canada"},
		"irregular-verbs.txt":                {"said\tsay", "told\ttell"},
		"loaded-verbs.txt":                   {"claim", "admit", "insist"},
		"ambiguous-verbs.txt":                {"report", "note", "claim"},
		"pronouns.txt":                       {"she\tf", "they\tp"},
		"honorifics.txt":                     {"mrs\tf", "dr\t-"},
		"titles.txt":                         {"minister", "sen.", "mayor"},
		"title-modifiers.txt":                {"prime", "finance"},
		"gendered-roles.txt":                 {"spokeswoman\tf", "chairman\tm"},
		"anonymous-heads.txt":                {"official", "sources", "protesters"},
		"organisation-heads.txt":             {"council", "ministry"},
		"place-heads.txt":                    {"street", "county"},
		"function-words.txt":                 {"the", "but"},
		"months-days.txt":                    {"january", "monday"},
		"abbreviations.txt":                  {"mr.", "dr."},
		"determiners.txt":                    {"the", "a"},
		"indefinite-determiners.txt":         {"a", "one"},
		"intro-words.txt":                    {"in", "meanwhile"},
		"relative-words.txt":                 {"who", "which"},
		"auxiliaries.txt":                    {"was", "would"},
		"passive-auxiliaries.txt":            {"was", "been"},
		"anonymity-reasons.txt":              {"condition of anonymity"},
		"naming-cues.txt":                    {"so-called", "known as"},
		"small-title-words.txt":              {"of", "the"},
		"irregular-past.txt":                 {"spent", "went"},
		"document-nouns.txt":                 {"statement", "report", "letter", "suit"},
		"document-verbs.txt":                 {"reads", "shows"},
		"speech-nouns.txt":                   {"claim", "promise", "words"},
		"speech-noun-complements.txt":        {"that", "of"},
		"post-modifier-starts.txt":           {"in", "familiar"},
		"description-organisation-heads.txt": {"company", "ministry"},
		"subordinators.txt":                  {"because", "although"},
		"irregular-participles.txt":          {"written", "told"},
		"company-words.txt":                  {"firm", "airline"},
		"generic-organisation-nouns.txt":     {"charity", "body"},
		"source-nouns.txt":                   {"official", "aide"},
		"prepositions.txt":                   {"to", "against"},
		"name-particles.txt":                 {"de", "van"},
		"organisation-premodifiers.txt":      {"charity", "nonprofit"},
		"person-trades.txt":                  {"developer", "owner"},
		"kinship.txt":                        {"brother", "husband"},
		"government-heads.txt":               {"ministry", "tribunal"},
		"institution-heads.txt":              {"university", "museum"},
		"reply-verbs.txt":                    {"replied", "retorted"},
		"number-words.txt":                   {"sixty", "hundred"},
		"adverb-suffixes.txt":                {"edly", "ously"},
		"common-noun-suffixes.txt":           {"ism", "ing"},
		"person-words.txt":                   {"mogul", "candidate"},
		"person-suffixes.txt":                {"er", "ist"},
		"label-words.txt":                    {"update", "q"},
		"time-words.txt":                     {"week", "later"},
		"retort-verbs.txt":                   {"shot", "fired"},
		"spokespeople.txt":                   {"spokesman", "spokesperson"},
		"organisation-members.txt":           {"organizers", "officials"},
		"connectives.txt":                    {"but", "and"},
		"sentence-adverbs.txt":               {"then", "still"},
		"boilerplate.txt":                    {"story continues below", "read more"},
		"given-names-female.txt":             {"Ingrid"},
		"given-names-male.txt":               {"Tomas"},
	}
	files, err := fs.Glob(lexiconFiles, "lexicon/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		name := strings.TrimPrefix(f, "lexicon/")
		t.Run(name, func(t *testing.T) {
			want, ok := samples[name]
			require.True(t, ok, "no test row for %s: add one to TestLexiconFiles", name)
			lines := lexiconLines(name)
			require.NotEmpty(t, lines)
			joined := "\n" + strings.Join(lines, "\n") + "\n"
			for _, w := range want {
				assert.True(t, strings.Contains(joined, "\n"+w+"\n") || strings.Contains(" "+strings.ReplaceAll(joined, "\n", " ")+" ", " "+w+" "), "%s lacks %q", name, w)
			}
		})
	}
	assert.Equal(t, "say", irregularForms["said"])
	assert.Equal(t, byte('f'), honorifics["mrs"])
	assert.Equal(t, byte(0), honorifics["dr"])
	assert.Equal(t, []string{"known", "as"}, namingCues[func() int {
		for i, c := range namingCues {
			if strings.Join(c, " ") == "known as" {
				return i
			}
		}
		return 0
	}()])
	assert.Equal(t, byte('f'), givenNameGender["ingrid"])
	assert.Equal(t, byte('m'), givenNameGender["tomas"])
}

func TestIsBoilerplate(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"Story continues below", true},
		{"ARTICLE CONTINUES AFTER THIS ADVERTISEMENT", true},
		{"READ MORE:", true},
		{"— Advertisement —", true},
		{"Read more about the levee in our archive.", false},
		{"The story continues below the dam.", false},
		{"  STORY\tcontinues \n below.  ", true},
		{"\u00a0Story continues below\u00a0", true},
		{"", false},
	} {
		assert.Equal(t, tc.want, IsBoilerplate(tc.line), tc.line)
	}
}

// TestConfiguredSpeechVerbEverywhere: a newsroom's verb is a cue after the
// quote, inverted before its subject, and keeps an exclamation from ending
// the sentence before its attribution.
func TestConfiguredSpeechVerbEverywhere(t *testing.T) {
	ex := New(Options{SpeechVerbs: []string{"harrumph"}})
	for _, tc := range []struct{ name, text, want string }{
		{"after the subject", `"The dam will hold," Ilse Varga harrumphed.`, "Ilse Varga"},
		{"inverted", `"The dam will hold," harrumphed Ilse Varga, the engineer.`, "Ilse Varga"},
		{"after an exclamation", `Tomas Ferrin spoke first. "Never!" harrumphed Ilse Varga.`, "Ilse Varga"},
		{"before the quote", `Ilse Varga harrumphed that the dam was "perfectly sound."`, "Ilse Varga"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := article.New("v.txt", tc.text)
			ex.Extract(doc)
			qs := doc.Quotations()
			require.NotEmpty(t, qs)
			q := qs[len(qs)-1]
			require.NotNil(t, q.Speaker)
			assert.Equal(t, tc.want, q.Speaker.Name)
			assert.Contains(t, q.Cue, "harrumph")
		})
	}
	// the built-in extractor does not know the word (a past form it may
	// still read by position: "…," harrumphed Ilse Varga)
	doc := article.New("v.txt", `Ilse Varga harrumphs that the dam is "perfectly sound."`)
	Extract(doc)
	assert.NotContains(t, doc.Quotations()[0].Cue, "harrumph")
}

func TestBoilerplateMakesNoEntities(t *testing.T) {
	doc := article.New("b.txt", "Ilse Varga inspected the dam.\n\nStory continues below\n\n\"Concrete cracks. Steel rusts.\"")
	Extract(doc)
	qs := doc.Quotations()
	require.Len(t, qs, 1)
	require.NotNil(t, qs[0].Speaker)
	assert.Equal(t, "Ilse Varga", qs[0].Speaker.Name)
}

func TestIsNumberWord(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"sixty-two", true},
		{"one-third", true},
		{"hundreds", true},
		{"twenty", true},
		{"", false},
		{"sixty-something", false},
		{"vantongeren", false},
		{"ten-year", false},
	} {
		assert.Equal(t, tc.want, isNumberWord(tc.word), tc.word)
	}
}

func TestIsSentenceAdverb(t *testing.T) {
	for _, tc := range []struct {
		word string
		want bool
	}{
		{"repeatedly", true},
		{"immediately", true},
		{"hastily", true},
		{"kelly", false},
		{"emily", false},
		{"connolly", false},
		{"ably", false},
	} {
		assert.Equal(t, tc.want, isSentenceAdverb(tc.word), tc.word)
	}
}
