package extract

import "strings"

// The word lists below are general vocabulary of reported speech in the
// languages echotrace reads (English, Russian, Ukrainian, French, German,
// Spanish). Every entry is a matching key (normalize.Key form: NFKC,
// case-folded).

// set builds a lookup table from space-separated words.
func set(lists ...string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			m[w] = true
		}
	}
	return m
}

// cueVerbs are verbs of saying, writing and believing, in their inflected
// forms, that tie a source to what it said (cues.go lists them).
var cueVerbs = buildCueVerbs()

// cueAfterOnly are cue words that are also common in other senses
// ("post", "point", "continue"): they count only right after a quotation.
var cueAfterOnly = set(`ask asks asked describe described describes express expresses expressed
	state states continue continues continued`)

// passiveCues take their source after "by" ("voiced by X").
var passiveCues = set(`voiced stated expressed made said announced written quoted cited
	озвучил озвучила озвучено`)

// accordingTo are phrases that put the source after them: "according to
// X", "по словам X", "selon X", "laut X", "según X". Each is a sequence
// of keys.
var accordingTo = [][]string{
	{"according", "to"}, {"as", "reported", "by"}, {"as", "quoted", "by"},
	{"по", "словам"}, {"по", "мнению"}, {"по", "данным"}, {"согласно"},
	{"за", "словами"}, {"на", "думку"}, {"за", "даними"}, {"згідно", "з"},
	{"selon"}, {"d", "après"},
	{"laut"}, {"nach", "angaben"}, {"zufolge"},
	{"según"}, {"de", "acuerdo", "con"},
}

// pronouns that may stand for a person named before them.
var personPronouns = set(`he she him her он она він вона il elle er sie él ella`)

// pluralPronouns stand for several sources: never resolved to one name.
var pluralPronouns = set(`they we они ми мы вони ils elles wir ellos ellas`)

// roleNouns are nouns that name a person by role ("the expert", "the
// MP"); a role noun phrase resolves like a pronoun.
var roleNouns = set(
	`expert analyst observer scientist politologist interlocutor minister mp deputy lawmaker
	legislator senator congressman congresswoman representative president premier chancellor
	secretary spokesman spokeswoman spokesperson official diplomat ambassador envoy general
	commander head chief leader director chairman chairwoman chair governor mayor professor
	researcher economist author writer journalist reporter correspondent editor columnist
	lawyer attorney judge prosecutor officer colonel lieutenant colonel admiral marshal
	politician candidate nominee activist blogger historian strategist adviser advisor
	aide counsel founder ceo executive manager source insider businessman businesswoman
	billionaire monarch king queen prince princess pope bishop cleric priest rabbi imam
	doctor physician surgeon commentator pundit columnist commissioner mediator negotiator
	speaker lecturer academic sociologist scholar pollster member veteran witness`,
	`эксперт аналитик политолог обозреватель собеседник министр депутат президент премьер
	глава руководитель председатель представитель спикер посол дипломат генерал командующий
	профессор экономист журналист историк военный губернатор мэр сенатор канцлер`,
	`експерт аналітик політолог оглядач співрозмовник міністр депутат президент прем'єр
	голова керівник представник речник посол дипломат генерал професор економіст журналіст
	історик губернатор мер`,
	`expert experte experto analyste analytiker analista politologue politologe politólogo
	ministre minister ministro député abgeordnete diputado président präsident presidente
	porte-parole sprecher portavoz ambassadeur botschafter embajador professeur professor
	journaliste journalist periodista interlocuteur interlocutor`,
)

// orgRoleNouns name an organisation by its kind ("the newspaper").
var orgRoleNouns = set(`newspaper outlet agency channel magazine ministry company website
	portal broadcaster publication daily tabloid network paper station radio television
	government department office committee commission council party service institute
	газета агентство издание канал министерство ведомство журнал видання агентство
	journal zeitung periódico diario cadena`)

// timeWords say when, not what: a cue followed by one closes an
// attribution ("…, he said Monday").
var timeWords = set(`today yesterday tonight tomorrow monday tuesday wednesday thursday friday
	saturday sunday week weekend month year morning afternoon evening night earlier later
	recently afterward afterwards ago`)

