package extract

import (
	"sort"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
)

// Entity is a person, organisation or place with every mention of it in
// one document. Spellings, surnames and references ("he", "the expert")
// that resolve to it are its mentions too.
type Entity struct {
	ID       string     `json:"id"`   // type/key: stable across documents for the same entity
	Name     string     `json:"name"` // full or canonical name
	Type     EntityType `json:"type"`
	Roles    []string   `json:"roles,omitempty"`
	Link     string     `json:"link,omitempty"` // the gazetteer entry a place or organisation is linked to
	Mentions []Mention  `json:"mentions"`
}

// Mention is one place an entity is named or referred to.
type Mention struct {
	doc.Span
	Text      string `json:"text"`
	Reference bool   `json:"reference,omitempty"` // a pronoun or role noun resolved to the entity
}

// EntityID is the id of an entity of type t with the given name: names
// that fold to one transliteration skeleton share an id when the
// gazetteer knows them, and otherwise their folded spelling decides.
func EntityID(t EntityType, name string) string {
	b := make([]byte, 0, len(t)+1+len(name))
	return appendNameKey(append(append(b, t...), '/'), name)
}

// entities groups the document's names and resolved references.
func (a *analysis) entities() []Entity {
	byID := map[string]*Entity{}
	ids := map[idKey]string{}
	var order []string
	add := func(t EntityType, name, id, link string, m Mention, roles []string) {
		if name == "" {
			return
		}
		if id == "" {
			// Most entities are mentioned many times: their id is
			// worked out once.
			ck := idKey{t, name}
			if id = ids[ck]; id == "" {
				id = EntityID(t, name)
				ids[ck] = id
			}
		}
		e := byID[id]
		if e == nil {
			e = &Entity{ID: id, Name: name, Type: t, Link: link}
			byID[id] = e
			order = append(order, id)
		}
		e.Mentions = append(e.Mentions, m)
		for _, r := range roles {
			if !contains(e.Roles, r) {
				e.Roles = append(e.Roles, r)
			}
		}
	}
	sources := map[int]bool{}
	for _, at := range a.attrs {
		if at.Src.Kind == srcName {
			sources[at.Src.Run] = true
		}
	}
	alone := &aloneNames{a: a}
	referred := map[string]bool{}
	for _, at := range a.attrs {
		if at.Src.Kind == srcPronoun || at.Src.Kind == srcRole {
			referred[at.Src.Name] = true
		}
	}
	d := a.readDiscourse()
	links := a.placeLinks()
	// A person's name the text does not treat as one is dropped, and so
	// is every surname resolved to it ("Sox" to "Red Sox").
	rejected, accepted := map[string]bool{}, map[string]bool{}
	var placeSurnames map[string]string // a surname that is a place's name → the person kept
	keep := make([]bool, len(a.runs))
	for ri, r := range a.runs {
		keep[ri] = a.namesEntity(ri, r, d, sources, alone, referred)
		if r.Type == Person && r.NameFirst < r.Last {
			if keep[ri] {
				accepted[r.Canonical] = true
				// A person's name kept though it ends in a place's
				// (placeSurname): the surname alone is that person.
				if k := a.toks[r.Last].Key; r.ByShape && a.gaz.Lookup(k) != nil {
					if placeSurnames == nil {
						placeSurnames = map[string]string{}
					}
					if old, ok := placeSurnames[k]; ok && old != r.Canonical {
						placeSurnames[k] = ""
					} else {
						placeSurnames[k] = r.Canonical
					}
				}
			} else {
				rejected[r.Canonical] = true
			}
		}
	}
	// "The Hollywood Reporter said …" … "The Reporter said": a name the
	// document types an organisation's is no person's, and a word
	// resolved to it as a surname is that organisation.
	var orgNames map[string]bool
	for _, r := range a.runs {
		// Only a name the document's people hold can be resolved to.
		if _, held := a.people.byForm[r.Canonical]; held && r.Type == Org && !accepted[r.Canonical] {
			if orgNames == nil {
				orgNames = map[string]bool{}
			}
			orgNames[r.Canonical] = true
		}
	}
	var orgs orgPrefixes // openings of the organisations' names, gathered when first asked for
	for ri, r := range a.runs {
		if !keep[ri] || r.Type == Person && r.NameFirst == r.Last && rejected[r.Canonical] && !accepted[r.Canonical] {
			continue
		}
		last := a.toks[r.Last].Key
		t := r.Type
		// "Access Hollywood has confirmed" … "confirmed to Access": two
		// words typed a person by their shape that speak, whose first word
		// the text makes statements to on its own and whose last it never
		// uses alone, are an outlet's name: people go by their surnames.
		if t == Person && r.ByShape && r.NameFirst == r.First && r.Last == r.First+1 && len(d.told) > 0 && d.toldAlone(a, r.First) && sources[ri] && !d.standsAlone(a, r.Last) {
			t = Org
		}
		// "in the Dubai Media City": a body's words before "City" name a
		// district, a place.
		if t == Org && last == "city" && hasClass(a.class, r.NameFirst, r.Last-1, wcOrgWord|wcOrgHead) && a.gaz.LookupSpan(a.text, a.toks, r.NameFirst, r.Last) == nil {
			t = Place
		}
		// "Raj Chohan, 59, of College Point": a body's words after an age
		// and "of" name a place, left unlinked.
		if t == Org && r.First >= 3 && a.toks[r.First-1].Key == "of" && a.hometown(r) && a.gaz.LookupSpan(a.text, a.toks, r.NameFirst, r.Last) == nil {
			t = Place
		}
		// "at Betty Ford" where the document names the Betty Ford Center:
		// a name that opens a place's or organisation's name, with no
		// title or role of its own, is short for it.
		if t == Person && len(r.Roles) == 0 && !sources[ri] && d.opensName(runKey(a.toks, r.NameFirst, r.Last)) {
			continue
		}
		if t == Person && d.groups[last] && r.NameFirst == r.First {
			continue // "the Saints" resolved to a full name is still the team
		}
		if t == Unknown {
			// A name that speaks but is no person is an organisation
			// (an outlet, a ministry); other unknown words are left out.
			if !sources[ri] {
				continue
			}
			t = Org
		}
		name := r.Canonical
		if name == "" {
			continue
		}
		if t == Person && r.NameFirst == r.Last && orgNames[name] {
			t = Org
		}
		// "outside West Coast bank" where the document names the West
		// Coast Bank: a name that a lower-case word makes the opening of
		// an organisation's name the document gives is that organisation.
		if (t == Place || t == Person) && r.NameFirst == r.First && len(r.Roles) == 0 && !sources[ri] {
			if orgs == nil {
				orgs = a.newOrgPrefixes(keep)
			}
			if org := a.orgContinued(r, orgs); org != "" {
				t, name = Org, org
			} else if org := a.orgPremises(r, orgs); org != "" {
				t, name = Org, org
			}
		}
		id, link := "", ""
		if t == Place && r.First == r.Last {
			// A surname of a person the document names in full is that
			// person, not the country or town of the same name ("Eddie
			// Jordan" … "Jordan").
			if full := a.people.resolveTitled(a.text[a.toks[r.First].Begin:a.toks[r.First].End]); full != "" {
				t, name = Person, full
			} else if full := placeSurnames[last]; full != "" {
				t, name = Person, full
			}
		}
		if e, ok := links[ri]; ok && t == Place {
			switch {
			case e == nil:
				name = r.proper(a.text, a.toks)
			case e != a.gaz.Lookup(e.key()):
				name, link = e.Name, e.ID
				id = EntityID(Place, e.Name) + "/" + strings.ToLower(e.Country)
			default:
				name, link = e.Name, e.ID
			}
		} else if t == Org && r.NameFirst <= r.Last {
			if e := a.gaz.LookupSpan(a.text, a.toks, r.NameFirst, r.Last); e != nil && e.Type == Org {
				link = e.ID
			}
		}
		b := a.toks[r.NameFirst].Begin
		if t != Person {
			b = a.toks[r.First].Begin
		}
		e := a.toks[r.Last].End
		add(t, name, id, link, Mention{Span: doc.Span{Begin: b, End: e}, Text: a.text[b:e]}, r.Roles)
	}
	for _, at := range a.attrs {
		// A pronoun resolved to a name that is no person's ("her" to
		// "American Pie") refers to no entity.
		if rejected[at.Src.Name] && !accepted[at.Src.Name] || orgNames[at.Src.Name] {
			continue
		}
		if (at.Src.Kind == srcPronoun || at.Src.Kind == srcRole) && at.Src.Name != "" {
			sp := at.Src.Span
			add(Person, at.Src.Name, "", "", Mention{Span: sp, Text: a.text[sp.Begin:sp.End], Reference: true}, nil)
		}
	}
	out := make([]Entity, 0, len(order))
	for _, id := range order {
		e := byID[id]
		sort.Slice(e.Mentions, func(i, j int) bool { return e.Mentions[i].Begin < e.Mentions[j].Begin })
		out = append(out, *e)
	}
	return out
}

