package cluster_test

import (
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/cluster/eval"
)

// TestSettleKeepsEveryDocument: moving documents and merging stories
// never loses a document, and every document is reported in the story it
// is assigned to.
func TestSettleKeepsEveryDocument(t *testing.T) {
	var items []cluster.Item
	for _, l := range eval.Grouped(eval.Stream(eval.DefaultStream(4))) {
		items = append(items, l.Item)
	}
	c := cluster.New(cluster.DefaultParams())
	for _, it := range items {
		if _, err := c.Add(it); err != nil {
			t.Fatal(err)
		}
	}
	if moved := c.Settle(); moved == 0 {
		t.Fatal("settling a stream placed event by event moved nothing; the test does not exercise it")
	}
	assigned := c.Assignments()
	n := 0
	for _, s := range c.Stories(c.Narratives()) {
		for _, d := range s.Documents {
			if assigned[d] != s.ID {
				t.Errorf("story %s lists document %s, which is assigned to %s", s.ID, d, assigned[d])
			}
		}
		n += len(s.Documents)
	}
	if n != len(items) || c.Len() != len(items) {
		t.Errorf("stories hold %d documents, placed %d, given %d", n, c.Len(), len(items))
	}
}
