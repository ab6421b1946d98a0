package sqlite_test

import (
	"context"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store/sqlite"
)

// created is a new database, made by Open and closed again.
func created(tb testing.TB) string {
	tb.Helper()
	path := newDSN(tb)
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	s.Close()
	return path
}

// pageSize reads a database file's settings.
func pageSize(tb testing.TB, path string) (size int, mode string) {
	tb.Helper()
	db := rawFile(tb, path)
	if err := db.QueryRow(`PRAGMA page_size`).Scan(&size); err != nil {
		tb.Fatal(err)
	}
	if err := db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
		tb.Fatal(err)
	}
	db.Close()
	return size, mode
}

// A new database gets the larger pages, in WAL mode; one made with
// SQLite's default pages keeps them and works as before.
func TestPageSize(t *testing.T) {
	ctx := context.Background()
	path := created(t)
	if size, mode := pageSize(t, path); size != 16<<10 || mode != "wal" {
		t.Errorf("a new database has pages of %d bytes in %s mode, want 16384 in wal", size, mode)
	}

	old := newDSN(t)
	db := rawFile(t, old)
	if _, err := db.Exec(`PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE before (x)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := sqlite.Open(ctx, old)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutDocuments(ctx, []doc.Document{{ID: "a", Text: "The ferry runs again."}}); err != nil {
		t.Fatal(err)
	}
	if d, err := s.Document(ctx, "a"); err != nil || d.Text != "The ferry runs again." {
		t.Errorf("document = %+v, %v", d, err)
	}
	if size, mode := pageSize(t, old); size != 4096 || mode != "wal" {
		t.Errorf("a database of 4096-byte pages has pages of %d bytes in %s mode after Open", size, mode)
	}
}