// idKey is an entity's type and name, for the ids worked out already.
type idKey struct {
	t    EntityType
	name string
}

// namesEntity reports whether run ri names an entity, by its form and by
// what the whole document says about it.
func (a *analysis) namesEntity(ri int, r nameRun, d *discourse, sources map[int]bool, alone *aloneNames, referred map[string]bool) bool {
	if r.None {
		return false
	}
	// A film's, a book's or a ship's name, wherever it stands.
	if len(d.titles)+len(d.vessels) > 0 && (d.titles[d.key(a, ri)] || d.vessels[d.key(a, ri)] || r.NameFirst <= r.Last && d.vessels[runKey(a.toks, r.NameFirst, r.Last)]) {
		return false
	}
	if d.commonWord(a, r) || !sources[ri] && a.shouted(r) || a.headingInCapitals(r) {
		return false
	}
	// An abbreviation is what the name it abbreviates is: "IRTC" of the
	// Internationally Recognised Transit Corridor is no organisation.
	if x, ok := d.expands[a.toks[r.First].Key]; ok && r.First == r.Last && (x.None || x.Type != r.Type && x.Type != Unknown) {
		return false
	}
	// "Pop-Culture Revival Page": a run hyphened to a word before it is
	// the tail of a compound, not a name.
	if r.First > 0 && gap(a.text, a.toks, r.First) == "-" {
		return false
	}
	// "Maria Dulce - Valencia, 27": a place's name hyphened to a person's
	// name is the second part of a double surname.
	if r.Type == Place && r.First == r.Last && r.First > 0 && strings.TrimSpace(gap(a.text, a.toks, r.First)) == "-" {
		if p := a.runAt[r.First-1]; p >= 0 && a.runs[p].Type == Person && a.runs[p].Last == r.First-1 && a.runs[p].NameFirst < a.runs[p].Last {
			return false
		}
	}
	// "Klitschko-Haye", "Hapag-Lloyd": words joined by hyphens alone
	// are a bout, a firm or a double surname without the given name, not
	// a person's full name.
	if r.ByShape && hyphenedOnly(a.text, a.toks, r.NameFirst, r.Last) {
		return false
	}
	// "All-Defensive Team", "All - Star Game": an honour, not a name
	// (but "All - Star Chris Webber" is a person with a title); "the
	// Delhi-class destroyer": a class of ships or vehicles.
	if r.First > 0 && r.NameFirst == r.First && a.toks[r.First-1].Key == "all" && strings.TrimSpace(gap(a.text, a.toks, r.First)) == "-" ||
		r.Last+1 < len(a.toks) && a.toks[r.Last+1].Key == "class" && strings.TrimSpace(gap(a.text, a.toks, r.Last+1)) == "-" {
		return false
	}
	// "trashed a Rite Aid", "a Coast Mountain bus": after "a" or "an" two
	// capitalised words are a brand, a shop or a kind, not a person.
	if r.ByShape && r.NameFirst == r.First && r.First > 0 && (a.toks[r.First-1].Key == "a" || a.toks[r.First-1].Key == "an") && isBlank(gap(a.text, a.toks, r.First)) {
		return false
	}
	// "a Variety or Music Program": after an article, a capitalised word
	// and "or", the run is the second half of a category sharing its
	// head, not a body's name.
	if r.Type == Org && r.First >= 3 && a.toks[r.First-1].Key == "or" && a.sharedHead(r) {
		return false
	}
	// "Cinnaminson (N.J.) High School": a body's name after a town and
	// its state in brackets is cut from the town's name.
	if r.Type == Org && r.First >= 2 && strings.IndexByte(gap(a.text, a.toks, r.First), ')') >= 0 && a.afterBracketedState(r) {
		return false
	}
	// "SOURCE Summit Entertainment": a word in capitals of five letters or
	// more run into words in title case that the document names on their
	// own is a label before that name.
	if r.NameFirst == r.First && r.First+1 < r.Last && len(a.toks[r.First].Key) >= 5 && a.toks[r.First].End-a.toks[r.First].Begin >= 5 && isUpperByte(a.text[a.toks[r.First].Begin+1]) && isAllCaps(a.text[a.toks[r.First].Begin:a.toks[r.First].End]) &&
		!isAllCaps(a.text[a.toks[r.First+1].Begin:a.toks[r.First+1].End]) && d.namesRun(a, runKey(a.toks, r.First+1, r.Last)) {
		return false
	}
	last := a.toks[r.Last].Key
	// "$ US1 million": letters run into a number after a currency sign
	// are an amount; "the license plate BEY 0843": a plate's letters.
	if r.First == r.Last && r.First > 0 && (isDigit(last[len(last)-1]) && strings.ContainsAny(gap(a.text, a.toks, r.First), "$€£¥") ||
		(a.toks[r.First-1].Key == "plate" || a.toks[r.First-1].Key == "plates") && isAllCaps(a.text[a.toks[r.First].Begin:a.toks[r.First].End])) {
		return false
	}
	// "played for Saint Joseph's, …": a saint's name in the possessive
	// that ends its phrase names a school, a church or a hospital, not
	// the saint ("Saint Joseph's feast" stays the saint).
	if r.Type == Person && r.NameFirst == r.Last && r.NameFirst > r.First && (a.toks[r.First].Key == "saint" || a.toks[r.First].Key == "st") && a.saintsInstitution(r) {
		return false
	}
	// "the Perennial Party Girl": a body's word before a word for a
	// person makes a nickname; "(CNN News Article)": a word for a piece
	// of a page after a name is a label, not part of it.
	if r.Type == Org && r.Last > r.First && noBodyEnd(last) {
		return false
	}
	// "confirmed to People and Us Weekly" where the text names People
	// on its own ("Reid told People"): a one-word name the document gives
	// alone before "and" makes the run two names, not one.
	if r.Type == Org && r.NameFirst == r.First && a.joinsNamedPart(r, d) {
		return false
	}
	// "A Coast Mountain bus": after "a" or "an", a place's name the
	// gazetteer does not know before a vehicle is its operator's, a firm.
	if r.Type == Place && r.NameFirst == r.First && r.First > 0 && (a.toks[r.First-1].Key == "a" || a.toks[r.First-1].Key == "an") &&
		r.Last+1 < len(a.toks) && vehicleNoun(a.toks[r.Last+1].Key) && isBlank(gap(a.text, a.toks, r.Last+1)) && a.gaz.LookupSpan(a.text, a.toks, r.First, r.Last) == nil {
		return false
	}
	// "Multiple Special Circumstances Add'l Horrific Charges": a word
	// shortened with an apostrophe ("Add'l", "Nat'l") ends no person's
	// name.
	if r.Type == Person && a.toks[r.Last].End < len(a.text) && (a.text[a.toks[r.Last].End] == '\'' || a.text[a.toks[r.Last].End] == 0xE2) && shortenedAfter(a.text, a.toks, r.Last) {
		return false
	}
	// "Miss Pinup Girl of the World", "Mr Universe": a title a contest
	// gives, not a person's name.
	if r.Type == Person && r.NameFirst > r.First && (a.toks[r.First].Key == "miss" || a.toks[r.First].Key == "mr") && contestTitles[a.toks[r.Last].Key] {
		return false
	}
	// Two capitalised words are a person's name only if the text treats
	// them as one: it uses the surname alone, refers back to the name,
	// gives it speech, an age or a description. Otherwise they may as well
	// be a film, a team or a street ("American Pie", "New Orleans Saints",
	// "Rancho Mirage").
	// "Eddie Jordan (Washington)" … "Jordan, who …": a given name and a
	// surname that is a place's name are a person's when the name is
	// given a team or home, or the surname alone is a person's.
	if r.ByShape && a.gaz.Lookup(last) != nil && a.placeSurname(r, d, sources) {
		return true
	}
	if r.ByShape && !(sources[ri] || referred[r.Canonical] || a.describedAfter(r) || alone.has(last) && !d.writtenLower(a, last)) {
		return false
	}
	// Nor is a name a person's when the document writes it after "the"
	// ("the Red Sox", "the Grand Hotel du Cap"), when it is the title a
	// quotation gives ("“The Notorious Bettie Page”", "the “American Pie”
	// star"), is a plural the document writes after "the" ("the Saints"),
	// or ends in a place ("Waitrose Wellington", "Earthquake Jolts Iran").
	if r.ByShape && (len(d.takesThe) > 0 && d.takesThe[d.key(a, ri)] || a.quotedTitle(r) || d.groups[last] || a.gaz.Lookup(last) != nil || residents(last)) {
		return false
	}
	// "John Paul Fraser of National Public Relations": after a person's
	// name and "of" stands where the person works or comes from.
	if r.ByShape && a.ofPerson(r) {
		return false
	}
	// "The Seismological network": a capitalised adjective is no name.
	if r.First == r.Last && r.Type == Org && !sources[ri] && (strings.HasSuffix(last, "ical") || strings.HasSuffix(last, "ological")) && !isAllCaps(a.text[a.toks[r.First].Begin:a.toks[r.First].End]) {
		return false
	}
	return r.Type != Unknown || sources[ri]
}

