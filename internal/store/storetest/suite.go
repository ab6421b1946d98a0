// Package storetest is the behaviour every store backend must show, as a
// test suite that a backend's tests run against fresh databases:
//
//	func TestStore(t *testing.T) { storetest.Run(t, newDSN) }
//	func TestKill(t *testing.T)  { storetest.Kill(t, newDSN) }
//	func BenchmarkPut(b *testing.B) { storetest.BenchmarkPut(b, newDSN) }
//
// newDSN returns the DSN of a new, empty database each time it is called
// and removes it when the test ends. The backend package must be linked
// into the test binary (it is, in its own tests), because the suite opens
// stores with store.Open.
package storetest

import (
	"bytes"
	"context"
	"testing"

	"github.com/echotrace/echotrace/internal/store"
)

// NewDSN returns the DSN of a new, empty database that lives until the
// test ends.
type NewDSN func(tb testing.TB) string

// Run runs the whole suite (except Kill, which starts processes, and the
// benchmarks) as subtests.
func Run(t *testing.T, newDSN NewDSN) {
	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(t, newDSN) })
	t.Run("Idempotent", func(t *testing.T) { testIdempotent(t, newDSN) })
	t.Run("SameIDInOneBatch", func(t *testing.T) { testSameIDInOneBatch(t, newDSN) })
	t.Run("Rejected", func(t *testing.T) { testRejected(t, newDSN) })
	t.Run("IDClash", func(t *testing.T) { testIDClash(t, newDSN) })
	t.Run("Query", func(t *testing.T) { testQuery(t, newDSN) })
	t.Run("Search", func(t *testing.T) { testSearch(t, newDSN) })
	t.Run("Paging", func(t *testing.T) { testPaging(t, newDSN) })
	t.Run("EachDocument", func(t *testing.T) { testEachDocument(t, newDSN) })
	t.Run("Reopen", func(t *testing.T) { testReopen(t, newDSN) })
	t.Run("Reuse", func(t *testing.T) { testReuse(t, newDSN) })
	t.Run("ReuseQueries", func(t *testing.T) { testReuseQueries(t, newDSN) })
	t.Run("ReuseSettings", func(t *testing.T) { testReuseSettings(t, newDSN) })
	t.Run("ConcurrentPut", func(t *testing.T) { testConcurrentPut(t, newDSN) })
	t.Run("ConcurrentReplaceReuse", func(t *testing.T) { testConcurrentReplaceReuse(t, newDSN) })
}

// open opens a store and closes it when the test ends.
func open(tb testing.TB, dsn string) store.Store {
	tb.Helper()
	s, err := store.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatalf("open %s: %v", dsn, err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// dump is the canonical dump of a store.
func dump(tb testing.TB, s store.Store) string {
	tb.Helper()
	var b bytes.Buffer
	if err := store.Dump(context.Background(), s, &b); err != nil {
		tb.Fatalf("dump: %v", err)
	}
	return b.String()
}

// version is the corpus version of a store.
func version(tb testing.TB, s store.Store) int64 {
	tb.Helper()
	v, err := s.Version(context.Background())
	if err != nil {
		tb.Fatalf("version: %v", err)
	}
	return v
}

// count is the number of documents in a store.
func count(tb testing.TB, s store.Store) int64 {
	tb.Helper()
	n, err := s.CountDocuments(context.Background())
	if err != nil {
		tb.Fatalf("count: %v", err)
	}
	return n
}
