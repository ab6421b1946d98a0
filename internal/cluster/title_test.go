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

// TestTitleEntitiesFilter: the names a title is found to name are those
// of asking the corpus's names for every run, though the runs the
// names' filter (nameIndex.may) tells are none are not asked. The names
// share words and have up to maxNameWords+1 of them, and enough are
// added that the filter is made anew larger several times.
func TestTitleEntitiesFilter(t *testing.T) {
	words := []string{"Anna", "Berg", "Carl", "Dorn", "Eva", "Fell", "Gus", "Hart", "New", "York", "The", "Ida", "Jon", "Kai"}
	rng := rand.New(rand.NewPCG(1, 2))
	var ents vocab
	ents = newVocab()
	for range 20000 {
		n := 1 + rng.IntN(maxNameWords+1)
		name := make([]string, n)
		for i := range name {
			name[i] = words[rng.IntN(len(words))]
		}
		s := strings.Join(name, " ")
		ents.intern("x/"+strings.ToLower(s), s)
	}
	var names nameIndex
	for i := range ents.Surface {
		// Synced a few names at a time, as records are read.
		if i%7 == 0 {
			names.sync(&ents)
		}
	}
	names.sync(&ents)
	if len(names.may.blocks) < 4*64 {
		t.Fatalf("%d names in %d blocks: the filter was not made anew", len(names.ids), len(names.may.blocks))
	}
	for k := range names.ids {
		if !names.mayHold([]byte(k)) {
			t.Fatalf("the filter does not hold %q", k)
		}
	}
	// The reference asks ids of every run: a filter of every bit set.
	all := nameIndex{ids: names.ids, may: nameFilter{blocks: make([][8]uint64, 1)}}
	for i := range all.may.blocks[0] {
		all.may.blocks[0][i] = ^uint64(0)
	}
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