// sharedHead reports whether an organisation's run of two words or more
// ending in a body's head follows an article, one capitalised word that
// is no body's word and "or" ("a Variety or Music Program"): both words
// qualify the head, which names a kind of thing, not one body.
func (a *analysis) sharedHead(r nameRun) bool {
	f := r.First
	if f < 3 || r.NameFirst != f || r.Last == f || !a.is(r.Last, wcOrgHead) || a.toks[f-1].Key != "or" {
		return false
	}
	w := f - 2
	if !isBlank(gap(a.text, a.toks, f)) || !isBlank(gap(a.text, a.toks, f-1)) || !isBlank(gap(a.text, a.toks, w)) {
		return false
	}
	if k := a.toks[w-1].Key; k != "a" && k != "an" && k != "the" {
		return false
	}
	return isUpperStart(a.text[a.toks[w].Begin:a.toks[w].End]) && !a.is(w, wcOrgWord|wcOrgHead)
}

// afterBracketedState reports whether a run follows a capitalised word
// and a state in brackets ("Cinnaminson (N.J.) High School", "Salem
// (Oregon) Police"): the town's name opens the body's, so the run is a
// cut name.
func (a *analysis) afterBracketedState(r nameRun) bool {
	f := r.First
	if f < 2 || strings.TrimLeft(strings.TrimSpace(gap(a.text, a.toks, f)), ".") != ")" {
		return false
	}
	for k := f - 1; k >= 1 && k >= f-3; k-- {
		switch strings.TrimSpace(gap(a.text, a.toks, k)) {
		case "", ".":
			continue
		case "(":
			inside := strings.NewReplacer(".", "", " ", "").Replace(strings.ToLower(a.text[a.toks[k].Begin:a.toks[f-1].End]))
			state := usStateAbbreviations[inside]
			if !state {
				e := a.gaz.LookupSpan(a.text, a.toks, k, f-1)
				state = e != nil && e.Type == Place && (e.Kind == "region" || e.Kind == "country")
			}
			return state && a.tokSent[k-1] == a.tokSent[f] && isUpperStart(a.text[a.toks[k-1].Begin:a.toks[k-1].End])
		default:
			return false
		}
	}
	return false
}

