package cluster

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestMergeScoreWithKeptSide: scores with the side kept from call to call
// (a story of one document compared through its document, a story set
// once for many candidates) are mergeScore's to the bit.
func TestMergeScoreWithKeptSide(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	c := New(DefaultParams())
	fill(c, 3000, rng)
	// Stories of several documents too.
	for range 600 {
		a, b := int32(rng.IntN(len(c.stories))), int32(rng.IntN(len(c.stories)))
		if a != b && len(c.stories[a].Docs) > 0 && len(c.stories[b].Docs) > 0 {
			c.merge(a, b)
		}
	}
	var live []int32
	for si, s := range c.stories {
		if len(s.Docs) > 0 {
			live = append(live, int32(si))
		}
	}
	var fresh side
	sc := new(scratch)
	c.norms.begin(c) // as mergeBestFirst does before its proposals
	compared, several, scored := 0, 0, 0
	for range 400 {
		a := live[rng.IntN(len(live))]
		for range 1 + rng.IntN(12) {
			b := live[rng.IntN(len(live))]
			if b == a {
				continue
			}
			want := c.mergeScore(&fresh, a, b)
			got := c.mergeScoreWith(sc, a, b)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("stories %d and %d: %v, want %v", a, b, got, want)
			}
			compared++
			if want > 0 {
				scored++
			}
			if min(len(c.stories[a].Docs), len(c.stories[b].Docs)) > 1 {
				several++
			}
		}
	}
	if several == 0 || compared == several || scored < compared/4 {
		t.Fatalf("%d comparisons, %d of stories of several documents, %d above 0: the test does not exercise both ways", compared, several, scored)
	}
}
