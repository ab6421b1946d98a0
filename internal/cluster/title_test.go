package cluster

import "testing"

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
