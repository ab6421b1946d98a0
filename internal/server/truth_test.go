package server

import (
	"net/url"

	"github.com/echotrace/echotrace/internal/doc"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmptyAndUnknownIDs checks that a page or answer for an empty or
// unknown id is a 404, never an invented record (an empty quote id once
// gathered every occurrence of the corpus).
func TestEmptyAndUnknownIDs(t *testing.T) {
	f := newFixture(t, Options{}, newsroom(t))
	for _, p := range []string{
		"/quotes/", "/api/quotes/", "/stories/", "/api/stories/", "/narratives/", "/api/narratives/",
		"/documents/", "/api/documents/", "/uploads/", "/api/uploads/",
		"/quotes/nosuch", "/api/quotes/nosuch", "/stories/nosuch", "/api/stories/nosuch",
		"/narratives/nosuch", "/api/narratives/nosuch", "/documents/nosuch", "/api/documents/nosuch",
	} {
		if status, body, _ := f.get(t, p); status != 404 {
			t.Errorf("GET %s: status %d, want 404: %.200s", p, status, body)
		}
	}
}

// TestUnknownParameters checks that a parameter a route does not take,
// and a filter value it does not know, are a 400 naming them.
func TestUnknownParameters(t *testing.T) {
	f := newFixture(t, Options{}, newsroom(t))
	ids := realIDs(t, f)
	doc := url.QueryEscape(ids["doc"])
	for _, tt := range []struct{ path, want string }{
		{"/api/graph?fromat=gexf&doc=" + doc, "fromat"},
		{"/api/documents?outlett=x", "outlett"},
		{"/documents?outlett=x", "outlett"},
		{"/?x=1", "x"},
		{"/api/entities?type=planet", "planet"},
		{"/entities?type=planet", "planet"},
		{"/api/quotes?kind=rumour", "rumour"},
		{"/api/pairs?kind=copy", "copy"},
		{"/api/stories?order=random", "random"},
		{"/api/graph", "one of these parameters is required: doc"},
	} {
		status, body, _ := f.get(t, tt.path)
		if status != 400 || !strings.Contains(string(body), tt.want) {
			t.Errorf("GET %s: status %d, want 400 naming %q: %.300s", tt.path, status, tt.want, body)
		}
	}
	// The parameters a route documents are all accepted.
	for _, p := range []string{"/api/graph?depth=2&doc=" + doc, "/provenance?depth=2&doc=" + doc, "/api/documents?limit=5&order=newest&lang=en",
		"/entities?type=person", "/pairs?kind=derived&offset=0"} {
		if status, body, _ := f.get(t, p); status != 200 {
			t.Errorf("GET %s: status %d: %.300s", p, status, body)
		}
	}
}

// TestPathRelative checks that the API never shows where the corpus lay on
// the server: paths are relative to the ingest's input.
func TestPathRelative(t *testing.T) {
	f := newFixture(t, Options{}, newsroom(t))
	list := items(t, f.getJSON(t, "/api/documents?limit=500"))
	if len(list) == 0 {
		t.Fatal("no documents")
	}
	for _, it := range list {
		p := it["path"].(string)
		if filepath.IsAbs(p) || strings.HasPrefix(p, "/") || strings.Contains(p, "newsroom") {
			t.Errorf("document %v: path %q is not relative to the ingested folder", it["id"], p)
		}
	}
	if got := publicPath("/srv/data/corpus/a.jsonl"); got != "a.jsonl" {
		t.Errorf("publicPath of an absolute path = %q, want the file name", got)
	}
}

// Kept answers are never stale: a change to the store (a new corpus
// version) answers anew.
func TestCachedAnswersFollowVersions(t *testing.T) {
	f := newFixture(t, Options{}, newsroom(t))
	before := f.getJSON(t, "/api/stats")["documents"].(float64)
	_, page1, _ := f.get(t, "/documents?order=newest")
	putDocs(t, f.st, doc.Document{ID: "fresh", Title: "Fresh arrival", Date: "2099-01-01", Text: "A document added after the first answers."})
	if after := f.getJSON(t, "/api/stats")["documents"].(float64); after != before+1 {
		t.Errorf("documents %v after adding one to %v: a stale answer", after, before)
	}
	_, page2, _ := f.get(t, "/documents?order=newest")
	if string(page1) == string(page2) || !strings.Contains(string(page2), "Fresh arrival") {
		t.Error("the documents page did not change after a document was added")
	}
}
