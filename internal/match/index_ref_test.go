package match

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
)

// refIndex is a naive inverted index, a map from key (the top bits of a
// hash) to the set of documents, against which the tests pin what Index
// answers.
type refIndex struct {
	post     map[uint64]map[uint32]bool
	template map[uint64]uint32
}

func newRefIndex() *refIndex { return &refIndex{post: map[uint64]map[uint32]bool{}} }

func (r *refIndex) add(doc uint32, fps []Fingerprint) {
	for _, fp := range fps {
		k := fp.Hash &^ docMask
		if r.post[k] == nil {
			r.post[k] = map[uint32]bool{}
		}
		r.post[k][doc] = true
	}
}

// docs are the documents posted under the key of h, in order.
func (r *refIndex) docs(h uint64) []uint32 {
	return slices.Sorted(maps.Keys(r.post[h&^docMask]))
}

// templates is Index.Templates written plainly: for each key in at least
// minDocs documents, the group most of them belong to (the first to reach
// the highest count, in document order), if it has minDocs of them and
// minShare of the key's documents.
func (r *refIndex) templates(group func(uint32) uint32, minDocs int, minShare float64) {
	r.template = map[uint64]uint32{}
	for k := range r.post {
		docs := r.docs(k)
		if len(docs) < minDocs {
			continue
		}
		counts := map[uint32]int{}
		best, bestN := uint32(0), 0
		for _, d := range docs {
			if g := group(d); g != 0 {
				counts[g]++
				if counts[g] > bestN {
					best, bestN = g, counts[g]
				}
			}
		}
		if bestN >= minDocs && float64(bestN) >= minShare*float64(len(docs)) {
			r.template[k] = best
		}
	}
}

func (r *refIndex) candidates(fps []Fingerprint, opt CandidateOptions) []Candidate {
	keys := map[uint64]bool{}
	for _, fp := range fps {
		keys[fp.Hash&^docMask] = true
	}
	counts := map[uint32]int{}
	for k := range keys {
		if g, ok := r.template[k]; ok && opt.Group != 0 && g == opt.Group {
			continue
		}
		if opt.MaxDF > 0 && len(r.post[k]) > opt.MaxDF {
			continue
		}
		for d := range r.post[k] {
			if int64(d) > opt.After && int64(d) != opt.Exclude {
				counts[d]++
			}
		}
	}
	var out []Candidate
	for d, n := range counts {
		if n >= max(opt.MinShared, 1) {
			out = append(out, Candidate{d, n})
		}
	}
	slices.SortFunc(out, func(a, b Candidate) int {
		if a.Shared != b.Shared {
			return b.Shared - a.Shared
		}
		return int(a.Doc) - int(b.Doc)
	})
	return out
}

// refCorpus makes random documents whose fingerprints are drawn from a
// pool of hashes chosen to be hard on the index: hashes that differ only
// below the key bits (one key), keys next to each other on either side of
// a directory bucket's edge for every directory size a test reaches, the
// smallest and largest keys, a few keys in most documents, and plain
// random ones. Each document may repeat a hash.
type refCorpus struct {
	pool []uint64
	r    *rand.Rand
}

func newRefCorpus(seed uint64, random int) *refCorpus {
	c := &refCorpus{r: rand.New(rand.NewPCG(seed, 11))}
	c.pool = append(c.pool, 0, docMask, ^uint64(0), ^uint64(docMask))
	// Keys that start a range of hashes sharing their top d bits, and the
	// keys just below: the edges of the index's parts and of its buckets.
	for d := uint(1); d <= 24; d++ {
		for range 3 {
			edge := c.r.Uint64N(1<<d) << (64 - d)
			c.pool = append(c.pool, edge, edge|c.r.Uint64N(MaxDocs), edge-MaxDocs, edge-1)
		}
	}
	for range random {
		h := c.r.Uint64()
		c.pool = append(c.pool, h, h^c.r.Uint64N(MaxDocs)) // the same key
	}
	return c
}

