package cluster

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/normalize"
)

// TestTitleEntities: a title in headline case names the document's own
// entity by surname and another the corpus knows by full name; both
// count, and the capitalised words around them do not.
func TestTitleEntities(t *testing.T) {
	c := New(DefaultParams())
	if _, err := c.Add(Item{ID: "a", Text: "The clinic in Rancho Mirage took her in.",
		Entities: []string{"org/betty ford center"}, EntityNames: map[string]string{"org/betty ford center": "Betty Ford Center"}}); err != nil {
		t.Fatal(err)
	}
	it := Item{ID: "b", Title: "Lohan Checks Into Betty Ford Center",
		Text:     "Lindsay Lohan entered a clinic, her spokesman said.",
		Entities: []string{"person/lindsay lohan"}, EntityNames: map[string]string{"person/lindsay lohan": "Lindsay Lohan"}}
	f := featuresOf(&it, &c.terms, &c.ents, c.stems, &c.names)
	got := map[string]float32{}
	for _, x := range f.ents {
		got[c.ents.Surface[x.ID]] = x.W
	}
	if len(got) != 2 || got["Betty Ford Center"] == 0 || got["Lindsay Lohan"] <= got["Betty Ford Center"] {
		t.Errorf("entities with weights %v, want Lindsay Lohan (text and title) above Betty Ford Center (title only)", got)
	}
}

// TestTitleEntitiesSpaces: the names a title is found to name are those
// of asking the corpus's names for every run, though the runs no name
// can be (by its first word and spaces, nameIndex.mostSpaces) are not
// asked; names share first words and have up to maxNameWords+1 words.
func TestTitleEntitiesSpaces(t *testing.T) {
	words := []string{"Anna", "Berg", "Carl", "Dorn", "Eva", "Fell", "Gus", "Hart", "New", "York", "The", "Ida", "Jon", "Kai"}
	rng := rand.New(rand.NewPCG(1, 2))
	var ents vocab
	ents = newVocab()
	for range 60 {
		n := 1 + rng.IntN(maxNameWords+1)
		name := make([]string, n)
		for i := range name {
			name[i] = words[rng.IntN(len(words))]
		}
		s := strings.Join(name, " ")
		ents.intern("x/"+strings.ToLower(s), s)
	}
	var names nameIndex
	names.sync(&ents)
	own := map[string]uint32{"hart": 7, "eva fell": 9}
	found := 0
	for range 20000 {
		n := rng.IntN(12)
		title := make([]string, n)
		for i := range title {
			title[i] = words[rng.IntN(len(words))]
			if rng.IntN(4) == 0 {
				title[i] = strings.ToLower(title[i])
			}
			if rng.IntN(10) == 0 {
				title[i] += "\n"
			}
		}
		s := strings.Join(title, " ")
		toks := normalize.Tokens(s)
		got := titleEntities(s, toks, own, &names)
		// The reference asks ids of every run, as with no spaces.
		all := names
		all.spaces = map[string]int{}
		for k := range names.ids {
			all.spaces[firstWord(k)] = maxNameWords * 2
		}
		want := titleEntities(s, toks, own, &all)
		if !slices.Equal(got, want) {
			t.Fatalf("%q: %v, asking every run %v", s, got, want)
		}
		found += len(got)
	}
	if found < 1000 {
		t.Errorf("%d names found in the titles: too few to tell", found)
	}
}
