package fetch

import (
	"testing"
	"time"
)

// TestPageDocumentIdentity: two outlets that carry a wire story and name
// the wire's page as canonical stay two documents, each named by the
// address it was fetched from.
func TestPageDocumentIdentity(t *testing.T) {
	page := func(outlet string) []byte {
		return []byte(`<!DOCTYPE html><html><head><title>Port strike</title><link rel="canonical" href="https://wire.example/strike">
<meta property="og:site_name" content="` + outlet + `"></head><body><article><h1>Port strike</h1>
<p>Dock workers in the northern port walked out on Tuesday after talks on night shifts failed, the union said, and loading stopped.</p>
<p>The strike is the first at the port in eleven years; managers will meet the union again on Thursday.</p></article></body></html>`)
	}
	var ids []string
	for _, u := range []string{"https://coast.example/news/strike", "https://valley.example/strike.html"} {
		d, err := PageDocument(Page{URL: u, FinalURL: u, Status: 200, ContentType: "text/html", Body: page(u), Fetched: time.Now()})
		if err != nil {
			t.Fatal(err)
		}
		if d.URL != "https://wire.example/strike" {
			t.Errorf("URL %q, want the canonical one", d.URL)
		}
		ids = append(ids, d.ID)
	}
	if ids[0] != "https://coast.example/news/strike" || ids[1] != "https://valley.example/strike.html" {
		t.Errorf("ids %v, want each page's own address", ids)
	}
}