// orgPrefixes are the lookup keys of the first two to six words of
// the organisations' names a document keeps, each with the name.
type orgPrefixes map[string]string

// newOrgPrefixes gathers the openings of the kept organisations' names.
func (a *analysis) newOrgPrefixes(keep []bool) orgPrefixes {
	p := orgPrefixes{}
	for oi, o := range a.runs {
		if !keep[oi] || o.Type != Org || o.Canonical == "" {
			continue
		}
		for e := o.First + 1; e <= o.Last && e < o.First+6; e++ {
			if k := runKey(a.toks, o.First, e); p[k] == "" {
				p[k] = o.Canonical
			}
		}
	}
	return p
}

// orgContinued is the name of the organisation a kept run of the
// document names when the words of r and the lower-case word after it
// open it ("West Coast bank" for "West Coast Bank"), else "".
func (a *analysis) orgContinued(r nameRun, orgs orgPrefixes) string {
	n := r.Last + 1
	if len(orgs) == 0 || n >= len(a.toks) || n-r.First >= 6 || !isBlank(gap(a.text, a.toks, n)) {
		return ""
	}
	if c := a.text[a.toks[n].Begin]; c < 'a' || c > 'z' {
		return ""
	}
	return orgs[runKey(a.toks, r.First, n)]
}

