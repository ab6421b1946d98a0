package cluster

import (
	"slices"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

// TestLabelReadsOwnText: the label opens with the headline; reporting
// verbs, the publisher's own name and its boilerplate, and a weekday
// taken for a name stay out of it.
func TestLabelReadsOwnText(t *testing.T) {
	footer := "Support the Harbour Gazette. Subscribe to the Harbour Gazette newsletter, share this article."
	texts := []string{
		"The ferry strike ended on Monday, the union said. Ferries to the islands said to run again, the minister said.",
		"Ferries run again after the strike ended, union leader Ada Quist said. The ferries said nothing of delays, she said.",
	}
	c := New(DefaultParams())
	for i, text := range texts {
		full := text + "\n\n" + footer
		d := doc.Document{ID: string(rune('a' + i)), Title: "Ferry strike ends", Outlet: "The Harbour Gazette", Text: full,
			Regions: []doc.Region{{Kind: doc.RegionBoilerplate, Begin: len(text) + 2, End: len(full)}}}
		it := NewItem(d)
		// A name-finder that takes the weekday for a name gives it too.
		it.Entities = []string{"org/harbour gazette", "person/ada quist", "misc/monday", "misc/monday"}
		it.EntityNames = map[string]string{"org/harbour gazette": "Harbour Gazette", "person/ada quist": "Ada Quist", "misc/monday": "Monday"}
		if _, err := c.Add(it); err != nil {
			t.Fatal(err)
		}
	}
	c.Settle()
	stories := c.Stories(nil)
	if len(stories) != 1 {
		t.Fatalf("%d stories, want 1", len(stories))
	}
	l := stories[0]
	if !strings.HasPrefix(l.Label, `"Ferry strike ends"`) {
		t.Errorf("label %q does not open with the headline", l.Label)
	}
	for _, w := range []string{"said", "gazette", "subscribe", "newsletter", "article"} {
		if slices.Contains(l.Details.Terms, w) {
			t.Errorf("label terms %v hold %q", l.Details.Terms, w)
		}
	}
	if slices.Contains(l.Details.Entities, "Harbour Gazette") || slices.Contains(l.Details.Entities, "Monday") || !slices.Contains(l.Details.Entities, "Ada Quist") {
		t.Errorf("label entities %v: want Ada Quist, not the publisher nor the weekday", l.Details.Entities)
	}
}
