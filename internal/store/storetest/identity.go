package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// testIDClash: an id that names a stored record of another file with
// another text is refused, and the stored document kept; the same file's
// record read again, edited, is an update.
func testIDClash(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	s := open(t, newDSN(t))
	first := doc.Document{ID: "1", Path: "coast.jsonl", Line: 1, Outlet: "Coast Daily", Text: "Dock workers walked out on Tuesday."}
	put(t, s, first)
	other := doc.Document{ID: "1", Path: "valley.jsonl", Line: 1, Outlet: "Valley Weekly", Text: "The valley fair opens on Friday."}
	res, err := s.PutDocuments(ctx, []doc.Document{other})
	var rej *store.RejectedError
	if !errors.As(err, &rej) || len(rej.Rejected) != 1 || !errors.Is(rej.Rejected[0].Err, store.ErrIDClash) || res.Changed() != 0 {
		t.Fatalf("put of a clashing id: %+v, %v; want it rejected as a clash", res, err)
	}
	if got, err := s.Document(ctx, "1"); err != nil || got.Outlet != "Coast Daily" || got.Text != first.Text {
		t.Errorf("stored document after a clash: %+v, %v; want the first kept", got, err)
	}
	edited := first
	edited.Text += " The union said so."
	if res := put(t, s, edited); res != (store.PutResult{Updated: 1}) {
		t.Errorf("the same file's record edited: %+v, want an update", res)
	}
	// The same file given by another path (from another directory) with
	// the same text is the same record.
	moved := edited
	moved.Path = "../data/coast.jsonl"
	if res := put(t, s, moved); res.Changed() != 1 || count(t, s) != 1 {
		t.Errorf("the same record by another path: %+v, %d documents", res, count(t, s))
	}
}

// Legacy checks the migration of ids from before they were scoped by
// source (store/identity.go). downgrade takes the closed database at dsn
// back to the schema before that migration (dropping the column the
// migration adds and its step from the schema version), so that opening
// it again migrates it as it would an existing database.
func Legacy(t *testing.T, newDSN NewDSN, downgrade func(tb testing.TB, dsn string)) {
	ctx := context.Background()
	dsn := newDSN(t)
	old, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	wire := "Dock workers in the northern port walked out on Tuesday after talks failed, the union said."
	// As the old rules stored them: a page by its file stem, two archive
	// records of one wire text merged under its content hash (the second
	// outlet's URL overwrote the first's), a text file.
	put(t, old,
		doc.Document{ID: "index", Path: "siteB/index.html", Outlet: "Site B", Text: "Site B's own page about the fair."},
		doc.Document{ID: "3f2a9c0d11e4b7a2", Path: "crawl.warc.gz", URL: "https://b.example/strike", Text: wire},
		doc.Document{ID: "other", Path: "x/other.txt", Text: "A text of its own."},
	)
	old.Close()
	downgrade(t, dsn)
	s := open(t, dsn)
	batch := []doc.Document{
		{ID: "siteA/index.html", Path: "siteA/index.html", Outlet: "Site A", Text: "Site A's page, another text."},
		{ID: "siteB/index.html", Path: "siteB/index.html", Outlet: "Site B", Text: "Site B's own page about the fair."},
		{ID: "urn:uuid:a", Path: "crawl.warc.gz", URL: "https://a.example/strike", Text: wire},
		{ID: "urn:uuid:b", Path: "crawl.warc.gz", URL: "https://b.example/strike", Text: wire},
		{ID: "x/other.txt", Path: "../run/x/other.txt", Text: "A text of its own."},
	}
	res := put(t, s, batch...)
	if res.Renamed != 3 || res.Added != 2 || res.Updated != 3 {
		t.Errorf("first ingest after migration: %+v, want 3 legacy documents renamed (and updated) and 2 added", res)
	}
	got := eachIDs(t, s)
	want := []string{"siteB/index.html", "urn:uuid:a", "x/other.txt", "siteA/index.html", "urn:uuid:b"}
	if !slices.Equal(got, want) {
		t.Errorf("documents %v, want %v (renamed rows keep their place)", got, want)
	}
	for _, id := range []string{"urn:uuid:a", "urn:uuid:b"} {
		d, err := s.Document(ctx, id)
		if err != nil || d.Text != wire || d.URL != "https://"+id[len(id)-1:]+".example/strike" {
			t.Errorf("%s: %+v, %v; want each outlet's copy with its own URL", id, d, err)
		}
	}
	if res := put(t, s, batch...); res != (store.PutResult{Unchanged: 5}) {
		t.Errorf("ingest again: %+v, want nothing changed", res)
	}
}
