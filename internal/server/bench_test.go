package server

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// benchWords are invented plain words for generated texts.
var benchWords = strings.Fields(`quay lantern orchard quarry council ferry granary weaver tannery
	meadow foundry warden canal ledger railway pasture beacon schooner chapel mill tide
	said announced residents officials plans morning evening after before during the a of to and in`)

// benchDocs is the corpus size of BenchmarkPages: 100 000 by default, or
// $ECHOTRACE_BENCH_DOCS.
func benchDocs(b *testing.B) int {
	if v := os.Getenv("ECHOTRACE_BENCH_DOCS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 100 {
			b.Fatalf("ECHOTRACE_BENCH_DOCS=%q: want a number of at least 100", v)
		}
		return n
	}
	return 100_000
}

// benchStore fills a store with n generated documents and a reuse result
// relating every tenth document to the next: no analysis runs, so that
// the benchmark measures serving, not finding.
func benchStore(b *testing.B, n int) store.Store {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	rng := rand.New(rand.NewPCG(1, 2))
	const batch = 2000
	var passages []relate.Passage
	var relations []relate.Relation
	for from := 0; from < n; from += batch {
		docs := make([]doc.Document, 0, batch)
		for i := from; i < min(n, from+batch); i++ {
			var t strings.Builder
			for t.Len() < 1200 {
				t.WriteString(benchWords[rng.IntN(len(benchWords))])
				t.WriteByte(' ')
			}
			docs = append(docs, doc.Document{ID: fmt.Sprintf("d%07d", i), Title: fmt.Sprintf("Item %d about the %s", i, benchWords[i%len(benchWords)]),
				Outlet: fmt.Sprintf("Outlet %d", i%40), Lang: "en", Date: fmt.Sprintf("20%02d-%02d-%02d", 10+i%12, i%12+1, i%28+1), Text: t.String()})
			if i%10 == 0 && i+1 < n {
				a, c := fmt.Sprintf("d%07d", i), fmt.Sprintf("d%07d", i+1)
				passages = append(passages, relate.Passage{A: relate.End{Doc: a, Begin: 100, End: 700}, B: relate.End{Doc: c, Begin: 200, End: 800}, Tokens: 90, Identity: 0.9})
				relations = append(relations, relate.Relation{A: a, B: c, Kind: relate.Derived, CoverageA: 0.5, CoverageB: 0.5, Passages: 1, Direction: relate.AToB, Confidence: 0.8, Reason: "earlier date"})
			}
		}
		if _, err := st.PutDocuments(ctx, docs); err != nil {
			b.Fatal(err)
		}
	}
	v, err := st.Version(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.ReplaceReuse(ctx, v, passages, relations, relate.Chains(relations)); err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkPages serves the main pages and API lists over a large corpus;
// each should cost the same whatever the corpus size.
func BenchmarkPages(b *testing.B) {
	n := benchDocs(b)
	st := benchStore(b, n)
	srv, err := New(st, Options{Logf: b.Logf})
	if err != nil {
		b.Fatal(err)
	}
	mid := fmt.Sprintf("d%07d", (n/2)/10*10)
	deep := encodeCursor(fmt.Sprintf("d%07d", n-50))
	paths := []string{
		"/",
		"/documents",
		"/documents?order=newest",
		"/documents?cursor=" + deep,
		"/documents?outlet=Outlet+7&from=2015-01-01",
		docHref(mid),
		compareHref(mid, fmt.Sprintf("d%07d", (n/2)/10*10+1)),
		graphHref(mid) + "&depth=3",
		"/pairs?offset=" + strconv.Itoa(n/20),
		"/search?q=granary+ferry",
		"/api/documents?limit=100",
		"/api/stats",
	}
	for _, p := range paths {
		b.Run(strings.NewReplacer("/", "_", "?", "_").Replace(p), func(b *testing.B) {
			req := httptest.NewRequest("GET", p, nil)
			for i := 0; i < b.N; i++ {
				w := httptest.NewRecorder()
				srv.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("%s: status %d: %s", p, w.Code, w.Body.String())
				}
			}
		})
	}
}
