package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/normalize"
)

// The form of a name often says what it names, whatever the context:
// "Lyndale Avenue" and "Lake Oster" are places, "Kraft Foods" and
// "Alaska Board" organisations, "Endangered Species Act" no entity at
// all. Typing by form first keeps one name one type in every document.

// placeHeads end the name of a place: streets, areas, landforms and
// buildings people go to.
var placeHeads = set(`avenue ave street road boulevard blvd lane drive highway freeway expressway
	parkway square plaza county parish township borough ridge mountain mountains hill hills valley
	river lake island islands isle bay beach coast peninsula canyon creek harbor harbour heights
	falls desert forest strait sea ocean airport stadium arena courthouse bridge tunnel theater
	theatre mall province prefecture gardens park village district gulf jail prison estates
	sound towers glacier glaciers hut huts dome delta reef volcano crater cove lagoon
	aves avenues sts streets roads fjord plateau peak pier wharf dam canal cemetery zoo campus monument memorial palace castle
	acropolis wall bivvy corridor`)

// placeOpeners begin the name of a place ("Lake Oster", "Mount Pleasant").
var placeOpeners = set(`lake mount mt fort port cape isle gulf point bay sea strait straits place rue piazza`)

// placeWords anywhere in a name make a place ("Grand Hotel du Cap").
var placeWords = set(`hotel motel`)

// placeNouns before "of" introduce a place's name ("the city of Bandar
// Abbas", "the village of Kavou").
var placeNouns = set(`city town village port island province state county region district capital
	suburb neighborhood neighbourhood borough municipality area`)

// directions before a known place make a part of it ("Northeast
// Philadelphia", "Southern California").
var directions = set(`north south east west northeast northwest southeast southwest northern southern
	eastern western central downtown upper lower greater soviet`)

// compass points open the name of a part of a place.
var compass = set(`north south east west northeast northwest southeast southwest`)

// orgHeads end the name of an organisation: kinds of firms, bodies and
// teams ("LPL Financial", "Gordon Advisors", "Atlantic Division").
var orgHeads = set(`services advisors advisers financial coalition division corp corporation co company
	companies industries holdings partners capital group systems technologies pharmaceuticals
	agrochemicals chemicals air airlines airways ledger board records studios entertainment pictures
	motors foods stores bancorp insurance securities investments trust society church mission
	hospital clinic center centre museum library team club fc rovers athletic wanderers harriers
	magazine journal gazette herald tribune chronicle courier observer review daily weekly
	broadcasting communications media networks resources energy oil petroleum laboratories labs
	enterprises ventures associates consulting solutions brands products sciences institute
	foundation fund commission council committee agency bureau office department ministry authority
	police patrol guard forces army navy command brigade regiment battalion program programme
	project initiative campaign unit gang food dairy design designs properties distribution
	chamber prospectus institution state commandos
	conservancy consortium cooperative syndicate guild partnership caucus fraternity sorority
	brotherhood collective confederation federation association alliance league tech`)

// eventHeads end names that are neither person, organisation nor place:
// laws, contests, prizes and works ("Endangered Species Act", "Hunger
// Games"); "Operation" opens the name of an operation.
var eventHeads = set(`act acts treaty accord games award awards prize festival cup championship
	championships series olympics tournament bowl convention summit day eve week trophy medal
	draft playoffs playoff finals meetings emmy emmys oscar oscars grammy grammys open`)

// unitHeads end names that are a building as often as the body housed in
// it ("County Headquarters", "Natural Disasters Headquarters"): neither
// type can be trusted, so they are no entity.
var unitHeads = set(`headquarters hq`)

// vesselPrefixes open the name of a ship ("MV Gibe", "USS Cole"): a
// thing, not a person.
var vesselPrefixes = set(`mv ss uss hms ins rms hmas hmcs`)

// demonyms name a people or an affiliation, not an entity ("Greek",
// "West German", "Republican").
var demonyms = set(`american british english french german greek russian chinese japanese italian
	spanish israeli palestinian iranian iraqi syrian afghan pakistani indian mexican canadian
	australian european african asian arab muslim jewish catholic democrat democrats democratic
	republican republicans hawaiian texan californian irish scottish welsh dutch swiss swedish
	norwegian danish polish ukrainian turkish egyptian somali korean vietnamese thai filipino
	brazilian cuban`)

