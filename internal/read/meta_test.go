package read

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestMetaJSONL(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":     storyA,
		"b.txt":     storyB,
		"sub/c.txt": storyA + "More.\n",
		"sub/d.txt": storyB + "More.\n",
		"recs.jsonl": `{"id":"r1","text":"Record one.","outlet":"Own Outlet"}` + "\n" +
			`{"id":"r2","text":"Record two."}` + "\n",
		"meta.jsonl": strings.Join([]string{
			`{"file":"a.txt","id":"harbour-1","title":"Given title","outlet":"Coast Daily","date":"2023-04-05","url":"https://example.org/a","lang":"en","author":"R. Ines","desk":"metro"}`,
			`not json at all`,
			`{"file":"sub/c.txt","series":"valley-weekly"}`,
			`{"title":"no file field"}`,
			`{"file":"recs.jsonl","id":"ignored","outlet":"Meta Outlet","series":"wire"}`,
			`{"file":"missing.txt","title":"typo"}`,
			``,
		}, "\n"),
		"sub/meta.jsonl": `{"file":"d.txt","outlet":"Nearer Meta"}` + "\n",
	})
	docs, problems, stats := readPaths(t, []string{dir}, Options{})
	byID := map[string]int{}
	for i, d := range docs {
		byID[d.ID] = i
	}
	a, ok := byID["harbour-1"]
	if !ok {
		t.Fatalf("meta id not applied: %v", ids(docs))
	}
	d := docs[a]
	if d.Title != "Given title" || d.Outlet != "Coast Daily" || d.Date != "2023-04-05" || d.URL != "https://example.org/a" || d.Lang != "en" || d.Author != "R. Ines" || d.Extra["desk"] != "metro" {
		t.Errorf("meta not applied: %+v", d)
	}
	if _, has := d.Extra["file"]; has {
		t.Error("the file field leaked into Extra")
	}
	if d := docs[byID["sub/c.txt"]]; d.Series != "valley-weekly" || d.Outlet != "valley-weekly" {
		t.Errorf("nested meta entry: series %q outlet %q, want the series and outlet defaulting to it", d.Series, d.Outlet)
	}
	if d := docs[byID["sub/d.txt"]]; d.Outlet != "Nearer Meta" {
		t.Errorf("sub/d outlet %q, want the nearer meta.jsonl", d.Outlet)
	}
	if d := docs[byID["r1"]]; d.Outlet != "Own Outlet" || d.Series != "wire" {
		t.Errorf("r1: %+v; a record's own fields win and meta fills the rest", d)
	}
	if d := docs[byID["r2"]]; d.Outlet != "Meta Outlet" {
		t.Errorf("r2 outlet %q, want filled from meta", d.Outlet)
	}
	if _, has := byID["ignored"]; has {
		t.Error("a meta id was given to the records of a JSONL file")
	}
	if stats.Read != 6 {
		t.Errorf("Read = %d, want 6 (meta.jsonl is not a document)", stats.Read)
	}
	var lines []int
	for _, p := range problems {
		if filepath.Base(p.Path) != MetaFile {
			t.Errorf("unexpected problem %v", p)
		}
		lines = append(lines, p.Line)
	}
	if want := []int{2, 4, 6}; len(lines) != 3 || lines[0] != want[0] || lines[1] != want[1] || lines[2] != want[2] {
		t.Errorf("problem lines = %v, want %v (bad JSON, no file, unused entry)", lines, want)
	}
	if stats.Reasons["unused metadata"] != 1 || stats.Failed != 2 {
		t.Errorf("stats = %+v", stats)
	}
}

func TestMetaForFileNamedDirectly(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":      storyA,
		"meta.jsonl": `{"file":"a.txt","id":"direct-id","outlet":"Coast Daily"}`,
	})
	docs, problems, _ := readPaths(t, []string{filepath.Join(dir, "a.txt")}, Options{})
	if len(problems) != 0 || len(docs) != 1 || docs[0].ID != "direct-id" || docs[0].Outlet != "Coast Daily" {
		t.Errorf("docs %+v problems %v", docs, problems)
	}
}
