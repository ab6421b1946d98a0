package eval

import (
	"math"
	"testing"
)

func TestMetrics(t *testing.T) {
	gold := map[string]string{"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}
	tests := []struct {
		name   string
		pred   map[string]string
		pairP  float64
		pairR  float64
		b3P    float64
		b3R    float64
		pairF1 float64 // checked only when not zero
	}{
		{"perfect", map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}, 1, 1, 1, 1, 1},
		// no pair predicted: precision 1 by convention, recall 0; B3 recall (1/3*3 + 1/2*2)/5
		{"all singletons", map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5"}, 1, 0, 1, 0.4, 0},
		// 4 gold pairs of 10 predicted; B3 precision (3*3/5 + 2*2/5)/5
		{"one cluster", map[string]string{"a": "1", "b": "1", "c": "1", "d": "1", "e": "1"}, 0.4, 1, 13.0 / 25, 1, 4.0 / 7},
		// predicted pairs ab, cd, ce, de; true ab, de; gold pairs ab, ac, bc, de
		{"one item moved", map[string]string{"a": "1", "b": "1", "c": "2", "d": "2", "e": "2"}, 0.5, 0.5,
			(2*2.0/2 + 1.0/3 + 2*2.0/3) / 5, (2*2.0/3 + 1.0/3 + 2*2.0/2) / 5, 0.5},
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pw, b3 := Pairwise(tt.pred, gold), BCubed(tt.pred, gold)
			if !near(pw.Precision, tt.pairP) || !near(pw.Recall, tt.pairR) || (tt.pairF1 != 0 && !near(pw.F1, tt.pairF1)) {
				t.Errorf("pairwise = %+v, want P %v R %v F1 %v", pw, tt.pairP, tt.pairR, tt.pairF1)
			}
			if !near(b3.Precision, tt.b3P) || !near(b3.Recall, tt.b3R) || !near(b3.F1, 2*tt.b3P*tt.b3R/(tt.b3P+tt.b3R)) {
				t.Errorf("b-cubed = %+v, want P %v R %v", b3, tt.b3P, tt.b3R)
			}
		})
	}
}
