package match

import (
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/zeebo/xxh3"
)

// synthTokens are the token hashes of synthetic document n: 600 words from
// a Zipfian vocabulary of 50,000, so that common phrases recur across
// documents as in news. They are a function of n, so a benchmark over a
// million documents need not keep them.
func synthTokens(n uint64) []uint64 {
	r := rand.New(rand.NewPCG(n, 99))
	z := rand.NewZipf(r, 1.1, 2, 49999)
	out := make([]uint64, 600)
	for i := range out {
		out[i] = xxh3.HashString(strconv.FormatUint(z.Uint64(), 36))
	}
	return out
}

// BenchmarkMatchOneAgainstIndex measures what placing one new document
// costs against an index of many: its candidates from the index, then the
// alignment of the best ones. The new document is an edited copy of an
// indexed one. The index size is ECHOTRACE_BENCH_INDEX_DOCS (default
// 100,000; doc/performance.md gives the figure for 1,000,000). It reports
// the 50th and 99th percentile latency of one document.
func BenchmarkMatchOneAgainstIndex(b *testing.B) {
	docs := benchDocs("ECHOTRACE_BENCH_INDEX_DOCS", 100_000)
	const k, w = 5, 8
	x := NewIndex()
	for n := 0; n < docs; n++ {
		x.Add(uint32(n), Winnow(Shingles(synthTokens(uint64(n)), k), w))
	}
	x.Freeze()
	opt := DefaultAlignOptions()
	r := rand.New(rand.NewPCG(1, 2))
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		src := uint64(r.IntN(docs))
		q := slices.Clone(synthTokens(src))
		for j := 7; j < len(q); j += 40 {
			q[j] = uint64(r.Int64()) // an edited word every 40
		}
		start := time.Now()
		cands, _ := x.Candidates(Winnow(Shingles(q, k), w), CandidateOptions{MaxDF: 100, MinShared: 1, After: -1, Exclude: -1}, nil)
		al := NewAligner(q, opt)
		found := false
		for _, c := range cands[:min(len(cands), 20)] {
			if len(al.Align(synthTokens(uint64(c.Doc)))) > 0 && uint64(c.Doc) == src {
				found = true
			}
		}
		lat = append(lat, time.Since(start))
		if !found {
			b.Fatalf("the edited copy of document %d was not matched to it", src)
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(x.Postings()), "postings")
}

// benchDocs is the document count a benchmark uses: the integer in the
// environment variable env, or def.
func benchDocs(env string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(env)); err == nil && v > 0 {
		return v
	}
	return def
}

// synthFingerprints appends the 205 fingerprints of synthetic document n,
// about what the pipeline indexes for a news article. Four in five are the
// document's own; one in five is drawn from a Zipfian set of a million
// phrases, so that some keys are in a handful of documents and a few in
// most of them, as boilerplate is. They cost far less to make than
// synthTokens' fingerprints, so that the index, not the corpus, is what
// the index benchmarks measure.
func synthFingerprints(dst []Fingerprint, n uint64) []Fingerprint {
	r := rand.New(rand.NewPCG(n, 7))
	z := rand.NewZipf(r, 1.1, 2, 1<<20)
	for i := range 205 {
		h := Mix(n<<8 | uint64(i))
		if r.IntN(5) == 0 {
			h = Mix(z.Uint64() ^ 0x5bd1e995)
		}
		dst = append(dst, Fingerprint{Hash: h, Pos: int32(3 * i)})
	}
	return dst
}

// heapObjects is the bytes of heap objects, live or not yet swept: read
// through runtime/metrics, which, unlike runtime.ReadMemStats, does not
// stop the world, so it can be sampled while the index is built.
func heapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// peakHeap samples heapObjects every millisecond until stop is closed and
// then sends the highest value seen.
func peakHeap(stop <-chan struct{}, peak chan<- uint64) {
	t := time.NewTicker(time.Millisecond)
	defer t.Stop()
	hi := heapObjects()
	for {
		select {
		case <-stop:
			peak <- max(hi, heapObjects())
			return
		case <-t.C:
			hi = max(hi, heapObjects())
		}
	}
}

