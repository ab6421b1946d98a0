package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/normalize"
)

// EntityType says what an entity is.
type EntityType string

// Entity types. Unknown is a capitalised name that is neither in the
// gazetteer nor recognisable as a person or organisation.
const (
	Person  EntityType = "person"
	Org     EntityType = "org"
	Place   EntityType = "place"
	Unknown EntityType = "unknown"
)

// Demonym is what formType answers for the name of a people or party; it
// is no entity type of its own.
const Demonym EntityType = "demonym"

// nameRun is a maximal run of capitalised words (with particles and
// "of" inside organisation names), split into the titles before the name
// and the name proper.
type nameRun struct {
	First, Last int // token indices of the whole run
	NameFirst   int // first token of the name proper (after titles)
	Type        EntityType
	Roles       []string // titles and role phrases given with the name
	InQuote     bool
	None        bool   // names no entity: a law, a contest, a page label, a dateline
	Demonym     bool   // "Republicans", "the Greek": no entity, but a source may be named so
	ByShape     bool   // a person only because it is two or more capitalised words
	Canonical   string // resolved name (full name, gazetteer name), set by resolve
}

// tokenText is the original text of tokens [a, b].
func tokenText(text string, toks []normalize.Token, a, b int) string {
	return text[toks[a].Begin:toks[b].End]
}

// gap is the original text between token i-1 and token i.
func gap(text string, toks []normalize.Token, i int) string {
	if i <= 0 || i >= len(toks) {
		return ""
	}
	return text[toks[i-1].End:toks[i].Begin]
}

