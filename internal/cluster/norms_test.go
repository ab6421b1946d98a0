package cluster

import (
	"math"
	"math/rand/v2"
	"sync"
	"testing"
)

// TestPhaseNorms: the norms of a phase are normOf's to the bit, from
// goroutines asking at once, and a new phase sums them again under the
// new counts.
func TestPhaseNorms(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	c := New(DefaultParams())
	fill(c, 2000, rng)
	check := func() {
		t.Helper()
		c.norms.begin(c)
		var wg sync.WaitGroup
		errs := make(chan string, 4)
		for w := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := range len(c.docs) {
					i := int32((k + w*97) % len(c.docs))
					d := &c.docs[i]
					got, want := c.norms.doc(c, i), [2]float64{normOf(d.Terms, &c.terms), normOf(d.Ents, &c.ents)}
					if math.Float64bits(got[0]) != math.Float64bits(want[0]) || math.Float64bits(got[1]) != math.Float64bits(want[1]) {
						errs <- "document"
						return
					}
					s := c.stories[d.Story]
					got, want = c.norms.story(c, d.Story), [2]float64{normOf(s.Terms, &c.terms), normOf(s.Ents, &c.ents)}
					if math.Float64bits(got[0]) != math.Float64bits(want[0]) || math.Float64bits(got[1]) != math.Float64bits(want[1]) {
						errs <- "story"
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Fatalf("a %s's norm is not normOf's", e)
		}
	}
	check()
	// More documents change the counts of the vectors' terms: the next
	// phase's norms are new.
	fill(c, 500, rng)
	check()
}