// labelWords are page furniture ("PHOTO", "RELATED") and common
// abbreviations that name no one ("CEO", "MVP"), not names.
var labelWords = set(`photo photos video videos related breaking update updated exclusive watch read
	more advertisement listen gallery slideshow caption credit file graphic map sponsored opinion
	analysis editorial comment comments share tweet email print subscribe
	ceo ceos cfo coo mvp gm tv id dna gdp vip pm am usd gmt bst est pst edt pdt cet utc mri
	wwi wwii llp llc inc ltd corp`)

// genericNouns are capitalised on their own ("the Company", "the
// Board") without naming anything.
var genericNouns = set(`company board court police government council committee department ministry
	agency office state city county church team club group party administration university
	college school hospital center centre bank news television radio web internet industry precinct
	union celebrity`)

// genericModifiers with genericNouns make a name of a kind, not of one
// body ("Police Department", "Medical Center", "City Council").
var genericModifiers = set(`police fire medical city state county federal national district regional local
	public general main central`)

// holidays are capitalised without being entities.
var holidays = set(`christmas easter thanksgiving halloween hanukkah ramadan passover diwali`)

// formType types a run of name tokens by its form alone, or returns ok
// false when the form says nothing. none reports a run that names no
// entity (a law, a contest, a page label).
func formType(text string, toks []normalize.Token, class []wordClass, a, b int, gaz *Gazetteer) (t EntityType, ok, none bool) {
	first := toks[a].Key
	cf, cl := class[a], class[b] // the first and last words' classes
	switch {
	case a == b && cl&(wcLabelWord|wcGenericNoun|wcHoliday|wcCalendarWord) != 0:
		return Unknown, true, true
	case cl&wcEventHead != 0 && a < b, cf&wcVesselPrefix != 0 && a < b, first == "operation" && a < b, hasKey(toks, a, b, "ship"), cl&wcUnitHead != 0 && a < b:
		return Unknown, true, true
	case a == b && isAllCaps(text[toks[a].Begin:toks[a].End]) && cf&(wcFunctionWord|wcAdverbial|wcPreposition|wcNotHead) != 0:
		return Unknown, true, true // "TOO", "AND": a word in capitals
	case b-a >= 2 && isAllCaps(tokenText(text, toks, a, b)):
		return Unknown, true, true // "PEOPLE HAVE DIED IN": a shouted headline
	case cl&wcDemonym != 0 && (a == b || cf&wcDirection != 0 && a+1 == b || cf&wcDemonym != 0 && a+1 == b):
		return Demonym, true, true
	case a < b && allInClass(class, a, b, wcGenericNoun|wcGenericModifier):
		return Unknown, true, true // "Police Department": a kind of body, not one
	case (cl&wcPlaceHead != 0 || cl&wcDirection != 0 && b-1 > a && class[b-1]&wcPlaceHead != 0) && a < b && !personBefore(text, toks, class, a),
		cf&wcPlaceOpener != 0 && a < b:
		return Place, true, false
	case a >= 2 && toks[a-1].Key == "of" && class[a-2]&wcPlaceNoun != 0 && !isUpperStart(text[toks[a-2].Begin:toks[a-2].End]) && !hasClass(class, a, b, wcTitle):
		return Place, true, false
	case a < b && hasClass(class, a, b, wcPlaceWord) && !hasClass(class, a, b, wcOrgWord):
		return Place, true, false
	case cf&wcDirection != 0 && a < b && gaz.LookupSpan(text, toks, a+1, b) != nil:
		return Place, true, false
	case cl&wcOrgHead != 0 && a < b:
		return Org, true, false
	case cf&wcCompass != 0 && a < b && !hasClass(class, a, b, wcTitle) && !hasClass(class, a, b, wcOrgWord):
		return Place, true, false // "East Flatbush", "South Ozone Park"
	}
	// A known place followed by more capitalised words names something
	// of that place: a team, a paper, a board ("Boston Red Sox",
	// "New Orleans Saints", "Alaska Board").
	if a < b && hasClass(class, a+1, b, wcTitle) {
		return Unknown, false, false // "Oregon State Police Lt. Gregg Hastings": a person with a role
	}
	for m := a; m < b && m < a+3 && cf&wcTitle == 0 && len(first) > 2 && !personBefore(text, toks, class, a); m++ {
		// Only the place's own name, not one of a country's translations
		// that is also a given name ("Maurice" is French for Mauritius).
		if e := gaz.LookupSpan(text, toks, a, m); e != nil && e.Type == Place && (e.Kind != "country" || e.key() == runKey(toks, a, m)) {
			// "Paris Hilton", "Houston Nutt": a city and one more word
			// in the singular may as well be a person's name; teams are
			// plural ("Detroit Pistons"), papers and bodies have their
			// kind's word ("Boston Globe", "Alaska Board").
			// A capital smaller than the tables' cities is no team's town
			// either: "Douglas Fairbanks" is a person.
			if e.Kind == "city" && m+1 == b && (!plural(toks[b].Key) || e.Population < listedCityPopulation) && cl&wcOrgWord == 0 && !isAllCaps(text[toks[b].Begin:toks[b].End]) {
				return Unknown, false, false
			}
			return Org, true, false
		}
	}
	return Unknown, false, false
}

