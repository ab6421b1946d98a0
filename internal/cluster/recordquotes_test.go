package cluster_test

import (
	"bytes"
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
)

// TestAppendWithQuotes: a record made without quotes, given them
// afterwards, is byte for byte the record of the item prepared with them
// (sorted, each once); a record cut short is an error.
func TestAppendWithQuotes(t *testing.T) {
	for i, p := range preparedStream(t)[:40] {
		given := func() []string {
			if i%3 == 0 {
				return nil
			}
			return []string{"q-b", "q-a", "q-b"}
		}
		p.Sources = append(p.Sources[:len(p.Sources):len(p.Sources)], "source-of-"+p.ID)
		p.Quotes = nil
		without, err := p.AppendRecord(nil)
		if err != nil {
			t.Fatal(err)
		}
		if given() != nil {
			p.Quotes = []string{"q-a", "q-b"}
		}
		want, err := p.AppendRecord([]byte("before"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := cluster.AppendWithQuotes([]byte("before"), without, given())
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: record with quotes given afterwards differs from the one prepared with them", p.ID)
		}
		// Replacing quotes a record already has gives the same too.
		again, err := cluster.AppendWithQuotes([]byte("before"), want[len("before"):], given())
		if err != nil || !bytes.Equal(again, want) {
			t.Fatalf("%s: quotes replaced: %v, same %v", p.ID, err, bytes.Equal(again, want))
		}
		if _, err := cluster.AppendWithQuotes(nil, without[:len(p.ID)/2], given()); err == nil {
			t.Fatalf("%s: a record cut short read without error", p.ID)
		}
	}
}
