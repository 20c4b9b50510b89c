package extract

// Frame is one way a sentence attributes a quotation to its speaker: a
// name, what it reads, how often it is right, examples that must keep
// working, and the function that matches it. The attributor tries the
// frames of ownSentenceFrames in order on each quotation's own sentence;
// the first that names a speaker wins. A newcomer adds a frame with one
// value here (and its examples are its test: TestFrames).
type Frame struct {
	Name string
	// Doc says what the frame reads.
	Doc string
	// Confidence caps the confidence of the frame's attributions: how
	// often its attributions were right on PolNeAR train (eval prints the
	// calibration of the whole extractor).
	Confidence float64
	// Examples are invented passages whose last quotation this frame
	// attributes to Speaker (a name or its last word).
	Examples []FrameExample
	match    func(x *attributor, c quoteContext) (a attribution, stop bool)
}

// FrameExample is one passage a frame must attribute.
type FrameExample struct {
	Text, Speaker string
}

// quoteContext is a quotation token k in sentence s of paragraph pi.
type quoteContext struct {
	toks       []token
	s          sentence
	k          int
	pi, sentIx int
}

// ownSentenceFrames are tried in order on every quotation's own sentence.
var ownSentenceFrames = []Frame{
	{
		Name:       "headline-speaker",
		Doc:        `a headline that opens with its speaker and a colon: Pat Caddell: Voters Are Worried; It's 'in Their Heads'`,
		Confidence: 0.8,
		Examples: []FrameExample{
			{"Ilse Varga: Levee Repairs 'Years Behind'\n\nThe mayor of Lenz said on Monday that repairs were late.", "Varga"},
		},
		match: func(x *attributor, c quoteContext) (attribution, bool) {
			return x.headlineSpeaker(c.toks, c.s, c.k, c.pi, c.sentIx), false
		},
	},
	{
		Name:       "split-quotation",
		Doc:        "the second part of a quotation split by its attribution takes the first part's speaker",
		Confidence: 0.85,
		Examples: []FrameExample{
			{`"The dam is safe," said Ilse Varga, a hydrologist, "and it will stay safe."`, "Varga"},
		},
		match: func(x *attributor, c quoteContext) (attribution, bool) {
			return x.interrupted(c.toks, c.s, c.k), false
		},
	},
	{
		Name:       "attribution-after",
		Doc:        `a speaker and reporting verb right after the quote: "…," X said / said X / according to X`,
		Confidence: 0.95,
		Examples: []FrameExample{
			{`"We will not back down," Maria Okafor said.`, "Okafor"},
			{`"It's unanimous," said councilmember Mark Levine.`, "Levine"},
			{`"The pumps were never tested," the inspection report said.`, "the inspection report"},
		},
		match: func(x *attributor, c quoteContext) (attribution, bool) {
			return x.after(c.toks, c.s, c.k, c.pi, c.sentIx), false
		},
	},
	{
		Name:       "dash-byline",
		Doc:        `a name after a dash closing the quote's line: "…" ― Anja Polder`,
		Confidence: 0.85,
		Examples: []FrameExample{
			{"\u201cThe bridge is our lifeline.\u201d \u2015 Anja Polder", "Polder"},
			{"\u201cThe bridge is our lifeline.\u201d \u2015 Anja Polder\n\u201cWe need it open.\u201d\u2015 Jorge Falcon", "Falcon"},
		},
		match: func(x *attributor, c quoteContext) (attribution, bool) {
			return x.dashByline(c.toks, c.s, c.k, c.pi, c.sentIx), false
		},
	},
	{
		Name:       "speech-noun",
		Doc:        `the possessor of a speech noun the quote completes: X's promise of "…", in her words, "…"`,
		Confidence: 0.3,
		Examples: []FrameExample{
			{`Bluewake Ferries Ltd sold out, but riders say the boats fall short of the company's promise of "a smooth crossing."`, "Bluewake Ferries Ltd"},
		},
		match: func(x *attributor, c quoteContext) (attribution, bool) {
			return x.speechNounOwner(c.toks, c.s, c.k, c.pi, c.sentIx), false
		},
	},
	{
		Name:       "verb-before",
		Doc:        `the subject of the reporting verb that governs the quote from before it: X said: "…", X called it "…", X said, adding "…"`,
		Confidence: 0.85,
		Examples: []FrameExample{
			{`Asked what he would tell Mayor Ilse Varga, Tomas Ferrin said: "Fix the dam."`, "Ferrin"},
			{`Tomas Ferrin said Orla Power would maintain the pumps until the levee is "fully rebuilt."`, "Ferrin"},
		},
		match: func(x *attributor, c quoteContext) (attribution, bool) {
			return x.before(c.toks, c.s, c.k, c.pi, c.sentIx)
		},
	},
	{
		Name:       "sentence-final",
		Doc:        `an attribution clause closing the sentence after the quote: …"…", officials said.`,
		Confidence: 0.9,
		Examples: []FrameExample{
			{`The board has used "velvet gloves" with the towns upriver, said Nargis Kassen, an expert at the institute.`, "Kassen"},
		},
		match: func(x *attributor, c quoteContext) (attribution, bool) {
			return x.sentenceFinal(c.toks, c.s, c.k, c.pi, c.sentIx), false
		},
	},
}

// contextConfidence is the confidence of the rules that attribute a
// quotation from its context rather than its own sentence (inherit.go):
// how often each was right on PolNeAR train.
var contextConfidence = map[string]float64{
	"same-paragraph":             0.9,
	"same-paragraph-later":       0.65,
	"running-quotation":          0.75,
	"colon-lead-in":              0.75,
	"previous-paragraph-speaker": 0.6,
	"previous-sentence-subject":  0.65,
	"previous-sentence-person":   0.5,
	"paragraph-about-person":     0.35,
	"clause-subject":             0.7,
	"demonstrative-continuation": 0.5,
	"headline-repeats-body":      0.3,
	"transcript-label":           0.85,
	"only-person-in-paragraph":   0.3,
}

// capConfidence gives a context rule's attribution the rule's measured
// confidence; frames already capped theirs.
func capConfidence(frame string, conf float64) float64 {
	if c, ok := contextConfidence[frame]; ok {
		return c
	}
	return conf
}

// direct tries the frames of the quote's own sentence.
func (x *attributor) direct(toks []token, s sentence, k, pi, sentIdx int) attribution {
	c := quoteContext{toks: toks, s: s, k: k, pi: pi, sentIx: sentIdx}
	for i := range ownSentenceFrames {
		f := &ownSentenceFrames[i]
		a, stop := f.match(x, c)
		if a.ent >= 0 {
			a.frame = f.Name
			if a.conf == 0 || a.conf > f.Confidence {
				a.conf = f.Confidence
			}
			return a
		}
		if stop {
			return noAttribution
		}
	}
	return noAttribution
}
