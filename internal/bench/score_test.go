package bench

import (
	"testing"

	"github.com/echotrace/echotrace/internal/relate"
)

func end(doc string, b, e int) relate.End { return relate.End{Doc: doc, Begin: b, End: e} }

func TestScorePassages(t *testing.T) {
	planted := []PlantedPassage{
		{Op: OpEdit, A: end("a", 100, 200), B: end("b", 50, 150), Tokens: 20},
		{Op: OpPartial, A: end("c", 0, 100), B: end("d", 300, 400), Tokens: 15},
		{Op: OpReorder, A: end("e", 0, 10), B: end("f", 0, 10), Tokens: 3, Short: true},
	}
	tests := []struct {
		name              string
		reported          []relate.Passage
		found, correct    int
		recall, precision float64
	}{
		{"exact", []relate.Passage{{A: end("a", 100, 200), B: end("b", 50, 150)}}, 1, 1, 0.5, 1},
		{"swapped sides", []relate.Passage{{A: end("b", 50, 150), B: end("a", 100, 200)}}, 1, 1, 0.5, 1},
		{"half on each side", []relate.Passage{{A: end("a", 150, 260), B: end("b", 100, 210)}}, 1, 1, 0.5, 1},
		{"too little of one side", []relate.Passage{{A: end("a", 100, 200), B: end("b", 50, 90)}}, 0, 1, 0, 1},
		{"two fragments find nothing", []relate.Passage{
			{A: end("a", 100, 140), B: end("b", 50, 90)},
			{A: end("a", 150, 190), B: end("b", 100, 140)},
		}, 0, 2, 0, 1},
		{"runs on into shared boilerplate", []relate.Passage{{A: end("a", 0, 200), B: end("b", 0, 150)}}, 1, 1, 0.5, 1},
		{"boilerplate only", []relate.Passage{{A: end("a", 0, 60), B: end("b", 0, 40)}}, 0, 0, 0, 0},
		{"unrelated pair", []relate.Passage{{A: end("a", 100, 200), B: end("d", 300, 400)}}, 0, 0, 0, 0},
		{"marked boilerplate is not reported", []relate.Passage{{A: end("x", 0, 9), B: end("y", 0, 9), Boilerplate: true}}, 0, 0, 0, 1},
		{"short planted counts as correct, not in recall", []relate.Passage{{A: end("e", 0, 10), B: end("f", 0, 10)}}, 0, 1, 0, 1},
		{"both found", []relate.Passage{
			{A: end("a", 100, 200), B: end("b", 50, 150)},
			{A: end("d", 300, 400), B: end("c", 0, 100)},
		}, 2, 2, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ScorePassages(planted, tt.reported)
			if s.Planted != 2 {
				t.Fatalf("planted = %d, want 2 (short ones excluded)", s.Planted)
			}
			if s.Found != tt.found || s.Correct != tt.correct || s.Recall != tt.recall || s.Precision != tt.precision {
				t.Fatalf("found %d correct %d recall %.2f precision %.2f; want %d %d %.2f %.2f",
					s.Found, s.Correct, s.Recall, s.Precision, tt.found, tt.correct, tt.recall, tt.precision)
			}
		})
	}
}

func TestScorePairs(t *testing.T) {
	planted := []PlantedPair{
		{A: "a", B: "b", Jaccard: 0.95},
		{A: "c", B: "d", Jaccard: 0.85},
		{A: "e", B: "f", Jaccard: 0.75}, // below 0.8, but close
		{A: "g", B: "h", Jaccard: 0.2},
	}
	tests := []struct {
		name                            string
		reported                        [][2]string
		correct, nearMiss, reportedPair int
		recall, precision               float64
	}{
		{"all truth", [][2]string{{"a", "b"}, {"d", "c"}}, 2, 0, 2, 1, 1},
		{"repeats and self pairs count once", [][2]string{{"a", "b"}, {"b", "a"}, {"a", "a"}}, 1, 0, 1, 0.5, 1},
		{"near miss", [][2]string{{"a", "b"}, {"e", "f"}}, 1, 1, 2, 0.5, 0.5},
		{"partial copy and stranger", [][2]string{{"g", "h"}, {"a", "z"}}, 0, 0, 2, 0, 0},
		{"nothing reported", nil, 0, 0, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ScorePairs(planted, 0.8, tt.reported)
			if s.Truth != 2 || s.Correct != tt.correct || s.NearMiss != tt.nearMiss || s.Reported != tt.reportedPair ||
				s.Recall != tt.recall || s.Precision != tt.precision {
				t.Fatalf("got %+v", s)
			}
		})
	}
}

func TestPercentiles(t *testing.T) {
	var xs []float64
	for i := 100; i >= 1; i-- {
		xs = append(xs, float64(i))
	}
	p := percentiles(xs)
	if p.P50 != 51 || p.P99 != 100 || p.Max != 100 {
		t.Fatalf("got %+v", p)
	}
	if percentiles(nil) != (Percentiles{}) {
		t.Fatal("empty input")
	}
}