// findNameRuns appends the capitalised runs of a document to runs.
// starts marks the tokens that open a sentence; lower tells whether a
// token's word is also written in lower case; class gives each token's
// word classes.
func findNameRuns(runs []nameRun, text string, toks []normalize.Token, starts, titled []bool, lower lowerCase, class []wordClass, gaz *Gazetteer) []nameRun {
	capital := func(i int) bool {
		if !lower.upper[i] {
			return false
		}
		if class[i]&wcFunctionWord != 0 && (starts[i] || !isAllCaps(text[toks[i].Begin:toks[i].End])) {
			return false
		}
		return true
	}
	for i := 0; i < len(toks); i++ {
		// Weekdays and months are capitalised without being names; they
		// may end one ("Theresa May") but never begin one.
		// "said Will Doyle, a professor": a function word capitalised
		// inside its sentence opens a name of two words as a given name
		// before a surname.
		given := lower.upper[i] && class[i]&wcFunctionWord != 0 && !capital(i) && i+1 < len(toks) && gap(text, toks, i+1) == " " && functionGivenName(text, toks, starts, lower, class, i, gaz)
		if !capital(i) && !given || class[i]&wcCalendarWord != 0 {
			continue
		}
		j := i
		if given {
			j = i + 1
		}
		for !given && j+1 < len(toks) {
			g := gap(text, toks, j+1)
			// A firm's suffix ends its name ("Summit Entertainment LLC
			// Summit Entertainment" is two names).
			if j > i && class[j]&wcCorporateSuffix != 0 {
				break
			}
			// So does a generation a person's ("Arcade Joseph Comeaux Jr.
			// Department of Corrections spokeswoman" is a person and a
			// body).
			if j > i && generations[toks[j].Key] && isUpperStart(text[toks[j].Begin:toks[j].End]) {
				break
			}
			// "Mr. Trump", "Gene B. Sperling": the full stop of a title
			// or an initial stays inside the name.
			if (g == ". " || g == "." || g == ".\u00a0") && capital(j+1) && abbreviatedInName(text, toks[j]) {
				j++
				continue
			}
			// "O’Malley", "D'Souza": a capital letter and an apostrophe
			// open a surname; the tokenizer splits them.
			if (g == "’" || g == "'") && len(toks[j].Key) == 1 && isUpperStart(text[toks[j].Begin:toks[j].End]) && capital(j+1) {
				j++
				continue
			}
			if g == " " || g == "-" || g == "\u00a0" {
				// "Michael A. Martone": the initial "A" is capitalised
				// though it is also an article.
				if capital(j+1) || numberedName(text, toks[j+1]) || initialInName(text, toks, j+1, capital) {
					j++
					continue
				}
				// "George Will", "columnist George Will", "Al From": a
				// function word capitalised inside its sentence after one
				// given name (titles aside) ends the name as its surname.
				if g == " " && !hasClassOutside(class, i, j-1, wcTitle|wcTitleWord|wcRoleNoun|wcHonorific) && surnameWord(text, toks, starts, lower, class, j, j+1, gaz) {
					j++
					break
				}
				// A particle or "of" joins two capitalised parts.
				k := toks[j+1].Key
				if j+2 < len(toks) && gap(text, toks, j+2) == " " && capital(j+2) &&
					(class[j+1]&wcNameParticle != 0 && !isUpperStart(text[toks[j+1].Begin:toks[j+1].End]) ||
						(k == "of" || k == "for") && hasClass(class, i, j, wcOrgWord) || k == "of" && i == j && class[i]&wcOfPlace != 0 ||
						(k == "and" || k == "&") && class[j]&(wcOrgHead|wcOrgWord) == 0 && !hasClass(class, i, j, wcTitle) && orgAhead(text, toks, class, j+2, capital)) {
					j += 2
					continue
				}
			}
			break
		}
		// A run of one capitalised word opening a sentence is a name only
		// if the word is not also used in lower case or is a known place.
		if i == j && starts[i] && (lower.at(i) || class[i]&wcRoleNoun != 0 || plurals(toks[i].Key)) && gaz.Lookup(toks[i].Key) == nil {
			i = j
			continue
		}
		// In a headline every word is capitalised: only names the
		// gazetteer knows are taken from it.
		// So in a stretch of title case inside a paragraph: a function
		// word capitalised inside its sentence between capitalised words
		// ("Red Sox Will Nab Teixeira") marks the words after it as a
		// headline's, not a name's.
		if (titled[i] || titleCaseBefore(text, toks, starts, lower, class, i)) && gaz.LookupSpan(text, toks, i, j) == nil {
			i = j
			continue
		}
		// "Considering Lionsgate": a participle or a word used in lower
		// case opening the sentence is not part of the name.
		// A name the gazetteer knows keeps its first word ("New Delhi
		// had taken …").
		if i < j && (starts[i] || afterColon(text, toks, i)) && (lower.at(i) || len(toks[i].Key) > 5 && strings.HasSuffix(toks[i].Key, "ing") || openingCueWord(toks[i].Key)) && class[i]&wcTitleWord == 0 && !knownOpening(text, toks, i, j, gaz) {
			i++
		}
		// "DO Channel Johnny Carson": after a verb in capitals opening a
		// sentence (a list of dos and don'ts), the words are a heading's,
		// the first of them an imperative.
		if i > 0 && starts[i-1] && class[i-1]&wcVerbFunctionWord != 0 && len(toks[i-1].Key) > 1 && isAllCaps(text[toks[i-1].Begin:toks[i-1].End]) {
			i = j
			continue
		}
		// "Under Berdymukhamedov", "Ironically Nichols": a preposition or
		// an adverb is no part of a name wherever it stands.
		for i < j && (class[i]&wcPreposition != 0 && len(toks[i].Key) > 2 || capitalisedAdverb(toks[i].Key)) {
			i++
		}
		// What the stripping leaves must open with a capital, not with
		// the "and" or "of" that joined the word taken off ("Detectives
		// and Internal Affairs Bureau").
		for i < j && !isUpperStart(text[toks[i].Begin:toks[i].End]) {
			i++
		}
		// A weekday after a name is when, not part of it ("… Center
		// Thursday").
		for j > i && (class[j]&wcWeekday != 0 || oneRune(toks[j].Key)) {
			j-- // nor a letter cut from a name ("Jim O" of "Jim O'Brien")
		}
		if i == j && oneRune(toks[i].Key) {
			continue
		}
		// "TOO" is a word in capitals, "VA089897" a code, "D-Mass" a
		// party and state: none is a name.
		if i == j && (isAllCaps(text[toks[i].Begin:toks[i].End]) && (lower.at(i) || i > 0 && (toks[i-1].Key == "a" || toks[i-1].Key == "an")) || digits(toks[i].Key) >= 3) ||
			oneRune(toks[i].Key) && i < j && gap(text, toks, i+1) == "-" {
			i = j
			continue
		}
		r := classifyRun(text, toks, class, i, j, gaz, titleSurname(text, toks, i, j, lower, gaz))
		// "the Academy Award Nomination for Best Adapted Screenplay": a
		// name proper opens with a capital or a particle, never with the
		// "for" or "of" that joined it to titles; the run names a prize.
		if n := r.NameFirst; n > i && n <= j && class[n]&wcFunctionWord != 0 && class[n]&wcNameParticle == 0 && !isUpperStart(text[toks[n].Begin:toks[n].End]) {
			r.None = true
		}
		// "the tourist Island of Qeshm": a word the text also writes in
		// lower case is no translation of a country's name (Island is
		// German for Iceland).
		if i == j && lower.at(i) && (r.Type == Place || r.Type == Org) {
			if e := gaz.Lookup(toks[i].Key); e != nil && e.key() != toks[i].Key {
				r.Type = Unknown
			}
		}
		// A dateline ("BRENNICK, Ireland —", "WASHINGTON (AP) —") is where
		// the report was filed, not a name in it.
		if starts[i] && isAllCaps(tokenText(text, toks, i, j)) && j+1 < len(toks) && strings.ContainsAny(strings.TrimSpace(gap(text, toks, j+1)), ",—–-(") && r.Type != Place {
			r.None = true
		}
		runs = append(runs, r)
		i = j
	}
	return runs
}

