package cluster

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// fill gives the clusterer n one-document stories with Zipf-distributed
// terms and entities, bypassing text processing so that a million stories
// build in seconds; the index and vectors are the same Add would build.
func fill(c *Clusterer, n int, rng *rand.Rand) {
	zt := rand.NewZipf(rng, 1.1, 1, 199_999)
	ze := rand.NewZipf(rng, 1.1, 1, 49_999)
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		var tc, ec []idCount
		for range 20 {
			k := fmt.Sprintf("t%d", zt.Uint64())
			tc = append(tc, idCount{c.terms.intern(k, k), 1})
		}
		for range 5 {
			k := fmt.Sprintf("e%d", ze.Uint64())
			ec = append(ec, idCount{c.ents.intern(k, k), 1})
		}
		f := features{terms: unitVector(tc), ents: unitVector(ec)}
		c.terms.count(f.terms)
		c.ents.count(f.ents)
		date := start.Add(time.Duration(i) * 3 * 365 * 24 * time.Hour / time.Duration(n))
		si := c.newStory()
		di := int32(len(c.docs))
		id := fmt.Sprintf("d%d", i)
		c.docs = append(c.docs, docRecord{ID: id, Date: date, Story: si, Terms: f.terms, Ents: f.ents})
		c.docIndex[id] = di
		c.join(si, di, f.terms, f.ents)
	}
	clear(c.dirty)
}

// BenchmarkPlace measures placing one new document (text processing
// included) among n existing stories. The time per operation should not
// grow with n: candidates come from the index, read to a bounded depth.
//
//	go test ./internal/cluster -run X -bench Place -benchtime 2000x
func BenchmarkPlace(b *testing.B) {
	sizes := []int{10_000, 100_000, 1_000_000}
	if testing.Short() {
		sizes = sizes[:2]
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("stories=%d", n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			c := New(DefaultParams())
			fill(c, n, rng)
			zt := rand.NewZipf(rng, 1.1, 1, 199_999)
			date := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
			var texts []string
			for i := range 64 {
				var sb strings.Builder
				fmt.Fprintf(&sb, "Report %d. ", i)
				for range 300 {
					fmt.Fprintf(&sb, "t%d ", zt.Uint64())
				}
				fmt.Fprintf(&sb, "said E%d and E%d in the capital.", rng.IntN(50_000), rng.IntN(50_000))
				texts = append(texts, sb.String())
			}
			scanned := 0
			i := 0
			cpu0 := cpuSeconds()
			b.ResetTimer()
			for b.Loop() {
				pl, err := c.Add(Item{ID: fmt.Sprintf("new%d", i), Date: date, Text: texts[i%len(texts)]})
				if err != nil {
					b.Fatal(err)
				}
				scanned += pl.Scanned
				i++
			}
			b.ReportMetric(float64(scanned)/float64(i), "stories-scored/op")
			// CPU time, unlike wall time, does not count the time the
			// process waited for a busy machine.
			b.ReportMetric((cpuSeconds()-cpu0)*1e6/float64(i), "cpu-µs/op")
		})
	}
}

// BenchmarkCandidates measures one lookup of candidates (candidatesWith,
// as the narrative links and the merge proposals make it for a story)
// among 100 000 one-document stories: the index entries read, the
// candidates' scores summed, the best selected and sorted.
//
//	go test ./internal/cluster -run X -bench Candidates -count 10
func BenchmarkCandidates(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	c := New(DefaultParams())
	fill(c, 100_000, rng)
	var sc candidateScratch
	i, found := 0, 0
	cpu0 := cpuSeconds()
	for b.Loop() {
		s := c.stories[(i*7919)%len(c.stories)]
		f := features{terms: s.Terms, ents: s.Ents}
		found += len(c.candidatesWith(&sc, &f))
		i++
	}
	b.ReportMetric(float64(found)/float64(i), "candidates/op")
	b.ReportMetric((cpuSeconds()-cpu0)*1e6/float64(i), "cpu-µs/op")
}