// premisesNoun reports whether a word names a body's premises after its
// name ("the West Coast office"); a switch, not a map: it is asked after
// most names.
func premisesNoun(k string) bool {
	switch k {
	case "office", "offices", "branch", "branches":
		return true
	}
	return false
}

// orgPremises is the name of the organisation a kept run of the document
// names when it is the words of r and one word more, and r is followed
// by a lower-case word for a body's premises ("the nearby West Coast
// office" of the West Coast Bank; not "the Hennepin County office" of
// the Hennepin County Medical Center), else "".
func (a *analysis) orgPremises(r nameRun, orgs orgPrefixes) string {
	n := r.Last + 1
	if len(orgs) == 0 || n >= len(a.toks) || n-r.First >= 6 || !premisesNoun(a.toks[n].Key) || !isBlank(gap(a.text, a.toks, n)) {
		return ""
	}
	if c := a.text[a.toks[n].Begin]; c < 'a' || c > 'z' {
		return ""
	}
	org := orgs[runKey(a.toks, r.First, r.Last)]
	if strings.Count(org, " ") != n-r.First {
		return ""
	}
	return org
}

// saintsInstitution reports whether the name of run r is followed by a
// possessive that ends its phrase: punctuation, a function word or
// nothing after it ("played for Saint Joseph's, …").
func (a *analysis) saintsInstitution(r nameRun) bool {
	n := r.Last + 1
	if n >= len(a.toks) || a.toks[n].Key != "s" {
		return false
	}
	if g := gap(a.text, a.toks, n); g != "'" && g != "’" {
		return false
	}
	n++
	return n >= len(a.toks) || !isBlank(gap(a.text, a.toks, n)) || a.is(n, wcFunctionWord|wcPreposition)
}

