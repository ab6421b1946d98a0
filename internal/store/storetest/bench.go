package storetest

import (
	"context"
	"testing"

	"github.com/echotrace/echotrace/internal/store"
)

// benchDocBytes is the size of a benchmark document: a short news article.
const benchDocBytes = 3000

// BenchmarkPut measures PutDocuments of batches of new documents (b.N
// batches of 500) and reports documents per second.
func BenchmarkPut(b *testing.B, newDSN NewDSN) {
	ctx := context.Background()
	s := open(b, newDSN(b))
	const batch = 500
	b.ReportAllocs()
	b.SetBytes(batch * benchDocBytes)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		docs := generatedRange(i*batch, (i+1)*batch, benchDocBytes)
		b.StartTimer()
		if _, err := s.PutDocuments(ctx, docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkPutUnchanged measures putting batches that are already stored,
// the cost of re-running an ingest.
func BenchmarkPutUnchanged(b *testing.B, newDSN NewDSN) {
	ctx := context.Background()
	s := open(b, newDSN(b))
	docs := generatedRange(0, 500, benchDocBytes)
	if _, err := s.PutDocuments(ctx, docs); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.PutDocuments(ctx, docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkDocuments measures the query paths on a corpus of 20 000
// documents: a filtered page, a deep keyset page, a full-text search.
func BenchmarkDocuments(b *testing.B, newDSN NewDSN) {
	ctx := context.Background()
	s := open(b, newDSN(b))
	const n = 20000
	for from := 0; from < n; from += 1000 {
		if _, err := s.PutDocuments(ctx, generatedRange(from, from+1000, 1000)); err != nil {
			b.Fatal(err)
		}
	}
	// A backend that indexes text after ingest does it now, so that the
	// first timed search does not pay for it.
	if ti, ok := s.(store.TextIndexer); ok {
		if err := ti.IndexText(ctx); err != nil {
			b.Fatal(err)
		}
	}
	deep, err := s.Documents(ctx, store.DocQuery{Offset: n * 3 / 4, Limit: 1})
	if err != nil || len(deep) != 1 {
		b.Fatalf("find a deep page: %v", err)
	}
	queries := []struct {
		name string
		q    store.DocQuery
	}{
		{"outlet-page", store.DocQuery{Outlet: outlets[1], Limit: 50}},
		{"lang-outlet-page", store.DocQuery{Outlet: outlets[2], Lang: langs[1], Limit: 50}},
		{"after-deep", store.DocQuery{After: deep[0].ID, Limit: 50}},
		{"text-rare", store.DocQuery{Text: lexicon[300], Limit: 50}},
		{"text-common-and-rare", store.DocQuery{Text: "harbour " + lexicon[300], Limit: 50}},
		{"text-common", store.DocQuery{Text: "lantern schooner", Limit: 50}},
		{"ids", store.DocQuery{IDs: ids(generatedRange(100, 150, 0))}},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				got, err := s.Documents(ctx, q.q)
				if err != nil {
					b.Fatal(err)
				}
				if len(got) == 0 {
					b.Fatal("query found nothing")
				}
			}
		})
	}
}
