package extract

import "strings"

// speechLemmas are reporting verbs. Irregular forms are listed in
// irregularForms; the rest are inflected by rule.
var speechLemmas = []string{
	"say", "tell", "add", "write", "note", "explain", "argue", "claim", "insist",
	"warn", "admit", "acknowledge", "announce", "assert", "concede", "confirm",
	"declare", "deny", "describe", "maintain", "mention", "predict", "promise",
	"recall", "remark", "reply", "respond", "report", "state", "stress",
	"suggest", "testify", "tweet", "post", "urge", "ask", "complain", "contend",
	"comment", "continue", "observe", "allege", "agree", "caution", "emphasise",
	"emphasize", "boast", "quip", "shout", "whisper", "recount", "vow", "joke",
	"lament", "plead", "confess", "reveal", "disclose", "retort", "snap",
	"proclaim", "counter", "accuse", "assure", "answer", "yell", "scream",
	"exclaim", "muse", "grumble", "concur", "reiterate", "underline", "insist",
	"inform", "dedicate", "testify", "text", "email", "blog", "interject",
	"estimate", "forecast", "charge", "question", "wonder", "rule", "conclude", "find", "call",
	"dismiss", "hail", "brand", "label", "praise", "criticise", "criticize", "condemn",
	"deride", "slam", "decry", "welcome", "cite", "shout", "refer", "thank", "laugh-said",
	"sigh-said",
}

// irregularForms maps each irregular inflection to its lemma.
var irregularForms = map[string]string{
	"said": "say", "says": "say", "saying": "say", "say": "say",
	"told": "tell", "tells": "tell", "telling": "tell", "tell": "tell",
	"wrote": "write", "written": "write", "writes": "write", "writing": "write", "write": "write",
	"admitted": "admit", "admits": "admit", "admitting": "admit", "admit": "admit",
	"quipped": "quip", "quips": "quip", "quip": "quip",
	"snapped": "snap", "snaps": "snap", "snap": "snap",
	"concurred": "concur", "concurs": "concur",
	"forecast": "forecast", "forecasts": "forecast",
	"emailed": "email", "emails": "email",
	"texted": "text",
	"found":  "find", "finds": "find",
	// doubled final consonants
	"referred": "refer", "referring": "refer", "refers": "refer", "refer": "refer",
	"slammed": "slam", "slamming": "slam", "slams": "slam", "slam": "slam",
	"blogged": "blog", "blogging": "blog",
}

// loadedLemmas imply a judgement about the speaker or the claim.
var loadedLemmas = map[string]bool{
	"claim": true, "admit": true, "concede": true, "confess": true, "insist": true,
	"maintain": true, "contend": true, "allege": true, "boast": true, "reveal": true,
	"disclose": true, "stress": true, "retort": true, "snap": true,
}

// ambiguousBase lemmas whose base or -s form is usually a noun ("the
// report", "a post", "claims"): only their past forms count on their own.
var ambiguousBase = map[string]bool{
	"note": true, "report": true, "state": true, "post": true, "comment": true,
	"reply": true, "answer": true, "tweet": true, "claim": true, "charge": true,
	"question": true, "text": true, "email": true, "blog": true, "counter": true,
	"estimate": true, "forecast": true, "promise": true, "snap": true,
	"continue": true, "stress": true, "joke": true, "vow": true, "plead": true,
	"ask": true, "answer ": true, "dedicate": true, "wonder": true, "describe": true,
	"agree": true, "observe": true, "reveal": true, "question ": true,
}

// verbForm describes one inflected speech verb.
type verbForm struct {
	Lemma string
	// Past is set for simple past / participle forms.
	Past bool
	// Gerund is set for -ing forms.
	Gerund bool
	// Base is set for the base form.
	Base bool
}

var speechForms = buildSpeechForms()

