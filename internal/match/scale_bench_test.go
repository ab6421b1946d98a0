package match

import (
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
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
	docs := 100_000
	if v, err := strconv.Atoi(os.Getenv("ECHOTRACE_BENCH_INDEX_DOCS")); err == nil && v > 0 {
		docs = v
	}
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
