package read

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/echotrace/echotrace/internal/doc"
)

func readFeedFile(t *testing.T, name string) ([]doc.Document, []Problem, error) {
	t.Helper()
	b, err := os.ReadFile("testdata/feed/" + name)
	if err != nil {
		t.Fatal(err)
	}
	f, ok := FormatFor(name)
	if !ok || f.Name != "feed" {
		t.Fatalf("no feed format for %s", name)
	}
	var docs []doc.Document
	var problems []Problem
	err = f.Read(context.Background(), Source{Path: name, Name: name, R: bytes.NewReader(b), Size: int64(len(b))}, Options{},
		func(d doc.Document) error { docs = append(docs, d); return nil },
		func(p Problem) { problems = append(problems, p) })
	return docs, problems, err
}

func TestReadRSS(t *testing.T) {
	docs, problems, err := readFeedFile(t, "harbour.rss")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("want 3 documents, got %d: %+v", len(docs), docs)
	}
	first := docs[0]
	if first.ID != "harbour.rss#gazette-1001" || first.Title != "Ferry keeps running until bridge opens" || first.Author != "Jane Roe" ||
		first.Outlet != "Harbour Gazette" || first.URL != "https://gazette.example/news/ferry" || first.Lang != "en" ||
		first.Date != "2023-04-05T09:00:00Z" {
		t.Errorf("first item metadata: %+v", first)
	}
	if first.Text != "The harbour committee decided that the old ferry will keep running.\n\nResidents had campaigned for months." {
		t.Errorf("content not preferred over description or markup kept: %q", first.Text)
	}
	second := docs[1]
	if second.Title != "Lighthouse museum & café open" || second.Date != "" || second.Extra["date"] != "sometime last spring" {
		t.Errorf("item with a bad date: %+v", second)
	}
	if docs[2].Text != "Tide tables for the week" || docs[2].Extra["text_source"] != "title" {
		t.Errorf("title-only item: %+v", docs[2])
	}
	if len(problems) != 2 {
		t.Fatalf("problems = %v", problems)
	}
	if !errors.Is(problems[0], ErrBadDate) || problems[0].Record != "https://gazette.example/news/lighthouse" {
		t.Errorf("bad date problem = %v (record %q)", problems[0], problems[0].Record)
	}
	if !errors.Is(problems[1], ErrNoText) || problems[1].Record != "gazette-empty" {
		t.Errorf("empty item problem = %v", problems[1])
	}
}

func TestReadAtom(t *testing.T) {
	docs, problems, err := readFeedFile(t, "coast.atom")
	if err != nil || len(problems) > 0 {
		t.Fatalf("err %v problems %v", err, problems)
	}
	if len(docs) != 1 {
		t.Fatalf("docs = %+v", docs)
	}
	d := docs[0]
	if d.Author != "Claire Martin" || d.Date != "2022-09-14T07:30:00Z" || d.URL != "https://cote.example/phare" || d.Outlet != "Côte Hebdo" {
		t.Errorf("atom entry: %+v", d)
	}
	if !strings.Contains(d.Text, "l'été prochain.\n\nLes bénévoles") {
		t.Errorf("text = %q", d.Text)
	}
}

func TestReadFeedBadInput(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
	}{
		{"not xml", "<rss><channel><item><title>unclosed", ErrMalformed},
		{"binary", "\x00\x01\x02\x03", ErrBinary},
	}
	f, _ := FormatFor("x.rss")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := f.Read(context.Background(), Source{Path: "x.rss", R: strings.NewReader(tt.in)}, Options{},
				func(doc.Document) error { return nil }, func(Problem) {})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if !sniffFeed([]byte(`<?xml version="1.0"?><rss version="2.0">`)) || sniffFeed([]byte("<html><body>rss</body></html>")) {
		t.Error("sniffFeed misjudges")
	}
}

func FuzzReadFeed(f *testing.F) {
	for _, name := range []string{"harbour.rss", "coast.atom"} {
		if b, err := os.ReadFile("testdata/feed/" + name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		err := readFeed(context.Background(), Source{Path: "f.rss", R: bytes.NewReader(b)}, Options{NoRegions: true},
			func(d doc.Document) error {
				if strings.TrimSpace(d.Text) == "" {
					t.Fatalf("document without text emitted: %+v", d)
				}
				return nil
			}, func(Problem) {})
		_ = err
	})
}

// TestFeedEncodings: a feed in a legacy encoding without a declaration,
// one declaring its encoding, and one in UTF-16 are read, not rejected.
func TestFeedEncodings(t *testing.T) {
	body := `<rss version="2.0"><channel><title>Gazette</title><item><guid>g1</guid><title>Café reopens</title><description>The café on the quay reopens after the storm; crème brûlée is back.</description></item></channel></rss>`
	latin1, _ := charmap.ISO8859_1.NewEncoder().String(body)
	declared, _ := charmap.Windows1252.NewEncoder().String(`<?xml version="1.0" encoding="windows-1252"?>` + body)
	utf16, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(`<?xml version="1.0" encoding="UTF-16"?>` + body)
	for name, in := range map[string]string{"latin-1, undeclared": latin1, "windows-1252, declared": declared, "UTF-16 with a BOM": utf16} {
		t.Run(name, func(t *testing.T) {
			var docs []doc.Document
			err := readFeed(context.Background(), Source{Path: "f.rss", Name: "f.rss", R: strings.NewReader(in)}, Options{NoRegions: true},
				func(d doc.Document) error { docs = append(docs, d); return nil }, func(p Problem) { t.Error(p) })
			if err != nil || len(docs) != 1 || !strings.Contains(docs[0].Text, "crème brûlée") || docs[0].Title != "Café reopens" {
				t.Errorf("docs %+v, err %v", docs, err)
			}
		})
	}
}
