package cluster

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
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
// count too large to pack included, short lists and long ones (sorted by
// bytes), with ids of a few bits and of all 32.
func TestSortByID(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, c := range []struct {
		n   int
		ids uint32
		big bool
	}{{500, 300, false}, {500, 300, true}, {30, 300, false}, {radixMin, 1 << 16, false}, {700, math.MaxUint32, false}, {400, 70000, false}} {
		counts := make([]idCount, c.n)
		sum := map[uint32]int{}
		for i := range counts {
			counts[i] = idCount{rng.Uint32N(c.ids), 1 + rng.IntN(5)}
			if c.big && i == 250 {
				counts[i].n = 1 << 40
			}
			sum[counts[i].id] += counts[i].n
		}
		var scratch []uint64
		sortByID(counts, &scratch)
		for i := range counts {
			if i > 0 && counts[i].id < counts[i-1].id {
				t.Fatalf("%+v: out of order at %d: %d after %d", c, i, counts[i].id, counts[i-1].id)
			}
			sum[counts[i].id] -= counts[i].n
		}
		for id, n := range sum {
			if n != 0 {
				t.Fatalf("%+v: id %d: counts off by %d", c, id, n)
			}
		}
	}
}

// BenchmarkSortByID sorts a document's worth of term counts (400 ids of
// a vocabulary of 45 000, as on the bench).
func BenchmarkSortByID(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 8))
	src := make([]idCount, 400)
	for i := range src {
		src[i] = idCount{rng.Uint32N(45000), 1 + rng.IntN(5)}
	}
	counts := make([]idCount, len(src))
	var scratch []uint64
	for b.Loop() {
		copy(counts, src)
		sortByID(counts, &scratch)
	}
}

// TestCosineNormed: a query's cosine with a vector whose norm is given is
// its cosine to the bit, for vectors sharing many, few or no coordinates.
func TestCosineNormed(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	v := newVocab()
	for i := range 5000 {
		v.intern(fmt.Sprint("k", i), "")
	}
	v.DF = make([]uint32, 5000)
	for i := range v.DF {
		v.DF[i] = uint32(rng.IntN(70000)) // beyond the table of small logarithms too
	}
	v.Docs = 100000
	v.readDocs()
	vec := func(n, span int) []weighted {
		seen := map[uint32]bool{}
		var out []weighted
		for len(out) < n {
			id := uint32(rng.IntN(span))
			if !seen[id] {
				seen[id] = true
				out = append(out, weighted{id, float32(rng.Float64())})
			}
		}
		slices.SortFunc(out, func(x, y weighted) int { return cmp.Compare(x.ID, y.ID) })
		return out
	}
	var q query
	for range 2000 {
		n := 1 + rng.IntN(200)
		a, b := vec(1+rng.IntN(200), 5000), vec(n, n+rng.IntN(5000-n))
		q.set(a, &v)
		want := q.cosine(b, &v)
		if got := q.cosineNormed(b, normOf(b, &v), &v); got != want {
			t.Fatalf("cosineNormed = %v, cosine = %v", got, want)
		}
		if got := cosine(a, b, &v); got != want {
			t.Fatalf("cosine = %v, query's cosine = %v", got, want)
		}
		// b's norm kept from one comparison to the next (cosineKept, as
		// representative compares a group's documents with its vector).
		nb := -1.0
		for _, o := range [][]weighted{vec(1+rng.IntN(200), 5000), a, vec(1+rng.IntN(50), 5000)} {
			if got, w := cosineKept(o, b, &v, &nb), cosine(o, b, &v); got != w {
				t.Fatalf("cosineKept = %v, cosine = %v", got, w)
			}
		}
		// A query set with its norm given is the same query.
		var r query
		r.set(b, &v) // something to clear first
		r.setNormed(a, normOf(a, &v), &v)
		if r.norm != q.norm {
			t.Fatalf("setNormed: norm %v, set: %v", r.norm, q.norm)
		}
		if got := r.cosine(b, &v); got != want {
			t.Fatalf("cosine of a query set with its norm = %v, want %v", got, want)
		}
	}
}

// TestPrunedSum: a sum pruned in the clusterer's scratch is the sum
// pruned in fresh slices, coordinate for coordinate and bit for bit,
// whatever was summed before in the same scratch.
func TestPrunedSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	v := randomVocab(rng, 3000, 50, 70000)
	vec := func(n int) []weighted {
		ids := rng.Perm(3000)[:n]
		out := make([]weighted, n)
		for i, id := range ids {
			out[i] = weighted{uint32(id), float32(rng.Float64())}
		}
		slices.SortFunc(out, func(x, y weighted) int { return cmp.Compare(x.ID, y.ID) })
		return out
	}
	var sc sumScratch
	for range 500 {
		a, b := vec(rng.IntN(300)), vec(rng.IntN(300))
		n := 1 + rng.IntN(250)
		want := prune(add(a, b), n, &v)
		got := sc.prunedSum(a, b, n, &v)
		if !slices.Equal(got, want) {
			t.Fatalf("prunedSum of %d and %d to %d: %v, want %v", len(a), len(b), n, got, want)
		}
	}
}

// TestLnCount: the table's logarithm of a count is math.Log's, to the bit.
func TestLnCount(t *testing.T) {
	for _, n := range []int{-1, 0, 1, 2, 3, 1000, len(lnSmall) - 1, len(lnSmall), len(lnSmall) + 1, 1 << 30} {
		if got, want := lnCount(n), math.Log(float64(n)); got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Errorf("lnCount(%d) = %v, want %v", n, got, want)
		}
	}
}
