package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A name keeps one sense through a document: once the text shows what a
// name is in one place, every other mention of it is read the same way.
// A name quoted as a title (“Australia”, “New Moon”) is a film or a book
// wherever it stands; a name written after a ship's prefix ("INS
// Mysore") is the ship also when "the Mysore" stands alone; a plural
// that takes "the" ("the Saints", "the Red Sox") is a team or a group,
// not a family name; an abbreviation used as a common noun ("a DWI",
// "two DWIs", "driving while intoxicated (DWI)") names no organisation.

// discourse holds what the whole document says about its names.
type discourse struct {
	keys     []string           // lookup key of each run, whole, once asked for (see key)
	titles   map[string]bool    // keys of names quoted as titles
	vessels  map[string]bool    // keys of ships' names
	groups   map[string]bool    // last keys of plural names that take "the"
	takesThe map[string]bool    // keys of names written after "the" ("the Red Sox")
	common   map[string]bool    // keys of abbreviations used as common nouns
	placeKey map[string]bool    // keys of one-word names typed place
	heads    map[string]bool    // keys of the opening words of places' and organisations' names
	lower    map[string]bool    // keys of one-word names the document also writes in lower case
	alone    map[string]bool    // keys of one-word names that speak or are described ("Jordan, who …"; speaksAlone)
	expands  map[string]nameRun // abbreviations and the name they stand for ("IRTC": Internationally Recognised Transit Corridor)
	names    map[string]bool    // keys of the runs that name something (namesRun)
	told     []int32            // tokens of one-word names a statement is made to (toldAlone)
	single   []bool             // by word number (analysis.wordID): a one-word name stands alone (standsAlone)
}

// key is the lookup key of run ri, worked out once and only when asked
// for: most runs need none.
func (d *discourse) key(a *analysis, ri int) string {
	if d.keys[ri] == "" {
		r := a.runs[ri]
		d.keys[ri] = runKey(a.toks, r.First, r.Last)
	}
	return d.keys[ri]
}

// speaksAlone reports whether a one-word name of key k is a source of
// speech somewhere in the document, or is followed by "who" or "whose"
// ("Jordan, who …", "Jordan -- who …"). The keys are gathered on the
// first question, in one pass over the runs.
func (d *discourse) speaksAlone(a *analysis, sources map[int]bool, k string) bool {
	if d.alone == nil {
		d.alone = map[string]bool{}
		for ri, s := range a.runs {
			if s.First != s.Last {
				continue
			}
			n := s.Last + 1
			if sources[ri] || n < len(a.toks) && (a.toks[n].Key == "who" || a.toks[n].Key == "whose") && strings.Trim(gap(a.text, a.toks, n), " ,-—–") == "" {
				d.alone[a.toks[s.First].Key] = true
			}
		}
	}
	return d.alone[k]
}

// namesRun reports whether a run of more than one word that is not
// marked as no name has the key k ("summit entertainment"). The keys are
// gathered on the first question only: most documents never ask it.
func (d *discourse) namesRun(a *analysis, k string) bool {
	if d.names == nil {
		d.names = map[string]bool{}
		for ri, r := range a.runs {
			if !r.None && r.First < r.Last {
				d.names[d.key(a, ri)] = true
			}
		}
	}
	return d.names[k]
}

// standsAlone reports whether the word of token i is a one-word run of
// its own somewhere in the document, not marked as no name nor followed
// by "and" ("Reid told People"; not "Fish" of "Fish and Wildlife or
// …"). The runs are gathered on the first question, by word number.
func (d *discourse) standsAlone(a *analysis, i int) bool {
	if d.single == nil {
		d.single = sized(a.scratch.single, a.words)
		clear(d.single)
		a.scratch.single = d.single
		for _, r := range a.runs {
			if r.First == r.Last && !r.None && (r.Last+1 >= len(a.toks) || a.toks[r.Last+1].Key != "and") {
				d.single[a.wordID[r.First]] = true
			}
		}
	}
	return d.single[a.wordID[i]]
}

// toldAlone reports whether the document makes a statement to the word
// of token i standing alone as a name: after "told" or "tells", or after
// "to" that follows a cue verb or a saying noun ("confirmed to Access",
// "a statement to Access"). readDiscourse gathers those names (toldTo);
// most documents have none.
func (d *discourse) toldAlone(a *analysis, i int) bool {
	for _, t := range d.told {
		if a.wordID[t] == a.wordID[i] {
			return true
		}
	}
	return false
}

