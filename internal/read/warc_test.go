package read

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/echotrace/echotrace/internal/doc"
)

const warcPage = `<!DOCTYPE html><html lang="en"><head><title>Night trains return</title></head><body><article>
<h1>Night trains return</h1>
<p>The night train between the two capitals will run again from December, the operator said on Thursday, after a pause of four years caused by a lack of sleeping cars.</p>
<p>Tickets go on sale next month; a couchette will cost about the same as a budget flight, the operator added.</p>
</article></body></html>`

// httpResponse builds the raw HTTP response a crawler would archive.
func httpResponse(status, contentType, encoding string, body []byte, chunked bool) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\nContent-Type: %s\r\n", status, contentType)
	if encoding != "" {
		fmt.Fprintf(&b, "Content-Encoding: %s\r\n", encoding)
	}
	if chunked {
		b.WriteString("Transfer-Encoding: chunked\r\n\r\n")
		for len(body) > 0 {
			n := min(len(body), 100)
			fmt.Fprintf(&b, "%x\r\n%s\r\n", n, body[:n])
			body = body[n:]
		}
		b.WriteString("0\r\n\r\n")
		return b.Bytes()
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(body))
	b.Write(body)
	return b.Bytes()
}

func gzipBytes(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

// testArchive writes a small archive: warcinfo, a request, an HTML page
// (gzip-encoded and chunked), a redirect, an image and a plain text.
func testArchive(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWARCWriter(&buf)
	date := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	must := func(_ string, err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.Write(WARCFields{Type: "warcinfo", ContentType: "application/warc-fields"}, []byte("software: test\r\n")))
	must(w.Write(WARCFields{Type: "request", TargetURI: "https://rail.example/night", ContentType: "application/http; msgtype=request"}, []byte("GET /night HTTP/1.1\r\nHost: rail.example\r\n\r\n")))
	must(w.Write(WARCFields{Type: "response", TargetURI: "https://rail.example/night", Date: date, ContentType: "application/http; msgtype=response"},
		httpResponse("200 OK", "text/html; charset=utf-8", "gzip", gzipBytes([]byte(warcPage)), true)))
	must(w.Write(WARCFields{Type: "response", TargetURI: "https://rail.example/old", Date: date, ContentType: "application/http; msgtype=response"},
		httpResponse("301 Moved Permanently", "text/html", "", nil, false)))
	must(w.Write(WARCFields{Type: "response", TargetURI: "https://rail.example/a.png", Date: date, ContentType: "application/http; msgtype=response"},
		httpResponse("200 OK", "image/png", "", []byte("\x89PNG\r\n"), false)))
	must(w.Write(WARCFields{Type: "resource", TargetURI: "https://rail.example/notes.txt", Date: date, ContentType: "text/plain"},
		[]byte("Timetable notes\n\nThe first train leaves at nine in the evening and arrives before seven.")))
	return buf.Bytes()
}

func readWARCBytes(t *testing.T, b []byte, opt Options) ([]doc.Document, []Problem, error) {
	t.Helper()
	var docs []doc.Document
	var problems []Problem
	f, ok := FormatFor("crawl.warc.gz")
	if !ok || f.Name != "warc" {
		t.Fatalf("warc format not registered for .warc.gz")
	}
	err := f.Read(context.Background(), Source{Path: "crawl.warc.gz", R: bytes.NewReader(b), Size: int64(len(b))}, opt,
		func(d doc.Document) error { docs = append(docs, d); return nil },
		func(p Problem) { problems = append(problems, p) })
	return docs, problems, err
}

func TestReadWARC(t *testing.T) {
	archive := testArchive(t)
	if !sniffWARC(archive[:512]) {
		t.Error("sniffWARC does not recognise a .warc.gz")
	}
	docs, problems, err := readWARCBytes(t, archive, Options{})
	if err != nil || len(problems) > 0 {
		t.Fatalf("err %v, problems %v", err, problems)
	}
	if len(docs) != 2 {
		t.Fatalf("want 2 documents (page and text), got %d", len(docs))
	}
	page := docs[0]
	if page.Title != "Night trains return" || page.URL != "https://rail.example/night" || page.Date != "2024-05-06T07:08:09Z" {
		t.Errorf("page metadata: title %q url %q date %q", page.Title, page.URL, page.Date)
	}
	if !strings.Contains(page.Text, "after a pause of four years") || !strings.Contains(page.Text, "\n\nTickets go on sale") {
		t.Errorf("page text: %q", page.Text)
	}
	if page.Extra["warc_target_uri"] != "https://rail.example/night" || page.Extra["warc_record_id"] == "" || page.ID == "" {
		t.Errorf("page ids: id %q extra %v", page.ID, page.Extra)
	}
	if txt := docs[1]; txt.Title != "Timetable notes" || txt.URL != "https://rail.example/notes.txt" {
		t.Errorf("text resource: %+v", txt)
	}

	// The same archive uncompressed reads the same documents.
	var plain bytes.Buffer
	zr, _ := gzip.NewReader(bytes.NewReader(archive))
	plain.ReadFrom(zr)
	if !sniffWARC(plain.Bytes()) {
		t.Error("sniffWARC does not recognise a plain .warc")
	}
	docs2, problems, err := readWARCBytes(t, plain.Bytes(), Options{})
	if err != nil || len(problems) > 0 || len(docs2) != 2 || docs2[0].Text != page.Text {
		t.Fatalf("plain archive: err %v problems %v docs %d", err, problems, len(docs2))
	}
}

// members splits a .warc.gz into its gzip members.
func members(t *testing.T, archive []byte) [][]byte {
	t.Helper()
	var out [][]byte
	start := 0
	for i := 1; i <= len(archive); i++ {
		if i == len(archive) || (archive[i] == 0x1f && i+2 < len(archive) && archive[i+1] == 0x8b && archive[i+2] == 0x08) {
			// confirm the boundary by decompressing the candidate member
			zr, err := gzip.NewReader(bytes.NewReader(archive[start:i]))
			if err == nil {
				zr.Multistream(false)
				if _, err := new(bytes.Buffer).ReadFrom(zr); err == nil {
					out = append(out, archive[start:i])
					start = i
				}
			}
		}
	}
	return out
}

func TestReadWARCBadInput(t *testing.T) {
	archive := testArchive(t)
	ms := members(t, archive)
	if len(ms) != 6 {
		t.Fatalf("expected 6 members, found %d", len(ms))
	}
	join := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	corrupt := append([]byte(nil), ms[2]...)
	for i := 20; i < len(corrupt)-10; i += 7 {
		corrupt[i] ^= 0x5a
	}
	var plainBad bytes.Buffer
	for i, m := range ms {
		zr, _ := gzip.NewReader(bytes.NewReader(m))
		var rec bytes.Buffer
		rec.ReadFrom(zr)
		if i == 2 {
			// a record whose Content-Length is not a number
			plainBad.WriteString("WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bad>\r\nContent-Length: many\r\n\r\ngarbage\r\n\r\n")
			continue
		}
		plainBad.Write(rec.Bytes())
	}
	tests := []struct {
		name     string
		in       []byte
		docs     int
		problems []string // substrings, one per problem
	}{
		{"damaged member in the middle", join(ms[0], ms[1], corrupt, ms[3], ms[4], ms[5]), 1, []string{"damaged gzip member"}},
		{"truncated gzip", join(ms[0], ms[1], ms[2], ms[3], ms[4], ms[5][:len(ms[5])/2]), 1, []string{"truncated gzip member"}},
		{"garbage between members", join(ms[0], ms[1], ms[2], []byte("not gzip at all"), ms[3], ms[4], ms[5]), 2, []string{"not a gzip member"}},
		{"broken record in a plain warc", plainBad.Bytes(), 1, []string{`bad Content-Length "many"`}},
		{"empty", nil, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, problems, err := readWARCBytes(t, tt.in, Options{})
			if len(tt.in) == 0 {
				if !errors.Is(err, ErrEmpty) {
					t.Errorf("an empty archive: err = %v, want it reported empty", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if len(docs) != tt.docs {
				t.Errorf("docs = %d, want %d", len(docs), tt.docs)
			}
			if len(problems) != len(tt.problems) {
				t.Fatalf("problems = %v, want %d", problems, len(tt.problems))
			}
			for i, p := range problems {
				if !strings.Contains(p.Error(), tt.problems[i]) || p.Path != "crawl.warc.gz" || p.Record == "" || !errors.Is(p, ErrMalformed) {
					t.Errorf("problem %d = %v (record %q), want %q naming file and record", i, p, p.Record, tt.problems[i])
				}
			}
		})
	}
}

func TestReadWARCSizeCap(t *testing.T) {
	var buf bytes.Buffer
	w := NewWARCWriter(&buf)
	big := "<html><body><p>" + strings.Repeat("word ", 4000) + "</p></body></html>"
	w.Write(WARCFields{Type: "response", TargetURI: "https://big.example/", ContentType: "application/http; msgtype=response"},
		httpResponse("200 OK", "text/html", "", []byte(big), false))
	w.Write(WARCFields{Type: "resource", TargetURI: "https://small.example/", ContentType: "text/plain"}, []byte("A small text that fits."))
	docs, problems, err := readWARCBytes(t, buf.Bytes(), Options{MaxBytes: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].URL != "https://small.example/" {
		t.Errorf("docs = %+v", docs)
	}
	if len(problems) != 1 || !errors.Is(problems[0], ErrTooLarge) || !strings.HasPrefix(problems[0].Record, "<urn:uuid:") {
		t.Errorf("problems = %v", problems)
	}
}

func FuzzReadWARC(f *testing.F) {
	f.Add([]byte("WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n"))
	f.Add(gzipBytes([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n\r\n")))
	f.Fuzz(func(t *testing.T, b []byte) {
		var n int
		err := ReadWARC(bytes.NewReader(b), "f.warc", func(rec *WARCRecord) error {
			n++
			_, _, _ = WARCDocument(rec, 1<<20)
			return nil
		}, func(Problem) {})
		if err != nil && !errors.Is(err, ErrUnreadable) {
			t.Fatalf("unexpected error %v", err)
		}
	})
}
