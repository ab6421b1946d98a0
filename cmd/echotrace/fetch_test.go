package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFetchCommand(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/story":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<html><head><title>Bridge opening delayed</title></head><body><article>
<p>The opening of the new river bridge has been delayed until April because a shipment of steel arrived late, the regional transport office said on Monday.</p>
<p>The old ferry will keep running until then, with its usual timetable and prices.</p></article></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	list := filepath.Join(dir, "urls.txt")
	os.WriteFile(list, []byte("# a comment\n\n"+srv.URL+"/missing\n"), 0o644)

	out, errs, code := echotrace(t, dir, "--db", "news.db", "--json", "fetch", "--allow-private", "--interval", "1ms", "--from", list, srv.URL+"/story")
	if code != 1 {
		t.Fatalf("exit %d, want 1 for the missing page; stderr:\n%s", code, errs)
	}
	var sum fetchSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if sum.URLs != 2 || sum.Fetched != 1 || sum.Failed != 1 || sum.Stored.Added != 1 || sum.Reasons["http status"] != 1 {
		t.Errorf("summary = %+v", sum)
	}
	if !strings.Contains(errs, srv.URL+"/missing") || !strings.Contains(errs, "404") {
		t.Errorf("stderr does not name the failed URL: %s", errs)
	}
	if fi, err := os.Stat(filepath.Join(dir, "news.warc.gz")); err != nil || fi.Size() == 0 {
		t.Errorf("no WARC archive beside the database: %v", err)
	}

	// Ingesting the archive fetch kept finds the page already there.
	out, errs, code = echotrace(t, dir, "--db", "news.db", "--json", "ingest", "news.warc.gz")
	if code != 0 {
		t.Fatalf("ingest of the archive: exit %d; stderr:\n%s", code, errs)
	}
	var ing struct {
		Stored    struct{ Added int } `json:"stored"`
		Documents int                 `json:"documents"`
	}
	if err := json.Unmarshal([]byte(out), &ing); err != nil {
		t.Fatalf("ingest output is not JSON: %v\n%s", err, out)
	}
	if ing.Stored.Added != 0 || ing.Documents != 1 {
		t.Errorf("ingesting the fetched archive: %s; want the one page, nothing added", out)
	}

	// Without --allow-private the local server is refused.
	_, errs, code = echotrace(t, dir, "--db", "news.db", "fetch", srv.URL+"/story")
	if code != 1 || !strings.Contains(errs, "refused") {
		t.Errorf("exit %d, stderr %q; want a refusal", code, errs)
	}
}