// BenchmarkIndexAddFreeze measures building the index the way the pipeline
// does: every document's fingerprints added in corpus order, then one
// Freeze. The corpus is ECHOTRACE_BENCH_ADD_DOCS documents (default
// 200,000) of synthFingerprints, made before the clock starts. Besides
// time and allocation it reports the postings' own size and the peak of
// the heap above what it was before the first Add (garbage not yet
// collected included: that is what the process has to hold).
func BenchmarkIndexAddFreeze(b *testing.B) {
	docs := benchDocs("ECHOTRACE_BENCH_ADD_DOCS", 200_000)
	flat := make([]Fingerprint, 0, docs*205)
	for n := range docs {
		flat = synthFingerprints(flat, uint64(n))
	}
	b.ReportAllocs()
	b.ResetTimer()
	var postings int
	var peak uint64
	for range b.N {
		b.StopTimer()
		runtime.GC()
		base := heapObjects()
		stop, peakc := make(chan struct{}), make(chan uint64)
		go peakHeap(stop, peakc)
		b.StartTimer()
		x := NewIndex()
		for n := range docs {
			x.Add(uint32(n), flat[n*205:(n+1)*205])
		}
		x.Freeze()
		b.StopTimer()
		close(stop)
		peak = max(peak, <-peakc-base)
		postings = x.Postings()
		runtime.KeepAlive(x)
		b.StartTimer()
	}
	b.ReportMetric(float64(postings)*8/(1<<20), "postings-MB")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// synthIndex returns an index of ECHOTRACE_BENCH_INDEX_DOCS documents
// (default 100,000) of synthFingerprints, built once for all the
// benchmarks that query it.
var synthIndex = sync.OnceValues(func() (int, *Index) {
	docs := benchDocs("ECHOTRACE_BENCH_INDEX_DOCS", 100_000)
	x := NewIndex()
	var fps []Fingerprint
	for n := range docs {
		fps = synthFingerprints(fps[:0], uint64(n))
		x.Add(uint32(n), fps)
	}
	x.Freeze()
	return docs, x
})

// BenchmarkIndexCandidates measures one Candidates query, a document's 205
// fingerprints with the pipeline's frequency limit, against an index of
// ECHOTRACE_BENCH_INDEX_DOCS documents (default 100,000) of
// synthFingerprints; the query is an indexed document, so it finds itself
// and whatever shares its phrases. ns/lookup is the time per fingerprint
// looked up.
func BenchmarkIndexCandidates(b *testing.B) {
	docs, x := synthIndex()
	r := rand.New(rand.NewPCG(3, 4))
	queries := make([][]Fingerprint, 1024)
	for i := range queries {
		queries[i] = synthFingerprints(nil, uint64(r.IntN(docs)))
	}
	var counts map[uint32]int
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		_, counts = x.Candidates(queries[i%len(queries)], CandidateOptions{MaxDF: 100, MinShared: 1, After: -1, Exclude: -1}, counts)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/205, "ns/lookup")
}

// BenchmarkIndexDF measures DF, which the pipeline asks for every
// fingerprint of every passage it finds, on the index of
// BenchmarkIndexCandidates.
func BenchmarkIndexDF(b *testing.B) {
	docs, x := synthIndex()
	var hs []uint64
	r := rand.New(rand.NewPCG(5, 6))
	for len(hs) < 1<<16 {
		for _, fp := range synthFingerprints(nil, uint64(r.IntN(docs))) {
			hs = append(hs, fp.Hash)
		}
	}
	b.ResetTimer()
	sum := 0
	for i := range b.N {
		sum += x.DF(hs[i%len(hs)])
	}
	runtime.KeepAlive(sum)
}
