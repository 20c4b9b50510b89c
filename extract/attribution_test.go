package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/article"
)

// attributionCase is one invented passage and, for each quotation in it
// (terms left out), the expected speaker: the canonical name, the last
// word of it, or "" for no speaker. typ, when set, is each quote's
// expected speaker type.
type attributionCase struct {
	name string
	text string
	want []string
	typ  []article.SourceType
}

func runAttribution(t *testing.T, cases []attributionCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := article.New("case.txt", tc.text)
			Extract(doc)
			var got []string
			var types []article.SourceType
			for _, q := range doc.Quotations() {
				if q.Speaker == nil {
					got = append(got, "")
					types = append(types, article.NoSource)
					continue
				}
				got = append(got, q.Speaker.Name)
				types = append(types, q.Speaker.Type)
			}
			require.Len(t, got, len(tc.want), "quotations: %q", got)
			for i, w := range tc.want {
				if w == "" {
					assert.Empty(t, got[i], "quote %d", i+1)
					continue
				}
				assert.True(t, got[i] == w || strings.HasSuffix(got[i], " "+w), "quote %d: speaker %q, want %q", i+1, got[i], w)
			}
			if tc.typ != nil {
				assert.Equal(t, tc.typ, types)
			}
		})
	}
}

// TestAttributionReal holds the error classes found on real newsroom copy
// (PolNeAR train), each as an invented passage.
func TestAttributionReal(t *testing.T) {
	doc, person := article.DocumentSource, article.Person
	runAttribution(t, []attributionCase{
		{name: "capitalised verb inside a name", text: "Ilse Varga spoke on Monday. The United States should \"be rallying our allies,\" she said.\n\nTomas Ferrin wants to \"fundamentally transform\" the United States.",
			want: []string{"Ilse Varga", "Tomas Ferrin"}},
		{name: "document said", text: `"The pumps were never tested," the inspection report said.`,
			want: []string{"the inspection report"}, typ: []article.SourceType{doc}},
		{name: "document reads", text: `"We see charter schools offering hope," the letter reads. "Our children are thriving."`,
			want: []string{"the letter", "the letter"}, typ: []article.SourceType{doc, doc}},
		{name: "issuer's statement", text: "Ilse Varga resigned on Monday.\n\n\"I leave with regret,\" her statement said.",
			want: []string{"Varga"}, typ: []article.SourceType{person}},
		{name: "website explains", text: `"A slow economy has us on an unsustainable path," the website explains. "The truth is we welcome all."`,
			want: []string{"the website", "the website"}},
		{name: "dash byline", text: "\u201cThe bridge is our lifeline.\u201d \u2015 Anja Polder\n\n\u201cWe need it open.\u201d \u2014 Tomas Ferrin",
			want: []string{"Polder", "Ferrin"}, typ: []article.SourceType{person, person}},
		{name: "transcript label in marks", text: "\"VARGA: Thank you for having me.\n\n\"FERRIN: It is a pleasure, Senator.\"",
			want: []string{"Varga", "Ferrin"}},
		{name: "colon lead-in paragraph", text: "Stated Ilse Varga:\n\n\"The dam is safe and it will stay safe for a generation.\"",
			want: []string{"Varga"}},
		{name: "lead-in with following comment", text: "Councillor Ruth Okafor made the following comment:\n\n\"We will not pay for a paper shield.\"",
			want: []string{"Okafor"}},
		{name: "paragraph about a person", text: "Ilse Varga has inspected the dam since 2009.\n\n\"Concrete cracks. Steel rusts.\"",
			want: []string{"Varga"}},
		{name: "party tag in parentheses", text: `"If they did, they should be held to account," Sen. Marta Ilves (D-N.Y.) said Tuesday. "Nobody is above that."`,
			want: []string{"Ilves", "Ilves"}},
		{name: "party tag after comma ends the sentence", text: `"I get that," said Sen. Ilse Varga, D-Mont. "But if he continues this he is done."`,
			want: []string{"Varga", "Varga"}},
		{name: "stacked appositives and a tag", text: `Sen. Ilse Varga, D-Mont., a member of the flood panel, said Ferrin has "a gift for listening."`,
			want: []string{"Varga"}},
		{name: "parenthetical attribution", text: `The dam, a county engineer said, "is older than anyone in this room."`,
			want: []string{"a county engineer"}, typ: []article.SourceType{article.Anonymous}},
		{name: "inverted parenthetical", text: `The paradox of the levee, says Tomas Ferrin, a hydrologist, is that it was "built to fail slowly."`,
			want: []string{"Ferrin"}},
		{name: "sentence adverb before a continuing quote", text: `"He is supposed to lead," Tomas Ferrin said. Instead, "he just acts like a defeated man."`,
			want: []string{"Ferrin", "Ferrin"}},
		{name: "participle clause before the speaker", text: `Asked what he would tell Mayor Ilse Varga, Tomas Ferrin said: "Fix the dam."`,
			want: []string{"Ferrin"}},
		{name: "outer reporting verb governs", text: `Rep. Ada Meeks said Clinton called on members to be "closely coordinated."`,
			want: []string{"Meeks"}},
		{name: "not speech: maintain with an object", text: `Tomas Ferrin said Orla Power would maintain the pumps until the levee is "fully rebuilt."`,
			want: []string{"Ferrin"}},
		{name: "lower-case title before the name", text: `"It's unanimous," councilmember Mark Levine said of the vote.`,
			want: []string{"Levine"}},
		{name: "description of the person just named", text: `Ilse Varga spoke on Monday. "First, they have to stop," the retired hydrologist told a radio station.`,
			want: []string{"Varga"}},
		{name: "adding after an inverted attribution", text: `"The party will be fine," Tomas Ferrin said, adding: "They will help everybody down the ballot."`,
			want: []string{"Ferrin", "Ferrin"}},
		{name: "present tense closing the clause", text: `"You work hard. So why doesn't he?" a narrator in the ferry ad asks.`,
			want: []string{"a narrator in the ferry ad"}},
		{name: "fronted clause does not govern", text: `When Ilse Varga noted that Tomas Ferrin had not paid the levy, Ferrin boasted, "That makes me smart."`,
			want: []string{"Ferrin"}},
		{name: "clip as a document", text: `The clip says Ferrin "has a passion for defending the wrong people."`,
			want: []string{"the clip"}, typ: []article.SourceType{article.DocumentSource}},
		{name: "one attribution, two fragments (inverted)", text: `"The dam is safe," said Ilse Varga, a hydrologist who has studied it for years, "and it will stay safe."`,
			want: []string{"Varga", "Varga"}},
		{name: "one attribution, adding", text: `"The dam is safe," Ilse Varga said, adding, "We checked it twice."`,
			want: []string{"Varga", "Varga"}},
		{name: "inverted verb before a lower-case title", text: `"I can guarantee it," said pollster Frank Luntz. "Nobody wants that."`,
			want: []string{"Luntz", "Luntz"}},
		{name: "contraction is not a possessive", text: `But it's not, and Dayton says caucuses "are such an unknown" to most voters.`,
			want: []string{"Dayton"}},
		{name: "fronted clause before the speaker", text: `Not only did she find the gesture appropriate, Ilse Varga concluded that "it would have been an insult" to refuse.`,
			want: []string{"Varga"}},
		{name: "participle adjective in the subject", text: `The retired hydrologist has given no details, saying only that he was "refining some practices."`,
			want: []string{"the retired hydrologist"}},
		{name: "colon lead-in after a coordinated clause", text: "The Courier made the same claim in May, and the Harbour Trust responded:\n\n\"If there are people who doubt the figures, they can read the audit.\"",
			want: []string{"the Harbour Trust"}},
		{name: "description introduced with a relative clause is new", text: `Ilse Varga runs the ferry company. "It is hard to come back to work," said the designer, who works for another brand.`,
			want: []string{"the designer"}},
		{name: "possessor of a speech noun", text: `Bluewake Ferries Ltd sold out its tickets, but some riders say the boats fall short of the company's promise of "a smooth crossing."`,
			want: []string{"Bluewake Ferries Ltd"}},
		// the possessor is read as its stem, word classes included
		{name: "possessive kin read as the kin word", text: "Pieter Lund, a harbour engineer, said the road was closed.\n\nTomas Lund said he was worried.\n\nHis brother's claim that \u201cthe figures simply do not add up\u201d was repeated.",
			want: []string{"Pieter Lund"}},
		{name: "possessive pronoun one is anonymous", text: "One's claim that \u201cthe figures simply do not add up\u201d was repeated.",
			want: []string{"one"}, typ: []article.SourceType{article.Anonymous}},
		{name: "in her words", text: `Ilse Varga inspected the dam for a decade. It had, in her words, "become unhealthy."`,
			want: []string{"Varga"}},
		{name: "speech noun as subject is not the speaker", text: `In a statement, the ferry board said that Ferrin's description was "false."`,
			want: []string{"the ferry board"}},
		{name: "time adverbial before the subject", text: `A week later, however, Ilse Varga said she was open to repairs where "common sense" allowed.`,
			want: []string{"Varga"}},
		{name: "participial phrase before the subject", text: `Preceded at the lectern by Tomas Ferrin, Ilse Varga launched into a lament for "the towns the state forgot."`,
			want: []string{"Varga"}},
		{name: "adding after a trailing attribution", text: `Ruth Okafor and Tomas Ferrin will meet next week, Ilse Varga said, adding, "They need to sit down and talk."`,
			want: []string{"Varga"}},
		{name: "inverted attribution clauses from the end", text: `The board has used "velvet gloves" with the towns upriver, said Nargis Kassen, an expert at the Almaty institute.`,
			want: []string{"Kassen"}},
		{name: "spaced dashes around an aside", text: `In May - four months after Varga left office - the Harbour Trust told reporters that "no records were located."`,
			want: []string{"the Harbour Trust"}},
		{name: "sentence adverb before the subject", text: `And then Tomas Ferrin went fully on the attack, saying, "Is the mayor going to mention the dam?"`,
			want: []string{"Ferrin"}},
		{name: "demonstrative sentence continues the speaker", text: `"Many things could count as a violation," Tomas Ferrin added. But that's not the same thing as "properly chargeable under the law."`,
			want: []string{"Ferrin", "Ferrin"}},
		{name: "a document promises", text: `Ilse Varga has built her campaign on ferries. Her economic plan promises to "lift up every harbour town."`,
			want: []string{"Varga"}},
		{name: "absolute construction with calling", text: `Councillors were irritated by the plan, with Councillor Ruth Okafor calling it a "paper shield."`,
			want: []string{"Okafor"}},
		{name: "relative when-clause has its own subject", text: `Ferrin is coming off a strong debate, when many commentators called him "the grown-up on the stage."`,
			want: []string{"many commentators"}},
		{name: "a clause is not a document phrase", text: `Ilse Varga and Tomas Ferrin issued a statement describing the meeting as "a positive step."`,
			want: []string{"Ferrin"}, typ: []article.SourceType{article.Person}},
		{name: "verb alone closing the sentence", text: `Floods are "the ultimate test of a town," Ilse Varga, the former mayor of Lenz, proclaimed.`,
			want: []string{"Varga"}},
		{name: "byline line after the quote", text: "\"The idea that I would dismantle the ferry service is absurd.\"\n\n- Ilse Varga.\n\nThe mayor is stretching the facts.",
			want: []string{"Varga"}},
		{name: "inverted document verb", text: `"We need to make sure the levee holds," read the email. "And with every vote we get closer."`,
			want: []string{"the email", "the email"}, typ: []article.SourceType{article.DocumentSource, article.DocumentSource}},
		{name: "long speaker phrase after the quote", text: `"Both plans scare me," Harry Vell, 30, of Lenz, who was among those polled, said in an interview. "We need people who listen."`,
			want: []string{"Vell", "Vell"}},
		{name: "any reporting gerund after a comma", text: `Okafor supporters interrupted the meeting, shouting "she wins, we lose!"`,
			want: []string{"Okafor supporters"}},
		{name: "parenthesis starts a subject", text: `Historians agree (Raphael Lemkin, who coined the word, once said, "It happened so many times").`,
			want: []string{"Lemkin"}},
		{name: "a body inside a phrase headed by a person noun", text: `The Lenz Council approved the levy. "It shows a lack of character," the Council minority leader said.`,
			want: []string{"the Council minority leader"}, typ: []article.SourceType{article.Person}},
		{name: "organisers speak for their body", text: `Kessington Marathon organizers said in a statement that the result had been "fully verified" by timing chips.`,
			want: []string{"Kessington Marathon organizers"}, typ: []article.SourceType{article.Organization}},
		{name: "a noun after a possessive is not a cue", text: `Ilse Varga denounced Ferrin's remarks as "hurtful and humiliating" on Monday.`,
			want: []string{"Varga"}},
		{name: "shot back", text: `"The mayor wants to be a tough guy tonight," Tomas Ferrin shot back.`,
			want: []string{"Ferrin"}},
		{name: "parenthetical attribution inside the clause", text: `The board, Ilse Varga said, called the announcement "highly significant."`,
			want: []string{"Varga"}},
		{name: "parenthetical does not govern a later clause", text: `The unit will close, the minister has confirmed, in a decision that the Wardwatch campaign called "a betrayal."`,
			want: []string{"the Wardwatch campaign"}},
		{name: "age as the head of a description", text: `Ruth Okafor posted the clip on Thursday. "What if the mayor had lessons?" the 43-year-old asked.`,
			want: []string{"Okafor"}},
		{name: "document described with a modifier", text: `"Hi, visitors! The ferry may stop," a welcome message on the website reads.`,
			want: []string{"a welcome message on the website"}, typ: []article.SourceType{article.DocumentSource}},
		{name: "call as a noun", text: `Citing the flood as a wake-up call for the valley and its "reveries about cheap concrete," Ilse Varga urged a new survey.`,
			want: []string{"Varga"}},
		{name: "calls as a verb after a noun subject", text: `Ilse Varga writes with a red pen. Her brother calls the pen "the only opponent I never beat."`,
			want: []string{"brother"}},
		{name: "colon after a reporting verb governs", text: `Ilse Varga, exasperated, famously responded: "What difference does it make?" Her critics cited it for years.`,
			want: []string{"Varga"}},
		{name: "a gerund before the quote governs", text: `Ilse Varga, citing "the unique magic of the river," said the ferry could be saved.`,
			want: []string{"Varga"}},
		{name: "a sentence-initial gerund is attributed after", text: `Citing "obligations in Lenz," the mayor's spokeswoman told reporters she would stay home.`,
			want: []string{"the mayor's spokeswoman"}},
		{name: "an exchange: each reply its own speaker", text: `Ilse Varga responds to Ferrin with, "Why now? That was on my way to Lenz?" Ferrin then writes back, "You look cute."`,
			want: []string{"Varga", "Ferrin"}},
		{name: "wider speech lexicon", text: `"That's not business. That's war," Dino Vell fumed. "Out!" the crowd's leader Ilse Varga blurted.`,
			want: []string{"Vell", "Varga"}},
		{name: "a speech noun with a reduced relative is not a subject", text: `The ministry said the plan "fully respects both states," a phrase Estravan officials repeated on Tuesday.`,
			want: []string{"the ministry"}},
		{name: "a trade name is not a person", text: `Dino Vell, who trades as Vell's Original from a pink van, blamed his brother. "He parks next to me," he fumed.`,
			want: []string{"Vell"}},
		{name: "party tag in parentheses before the verb", text: `At the convention Sen. Ilse Varga (D-MA) said the mayor was "a proven failure in business."`,
			want: []string{"Varga"}},
		{name: "party tag and a relative clause", text: `Sen. Ruth Okafor (D-Mo.), who has endorsed Varga, said Ferrin pushed her to be "more aggressive."`,
			want: []string{"Okafor"}},
		{name: "place and day continue the introduction", text: `At a rally in Portsmouth, N.H., on Tuesday, Ilse Varga endorsed Ferrin, saying that he would "make an outstanding mayor."`,
			want: []string{"Varga"}},
		{name: "name and verb in a clause after the quote", text: `Ferrin's "excesses are sickening to watch," Ilse Varga said Tuesday in Lenz, noting that the mayor had not replied.`,
			want: []string{"Varga"}},
		{name: "expletive it speaks for no one", text: `It seems unfair to simply tell the towns that worked on this: "We're sorry, but it didn't work out for you."`,
			want: []string{""}},
		{name: "quoted as saying after the quote", text: `"Our method succeeds where others fail," Tomas Ferrin is quoted as saying.`,
			want: []string{"Ferrin"}},
		{name: "inverted verb, possessive role, titled name", text: `"It's about time we had a woman running this town," exhorted Varga's introducer, actress Ruth Okafor.`,
			want: []string{"Okafor"}},
		{name: "goes on to say", text: `The email goes on to say: "The ferry wants to literally write fares into law."`,
			want: []string{"the email"}},
		{name: "as X put it", text: `But at the time, as anti-terrorist prosecutor Marc Tremont put it, "apart from the wrong crowd, there was nothing."`,
			want: []string{"Tremont"}},
		{name: "appositive naming another person", text: `"They'd be wrong," Michael Briggs, a spokesman for Varga, said in an interview.`,
			want: []string{"Briggs"}},
		{name: "appositive with a modifier name", text: `"It is not hunky-dory," Gene Sperling, a top outside Varga adviser, said on Tuesday.`,
			want: []string{"Sperling"}},
		{name: "one adviser is someone new", text: `David Axel, Varga's former adviser, praised her. "This is eerily similar to 2000," said one longtime adviser to Tomas Ferrin.`,
			want: []string{"one longtime adviser to Tomas Ferrin"}, typ: []article.SourceType{article.Anonymous}},
		{name: "a past verb closing the sentence reports", text: `"Would it be negotiable about the eleven million?" Ruth Okafor pressed.`,
			want: []string{"Okafor"}},
		{name: "a past verb before a name reports", text: `"An awful lot of analysts said no," remembered Roy Verley, the firm's former spokesman.`,
			want: []string{"Verley"}},
		{name: "fronted clause with dashes does not govern", text: `When Varga noted that Ferrin had not paid the levy ― as was true for years ― Ferrin boasted, "That makes me smart."`,
			want: []string{"Ferrin"}},
		{name: "a participial appositive is not a clause", text: "LENZ -- Mayor Ilse Varga, dedicating the new Museum of River History and Culture on Saturday, said it would tell \"a story of fear, but also hope.\"",
			want: []string{"Varga"}},
		{name: "a name someone calls another is a quotation", text: `At a rally Tomas Ferrin called her "Miss Piggy" and mocked her weight.`,
			want: []string{"Ferrin"}},
		{name: "the one person a paragraph names, as a guess", text: `Since then Ilse Varga has sounded off against the idea that anyone is "Latino enough" for the council.`,
			want: []string{"Varga"}},
		{name: "a capitalised number is not a name, a poll is not he", text: "A poll found that 74 percent of voters said Mr. Vantongeren should publish his tax returns. Sixty-two percent of farmers agreed.\n\nContrary to his claim that people would \"learn nothing,\" the returns matter.",
			want: []string{"Vantongeren"}},
		{name: "an adverb opening the sentence is not a name", text: "Tomas Ferrin called for a recount.\n\nImmediately after the vote, Ferrin issued a statement, \u201cThe count was flawed. We will appeal.\u201d",
			want: []string{"Ferrin"}},
		{name: "an elided subject after and is the sentence subject", text: `Ferrin's relatives watched the police videos on Thursday and said they came away with "more questions than answers."`,
			want: []string{"Ferrin's relatives"}, typ: []article.SourceType{article.Anonymous}},
		{name: "the authors of a report are people, not the report", text: `The authors of the report combed through the filings and found that most firms "kept subsidiaries offshore."`,
			want: []string{"the authors"}, typ: []article.SourceType{article.Anonymous}},
		{name: "while coordinates two clauses", text: `Ilse Varga suggested that the mayor could not lead, while Tomas Ferrin said that the "stakes are too high" for the town.`,
			want: []string{"Ferrin"}},
		{name: "thus is not a name", text: `Thus, in the debate last week, the candidates referred to "the levee" forty-four times.`,
			want: []string{"the candidates"}},
		{name: "a document whose issuer modifies it", text: `"Although the market reaction was reassuring, risks remain," the IMF report stated.`,
			want: []string{"IMF"}, typ: []article.SourceType{article.Organization}},
		{name: "body as subject of partial quote", text: `The county board passed "an emergency levy for the flood wall" on Tuesday.`,
			want: []string{"the county board"}},
		{name: "told names the hearer", text: `Odile Marchetti, who was listed on the ferry slate, told the Courier, "Of the three, I like the blue boat best."`,
			want: []string{"Odile Marchetti"}},
		{name: "stacked appositives after a name", text: `Tomas Ferrin, the editor of the harbour newspaper, The Gull, said every mayor was "both stubborn and kind."`,
			want: []string{"Tomas Ferrin"}},
		{name: "a determiner standing alone speaks", text: "One reader praised the plan. Yet another said, \"The ferry is a waste.\"\n\nSeveral said they would rather the town paid for \"a proper bridge\" instead.",
			want: []string{"another", "several"}, typ: []article.SourceType{article.Anonymous, article.Anonymous}},
		{name: "a described group speaks", text: "Ilse Varga spoke for an hour. The crowd chanted back at her, \"Fix the dam,\" and \"Fix it now.\"",
			want: []string{"the crowd", "the crowd"}, typ: []article.SourceType{article.Anonymous, article.Anonymous}},
		{name: "a described document speaks", text: "Tomas Ferrin paid for a new campaign on Monday. The ad targets a \"town council that never listens to the harbour.\"",
			want: []string{"the ad"}, typ: []article.SourceType{doc}},
		{name: "a possessed body speaks", text: "Ilse Varga welcomed the vote. Her campaign quickly sent an email to supporters stating, \"Varga joins the growing list of winners.\"",
			want: []string{"Her campaign"}, typ: []article.SourceType{article.Organization}},
		{name: "and then opens a new clause", text: `The crowd cheers, and then Ferrin adds: "The harbour has given this town a future."`,
			want: []string{"Ferrin"}},
		{name: "a clause before said is not a parenthetical subject", text: `At one point, a woman asked for a photo and Varga said, "as long as we are not breaking any rules."`,
			want: []string{"Varga"}},
		{name: "a described group after the quote", text: "\"Who pays for the wall?\" Varga asked.\n\n\"The harbour!\" the audience screamed back.",
			want: []string{"Varga", "the audience"}},
		{name: "people are not a participle's noun", text: "Tomas Ferrin walked by.\n\n\"Oh, my God,\" a young woman exclaimed upon seeing him.",
			want: []string{"a young woman"}, typ: []article.SourceType{article.Anonymous}},
		{name: "reacted is a reporting verb", text: "Ilse Varga spoke first.\n\n\"We are worried,\" reacted Ferrin.",
			want: []string{"Ferrin"}},
		{name: "according to a described source", text: "Ilse Varga ran hard. According to her longtime personal physician, the candidate had \"astonishingly excellent\" results.",
			want: []string{"her longtime personal physician"}, typ: []article.SourceType{article.Anonymous}},
		{name: "a possessor's people speak", text: "Ilse Varga took questions. Varga’s first five questioners ranged from polite to hostile: \"Is the dam safe?\"",
			want: []string{"Varga’s first five questioners"}, typ: []article.SourceType{article.Anonymous}},
		{name: "a time adverbial is not the subject", text: `Hours later, Varga returned the compliment to Ferrin, telling reporters, "Tomas and I have been friends for a long time."`,
			want: []string{"Varga"}},
		{name: "early in opens an introduction", text: `Early in her campaign, Varga attacked Ferrin, calling him "a failed candidate."`,
			want: []string{"Varga"}},
		{name: "according to a described outlet", text: `Section 12 can be applied "when anyone makes a false statement," according to the news outlet.`,
			want: []string{"the news outlet"}, typ: []article.SourceType{article.Organization}},
		{name: "according to a memoir", text: `Tomas Ferrin wrote a book. Ilse Varga later compared the talks to a "root canal," according to Ferrin’s memoir.`,
			want: []string{"Tomas Ferrin"}},
		{name: "a share of those polled", text: `Voters were asked how likely Varga was to win, to which 21 percent said "not too likely" and 14 percent said "not at all likely."`,
			want: []string{"21 percent", "14 percent"}, typ: []article.SourceType{article.Anonymous, article.Anonymous}},
		{name: "a plural name before a base form", text: `"Today, the harbour is a leader in the fight," the Gulls state in the white paper.`,
			want: []string{"the Gulls"}},
		{name: "as a document notes, then a colon", text: "Young people joined the harbour movement, as the Ferry Society website notes:\n\n\"In the fall of 1960, some 90 young sailors met.\"",
			want: []string{"Ferry Society"}},
		{name: "an introduction with as", text: `As Lenz's mayor, Varga declared that "I strongly support" the levee.`,
			want: []string{"Varga"}},
		{name: "per a document", text: `"The dam is safe," per the inspection report.`,
			want: []string{"the inspection report"}, typ: []article.SourceType{article.DocumentSource}},
		{name: "per a body's rules after the quote", text: `Members may vote by proxy, but not when voting "to fill a vacancy on the ticket," per the party’s bylaws.`,
			want: []string{"the party’s bylaws"}},
		{name: "per after a reporting verb qualifies it", text: `Ferrin said, per a translator, that the server "was like an open orchid on the Internet."`,
			want: []string{"Ferrin"}},
		{name: "per cent is not a source", text: `Prices rose "three per cent a year," Varga said.`,
			want: []string{"Varga"}},
		{name: "as a document put it, after the quote", text: `The main rule is a "lawful source of income," as a harbour authority memo put it.`,
			want: []string{"a harbour authority memo"}},
		{name: "as a person put it, after a noun that looks like a verb", text: `The main rule is a "lawful source of income," as Ilse Varga put it.`,
			want: []string{"Ilse Varga"}},
		{name: "a state ends an address", text: `Varga, during a town hall meeting in Columbus, Ohio, said she was "going to fix the dam."`,
			want: []string{"Varga"}},
	})
}

func TestExtractContextStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc := article.New("a.txt", "\"We will win,\" said Ilse Varga.\n\n\"Maybe,\" said Tomas Ferrin.\n")
	err := New(Options{}).ExtractContext(ctx, doc)
	require.ErrorIs(t, err, context.Canceled)

	doc = article.New("a.txt", "\"We will win,\" said Ilse Varga.\n")
	require.NoError(t, New(Options{}).ExtractContext(context.Background(), doc))
	require.Len(t, doc.Quotes, 1)
}

// TestCommonWordsAreNotSurnames: a capitalised common word opening a
// sentence is not a new person ("Criticism …", "Adding to …", "The Latest").
func TestCommonWordsAreNotSurnames(t *testing.T) {
	for text, word := range map[string]string{
		"Criticism within the party drove the candidate to say \"we will be fine.\"": "Criticism",
		"Adding to the pressure, \"the vote is close,\" the union wrote.":            "Adding",
		"The Latest on the vote. \"It is close.\"":                                   "Latest",
		"Any attempt would be \"cleareyed,\" analysts wrote.":                        "Any",
	} {
		doc := article.New("a.txt", text)
		Extract(doc)
		require.Len(t, doc.Quotes, 1, text)
		if sp := doc.Quotes[0].Speaker; sp != nil {
			assert.NotEqual(t, word, sp.Name, text)
		}
	}
}

