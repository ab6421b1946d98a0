package cluster

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

// TestSummariesInBatches: the stories and narratives given batch by batch
// are those of Stories and Narratives, in the same order, and an error of
// the caller stops the walk.
func TestSummariesInBatches(t *testing.T) {
	defer func(n int) { summaryBatch = n }(summaryBatch)
	summaryBatch = 2
	june := time.Date(2031, 6, 3, 0, 0, 0, 0, time.UTC)
	in := append(items("b", bridge, june), items("m", match, june)...)
	in = append(in, items("c", bridge[1:2], june.AddDate(1, 0, 0))...)
	in = append(in, items("d", match[:1], june.AddDate(2, 0, 0))...)
	in = append(in, Item{ID: "e", Text: "The harbour authority of Lindholm opened a new ferry terminal on Monday."})
	c, errs := Recluster(in, DefaultParams())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	wantNarratives := c.Narratives()
	wantStories := c.Stories(wantNarratives)
	if len(wantStories) <= summaryBatch {
		t.Fatalf("%d stories: too few for several batches", len(wantStories))
	}
	s := c.Summaries()
	if s.Stories() != len(wantStories) || s.Narratives() != len(wantNarratives) {
		t.Fatalf("counts %d, %d; want %d, %d", s.Stories(), s.Narratives(), len(wantStories), len(wantNarratives))
	}
	var stories []Story
	batches := 0
	if err := s.EachStory(func(b []Story) error {
		batches++
		stories = append(stories, b...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if batches < 2 || !reflect.DeepEqual(stories, wantStories) {
		t.Errorf("%d batches of stories %+v, want %+v", batches, stories, wantStories)
	}
	var narratives []Narrative
	if err := s.EachNarrative(func(b []Narrative) error {
		narratives = append(narratives, b...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(narratives, wantNarratives) {
		t.Errorf("narratives %+v, want %+v", narratives, wantNarratives)
	}
	stop := errors.New("stop")
	calls := 0
	if err := s.EachStory(func([]Story) error { calls++; return stop }); !errors.Is(err, stop) || calls != 1 {
		t.Errorf("EachStory after an error: %v after %d calls", err, calls)
	}
}
