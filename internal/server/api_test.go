package server

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// realIDs finds ids of each kind in the fixture's store through the API,
// for the routes that need one.
func realIDs(t *testing.T, f *fixture) map[string]string {
	t.Helper()
	ids := map[string]string{}
	docs := items(t, f.getJSON(t, "/api/documents?limit=5"))
	if len(docs) == 0 {
		t.Fatal("the test corpus has no documents")
	}
	ids["doc"] = docs[0]["id"].(string)
	for _, d := range docs {
		if w := firstWord(d["title"].(string)); w != "" {
			ids["q"] = w
			break
		}
	}
	pairs := items(t, f.getJSON(t, "/api/pairs?limit=1"))
	if len(pairs) == 0 {
		t.Fatal("the test corpus has no related pair")
	}
	ids["a"], ids["b"] = pairs[0]["a"].(string), pairs[0]["b"].(string)
	if qs := items(t, f.getJSON(t, "/api/quotes?limit=1")); len(qs) > 0 {
		ids["quote"] = qs[0]["quote"].(string)
	}
	if ss := items(t, f.getJSON(t, "/api/stories?limit=1")); len(ss) > 0 {
		ids["story"] = ss[0]["id"].(string)
	}
	if ns := items(t, f.getJSON(t, "/api/narratives?limit=1")); len(ns) > 0 {
		ids["narrative"] = ns[0]["id"].(string)
	}
	return ids
}

// TestRoutesDocumented checks that the OpenAPI description and the
// registered API routes are the same set.
func TestRoutesDocumented(t *testing.T) {
	f := newFixture(t, Options{})
	var documented []string
	for _, op := range operations {
		documented = append(documented, op.Method+" "+op.Path)
	}
	slices.Sort(documented)
	got := f.srv.APIRoutes()
	for _, r := range got {
		if !slices.Contains(documented, r) {
			t.Errorf("route %s is not in the OpenAPI document", r)
		}
	}
	for _, d := range documented {
		if !slices.Contains(got, d) {
			t.Errorf("the OpenAPI document describes %s, which the server does not serve", d)
		}
	}
}

// TestOpenAPIWalk calls every documented GET operation as served in
// /api/openapi.json, with real ids, and checks its status and the
// top-level fields of the answer; then the documented failures of the
// routes with a path parameter.
func TestOpenAPIWalk(t *testing.T) {
	f := newFixture(t, Options{}, newsroom(t))
	ids := realIDs(t, f)
	var spec struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name     string `json:"name"`
				In       string `json:"in"`
				Required bool   `json:"required"`
			} `json:"parameters"`
			Responses map[string]struct {
				Content map[string]struct {
					Schema struct {
						Required []string `json:"required"`
					} `json:"schema"`
				} `json:"content"`
			} `json:"responses"`
		} `json:"paths"`
	}
	_, body, _ := f.get(t, "/api/openapi.json")
	if err := json.Unmarshal(body, &spec); err != nil {
		t.Fatal(err)
	}
	if len(spec.Paths) < 10 {
		t.Fatalf("the OpenAPI document has only %d paths", len(spec.Paths))
	}
	// value gives a real value for a parameter name.
	value := func(path, name string) string {
		switch name {
		case "id":
			switch {
			case strings.HasPrefix(path, "/api/quotes/"):
				return ids["quote"]
			case strings.HasPrefix(path, "/api/stories/"):
				return ids["story"]
			case strings.HasPrefix(path, "/api/narratives/"):
				return ids["narrative"]
			case strings.HasPrefix(path, "/api/uploads/"):
				return "" // TestUpload follows uploads
			}
			return ids["doc"]
		case "a", "b", "q":
			return ids[name]
		}
		return ""
	}
	walked := 0
	for path, item := range spec.Paths {
		op, ok := item["get"]
		if !ok {
			continue
		}
		t.Run(path, func(t *testing.T) {
			u := path
			q := url.Values{}
			for _, p := range op.Parameters {
				if !p.Required {
					continue
				}
				v := value(path, p.Name)
				if v == "" {
					// Nothing of this kind exists in the fixture (an upload
					// is followed by TestUpload): an unknown id must be a
					// JSON 404, never a 200 with an invented answer.
					u = strings.Replace(u, "{"+p.Name+"}", "nosuch", 1)
					status, body, hdr := f.get(t, u)
					if status != http.StatusNotFound || !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") {
						t.Fatalf("GET %s: status %d, Content-Type %q, want a JSON 404: %s", u, status, hdr.Get("Content-Type"), body)
					}
					return
				}
				if p.In == "path" {
					u = strings.Replace(u, "{"+p.Name+"}", url.PathEscape(v), 1)
				} else {
					q.Set(p.Name, v)
				}
			}
			if path == "/api/graph" {
				q.Set("doc", ids["doc"])
			}
			if len(q) > 0 {
				u += "?" + q.Encode()
			}
			var success string
			for code := range op.Responses {
				if strings.HasPrefix(code, "2") {
					success = code
				}
			}
			status, body, hdr := f.get(t, u)
			if strconv.Itoa(status) != success {
				t.Fatalf("GET %s: status %d, documented %s: %s", u, status, success, body)
			}
			if ct := hdr.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("GET %s: Content-Type %q", u, ct)
			}
			var got map[string]json.RawMessage
			if err := json.Unmarshal(body, &got); err != nil {
				t.Fatalf("GET %s: %v", u, err)
			}
			for _, field := range op.Responses[success].Content["application/json"].Schema.Required {
				if _, ok := got[field]; !ok {
					t.Errorf("GET %s: documented field %q missing from %s", u, field, body)
				}
			}
			walked++
		})
	}
	if walked < 10 {
		t.Errorf("walked only %d operations", walked)
	}
}