// titleCaseBefore reports whether the word before i is a function word
// capitalised inside its sentence ("Will", "And"; not an article) that
// follows another capitalised word: the run at i continues a headline in
// title case.
func titleCaseBefore(text string, toks []normalize.Token, starts []bool, lower lowerCase, class []wordClass, i int) bool {
	if i < 2 || starts[i-1] || class[i-1]&wcFunctionWord == 0 || !lower.upper[i-1] || !lower.upper[i-2] || gap(text, toks, i) != " " || gap(text, toks, i-1) != " " {
		return false
	}
	// An article may open a sentence whose full stop is missing ("…
	// Death Penalty A Superior Court jury").
	return class[i-1]&wcDeterminer == 0 && !isAllCaps(text[toks[i-1].Begin:toks[i-1].End])
}

// hasClassOutside reports whether a token of [a, b] has none of the
// classes c (false when the range is empty).
func hasClassOutside(class []wordClass, a, b int, c wordClass) bool {
	for k := a; k <= b; k++ {
		if class[k]&c == 0 {
			return true
		}
	}
	return false
}

// knownOpening reports whether the gazetteer knows a name made of the
// first two or more words of the run [a, b] ("New Delhi", "New York
// City").
func knownOpening(text string, toks []normalize.Token, a, b int, gaz *Gazetteer) bool {
	for m := a + 1; m <= b && m < a+4; m++ {
		if gaz.LookupSpan(text, toks, a, m) != nil {
			return true
		}
	}
	return false
}

// notGivenName are the word classes that no given name has.
const notGivenName = wcFunctionWord | wcCalendarWord | wcTitle | wcTitleWord | wcHonorific | wcOrgWord | wcOrgHead |
	wcOrgRoleNoun | wcOutletNoun | wcGenericNoun | wcGenericModifier | wcRoleNoun | wcPersonNoun | wcDemonym | wcPreposition |
	wcArticleStart | wcLabelWord | wcEventHead | wcDirection | wcCompass

// surnameWord reports whether token s, a function word ("Will",
// "From") capitalised inside its sentence, is the surname after the
// one given name at token g: g is a capitalised word of no other class,
// no place, never written in lower case, and the name ends at s (no
// capitalised word follows: "In God We Trust" is no name).
func surnameWord(text string, toks []normalize.Token, starts []bool, lower lowerCase, class []wordClass, g, s int, gaz *Gazetteer) bool {
	if s >= len(toks) || !lower.upper[s] || class[s]&wcFunctionWord == 0 || starts[s] || len(toks[s].Key) < 3 || isAllCaps(text[toks[s].Begin:toks[s].End]) {
		return false
	}
	if class[g]&notGivenName != 0 || lower.at(g) || !twoRunes(toks[g].Key) || isAllCaps(text[toks[g].Begin:toks[g].End]) || gaz.Lookup(toks[g].Key) != nil {
		return false
	}
	return s+1 >= len(toks) || !lower.upper[s+1] || !isBlank(gap(text, toks, s+1))
}

// verbFunctionWords are the function words that are verbs (modals and
// auxiliaries): capitalised inside a sentence, one is no verb but a name
// ("Will Doyle"); an article, a conjunction or an adverb capitalised
// there opens a sentence the splitter missed ("When Orozco", "The
// Saints").
var verbFunctionWords = set(`will would can could shall should may might must be is are was were has have had do does did`)

// functionGivenName reports whether token f, a function word ("Will")
// capitalised inside its sentence after no capitalised word, is a given
// name before the surname at f+1: a capitalised word of no other class,
// no place, never written in lower case, that ends the name.
func functionGivenName(text string, toks []normalize.Token, starts []bool, lower lowerCase, class []wordClass, f int, gaz *Gazetteer) bool {
	if !lower.upper[f] || class[f]&wcVerbFunctionWord == 0 || starts[f] || len(toks[f].Key) < 3 || isAllCaps(text[toks[f].Begin:toks[f].End]) {
		return false
	}
	if f > 0 && lower.upper[f-1] && isBlank(gap(text, toks, f)) {
		return false
	}
	s := f + 1
	if class[s]&notGivenName != 0 || !lower.upper[s] || lower.at(s) || !twoRunes(toks[s].Key) || isAllCaps(text[toks[s].Begin:toks[s].End]) || gaz.Lookup(toks[s].Key) != nil {
		return false
	}
	return s+1 >= len(toks) || !lower.upper[s+1] || !isBlank(gap(text, toks, s+1))
}

