package cluster

import (
	"maps"
	"math/rand/v2"
	"testing"
)

// TestStateInBatches saves a clusterer whose documents and stories take
// several batches of the saved form and loads it back whole; a state cut
// short is refused. The state is made in a slice of its exact size (the
// counting pass and the writing pass agree, maps and all).
func TestStateInBatches(t *testing.T) {
	c := New(DefaultParams())
	fill(c, 2*stateBatch+100, rand.New(rand.NewPCG(7, 8)))
	data, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if cap(data) != len(data) {
		t.Fatalf("the saved state of %d bytes holds a slice of %d", len(data), cap(data))
	}
	back, err := Load(data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Len() != c.Len() || len(back.stories) != len(c.stories) {
		t.Fatalf("loaded %d documents in %d stories, saved %d in %d", back.Len(), len(back.stories), c.Len(), len(c.stories))
	}
	if !maps.Equal(back.Assignments(), c.Assignments()) {
		t.Fatal("loaded state puts documents in other stories")
	}
	if _, err := Load(data[:len(data)*3/4]); err == nil {
		t.Fatal("a state cut short loaded")
	}
}