// doc returns n fingerprints: mostly from the pool, with a fifth of them
// from its first few entries, so that those keys are frequent.
func (c *refCorpus) doc(n int) []Fingerprint {
	fps := make([]Fingerprint, n)
	for i := range fps {
		var h uint64
		switch k := c.r.IntN(10); {
		case k < 2:
			h = c.pool[c.r.IntN(min(8, len(c.pool)))]
		case k < 9:
			h = c.pool[c.r.IntN(len(c.pool))]
		default:
			h = c.r.Uint64() // most likely in no other document
		}
		fps[i] = Fingerprint{Hash: h, Pos: int32(i)}
	}
	if n > 1 && c.r.IntN(3) == 0 {
		fps[n-1].Hash = fps[0].Hash // a repeated phrase
	}
	return fps
}

// checkAgainstRef compares every answer of x with r: the postings and DF
// of every pool key and of keys next to them, and the candidates of up to
// 100 of the documents under several options.
func checkAgainstRef(t *testing.T, x *Index, r *refIndex, c *refCorpus, fps [][]Fingerprint) {
	t.Helper()
	var hs []uint64
	for k := range r.post {
		hs = append(hs, k, k|docMask)
	}
	for _, h := range c.pool {
		hs = append(hs, h, h+MaxDocs, h-MaxDocs)
	}
	for range 200 {
		hs = append(hs, c.r.Uint64())
	}
	for _, h := range hs {
		want := r.docs(h)
		x.Freeze()
		var got []uint32
		for _, e := range x.postings(h) {
			got = append(got, uint32(e&docMask))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("postings(%#x) = %v, want %v", h, got, want)
		}
		if df := x.DF(h); df != len(want) {
			t.Fatalf("DF(%#x) = %d, want %d", h, df, len(want))
		}
		for _, limit := range []int{0, 1, 2, len(want) - 1, len(want), len(want) + 1} {
			b := x.bucketOf(h)
			p, ok := postingsIn(b, h&^docMask, middle(b), limit)
			if wantOK := limit <= 0 || len(want) <= limit; ok != wantOK || ok && len(p) != len(want) {
				t.Fatalf("postingsIn(%#x, limit %d) = %d postings, %v; want %d, %v", h, limit, len(p), ok, len(want), wantOK)
			}
		}
	}
	if x.Postings() < x.frozen {
		t.Fatalf("Postings() = %d, fewer than the %d sorted", x.Postings(), x.frozen)
	}
	opts := []CandidateOptions{
		{After: -1, Exclude: -1},
		{MaxDF: 3, MinShared: 2, After: -1, Exclude: -1},
		{MaxDF: 100, MinShared: 1, Group: 1, After: -1, Exclude: -1},
		{MaxDF: 20, MinShared: 3, Group: 2},
	}
	var counts map[uint32]int
	for range min(len(fps), 100) {
		d := c.r.IntN(len(fps))
		q := fps[d]
		for _, opt := range opts {
			if opt.Exclude != -1 {
				opt.After, opt.Exclude = int64(d), int64(d)
			}
			var got []Candidate
			got, counts = x.Candidates(q, opt, counts)
			if want := r.candidates(q, opt); !slices.Equal(got, want) {
				t.Fatalf("Candidates(document %d, %+v) = %v, want %v", d, opt, got, want)
			}
		}
	}
}

