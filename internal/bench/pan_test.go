package bench

import (
	"math"
	"testing"

	"github.com/echotrace/echotrace/internal/relate"
)

func TestScorePAN(t *testing.T) {
	planted := []PlantedPassage{
		{Op: OpEdit, A: end("a", 100, 200), B: end("b", 50, 150), Tokens: 20},
		{Op: OpReorder, A: end("e", 0, 10), B: end("f", 0, 10), Tokens: 3, Short: true},
	}
	third := 1 / math.Log2(3)
	tests := []struct {
		name                    string
		reported                []relate.Passage
		recall, precision, gran float64
		plagdet                 float64
	}{
		{"exact", []relate.Passage{{A: end("a", 100, 200), B: end("b", 50, 150)}}, 1, 1, 1, 1},
		{"swapped sides", []relate.Passage{{A: end("b", 50, 150), B: end("a", 100, 200)}}, 1, 1, 1, 1},
		{"in two pieces", []relate.Passage{
			{A: end("a", 100, 150), B: end("b", 50, 100)},
			{A: end("a", 150, 200), B: end("b", 100, 150)},
		}, 1, 1, 2, third},
		{"the same stretch twice", []relate.Passage{
			{A: end("a", 100, 200), B: end("b", 50, 150)},
			{A: end("a", 100, 150), B: end("b", 100, 150)},
		}, 1, 1, 2, third},
		{"twice as long", []relate.Passage{{A: end("a", 100, 300), B: end("b", 50, 250)}}, 1, 0.5, 1, 2.0 / 3},
		{"half", []relate.Passage{{A: end("a", 100, 150), B: end("b", 50, 100)}}, 0.5, 1, 1, 2.0 / 3},
		{"one side only detects nothing", []relate.Passage{{A: end("a", 100, 200), B: end("b", 150, 250)}}, 0, 0, 1, 0},
		{"a false passage elsewhere", []relate.Passage{
			{A: end("a", 100, 200), B: end("b", 50, 150)},
			{A: end("a", 0, 90), B: end("c", 0, 90)},
		}, 1, 0.5, 1, 2.0 / 3},
		{"boilerplate is not reported", []relate.Passage{
			{A: end("a", 100, 200), B: end("b", 50, 150)},
			{A: end("a", 0, 90), B: end("c", 0, 90), Boilerplate: true},
		}, 1, 1, 1, 1},
		{"short case counts for precision", []relate.Passage{
			{A: end("a", 100, 200), B: end("b", 50, 150)},
			{A: end("e", 0, 10), B: end("f", 0, 10)},
		}, 1, 1, 1, 1},
	}
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-9 }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ScorePAN(planted, tt.reported)
			if s.Cases != 1 {
				t.Fatalf("cases = %d, want 1 (short ones excluded)", s.Cases)
			}
			if !near(s.Recall, tt.recall) || !near(s.Precision, tt.precision) || !near(s.Granularity, tt.gran) || !near(s.Plagdet, tt.plagdet) {
				t.Fatalf("recall %.4f precision %.4f granularity %.4f plagdet %.4f; want %.4f %.4f %.4f %.4f",
					s.Recall, s.Precision, s.Granularity, s.Plagdet, tt.recall, tt.precision, tt.gran, tt.plagdet)
			}
		})
	}
}
