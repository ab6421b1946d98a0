package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestStoriesAndNarrativesJSON ingests an invented corpus (two outlets on
// one strike, one on an election) and checks the fields every story and
// narrative must carry, then that recluster keeps the stories.
func TestStoriesAndNarrativesJSON(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt": "Harbour Post, March 2, 2030\n\nFerry crews in Tarsby walked out on Monday over pay, stopping every crossing to Holm Island. The union said the strike would last three days.",
		"b.txt": "Island Radio, March 3, 2030\n\nNo ferries ran between Tarsby and Holm Island after the crews went on strike over pay. The strike is planned to last three days, the union said.",
		"c.txt": "Mayor Irma Quist won a third term in the city election on Sunday, with turnout lower than four years ago, the city clerk in Wendam announced.",
	}
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, errs, code := echotrace(t, dir, "ingest", in); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	type summary struct {
		ID        string   `json:"id"`
		Label     string   `json:"label"`
		Documents []string `json:"documents"`
		First     *string  `json:"first"`
		Last      *string  `json:"last"`
	}
	decode := func(args ...string) []summary {
		out, errs, code := echotrace(t, dir, args...)
		if code != 0 {
			t.Fatalf("%v exit %d: %s", args, code, errs)
		}
		var list []summary
		if err := json.Unmarshal([]byte(out), &list); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		for _, s := range list {
			if s.ID == "" || s.Label == "" || len(s.Documents) == 0 || s.First == nil || s.Last == nil {
				t.Errorf("%v: incomplete entry %+v", args, s)
			}
		}
		return list
	}
	stories := decode("stories", "--json")
	if len(stories) != 2 {
		t.Fatalf("%d stories, want 2: %+v", len(stories), stories)
	}
	if len(stories[0].Documents) != 2 || *stories[0].First != "2030-03-02" || *stories[0].Last != "2030-03-03" {
		t.Errorf("strike story = %+v, want two documents dated 2030-03-02..03 from their datelines", stories[0])
	}
	if ns := decode("narratives", "--json"); len(ns) == 0 {
		t.Error("no narratives")
	}
	if _, errs, code := echotrace(t, dir, "recluster"); code != 0 {
		t.Fatalf("recluster exit %d: %s", code, errs)
	}
	if again := decode("stories", "--json"); len(again) != 2 || len(again[0].Documents) != 2 {
		t.Errorf("after recluster: %+v", again)
	}
}
