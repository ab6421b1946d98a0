package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"testing"

	"github.com/echotrace/echotrace/internal/bench"
	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store/sqlite"
)

// generated returns a synthetic corpus with planted reuse, in memory.
func generated(b *testing.B, n int) memCorpus {
	b.Helper()
	var buf bytes.Buffer
	if _, err := bench.Generate(context.Background(), bench.Config{Docs: n, Seed: 1}, &buf, io.Discard); err != nil {
		b.Fatal(err)
	}
	var c memCorpus
	dec := json.NewDecoder(&buf)
	for dec.More() {
		var d doc.Document
		if err := dec.Decode(&d); err != nil {
			b.Fatal(err)
		}
		c = append(c, d)
	}
	return c
}

// BenchmarkFindReuse measures reuse analysis alone (no store) on 2,000
// generated news-sized documents; see doc/performance.md for the whole
// engine.
func BenchmarkFindReuse(b *testing.B) {
	c := generated(b, 2000)
	var size int64
	for _, d := range c {
		size += int64(len(d.Text))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := FindReuse(context.Background(), c, DefaultReuseOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFindReuseStored runs reuse analysis on an existing SQLite
// database, such as the one `echotrace bench --dir DIR` leaves in DIR:
//
//	ECHOTRACE_BENCH_DB=DIR/bench.db go test ./internal/pipeline -run '^$' -bench FindReuseStored -benchtime 1x
//
// It skips without the variable. It reports the counts of ReuseStats per
// run, to see how candidates grow with the corpus.
func BenchmarkFindReuseStored(b *testing.B) {
	path := os.Getenv("ECHOTRACE_BENCH_DB")
	if path == "" {
		b.Skip("set ECHOTRACE_BENCH_DB to a SQLite database made by echotrace bench --dir")
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for i := 0; i < b.N; i++ {
		res, err := FindReuse(ctx, storeCorpus{st}, DefaultReuseOptions())
		if err != nil {
			b.Fatal(err)
		}
		s := res.Stats
		b.ReportMetric(float64(s.Documents), "docs")
		b.ReportMetric(float64(s.Postings), "postings")
		b.ReportMetric(float64(s.Candidates), "candidates")
		b.ReportMetric(float64(s.Aligned), "aligned")
		b.ReportMetric(float64(len(res.Passages)), "passages")
		b.ReportMetric(s.IndexSeconds, "index-s")
		b.ReportMetric(s.AlignSeconds, "align-s")
	}
}
