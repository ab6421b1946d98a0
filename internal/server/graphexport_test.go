package server

import (
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// TestGraphFile: /api/graph?format=gexf|graphml answers the graph as a
// file (not the JSON the parameter used to be ignored for), for the whole
// corpus or the documents a parameter selects, and refuses what it cannot
// do with 400 or 404.
func TestGraphFile(t *testing.T) {
	f := newFixture(t, Options{}, newsroom(t))
	ctx := context.Background()
	n, _ := f.st.CountDocuments(ctx)
	rels, _ := f.st.Relations(ctx, store.RelationQuery{})
	var wire string
	f.st.EachDocument(ctx, func(d doc.Document) error {
		if filepath.Base(d.Path) == "wire.txt" {
			wire = d.ID
		}
		return nil
	})
	get := func(path string) (int, string, string) {
		resp, err := http.Get(f.ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
	}
	count := func(body, root string) (nodes, edges int) {
		dec := xml.NewDecoder(strings.NewReader(body))
		first := true
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatalf("not XML: %v", err)
			}
			if se, ok := tok.(xml.StartElement); ok {
				if first && se.Name.Local != root {
					t.Errorf("root is <%s>, want <%s>", se.Name.Local, root)
				}
				first = false
				switch se.Name.Local {
				case "node":
					nodes++
				case "edge":
					edges++
				}
			}
		}
	}
	for _, format := range []string{"gexf", "graphml"} {
		code, ctype, body := get("/api/graph?format=" + format)
		if code != 200 || !strings.Contains(ctype, "xml") || !strings.Contains(body, "<"+format) {
			t.Fatalf("%s: %d %s\n%.300s", format, code, ctype, body)
		}
		if nodes, edges := count(body, format); int64(nodes) != n || edges != len(rels) {
			t.Errorf("%s of the corpus: %d nodes, %d edges; want %d and %d", format, nodes, edges, n, len(rels))
		}
		// Around one document: the documents the JSON graph draws.
		code, _, body = get("/api/graph?format=" + format + "&doc=" + url.QueryEscape(wire))
		if nodes, _ := count(body, format); code != 200 || nodes < 2 || int64(nodes) >= n+1 {
			t.Errorf("%s around wire: %d, %d nodes", format, code, nodes)
		}
		if code, _, body = get("/api/graph?format=" + format + "&graph=quotes"); code != 200 || !strings.Contains(body, "speaker") {
			t.Errorf("%s graph of quotes: %d\n%.300s", format, code, body)
		}
	}
	for path, want := range map[string]int{
		"/api/graph?format=svg":                      400,
		"/api/graph?format=gexf&graph=people":        400,
		"/api/graph?format=gexf&since=yesterday":     400,
		"/api/graph?format=gexf&story=no-such-story": 404,
		"/api/graph?format=graphml&doc=no-such-doc":  404,
	} {
		if code, _, body := get(path); code != want || !strings.Contains(body, `"error"`) {
			t.Errorf("%s: %d, want %d with a JSON error; %.200s", path, code, want, body)
		}
	}
}