// TestErrors checks the status and JSON shape of failures.
func TestErrors(t *testing.T) {
	f := newFixture(t, Options{}, newsroom(t))
	tests := []struct {
		method, path string
		status       int
		code         string
	}{
		{"GET", "/api/documents?limit=0", 400, "bad_parameter"},
		{"GET", "/api/documents?limit=100000", 400, "bad_parameter"},
		{"GET", "/api/documents?limit=ten", 400, "bad_parameter"},
		{"GET", "/api/documents?offset=-1", 400, "bad_parameter"},
		{"GET", "/api/documents?from=yesterday", 400, "bad_parameter"},
		{"GET", "/api/documents?order=sideways", 400, "bad_parameter"},
		{"GET", "/api/documents?cursor=%21%21", 400, "bad_parameter"},
		{"GET", "/api/documents?cursor=" + encodeCursor("no-such-document"), 400, "bad_parameter"},
		{"GET", "/api/documents/no-such-document", 404, "not_found"},
		{"GET", "/api/pair?a=no-such-document&b=other", 404, "not_found"},
		{"GET", "/api/pair?a=x", 400, "bad_parameter"},
		{"GET", "/api/pairs?kind=cousin", 400, "bad_parameter"},
		{"GET", "/api/pairs?doc=no-such-document", 404, "not_found"},
		{"GET", "/api/graph", 400, "bad_parameter"},
		{"GET", "/api/graph?doc=no-such-document", 404, "not_found"},
		{"GET", "/api/graph?chain=9999", 404, "not_found"},
		{"GET", "/api/graph?doc=x&depth=9", 400, "bad_parameter"},
		{"GET", "/api/search", 400, "bad_parameter"},
		{"GET", "/api/search?q=%2B%2B%2B", 400, "bad_parameter"},
		{"GET", "/api/quotes/no-such-quote", 404, "not_found"},
		{"GET", "/api/quotes?kind=rumour", 400, "bad_parameter"},
		{"GET", "/api/stories/no-such-story", 404, "not_found"},
		{"GET", "/api/narratives/no-such-narrative", 404, "not_found"},
		{"GET", "/api/stories?narrative=no-such-narrative", 404, "not_found"},
		{"GET", "/api/stories?doc=no-such-document", 404, "not_found"},
		{"GET", "/api/documents?narrative=no-such-narrative", 404, "not_found"},
		{"GET", "/api/no-such-route", 404, "not_found"},
		{"DELETE", "/api/documents", 405, "method_not_allowed"},
		{"PUT", "/api/stats", 405, "method_not_allowed"},
		{"POST", "/api/documents", 403, "read_only"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			status, body, hdr := f.do(t, tt.method, tt.path, "", nil, "")
			if status != tt.status {
				t.Fatalf("status %d, want %d: %s", status, tt.status, body)
			}
			var e apiError
			if err := json.Unmarshal(body, &e); err != nil {
				t.Fatalf("error body is not JSON: %s", body)
			}
			if e.Error.Code != tt.code || e.Error.Message == "" {
				t.Errorf("error = %+v, want code %q and a message", e.Error, tt.code)
			}
			if status == 405 && hdr.Get("Allow") == "" {
				t.Error("405 without Allow header")
			}
		})
	}
}

// TestDocumentPaging follows next links through the whole corpus, by
// cursor and in both orders, and checks every document comes once.
func TestDocumentPaging(t *testing.T) {
	f := newFixture(t, Options{}, newsroom(t))
	stats := f.getJSON(t, "/api/stats")
	total := int(stats["documents"].(float64))
	for _, order := range []string{"oldest", "newest"} {
		seen := map[string]bool{}
		next := "/api/documents?limit=2&order=" + order
		pages := 0
		for next != "" {
			v := f.getJSON(t, next)
			for _, d := range items(t, v) {
				id := d["id"].(string)
				if seen[id] {
					t.Errorf("%s: %s listed twice", order, id)
				}
				seen[id] = true
			}
			next = ""
			if s, ok := v["next"].(string); ok {
				next = s
			}
			if pages++; pages > total+1 {
				t.Fatalf("%s: paging does not end", order)
			}
		}
		if len(seen) != total {
			t.Errorf("%s: paged through %d documents, the store has %d", order, len(seen), total)
		}
	}
}

