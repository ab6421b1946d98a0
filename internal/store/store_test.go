package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/echotrace/echotrace/internal/doc"
)

func TestScheme(t *testing.T) {
	tests := []struct{ dsn, scheme, rest string }{
		{"echotrace.db", "sqlite", "echotrace.db"},
		{"data/x.db", "sqlite", "data/x.db"},
		{`C:\corpus\x.db`, "sqlite", `C:\corpus\x.db`},
		{"sqlite:x.db", "sqlite", "x.db"},
		{"sqlite:///var/x.db", "sqlite", "/var/x.db"},
		{"postgres://u@127.0.0.1:5432/db", "postgres", "postgres://u@127.0.0.1:5432/db"},
		{"postgresql://127.0.0.1/db?sslmode=disable", "postgres", "postgresql://127.0.0.1/db?sslmode=disable"},
	}
	for _, tc := range tests {
		scheme, rest := Scheme(tc.dsn)
		if scheme != tc.scheme || rest != tc.rest {
			t.Errorf("Scheme(%q) = %q, %q; want %q, %q", tc.dsn, scheme, rest, tc.scheme, tc.rest)
		}
	}
}

func TestOpenUnknownBackend(t *testing.T) {
	// No backend is linked into this package's tests.
	_, err := Open(context.Background(), "postgres://127.0.0.1/x")
	if err == nil || !strings.Contains(err.Error(), "no backend") {
		t.Errorf("err = %v, want a message that no backend is linked", err)
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		d    doc.Document
		want string // substring of the error, "" for none
	}{
		{"fine", doc.Document{ID: "a", Text: "text"}, ""},
		{"empty text is fine", doc.Document{ID: "a"}, ""},
		{"no id", doc.Document{Text: "x"}, "no id"},
		{"blank id", doc.Document{ID: "  ", Text: "x"}, "no id"},
		{"nul in text", doc.Document{ID: "a", Text: "x\x00y"}, "text holds a NUL byte at offset 1"},
		{"nul in title", doc.Document{ID: "a", Title: "\x00"}, "title holds a NUL"},
		{"bad utf-8", doc.Document{ID: "a", Outlet: "\xc3"}, "outlet is not valid UTF-8"},
		{"region past end", doc.Document{ID: "a", Text: "abc", Regions: []doc.Region{{Begin: 1, End: 4}}}, "outside the text"},
		{"negative line", doc.Document{ID: "a", Line: -1}, "line number -1 out of range"},
		{"region reversed", doc.Document{ID: "a", Text: "abc", Regions: []doc.Region{{Begin: 2, End: 1}}}, "outside the text"},
	}
	for _, tc := range tests {
		err := Check(tc.d)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: err = %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

func TestRecordHash(t *testing.T) {
	base := doc.Document{ID: "a", Title: "T", Text: "body", Extra: map[string]any{"n": 3, "s": "x"}}
	r0, err := NewRecord(base)
	if err != nil {
		t.Fatal(err)
	}
	// The stored form of Extra turns 3 into 3.0; the hash must not care.
	same := base
	same.Extra = map[string]any{"s": "x", "n": 3.0}
	if r, _ := NewRecord(same); r.RecordHash != r0.RecordHash {
		t.Errorf("an equal document hashes differently")
	}
	// Every field counts, and fields cannot shift into one another.
	changes := map[string]func(*doc.Document){
		"path":    func(d *doc.Document) { d.Path = "p" },
		"line":    func(d *doc.Document) { d.Line = 2 },
		"series":  func(d *doc.Document) { d.Series = "s" },
		"title":   func(d *doc.Document) { d.Title = "U" },
		"outlet":  func(d *doc.Document) { d.Outlet = "o" },
		"author":  func(d *doc.Document) { d.Author = "a" },
		"url":     func(d *doc.Document) { d.URL = "u" },
		"lang":    func(d *doc.Document) { d.Lang = "en" },
		"date":    func(d *doc.Document) { d.Date = "2020" },
		"text":    func(d *doc.Document) { d.Text = "Body" },
		"regions": func(d *doc.Document) { d.Regions = []doc.Region{{Kind: doc.RegionHint, End: 1}} },
		"extra":   func(d *doc.Document) { d.Extra = nil },
		"shift":   func(d *doc.Document) { d.Title, d.Outlet = "", "T" },
	}
	for name, change := range changes {
		d := base
		change(&d)
		r, err := NewRecord(d)
		if err != nil {
			t.Fatal(err)
		}
		if r.RecordHash == r0.RecordHash {
			t.Errorf("changing %s leaves the record hash as it was", name)
		}
	}
	if r0.ContentHash != doc.ContentHash("body") || r0.Bytes != 4 || r0.DateMicros != NoDate {
		t.Errorf("derived fields: %+v", r0)
	}
}

func TestBatchRejects(t *testing.T) {
	b := NewBatch([]doc.Document{{ID: "a"}, {ID: "", Path: "f.jsonl", Line: 7}, {ID: "b"}})
	err := b.Err()
	var rej *RejectedError
	if !errors.As(err, &rej) || len(rej.Rejected) != 1 || len(b.Records) != 2 || b.Records[1].Doc.ID != "b" {
		t.Fatalf("NewBatch = %d records, %v", len(b.Records), err)
	}
	if NewBatch([]doc.Document{{ID: "a"}}).Err() != nil {
		t.Errorf("a batch without rejections has an error")
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "f.jsonl:7: ") {
		t.Errorf("message %q does not start with the file and line", msg)
	}
}

func TestDateMicros(t *testing.T) {
	tests := []struct {
		date string
		want int64
	}{
		{"", NoDate},
		{"not a date", NoDate},
		{"1970-01-01", 0},
		{"1970-01-01T00:00:01Z", 1e6},
		{"1970-01-01T02:00:00+02:00", 0},
		{"1850-06-01", time.Date(1850, 6, 1, 0, 0, 0, 0, time.UTC).UnixMicro()}, // before 1678, nanoseconds would not do
		{"1601-01-01", time.Date(1601, 1, 1, 0, 0, 0, 0, time.UTC).UnixMicro()},
	}
	for _, tc := range tests {
		if got := DateMicros(tc.date); got != tc.want {
			t.Errorf("DateMicros(%q) = %d, want %d", tc.date, got, tc.want)
		}
	}
}

func TestSearchWords(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"harbour lights", []string{"harbour", "lights"}},
		{`"quoted" AND (x*)`, []string{"quoted", "AND", "x"}},
		{"état-major 2024", []string{"état", "major", "2024"}},
		{"  ", nil},
		{`"-*`, nil},
	}
	for _, tc := range tests {
		if got := SearchWords(tc.q); !reflect.DeepEqual(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("SearchWords(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestFoldWord(t *testing.T) {
	long := strings.Repeat("é", 60) // 120 bytes
	tests := []struct{ in, want string }{
		{"Harbour", "harbour"},
		{"État", "etat"},
		{"BRÛLÉE", "brulee"},
		{"Österreich", "osterreich"},
		{"Москва", "москва"},
		{"2024", "2024"},
		{long, strings.Repeat("e", 60)},
		{strings.Repeat("ж", 60), strings.Repeat("ж", 50)}, // cut at 100 bytes, on a character boundary
	}
	for _, tc := range tests {
		if got := FoldWord(tc.in); got != tc.want {
			t.Errorf("FoldWord(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIndexWords(t *testing.T) {
	got := IndexWords("The Mill, the MILL!", "Mühle: the mill's café")
	want := []string{"cafe", "mill", "muhle", "s", "the"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("IndexWords = %q, want %q", got, want)
	}
}

// TestRecordHashIsStable: the record hash is the one databases already
// hold (each field as "%d:%s" of its length and itself, in order), for
// fields of every size around recordHash's buffer, so that documents
// ingested again are unchanged, not updated.
func TestRecordHashIsStable(t *testing.T) {
	old := func(d doc.Document, regions, extra string) string {
		h := sha256.New()
		for _, f := range []string{d.ID, d.Path, fmt.Sprint(d.Line), d.Series, d.Title, d.Outlet, d.Author,
			d.URL, d.Lang, d.Date, d.Text, regions, extra} {
			fmt.Fprintf(h, "%d:%s", len(f), f)
		}
		return hex.EncodeToString(h.Sum(nil))
	}
	for _, n := range []int{0, 1, 4000, 4063, 4064, 4065, 4095, 4096, 4097, 8192, 100_000} {
		d := doc.Document{ID: "id-" + strings.Repeat("i", n%7), Path: "corpus.jsonl", Line: n, Title: strings.Repeat("t", n/3),
			Outlet: "The Outlet", URL: "https://example.com/" + strings.Repeat("u", n%4096), Date: "2024-01-01", Text: strings.Repeat("wörd ", n/5)}
		for _, fields := range [][2]string{{"", ""}, {strings.Repeat("r", n), `{"k":1}`}} {
			if got, want := recordHash(d, fields[0], fields[1]), old(d, fields[0], fields[1]); got != want {
				t.Errorf("text of %d bytes: hash %s, want %s", n, got, want)
			}
		}
	}
}

// BenchmarkNewRecord makes the record of a news-sized document (6 KB):
// the checks and the two hashes a store's writer would otherwise make.
func BenchmarkNewRecord(b *testing.B) {
	d := doc.Document{ID: "corpus.jsonl#syn-0000001", Path: "corpus.jsonl", Line: 2, Title: "A title of some words",
		Outlet: "The Outlet", URL: "https://example.com/a", Lang: "en", Date: "2024-01-01T06:00:00Z",
		Text: strings.Repeat("A sentence of news text, with words. ", 165)}
	b.SetBytes(int64(len(d.Text)))
	for b.Loop() {
		if _, err := NewRecord(d); err != nil {
			b.Fatal(err)
		}
	}
}
