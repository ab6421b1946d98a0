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
	add := func(t EntityType, name string, m Mention, roles []string) {
		if name == "" {
			return
		}
		id := EntityID(t, name)
		e := byID[id]
		if e == nil {
			e = &Entity{ID: id, Name: name, Type: t}
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
	// One-word names, to tell a person's surname used alone.
	alone := map[string]bool{}
	for _, r := range a.runs {
		// "the Saints" is a team's short name, not a surname.
		if r.First == r.Last && (r.First == 0 || !determiners[a.toks[r.First-1].Key]) {
			alone[a.toks[r.First].Key] = true
		}
	}
	referred := map[string]bool{}
	for _, at := range a.attrs {
		if at.Src.Kind == srcPronoun || at.Src.Kind == srcRole {
			referred[at.Src.Name] = true
		}
	}
	for ri, r := range a.runs {
		if r.None {
			continue
		}
		// Two capitalised words are a person's name only if the text
		// treats them as one: it uses the surname alone, refers back to
		// the name, gives it speech, an age or a description. Otherwise
		// they may as well be a film, a team or a street ("American
		// Pie", "New Orleans Saints", "Rancho Mirage").
		if r.ByShape && !sources[ri] && !alone[a.toks[r.Last].Key] && !referred[r.Canonical] && !a.describedAfter(r) {
			continue
		}
		// Nor is a name a person's when it takes "the" ("the Red Sox",
		// "the Grand Hotel du Cap") or is the title a quotation gives
		// ("“The Notorious Bettie Page”", "the “American Pie” star").
		if r.ByShape && (r.First > 0 && a.toks[r.First-1].Key == "the" && isBlank(gap(a.text, a.toks, r.First)) || a.quotedTitle(r)) {
			continue
		}
		t := r.Type
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
		b := a.toks[r.NameFirst].Begin
		if t != Person {
			b = a.toks[r.First].Begin
		}
		e := a.toks[r.Last].End
		add(t, name, Mention{Span: doc.Span{Begin: b, End: e}, Text: a.text[b:e]}, r.Roles)
	}
	for _, at := range a.attrs {
		if (at.Src.Kind == srcPronoun || at.Src.Kind == srcRole) && at.Src.Name != "" {
			sp := at.Src.Span
			add(Person, at.Src.Name, Mention{Span: sp, Text: a.text[sp.Begin:sp.End], Reference: true}, nil)
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
