package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/testutil"
)

// The load test serves an analysed database itself and drives every page
// and API route with ids sampled from it: on the example newsroom, a
// short run of a few clients answers every request, reaches every kind of
// route (documents, pairs, quotes, entities, stories, narratives,
// searches) and draws from far more requests than routes.
func TestLoadtestExample(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "newsroom"), os.DirFS(filepath.Join(testutil.RepoRoot(t), "examples", "newsroom"))); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := echotrace(t, dir, "analyze", "newsroom"); code != 0 {
		t.Fatalf("analyze: exit %d, stderr:\n%s", code, errs)
	}
	out, errs, code := echotrace(t, dir, "--json", "loadtest", "--clients", "4", "--duration", "3s", "--think", "10ms")
	if code != 0 {
		t.Fatalf("loadtest: exit %d, stderr:\n%s\nstdout:\n%s", code, errs, out)
	}
	var res struct {
		Distinct int   `json:"distinct_requests"`
		CPU      int64 `json:"cpu_per_request_ns"`
		Total    struct{ Requests, Errors int }
		Routes   []struct {
			Route    string
			Requests int
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if res.Total.Requests == 0 || res.Total.Errors != 0 {
		t.Errorf("total = %+v, want requests and no errors", res.Total)
	}
	routes := map[string]bool{}
	for _, r := range res.Routes {
		routes[r.Route] = true
	}
	for _, want := range []string{"page /documents/{id}", "api /api/pair", "page /quotes/{id}", "page /entities?entity",
		"page /stories/{id}", "page /narratives/{id}", "page /search", "api /api/search", "page /pairs"} {
		if !routes[want] {
			t.Errorf("no requests of route %q in %v", want, res.Routes)
		}
	}
	if res.Distinct < 5*len(res.Routes) {
		t.Errorf("the mix holds %d different requests for %d routes; want many per route", res.Distinct, len(res.Routes))
	}
	if runtime.GOOS != "windows" && res.CPU <= 0 {
		t.Errorf("no CPU time per request reported for a server in the process")
	}
	if strings.Contains(errs, "panic") {
		t.Errorf("stderr: %s", errs)
	}
}
