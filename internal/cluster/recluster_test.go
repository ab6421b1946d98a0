package cluster_test

import (
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/cluster/eval"
)

// TestReclusterAgreesWithIncremental feeds a labelled stream in five
// runs, as an analysis that is brought up to date while documents keep
// arriving would: each run orders and places its batch, settles, and is
// saved and reloaded. Rebuilding from scratch must give nearly the same
// stories (the incremental runs cannot move what earlier runs settled
// far from the new documents) and both must score as well as each other.
func TestReclusterAgreesWithIncremental(t *testing.T) {
	stream := eval.Stream(eval.DefaultStream(3))
	gold := make(map[string]string, len(stream))
	items := make([]cluster.Item, len(stream))
	for i, l := range stream {
		items[i] = l.Item
		gold[l.Item.ID] = l.Story
	}
	p := cluster.DefaultParams()

	inc := cluster.New(p)
	const runs = 5
	for r := range runs {
		batch := items[r*len(items)/runs : (r+1)*len(items)/runs]
		batch = append([]cluster.Item(nil), batch...)
		cluster.Order(batch)
		for _, it := range batch {
			if _, err := inc.Add(it); err != nil {
				t.Fatal(err)
			}
		}
		inc.Settle()
		data, err := inc.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if inc, err = cluster.Load(data); err != nil {
			t.Fatal(err)
		}
	}
	re, errs := cluster.Recluster(items, p)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	agree := eval.BCubed(inc.Assignments(), re.Assignments())
	fi, fr := eval.BCubed(inc.Assignments(), gold).F1, eval.BCubed(re.Assignments(), gold).F1
	t.Logf("incremental vs recluster B-cubed agreement %.3f; against gold: incremental %.3f, recluster %.3f", agree.F1, fi, fr)
	if agree.F1 < 0.97 {
		t.Errorf("incremental and recluster agree only %.3f (B-cubed F1)", agree.F1)
	}
	if fi < fr-0.02 {
		t.Errorf("incremental F1 %.3f falls short of recluster %.3f", fi, fr)
	}
}

// TestReclusterIgnoresInputOrder: one batch gives the same stories
// whatever order its documents are handed over in.
func TestReclusterIgnoresInputOrder(t *testing.T) {
	stream := eval.Stream(eval.DefaultStream(2))
	var a, b []cluster.Item
	for _, l := range stream {
		a = append(a, l.Item)
	}
	for _, l := range eval.Shuffled(stream, 9) {
		b = append(b, l.Item)
	}
	ca, _ := cluster.Recluster(a, cluster.DefaultParams())
	cb, _ := cluster.Recluster(b, cluster.DefaultParams())
	if agree := eval.BCubed(ca.Assignments(), cb.Assignments()); agree.F1 != 1 {
		t.Errorf("the same documents in another order give other stories (B-cubed agreement %.3f)", agree.F1)
	}
}

func TestLoadRefusesGarbage(t *testing.T) {
	if _, err := cluster.Load([]byte("not a saved state")); err == nil {
		t.Fatal("Load accepted garbage")
	}
}

// TestStaleWhenTheCorpusDoubles: a clusterer built from a batch is stale
// once the corpus holds twice the documents it was built from, and it
// remembers that size when saved and loaded, so that the pipeline
// rebuilds then rather than placing onto stories shaped by the weights of
// a much smaller corpus.
func TestStaleWhenTheCorpusDoubles(t *testing.T) {
	c := cluster.New(cluster.DefaultParams())
	if c.Stale(1000) {
		t.Error("an empty clusterer, built from nothing yet, says it is stale")
	}
	texts := []string{
		"The harbour authority closed the ferry pier after a crack in the pier was found.",
		"Ferry services resumed after the harbour authority repaired the pier.",
		"A choir from the valley won the regional singing contest on Sunday.",
	}
	for i, text := range texts {
		if _, err := c.Add(cluster.Item{ID: string(rune('a' + i)), Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	c.Settle()
	if c.Stale(5) {
		t.Error("built from 3 documents, stale at 5")
	}
	if !c.Stale(6) {
		t.Error("built from 3 documents, not stale at 6")
	}
	if _, err := c.Add(cluster.Item{ID: "d", Text: "The ferry pier reopened to foot passengers."}); err != nil {
		t.Fatal(err)
	}
	c.Settle() // settling a later batch does not change what it was built from
	data, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := cluster.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.Stale(5) || !loaded.Stale(6) {
		t.Errorf("after saving and loading: stale at 5 %v, at 6 %v; want false, true", loaded.Stale(5), loaded.Stale(6))
	}
}
