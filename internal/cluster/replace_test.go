package cluster_test

import (
	"maps"
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/cluster/eval"
)

// TestOutOfOrderSurvivesSaving: documents placed out of order and saved
// before settling are re-placed by the Settle of the next run, exactly as
// if the clusterer had stayed in memory; a saved state that forgot which
// documents came out of order would settle to other stories.
func TestOutOfOrderSurvivesSaving(t *testing.T) {
	stream := eval.Shuffled(eval.Stream(eval.DefaultStream(5)), 3)
	p := cluster.DefaultParams()
	kept, saved := cluster.New(p), cluster.New(p)
	for _, l := range stream {
		if _, err := kept.Add(l.Item); err != nil {
			t.Fatal(err)
		}
		if _, err := saved.Add(l.Item); err != nil {
			t.Fatal(err)
		}
	}
	data, err := saved.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := cluster.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	before := maps.Clone(kept.Assignments())
	kept.Settle()
	loaded.Settle()
	if eval.BCubed(kept.Assignments(), before).F1 == 1 {
		t.Fatal("settling changed nothing; the test shows nothing")
	}
	if a, b := kept.Assignments(), loaded.Assignments(); !maps.Equal(a, b) {
		t.Errorf("settled after saving and loading: other stories (B-cubed agreement %.3f)", eval.BCubed(a, b).F1)
	}
}
