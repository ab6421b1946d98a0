package cluster_test

import (
	"maps"
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/cluster/eval"
)

// TestReclusterAgreesWithIncremental feeds a labelled stream one document
// at a time, saving and reloading the clusterer part way as separate runs
// would, and checks that rebuilding from scratch gives the same stories.
func TestReclusterAgreesWithIncremental(t *testing.T) {
	stream := eval.Stream(eval.DefaultStream(3))
	items := make([]cluster.Item, len(stream))
	for i, l := range stream {
		items[i] = l.Item
	}
	p := cluster.DefaultParams()

	inc := cluster.New(p)
	for i, it := range items {
		if i == len(items)/2 {
			data, err := inc.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			if inc, err = cluster.Load(data); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := inc.Add(it); err != nil {
			t.Fatal(err)
		}
	}
	re, errs := cluster.Recluster(items, p)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	a, b := inc.Assignments(), re.Assignments()
	if !maps.Equal(a, b) {
		diff := 0
		for k, v := range a {
			if b[k] != v {
				diff++
			}
		}
		t.Fatalf("incremental and recluster disagree on %d of %d documents", diff, len(a))
	}
	na, nb := inc.Narratives(), re.Narratives()
	if len(na) != len(nb) {
		t.Fatalf("narratives: incremental %d, recluster %d", len(na), len(nb))
	}
}

func TestLoadRefusesGarbage(t *testing.T) {
	if _, err := cluster.Load([]byte("not a saved state")); err == nil {
		t.Fatal("Load accepted garbage")
	}
}
