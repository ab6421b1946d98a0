//go:build unix

package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
	"github.com/echotrace/echotrace/internal/store/sqlite"
)

// These benchmarks report CPU seconds besides wall time: on a machine
// others use too, wall time says more about them than about the code.

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchWords are the words benchmark texts draw from, with Zipf
// frequencies as in real text.
var benchWords = func() []string {
	w := make([]string, 8000)
	for i := range w {
		w[i] = fmt.Sprintf("w%x", i*7919)
	}
	return w
}()

// benchDocs are documents from..to-1 of a synthetic corpus of texts of
// about 3000 bytes, a short news article, dated.
func benchDocs(from, to int) []doc.Document {
	docs := make([]doc.Document, 0, to-from)
	for i := from; i < to; i++ {
		rng := rand.New(rand.NewPCG(uint64(i), 1))
		zipf := rand.NewZipf(rng, 1.07, 1, uint64(len(benchWords)-1))
		var b strings.Builder
		for b.Len() < 3000 {
			b.WriteString(benchWords[zipf.Uint64()])
			b.WriteByte(' ')
		}
		// Dates within a year, not in ingest order, as a crawl finds them.
		date := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.IntN(365*24*60)) * time.Minute)
		docs = append(docs, doc.Document{ID: fmt.Sprintf("b%07d", i), Title: fmt.Sprintf("Item %d", i), Text: b.String(),
			Date: date.Format(time.RFC3339)})
	}
	return docs
}

// benchCorpus is the size of the corpus the benchmarks ingest, in
// batches of benchBatch (the ingest pipeline's batch).
const benchCorpus, benchBatch = 20000, 500

// ingestCorpus puts the benchmark corpus into a new database and returns
// it with the CPU time the puts took. When timed, the benchmark timer
// (stopped by the caller) runs during the puts, and only then.
func ingestCorpus(b *testing.B, timed bool) (*sqlite.DB, time.Duration) {
	s := openFile(b, newDSN(b))
	var cpu time.Duration
	for from := 0; from < benchCorpus; from += benchBatch {
		docs := benchDocs(from, from+benchBatch)
		if timed {
			b.StartTimer()
		}
		start := cpuTime(b)
		putDocs(b, s, docs...)
		cpu += cpuTime(b) - start
		if timed {
			b.StopTimer()
		}
	}
	return s, cpu
}

// BenchmarkIngest measures putting the benchmark corpus into a new
// database.
func BenchmarkIngest(b *testing.B) {
	b.StopTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		_, c := ingestCorpus(b, true)
		cpu += c
	}
	b.ReportMetric(float64(b.N*benchCorpus)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkIndexText measures IndexText catching up on the benchmark
// corpus: the work PutDocuments did before the index was deferred.
func BenchmarkIndexText(b *testing.B) {
	b.StopTimer()
	ctx := context.Background()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		s, _ := ingestCorpus(b, false)
		b.StartTimer()
		start := cpuTime(b)
		if err := s.IndexText(ctx); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime(b) - start
		b.StopTimer()
	}
	b.ReportMetric(float64(b.N*benchCorpus)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkSearchPage measures the first page (51 documents, the web
// list's page and one more) of a full-text search in date order on the
// benchmark corpus, for the commonest word (in nearly every document), a
// word of a few hundred documents and a word of very few.
func BenchmarkSearchPage(b *testing.B) {
	ctx := context.Background()
	s, _ := ingestCorpus(b, false)
	if err := s.IndexText(ctx); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name, word string
	}{{"common", benchWords[1]}, {"medium", benchWords[60]}, {"rare", benchWords[7000]}} {
		for _, desc := range []bool{false, true} {
			name := c.name + "/oldest"
			if desc {
				name = c.name + "/newest"
			}
			b.Run(name, func(b *testing.B) {
				q := store.DocQuery{Text: c.word, Limit: 51, Desc: desc}
				for i := 0; i < b.N; i++ {
					if _, err := s.Documents(ctx, q); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