func buildSpeechForms() map[string]verbForm {
	forms := map[string]verbForm{}
	for f, lemma := range irregularForms {
		vf := verbForm{Lemma: lemma}
		switch {
		case strings.HasSuffix(f, "ing"):
			vf.Gerund = true
		case f == lemma:
			vf.Base = true
		case strings.HasSuffix(f, "s") && f != "says" && !strings.HasSuffix(f, "ss"):
		case f == "says" || f == "tells" || f == "writes":
		default:
			vf.Past = true
		}
		forms[f] = vf
	}
	for _, lemma := range speechLemmas {
		if strings.Contains(lemma, "-") {
			continue
		}
		if _, ok := forms[lemma]; !ok {
			forms[lemma] = verbForm{Lemma: lemma, Base: true}
		}
		for _, f := range []string{thirdPerson(lemma)} {
			if _, ok := forms[f]; !ok {
				forms[f] = verbForm{Lemma: lemma}
			}
		}
		if f := past(lemma); forms[f].Lemma == "" {
			forms[f] = verbForm{Lemma: lemma, Past: true}
		}
		if f := gerund(lemma); forms[f].Lemma == "" {
			forms[f] = verbForm{Lemma: lemma, Gerund: true}
		}
	}
	return forms
}

func thirdPerson(l string) string {
	switch {
	case strings.HasSuffix(l, "y") && !isVowel(l[len(l)-2]):
		return l[:len(l)-1] + "ies"
	case strings.HasSuffix(l, "s"), strings.HasSuffix(l, "sh"), strings.HasSuffix(l, "ch"), strings.HasSuffix(l, "x"), strings.HasSuffix(l, "z"):
		return l + "es"
	}
	return l + "s"
}

func past(l string) string {
	switch {
	case strings.HasSuffix(l, "e"):
		return l + "d"
	case strings.HasSuffix(l, "y") && !isVowel(l[len(l)-2]):
		return l[:len(l)-1] + "ied"
	}
	return l + "ed"
}

