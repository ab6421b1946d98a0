package cluster

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestInternBytesAgreesWithIntern: keys read from bytes get the ids and
// surfaces interning their strings gives, however many keys push each
// other out of the slots of recent keys, and a key is never taken for
// another that shares its slot.
func TestInternBytesAgreesWithIntern(t *testing.T) {
	fromBytes, fromStrings := newVocab(), newVocab()
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 200_000 {
		k := rng.IntN(30_000)
		key, surface := fmt.Sprintf("k%d", k), fmt.Sprintf("Surface %d/%d", k, i)
		got := fromBytes.internBytes([]byte(key), []byte(surface))
		want := fromStrings.intern(key, surface)
		if got != want {
			t.Fatalf("step %d: key %s got id %d, want %d", i, key, got, want)
		}
	}
	for id, s := range fromStrings.Surface {
		if fromBytes.Surface[id] != s {
			t.Fatalf("id %d: surface %q, want %q", id, fromBytes.Surface[id], s)
		}
	}
}
