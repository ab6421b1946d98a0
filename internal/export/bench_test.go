package export

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
	"github.com/echotrace/echotrace/internal/store/sqlite"
)

// BenchmarkExport exports a synthetic corpus of ECHOTRACE_BENCH_EXPORT_DOCS
// documents (default 20 000) in each format and reports the peak of the
// live heap above what it was before the export: the figure that must not
// grow with the corpus beyond the small per-document index of stories.
// Every pair of documents shares one passage, every ten documents are a
// story; quotes are not planted (the graph of quotes aggregates per
// distinct quote).
//
//	ECHOTRACE_BENCH_EXPORT_DOCS=1000000 go test ./internal/export -run '^$' -bench Export -benchtime 1x
func BenchmarkExport(b *testing.B) {
	n := 20000
	if s := os.Getenv("ECHOTRACE_BENCH_EXPORT_DOCS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	st := syntheticStore(b, n)
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			var peak uint64
			cpu := cpuSeconds()
			for b.Loop() {
				dir := b.TempDir()
				peak = max(peak, peakHeap(func() {
					if _, err := Write(context.Background(), st, f, dir, Filter{}); err != nil {
						b.Fatal(err)
					}
				}))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			// CPU time, which a machine shared with other work does not
			// stretch as it does wall time.
			b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/export")
		})
	}
}

// cpuSeconds is the CPU time this process has spent running Go code and
// collecting garbage, as the runtime estimates it.
func cpuSeconds() float64 {
	s := []metrics.Sample{{Name: "/cpu/classes/user:cpu-seconds"}, {Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(s)
	return s[0].Value.Float64() + s[1].Value.Float64()
}

// peakHeap runs fn and returns the largest live heap seen meanwhile above
// the heap before it, sampled every 10 ms.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				mu.Lock()
				if m.HeapAlloc > base && m.HeapAlloc-base > peak {
					peak = m.HeapAlloc - base
				}
				mu.Unlock()
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return peak
}

// syntheticStore fills a SQLite store with n short dated documents of 50
// outlets, a passage and a relation between each pair (2i, 2i+1), and a
// story of every ten documents.
func syntheticStore(b *testing.B, n int) store.Store {
	b.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	id := func(i int) string { return fmt.Sprintf("doc-%07d", i) }
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	const shared = "The regional water board said on Monday that the ban on fishing in the lake would stay in place until the results of new tests were known."
	batch := make([]doc.Document, 0, 1000)
	for i := 0; i < n; i++ {
		batch = append(batch, doc.Document{ID: id(i), Title: fmt.Sprintf("Report number %d", i), Outlet: fmt.Sprintf("outlet-%02d", i%50),
			Date: day.AddDate(0, 0, i%365).Format("2006-01-02"), Lang: "en",
			Text: fmt.Sprintf("Item %d, filed by the desk. ", i) + shared + fmt.Sprintf(" More on item %d follows, with a comment, a \"quote\" and a line\nbreak.", i)})
		if len(batch) == cap(batch) || i == n-1 {
			if _, err := st.PutDocuments(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	version, err := st.Version(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var ps []relate.Passage
	var rs []relate.Relation
	for i := 0; i+1 < n; i += 2 {
		a, c := id(i), id(i+1)
		begin := len(fmt.Sprintf("Item %d, filed by the desk. ", i))
		beginB := len(fmt.Sprintf("Item %d, filed by the desk. ", i+1))
		ps = append(ps, relate.Passage{A: relate.End{Doc: a, Begin: begin, End: begin + len(shared)},
			B: relate.End{Doc: c, Begin: beginB, End: beginB + len(shared)}, Tokens: 27, Identity: 1})
		rs = append(rs, relate.Relation{A: a, B: c, Kind: relate.Partial, CoverageA: 0.6, CoverageB: 0.6, Passages: 1,
			Direction: relate.AToB, Confidence: 0.9, Reason: "dated before"})
	}
	if _, err := st.ReplaceReuse(ctx, version, ps, rs, nil); err != nil {
		b.Fatal(err)
	}
	var stories []cluster.Story
	for i := 0; i < n; i += 10 {
		s := cluster.Story{Summary: cluster.Summary{ID: fmt.Sprintf("s%d", i/10), Label: fmt.Sprintf("Story %d", i/10)}}
		for j := i; j < min(i+10, n); j++ {
			s.Documents = append(s.Documents, id(j))
		}
		stories = append(stories, s)
	}
	if _, err := st.ReplaceClusters(ctx, version, store.ClusterList{Stories: stories}, nil); err != nil {
		b.Fatal(err)
	}
	return st
}
