package extract

import (
	"math/bits"
	"testing"
)

// The gazetteer's bits (known) must hold every key of its maps, or a
// lookup would miss a name it lists; and they should be few enough set
// that most keys it does not hold are answered by them.
func TestGazetteerKnowsItsKeys(t *testing.T) {
	g := DefaultGazetteer()
	for k := range g.cands {
		if !g.mayHold(k) {
			t.Fatalf("key %q is not among the known bits", k)
		}
	}
	for k := range g.byKey {
		if !g.mayHold(k) {
			t.Fatalf("key %q of byKey is not among the known bits", k)
		}
	}
	set := 0
	for _, w := range g.known {
		set += bits.OnesCount64(w)
	}
	if share := float64(set) / (knownWords * 64); share > 0.2 {
		t.Errorf("%.2f of the known bits set for %d keys: too many to answer misses", share, len(g.cands))
	}
}