// toldTo reports whether a one-word run r stands where a statement is
// made to it (see toldAlone).
func (a *analysis) toldTo(r nameRun) bool {
	f := r.First
	if r.None || f != r.Last || f < 2 {
		return false
	}
	p := a.toks[f-1].Key
	if p != "told" && p != "tells" && p != "to" || !isBlank(gap(a.text, a.toks, f)) {
		return false
	}
	return p != "to" || isBlank(gap(a.text, a.toks, f-1)) && a.is(f-2, wcCueVerb|wcSayingNoun)
}

// writtenLower reports whether the document writes the key of a one-word
// name in lower case too ("fire" besides "Fire"). The keys are gathered
// on the first question only: most documents never ask it.
func (d *discourse) writtenLower(a *analysis, k string) bool {
	if d.lower == nil {
		single := make([]bool, a.words) // by the document's number of a key (analysis.wordID)
		for _, r := range a.runs {
			if r.First == r.Last {
				single[a.wordID[r.First]] = true
			}
		}
		d.lower = map[string]bool{}
		for i, t := range a.toks {
			if c := a.text[t.Begin]; (c < 'A' || c > 'Z') && single[a.wordID[i]] && !isUpperStart(a.text[t.Begin:t.End]) {
				d.lower[t.Key] = true
			}
		}
	}
	return d.lower[k]
}

// opensName reports whether a key is the opening words of a place's or
// an organisation's name in the document ("betty ford" of "Betty Ford
// Center").
func (d *discourse) opensName(k string) bool { return d.heads[k] }

// vesselNouns stand before a ship's name ("the warship Mysore").
var vesselNouns = set(`ship warship destroyer frigate corvette cruiser vessel tanker freighter carrier
	submarine yacht liner ferry trawler dhow tug`)

// commonAbbreviations are abbreviations of common nouns that news writes
// in capitals: charges, vehicles, treatments, statistics, time zones,
// substances, roles (a public relations officer, "PRO").
// None names an organisation.
var commonAbbreviations = set(`dwi dui owi ovi bac suv suvs atv rv cpr icu er emt ems rbi rbis era
	swat tko ko mph kph ist bst edt est cst pst gmt ied rpg awol mia pow sos hiv aids ptsd adhd atm
	pin gps faq diy ok aka asap rip fyi lol ppr qb rb wr te ot ddt pcb pcbs thc lsd mdma
	pro pros`)

func (a *analysis) readDiscourse() *discourse {
	d := &discourse{titles: map[string]bool{}, vessels: map[string]bool{}, groups: map[string]bool{}, takesThe: map[string]bool{},
		common: map[string]bool{}, placeKey: map[string]bool{}, heads: map[string]bool{}, expands: map[string]nameRun{}}
	d.keys = sized(a.scratch.runKeys, len(a.runs))
	clear(d.keys)
	a.scratch.runKeys = d.keys
	for ri, r := range a.runs {
		if r.NameFirst > r.Last && !r.None {
			continue
		}
		if a.quotedTitle(r) || a.markedAsTitle(r) || a.afterWorkNoun(r) {
			d.titles[d.key(a, ri)] = true
		}
		// "INS Mysore", "MV Gibe": the name after the prefix is the ship.
		for m := r.First; m < r.Last; m++ {
			if a.is(m, wcVesselPrefix) {
				d.vessels[runKey(a.toks, m+1, r.Last)] = true
				d.vessels[d.key(a, ri)] = true
			}
		}
		if r.First > 0 && a.is(r.First-1, wcVesselNoun) && isBlank(gap(a.text, a.toks, r.First)) {
			d.vessels[d.key(a, ri)] = true
		}
		last := a.toks[r.Last].Key
		if r.First > 0 && a.toks[r.First-1].Key == "the" && r.NameFirst == r.First && isBlank(gap(a.text, a.toks, r.First)) {
			d.takesThe[d.key(a, ri)] = true
			if strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") {
				d.groups[last] = true
			}
		}
		if r.Type == Place && r.First == r.Last {
			d.placeKey[d.key(a, ri)] = true
		}
		if r.First == r.Last && a.toldTo(r) {
			d.told = append(d.told, int32(r.First))
		}
		if (r.Type == Place || r.Type == Org) && r.Last-r.First >= 2 {
			for m := r.First + 1; m < r.Last; m++ {
				d.heads[runKey(a.toks, r.First, m)] = true
			}
		}
	}
	// Abbreviations used as common nouns: after "a", "an" or a number,
	// in the plural, or spelled out in lower case before them
	// ("driving while intoxicated (DWI)").
	for i, t := range a.toks {
		w := a.text[t.Begin:t.End]
		// Most words are not in capitals: their second letter says so.
		if len(w) < 2 || w[1] >= 'a' && w[1] <= 'z' || !isAllCaps(w) {
			continue
		}
		if a.spelledOutBefore(i) {
			d.common[t.Key] = true
		}
		if r, ok := a.abbreviatedRun(i); ok {
			d.expands[t.Key] = r
		}
		// "a DWI.", "an SUV and", "2 RBI": a count of things; "an NBA
		// team" and "1010 WINS" are no such count.
		if i > 0 && (a.toks[i-1].Key == "a" || a.toks[i-1].Key == "an" || isNumber(a.toks[i-1].Key) && len(a.toks[i-1].Key) < 4) && a.endsPhrase(i) {
			d.common[t.Key] = true
		}
		if strings.HasSuffix(w, "s") && len(w) > 2 && isAllCaps(w[:len(w)-1]) {
			d.common[t.Key[:len(t.Key)-1]] = true
		}
	}
	return d
}