// joinsNamedPart reports whether the one word of run r before an "and"
// inside it is a name the document gives as a run of its own.
func (a *analysis) joinsNamedPart(r nameRun, d *discourse) bool {
	return r.First+2 < r.Last && a.toks[r.First+1].Key == "and" && d.standsAlone(a, r.First)
}

// vehicleNoun reports whether a word is a vehicle that a firm's name
// stands before ("a Coast Mountain bus", "a Greyhound coach").
func vehicleNoun(k string) bool {
	switch k {
	case "bus", "buses", "coach", "train", "trains", "plane", "jet", "airliner", "flight", "ferry", "truck", "van":
		return true
	}
	return false
}

// shortenedAfter reports whether token i is followed by an apostrophe
// and lower-case letters other than a possessive's "s" ("Add'l",
// "Nat'l"): a word shortened, not a name's end.
func shortenedAfter(text string, toks []normalize.Token, i int) bool {
	e := toks[i].End
	if i+1 >= len(toks) || e >= len(text) || text[e] != '\'' && text[e] != 0xE2 {
		return false
	}
	n := toks[i+1]
	if n.Key == "s" || text[n.Begin] < 'a' || text[n.Begin] > 'z' {
		return false
	}
	g := text[e:n.Begin]
	return g == "'" || g == "’"
}

// isUpperByte reports whether a byte is an ASCII capital.
func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }

// isDigit reports whether a byte is an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// noBodyEnd reports whether a word ends no body's name: words for a
// person end a nickname ("the Perennial Party Girl"), words for a piece
// of a page a label after a name ("(CNN News Article)", "Fox News
// Video").
func noBodyEnd(k string) bool {
	switch k {
	case "girl", "girls", "boy", "boys", "woman", "women", "man", "men", "lady", "ladies", "guy", "guys",
		"article", "articles", "video", "videos", "photo", "photos", "gallery", "slideshow":
		return true
	}
	return false
}

// hometown reports whether a run follows a person's age and "of"
// ("Raj Chohan, 59, of College Point"), where the place the person lives
// stands, whatever its words say.
func (a *analysis) hometown(r nameRun) bool {
	f := r.First
	return f >= 3 && a.toks[f-1].Key == "of" && isBlank(gap(a.text, a.toks, f)) && strings.TrimSpace(gap(a.text, a.toks, f-1)) == "," &&
		isNumber(a.toks[f-2].Key) && len(a.toks[f-2].Key) <= 3 && strings.TrimSpace(gap(a.text, a.toks, f-2)) == ","
}