// titleSurname reports whether the title word ending the run [a, b] is a
// surname ("Amy Pope", "Howard Dean", "Rep. Peter T. King"): a title stands
// before a name, so one that ends a short run after given names — words
// that are no title, no people's, place's or body's word and that the
// document never writes in lower case — ends a person's name ("Foreign
// Minister", "Ukrainian MP", "Texas Governor", "Medical Examiner",
// "Los Angeles County Sheriff" stay roles).
func titleSurname(text string, toks []normalize.Token, a, b int, lower lowerCase, gaz *Gazetteer) bool {
	if b <= a || !titles[toks[b].Key] {
		return false
	}
	// Titles before the name ("Representative Peter T. King") are skipped.
	for a < b && isTitle(toks[a].Key) {
		a++
	}
	if a == b || b-a > 3 {
		return false
	}
	for p := a; p < b; p++ {
		k := toks[p].Key
		if g := gap(text, toks, p+1); g != " " && g != "\u00a0" && !(oneRune(k) && g == ". ") {
			return false
		}
		if oneRune(k) && p > a {
			continue // "Peter T. King": an initial
		}
		if isTitle(k) || honorifics[k] || lower.at(p) || demonyms[k] || orgWords[k] || genericNouns[k] || genericModifiers[k] || gaz.Lookup(k) != nil {
			return false
		}
	}
	return gaz.LookupSpan(text, toks, a, b) == nil
}

// lowerCase tells whether a document writes a token's word (its key) in
// lower case anywhere, by the document's numbers of its keys.
type lowerCase struct {
	wordID []int32 // token -> number of its key (analysis.wordID)
	upper  []bool  // token i begins with a capital
	seen   []bool  // key number -> some token of it is not capitalised
}

func newLowerCase(wordID []int32, words int, upper []bool) lowerCase {
	l := lowerCase{wordID: wordID, upper: upper, seen: make([]bool, words)}
	for i, id := range wordID {
		if !upper[i] {
			l.seen[id] = true
		}
	}
	return l
}

// at reports whether the word of token i is written in lower case in the
// document (token i itself, or another with its key).
func (l lowerCase) at(i int) bool { return !l.upper[i] || l.seen[l.wordID[i]] }

// allCapitalised reports whether every word of [a, b] begins with a
// capital (no "of" or particle inside).
func allCapitalised(text string, toks []normalize.Token, a, b int) bool {
	for i := a; i <= b; i++ {
		if !isUpperStart(text[toks[i].Begin:toks[i].End]) {
			return false
		}
	}
	return true
}

// initialInName reports whether token i is a single capital letter with
// a full stop, followed by a capitalised word: an initial inside a name.
func initialInName(text string, toks []normalize.Token, i int, capital func(int) bool) bool {
	w := text[toks[i].Begin:toks[i].End]
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' && i+1 < len(toks) && gap(text, toks, i+1) == ". " && capital(i+1)
}

// corporateSuffixes end a firm's name.
var corporateSuffixes = set(`inc ltd llc plc gmbh`)

// numberedName reports whether a word is a number with a plural ending,
// the way teams are named ("76ers", "49ers"): it continues a name.
func numberedName(text string, t normalize.Token) bool {
	w := text[t.Begin:t.End]
	d := digits(w)
	return d > 0 && d < len(w)-1 && w[0] >= '0' && w[0] <= '9' && strings.HasSuffix(w, "ers")
}

// abbreviatedInName reports whether t, followed by a full stop, is a
// title abbreviation or an initial that a name follows.
func abbreviatedInName(text string, t normalize.Token) bool {
	w := text[t.Begin:t.End]
	if oneRune(w) {
		return isUpperStart(w)
	}
	return abbreviations[t.Key] && isTitle(t.Key) || rankAbbreviations[t.Key] || t.Key == "jr" || t.Key == "sr"
}

// rankAbbreviations are abbreviated ranks and offices written with a full
// stop before a name ("Vice Adm. Bill Gortney", "Insp. Dave Gaskin").
var rankAbbreviations = set(`adm gen maj cpl pvt insp supt det sgt lt col capt cmdr cdr brig rev hon sen rep gov atty dist`)

// moreTitles are further words that stand before a name as its role
// ("City Council Member Jumaane Williams", "Angels GM Tony Reagins").
var moreTitles = set(`member councilmember assemblyman assemblywoman gm fullback quarterback linebacker
	pastor reverend moviemaker mogul editor publisher`)