// clauseWords open a complement clause after a cue.
var clauseWords = set(`that what how why whether if when where who which there this these those
	nobody everyone everybody someone somebody nothing everything something nothing`)

// tellVerbs name their hearer before what was told.
var tellVerbs = set(`tell tells told telling ask asks asked asking assure assures assured assuring
	remind reminds reminded reminding warn warns warned warning urge urges urged urging`)

// objectPronouns are the hearer after a verb of telling.
var objectPronouns = set(`him her them us me you`)

// auxiliaries stand before a participle cue ("was saying").
var auxiliaries = set(`is are was were be been am 's keeps kept`)

// subordinators open an adverbial clause, not a statement.
var subordinators = set(`when while as after before although though because since if unless once
	whenever and but speaking asked`)

// calendarWords are the names of weekdays and months (and their usual
// abbreviations).
var calendarWords = set(`monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu
	thur thurs fri sat sun january february march april may june july august september october
	november december jan feb mar apr jun jul aug sep sept oct nov dec`)

// namingVerbs attribute the name or description a source gives
// something ("called him a liar", "described it as reckless").
var namingVerbs = set(`call calls called describe describes described dub dubs dubbed brand brands branded
	label labels labeled labelled`)

// hypotheticalModals put what a verb after them in a case that has not
// happened ("would call him a …").
var hypotheticalModals = set(`would could might should`)

// objectPrepositions open the object of a verb ("thinks about",
// "adding to", "argued for"), not an adverbial of time or place.
var objectPrepositions = set(`about of to for against with over into`)

// weekdays are the days of the week.
var weekdays = set(`monday tuesday wednesday thursday friday saturday sunday`)

// notAdverbs end in -ly without being adverbs.
var notAdverbs = set(`family fly ally rally reply supply apply only italy july assembly`)

// notHeads are words that cannot head a subject noun phrase: relative
// and interrogative words, auxiliaries and common verbs that stand before
// a cue word in other constructions ("who said", "it is said").
var notHeads = set(`who whom which what whose where when why how that there here
	is are was were be been being am do does did has have had will would shall should can
	could may might must not also just only even still never ever again
	and or but nor yet so than then else other others same such one ones`)

// outletNouns after a name make it an organisation ("the Boston Globe
// newspaper", "the Interfax agency").
var outletNouns = set(`newspaper outlet agency channel magazine website portal broadcaster publication
	daily tabloid network station газета агентство издание канал журнал видання journal zeitung
	periódico diario cadena`)

// honorifics stand only before a person's name: the word after one is a
// name even when it is also a title ("Mr. King").
var honorifics = set(`mr mrs ms mx miss dr mme mlle messrs`)

// addressedOffices follow an honorific as a form of address, not a
// name ("Mr. President", "Madam Speaker").
var addressedOffices = set(`president speaker chairman chairwoman secretary ambassador minister governor
	mayor senator justice prime`)

// titles precede a name and are not part of it ("President", "Dr").
var titles = set(`mr mrs ms miss dr prof professor sir dame lord lady president vice
	prime minister secretary general senator sen rep representative congressman
	congresswoman governor gov mayor chancellor ambassador director chairman chairwoman
	chief deputy speaker judge justice attorney colonel col captain capt commander admiral
	marshal lieutenant lt sergeant sgt major gen king queen prince princess pope saint st
	foreign defense defence interior finance economy health justice former acting
	spokesman spokeswoman press head mp mep minister premier sheikh emir sultan coach
	doctor bishop cardinal archbishop rabbi imam father sister brother
	commissioner councillor councilor alderman inspector superintendent detective constable
	officer spokesperson dean provost rector advocate trooper undersheriff sheriff examiner coroner
	manager coach pitcher rhp lhp qb rb star actress actor singer rapper model designer producer
	anchor host owner founder ceo chef special agent referee commodore champion clerk
	councilman councilwoman broadcaster heavyweight lightweight middleweight
	господин госпожа президент министр премьер генерал депутат
	monsieur madame herr frau señor señora don doña`)