// contestTitles end the titles beauty and body contests give after "Miss"
// or "Mr" ("Miss Pinup Girl", "Mr Universe"); no person's name ends so.
var contestTitles = set(`girl boy woman man lady queen universe world`)

// placeSurname reports whether a run of two capitalised words whose
// second is a place's name is a person's: the first is no name the
// gazetteer knows nor a word the document writes in lower case, and the
// run is followed by a place in brackets or after "of" ("Eddie Jordan
// (Washington)", "Eddie Jordan of Washington"), or the surname alone
// speaks or is described ("Jordan, who …", "Jordan -- who …").
func (a *analysis) placeSurname(r nameRun, d *discourse, sources map[int]bool) bool {
	f := r.NameFirst
	if f != r.First || r.Last != f+1 || a.gaz.Lookup(a.toks[f].Key) != nil || isAllCaps(a.text[a.toks[f].Begin:a.toks[f].End]) || !isBlank(gap(a.text, a.toks, r.Last)) {
		return false
	}
	if a.lower.at(f) {
		return false // a word also written in lower case ("Visit Paris")
	}
	// placeAt: a place's run opens at token i.
	placeAt := func(i int) (nameRun, bool) {
		if i >= len(a.toks) || a.runAt[i] < 0 || a.runs[a.runAt[i]].First != i || a.runs[a.runAt[i]].Type != Place {
			return nameRun{}, false
		}
		return a.runs[a.runAt[i]], true
	}
	if n := r.Last + 1; n < len(a.toks) {
		if a.toks[n].Key == "of" && isBlank(gap(a.text, a.toks, n)) {
			if _, ok := placeAt(n + 1); ok {
				return true
			}
		}
		if p, ok := placeAt(n); ok && strings.TrimSpace(gap(a.text, a.toks, n)) == "(" && p.Last+1 < len(a.toks) && strings.HasPrefix(strings.TrimSpace(gap(a.text, a.toks, p.Last+1)), ")") {
			return true
		}
	}
	// The surname alone as a person's.
	return d.speaksAlone(a, sources, a.toks[r.Last].Key)
}

// shouted reports whether a one-word organisation's name in capitals is
// a word set in capitals: after a word of a heading in capitals ("ON
// DEADLINE: Live updates"), or a word too long for an abbreviation that
// runs on into lower-case words ("INITIAL results", "the TWILIGHT film
// franchise"). An outlet that ends its phrase ("tells PEOPLE.") and an
// organisation the gazetteer lists stay names.
func (a *analysis) shouted(r nameRun) bool {
	if r.First != r.Last || r.NameFirst != r.First || r.Type != Org && r.Type != Unknown {
		return false
	}
	i := r.First
	w := a.text[a.toks[i].Begin:a.toks[i].End]
	if !isAllCaps(w) {
		return false
	}
	if i > 0 && isBlank(gap(a.text, a.toks, i)) && a.is(i-1, wcFunctionWord|wcPreposition|wcDeterminer) && isAllCaps(a.text[a.toks[i-1].Begin:a.toks[i-1].End]) {
		return true
	}
	if len(w) < 6 || i+1 >= len(a.toks) || !isBlank(gap(a.text, a.toks, i+1)) || isUpperStart(a.text[a.toks[i+1].Begin:a.toks[i+1].End]) {
		return false
	}
	if c := a.text[a.toks[i+1].Begin]; c < 'a' || c > 'z' {
		return false // a number or a symbol
	}
	e := a.gaz.LookupSpan(a.text, a.toks, i, i)
	return e == nil || e.Type != Org
}

// headingInCapitals reports whether a run of several words ends in a
// function word set in capitals ("THREE PEOPLE HAVE DIED IN"), or opens
// with one that is no article ("BLOW TO GOVERNMENT"): a heading or a
// sentence in capitals, not a name.
func (a *analysis) headingInCapitals(r nameRun) bool {
	if r.First == r.Last {
		return false
	}
	caps := func(i int) bool { return isAllCaps(a.text[a.toks[i].Begin:a.toks[i].End]) }
	return caps(r.Last) && a.is(r.Last, wcFunctionWord) || caps(r.First) && a.is(r.First, wcFunctionWord) && !a.is(r.First, wcDeterminer)
}

