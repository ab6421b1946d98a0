package eval

import (
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
)

// logResult prints a result in the form doc/clustering.md records.
func logResult(t *testing.T, name string, r Result) {
	t.Logf("%s: %d documents, %d stories (gold %d), %d narratives (gold %d)", name, r.Documents, r.Stories, r.GoldStories, r.Narratives, r.GoldNarratives)
	t.Logf("  stories    pairwise %s | B-cubed %s", fmtScores(r.StoryPairwise), fmtScores(r.StoryBCubed))
	t.Logf("  narratives pairwise %s | B-cubed %s", fmtScores(r.NarrPairwise), fmtScores(r.NarrBCubed))
}

// TestScores measures the defaults and guards them against regressions;
// the floors sit a little under the recorded scores so that a real loss
// of quality fails while noise does not. The recorded figures come from
//
//	go test ./internal/cluster/eval -run TestScores -v
func TestScores(t *testing.T) {
	tests := []struct {
		name             string
		items            func(t *testing.T) []Labelled
		storyF1, narrF1  float64
		narrativesScored bool
	}{
		{"synthetic seed 1", func(*testing.T) []Labelled { return Stream(DefaultStream(1)) }, 0.93, 0.9, true},
		{"synthetic seed 7 (held out)", func(*testing.T) []Labelled { return Stream(DefaultStream(7)) }, 0.93, 0.9, true},
		{"ECB+ topics 1-25", func(t *testing.T) []Labelled {
			items, bad, err := ReadECBPlus(ecbPlusPath(t))
			if err != nil {
				t.Fatal(err)
			}
			if len(bad) > 0 {
				t.Logf("%d unreadable lines, first: %v", len(bad), bad[0])
			}
			return items
		}, 0.85, 0.85, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Run(tt.items(t), cluster.DefaultParams(), tt.narrativesScored)
			logResult(t, tt.name, r)
			if r.StoryBCubed.F1 < tt.storyF1 {
				t.Errorf("story B-cubed F1 %.3f below %.2f", r.StoryBCubed.F1, tt.storyF1)
			}
			if tt.narrativesScored && r.NarrBCubed.F1 < tt.narrF1 {
				t.Errorf("narrative B-cubed F1 %.3f below %.2f", r.NarrBCubed.F1, tt.narrF1)
			}
		})
	}
}
