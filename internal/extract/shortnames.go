package extract

import (
	"strings"
)

// ShortNames joins, across a corpus, an organisation a document names by
// one word to the organisation other documents name in full with that
// word first: "The firm Kessel speaks of …" in a retelling is Kessel
// Agrochemicals of the wire story, as "Kessel" after "Kessel
// Agrochemicals" is within one document. The join holds only when the
// corpus leaves no doubt:
//
//   - exactly one organisation's name of several words opens with the
//     word ("Kessel Agrochemicals" beside "Kessel Bank" joins neither);
//   - no person of the corpus bears it as a surname and no place is
//     called by it ("Boston" the team is not the Boston Globe);
//   - it is not written in capitals (an abbreviation is a name of its
//     own: "NBC" is not "NBC News");
//   - no document names both apart ("the Senate" beside "the Senate
//     Environment and Public Works Committee");
//   - the document naming it shares a person with a document naming the
//     organisation in full: both tell one story ("the L.A. Times" in a
//     baseball story is not the Times News Group of an Alaskan paper).
//
// Two passes: Add every document's entities, then Check each record Add
// returned, then Finish; Resolve gives a mention's id and name. What is
// kept between the passes is a hash per distinct key of a one-word
// organisation, of the opening word of a longer one and of a surname or
// one-word place; the second pass keeps people only for the words it
// may join.
type ShortNames struct {
	short   map[uint64]struct{} // one-word organisations' keys
	opening map[uint64]uint64   // opening word's key → the id of the one organisation opening with it (0: two or more)
	blocked map[uint64]struct{} // surnames and one-word place names

	cand    map[uint64]*shortCandidate // words that may join, once Check is called
	pending []shortPending             // one-word mentions awaiting Finish
	joined  map[shortKey]shortTarget
}

// ShortDoc is what the second pass needs of one document: its
// organisations (ids and names) and a hash of each person's key.
type ShortDoc struct {
	Doc    string
	Orgs   []ShortOrg
	People []uint64
}

// ShortOrg is an organisation of a document.
type ShortOrg struct{ ID, Name string }

type shortCandidate struct {
	target shortTarget
	people map[uint64]struct{} // people of the documents naming the target
	apart  bool                // a document names both
}

type shortTarget struct{ id, name string }

type shortPending struct {
	doc    string
	key    string
	people []uint64
}

type shortKey struct{ doc, key string }

// NewShortNames makes an empty ShortNames.
func NewShortNames() *ShortNames {
	return &ShortNames{short: map[uint64]struct{}{}, opening: map[uint64]uint64{}, blocked: map[uint64]struct{}{}}
}

// Add notes the entities of one document (the first pass) and returns
// what the second pass needs of it, with false when it needs nothing (a
// document without an organisation or a person).
func (s *ShortNames) Add(doc string, ents []Entity) (ShortDoc, bool) {
	d := ShortDoc{Doc: doc}
	for _, e := range ents {
		key, ok := strings.CutPrefix(e.ID, string(e.Type)+"/")
		if !ok || key == "" {
			continue
		}
		switch e.Type {
		case Org:
			d.Orgs = append(d.Orgs, ShortOrg{ID: e.ID, Name: e.Name})
			first, _, several := strings.Cut(key, " ")
			if !several {
				if !isAllCaps(e.Name) {
					s.short[keyHash(key)] = struct{}{}
				}
				continue
			}
			h, id := keyHash(first), keyHash(e.ID)
			if old, seen := s.opening[h]; !seen {
				s.opening[h] = id
			} else if old != id {
				s.opening[h] = 0
			}
		case Person:
			d.People = append(d.People, keyHash(key))
			s.blocked[keyHash(key[strings.LastIndexByte(key, ' ')+1:])] = struct{}{}
		case Place:
			// "place/georgia/us": a place linked to a namesake carries
			// its country after the name.
			if k, _, _ := strings.Cut(key, "/"); !strings.Contains(k, " ") {
				s.blocked[keyHash(k)] = struct{}{}
			}
		}
	}
	return d, len(d.Orgs) > 0 && len(d.People) > 0
}

// candidate is the word a one-word organisation's key may join, or nil.
func (s *ShortNames) candidate(key string) *shortCandidate {
	if s.cand == nil {
		s.cand = map[uint64]*shortCandidate{}
		for h := range s.short {
			if _, b := s.blocked[h]; !b && s.opening[h] != 0 {
				s.cand[h] = &shortCandidate{people: map[uint64]struct{}{}}
			}
		}
	}
	return s.cand[keyHash(key)]
}

// Needed reports whether any word may join, so that a caller may skip
// the second pass.
func (s *ShortNames) Needed() bool {
	for h := range s.short {
		if _, b := s.blocked[h]; !b && s.opening[h] != 0 {
			return true
		}
	}
	return false
}

// Check reads one document's record in the second pass.
func (s *ShortNames) Check(d ShortDoc) {
	var shorts []string
	for _, o := range d.Orgs {
		key := strings.TrimPrefix(o.ID, string(Org)+"/")
		first, _, several := strings.Cut(key, " ")
		c := s.candidate(first)
		if c == nil {
			continue
		}
		if !several {
			if !isAllCaps(o.Name) {
				shorts = append(shorts, key)
			}
			continue
		}
		if keyHash(o.ID) != s.opening[keyHash(first)] {
			continue
		}
		c.target = shortTarget{id: o.ID, name: o.Name}
		for _, p := range d.People {
			c.people[p] = struct{}{}
		}
	}
	for _, key := range shorts {
		c := s.candidate(key)
		for _, o := range d.Orgs {
			if strings.HasPrefix(o.ID, string(Org)+"/"+key+" ") && keyHash(o.ID) == s.opening[keyHash(key)] {
				c.apart = true
			}
		}
		s.pending = append(s.pending, shortPending{doc: d.Doc, key: key, people: d.People})
	}
}

// Finish decides the joins once every record has been checked.
func (s *ShortNames) Finish() {
	s.joined = map[shortKey]shortTarget{}
	for _, p := range s.pending {
		c := s.candidate(p.key)
		if c.apart || c.target.id == "" {
			continue
		}
		for _, h := range p.people {
			if _, ok := c.people[h]; ok {
				s.joined[shortKey{p.doc, p.key}] = c.target
				break
			}
		}
	}
	s.pending = nil
}

// Resolve returns the id and name a document's entity is listed under
// across the corpus: those of the organisation a one-word organisation's
// name is short for, or its own.
func (s *ShortNames) Resolve(doc string, t EntityType, id, name string) (string, string) {
	if t != Org || len(s.joined) == 0 {
		return id, name
	}
	key, ok := strings.CutPrefix(id, string(Org)+"/")
	if !ok {
		return id, name
	}
	if f, ok := s.joined[shortKey{doc, key}]; ok {
		return f.id, f.name
	}
	return id, name
}

// ShortNamesOf runs both passes over the entities of documents held in
// memory: entities(i) gives the i-th document's id and entities.
func ShortNamesOf(n int, entities func(i int) (string, []Entity)) *ShortNames {
	s := NewShortNames()
	var docs []ShortDoc
	for i := range n {
		if d, ok := s.Add(entities(i)); ok {
			docs = append(docs, d)
		}
	}
	if s.Needed() {
		for _, d := range docs {
			s.Check(d)
		}
	}
	s.Finish()
	return s
}