// TestIndexAgainstReference pins what the index answers (postings, DF,
// Candidates, Templates) against refIndex on random documents, added at
// once or with queries between the additions, which makes Freeze merge
// new postings into sorted ones, sometimes with a directory of another
// size.
func TestIndexAgainstReference(t *testing.T) {
	tests := []struct {
		name   string
		docs   int
		fps    int // fingerprints a document
		random int // random pool hashes besides the edge cases
		splits []int
	}{
		{"empty", 0, 0, 0, nil},
		{"one posting", 1, 1, 0, nil},
		{"one document, no fingerprints", 1, 0, 0, nil},
		{"few keys, many documents", 300, 6, 10, nil},
		{"small", 40, 30, 200, nil},
		{"directory of several bits", 1500, 60, 3000, nil},
		{"queried between additions", 600, 40, 500, []int{1, 2, 50, 51, 300}},
		{"directory grows between queries", 2500, 50, 4000, []int{100, 1000}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newRefCorpus(uint64(i), tt.random)
			x, r := NewIndex(), newRefIndex()
			fps := make([][]Fingerprint, tt.docs)
			group := func(d uint32) uint32 { return d % 3 } // group 0 is none
			for d := range tt.docs {
				fps[d] = c.doc(tt.fps)
				x.Add(uint32(d), fps[d])
				r.add(uint32(d), fps[d])
				if slices.Contains(tt.splits, d+1) {
					checkAgainstRef(t, x, r, c, fps[:d+1])
				}
			}
			if x.Docs() != tt.docs {
				t.Fatalf("Docs() = %d, want %d", x.Docs(), tt.docs)
			}
			checkAgainstRef(t, x, r, c, fps)
			x.Templates(group, 3, 0.5)
			r.templates(group, 3, 0.5)
			if !maps.Equal(x.template, r.template) {
				t.Fatalf("templates %v, want %v", x.template, r.template)
			}
			checkAgainstRef(t, x, r, c, fps)
			if tt.docs > 0 { // a document added after Templates
				x.Add(uint32(tt.docs), fps[0])
				r.add(uint32(tt.docs), fps[0])
				checkAgainstRef(t, x, r, c, append(fps, fps[0]))
			}
		})
	}
}

// TestIndexAddTwice checks that a document added twice is posted once.
func TestIndexAddTwice(t *testing.T) {
	x := NewIndex()
	fps := newRefCorpus(1, 100).doc(50)
	x.Add(0, fps)
	x.Add(0, fps)
	x.Freeze()
	for _, fp := range fps {
		if df := x.DF(fp.Hash); df != 1 {
			t.Fatalf("DF = %d after adding one document twice, want 1", df)
		}
	}
}

func TestDirBitsFor(t *testing.T) {
	for _, n := range []int{0, 1, 4095, 4096, 8191, 8192, 1 << 20, 205_000_000, 1 << 40} {
		d := dirBitsFor(n)
		perBucket := float64(n) / float64(uint64(numParts)<<d)
		if d > 0 && (perBucket < 8 || perBucket >= 16) || d == 0 && perBucket >= 16 {
			t.Errorf("dirBitsFor(%d) = %d: %.1f postings a bucket, want 8 to 16", n, d, perBucket)
		}
	}
	if d := dirBitsFor(1 << 62); d != keyBits-partBits {
		t.Errorf("dirBitsFor(1<<62) = %d, want the cap %d", d, keyBits-partBits)
	}
}

// TestIndexConcurrentQueries checks that queries from several goroutines
// after Freeze agree with the reference (and, under -race, that they only
// read the index).
func TestIndexConcurrentQueries(t *testing.T) {
	c := newRefCorpus(9, 2000)
	x, r := NewIndex(), newRefIndex()
	fps := make([][]Fingerprint, 400)
	for d := range fps {
		fps[d] = c.doc(40)
		x.Add(uint32(d), fps[d])
		r.add(uint32(d), fps[d])
	}
	x.Freeze()
	errs := make(chan string, 4)
	for w := range 4 {
		go func() {
			var counts map[uint32]int
			for d := w; d < len(fps); d += 4 {
				opt := CandidateOptions{MaxDF: 10, After: int64(d), Exclude: int64(d)}
				var got []Candidate
				got, counts = x.Candidates(fps[d], opt, counts)
				if want := r.candidates(fps[d], opt); !slices.Equal(got, want) {
					errs <- fmt.Sprintf("Candidates(document %d) = %v, want %v", d, got, want)
					return
				}
				if df, want := x.DF(fps[d][0].Hash), len(r.docs(fps[d][0].Hash)); df != want {
					errs <- fmt.Sprintf("DF = %d, want %d", df, want)
					return
				}
			}
			errs <- ""
		}()
	}
	for range 4 {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}
