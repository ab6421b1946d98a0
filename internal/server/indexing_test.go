package server

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// buildingIndex is a real store whose text searches meet a full-text
// index still being built, as after a large ingest while the server's
// catch-up runs; every other query goes to the store.
type buildingIndex struct{ store.Store }

func (b buildingIndex) Documents(ctx context.Context, q store.DocQuery) ([]doc.Document, error) {
	if q.Text != "" {
		return nil, store.ErrTextIndexBuilding
	}
	return b.Store.Documents(ctx, q)
}

func TestSearchWhileIndexBuilds(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "server.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	putDocs(t, st, doc.Document{ID: "a", Title: "Harbour", Text: "The harbour reopened on Monday after the storm."})
	f := serveStore(t, buildingIndex{st}, Options{})

	status, body, h := f.get(t, "/api/search?q=harbour")
	if status != http.StatusServiceUnavailable || h.Get("Retry-After") == "" || !strings.Contains(string(body), `"index_building"`) {
		t.Errorf("API search: status %d, Retry-After %q, body %s", status, h.Get("Retry-After"), body)
	}
	status, body, h = f.get(t, "/search?q=harbour")
	if status != http.StatusServiceUnavailable || h.Get("Retry-After") == "" || !strings.Contains(string(body), "still being built") {
		t.Errorf("search page: status %d, Retry-After %q, body %.300s", status, h.Get("Retry-After"), body)
	}
	// Pages that do not search are not affected.
	if status, body, _ := f.get(t, "/api/documents"); status != http.StatusOK {
		t.Errorf("document list: status %d: %s", status, body)
	}
}