func gerund(l string) string {
	switch {
	case strings.HasSuffix(l, "ie"):
		return l[:len(l)-2] + "ying"
	case strings.HasSuffix(l, "e") && !strings.HasSuffix(l, "ee"):
		return l[:len(l)-1] + "ing"
	}
	return l + "ing"
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// LoadedVerb reports whether a speech verb form is a loaded attribution
// verb, and returns its lemma.
func LoadedVerb(word string) (string, bool) {
	vf, ok := speechForms[strings.ToLower(word)]
	if !ok {
		return "", false
	}
	return vf.Lemma, loadedLemmas[vf.Lemma]
}

// SpeechVerbLemmas lists the reporting verbs the extractor knows, for docs.
func SpeechVerbLemmas() []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range speechLemmas {
		if !seen[l] && !strings.Contains(l, "-") {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// set builds a lookup table from words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var pronounGender = map[string]byte{
	"he": 'm', "him": 'm', "his": 'm', "she": 'f', "her": 'f', "hers": 'f',
	"they": 'p', "them": 'p', "it": 'n', "its": 'n',
}

var honorifics = map[string]byte{
	"mr": 'm', "mr.": 'm', "mrs": 'f', "mrs.": 'f', "ms": 'f', "ms.": 'f', "miss": 'f',
	"sir": 'm', "dame": 'f', "lord": 'm', "lady": 'f', "mx": 0, "mx.": 0,
	"dr": 0, "dr.": 0, "prof": 0, "prof.": 0, "professor": 0,
}

// titleWords may stand before a name as part of a title ("Finance Minister",
// "U.S. District Judge", "State Sen."). The name is what follows the last
// of them in a capitalised run.
var titleWords = set(
	"minister", "president", "vice", "secretary", "sen.", "senator", "rep.",
	"representative", "gov.", "governor", "judge", "justice", "attorney",
	"general", "chief", "executive", "officer", "chairman", "chairwoman", "chair",
	"director", "councilman", "councilwoman", "councillor", "councilor", "cllr",
	"mayor", "deputy", "sheriff", "commissioner", "captain", "capt.", "coach",
	"sgt.", "sgt", "lt.", "col.", "gen.", "maj.", "adm.", "cmdr.", "speaker", "leader",
	"ambassador", "chancellor", "ceo", "cfo", "coo", "inspector", "detective",
	"superintendent", "constable", "bishop", "archbishop", "rabbi", "imam",
	"dean", "premier", "king", "queen", "prince", "princess", "pope", "rev.",
	"reverend", "father", "sister", "brother", "emir", "sheikh", "prosecutor",
	"magistrate", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.",
	"prof", "prof.", "professor", "sir", "dame", "lord", "lady", "mx", "mx.",
	"assemblyman", "assemblywoman", "congressman", "congresswoman", "alderman",
	"lawmaker", "spokesman", "spokeswoman", "spokesperson", "treasurer",
	"attorney-general", "solicitor-general", "sen", "rep", "gov", "supt.",
	"marshal", "admiral", "lieutenant", "colonel", "sergeant", "major", "corporal",
	"private", "trustee", "manager", "founder", "president-elect", "commander",
	"harbourmaster", "harbormaster", "postmaster", "headmaster", "headmistress",
	"headteacher", "principal", "chairperson", "ranger", "trooper", "agent",
	"warden", "registrar", "provost", "rector", "vicar", "pastor", "cardinal",
	"ayatollah", "chief-executive", "selectman", "selectwoman", "supervisor",
	"controller", "comptroller", "auditor", "coroner", "alderwoman", "envoy",
	"secretary-general", "director-general", "chief-of-staff", "physician",
)

// titleModifiers are capitalised words that only modify a title ("Finance
// Minister", "Assistant U.S. Attorney").
var titleModifiers = set(
	"prime", "finance", "foreign", "defence", "defense", "interior", "health",
	"justice", "home", "state", "district", "assistant", "u.s.", "us", "federal",
	"senior", "associate", "police", "fire", "first", "second", "deputy",
	"acting", "former", "financial", "operating", "technology", "county",
	"city", "circuit", "supreme", "high", "chief", "attorney", "education",
	"economy", "trade", "transport", "environment", "energy", "culture",
	"labour", "labor", "agriculture", "treasury", "cabinet", "shadow", "junior",
	"special", "general", "executive", "vice", "managing", "national", "lead",
	"union", "party", "opposition", "majority", "minority", "house", "senate",
	"borough", "council", "jury", "team", "club", "head", "press", "communications",
)

// genderedRoles give a gender to the person who holds them.
var genderedRoles = map[string]byte{
	"spokeswoman": 'f', "spokesman": 'm', "chairwoman": 'f', "chairman": 'm',
	"councilwoman": 'f', "councilman": 'm', "congresswoman": 'f', "congressman": 'm',
	"assemblywoman": 'f', "assemblyman": 'm', "businesswoman": 'f', "businessman": 'm',
	"mother": 'f', "father": 'm', "wife": 'f', "husband": 'm', "daughter": 'f', "son": 'm',
	"sister": 'f', "brother": 'm', "grandmother": 'f', "grandfather": 'm',
	"grandson": 'm', "granddaughter": 'f', "woman": 'f', "man": 'm', "girl": 'f', "boy": 'm',
	"actress": 'f', "actor": 'm', "queen": 'f', "king": 'm', "princess": 'f', "prince": 'm',
	"widow": 'f', "widower": 'm', "aunt": 'f', "uncle": 'm', "niece": 'f', "nephew": 'm',
}

// anonymousHeads are nouns that describe a person or group without naming
// them: with an indefinite article, a number or no article at all they make
// an anonymous source.
var anonymousHeads = set(
	"official", "officials", "person", "people", "source", "sources", "diplomat",
	"diplomats", "aide", "aides", "executive", "executives", "employee",
	"employees", "worker", "workers", "staffer", "staffers", "officer", "officers",
	"member", "members", "figure", "figures", "insider", "insiders", "analyst",
	"analysts", "adviser", "advisers", "advisor", "advisors", "spokesperson",
	"spokesman", "spokeswoman", "negotiator", "negotiators", "lawmaker",
	"lawmakers", "resident", "residents", "witness", "witnesses", "investigator",
	"investigators", "expert", "experts", "observer", "observers", "colleague",
	"colleagues", "friend", "friends", "relative", "relatives", "ally", "allies",
	"banker", "bankers", "trader", "traders", "investor", "investors", "manager",
	"managers", "someone", "man", "woman", "men", "women", "critic", "critics",
	"supporter", "supporters", "opponent", "opponents", "activist", "activists",
	"veteran", "veterans", "campaigner", "campaigners", "neighbour", "neighbours",
	"neighbor", "neighbors", "student", "students", "teacher", "teachers",
	"doctor", "doctors", "nurse", "nurses", "lawyer", "lawyers", "economist",
	"economists", "strategist", "strategists", "operative", "operatives",
	"director", "directors", "minister", "ministers", "legislator", "legislators",
	"juror", "jurors", "delegate", "delegates", "player", "players", "fan", "fans",
	"passenger", "passengers", "customer", "customers", "user", "users",
	"representative", "representatives", "consultant", "consultants", "insider",
	"participant", "participants", "organiser", "organisers", "organizer",
	"organizers", "agent", "agents", "attendee", "attendees", "engineer",
	"engineers", "scientist", "scientists", "researcher", "researchers",
	"detective", "detectives", "commander", "commanders", "soldier", "soldiers",
	"policeman", "policemen", "councillor", "councillors", "aide-de-camp",
	"volunteer", "volunteers", "parent", "parents", "mother", "mothers", "father",
	"fathers", "shopper", "shoppers", "driver", "drivers", "commuter", "commuters",
	"farmer", "farmers", "fisherman", "fishermen", "owner", "owners",
	"shopkeeper", "shopkeepers", "vendor", "vendors", "tenant", "tenants",
	"landlord", "landlords", "patient", "patients", "survivor", "survivors",
	"victim", "victims", "refugee", "refugees", "migrant", "migrants", "voter",
	"voters", "protester", "protesters", "demonstrator", "demonstrators",
	"guard", "guards", "firefighter", "firefighters", "paramedic", "paramedics",
	"pilot", "pilots", "contractor", "contractors", "builder", "builders",
	"diner", "diners", "local", "locals", "villager", "villagers", "spectator",
	"spectators", "onlooker", "onlookers", "bystander", "bystanders", "clerk",
	"clerks", "staff", "employee", "insider", "confidant", "confidants",
	"associate", "associates", "acquaintance", "acquaintances", "person's",
	"individual", "individuals", "citizen", "citizens", "homeowner", "homeowners",
	"retiree", "retirees", "pensioner", "pensioners", "mourner", "mourners",
	"worshipper", "worshippers", "coworker", "coworkers", "co-worker", "co-workers",
	"scholar", "scholars", "professor", "professors", "academic", "academics",
	"physician", "physicians", "surgeon", "surgeons", "pharmacist", "pharmacists",
	"accountant", "accountants", "auditor", "auditors", "regulator", "regulators",
	"reviewer", "reviewers", "midwife", "midwives", "stallholder", "stallholders",
	"author", "authors", "co-author", "co-authors", "writer", "writers", "editor",
	"editors", "reporter", "reporters", "journalist", "journalists", "photographer",
	"engineer", "technician", "technicians", "mechanic", "mechanics", "chef", "chefs",
	"cook", "cooks", "waiter", "waiters", "cleaner", "cleaners", "caretaker",
	"coach", "coaches", "trainer", "trainers", "referee", "referees", "umpire",
	"teammate", "teammates", "rival", "rivals", "neighbour's", "lecturer",
	"lecturers", "tutor", "tutors", "inspector", "inspectors", "prosecutor",
	"prosecutors", "attorney", "attorneys", "solicitor", "solicitors", "barrister",
	"barristers", "juror's", "clinician", "clinicians", "carer", "carers",
	"counsellor", "counselor", "therapist", "therapists", "historian", "historians",
	"biologist", "biologists", "ecologist", "ecologists", "whistleblower",
	"whistleblowers", "informant", "informants", "mediator", "mediators", "envoy",
	"envoys", "aide's", "deputy", "deputies", "assistant", "assistants",
	"rescuer", "rescuers", "responder", "responders", "medic", "medics",
	"eyewitness", "eyewitnesses", "passer-by", "passers-by", "motorist",
	"motorists", "cyclist", "cyclists", "pedestrian", "pedestrians", "climber",
	"climbers", "hiker", "hikers", "sailor", "sailors", "miner", "miners",
	"labourer", "labourers", "laborer", "laborers", "electrician", "plumber",
	"producer", "producers", "presenter", "presenters", "listener", "listeners",
	"viewer", "viewers", "reader", "readers", "follower", "followers",
	"poster", "commenter", "commenters", "holidaymaker", "holidaymakers",
	"tourist", "tourists", "visitor", "visitors", "guest", "guests", "donor",
	"donors", "lobbyist", "lobbyists", "campaign-goer", "voter's", "candidate",
	"candidates", "nominee", "nominees", "contestant", "contestants", "athlete",
	"athletes", "runner", "runners", "swimmer", "swimmers", "boxer", "boxers",
	"keeper", "keepers", "zookeeper", "zookeepers", "handler", "handlers", "vet",
	"vets", "veterinarian", "veterinarians", "attendant", "attendants", "steward",
	"stewards", "cashier", "cashiers", "bartender", "bartenders", "herder",
	"herders", "rancher", "ranchers", "grower", "growers", "fisher", "fishers",
)

// orgHeads name organisations when they head a capitalised name ("Kelbrook
// Borough Council") or a description ("the company", "China's foreign
// ministry").
var orgHeads = set(
	"house", "ministry", "department", "council", "party", "association",
	"league", "board", "bank", "labs", "laboratories", "logistics", "hospital",
	"university", "college", "school", "institute", "foundation", "trust", "union",
	"federation", "society", "club", "authority", "agency", "commission",
	"committee", "office", "service", "services", "court", "police", "government",
	"administration", "parliament", "congress", "senate", "assembly", "company",
	"corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "llc", "plc",
	"group", "holdings", "partners", "capital", "fund", "network", "project",
	"church", "army", "navy", "forces", "airlines", "airways", "motors",
	"systems", "technologies", "energy", "media", "news", "times", "post",
	"tribune", "wire", "ledger", "courier", "review", "journal", "herald",
	"gazette", "festival", "museum", "center", "centre", "coalition", "alliance",
	"bureau", "secretariat", "cabinet", "kremlin", "pentagon", "directorate",
	"exchange", "studios", "records", "pharmaceuticals", "industries",
	"enterprises", "associates", "consulting", "solutions", "firm", "charity",
	"nonprofit", "organisation", "organization", "regulator", "watchdog",
	"embassy", "military", "team", "campaign", "spokesperson's", "opposition",
	"commission", "consortium", "cooperative", "institution", "municipality",
	"prosecutors", "prosecution", "federation", "academy", "tribunal",
	"inquiry", "registry", "observatory", "broadcaster", "newspaper", "union",
	"bancorp", "insurance", "airport", "railway", "railways", "utility",
	"utilities", "forum", "council's", "foods", "food", "brands", "books", "press",
	"publishing", "publishers", "software", "networks", "pharma", "therapeutics",
	"biosciences", "biotech", "medical", "healthcare", "mining", "steel", "oil",
	"gas", "power", "retail", "stores", "financial", "freight", "shipping",
	"transport", "entertainment", "games", "robotics", "electronics", "telecom",
	"communications", "ventures", "investments", "securities", "credit", "finance",
	"payments", "cloud", "digital", "analytics", "research", "works", "co",
	"co.", "incorporated", "limited", "llp", "gmbh", "ag", "sa", "nv", "bv",
	"hotels", "resorts", "properties", "realty", "homes", "construction",
	"engineering", "manufacturing", "chemicals", "materials", "apparel",
	"beverages", "brewing", "brewery", "farms", "cooperative", "co-operative",
	"co-op", "coop", "conference", "watch", "collective", "syndicate", "chain",
	"developer", "operator", "manufacturer", "retailer", "supplier", "lender",
	"insurer", "carrier", "airline", "automaker", "carmaker", "drugmaker",
	"chipmaker", "producer", "publisher", "exporter", "importer", "distributor",
	"owners",
	"federation", "agency", "department", "commission", "institute", "trust",
	"prize", "awards", "council", "service", "rescue", "brigade", "hub", "clinic",
	"pharmacy", "market", "markets", "airlines", "motors", "bureau", "station",
	"radio", "television", "tv", "channel", "magazine", "daily", "weekly",
	"sentinel", "gazette", "chronicle", "observer", "guardian", "telegraph",
	"express", "mirror", "star", "sun", "standard", "record", "examiner",
	"inquirer", "dispatch", "bulletin", "monitor", "agency's", "fc", "united",
	"jury", "panel", "ferries", "ferry", "lines", "cruises", "transit", "buses",
	"coaches", "haulage", "trains", "rail", "chamber", "zoo", "aquarium", "library",
	"theatre", "theater", "gallery", "orchestra", "opera", "estates", "department's", "reuters", "ap", "afp", "bbc",
)

// placeHeads end capitalised runs that name places, not people.
var placeHeads = set(
	"street", "road", "avenue", "square", "stadium", "park", "bridge", "lake",
	"river", "island", "islands", "mountain", "mountains", "valley", "city",
	"county", "province", "state", "sea", "ocean", "bay", "coast", "airport",
	"station", "arena", "hall", "tower", "building", "palace", "kong", "boulevard",
	"lane", "way", "harbour", "harbor", "district", "region", "republic",
	"kingdom", "east", "west", "north", "south",
)

// functionWords are capitalised at the start of a sentence but never part
// of a name.
var functionWords = set(
	"the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she",
	"they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "in",
	"on", "at", "by", "for", "from", "to", "of", "with", "without", "after",
	"before", "during", "since", "until", "as", "and", "but", "or", "nor", "so",
	"yet", "if", "when", "while", "where", "why", "how", "what", "who", "which",
	"whom", "whose", "asked", "speaking", "writing", "addressing", "earlier",
	"later", "meanwhile", "however", "also", "then", "still", "instead",
	"separately", "although", "though", "because", "under", "over", "unlike",
	"like", "despite", "following", "responding", "reacting", "interviewed",
	"not", "no", "some", "many", "most", "all", "both", "each", "every",
	"another", "other", "one", "two", "three", "four", "five", "several",
	"there", "here", "now", "today", "yesterday", "ahead", "about", "against",
	"among", "between", "into", "through", "toward", "towards", "upon", "within",
	"last", "next", "first", "once", "even", "just", "only", "long", "asking",
	"according", "told", "said", "says", "critical", "regional", "markets",
	"shares", "net", "revenue", "analysts", "police", "prosecutors", "diplomats",
	"some", "negotiators", "successive", "chinese", "former", "senior", "debut",
	"jury", "ms", "mr", "mrs", "dr", "prof", "cllr", "do", "does", "did", "is",
	"are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
	"would", "could", "should", "may", "might", "must", "can", "editor's",
	"editor’s", "note", "update", "correction", "whether", "amid", "near",
	"everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody",
	"no-one", "none", "everything", "something", "nothing", "anything",
)

var monthsDays = set(
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan.", "feb.", "mar.",
	"apr.", "jun.", "jul.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = set(
	"mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "sen.", "rep.", "gov.", "gen.",
	"lt.", "col.", "sgt.", "capt.", "maj.", "adm.", "cmdr.", "rev.", "supt.",
	"jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
	"oct.", "nov.", "dec.", "inc.", "corp.", "co.", "ltd.", "jr.", "sr.", "no.",
	"vs.", "v.", "e.g.", "i.e.", "u.s.", "u.k.", "u.n.", "a.m.", "p.m.", "etc.",
	"approx.", "dept.", "est.", "ft.", "mt.", "ave.", "blvd.", "rd.", "univ.",
	"mx.", "hon.", "fig.", "op.", "vol.", "pp.", "d.c.", "st", "ca.",
)

var determiners = set(
	"a", "an", "the", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "several", "some", "many", "other", "another",
	"few", "numerous", "multiple", "more", "most", "dozens", "various", "any",
)

var indefiniteDeterminers = set(
	"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "several", "some", "many", "other", "another", "few",
	"numerous", "multiple", "more", "various", "any", "dozens", "separate",
)

// introWords open an introductory phrase before a clause's subject
// ("In a statement, the company said").
var introWords = set(
	"in", "at", "on", "after", "before", "during", "asked", "speaking",
	"writing", "addressing", "earlier", "later", "meanwhile", "however", "but",
	"and", "also", "then", "still", "yet", "separately", "instead", "according",
	"when", "while", "as", "although", "though", "if", "since", "because", "with",
	"without", "for", "from", "by", "to", "under", "over", "unlike", "like",
	"despite", "following", "responding", "reacting", "interviewed", "ahead",
	"amid", "once", "now", "today", "yesterday", "last", "in an", "so", "indeed",
	"instead", "again", "finally", "first", "second", "still", "overall",
	"wearing", "standing", "sitting", "smiling", "pressed", "questioned",
	"reached", "contacted", "told", "visibly", "clearly", "notably", "outside",
	"inside", "back", "long", "shortly", "within", "until", "throughout",
	"where", "who", "whom", "whose", "which", "that", "through", "against",
)

var relativeWords = set("who", "whom", "whose", "which", "that", "where", "when")

var auxiliaries = set(
	"was", "were", "is", "are", "be", "been", "being", "has", "have", "had",
	"will", "would", "could", "should", "may", "might", "must", "can", "did",
	"does", "do", "also", "later", "then", "again", "only", "once", "further",
	"previously", "repeatedly", "often", "privately", "publicly", "separately",
	"recently", "earlier", "first", "already", "not", "never",
)

var passiveAux = set("was", "were", "been", "being", "is", "are", "be", "get", "got", "gets")

// anonymityReasons are phrase families that say why a source is unnamed.
var anonymityReasons = []string{
	"condition of anonymity", "conditions of anonymity", "requested anonymity",
	"request anonymity", "requesting anonymity", "insisted on anonymity",
	"granted anonymity", "anonymity because", "anonymity to", "anonymously because",
	"not to be named", "not to be identified", "declined to be named",
	"declined to be identified", "refused to be named", "not be named",
	"not be identified", "not authorised",
	"not authorized", "unauthorised to", "unauthorized to", "not permitted to",
	"not allowed to", "fear of reprisal", "fear of retribution", "for fear",
	"without being named", "without being identified", "was not cleared to",
	"were not cleared to", "not cleared to", "to protect their identity",
	"to protect his identity", "to protect her identity", "asked that their name",
	"asked that his name", "asked that her name", "withheld",
}

// namingCues before a quoted term show it is a name or label, not a
// quotation ("so-called", "dubbed", "known as").
var namingCues = [][]string{
	{"so-called"}, {"so", "called"}, {"dubbed"}, {"nicknamed"}, {"known", "as"},
	{"termed"}, {"titled"}, {"entitled"}, {"named"}, {"branded"}, {"labelled"},
	{"labeled"}, {"itself", "as"}, {"themselves", "as"}, {"himself", "as"},
	{"herself", "as"}, {"marketed", "as"}, {"billed", "itself"}, {"word"},
	{"phrase"}, {"term"}, {"slogan"}, {"motto"}, {"hashtag"},
	{"singing"}, {"sang"}, {"chanting"}, {"chanted"}, {"headlined"},
	{"reads"}, {"reading"}, {"read"}, {"banner"}, {"placard"}, {"sign"},
}

var smallTitleWords = set("a", "an", "the", "of", "in", "on", "at", "to", "for",
	"and", "or", "but", "with", "by", "from", "as", "nor", "de", "la", "le", "du", "von", "van")

// irregularPast verbs end a sentence subject ("Quennell-Tsai spent ...").
var irregularPast = set("spent", "went", "took", "made", "gave", "came", "saw", "got",
	"won", "lost", "led", "left", "held", "kept", "met", "paid", "ran", "sent",
	"set", "stood", "began", "became", "brought", "bought", "built", "chose",
	"drove", "fell", "felt", "found", "grew", "heard", "hit", "knew", "laid",
	"meant", "put", "read", "rose", "sat", "sold", "spoke", "struck", "taught",
	"thought", "threw", "understood", "wore", "paused", "smiled", "laughed", "sighed")

// Word-class flags, looked up once per token so that the grammar's many
// class tests are bit tests rather than map lookups.
const (
	fSpeech uint16 = 1 << iota
	fDet
	fAux
	fPrep
	fRel
	fPron
)

var lexFlags = buildLexFlags()

func buildLexFlags() map[string]uint16 {
	m := map[string]uint16{}
	add := func(words map[string]bool, f uint16) {
		for w := range words {
			m[w] |= f
		}
	}
	for w := range speechForms {
		m[w] |= fSpeech
	}
	add(determiners, fDet)
	add(auxiliaries, fAux)
	add(prepositions, fPrep)
	add(relativeWords, fRel)
	for w := range pronounGender {
		m[w] |= fPron
	}
	return m
}
