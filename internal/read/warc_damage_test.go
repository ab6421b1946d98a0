package read

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/testutil"
)

// plainRecord writes one WARC record with the Content-Length given (the
// true length when length < 0).
func plainRecord(typ, target, contentType string, block []byte, length int) string {
	if length < 0 {
		length = len(block)
	}
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-06T07:08:09Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, strings.TrimPrefix(target, "https://"), target, contentType, length, block)
}

func pageResponse(title string) []byte {
	return httpResponse("200 OK", "text/html; charset=utf-8", "", []byte(strings.Replace(warcPage, "Night trains return", title, -1)), false)
}

const httpType = "application/http; msgtype=response"

// TestWARCDamage: each kind of damage real archives show costs at most
// the damaged record, which is named; everything after it is read.
func TestWARCDamage(t *testing.T) {
	a, b, c := pageResponse("Alpha ferries"), pageResponse("Bravo trams"), pageResponse("Charlie buses")
	recA := plainRecord("response", "https://a.example/", httpType, a, -1)
	recB := plainRecord("response", "https://b.example/", httpType, b, -1)
	recC := plainRecord("response", "https://c.example/", httpType, c, -1)
	gz := func(parts ...string) []byte {
		var out bytes.Buffer
		for _, p := range parts {
			out.Write(gzipBytes([]byte(p)))
		}
		return out.Bytes()
	}
	cutGzip := gzipBytes([]byte(strings.Replace(warcPage, "Night trains return", "Delta boats", -1)))
	cutGzip = cutGzip[:len(cutGzip)*2/3]
	truncatedBody := plainRecord("response", "https://d.example/", httpType,
		httpResponse("200 OK", "text/html", "gzip", cutGzip, false), -1)
	tests := []struct {
		name     string
		in       []byte
		titles   []string
		problems []string
	}{
		{"Content-Length too long", []byte(plainRecord("response", "https://a.example/", httpType, a, len(a)+300) + recB + recC),
			[]string{"Alpha ferries", "Bravo trams", "Charlie buses"}, []string{"a.example", "longer than the record"}},
		{"Content-Length too short", []byte(plainRecord("response", "https://a.example/", httpType, a, len(a)-40) + recB),
			[]string{"Alpha ferries", "Bravo trams"}, []string{"a.example", "shorter than the record"}},
		{"records split across gzip members", gz(recA[:100], recA[100:]+recB[:len(recB)/2], recB[len(recB)/2:], recC),
			[]string{"Alpha ferries", "Bravo trams", "Charlie buses"}, nil},
		{"several records in one member", gz(recA+recB, recC), []string{"Alpha ferries", "Bravo trams", "Charlie buses"}, nil},
		{"gzip body cut at its end", []byte(truncatedBody + recB), []string{"Delta boats", "Bravo trams"}, []string{"d.example"}},
		{"not articles", []byte(plainRecord("warcinfo", "https://x.example/", "application/warc-fields", []byte("software: x\r\n"), -1) +
			plainRecord("request", "https://a.example/", "application/http; msgtype=request", []byte("GET / HTTP/1.1\r\n\r\n"), -1) +
			plainRecord("resource", "metadata://crawler/log", "text/plain", []byte("Crawl log text that is not an article at all."), -1) +
			plainRecord("resource", "dns:a.example", "text/dns", []byte("20240506 a.example 60 IN A 192.0.2.1"), -1) +
			plainRecord("metadata", "https://a.example/", "application/warc-fields", []byte("outlinks: x\r\n"), -1) + recC),
			[]string{"Charlie buses"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, problems, err := readWARCBytes(t, tt.in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, d := range docs {
				titles = append(titles, d.Title)
				if strings.Contains(d.Text, "WARC/1.1") || strings.Contains(d.Text, "Content-Length") {
					t.Errorf("%s: the text holds another record's framing: %q", d.Title, d.Text)
				}
			}
			if strings.Join(titles, "|") != strings.Join(tt.titles, "|") {
				t.Errorf("documents %q, want %q", titles, tt.titles)
			}
			if (len(problems) > 0) != (len(tt.problems) > 0) {
				t.Fatalf("problems %v, want %v", problems, tt.problems)
			}
			for _, p := range problems {
				for _, want := range tt.problems {
					if !strings.Contains(p.Error(), want) {
						t.Errorf("problem %v does not say %q", p, want)
					}
				}
			}
		})
	}
}

// TestARC: ARC files, plain and gzipped, are read; the file description
// record is not an article, and a record whose length is not a number is
// named.
func TestARC(t *testing.T) {
	body := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + strings.Replace(warcPage, "Night trains return", "Echo harbour", -1)
	desc := "1 0 Test Capture\nURL IP-address Archive-date Content-type Archive-length\n"
	arc := fmt.Sprintf("filedesc://test.arc 127.0.0.1 20240506070809 text/plain %d\n%s\n", len(desc), desc) +
		fmt.Sprintf("http://e.example/a page 192.0.2.1 20240506070809 text/html %d\n%s\n", len(body), body) +
		"http://e.example/bad 192.0.2.1 20240506070809 text/html many\n\n" +
		fmt.Sprintf("http://e.example/b 192.0.2.1 20240506070810 text/html %d\n%s\n", len(body), strings.Replace(body, "Echo harbour", "Foxtrot quay", -1))
	for _, in := range [][]byte{[]byte(arc), gzipBytes([]byte(arc))} {
		if !sniffWARC(in) {
			t.Error("an ARC file is not recognised")
		}
		docs, problems, err := readWARCBytes(t, in, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != 2 || docs[0].Title != "Echo harbour" || docs[0].Extra["warc_target_uri"] != "http://e.example/a page" || docs[1].Title != "Foxtrot quay" ||
			docs[0].ID != "http://e.example/a page 2024-05-06T07:08:09Z" {
			t.Errorf("docs %+v", docs)
		}
		if len(problems) != 1 || !strings.Contains(problems[0].Error(), `"many"`) {
			t.Errorf("problems %v, want the record with a bad length named", problems)
		}
	}
	if f, ok := FormatFor("crawl.arc.gz"); !ok || f.Name != "warc" {
		t.Error(".arc.gz is not read as an archive")
	}
}

// TestWARCSamplesShared is the acceptance on real archives from a WARC
// library's test suite: every response or resource record holding a page
// is read, and every unreadable record is named.
func TestWARCSamplesShared(t *testing.T) {
	dir := testutil.Shared(t, filepath.Join("data", "warc-samples"))
	tests := []struct {
		file     string
		pages    []string // URLs of the documents, in order
		problems []string // one substring per problem
	}{
		{"example.warc", []string{"http://example.com/"}, nil},
		{"example.warc.gz", []string{"http://example.com/"}, nil},
		{"example.arc", []string{"http://example.com/"}, nil},
		{"example.arc.gz", []string{"http://example.com/"}, nil},
		{"example-iana.org-chunked.warc", []string{"http://iana.org/"}, nil},
		{"example-resource.warc.gz", []string{"http://example.com/"}, nil},
		{"example-bad-non-chunked.warc.gz", []string{"http://example.com/"}, nil},
		{"example-bad.warc.gz.bad", []string{"http://example.com?example=1"}, nil},
		{"example-wget-bad-target-uri.warc.gz", []string{"http://example.com/"}, nil},
		{"example-wrong-chunks.warc.gz", []string{"http://example.com/"}, nil},
		{"example-trunc.warc", []string{"http://example.com/"}, []string{"Content-Length 973"}},
		{"example-space-in-url.arc", []string{"http://example.com/index.cfm?FuseAction=Email&EmailTitle=Examples From The Live Web&IsPopUp=False"}, []string{"truncated"}},
		{"example-digest.warc", nil, nil},
		{"example-space-in-target-uri.warc.gz", nil, nil},
		{"post-test.warc.gz", nil, nil},
		{"bad.arc", nil, []string{`"-1"`, `"-1"`, "white space", `"abc"`}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, problems, _ := readPaths(t, []string{filepath.Join(dir, tt.file)}, Options{})
			var urls []string
			for _, d := range docs {
				urls = append(urls, d.URL)
				if d.Title != "Example Domain" && d.Title != "Internet Assigned Numbers Authority" {
					t.Errorf("%s: title %q", d.URL, d.Title)
				}
			}
			if strings.Join(urls, " | ") != strings.Join(tt.pages, " | ") {
				t.Errorf("documents %q, want %q", urls, tt.pages)
			}
			if len(problems) != len(tt.problems) {
				t.Fatalf("problems %v, want %d", problems, len(tt.problems))
			}
			for i, p := range problems {
				if !strings.Contains(p.Error(), tt.problems[i]) || p.Record == "" {
					t.Errorf("problem %v, want one naming its record and saying %q", p, tt.problems[i])
				}
			}
		})
	}
}