// plural reports whether a key looks like an English plural ("pistons",
// "76ers", "sox").
func plural(k string) bool {
	return strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss") || strings.HasSuffix(k, "x")
}

// allInClass reports whether every word of [a, b] is in a list of c
// ("Police Department": generic nouns and modifiers).
func allInClass(class []wordClass, a, b int, c wordClass) bool {
	for i := a; i <= b; i++ {
		if class[i]&c == 0 {
			return false
		}
	}
	return true
}

// personBefore reports whether the run at a is written as a person's
// name whatever its last word: an initial opens it ("P.J. Hill") or a
// role stands before it ("prosecutor Kellie Hill").
func personBefore(text string, toks []normalize.Token, class []wordClass, a int) bool {
	// An initial, but not an abbreviated direction ("E. Dahlia Ave").
	if k := toks[a].Key; oneRune(k) && !strings.Contains("nsew", k) {
		return true
	}
	// "PJ Hill", "CC Sabathia": two initials written together.
	if w := text[toks[a].Begin:toks[a].End]; len(w) == 2 && isAllCaps(w) {
		return true
	}
	return a > 0 && isBlank(gap(text, toks, a)) && class[a-1]&(wcRoleNoun|wcTitle|wcPersonNoun) != 0 && !isUpperStart(text[toks[a-1].Begin:toks[a-1].End])
}

// hasKey reports whether a token of [a, b] has key k.
func hasKey(toks []normalize.Token, a, b int, k string) bool {
	for i := a; i <= b; i++ {
		if toks[i].Key == k {
			return true
		}
	}
	return false
}

// isTitleCase reports whether the paragraph of tokens first to last is
// written in title case (a headline: "Lindsay Lohan Checks Out Of
// Rehab"), where capitals do not mark names: most of its words of four
// letters or more (titleWord) begin with a capital.
func (a *analysis) isTitleCase(first, last int) bool {
	long := a.titles[last+1].long - a.titles[first].long
	upper := a.titles[last+1].upper - a.titles[first].upper
	return long >= 4 && upper*4 >= long*3
}

// titleCount counts the words isTitleCase counts, in the tokens before
// one: the words of four letters or more, and of those the ones that
// begin with a capital.
type titleCount struct{ long, upper int32 }

// titleWord reports whether a token's word is one isTitleCase counts: of
// four bytes or more, beginning with a letter.
func titleWord(w string) bool {
	if len(w) < 4 {
		return false
	}
	if c := w[0]; c < utf8.RuneSelf {
		return (c|0x20)-'a' < 26 // ASCII's letters
	}
	return unicode.IsLetter(firstRune(w))
}
