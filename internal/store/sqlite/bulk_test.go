package sqlite_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
	"github.com/echotrace/echotrace/internal/store/sqlite"
)

// TestBulkDefersIndexes: an ingest into a small store drops the indexes
// by date, outlet, language and content hash and builds them at its end;
// queries in date order by outlet and language give the same documents
// with and without them, and a store opened after an ingest that never
// ended has them again.
func TestBulkDefersIndexes(t *testing.T) {
	ctx := context.Background()
	path := newDSN(t)
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	want := []string{"documents_content_hash", "documents_date", "documents_lang", "documents_outlet"}
	indexes := func() []string {
		t.Helper()
		rows, err := rawFile(t, path).Query(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN
			('documents_content_hash', 'documents_date', 'documents_lang', 'documents_outlet') ORDER BY name`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var names []string
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				t.Fatal(err)
			}
			names = append(names, n)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return names
	}
	ids := func(q store.DocQuery) []string {
		t.Helper()
		docs, err := st.Documents(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range docs {
			out = append(out, d.ID)
		}
		return out
	}
	queries := []store.DocQuery{
		{}, {Desc: true}, {Outlet: "Harbour Post"}, {Lang: "de"},
		{From: time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC)},
	}
	wantIDs := [][]string{
		{"b", "a", "c", "d"}, {"d", "c", "a", "b"}, {"b", "c"}, {"a"}, {"a", "c"},
	}
	if got := indexes(); !slices.Equal(got, want) {
		t.Fatalf("a new store has the indexes %v, want %v", got, want)
	}
	end, err := st.BeginBulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := indexes(); len(got) != 0 {
		t.Errorf("a bulk ingest into an empty store keeps the indexes %v up to date", got)
	}
	day := func(d int) string { return time.Date(2024, 3, d, 9, 0, 0, 0, time.UTC).Format(time.RFC3339) }
	if _, err := st.PutDocuments(ctx, []doc.Document{
		{ID: "a", Text: "Die Hafengebühren steigen.", Outlet: "Kurier", Lang: "de", Date: day(2)},
		{ID: "b", Text: "Harbour tolls rose twice.", Outlet: "Harbour Post", Lang: "en", Date: day(1)},
		{ID: "c", Text: "Tolls at the harbour, again.", Outlet: "Harbour Post", Lang: "en", Date: day(3)},
		{ID: "d", Text: "Nothing about boats.", Outlet: "Daily", Lang: "en"},
	}); err != nil {
		t.Fatal(err)
	}
	for i, q := range queries {
		if got := ids(q); !slices.Equal(got, wantIDs[i]) {
			t.Errorf("without the indexes, query %+v gave %v, want %v", q, got, wantIDs[i])
		}
	}
	if err := end(ctx); err != nil {
		t.Fatal(err)
	}
	if got := indexes(); !slices.Equal(got, want) {
		t.Fatalf("after the bulk ingest the store has the indexes %v, want %v", got, want)
	}
	for i, q := range queries {
		if got := ids(q); !slices.Equal(got, wantIDs[i]) {
			t.Errorf("with the indexes, query %+v gave %v, want %v", q, got, wantIDs[i])
		}
	}
	// An ingest that never reaches its end leaves the indexes missing;
	// opening the store builds them.
	if _, err := st.BeginBulk(ctx); err != nil {
		t.Fatal(err)
	}
	if got := indexes(); len(got) != 0 {
		t.Fatalf("the second bulk ingest kept the indexes %v", got)
	}
	again, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	again.Close()
	if got := indexes(); !slices.Equal(got, want) {
		t.Errorf("opening the store left the indexes %v, want %v", got, want)
	}
}
