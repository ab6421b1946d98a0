package cluster

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRank: a ranking's first coordinates are top of the vector, its
// kept ones prune of it and its norm normOf, to the bit, and a pruned sum is prune of the sum, also when many
// coordinates score the same (weights and counts from few values, so
// that the order's ties by id decide which are kept).
func TestRank(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, ties := range []bool{false, true} {
		v := newVocab()
		v.DF = make([]uint32, 3000)
		for i := range v.DF {
			if ties {
				v.DF[i] = uint32(rng.IntN(3))
			} else {
				v.DF[i] = uint32(rng.IntN(500))
			}
		}
		v.Docs = 70000
		v.readDocs()
		vec := func(n int) []weighted {
			ids := rng.Perm(len(v.DF))[:n]
			out := make([]weighted, n)
			for i, id := range ids {
				w := float32(rng.Float64())
				if ties {
					w = float32(1+rng.IntN(3)) / 4
				}
				out[i] = weighted{uint32(id), w}
			}
			slices.SortFunc(out, func(x, y weighted) int { return cmp.Compare(x.ID, y.ID) })
			return out
		}
		c := New(DefaultParams())
		var sc sumScratch
		for range 300 {
			c.p.DocTerms = rng.IntN(150)
			a := vec(rng.IntN(300))
			r := c.rank(a, &v)
			for _, n := range []int{c.p.QueryTerms, c.p.IndexTerms} {
				if want := top(a, min(n, c.p.DocTerms), &v); !slices.Equal(r.first(n), want) {
					t.Fatalf("ties %v: first %d of %d to %d: %v, want %v", ties, n, len(a), c.p.DocTerms, r.first(n), want)
				}
			}
			if want := prune(a, c.p.DocTerms, &v); !slices.Equal(r.kept, want) {
				t.Fatalf("ties %v: kept of %d to %d: %v, want %v", ties, len(a), c.p.DocTerms, r.kept, want)
			}
			if want := normOf(a, &v); math.Float64bits(r.norm) != math.Float64bits(want) {
				t.Fatalf("ties %v: norm %v, want %v", ties, r.norm, want)
			}
			b := vec(rng.IntN(300))
			n := 1 + rng.IntN(250)
			if got, want := sc.prunedSum(a, b, n, &v), prune(add(a, b), n, &v); !slices.Equal(got, want) {
				t.Fatalf("ties %v: prunedSum of %d and %d to %d: %v, want %v", ties, len(a), len(b), n, got, want)
			}
		}
	}
}

// TestPostings: entries set by id are read back, ids never set read as
// empty, and the saved map holds every list set, no more.
func TestPostings(t *testing.T) {
	var p postings
	want := map[uint32][]int32{}
	rng := rand.New(rand.NewPCG(13, 14))
	for range 2000 {
		id := uint32(rng.IntN(5000))
		list := append(p.of(id), int32(rng.IntN(100)))
		p.set(id, list)
		want[id] = list
	}
	for id := range uint32(6000) {
		if got := p.of(id); !slices.Equal(got, want[id]) {
			t.Fatalf("of(%d) = %v, want %v", id, got, want[id])
		}
	}
	if got := p.asMap(); !maps.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("asMap holds %d entries, want %d", len(got), len(want))
	}
	q := postingsOf(want)
	for id := range uint32(6000) {
		if !slices.Equal(q.of(id), want[id]) {
			t.Fatalf("postingsOf: of(%d) = %v, want %v", id, q.of(id), want[id])
		}
	}
}

// TestFirstCandidates checks that the heap keeps the same best
// candidates as a sort of them all, with many tied scores and lists shorter and
// longer than the number kept.
func TestFirstCandidates(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 300 {
		hit := make([]candidate, rng.IntN(200))
		for i := range hit {
			hit[i] = candidate{si: int32(rng.IntN(1000)), acc: float64(rng.IntN(8))}
		}
		n := min(len(hit), rng.IntN(40))
		firstCandidates(hit, n)
		sorted := func(s []candidate) []candidate {
			s = slices.Clone(s)
			slices.SortFunc(s, compareCandidates)
			return s
		}
		if got, w := sorted(hit[:n]), sorted(hit)[:n]; !slices.Equal(got, w) {
			t.Fatalf("trial %d: first %d are %v, want %v", trial, n, got, w)
		}
	}
}