// TestInheritedQuoteKeepsMention: a quote that takes its speaker from the
// attribution of another reports that attribution's words, so an editor
// sees "the spokesman", not a bare canonical name.
func TestInheritedQuoteKeepsMention(t *testing.T) {
	for _, tc := range []struct {
		name, text  string
		wantMention []string
		wantForm    []string
	}{
		{"same paragraph", `"The ferry runs on Sunday," a harbour spokesman said. "After that, we will see."`,
			[]string{"a harbour spokesman", "a harbour spokesman"}, []string{"description", "inherited"}},
		{"split quotation", `"The dam is safe," said Ilse Varga, "and it will stay safe."`,
			[]string{"Ilse Varga", "Ilse Varga"}, []string{"name", "inherited"}},
		{"colon lead-in", "Young people joined the harbour movement, as the Ferry Society website notes:\n\n\"In the fall of 1960, some 90 young sailors met.\"",
			[]string{"the Ferry Society website"}, []string{"inherited"}},
		{"speech noun", `Critics pounced on Ilse Varga’s claim that the dam was "perfectly safe."`,
			[]string{"Ilse Varga’s"}, []string{"name"}},
		{"running quotation", "\"The pumps were never tested,\" said Tomas Ferrin, the inspector. \"Nobody asked.\n\n\"Nobody ever asks.\"",
			[]string{"Tomas Ferrin", "Tomas Ferrin", "Tomas Ferrin"}, []string{"name", "inherited", "inherited"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := article.New("case.txt", tc.text)
			Extract(doc)
			var mentions, forms []string
			for _, q := range doc.Quotations() {
				require.NotNil(t, q.Speaker, "quote %q", doc.QuoteText(q))
				mentions = append(mentions, q.Speaker.Mention)
				forms = append(forms, q.Speaker.Form)
				assert.Equal(t, q.Speaker.Mention, doc.Slice(q.Speaker.MentionSpan), "the mention's span holds its words")
			}
			assert.Equal(t, tc.wantMention, mentions)
			assert.Equal(t, tc.wantForm, forms)
		})
	}
}

