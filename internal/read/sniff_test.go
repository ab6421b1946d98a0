package read

import (
	"errors"
	"sort"
	"strings"
	"testing"
)

// TestWalkSniffsContent: a walk reads files whose ending says nothing by
// what they hold, and names every file it does not read, with why.
func TestWalkSniffsContent(t *testing.T) {
	page := strings.Replace(warcPage, "Night trains return", "Saved page", -1)
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><item><guid>g1</guid><title>Feed item</title><description>A feed saved with an .xml ending.</description></item></channel></rss>`
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"feed.xml":           feed,
		"article.php?id=5":   page,
		"story.asp":          page,
		"saved-page":         page,
		"page.html.gz":       string(gzipBytes([]byte(page))),
		"notes":              "Plain notes without an ending.\n\nThey are text.",
		"table.csv":          "id,text\n1,a row\n",
		"paper.pdf":          "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
		"photo.jpeg":         "\xff\xd8\xff\xe0\x00\x10JFIF",
		"settings.xml":       `<?xml version="1.0"?><settings><a>1</a></settings>`,
		"export/result.json": `{"name": "Quay", "type": "public_channel", "id": 5, "messages": [{"id": 1, "type": "message", "date": "2023-01-01T00:00:00", "text": "A channel post."}]}`,
		"data.json":          `{"rows": [1, 2, 3]}`, // one object on a line: read as JSONL, and it has no text
	})
	docs, problems, stats := readPaths(t, []string{dir}, Options{})
	var got []string
	for _, d := range docs {
		got = append(got, d.ID)
	}
	sort.Strings(got)
	want := []string{"article.php?id=5", "feed.xml#g1", "notes", "page.html.gz", "saved-page", "story.asp", "telegram:5:1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("documents %v, want %v", got, want)
	}
	named := map[string]error{}
	for _, p := range problems {
		named[p.Path[len(dir)+1:]] = p.Err
	}
	for file, kind := range map[string]error{"table.csv": ErrUnsupported, "paper.pdf": ErrUnsupported, "photo.jpeg": ErrNotDocument,
		"settings.xml": ErrUnsupported, "data.json": ErrNoText} {
		if err := named[file]; !errors.Is(err, kind) {
			t.Errorf("%s: %v, want it named as %v", file, err, kind)
		}
	}
	if !strings.Contains(named["paper.pdf"].Error(), "PDF is not supported") || strings.Contains(named["paper.pdf"].Error(), "iconv") {
		t.Errorf("PDF message: %v", named["paper.pdf"])
	}
	if len(problems) != 5 || stats.Files.Read != 8 || stats.Files.Failed != 3 || stats.Files.Skipped != 1 || stats.Records.Failed != 1 {
		t.Errorf("problems %v, stats %+v", problems, stats)
	}
}
