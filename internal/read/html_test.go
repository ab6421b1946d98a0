package read

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/echotrace/echotrace/internal/doc"
)

func parseHTMLFile(t *testing.T, name string, page HTMLPage) (doc.Document, error) {
	t.Helper()
	b, err := os.ReadFile("testdata/html/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return ParseHTML(b, page)
}

func TestParseHTMLMetadataAndParagraphs(t *testing.T) {
	d, err := parseHTMLFile(t, "article.html", HTMLPage{URL: "https://fetched.example/x"})
	if err != nil {
		t.Fatal(err)
	}
	type meta struct{ Title, Outlet, Author, URL, Lang, Date string }
	want := meta{
		Title:  "Ferry keeps running until bridge opens",
		Outlet: "Harbour Gazette",
		Author: "Jane Roe",
		URL:    "https://gazette.example/news/2023/ferry-keeps-running", // canonical wins over the fetch URL
		Lang:   "en",
		Date:   "2023-04-05",
	}
	got := meta{Title: d.Title, Outlet: d.Outlet, Author: d.Author, URL: d.URL, Lang: d.Lang, Date: d.Date}
	if got != want {
		t.Errorf("metadata = %+v\nwant %+v", got, want)
	}
	paras := strings.Split(d.Text, "\n\n")
	if len(paras) != 6 {
		t.Fatalf("want 6 paragraphs, got %d: %q", len(paras), paras)
	}
	if !strings.HasPrefix(paras[1], "The harbour committee met") || !strings.Contains(paras[3], "a day.\nTickets") {
		t.Errorf("paragraphs not kept: %q", paras)
	}
	for _, junk := range []string{"Home", "Sport", "All rights reserved"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("navigation or footer %q in the text", junk)
		}
	}
	if links, _ := d.Extra["links"].([]any); len(links) != 1 || links[0] != "https://council.example/minutes/42" {
		t.Errorf("links = %v", d.Extra["links"])
	}
	if len(d.Regions) != 0 {
		t.Errorf("unexpected regions %+v", d.Regions)
	}
}

func TestParseHTMLCommentsKeptApart(t *testing.T) {
	tests := []struct {
		file      string
		article   []string // must be in the article part
		comments  []string // one per comment, in order
		notes     []string
		linkCount int
	}{
		{"comments.html",
			[]string{"The old lighthouse on the northern cape", "modest entrance fee for adults."},
			[]string{"Wonderful news. My grandfather kept that lamp burning for twenty years.",
				"Do you have photos of him? The trust is collecting them for the exhibition.",
				"Free for children is a great decision."},
			[]string{"comment by Marta K. at 2022-09-14T18:02:00+00:00", "comment by Tom at 2022-09-15T07:40:00+00:00", "comment by Ana"},
			0},
		{"thread.html",
			[]string{"The city quietly published a new tram timetable", "summer works on the river bridge?"},
			[]string{"It is only until September according to the notice at the depot.",
				"Twenty minutes at night is fine, the problem is the morning."},
			[]string{"comment by tramfan88", "comment by nightshift"},
			1},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			d, err := parseHTMLFile(t, tt.file, HTMLPage{})
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Regions) != len(tt.comments) {
				t.Fatalf("regions = %+v, want %d comments", d.Regions, len(tt.comments))
			}
			for i, r := range d.Regions {
				if r.Kind != doc.RegionComment || d.Text[r.Begin:r.End] != tt.comments[i] || r.Note != tt.notes[i] {
					t.Errorf("region %d = %+v %q", i, r, d.Text[r.Begin:r.End])
				}
				if !d.Excluded(r.Begin) {
					t.Errorf("comment %d counts as article text", i)
				}
			}
			articleEnd := d.Regions[0].Begin
			for _, s := range tt.article {
				if i := strings.Index(d.Text, s); i < 0 || i >= articleEnd {
					t.Errorf("%q not in the article part", s)
				}
			}
			for _, meta := range []string{"September 14, 2022", "Marta K.\n"} {
				if strings.Contains(d.Text, meta) {
					t.Errorf("comment header %q leaked into the text", meta)
				}
			}
			if links, _ := d.Extra["links"].([]any); len(links) != tt.linkCount {
				t.Errorf("links = %v, want %d", links, tt.linkCount)
			}
		})
	}
}