// A story without quotation marks skips the grammar; the extractor it
// came from, with its pooled state, still attributes the next story, and
// a stray mark still reaches the report.
func TestStoryWithoutQuotationsSkipsTheGrammar(t *testing.T) {
	ex := New(Options{SpeechVerbs: []string{"harrumph"}})
	for i := 0; i < 3; i++ {
		plain := article.New("plain.txt", "Council Leader Ilse Varga said the budget would pass.\n\nShe spoke for an hour.\n")
		require.NoError(t, ex.ExtractContext(context.Background(), plain))
		assert.NotNil(t, plain.Quotes)
		assert.Empty(t, plain.Quotes)
		assert.Empty(t, plain.Sources)
		assert.Empty(t, plain.Marks)

		quoted := article.New("quoted.txt", "\"We will win,\" Tomas Ferrin harrumphed.\n")
		require.NoError(t, ex.ExtractContext(context.Background(), quoted))
		require.Len(t, quoted.Quotes, 1)
		require.NotNil(t, quoted.Quotes[0].Speaker)
		assert.Equal(t, "Tomas Ferrin", quoted.Quotes[0].Speaker.Name)
	}
	stray := article.New("stray.txt", "The council met on Tuesday.\n\nIt voted 5-2 on the plan\u201d.\n")
	Extract(stray)
	assert.Empty(t, stray.Quotes)
	assert.NotEmpty(t, stray.Marks, "an unpaired mark is reported without a quotation")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	assert.ErrorIs(t, ex.ExtractContext(ctx, article.New("plain.txt", "No quotation here.\n")), context.Canceled)
}
