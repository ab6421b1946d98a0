package postgres_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// TestBulkDefersWordIndex: an ingest into a small store drops the word
// index and builds it at its end; searches find the same documents
// before and after, and a store opened after an ingest that never ended
// has its index again.
func TestBulkDefersWordIndex(t *testing.T) {
	ctx := context.Background()
	dsn := newDSN(t)
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	hasIndex := func() bool {
		t.Helper()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_indexes WHERE indexname = 'documents_words' AND schemaname = current_schema()`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n == 1
	}
	search := func() int {
		t.Helper()
		docs, err := st.Documents(ctx, store.DocQuery{Text: "harbour tolls"})
		if err != nil {
			t.Fatal(err)
		}
		return len(docs)
	}
	if !hasIndex() {
		t.Fatal("a new store has no word index")
	}
	bulk, ok := st.(store.BulkLoader)
	if !ok {
		t.Fatal("the PostgreSQL store is not a store.BulkLoader")
	}
	end, err := bulk.BeginBulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if hasIndex() {
		t.Error("the word index is kept up to date during a bulk ingest into an empty store")
	}
	if _, err := st.PutDocuments(ctx, []doc.Document{
		{ID: "a", Text: "The harbour tolls rose twice."},
		{ID: "b", Text: "Tolls at the harbour, again."},
		{ID: "c", Text: "Nothing about boats."},
	}); err != nil {
		t.Fatal(err)
	}
	if n := search(); n != 2 {
		t.Errorf("without the index a search found %d documents, want 2", n)
	}
	if err := end(ctx); err != nil {
		t.Fatal(err)
	}
	if !hasIndex() {
		t.Fatal("the word index was not built at the end of the bulk ingest")
	}
	if n := search(); n != 2 {
		t.Errorf("with the index a search found %d documents, want 2", n)
	}
	// An ingest that never reaches its end leaves no index; opening the
	// store builds it.
	if _, err := bulk.BeginBulk(ctx); err != nil {
		t.Fatal(err)
	}
	again, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	again.Close()
	if !hasIndex() {
		t.Error("opening the store did not build the missing word index")
	}
}