// orgWords inside a capitalised name make it an organisation.
var orgWords = set(`ministry academy university college school council assembly parliament
	party forces force army navy agency service union alliance organization organisation
	committee commission bank fund court government office department news press times post
	journal institute center centre association corporation company group foundation
	federation republic kingdom states research channel network television radio
	broadcasting herald tribune gazette daily weekly review magazine club league
	administration authority bureau secretariat commission senate congress duma rada
	pentagon kremlin police guard corps inc ltd llc corp gmbh sa ag
	министерство мид академия университет совет партия служба агентство
	міністерство мзс академія університет рада партія служба агенція
	ministère université conseil parti ministerium universität rat partei ministerio
	universidad consejo partido`)

// prepositions before a name mean the name is not the subject of a verb
// that follows ("sources close to X claim").
var prepositions = set(`of to for from with by about at in on into onto over under near
	against among between through toward towards without within via per like than
	close behind around after before during since until upon across outside inside amid beside
	о об от к ко с со у в во на по за для из без при над под между через
	де à au aux avec pour par sur dans von zu mit für bei aus nach über unter
	de del con para por sobre en entre`)

// nameParticles join the parts of a name ("Dominique de Villepin").
var nameParticles = set(`de da di del della der den van von la le du dos das al el bin ibn ben am zu y`)

// quantifiers open a plural description ("some delegates said").
var quantifiers = set(`some many most several few two three four five six seven eight nine ten dozens hundreds thousands`)

// partitives name part of a group before "of" ("one of the advisers").
// groupCounts count a group before "of" ("hundreds of protesters").
var groupCounts = set(`dozens hundreds thousands scores`)

// timeUnits are counted spans of time, no group ("two weeks said" is a
// time phrase before its subject).
var timeUnits = set(`second minute hour day night week weekend month year decade century`)

// countOpeners open a counted group (one set, so that the test at the
// start of every noun phrase is one lookup).
var countOpeners = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range []map[string]bool{groupCounts, approximators, quantifiers, numberWords} {
		for k := range s {
			m[k] = true
		}
	}
	return m
}()

// approximators stand before a number ("about 200", "nearly 50").
var approximators = set(`about nearly roughly almost approximately some over`)

var partitives = set(`one some many most several few two three four five none each all both`)

// determiners open a role noun phrase ("the expert", "this analyst").
// possessiveDeterminers stand before a noun as its owner ("s" is the
// token after an apostrophe: "Trump’s", and "it’s" for "it is").
var possessiveDeterminers = set(`s his her its their my your our`)

var determiners = set(`the this that these those our their his her its a an one another`)

// preVerbWords are the modals, auxiliaries, negations and adverbs
// (besides adverbials and words in -ly) that stand between a subject and
// its verb: "can barely believe", "did not say", "has long said", "has
// since stressed", "didn’t say".
var preVerbWords = set(`only can cannot should must shall do does did ever always often long since first
	soon once initially originally didn doesn don wouldn couldn hasn haven hadn isn wasn aren weren
	won shouldn mustn usually frequently constantly regularly`)

// doSupport are the forms of "do" that carry a negation or an emphasis
// before a main verb ("did not release"; "didn’t" is read as a verb
// already).
var doSupport = set(`do does did`)

// adverbials may stand between a subject and its cue verb ("also said").
var adverbials = set(`also then later further once still again too even already has had here
	have was is were will would could may might had reportedly previously repeatedly
	publicly recently earlier subsequently now not never just additionally
	также тоже уже ранее еще ещё також вже раніше aussi déjà a également auch bereits
	hat habe también ya ha`)

// articleStarts make a capitalised run the name of a thing, not a person
// ("Le Monde", "The Times").
var articleStarts = set(`the le la les el los las der die das il lo`)

// functionWords are capitalised at a sentence start without being names.
var functionWords = set(`the a an this that these those it its he she they we i you his her
	their our my your in on at by for from to of with and but or nor so yet as if when while
	after before since because although though however moreover meanwhile thus therefore
	also then there here what who whom whose which where why how according during despite
	unlike like all some many most few several both each every no not only even just
	unfortunately indeed instead otherwise besides furthermore nevertheless nonetheless
	later earlier now today yesterday tomorrow let let's still perhaps maybe obviously
	neither either nor be being been do does did is are was were has have had will would can could
	clearly certainly initially finally first second third last next once again
	он она они это в на и но что как по за из для при`)

// isCueKey reports whether the key of a word is a cue verb.
func isCueKey(k string) bool { return cueVerbs[k] }