// TestDocumentAnswer checks a document's answer holds its reuse with
// passage texts cut at the stored offsets.
func TestDocumentAnswer(t *testing.T) {
	f := newFixture(t, Options{}, newsroom(t))
	ids := realIDs(t, f)
	v := f.getJSON(t, "/api/documents/"+url.PathEscape(ids["a"]))
	text := v["text"].(string)
	ps := v["passages"].([]any)
	if len(ps) == 0 {
		t.Fatalf("document %s has a relation but no passages", ids["a"])
	}
	for _, x := range ps {
		p := x.(map[string]any)
		for _, side := range []string{"a", "b"} {
			e := p[side].(map[string]any)
			if e["doc"] != ids["a"] {
				continue
			}
			b, en := int(e["begin"].(float64)), int(e["end"].(float64))
			if e["text"] != text[b:en] {
				t.Errorf("passage text %q is not the text at [%d,%d)", e["text"], b, en)
			}
		}
	}
	if rels := v["relations"].([]any); len(rels) == 0 {
		t.Error("no relations")
	}
}

// TestUpload checks the write token and that uploads are ingested and
// analysed, with paths that do not name the server's temporary folder.
func TestUpload(t *testing.T) {
	const token = "s3cret-token"
	f := newFixture(t, Options{WriteToken: token})
	body := `[{"id": "up-1", "title": "Ferry timetable changes", "outlet": "Harbour Post", "date": "2023-05-02",
		"text": "The ferry company announced on Tuesday that the evening crossing will leave half an hour earlier from June, citing low demand after nine in the evening and the cost of keeping the terminal staffed late."},
		{"id": "up-2", "title": "Evening ferry to leave earlier", "outlet": "Island Weekly", "date": "2023-05-03",
		"text": "Island Weekly reports: The ferry company announced on Tuesday that the evening crossing will leave half an hour earlier from June, citing low demand after nine in the evening and the cost of keeping the terminal staffed late. Islanders were not consulted."}]`
	tests := []struct {
		name   string
		token  string
		status int
	}{
		{"no token", "", 401},
		{"wrong token", "guess", 401},
		{"right token", token, 202},
	}
	var accepted []byte
	for _, tt := range tests {
		status, resp, _ := f.do(t, "POST", "/api/documents", "application/json", strings.NewReader(body), tt.token)
		if status != tt.status {
			t.Fatalf("%s: status %d, want %d: %s", tt.name, status, tt.status, resp)
		}
		accepted = resp
	}
	job := waitUpload(t, f, accepted)
	if job["state"] != "done" || job["analyzed"] != true {
		t.Fatalf("upload ended %v", job)
	}
	stats := f.getJSON(t, "/api/stats")
	if stats["documents"].(float64) != 2 {
		t.Fatalf("documents after upload = %v, want 2", stats["documents"])
	}
	if stats["reuse_version"].(float64) != stats["corpus_version"].(float64) {
		t.Errorf("upload did not analyse: %v", stats)
	}
	d := f.getJSON(t, "/api/documents/up-1")
	if p := d["path"].(string); p != uploadPrefix+"upload.jsonl" {
		t.Errorf("uploaded document path = %q, want %q", p, uploadPrefix+"upload.jsonl")
	}
	if len(items(t, f.getJSON(t, "/api/pairs?doc=up-1"))) != 1 {
		t.Error("the two uploaded documents are not related")
	}
	if status, page, _ := f.get(t, job["page_url"].(string)); status != 200 || !strings.Contains(string(page), "Done: 2 documents read") {
		t.Errorf("progress page: status %d: %s", status, page)
	}

	// Multipart: a text file, named like any file on disk.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", "notes.txt")
	if err != nil {
		t.Fatal(err)
	}
	fw.Write([]byte("Library opening hours\n\nThe town library will open on Sunday afternoons from next month, the council said."))
	mw.Close()
	status, resp, _ := f.do(t, "POST", "/api/documents?analyze=false", mw.FormDataContentType(), &buf, token)
	if status != 202 {
		t.Fatalf("multipart upload: status %d: %s", status, resp)
	}
	if job := waitUpload(t, f, resp); job["state"] != "done" || job["analyzed"] != false {
		t.Errorf("multipart upload ended %v", job)
	}
	if f.getJSON(t, "/api/stats")["documents"].(float64) != 3 {
		t.Error("the multipart file was not stored")
	}
	// A file no reader knows is a problem, answered at once; nothing is
	// stored or analysed.
	buf.Reset()
	mw = multipart.NewWriter(&buf)
	fw, _ = mw.CreateFormFile("file", "scan.xyz")
	fw.Write([]byte{0x00, 0x01, 0x02, 0xff, 0xfe})
	mw.Close()
	version := f.getJSON(t, "/api/stats")["corpus_version"]
	status, resp, _ = f.do(t, "POST", "/api/documents", mw.FormDataContentType(), &buf, token)
	if status != 400 || !strings.Contains(string(resp), "scan.xyz") {
		t.Errorf("upload of an unknown format: status %d, want 400 naming the file: %s", status, resp)
	}
	if v := f.getJSON(t, "/api/stats")["corpus_version"]; v != version {
		t.Errorf("corpus version %v after a refused upload, was %v", v, version)
	}
	// Documents that cannot be read end the upload as failed, unanalysed.
	status, resp, _ = f.do(t, "POST", "/api/documents", "application/x-ndjson", strings.NewReader("{\"title\": 5}\n"), token)
	if status != 202 {
		t.Fatalf("ndjson upload: status %d: %s", status, resp)
	}
	if job := waitUpload(t, f, resp); job["state"] != "failed" || job["analyzed"] != false || len(job["problems"].([]any)) == 0 {
		t.Errorf("upload of unreadable records ended %v, want failed with problems", job)
	}
	for _, bad := range []struct{ ct, body string }{
		{"text/plain", "hello"},
		{"application/json", "42"},
		{"application/json", "[1, 2"},
	} {
		status, resp, _ := f.do(t, "POST", "/api/documents", bad.ct, strings.NewReader(bad.body), token)
		if status != 400 {
			t.Errorf("upload %s %q: status %d, want 400: %s", bad.ct, bad.body, status, resp)
		}
	}
	if status, _, _ := f.get(t, "/api/uploads/nosuch"); status != 404 {
		t.Errorf("unknown upload: status %d, want 404", status)
	}
}

