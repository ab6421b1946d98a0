package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/echotrace/echotrace/internal/read"
)

const testPage = `<!DOCTYPE html><html lang="en"><head><title>Tram timetable changes</title></head><body><article>
<h1>Tram timetable changes</h1>
<p>Line four will run every twenty minutes in the evening during the summer works on the river bridge, the transport office said.</p>
<p>Morning services are not affected, and the usual timetable returns in September once the works are finished.</p>
</article></body></html>`

// testServer serves a small site and counts requests per path.
func testServer(t *testing.T) (*httptest.Server, *sync.Map) {
	t.Helper()
	var hits sync.Map
	var flaky atomic.Int32
	mux := http.NewServeMux()
	count := func(p string) {
		v, _ := hits.LoadOrStore(p, new(atomic.Int32))
		v.(*atomic.Int32).Add(1)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		count(r.URL.Path)
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\nAllow: /private/open$\n\nUser-agent: otherbot\nDisallow: /\n")
		case "/page", "/private/open":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, testPage)
		case "/moved":
			http.Redirect(w, r, "/page", http.StatusMovedPermanently)
		case "/to-private":
			http.Redirect(w, r, "/private/secret", http.StatusFound)
		case "/flaky":
			if flaky.Add(1) == 1 {
				w.Header().Set("Retry-After", "0")
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, "Service notice\n\nThe ferry office opens at eight on weekdays and at ten on Sundays.")
		case "/big":
			w.Header().Set("Content-Type", "text/html")
			w.(http.Flusher).Flush() // no Content-Length: the cap must apply while reading
			for i := 0; i < 200; i++ {
				fmt.Fprint(w, strings.Repeat("<p>filler</p>", 100))
			}
		case "/image":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG\r\n"))
		default:
			http.NotFound(w, r)
		}
	})
	srv := httptest.NewServer(mux) // listens on 127.0.0.1
	t.Cleanup(srv.Close)
	return srv, &hits
}

func hitCount(hits *sync.Map, path string) int32 {
	v, ok := hits.Load(path)
	if !ok {
		return 0
	}
	return v.(*atomic.Int32).Load()
}

func TestFetchDocuments(t *testing.T) {
	srv, hits := testServer(t)
	var warc bytes.Buffer
	f := New(Options{AllowPrivate: true, Interval: time.Millisecond, Backoff: time.Millisecond, MaxBytes: 10000, WARC: read.NewWARCWriter(&warc)})
	ctx := context.Background()

	tests := []struct {
		path    string
		want    error  // nil: a document
		title   string // of the document
		urlPath string // final URL path
	}{
		{"/page", nil, "Tram timetable changes", "/page"},
		{"/moved", nil, "Tram timetable changes", "/page"},
		{"/flaky", nil, "Service notice", "/flaky"},
		{"/private/open", nil, "Tram timetable changes", "/private/open"},
		{"/private/secret", ErrRefused, "", ""},
		{"/to-private", ErrRefused, "", ""},
		{"/missing", ErrStatus, "", ""},
		{"/big", read.ErrTooLarge, "", ""},
		{"/image", read.ErrUnknownFormat, "", ""},
	}
	fetchedIDs := map[string]string{} // document id → path asked for
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			d, err := f.Document(ctx, srv.URL+tt.path)
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("err = %v, want %v", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tt.title || d.URL != srv.URL+tt.urlPath || d.Extra["fetched_url"] != srv.URL+tt.path {
				t.Errorf("document: title %q url %q id %q extra %v", d.Title, d.URL, d.ID, d.Extra)
			}
			// Archived, the page is named by its archive record.
			if !strings.HasPrefix(d.ID, "urn:uuid:") || d.ID == srv.URL+tt.urlPath {
				t.Errorf("archived page has id %q, want its WARC-Record-ID", d.ID)
			}
			fetchedIDs[d.ID] = tt.path
		})
	}
	if n := hitCount(hits, "/private/secret"); n != 0 {
		t.Errorf("a path robots.txt disallows was requested %d times", n)
	}
	if n := hitCount(hits, "/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once per host", n)
	}
	if n := hitCount(hits, "/flaky"); n != 2 {
		t.Errorf("/flaky requested %d times, want 2 (one retry)", n)
	}

	// The archive holds the exchanges and reads back into the same pages.
	var pages, records int
	err := read.ReadWARC(bytes.NewReader(warc.Bytes()), "fetch.warc.gz", func(rec *read.WARCRecord) error {
		records++
		d, ok, err := read.WARCDocument(rec, 1<<20)
		if err != nil {
			t.Errorf("record %s: %v", rec.ID(), err)
		}
		if ok && strings.Contains(d.Text, "Line four will run every twenty minutes") {
			pages++
		}
		if ok {
			delete(fetchedIDs, d.ID)
		}
		return nil
	}, func(p read.Problem) { t.Errorf("problem reading the archive: %v", p) })
	if err != nil {
		t.Fatal(err)
	}
	if pages != 3 || records < 10 {
		t.Errorf("archive has %d records, %d readable copies of the page; want ≥10 and 3", records, pages)
	}
	// Ingesting the archive later finds the fetched documents, not copies.
	for id, path := range fetchedIDs {
		t.Errorf("page %s was fetched as %q, which no document read from the archive has", path, id)
	}
}

