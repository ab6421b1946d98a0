package extract

import (
	"slices"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// TestShortNamesAcrossDocuments: an organisation one document names by one
// word is the one another document names in full with that word first,
// when the corpus leaves no doubt (invented names; each case a corpus of
// entities, the one-word organisation in document "b").
func TestShortNamesAcrossDocuments(t *testing.T) {
	org := func(name string) Entity { return Entity{ID: EntityID(Org, name), Name: name, Type: Org} }
	person := func(name string) Entity { return Entity{ID: EntityID(Person, name), Name: name, Type: Person} }
	place := func(name string) Entity { return Entity{ID: EntityID(Place, name), Name: name, Type: Place} }
	type document struct {
		id   string
		ents []Entity
	}
	full := document{"a", []Entity{org("Dorvan Agrochemicals"), person("Ada Quill")}}
	short := document{"b", []Entity{org("Dorvan"), person("Ada Quill")}}
	tests := []struct {
		name   string
		docs   []document
		joined bool
	}{
		{"the one organisation opening with the word, a person shared", []document{full, short}, true},
		{"the document with the short name first", []document{short, full}, true},
		{"two organisations open with the word", []document{full, short, {"c", []Entity{org("Dorvan Bank"), person("Ada Quill")}}}, false},
		{"no person shared: another story", []document{full, {"b", []Entity{org("Dorvan"), person("Tom Reyes")}}}, false},
		{"a person's surname elsewhere", []document{full, short, {"c", []Entity{person("Lena Dorvan")}}}, false},
		{"a place's name elsewhere", []document{full, short, {"c", []Entity{place("Dorvan")}}}, false},
		{"a document names both apart", []document{full, short, {"c", []Entity{org("Dorvan"), org("Dorvan Agrochemicals"), person("Tom Reyes")}}}, false},
		{"an abbreviation is a name of its own", []document{{"a", []Entity{org("DVN Agrochemicals"), person("Ada Quill")}}, {"b", []Entity{org("DVN"), person("Ada Quill")}}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ShortNamesOf(len(tt.docs), func(i int) (string, []Entity) { return tt.docs[i].id, tt.docs[i].ents })
			var one Entity
			for _, d := range tt.docs {
				if d.id == "b" {
					one = d.ents[0]
				}
			}
			id, name := s.Resolve("b", Org, one.ID, one.Name)
			wantName := one.Name
			if tt.joined {
				wantName = "Dorvan Agrochemicals"
			}
			if name != wantName || id != EntityID(Org, wantName) {
				t.Fatalf("%s listed as %q (%s), want %q", one.Name, name, id, wantName)
			}
			// The full name and other documents' entities stay as they are.
			if id, _ := s.Resolve("a", Org, EntityID(Org, "Dorvan Agrochemicals"), "Dorvan Agrochemicals"); id != EntityID(Org, "Dorvan Agrochemicals") {
				t.Fatalf("the full name listed as %s", id)
			}
			if id, _ := s.Resolve("c", Org, one.ID, one.Name); id != one.ID {
				t.Fatalf("a document that holds no such mention joined: %s", id)
			}
		})
	}
}

// TestShortNamesOfExtractedDocuments: the join on what extraction finds in
// two invented reports of one story, one naming the firm in full, the
// other retelling it with the firm's first word.
func TestShortNamesOfExtractedDocuments(t *testing.T) {
	texts := []string{
		"Dorvan Agrochemicals said on Monday that the leak at its Brask plant had been contained. Mayor Ada Quill said the council would meet on Thursday.",
		"Fish died after ammonia from the factory of the company Dorvan came into the lake. The mayor of Brask, Ada Quill, demands that the firm pays for the cleaning.",
	}
	var results []Result
	for i, text := range texts {
		results = append(results, Document(&doc.Document{ID: string(rune('a' + i)), Text: text}))
	}
	var names []string
	for _, e := range results[1].Entities {
		names = append(names, string(e.Type)+" "+e.Name)
	}
	if !slices.Contains(names, "org Dorvan") {
		t.Fatalf("the retelling's entities %q hold no org Dorvan", names)
	}
	s := ShortNamesOf(len(results), func(i int) (string, []Entity) { return results[i].Doc, results[i].Entities })
	if _, name := s.Resolve("b", Org, EntityID(Org, "Dorvan"), "Dorvan"); name != "Dorvan Agrochemicals" {
		t.Fatalf("Dorvan listed as %q, want Dorvan Agrochemicals", name)
	}
}