// waitUpload follows an accepted upload until it ends.
func waitUpload(t *testing.T, f *fixture, accepted []byte) map[string]any {
	t.Helper()
	var job map[string]any
	if err := json.Unmarshal(accepted, &job); err != nil {
		t.Fatalf("upload answer %s: %v", accepted, err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		job = f.getJSON(t, job["status_url"].(string))
		if job["state"] == "done" || job["state"] == "failed" {
			return job
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("upload still %v after 2 minutes", job["state"])
	return nil
}

// TestSecurityHeaders checks that pages and answers forbid inline script
// and sniffing.
func TestSecurityHeaders(t *testing.T) {
	f := newFixture(t, Options{}, newsroom(t))
	for _, path := range []string{"/", "/documents", "/api/stats", "/static/style.css", "/no-such-page", "/api/nothing"} {
		_, _, hdr := f.get(t, path)
		csp := hdr.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: Content-Security-Policy %q", path, csp)
		}
		if hdr.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", path)
		}
	}
}

// TestPagesServe checks that every page answers 200 with HTML over the
// example corpus, and unknown things give error pages with fitting codes.
func TestPagesServe(t *testing.T) {
	f := newFixture(t, Options{}, newsroom(t))
	ids := realIDs(t, f)
	pages := []struct {
		path   string
		status int
	}{
		{"/", 200},
		{"/documents", 200},
		{"/documents?order=newest&limit=3", 200},
		{"/documents/" + url.PathEscape(ids["doc"]), 200},
		{"/compare?" + url.Values{"a": {ids["a"]}, "b": {ids["b"]}}.Encode(), 200},
		{"/provenance", 200},
		{"/provenance?" + url.Values{"doc": {ids["a"]}}.Encode(), 200},
		{"/pairs", 200},
		{"/quotes", 200},
		{"/entities", 200},
		{"/stories", 200},
		{"/search?q=" + ids["q"], 200},
		{"/search", 200},
		{"/documents/no-such-document", 404},
		{"/compare?a=x", 400},
		{"/no-such-page", 404},
	}
	if ids["quote"] != "" {
		pages = append(pages, struct {
			path   string
			status int
		}{quoteHref(ids["quote"]), 200})
	}
	for _, p := range pages {
		status, body, hdr := f.get(t, p.path)
		if status != p.status {
			t.Errorf("%s: status %d, want %d", p.path, status, p.status)
		}
		if !strings.HasPrefix(hdr.Get("Content-Type"), "text/html") || !bytes.Contains(body, []byte("</html>")) {
			t.Errorf("%s: not a whole HTML page", p.path)
		}
	}
	status, body, _ := f.get(t, "/search?q="+ids["q"])
	if status != 200 || !bytes.Contains(body, []byte(`id="results"`)) {
		t.Errorf("searching for %q found nothing", ids["q"])
	}
	_ = http.StatusOK
}
