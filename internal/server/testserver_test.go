package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/pipeline"
	"github.com/echotrace/echotrace/internal/read"
	"github.com/echotrace/echotrace/internal/store"
	_ "github.com/echotrace/echotrace/internal/store/sqlite"
	"github.com/echotrace/echotrace/internal/testutil"
)

// fixture is a server over a freshly analysed corpus, listening on
// 127.0.0.1.
type fixture struct {
	st  store.Store
	srv *Server
	ts  *httptest.Server
}

// newFixture ingests and analyses paths into a new SQLite store and serves
// it.
func newFixture(t testing.TB, opt Options, paths ...string) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "server.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if len(paths) > 0 {
		if _, err := pipeline.Ingest(ctx, st, paths, pipeline.IngestOptions{}, func(p read.Problem) { t.Logf("ingest: %v", p) }); err != nil {
			t.Fatal(err)
		}
		if _, err := pipeline.Analyze(ctx, st, pipeline.AnalyzeOptions{Reuse: pipeline.DefaultReuseOptions()}); err != nil {
			t.Fatal(err)
		}
	}
	return serveStore(t, st, opt)
}

// serveStore serves an existing store.
func serveStore(t testing.TB, st store.Store, opt Options) *fixture {
	t.Helper()
	if opt.Logf == nil {
		opt.Logf = t.Logf
	}
	srv, err := New(st, opt)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	t.Cleanup(srv.Close) // before the store closes: cleanups run last first
	return &fixture{st: st, srv: srv, ts: ts}
}

// newsroom is the invented example corpus in the repository.
func newsroom(t testing.TB) string {
	return filepath.Join(testutil.RepoRoot(t), "examples", "newsroom")
}

// putDocs stores documents directly and analyses them.
func putDocs(t testing.TB, st store.Store, docs ...doc.Document) {
	t.Helper()
	ctx := context.Background()
	if _, err := st.PutDocuments(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.Analyze(ctx, st, pipeline.AnalyzeOptions{Reuse: pipeline.DefaultReuseOptions()}); err != nil {
		t.Fatal(err)
	}
}

// get fetches a path and returns the status and body.
func (f *fixture) get(t testing.TB, path string) (int, []byte, http.Header) {
	t.Helper()
	return f.do(t, "GET", path, "", nil, "")
}

func (f *fixture) do(t testing.TB, method, path, contentType string, body io.Reader, token string) (int, []byte, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, f.ts.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := f.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b, resp.Header
}

// getJSON fetches a path that must answer 200 and decodes the answer.
func (f *fixture) getJSON(t testing.TB, path string) map[string]any {
	t.Helper()
	status, body, _ := f.get(t, path)
	if status != http.StatusOK {
		t.Fatalf("GET %s: status %d: %s", path, status, body)
	}
	var v map[string]any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return v
}

// items is the items of a list answer.
func items(t testing.TB, v map[string]any) []map[string]any {
	t.Helper()
	raw, ok := v["items"].([]any)
	if !ok {
		t.Fatalf("no items array in %v", v)
	}
	out := make([]map[string]any, len(raw))
	for i, x := range raw {
		out[i], _ = x.(map[string]any)
	}
	return out
}

// firstWord is a word of a title, for searches that must find something
// without the test naming words of a corpus.
func firstWord(title string) string {
	for _, w := range strings.Fields(title) {
		if len(store.SearchWords(w)) == 1 && len(w) > 3 {
			return store.SearchWords(w)[0]
		}
	}
	return ""
}
