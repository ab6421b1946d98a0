package cluster

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// cosineOneLoop is query.cosine as one loop, the reference.
func (q *query) cosineOneLoop(b []weighted, v *vocab) float64 {
	if len(q.vec) == 0 || len(b) == 0 {
		return 0
	}
	base := v.lnDocs
	var dot, nb float64
	for _, y := range b {
		idf := base - ln1p(int(v.DF[y.ID])) + 1 // v.idf(y.ID)
		if int(y.ID) < len(q.at) {
			if k := q.at[y.ID]; k > 0 {
				dot += float64(q.vec[k-1].W) * float64(y.W) * idf * idf
			}
		}
		w := float64(y.W) * idf
		nb += w * w
	}
	if dot == 0 {
		return 0
	}
	return dot / math.Sqrt(q.norm*nb)
}

// cosineNormedOneLoop is query.cosineNormed as one loop, the reference.
func (q *query) cosineNormedOneLoop(b []weighted, nb float64, v *vocab) float64 {
	if len(q.vec) == 0 || len(b) == 0 {
		return 0
	}
	base := v.lnDocs
	var dot float64
	for _, y := range b {
		if int(y.ID) < len(q.at) {
			if k := q.at[y.ID]; k > 0 {
				idf := base - ln1p(int(v.DF[y.ID])) + 1
				dot += float64(q.vec[k-1].W) * float64(y.W) * idf * idf
			}
		}
	}
	if dot == 0 {
		return 0
	}
	return dot / math.Sqrt(q.norm*nb)
}

// gatherFixture is a vocabulary of random counts, stories of 200
// coordinates and queries of 250.
type gatherFixture struct {
	v       vocab
	stories [][]weighted
	qs      [][]weighted
}

func newGatherFixture(vocabN, nStories int) *gatherFixture {
	rng := rand.New(rand.NewPCG(1, 2))
	f := &gatherFixture{v: newVocab()}
	f.v.DF = make([]uint32, vocabN)
	for i := range f.v.DF {
		f.v.DF[i] = uint32(rng.IntN(300))
	}
	f.v.Docs = 100000
	f.v.readDocs()
	vec := func(n int) []weighted {
		m := map[uint32]bool{}
		out := make([]weighted, 0, n)
		for len(out) < n {
			id := uint32(rng.IntN(vocabN))
			if !m[id] {
				m[id] = true
				out = append(out, weighted{id, float32(rng.Float64())})
			}
		}
		slices.SortFunc(out, func(x, y weighted) int { return cmp.Compare(x.ID, y.ID) })
		return out
	}
	for range nStories {
		f.stories = append(f.stories, vec(200))
	}
	for range 64 {
		f.qs = append(f.qs, vec(250))
	}
	return f
}

var gatherSink float64

// benchGather scores 32 random stories against a query per op: mode 0
// cosine as one loop, 1 cosine, 2 cosineNormed as one loop, 3
// cosineNormed.
func benchGather(b *testing.B, vocabN int, mode int) {
	f := newGatherFixture(vocabN, 50000)
	rng := rand.New(rand.NewPCG(3, 4))
	var q query
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q.set(f.qs[i%len(f.qs)], &f.v)
		for range 32 {
			s := f.stories[rng.IntN(len(f.stories))]
			switch mode {
			case 0:
				gatherSink += q.cosineOneLoop(s, &f.v)
			case 1:
				gatherSink += q.cosine(s, &f.v)
			case 2:
				gatherSink += q.cosineNormedOneLoop(s, 1.5, &f.v)
			case 3:
				gatherSink += q.cosineNormed(s, 1.5, &f.v)
			}
		}
	}
}

func BenchmarkGather64K0(b *testing.B) { benchGather(b, 1<<16, 0) }
func BenchmarkGather64K1(b *testing.B) { benchGather(b, 1<<16, 1) }
func BenchmarkGather64K2(b *testing.B) { benchGather(b, 1<<16, 2) }
func BenchmarkGather64K3(b *testing.B) { benchGather(b, 1<<16, 3) }
func BenchmarkGather2M0(b *testing.B)  { benchGather(b, 1<<21, 0) }
func BenchmarkGather2M1(b *testing.B)  { benchGather(b, 1<<21, 1) }
func BenchmarkGather2M2(b *testing.B)  { benchGather(b, 1<<21, 2) }
func BenchmarkGather2M3(b *testing.B)  { benchGather(b, 1<<21, 3) }

// TestGatheredCosine: the comparisons that gather their reads first give
// the one loop's values, to the bit.
func TestGatheredCosine(t *testing.T) {
	f := newGatherFixture(1<<16, 200)
	var q query
	for _, qv := range f.qs {
		q.set(qv, &f.v)
		for _, s := range f.stories {
			if a, b := q.cosineOneLoop(s, &f.v), q.cosine(s, &f.v); math.Float64bits(a) != math.Float64bits(b) {
				t.Fatal(a, b)
			}
			if a, b := q.cosineNormedOneLoop(s, 2, &f.v), q.cosineNormed(s, 2, &f.v); math.Float64bits(a) != math.Float64bits(b) {
				t.Fatal(a, b)
			}
		}
	}
}