// ofPerson reports whether a run follows "of" after a person's name.
func (a *analysis) ofPerson(r nameRun) bool {
	if r.First < 2 || a.toks[r.First-1].Key != "of" {
		return false
	}
	p := a.runAt[r.First-2]
	return p >= 0 && a.runs[p].Type == Person && a.runs[p].Last == r.First-2
}

// residents reports whether a word names the people of a place
// ("Brooklynites", "Angelenos"): no person's surname.
func residents(k string) bool {
	return len(k) > 6 && (strings.HasSuffix(k, "ites") || strings.HasSuffix(k, "ians") || strings.HasSuffix(k, "enos"))
}

// quotedTitle reports whether a name run fills most of a short
// quotation: the title of a film, a book or a song.
func (a *analysis) quotedTitle(r nameRun) bool {
	if !r.InQuote {
		return false
	}
	b := a.toks[r.First].Begin
	i := spansFrom(a.qspans, b)
	if i >= len(a.qspans) || a.qspans[i].Begin > b {
		return false
	}
	q := a.qspans[i]
	// The quotation's words are the document's tokens within it.
	return a.tokenFrom(q.End)-a.tokenFrom(q.Begin) <= r.Last-r.First+3
}

// describedAfter reports whether a name is followed by an age or a
// description of a person set off by a comma ("Raj Chohan, 59,", "Ann
// Oyler, a lawyer", "Tom Lee, who …"); "Body Dope, a line of hair-care
// products" is described as no person.
func (a *analysis) describedAfter(r nameRun) bool {
	n := r.Last + 1
	if n >= len(a.toks) || strings.TrimSpace(gap(a.text, a.toks, n)) != "," {
		return false
	}
	k := a.toks[n].Key
	switch {
	case digits(k) > 0 || k == "who" || k == "whose" || k == "his" || k == "her":
		return true
	case k == "a" || k == "an" || k == "the":
		for m := n + 1; m < len(a.toks) && m < n+7; m++ {
			w := a.toks[m].Key
			if roleNouns[w] || personNouns[w] || isTitle(w) {
				return true
			}
			if g := gap(a.text, a.toks, m); strings.ContainsAny(g, ",.;:") {
				break
			}
		}
	}
	return false
}

// personNouns describe a person by kin, age or place in life ("a
// mother of two", "the resident").
var personNouns = set(`man woman men women boy girl child mother father son daughter wife husband
	brother sister grandmother grandfather grandmother uncle aunt cousin nephew niece widow
	resident native student teenager teen friend neighbor neighbour worker employee colleague
	victim suspect defendant veteran retiree nurse teacher pastor player pitcher quarterback
	guard forward rookie boxer fighter climber actress actor singer comedian model star
	photographer partner receptionist clerk attorney manager owner agent protester demonstrator`)

func contains(list []string, s string) bool {
	k := normalize.Key(s)
	for _, x := range list {
		if normalize.Key(x) == k {
			return true
		}
	}
	return false
}

// aloneNames are the keys of one-word names, to tell a person's surname
// used alone; a place or an organisation the gazetteer knows is no
// surname ("Iran" does not make "Earthquake Jolts Iran" a person). They
// are gathered on the first question only: most documents never ask it.
type aloneNames struct {
	a    *analysis
	keys map[string]bool
}

func (n *aloneNames) has(k string) bool {
	if n.keys == nil {
		a := n.a
		// The scratch's map, emptied when the scratch goes back.
		if a.scratch.alone == nil {
			a.scratch.alone = map[string]bool{}
		}
		n.keys = a.scratch.alone
		for _, r := range a.runs {
			// "the Saints" is a team's short name, not a surname.
			if r.First == r.Last && (r.First == 0 || !a.is(r.First-1, wcDeterminer)) && a.gaz.Lookup(a.toks[r.First].Key) == nil {
				n.keys[a.toks[r.First].Key] = true
			}
		}
	}
	return n.keys[k]
}

// hyphenedOnly reports whether the words [f, l] are joined by hyphens
// alone ("Klitschko-Haye").
func hyphenedOnly(text string, toks []normalize.Token, f, l int) bool {
	for i := f + 1; i <= l; i++ {
		if gap(text, toks, i) != "-" {
			return false
		}
	}
	return f < l
}
