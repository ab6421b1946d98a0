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
	return string(t) + "/" + nameKey(name)
}

// entities groups the document's names and resolved references.
func (a *analysis) entities() []Entity {
	byID := map[string]*Entity{}
	var order []string
	add := func(t EntityType, name, id, link string, m Mention, roles []string) {
		if name == "" {
			return
		}
		if id == "" {
			id = EntityID(t, name)
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
	// One-word names, to tell a person's surname used alone; a place or
	// an organisation the gazetteer knows is no surname ("Iran" does not
	// make "Earthquake Jolts Iran" a person).
	alone := map[string]bool{}
	for _, r := range a.runs {
		// "the Saints" is a team's short name, not a surname.
		if r.First == r.Last && (r.First == 0 || !determiners[a.toks[r.First-1].Key]) && a.gaz.Lookup(a.toks[r.First].Key) == nil {
			alone[a.toks[r.First].Key] = true
		}
	}
	referred := map[string]bool{}
	for _, at := range a.attrs {
		if at.Src.Kind == srcPronoun || at.Src.Kind == srcRole {
			referred[at.Src.Name] = true
		}
	}
	d := a.readDiscourse()
	links := a.placeLinks()
	for ri, r := range a.runs {
		if r.None {
			continue
		}
		key := runKey(a.toks, r.First, r.Last)
		// A film's, a book's or a ship's name, wherever it stands.
		if d.titles[key] || d.vessels[key] || r.NameFirst <= r.Last && d.vessels[runKey(a.toks, r.NameFirst, r.Last)] {
			continue
		}
		if d.commonWord(a, r) {
			continue
		}
		// "Pop-Culture Revival Page": a run hyphened to a word before it
		// is the tail of a compound, not a name.
		if r.First > 0 && gap(a.text, a.toks, r.First) == "-" {
			continue
		}
		last := a.toks[r.Last].Key
		// Two capitalised words are a person's name only if the text
		// treats them as one: it uses the surname alone, refers back to
		// the name, gives it speech, an age or a description. Otherwise
		// they may as well be a film, a team or a street ("American
		// Pie", "New Orleans Saints", "Rancho Mirage").
		if r.ByShape && !sources[ri] && !alone[last] && !referred[r.Canonical] && !a.describedAfter(r) {
			continue
		}
		// Nor is a name a person's when it takes "the" ("the Red Sox",
		// "the Grand Hotel du Cap"), is the title a quotation gives
		// ("“The Notorious Bettie Page”", "the “American Pie” star"), is
		// a plural the document writes after "the" ("the Saints"), or
		// ends in a place ("Waitrose Wellington", "Earthquake Jolts
		// Iran").
		if r.ByShape && (r.First > 0 && a.toks[r.First-1].Key == "the" && isBlank(gap(a.text, a.toks, r.First)) || a.quotedTitle(r) ||
			d.groups[last] || a.gaz.Lookup(last) != nil) {
			continue
		}
		t := r.Type
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
		id, link := "", ""
		if t == Place && r.First == r.Last {
			// A surname of a person the document names in full is that
			// person, not the country or town of the same name ("Eddie
			// Jordan" … "Jordan").
			if full := a.people.resolve(a.text[a.toks[r.First].Begin:a.toks[r.First].End]); full != "" {
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
			if e := a.gaz.LookupText(r.proper(a.text, a.toks)); e != nil && e.Type == Org {
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
	return len(normalize.Tokens(a.text[q.Begin:q.End])) <= r.Last-r.First+3
}

// describedAfter reports whether a name is followed by an age or a
// description set off by a comma ("Raj Chohan, 59,", "Ann Oyler, a
// lawyer", "Tom Lee, who …").
func (a *analysis) describedAfter(r nameRun) bool {
	n := r.Last + 1
	if n >= len(a.toks) || strings.TrimSpace(gap(a.text, a.toks, n)) != "," {
		return false
	}
	k := a.toks[n].Key
	return digits(k) > 0 || k == "a" || k == "an" || k == "the" || k == "who" || k == "whose" || k == "his" || k == "her"
}

func contains(list []string, s string) bool {
	k := normalize.Key(s)
	for _, x := range list {
		if normalize.Key(x) == k {
			return true
		}
	}
	return false
}