// markedAsTitle reports whether quotation marks stand right around a
// name (“Australia.”, "Australia ”), a title even where the marks are of
// two styles and do not pair.
func (a *analysis) markedAsTitle(r nameRun) bool {
	b, e := a.toks[r.First].Begin, a.toks[r.Last].End
	before := trimRightBytes(a.text[max(0, b-4):b], " ")
	after := trimLeftBytes(a.text[e:min(len(a.text), e+6)], " .,!?")
	opens := strings.HasSuffix(before, "\"") || strings.HasSuffix(before, "“")
	closes := strings.HasPrefix(after, "''") || strings.HasPrefix(after, "\"") || strings.HasPrefix(after, "”")
	// Headlines quote titles in single marks ('Catching Fire').
	// "the "America's Most Wanted" show": a short quotation the name
	// opens.
	if opens && !closes {
		rest := a.text[e:min(len(a.text), e+40)]
		if k := strings.IndexAny(rest, "\"”"); k >= 0 && !strings.ContainsAny(rest[:k], ".!?;\n") && countFields(rest[:k], 4) <= 3 {
			closes = true
		}
	}
	return opens && closes || a.singleQuoted(b, e)
}

// abbreviatedRun finds the name an abbreviation at token i stands for:
// the run right before its bracket, or in brackets right after it, whose
// words' initials it spells ("Internationally Recognised Transit Corridor
// (IRTC)").
func (a *analysis) abbreviatedRun(i int) (nameRun, bool) {
	var r nameRun
	switch {
	case i > 0 && strings.TrimSpace(gap(a.text, a.toks, i)) == "(" && a.runAt[i-1] >= 0 && a.runs[a.runAt[i-1]].Last == i-1:
		r = a.runs[a.runAt[i-1]]
	case i+2 < len(a.toks) && strings.TrimSpace(gap(a.text, a.toks, i+1)) == "(" && (a.runAt[i+1] >= 0 || a.runAt[i+2] >= 0):
		// "IRTC (Internationally Recognised Transit Corridor)"
		if r = a.runs[max(a.runAt[i+1], a.runAt[i+2])]; r.First > i+2 {
			return nameRun{}, false
		}
	default:
		return nameRun{}, false
	}
	var initials []byte
	for m := r.First; m <= r.Last; m++ {
		if k := a.toks[m].Key; !functionWords[k] && !nameParticles[k] && k != "and" {
			initials = append(initials, k[0])
		}
	}
	k := a.toks[i].Key
	in := string(initials)
	// An opening word may be left out of the run or of the letters
	// ("Internationally" before "Recognised Transit Corridor").
	return r, len(in) >= 2 && (strings.HasSuffix(in, k) || strings.HasSuffix(k, in)) && len(k)-len(in) <= 1 && len(in)-len(k) <= 1
}

