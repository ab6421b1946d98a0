package eval

import (
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
)

// TestOrders clusters ECB+ topics 1-25 in five random orders and in the
// order where each event arrives whole, and reports the spread of story
// B-cubed F1:
//
//	go test ./internal/cluster/eval -run TestOrders -v
func TestOrders(t *testing.T) {
	items, _, err := ReadECBPlus(ecbPlusPath(t))
	if err != nil {
		t.Fatal(err)
	}
	p := cluster.DefaultParams()
	for _, mode := range []string{"capitalised words", "extracted entities"} {
		if mode == "extracted entities" {
			items = WithEntities(items)
		}
		t.Log(mode)
		ordersOf(t, items, p)
	}
}

func ordersOf(t *testing.T, items []Labelled, p cluster.Params) {
	lo, hi := 1.0, 0.0
	run := func(name string, order []Labelled) {
		r := Run(order, p, false)
		f := r.StoryBCubed.F1
		lo, hi = min(lo, f), max(hi, f)
		t.Logf("%-10s stories %3d  B-cubed %s", name, r.Stories, fmtScores(r.StoryBCubed))
	}
	run("file", items)
	run("grouped", Grouped(items))
	for seed := uint64(1); seed <= 5; seed++ {
		run("random "+itoa(seed), Shuffled(items, seed))
	}
	t.Logf("spread of B-cubed F1 %.3f (%.3f-%.3f)", hi-lo, lo, hi)
}
