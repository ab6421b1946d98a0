package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// checkReportFindings checks the quotes, stories and narratives of the
// example corpus's JSON report: the keys come after chains and before
// problems, each list has content, every occurrence is a real span of a
// quote it says it belongs to, and every document is in exactly one story.
func checkReportFindings(t *testing.T, out string) {
	t.Helper()
	var keys []string
	dec := json.NewDecoder(strings.NewReader(out))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("report is not a JSON object: %v", err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"settings", "documents", "passages", "relations", "chains", "quotes", "stories", "narratives", "problems"}
	if !slices.Equal(keys, want) {
		t.Errorf("top-level keys %v, want %v", keys, want)
	}
	var rep struct {
		Quotes []struct {
			ID          string
			Occurrences []struct {
				Doc, Quote string
				Begin, End int
			}
		}
		Stories []struct {
			ID, Label string
			Documents []string
			Timeline  []struct{ Date string }
		}
		Narratives []struct {
			ID, Label string
			Stories   []string
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Quotes) == 0 || len(rep.Stories) == 0 || len(rep.Narratives) == 0 {
		t.Fatalf("report lacks findings: %d quotes, %d stories, %d narratives", len(rep.Quotes), len(rep.Stories), len(rep.Narratives))
	}
	shared := 0
	for _, q := range rep.Quotes {
		docs := map[string]bool{}
		for _, o := range q.Occurrences {
			docs[o.Doc] = true
			if o.Quote != q.ID || o.End <= o.Begin {
				t.Errorf("occurrence %+v of quote %s", o, q.ID)
			}
		}
		if len(docs) > 1 {
			shared++
		}
	}
	if shared == 0 {
		t.Error("no quote is found in several documents, though the example copies quotes")
	}
	inStory := map[string]int{}
	for _, s := range rep.Stories {
		if s.Label == "" || len(s.Documents) == 0 {
			t.Errorf("story %s has no label or no documents", s.ID)
		}
		for _, d := range s.Documents {
			inStory[d]++
		}
	}
	for d, n := range inStory {
		if n != 1 {
			t.Errorf("document %s is in %d stories", d, n)
		}
	}
	for _, n := range rep.Narratives {
		if n.Label == "" || len(n.Stories) == 0 {
			t.Errorf("narrative %s has no label or no stories", n.ID)
		}
	}
}