// singleQuoted reports whether single quotation marks stand right
// around text[b:e] ('Catching Fire' in a headline), not apostrophes: the
// opening mark follows a space, a bracket or the start, the closing one
// is followed by no letter ("players' NCAA's" is no title).
func (a *analysis) singleQuoted(b, e int) bool {
	open := func(r rune) bool { return r == '\'' || r == '‘' }
	o, n := utf8.DecodeLastRuneInString(a.text[:b])
	if !open(o) {
		return false
	}
	if p, _ := utf8.DecodeLastRuneInString(a.text[:b-n]); b-n > 0 && !unicode.IsSpace(p) && p != '(' && p != '"' {
		return false
	}
	c, m := utf8.DecodeRuneInString(a.text[e:])
	if c != '\'' && c != '’' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(a.text[e+m:])
	return e+m >= len(a.text) || !unicode.IsLetter(next)
}

// workNouns name a kind of work whose title may follow ("the film
// Australia", "the sequel, Catching Fire").
var workNouns = set(`film films movie movies novel novels book books sequel sequels prequel album song
	drama comedy musical opera documentary adaptation franchise trilogy episode podcast painting
	sculpture poem`)

// adaptationNouns name a work made of another ("the adaptation of
// Catching Fire").
var adaptationNouns = set(`adaptation sequel prequel remake`)

// starringVerbs tell of a part played in a work ("starred in American
// Pie").
var starringVerbs = set(`star stars starred starring costar costars costarred costarring`)

// afterWorkNoun reports whether a run follows a noun naming a kind of
// work, with or without a comma, or a verb of playing a part and "in":
// it is the work's title.
func (a *analysis) afterWorkNoun(r nameRun) bool {
	if r.First > 1 && a.toks[r.First-1].Key == "of" && adaptationNouns[a.toks[r.First-2].Key] {
		return true // "the adaptation of Catching Fire"
	}
	// "has starred in American Pie", but "starred in London" is where.
	if r.First > 1 && a.toks[r.First-1].Key == "in" && starringVerbs[a.toks[r.First-2].Key] && a.gaz.LookupSpan(a.text, a.toks, r.First, r.Last) == nil {
		return true
	}
	if r.First == 0 || !a.is(r.First-1, wcWorkNoun) {
		return false
	}
	g := gap(a.text, a.toks, r.First)
	return isBlank(g) || g == ", "
}

// isNumber reports whether a key is made of digits.
func isNumber(k string) bool { return k != "" && digits(k) == len(k) }

// endsPhrase reports whether token i ends its noun phrase: punctuation,
// a function word or a preposition follows it, or nothing does.
func (a *analysis) endsPhrase(i int) bool {
	if i+1 >= len(a.toks) || strings.TrimSpace(gap(a.text, a.toks, i+1)) != "" {
		return true
	}
	k := a.toks[i+1].Key
	return functionWords[k] || prepositions[k] || k == "and" || k == "or"
}

// spelledOutBefore reports whether the abbreviation at token i stands in
// brackets right after the lower-case words it abbreviates ("driving
// while intoxicated (DWI)").
func (a *analysis) spelledOutBefore(i int) bool {
	k := a.toks[i].Key
	n := len(k)
	if n < 2 || i < n || strings.TrimSpace(gap(a.text, a.toks, i)) != "(" {
		return false
	}
	for m := 0; m < n; m++ {
		t := a.toks[i-n+m]
		w := a.text[t.Begin:t.End]
		if isUpperStart(w) || !unicode.IsLetter(rune(w[0])) || t.Key[0] != k[m] {
			return false
		}
	}
	return true
}

// commonWord reports whether a one-word run in capitals is an
// abbreviation of a common noun.
func (d *discourse) commonWord(a *analysis, r nameRun) bool {
	// The name proper, after any titles ("Defence PRO").
	if r.NameFirst != r.Last {
		return false
	}
	w := a.text[a.toks[r.Last].Begin:a.toks[r.Last].End]
	if !isAllCaps(w) {
		return false
	}
	k := a.toks[r.Last].Key
	return commonAbbreviations[k] || d.common[k]
}

// trimLeftBytes is strings.TrimLeft(s, cut) for a cut set of ASCII
// bytes, without building the set for each call.
func trimLeftBytes(s, cut string) string {
	for len(s) > 0 && strings.IndexByte(cut, s[0]) >= 0 {
		s = s[1:]
	}
	return s
}

// trimRightBytes is strings.TrimRight(s, cut) for a cut set of ASCII
// bytes.
func trimRightBytes(s, cut string) string {
	for len(s) > 0 && strings.IndexByte(cut, s[len(s)-1]) >= 0 {
		s = s[:len(s)-1]
	}
	return s
}
