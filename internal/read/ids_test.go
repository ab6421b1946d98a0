package read

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"
)

// wireStory is one text that several outlets carry word for word.
const wireStory = "Dock workers in the northern port walked out on Tuesday after talks on night shifts failed, the union said.\n\nThe strike is the first at the port in eleven years.\n"

func wireFeed(title, self string, guids ...string) string {
	s := `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>` + title + `</title>`
	if self != "" {
		s += `<atom:link href="` + self + `" rel="self" type="application/rss+xml"/>`
	}
	for _, g := range guids {
		s += `<item><title>Port strike ` + g + `</title><guid isPermaLink="false">` + g + `</guid><description>` + wireStory + `</description></item>`
	}
	return s + `</channel></rss>`
}

func wireHTML(outlet string) string {
	return `<!DOCTYPE html><html><head><title>Port strike</title><meta property="og:site_name" content="` + outlet + `"></head><body><article><h1>Port strike</h1><p>` +
		wireStory + `</p></article></body></html>`
}

// TestIdentityNothingMerged: records of different sources are different
// documents even when their texts are equal word for word.
func TestIdentityNothingMerged(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"feeds/coast.rss":    wireFeed("Coast Daily", "", "1", "2"),
		"feeds/valley.rss":   wireFeed("Valley Weekly", "", "1", "2"),
		"feeds/self.xml.rss": wireFeed("Harbour Gazette", "https://gazette.example/feed.xml", "1"),
		"siteA/index.html":   wireHTML("Site A"),
		"siteB/index.html":   wireHTML("Site B"),
		"story.md":           "# Port strike\n\n" + wireStory,
		"story.html":         wireHTML("Story Outlet"),
		"a.jsonl":            `{"text":"` + "Dock workers walked out." + `"}` + "\n",
		"b.jsonl":            `{"text":"` + "Dock workers walked out." + `"}` + "\n",
	})
	var buf bytes.Buffer
	w := NewWARCWriter(&buf)
	for _, u := range []string{"https://a.example/strike", "https://b.example/strike"} {
		if _, err := w.Write(WARCFields{Type: "response", TargetURI: u, Date: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC),
			ContentType: "application/http; msgtype=response"}, httpResponse("200 OK", "text/html; charset=utf-8", "", []byte(wireHTML("W")), false)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "crawl.warc.gz"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, problems, _ := readPaths(t, []string{dir}, Options{})
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	got := ids(docs)
	seen := map[string]int{}
	for _, id := range got {
		seen[id]++
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("id %q given to %d documents", id, n)
		}
	}
	// 4 feed items + 1, 2 index pages, story.md, story.html, 2 JSONL records, 2 WARC responses.
	if len(docs) != 13 {
		t.Errorf("%d documents, want 13: %v", len(docs), got)
	}
	for _, want := range []string{"feeds/coast.rss#1", "feeds/valley.rss#2", "https://gazette.example/feed.xml#1",
		"siteA/index.html", "siteB/index.html", "story.md", "story.html", "a.jsonl#1", "b.jsonl#1"} {
		if seen[want] != 1 {
			t.Errorf("no document %q among %v", want, got)
		}
	}
}

// TestIdentityStableAcrossStartFolder: with an ingest root, a file has
// one id whichever directory the walk starts from, and named directly.
func TestIdentityStableAcrossStartFolder(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"examples/newsroom/wire.txt": wireStory, "examples/other.txt": storyA})
	opt := Options{Root: root}
	var all [][]string
	for _, start := range []string{filepath.Join(root, "examples"), filepath.Join(root, "examples", "newsroom"), filepath.Join(root, "examples", "newsroom", "wire.txt")} {
		docs, problems, _ := readPaths(t, []string{start}, opt)
		if len(problems) != 0 {
			t.Fatal(problems)
		}
		got := ids(docs)
		sort.Strings(got)
		all = append(all, got)
	}
	if !reflect.DeepEqual(all[0], []string{"examples/newsroom/wire.txt", "examples/other.txt"}) ||
		!reflect.DeepEqual(all[1], []string{"examples/newsroom/wire.txt"}) || !reflect.DeepEqual(all[2], all[1]) {
		t.Errorf("ids by start folder: %v", all)
	}
}
