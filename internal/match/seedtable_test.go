package match

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSeedTableAsMap: the table gives every hash's positions, in order,
// as a map of slices does, for documents with repeats and hashes that
// share their top bits, and keeps nothing of the previous document.
func TestSeedTableAsMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var tab seedTable
	for _, n := range []int{0, 1, 2, 7, 8, 9, 100, 1000, 5, 3000, 0, 40} {
		seeds := make([]uint64, n)
		for i := range seeds {
			switch r.IntN(4) {
			case 0: // a repeat of an earlier seed
				if i > 0 {
					seeds[i] = seeds[r.IntN(i)]
					continue
				}
				seeds[i] = r.Uint64()
			case 1: // the same top bits as others, so that slots collide
				seeds[i] = uint64(r.IntN(8)) << 61
			default:
				seeds[i] = r.Uint64()
			}
		}
		want := map[uint64][]int32{}
		for i, h := range seeds {
			want[h] = append(want[h], int32(i))
		}
		tab.build(seeds)
		for h, ps := range want {
			count, first := tab.find(h)
			var got []int32
			for i := first; i >= 0; i = tab.next[i] {
				got = append(got, i)
			}
			if int(count) != len(ps) || !slices.Equal(got, ps) {
				t.Fatalf("%d seeds: hash %x has count %d and positions %v, want %v", n, h, count, got, ps)
			}
		}
		for range 200 {
			h := r.Uint64()
			if _, ok := want[h]; ok {
				continue
			}
			if count, first := tab.find(h); count != 0 || first != -1 {
				t.Fatalf("%d seeds: absent hash %x found (count %d, first %d)", n, h, count, first)
			}
		}
	}
	var empty seedTable
	if count, first := empty.find(42); count != 0 || first != -1 {
		t.Fatalf("an empty table finds a hash (count %d, first %d)", count, first)
	}
}
