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

// TestSortByID: counts come out ordered by id with every count kept, a
// count too large to pack included.
func TestSortByID(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, big := range []bool{false, true} {
		counts := make([]idCount, 500)
		sum := map[uint32]int{}
		for i := range counts {
			counts[i] = idCount{uint32(rng.IntN(300)), 1 + rng.IntN(5)}
			if big && i == 250 {
				counts[i].n = 1 << 40
			}
			sum[counts[i].id] += counts[i].n
		}
		sortByID(counts)
		for i := range counts {
			if i > 0 && counts[i].id < counts[i-1].id {
				t.Fatalf("big %v: out of order at %d: %d after %d", big, i, counts[i].id, counts[i-1].id)
			}
			sum[counts[i].id] -= counts[i].n
		}
		for id, n := range sum {
			if n != 0 {
				t.Fatalf("big %v: id %d: counts off by %d", big, id, n)
			}
		}
	}
}
