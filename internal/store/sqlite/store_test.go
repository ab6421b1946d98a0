package sqlite_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store/sqlite"
	"github.com/echotrace/echotrace/internal/store/storetest"
)

// newDSN is a new database file in the test's temporary directory.
func newDSN(tb testing.TB) string {
	return filepath.Join(tb.TempDir(), "echotrace.db")
}

func TestStore(t *testing.T) { storetest.Run(t, newDSN) }

func TestKill(t *testing.T) { storetest.Kill(t, newDSN) }

func BenchmarkPut(b *testing.B) { storetest.BenchmarkPut(b, newDSN) }

func BenchmarkPutUnchanged(b *testing.B) { storetest.BenchmarkPutUnchanged(b, newDSN) }

func BenchmarkDocuments(b *testing.B) { storetest.BenchmarkDocuments(b, newDSN) }

func TestProcesses(t *testing.T) { storetest.Processes(t, newDSN) }

func TestQuotes(t *testing.T) { storetest.Quotes(t, newDSN) }

// An in-memory database lives on one connection; the store must still let
// fn use it while EachDocument walks.
func TestMemory(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutDocuments(ctx, []doc.Document{{ID: "a", Text: "one"}, {ID: "b", Text: "two"}}); err != nil {
		t.Fatal(err)
	}
	var seen []string
	err = s.EachDocument(ctx, func(d doc.Document) error {
		got, err := s.Document(ctx, d.ID) // a second query on the one connection
		seen = append(seen, got.Text)
		return err
	})
	if err != nil || strings.Join(seen, " ") != "one two" {
		t.Errorf("walk = %v, %v", seen, err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	for _, path := range []string{"", "x.db?mode=ro", filepath.Join(t.TempDir(), "no-such-dir", "x.db")} {
		if s, err := sqlite.Open(ctx, path); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded, want an error", path)
		} else if path != "" && !strings.Contains(err.Error(), path) {
			t.Errorf("Open(%q): error %q does not name the path", path, err)
		}
	}
}

// TestLegacyIDs migrates a database made before ids were scoped by source.
func TestLegacyIDs(t *testing.T) {
	storetest.Legacy(t, newDSN, func(tb testing.TB, path string) {
		db := rawFile(tb, path)
		for _, q := range []string{`DROP INDEX documents_legacy`, `ALTER TABLE documents DROP COLUMN legacy_id`,
			`UPDATE schema_versions SET version = version - 1 WHERE topic = 'documents'`} {
			if _, err := db.Exec(q); err != nil {
				tb.Fatalf("%s: %v", q, err)
			}
		}
		db.Close()
	})
}

// A write transaction's connection gets a large page cache while it runs
// and goes back to the pool with a reader's small one: a server keeps
// many idle connections, and large caches on all of them stalled it.
func TestWriterCacheReturnsToReaderSize(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, newDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before, err := sqlite.CacheSizes(ctx, s, 1)
	if err != nil {
		t.Fatal(err)
	}
	docs := []doc.Document{{ID: "a", Title: "A", Text: "The ferry runs again from Monday."}, {ID: "b", Title: "B", Text: "The bridge stays closed."}}
	if _, err := s.PutDocuments(ctx, docs); err != nil {
		t.Fatal(err)
	}
	sizes, err := sqlite.CacheSizes(ctx, s, 3)
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range sizes {
		if n != before[0] {
			t.Errorf("connection %d has cache_size %d after a write, want the reader's %d", i, n, before[0])
		}
	}
	if before[0] >= 0 || before[0] < -16<<10 {
		t.Errorf("a reader's cache_size is %d, want a few MiB (negative KiB)", before[0])
	}
}
