package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"testing"

	"github.com/echotrace/echotrace/internal/bench"
	"github.com/echotrace/echotrace/internal/doc"
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