// isTitle reports whether a key is a title or role before a name.
func isTitle(k string) bool { return titles[k] || rankAbbreviations[k] || moreTitles[k] }

// adverbEndings end adverbs and hardly any name ("Beverly", "Kelly" and
// "Emily" end otherwise).
var adverbEndings = []string{"ally", "ously", "edly", "ently", "antly", "ably", "ibly", "ively", "ately", "fully", "lessly"}

// capitalisedAdverb reports whether a capitalised word has an adverb's ending.
func capitalisedAdverb(k string) bool {
	for _, e := range adverbEndings {
		if len(k) > len(e)+2 && strings.HasSuffix(k, e) {
			return true
		}
	}
	return false
}

// afterColon reports whether token i follows a colon, a dash or a
// quotation mark, where a headline's or a new clause begins ("Oscars:
// Choosing DeGeneres", "… orchestra.” Choosing DeGeneres …").
func afterColon(text string, toks []normalize.Token, i int) bool {
	g := strings.TrimSpace(gap(text, toks, i))
	for _, end := range []string{":", "—", "–", "-", "\"", "”", "''"} {
		if strings.HasSuffix(g, end) {
			return true
		}
	}
	return false
}

// ofPlaces open a place's name joined by "of" ("Gulf of Aden", "Bay of
// Bengal").
var ofPlaces = set(`gulf bay sea strait isle straits cape`)