// Without an archive a page is named by the address it came from.
func TestFetchDocumentWithoutArchiveNamedByURL(t *testing.T) {
	srv, _ := testServer(t)
	f := New(Options{AllowPrivate: true, Interval: time.Millisecond, Backoff: time.Millisecond, MaxBytes: 10000})
	d, err := f.Document(context.Background(), srv.URL+"/moved")
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != srv.URL+"/page" {
		t.Errorf("id %q, want the final address %q", d.ID, srv.URL+"/page")
	}
}

func TestFetchRefusesPrivateAddresses(t *testing.T) {
	srv, hits := testServer(t)
	f := New(Options{Interval: time.Millisecond, Retries: -1})
	for _, u := range []string{srv.URL + "/page", "http://localhost:1/page", "http://[::1]:1/", "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd", "gopher://x.example/"} {
		_, err := f.Fetch(context.Background(), u)
		if !errors.Is(err, ErrRefused) {
			t.Errorf("Fetch(%s) err = %v, want ErrRefused", u, err)
		}
	}
	if n := hitCount(hits, "/page") + hitCount(hits, "/robots.txt"); n != 0 {
		t.Errorf("the local server was reached %d times without --allow-private", n)
	}
}

func TestPublicAddr(t *testing.T) {
	tests := []struct {
		ip   string
		want bool
	}{
		{"127.0.0.1", false}, {"10.1.2.3", false}, {"172.16.0.1", false}, {"192.168.1.1", false},
		{"169.254.169.254", false}, {"100.64.0.1", false}, {"0.0.0.0", false}, {"224.0.0.1", false},
		{"::1", false}, {"fe80::1", false}, {"fc00::1", false}, {"::ffff:127.0.0.1", false}, {"::ffff:10.0.0.1", false},
		{"93.184.216.34", true}, {"2606:4700::1", true}, {"8.8.8.8", true},
	}
	for _, tt := range tests {
		if got := PublicAddr(netip.MustParseAddr(tt.ip)); got != tt.want {
			t.Errorf("PublicAddr(%s) = %v, want %v", tt.ip, got, tt.want)
		}
	}
}

func TestRobots(t *testing.T) {
	txt := `# comment
User-agent: *
Disallow: /search
Disallow: /*.pdf$
Allow: /search/about
Crawl-delay: 2

User-agent: echotrace
User-agent: somebot
Disallow: /drafts/
`
	tests := []struct {
		agent, path string
		want        bool
	}{
		{"otherbot", "/news/1", true},
		{"otherbot", "/search?q=x", false},
		{"otherbot", "/search/about", true},
		{"otherbot", "/files/a.pdf", false},
		{"otherbot", "/files/a.pdf?x", true},
		{"echotrace-fetch", "/search", true}, // its own group replaces "*"
		{"echotrace-fetch", "/drafts/x", false},
	}
	for _, tt := range tests {
		r := parseRobots(strings.NewReader(txt), tt.agent)
		if got := r.allowed(tt.path); got != tt.want {
			t.Errorf("%s %s: allowed = %v, want %v", tt.agent, tt.path, got, tt.want)
		}
	}
	if r := parseRobots(strings.NewReader(txt), "otherbot"); r.crawlDelay != 2*time.Second {
		t.Errorf("crawl delay = %v", r.crawlDelay)
	}
}

func FuzzRobots(f *testing.F) {
	f.Add("User-agent: *\nDisallow: /a*b$\n", "/axxb")
	f.Fuzz(func(t *testing.T, txt, path string) {
		parseRobots(strings.NewReader(txt), "echotrace").allowed(path)
	})
}
