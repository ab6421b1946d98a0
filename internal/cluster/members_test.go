package cluster

import (
	"fmt"
	"testing"
	"time"
)

// TestRestOfScoresAsWithout: scoring a document against the rest of its
// story through the story's summary (restOf) gives the score of the
// story rebuilt without it (without), for documents that are the
// earliest, the latest, in between or undated, with quotes their story
// mates share or not.
func TestRestOfScoresAsWithout(t *testing.T) {
	c := New(DefaultParams())
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	for i := range 12 {
		it := Item{
			ID:   fmt.Sprintf("d%d", i),
			Text: fmt.Sprintf("The harbour bridge in Lisbon closed after the storm, engineers said. Repairs cost %d million. Ferries ran instead.", 10+i%3),
		}
		if i%4 != 3 {
			it.Date = day.Add(time.Duration(i%5) * 36 * time.Hour)
		}
		if i%3 == 0 {
			it.Quotes = []string{"q-shared"}
		}
		if i == 5 {
			it.Quotes = []string{"q-own"}
		}
		if _, err := c.Add(it); err != nil {
			t.Fatal(err)
		}
	}
	compared := 0
	for _, s := range c.stories {
		if len(s.Docs) < 2 {
			continue
		}
		m := c.membersOf(s)
		for _, di := range s.Docs {
			want := c.docScore(di, c.without(s, di))
			if got := c.docScore(di, c.restOf(s, di, m)); got != want {
				t.Errorf("document %s: %v through the summary, %v rebuilt", c.docs[di].ID, got, want)
			}
			compared++
		}
	}
	if compared < 6 {
		t.Fatalf("only %d documents in stories of two or more; the test needs more", compared)
	}
}
