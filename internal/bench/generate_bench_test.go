package bench

import (
	"context"
	"io"
	"strings"
	"testing"
)

func BenchmarkGenerate(b *testing.B) {
	const docs = 1000
	var bytes int64
	for b.Loop() {
		st, err := Generate(context.Background(), Config{Docs: docs, Seed: 1}, io.Discard, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		bytes = st.Bytes
	}
	b.SetBytes(bytes)
	b.ReportMetric(docs*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkNearDupStage compares the two implementations on one corpus;
// the figures in doc/performance.md come from `echotrace bench neardup`,
// which also measures peak memory per process.
func BenchmarkNearDupStage(b *testing.B) {
	dir := b.TempDir()
	corpus := dir + "/corpus.jsonl"
	st, err := GenerateFiles(context.Background(), Config{Docs: 2000, Seed: 1}, corpus, dir+"/truth.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	for _, impl := range []string{ImplEchotrace, ImplEkzhu} {
		b.Run(strings.ReplaceAll(impl, "/", "_"), func(b *testing.B) {
			var stage float64
			for b.Loop() {
				run, err := NearDupStage(context.Background(), impl, corpus, NearDupConfig{})
				if err != nil {
					b.Fatal(err)
				}
				stage += run.Stage.Seconds
			}
			b.ReportMetric(stage/float64(b.N)*1e3, "stage-ms/op")
			b.ReportMetric(float64(st.Docs)*float64(b.N)/stage, "stage-docs/s")
		})
	}
}