// TestTopSelection checks top (selectFirst, then sortScored, which
// sorts few by insertion) against a sort of all the coordinates, and sortCandidates
// against slices.SortFunc, with many tied scores and lengths on both
// sides of the sizes where they change method.
func TestTopSelection(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	v := randomVocab(rng, 2000, 4, 1000)
	better := func(a, b scored) int {
		if betterScored(a, b) {
			return -1
		}
		return 1
	}
	for trial := range 500 {
		vec := make([]weighted, 0, 300)
		for _, id := range rng.Perm(len(v.DF))[:rng.IntN(300)] {
			vec = append(vec, weighted{uint32(id), float32(1+rng.IntN(3)) / 4})
		}
		slices.SortFunc(vec, func(x, y weighted) int { return cmp.Compare(x.ID, y.ID) })
		n := rng.IntN(60)
		all := appendScored(nil, vec, &v)
		slices.SortFunc(all, better)
		var want []weighted
		for _, s := range all[:min(n, len(all))] {
			want = append(want, s.x)
		}
		if got := top(vec, n, &v); !slices.Equal(got, want) {
			t.Fatalf("trial %d: top %d of %d: %v, want %v", trial, n, len(vec), got, want)
		}
		hit := make([]candidate, rng.IntN(80))
		for i := range hit {
			hit[i] = candidate{si: int32(rng.IntN(1000)), acc: float64(rng.IntN(8))}
		}
		w := slices.Clone(hit)
		slices.SortFunc(w, compareCandidates)
		if sortCandidates(hit); !slices.Equal(hit, w) {
			t.Fatalf("trial %d: sortCandidates gave %v, want %v", trial, hit, w)
		}
	}
}

// compareCandidates is betterCandidate as slices.SortFunc's comparison.
func compareCandidates(a, b candidate) int {
	if betterCandidate(a, b) {
		return -1
	}
	if betterCandidate(b, a) {
		return 1
	}
	return 0
}

// randomVocab is a vocabulary of ids terms with counts below maxDF,
// counted over docs documents.
func randomVocab(rng *rand.Rand, ids, maxDF, docs int) vocab {
	v := newVocab()
	v.DF = make([]uint32, ids)
	for i := range v.DF {
		v.DF[i] = uint32(rng.IntN(maxDF))
	}
	v.Docs = docs
	v.readDocs()
	return v
}

// BenchmarkSelectFirst selects as ranking, lookups and pruning do: the
// best 16 of a story's 200 coordinates (topInto), the best 100 of a
// document's 250 (rank) and the best 200 of a sum's 300 (prunedSum),
// scores from a vocabulary's counts (few distinct, so some ties).
func BenchmarkSelectFirst(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 8))
	v := randomVocab(rng, 50000, 2000, 100000)
	for _, c := range []struct{ n, of int }{{16, 200}, {100, 250}, {200, 300}} {
		var sets [][]scored
		for range 64 {
			vec := make([]weighted, 0, c.of)
			for _, id := range rng.Perm(len(v.DF))[:c.of] {
				vec = append(vec, weighted{uint32(id), float32(1+rng.IntN(5)) / 8})
			}
			sets = append(sets, appendScored(nil, vec, &v))
		}
		b.Run(fmt.Sprintf("%dof%d", c.n, c.of), func(b *testing.B) {
			ss := make([]scored, c.of)
			for i := 0; b.Loop(); i++ {
				copy(ss, sets[i%len(sets)])
				selectFirst(ss, c.n)
			}
		})
	}
}