func TestParseHTMLCharset(t *testing.T) {
	d, err := parseHTMLFile(t, "cp1251.html", HTMLPage{URL: "https://www.city.example/news/1", FetchDate: "2024-02-03T04:05:06Z"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Новости" || !strings.HasPrefix(d.Text, "Городской совет") {
		t.Errorf("windows-1251 not decoded: title %q text %.40q", d.Title, d.Text)
	}
	if d.Outlet != "city.example" {
		t.Errorf("outlet = %q, want the host", d.Outlet)
	}
	if d.Date != "2024-02-03T04:05:06Z" || d.Extra["date_source"] != "fetch" {
		t.Errorf("fetch date fallback: date %q extra %v", d.Date, d.Extra)
	}
}

func TestParseHTMLBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"no body", "<!DOCTYPE html><html><head><title>x</title></head></html>", ErrNoText},
		{"scripts only", "<html><body><script>var a = 'text';</script><style>p{}</style></body></html>", ErrNoText},
		{"empty", "", ErrNoText},
		{"binary", "\x00\x01\x02<html>", ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseHTML([]byte(tt.in), HTMLPage{})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestReadHTMLFormat(t *testing.T) {
	f, ok := FormatFor("page.HTML")
	if !ok || f.Name != "html" {
		t.Fatalf("FormatFor(page.HTML) = %v %v", f.Name, ok)
	}
	b, _ := os.ReadFile("testdata/html/article.html")
	if !SniffHTML(b[:512]) || SniffHTML([]byte(`{"text": "<html>"}`)) {
		t.Error("SniffHTML misjudges")
	}
	var docs []doc.Document
	var problems []Problem
	emit := func(d doc.Document) error { docs = append(docs, d); return nil }
	report := func(p Problem) { problems = append(problems, p) }
	src := Source{Path: "in/page.html", Name: "page", R: bytes.NewReader(b), Size: int64(len(b))}
	if err := f.Read(context.Background(), src, Options{}, emit, report); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].ID != "page" || docs[0].Path != "in/page.html" {
		t.Fatalf("docs = %+v", docs)
	}

	// A page over the size limit is refused without being held whole.
	big := bytes.NewReader(append(b, bytes.Repeat([]byte("<p>filler text</p>"), 1000)...))
	err := f.Read(context.Background(), Source{Path: "big.html", R: big, Size: -1}, Options{MaxBytes: 4096}, emit, report)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

func FuzzParseHTML(f *testing.F) {
	// Small seeds: each input the fuzzer finds interesting is minimised
	// by re-running it many times, which large pages make take minutes.
	f.Add([]byte(`<html lang="en"><head><title>T</title><link rel="canonical" href="/c"></head><body><article><h1>H</h1><p>One two three.<br>Four <a href="x">five</a>.</p><figure><figcaption>Cap</figcaption></figure></article></body></html>`))
	f.Add([]byte(`<body><p>Post body</p><ol><li id="comment-1" class="comment"><div class="comment-author"><b class="fn">A</b></div><time datetime="2020-01-02">x</time><div class="comment-content"><p>Reply one</p></div><ol><li class="comment"><p>Nested</p></li></ol></li></ol></body>`))
	f.Add([]byte(`<div class="md">Post</div><shreddit-comment author="u"><div slot="comment"><p>c</p></div><shreddit-comment author="v"><p>d</p></shreddit-comment></shreddit-comment>`))
	f.Add([]byte("<meta charset=\"windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseHTML(b, HTMLPage{URL: "https://a.example/"})
		if err != nil {
			return
		}
		prev := 0
		for _, r := range d.Regions {
			if r.Begin < prev || r.End < r.Begin || r.End > len(d.Text) {
				t.Fatalf("bad region %+v in text of %d bytes", r, len(d.Text))
			}
			prev = r.End
		}
	})
}

func TestReadabilityFallbackExtractsParagraphs(t *testing.T) {
	b, err := os.ReadFile("testdata/html/article.html")
	if err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	a, err := readabilityArticle(root, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.extractor != "readability" || len(a.paragraphs) < 4 || a.title == "" {
		t.Fatalf("readability article: %+v", a)
	}
	var text []string
	for _, p := range a.paragraphs {
		text = append(text, p.text)
	}
	joined := strings.Join(text, "\n\n")
	if !strings.Contains(joined, "Residents had campaigned for months") || strings.Contains(joined, "Sport") {
		t.Errorf("readability text: %q", joined)
	}
	// Figure captions (kept by readability, dropped by trafilatura) become
	// paragraphs of their own, marked as captions.
	w := paragraphsOf(mustParse(t, `<figure><img src=a.jpg><figcaption>Ferry at dawn</figcaption></figure><p>Body</p>`), nil)
	if len(w) != 2 || !w[0].caption || w[0].text != "Ferry at dawn" || w[1].caption {
		t.Errorf("caption paragraphs = %+v", w)
	}
}

func mustParse(t *testing.T, s string) *html.Node {
	t.Helper()
	n, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return n
}
