package cluster_test

import (
	"errors"
	"maps"
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/cluster/eval"
)

// TestAddAllPlacesAsAddPrepared places a labelled stream through AddAll,
// whose reader interns ahead of the placer, and one item at a time:
// the stories, their labels and the saved state that reloads must be the
// same.
func TestAddAllPlacesAsAddPrepared(t *testing.T) {
	prepared := preparedStream(t)
	all := cluster.New(cluster.DefaultParams())
	placed := 0
	err := all.AddAll(func(yield func(cluster.Prepared, error) bool) {
		for _, it := range prepared {
			if !yield(it, nil) {
				return
			}
		}
	}, func() { placed++ })
	if err != nil {
		t.Fatal(err)
	}
	if placed != len(prepared) {
		t.Fatalf("placed called %d times for %d items", placed, len(prepared))
	}
	sameAsOneByOne(t, prepared, all)
}

// sameAsOneByOne fails the test unless c, settled, has the stories and
// labels of the items placed one at a time with AddPrepared, and its
// saved state loads.
func sameAsOneByOne(t *testing.T, prepared []cluster.Prepared, c *cluster.Clusterer) {
	t.Helper()
	one := cluster.New(cluster.DefaultParams())
	for _, it := range prepared {
		if _, err := one.AddPrepared(it); err != nil {
			t.Fatal(err)
		}
	}
	one.Settle()
	c.Settle()
	if !maps.Equal(one.Assignments(), c.Assignments()) {
		t.Fatal("documents placed in other stories than by AddPrepared")
	}
	a, b := one.Stories(one.Narratives()), c.Stories(c.Narratives())
	if len(a) != len(b) {
		t.Fatalf("%d stories against %d", len(b), len(a))
	}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].Label != b[i].Label {
			t.Fatalf("story %d: %s %q against %s %q", i, b[i].ID, b[i].Label, a[i].ID, a[i].Label)
		}
	}
	data, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cluster.Load(data); err != nil {
		t.Fatalf("saved state does not load: %v", err)
	}
}

// TestAddAllStopsAtError: a repeated id or an error of the walk stops
// placing, and the error is returned.
func TestAddAllStopsAtError(t *testing.T) {
	stream := eval.Stream(eval.DefaultStream(5))
	first := cluster.Prepare(stream[0].Item)
	second := cluster.Prepare(stream[1].Item)
	c := cluster.New(cluster.DefaultParams())
	err := c.AddAll(func(yield func(cluster.Prepared, error) bool) {
		for _, it := range []cluster.Prepared{first, first, second} {
			if !yield(it, nil) {
				return
			}
		}
	}, nil)
	if err == nil || c.Len() != 1 {
		t.Fatalf("a repeated id: error %v, %d placed; want an error and 1 placed", err, c.Len())
	}
	broken := errors.New("spill file unreadable")
	c = cluster.New(cluster.DefaultParams())
	err = c.AddAll(func(yield func(cluster.Prepared, error) bool) {
		if yield(second, nil) {
			yield(cluster.Prepared{}, broken)
		}
	}, nil)
	if !errors.Is(err, broken) || c.Len() != 1 {
		t.Fatalf("a walk error: error %v, %d placed; want %v and 1 placed", err, c.Len(), broken)
	}
	if _, err := c.MarshalBinary(); err != nil {
		t.Fatal(err)
	}
}
