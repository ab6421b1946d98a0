package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// Open a store by DSN (a file path means SQLite), put documents twice,
// and search them.
func Example() {
	dir, err := os.MkdirTemp("", "echotrace-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(dir, "corpus.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()

	docs := []doc.Document{
		{ID: "wire-1", Outlet: "Wire", Date: "2024-05-02", Text: "Ferry service to the island resumes on Monday."},
		{ID: "paper-1", Outlet: "Paper", Date: "2024-05-03", Text: "The island ferry resumes Monday, the wire reports."},
		{ID: "blog-1", Outlet: "Blog", Text: "Notes on the harbour lights."},
	}
	res, _ := s.PutDocuments(ctx, docs)
	fmt.Printf("first put: %+v\n", res)
	res, _ = s.PutDocuments(ctx, docs)
	fmt.Printf("second put: %+v\n", res)
	v, _ := s.Version(ctx)
	fmt.Println("corpus version:", v)

	found, _ := s.Documents(ctx, store.DocQuery{Text: "Island FERRY"})
	for _, d := range found {
		fmt.Println(d.Date, d.ID)
	}
	// Output:
	// first put: {Added:3 Updated:0 Unchanged:0 Renamed:0}
	// second put: {Added:0 Updated:0 Unchanged:3 Renamed:0}
	// corpus version: 3
	// 2024-05-02 wire-1
	// 2024-05-03 paper-1
}