// digits counts the digits in a word.
func digits(k string) int {
	n := 0
	for _, r := range k {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// orgAhead reports whether the capitalised words from token i on end
// in an organisation's head word ("Fish and Wildlife Service").
func orgAhead(text string, toks []normalize.Token, class []wordClass, i int, capital func(int) bool) bool {
	last := -1
	for m := i; m < len(toks) && m < i+4 && capital(m); m++ {
		last = m
		if m+1 < len(toks) && gap(text, toks, m+1) != " " {
			break
		}
	}
	// The head ends the part after "and": "Fish and Wildlife Service",
	// not "Wildlife and Center for Biological Diversity", where a body's
	// word alone, followed by "for" or "of", opens a second name.
	if last == i && last+1 < len(toks) && class[last]&wcOrgWord != 0 && (toks[last+1].Key == "for" || toks[last+1].Key == "of") {
		return false
	}
	return last >= 0 && class[last]&(wcOrgHead|wcOrgWord) != 0
}

// hasClass reports whether a word of [a, b] is in a list of c.
func hasClass(class []wordClass, a, b int, c wordClass) bool {
	for i := a; i <= b; i++ {
		if class[i]&c != 0 {
			return true
		}
	}
	return false
}

// classifyRun splits a run into titles and name proper and decides its
// type; class gives each token's word classes.
func classifyRun(text string, toks []normalize.Token, class []wordClass, a, b int, gaz *Gazetteer, surname bool) nameRun {
	r := nameRun{First: a, Last: b, NameFirst: a, Type: Unknown}
	// The gazetteer knows places and organisations by their full name.
	if e := gaz.LookupSpan(text, toks, a, b); e != nil {
		r.Type = e.Type
		return r
	}
	// "Chief of Police Scott Russell", "Secretary of State Condoleezza
	// Rice": the word after a title and "of" is the office's domain, the
	// name follows it.
	if a >= 2 && b-a >= 2 && toks[a-1].Key == "of" && class[a-2]&wcTitle != 0 &&
		class[a]&(wcOrgWord|wcGenericNoun|wcTitleWord) != 0 && !hasClass(class, a+1, b, wcOrgWord) && !hasClass(class, a+1, b, wcTitle) && allCapitalised(text, toks, a+1, b) {
		r.Type, r.NameFirst = Person, a+1
		r.Roles = append(r.Roles, tokenText(text, toks, a-2, a))
		return r
	}
	// "Mr. Ridge", "Ms. Lake": after an honorific, a person whatever the
	// name's form says.
	if class[a]&wcHonorific != 0 && b > a && class[b]&wcHonorific == 0 && class[a+1]&wcAddressedOffice == 0 {
		r.Type, r.NameFirst = Person, a+1
		r.Roles = append(r.Roles, tokenText(text, toks, a, a))
		return r
	}
	if t, ok, none := formType(text, toks, class, a, b, gaz); ok {
		r.Type, r.None = t, none
		if t == Demonym {
			r.Type, r.Demonym = Unknown, true
		}
		return r
	}
	if a > 0 && class[a-1]&wcOrgRoleNoun != 0 && gap(text, toks, a) == " " ||
		b+1 < len(toks) && class[b+1]&wcOutletNoun != 0 && gap(text, toks, b+1) == " " {
		r.Type = Org
		return r
	}
	// "the La Croisette seafront", "the Mount Pleasant neighbourhood": a
	// noun for a kind of place after the name makes it a place's.
	if b+1 < len(toks) && class[b+1]&wcPlaceFollower != 0 && isBlank(gap(text, toks, b+1)) && !isUpperStart(text[toks[b+1].Begin:toks[b+1].End]) {
		r.Type = Place
		return r
	}
	// "Le Monde", but not "Los Angeles County Sheriff
	// Lee Baca": a known place opening the run is no article.
	// A title inside the run is followed by a person's name ("LA
	// Superior Court Judge James R. Dabney"; "LA County Sheriff" stays).
	if class[a]&wcArticleStart != 0 && b > a && !placeOpens(text, toks, a, b, gaz) && !hasClass(class, a+1, b-1, wcTitle) {
		r.Type = Org
		return r
	}
	// Titles: scan back from the end while words are not titles.
	n := b
	names := 0
	if surname {
		n, names = b-1, 1 // "Amy Pope", "Howard Dean": the title word is the surname
	}
	// After an honorific a title word is a surname ("Mr. King", "Ms.
	// Singer").
	for n >= a && (class[n]&wcTitle == 0 || n > a && class[n-1]&wcHonorific != 0 && class[n]&(wcHonorific|wcAddressedOffice) == 0) && names < 4 {
		if class[n]&wcNameParticle == 0 {
			names++
		}
		n--
	}
	r.NameFirst = n + 1
	// An organisation word in the name proper, or in a run without titles
	// ("Ministry of Defence"), makes an organisation.
	if hasClass(class, r.NameFirst, b, wcOrgWord) || r.NameFirst == a && hasClass(class, a, b, wcOrgWord) {
		r.Type = Org
		r.NameFirst = a
		return r
	}
	// "the Natural Health Industry": a common noun after title words is
	// no one's name.
	if r.NameFirst == b && class[b]&(wcGenericNoun|wcLabelWord|wcCalendarWord) != 0 {
		r.NameFirst = b + 1
	}
	if r.NameFirst > b {
		// Only titles ("Ukrainian MP"): a role, not a name.
		r.Type = Unknown
		r.NameFirst = b + 1
		return r
	}
	if r.NameFirst > a {
		r.Roles = append(r.Roles, tokenText(text, toks, a, r.NameFirst-1))
		r.Type = Person
		if isAllCaps(tokenText(text, toks, r.NameFirst, b)) {
			r.Type = Org // "Broadcaster NBC": an acronym is no person's name
		}
	}
	proper := tokenText(text, toks, r.NameFirst, b)
	if e := gaz.LookupSpan(text, toks, r.NameFirst, b); e != nil {
		if r.Type != Person {
			r.Type = e.Type
		}
		return r
	}
	if r.Type == Unknown && names >= 2 && !isAllCaps(proper) {
		r.Type = Person
		r.ByShape = true
		// "NBC New York": an abbreviation before a place's name is a
		// broadcaster's or a body's branch there, not a person.
		if w := text[toks[r.NameFirst].Begin:toks[r.NameFirst].End]; len(w) >= 3 && isAllCaps(w) {
			if e := gaz.LookupSpan(text, toks, r.NameFirst+1, b); e != nil && e.Type == Place {
				r.Type, r.ByShape = Org, false
			}
		}
	}
	if r.Type == Unknown && isAllCaps(proper) && r.NameFirst == b && len([]rune(proper)) >= 3 {
		r.Type = Org
	}
	// A role word right before the name ("military expert Ivan Petrov")
	// makes it a person's, whatever its shape.
	if r.Type == Person && a > 0 && class[a-1]&wcRoleNoun != 0 && gap(text, toks, a) == " " {
		r.ByShape = false
		m := a - 1
		for m > 0 && gap(text, toks, m) == " " && class[m-1]&wcDeterminer == 0 && !isUpperStart(text[toks[m-1].Begin:toks[m-1].End]) && a-m < 3 && class[m-1]&wcPreposition == 0 {
			m--
		}
		r.Roles = append(r.Roles, tokenText(text, toks, m, a-1))
	}
	return r
}

// placeFollowers are nouns for a kind of place that follow a place's
// name in lower case.
var placeFollowers = set(`seafront promenade waterfront neighborhood neighbourhood district suburb
	area township borough quarter`)

// placeOpens reports whether the first words of [a, b] name a place the
// gazetteer knows ("Los Angeles", "LA").
func placeOpens(text string, toks []normalize.Token, a, b int, gaz *Gazetteer) bool {
	for m := a; m <= b && m < a+3; m++ {
		if e := gaz.LookupSpan(text, toks, a, m); e != nil && e.Type == Place {
			return true
		}
	}
	return false
}

// Proper is the name proper of a run, without its titles.
func (r nameRun) proper(text string, toks []normalize.Token) string {
	if r.NameFirst > r.Last {
		return ""
	}
	return tokenText(text, toks, r.NameFirst, r.Last)
}

// people maps surnames to the full names a document gives, so that a
// later "Lavrov" resolves to "Sergei Lavrov".
type people struct {
	byLast map[string][]string // surname key -> full names in document order
	byForm map[string]bool     // full names known only by their shape (no title, role or description)
}

func newPeople() *people { return &people{byLast: map[string][]string{}, byForm: map[string]bool{}} }

// add records a full name; byShape says that only its shape makes it a
// person's ("Kiev Macron" of a headline), so that a surname resolves to
// a name the text gives a title or role ("President Emmanuel Macron")
// before one it does not.
func (p *people) add(full string, byShape bool) {
	prev, last, n := lastFields(full)
	if n < 2 {
		return
	}
	// "Anthony LaCalamita III": the surname stands before a generation.
	if n > 2 && loweredIn(generations, last, generationLen, normalize.Key) {
		last = prev
	}
	k := normalize.Key(strings.TrimRight(last, "’'"))
	seen := false
	for _, n := range p.byLast[k] {
		seen = seen || n == full
	}
	if !seen {
		p.byLast[k] = append(p.byLast[k], full)
		p.byForm[full] = byShape
	} else if !byShape {
		p.byForm[full] = false
	}
}

// resolveTitled is resolve among the full names the text gives a title,
// role or description: a place's name is taken for a surname only on
// such evidence ("Zone Athens" of a headline does not make "Athens" a
// person).
func (p *people) resolveTitled(word string) string {
	return p.resolveTitledNames(p.lastNames(word))
}

// resolveTitledNames is resolveTitled among the full names of one
// surname.
func (p *people) resolveTitledNames(names []string) string {
	found := ""
	for _, n := range names {
		if p.byForm[n] {
			continue
		}
		if found != "" {
			return ""
		}
		found = n
	}
	return found
}

// generations follow a surname ("Jr.", "III").
var generations = set(`jr sr ii iii iv`)

// generationLen is the length in bytes of the longest of generations.
var generationLen = longestKey(generations)

// lastFields returns the last two of the fields strings.Fields splits s
// into, and how many fields it has, counted up to 3: what people.add
// reads of a name, without making the list of its fields.
func lastFields(s string) (prev, last string, n int) {
	end := len(s)
	for n < 3 {
		// Past the white space before the field, then to its start.
		for end > 0 {
			space, size := spaceBefore(s, end)
			if !space {
				break
			}
			end -= size
		}
		if end == 0 {
			return prev, last, n
		}
		b := end
		for b > 0 {
			space, size := spaceBefore(s, b)
			if space {
				break
			}
			b -= size
		}
		if n++; n == 1 {
			last = s[b:end]
		} else if n == 2 {
			prev = s[b:end]
		}
		end = b
	}
	return prev, last, n
}

// spaceBefore reports whether the character that ends at byte end of s
// is white space as strings.Fields tells it, and its size.
func spaceBefore(s string, end int) (bool, int) {
	if c := s[end-1]; c < utf8.RuneSelf {
		return c == ' ' || c-'\t' < 5, 1 // \t \n \v \f \r
	}
	r, size := utf8.DecodeLastRuneInString(s[:end])
	return unicode.IsSpace(r), size
}

// resolve returns the full name for a one-word name: the only one the
// document gives, else the only one of them it gives a title, role or
// description; "" when there is none or no single one.
func (p *people) resolve(word string) string {
	names := p.lastNames(word)
	if len(names) == 1 {
		return names[0]
	}
	return p.resolveTitledNames(names)
}

// lastNames is p.byLast[normalize.Key(word)], the key of a short ASCII
// word lowered on the stack rather than made: most words asked are
// capitalised, and their keys were garbage.
func (p *people) lastNames(word string) []string {
	var buf [64]byte
	if len(word) > len(buf) {
		return p.byLast[normalize.Key(word)]
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return p.byLast[normalize.Key(word)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return p.byLast[string(buf[:len(word)])]
}

// addFunctionWordSurnames makes a name of a function word capitalised
// inside its sentence, alone, that is the surname of the one person the
// text names with it ("George Will" … "“…,” Will wrote"; "Al From" …
// "From said"): a word that is otherwise never capitalised there.
func (a *analysis) addFunctionWordSurnames() {
	// Only when some person's surname is a function word: most texts
	// name none, and the tokens are not read at all.
	some := false
	for k := range a.people.byLast {
		if functionWords[k] {
			some = true
			break
		}
	}
	if !some {
		return
	}
	added := false
	for i := range a.toks {
		if a.class[i]&wcFunctionWord == 0 || a.runAt[i] >= 0 || a.starts[i] || len(a.toks[i].Key) < 3 {
			continue
		}
		w := a.text[a.toks[i].Begin:a.toks[i].End]
		if !isUpperStart(w) || isAllCaps(w) || i+1 < len(a.toks) && isBlank(gap(a.text, a.toks, i+1)) && isUpperStart(a.text[a.toks[i+1].Begin:a.toks[i+1].End]) {
			continue
		}
		full := a.people.resolve(w)
		if full == "" {
			continue
		}
		a.runs = append(a.runs, nameRun{First: i, Last: i, NameFirst: i, Type: Person, InQuote: a.inQuote[i], Canonical: full})
		a.runAt[i] = len(a.runs) - 1
		added = true
	}
	if !added {
		return
	}
	sort.SliceStable(a.runs, func(x, y int) bool { return a.runs[x].First < a.runs[y].First })
	for ri, r := range a.runs {
		for j := r.First; j <= r.Last; j++ {
			a.runAt[j] = ri
		}
	}
}

// joinSurnameParticles makes a name particle before a one-word name
// part of it when the text names a person whose name ends in both
// ("Mayor Bill de Blasio" … "de Blasio said", "De Blasio said"): the
// surname is the particle and the word, and the particle is no
// preposition before the name.
func (a *analysis) joinSurnameParticles() {
	for ri := range a.runs {
		r := &a.runs[ri]
		p := r.First - 1
		if r.First != r.Last || p < 0 || a.runAt[p] >= 0 || a.class[p]&wcNameParticle == 0 || !isBlank(gap(a.text, a.toks, r.First)) {
			continue
		}
		w := a.text[a.toks[p].Begin:a.toks[p].End]
		if isUpperStart(w) && !a.starts[p] {
			continue
		}
		full := a.people.resolve(a.text[a.toks[r.First].Begin:a.toks[r.First].End])
		f := strings.Fields(full)
		if len(f) < 3 || normalize.Key(f[len(f)-2]) != a.toks[p].Key {
			continue
		}
		r.First, r.NameFirst, r.Type = p, p, Person
		a.runAt[p] = ri
	}
}

// trimIntoNames takes off the words a heading or a phrase runs into a
// person's name ("Early Years Bettie Mae Page was born …", "Prevention
// of Workplace Violence Yvonne Hiller, a suspended …", "Lions and
// Panthers Reggie Bush's season"): a run of three or more words typed a
// person by its shape whose last words open with the given name and end
// with the surname of a person the document names by a shorter run
// ("Bettie Page", "Yvonne Hiller") is that person's name, and the words
// before it are not. A middle name the other run leaves out stays
// ("Bettie Mae Page"); a person known by a middle name ("Anthony
// Phillip LaSalle" … "Phillip LaSalle") keeps a name that is still
// theirs. Names joined by an apostrophe or a hyphen are one word here.
func trimIntoNames(runs []nameRun, text string, toks []normalize.Token) {
	long := false // most documents have no such run, and need no map
	for _, r := range runs {
		if r.ByShape && r.Last-r.NameFirst >= 2 {
			long = true
			break
		}
	}
	if !long {
		return
	}
	var named map[[2]string]int // given name and surname keys → words in the shortest run
	for _, r := range runs {
		// Two words at least: "O'Brien" is one.
		if r.Type != Person || r.NameFirst >= r.Last || !isBlank(gap(text, toks, r.NameFirst+1)) {
			continue
		}
		if named == nil {
			named = map[[2]string]int{}
		}
		k := [2]string{toks[r.NameFirst].Key, toks[r.Last].Key}
		if n, ok := named[k]; !ok || r.Last-r.NameFirst+1 < n {
			named[k] = r.Last - r.NameFirst + 1
		}
	}
	if len(named) < 2 {
		return
	}
	for ri := range runs {
		r := &runs[ri]
		// "The Notorious Bettie Page": a person's name takes no article;
		// the run is a title.
		if !r.ByShape || r.Last-r.NameFirst < 2 || r.First > 0 && determiners[toks[r.First-1].Key] {
			continue
		}
		last := toks[r.Last].Key
		for m := r.NameFirst + 1; m < r.Last; m++ {
			if !isBlank(gap(text, toks, m)) || !isBlank(gap(text, toks, m+1)) {
				continue
			}
			if n, ok := named[[2]string{toks[m].Key, last}]; ok && n <= r.Last-m+1 {
				r.First, r.NameFirst = m, m
				break
			}
		}
	}
}
