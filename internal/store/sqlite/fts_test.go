package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
	"github.com/echotrace/echotrace/internal/store/sqlite"
)

// openFile opens the database at path and closes it when the test ends.
func openFile(tb testing.TB, path string) *sqlite.DB {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// rawFile opens the database at path with plain database/sql, to look
// at (and, for the tests, tamper with) what the store keeps.
func rawFile(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(60000)")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// ftsState is how many documents the full-text index holds (its docsize
// shadow table has a row per indexed document) and how many wait in
// fts_pending. It checks the index with FTS5's integrity-check, which
// compares it with the content table (a 'delete' of a document that was
// never indexed fails it), and checks that no document was indexed twice:
// that passes the integrity-check, since the later entries of a rowid
// hide the earlier ones, but FTS5 counts the document twice in the row
// total that its ranking uses.
func ftsState(tb testing.TB, path string) (indexed, pending int) {
	tb.Helper()
	db := rawFile(tb, path)
	if _, err := db.Exec(`INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')`); err != nil {
		tb.Fatalf("full-text index integrity: %v", err)
	}
	var totals []byte
	err := db.QueryRow(`SELECT (SELECT count(*) FROM documents_fts_docsize), (SELECT count(*) FROM fts_pending),
		(SELECT block FROM documents_fts_data WHERE id = 1)`).Scan(&indexed, &pending, &totals)
	if err != nil {
		tb.Fatal(err)
	}
	// The totals record (id 1) starts with the number of rows indexed, as
	// an SQLite varint: big-endian groups of 7 bits, the high bit set on
	// all but the last (9-byte forms do not occur at these counts).
	var rows int
	for _, c := range totals {
		rows = rows<<7 | int(c&0x7f)
		if c < 0x80 {
			break
		}
	}
	if rows != indexed {
		tb.Errorf("full-text index counts %d rows indexed, has %d: some indexed twice", rows, indexed)
	}
	return indexed, pending
}

// wantState fails the test unless the index holds indexed documents and
// pending wait, and the index is sound.
func wantState(tb testing.TB, path, when string, indexed, pending int) {
	tb.Helper()
	if i, p := ftsState(tb, path); i != indexed || p != pending {
		tb.Errorf("%s: %d documents indexed, %d pending; want %d and %d", when, i, p, indexed, pending)
	}
}

// wantSearch fails the test unless each query finds exactly the documents
// given for it.
func wantSearch(tb testing.TB, s store.Store, when string, queries map[string][]string) {
	tb.Helper()
	for q, want := range queries {
		got, err := s.Documents(context.Background(), store.DocQuery{Text: q})
		if err != nil {
			tb.Fatalf("%s: search %q: %v", when, q, err)
		}
		var ids []string
		for _, d := range got {
			ids = append(ids, d.ID)
		}
		if !reflect.DeepEqual(ids, want) {
			tb.Errorf("%s: search %q = %v, want %v", when, q, ids, want)
		}
	}
}

// putDocs puts documents in one batch.
func putDocs(tb testing.TB, s store.Store, docs ...doc.Document) {
	tb.Helper()
	if _, err := s.PutDocuments(context.Background(), docs); err != nil {
		tb.Fatal(err)
	}
}

// Ingest leaves the index alone; the first search builds it, and later
// changes are indexed by the next search, whether the document changed
// was indexed already or still pending.
func TestTextIndexDeferred(t *testing.T) {
	path := newDSN(t)
	s := openFile(t, path)
	putDocs(t, s,
		doc.Document{ID: "a", Title: "Mill fire", Text: "The old mill burned down."},
		doc.Document{ID: "b", Text: "Council approves bridge repairs."},
	)
	wantState(t, path, "after ingest", 0, 2)
	wantSearch(t, s, "first search", map[string][]string{"mill": {"a"}, "bridge": {"b"}, "fire": {"a"}})
	wantState(t, path, "after the first search", 2, 0)

	// a is indexed and changes; c is new and changes again before any
	// search, in the next batch and in its own.
	putDocs(t, s,
		doc.Document{ID: "a", Title: "Mill fire", Text: "The new granary burned down."},
		doc.Document{ID: "c", Text: "The ferry sails at noon."},
	)
	wantState(t, path, "after the changes", 1, 2)
	putDocs(t, s,
		doc.Document{ID: "c", Text: "The ferry sails at dawn."},
		doc.Document{ID: "c", Text: "The schooner sails at dawn."},
	)
	wantState(t, path, "after changing a pending document", 1, 2)
	wantSearch(t, s, "after the changes", map[string][]string{
		"old": nil, "granary": {"a"}, "mill": {"a"}, "burned": {"a"},
		"ferry": nil, "noon": nil, "schooner": {"c"}, "dawn": {"c"},
	})
	wantState(t, path, "after searching the changes", 3, 0)

	// Nothing pending: IndexText has nothing to do.
	if err := s.IndexText(context.Background()); err != nil {
		t.Fatal(err)
	}
	wantState(t, path, "after an idle catch-up", 3, 0)
}

// A document that goes (no Store method deletes, but a user may, in SQL)
// leaves the index if it was in it, and fts_pending if it was pending.
func TestTextIndexDelete(t *testing.T) {
	path := newDSN(t)
	s := openFile(t, path)
	putDocs(t, s, doc.Document{ID: "a", Text: "harbour lights"}, doc.Document{ID: "b", Text: "harbour tides"})
	wantSearch(t, s, "indexed", map[string][]string{"harbour": {"a", "b"}})
	putDocs(t, s, doc.Document{ID: "c", Text: "harbour walls"}, doc.Document{ID: "b", Text: "harbour storms"})
	wantState(t, path, "before the deletes", 1, 2)
	if _, err := rawFile(t, path).Exec(`DELETE FROM documents WHERE id IN ('a', 'b')`); err != nil {
		t.Fatal(err)
	}
	wantState(t, path, "after deleting an indexed and a pending document", 0, 1)
	wantSearch(t, s, "after the deletes", map[string][]string{"harbour": {"c"}, "lights": nil, "storms": nil})
	wantState(t, path, "after searching", 1, 0)
}

// Two handles on one file, as two processes would have, catching up at
// the same time: every document is indexed exactly once.
func TestTextIndexConcurrent(t *testing.T) {
	path := newDSN(t)
	s1, s2 := openFile(t, path), openFile(t, path)
	const n = 12000 // a few chunks
	docs := make([]doc.Document, n)
	for i := range docs {
		docs[i] = doc.Document{ID: fmt.Sprint(i), Text: fmt.Sprintf("common words and one of its own: only%d.", i)}
	}
	for from := 0; from < n; from += 1000 {
		putDocs(t, s1, docs[from:from+1000]...)
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			// Two catch-ups per handle: they take turns within a handle
			// and race between handles.
			errs[i] = []*sqlite.DB{s1, s2}[i%2].IndexText(ctx)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	wantState(t, path, "after concurrent catch-ups", n, 0)
	var once int
	err := rawFile(t, path).QueryRow(`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'common'`).Scan(&once)
	if err != nil || once != n {
		t.Errorf("%d documents match a word all have, want %d (%v)", once, n, err)
	}
	wantSearch(t, s2, "after concurrent catch-ups", map[string][]string{"only0": {"0"}, "only11999": {"11999"}})
}

// A database written before the index was deferred (everything indexed at
// ingest, no fts_pending) is upgraded at Open and keeps working.
func TestTextIndexOldDatabase(t *testing.T) {
	path := newDSN(t)
	s := openFile(t, path)
	putDocs(t, s, doc.Document{ID: "a", Text: "quarry closes"}, doc.Document{ID: "b", Text: "quarry reopens"})
	if err := s.IndexText(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Back to the schema before: the delete trigger of then, no
	// fts_pending, documents at schema version 2.
	_, err := rawFile(t, path).Exec(`
		DROP TABLE fts_pending;
		DROP TRIGGER documents_fts_delete;
		CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
			INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
		END;
		DROP INDEX documents_legacy;
		ALTER TABLE documents DROP COLUMN legacy_id;
		UPDATE schema_versions SET version = 2 WHERE topic = 'documents';`)
	if err != nil {
		t.Fatal(err)
	}
	s = openFile(t, path)
	wantState(t, path, "after the upgrade", 2, 0)
	putDocs(t, s, doc.Document{ID: "b", Text: "quarry sold"}, doc.Document{ID: "c", Text: "quarry flooded"})
	wantSearch(t, s, "after the upgrade", map[string][]string{
		"quarry": {"a", "b", "c"}, "reopens": nil, "sold": {"b"}, "flooded": {"c"},
	})
	wantState(t, path, "after searching", 3, 0)
}

// A search waiting for a catch-up gives up when its context ends.
func TestTextIndexCancel(t *testing.T) {
	s := openFile(t, newDSN(t))
	putDocs(t, s, doc.Document{ID: "a", Text: "beacon"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Documents(ctx, store.DocQuery{Text: "beacon"}); err == nil || !strings.Contains(err.Error(), "context canceled") {
		t.Errorf("search with a cancelled context: %v, want context canceled", err)
	}
	wantSearch(t, s, "then", map[string][]string{"beacon": {"a"}})
}

func TestTextSearchDuringCatchUp(t *testing.T) {
	defer sqlite.SetSearchIndexWait(50 * time.Millisecond)()
	s := openFile(t, newDSN(t))
	putDocs(t, s, doc.Document{ID: "a", Text: "lighthouse keeper"})
	release := sqlite.HoldTextIndex(s) // as the server's catch-up at start
	_, err := s.Documents(context.Background(), store.DocQuery{Text: "lighthouse"})
	release()
	if !errors.Is(err, store.ErrTextIndexBuilding) {
		t.Fatalf("search while another catch-up runs: %v, want ErrTextIndexBuilding", err)
	}
	// Searches not about text never wait for the index.
	release = sqlite.HoldTextIndex(s)
	docs, err := s.Documents(context.Background(), store.DocQuery{Limit: 5})
	release()
	if err != nil || len(docs) != 1 {
		t.Fatalf("listing while a catch-up runs: %v, %d documents", err, len(docs))
	}
	wantSearch(t, s, "after the catch-up", map[string][]string{"lighthouse": {"a"}})
}

// Once the index is built, searches never wait for the catch-up token: a
// busy server answers them all, however many run at once.
func TestTextSearchIndexBuilt(t *testing.T) {
	defer sqlite.SetSearchIndexWait(50 * time.Millisecond)()
	s := openFile(t, newDSN(t))
	putDocs(t, s, doc.Document{ID: "a", Text: "lighthouse keeper"})
	wantSearch(t, s, "first search", map[string][]string{"lighthouse": {"a"}})
	release := sqlite.HoldTextIndex(s) // as a catch-up, or a slow search
	defer release()
	docs, err := s.Documents(context.Background(), store.DocQuery{Text: "keeper"})
	if err != nil || len(docs) != 1 {
		t.Fatalf("search with nothing pending while the token is held: %v, %d documents; want 1", err, len(docs))
	}
}
