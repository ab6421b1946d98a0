package cluster

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/testutil"
)

// seedItems reads the seed corpus as the pipeline would hand it over:
// dates from datelines, and the reuse link of 000 to 001.
func seedItems(t *testing.T) []Item {
	dir := testutil.Shared(t, "corpus/seeds")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("seed corpus absent: %v", err)
	}
	var items []Item
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		id := e.Name()[:3]
		it := Item{ID: id, Text: string(b)}
		if d, ok := Dateline(it.Text); ok {
			it.Date = d
		}
		items = append(items, it)
	}
	if len(items) != 5 {
		t.Skipf("expected five seed documents, found %d", len(items))
	}
	for i := range items {
		if items[i].ID == "000" {
			items[i].Sources = []string{"001"}
		}
	}
	return items
}

func TestSeedsAcceptance(t *testing.T) {
	items := seedItems(t)
	c, errs := Recluster(items, DefaultParams())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var groups []string
	for _, s := range c.Stories(nil) {
		docs := slices.Clone(s.Documents)
		slices.Sort(docs)
		groups = append(groups, strings.Join(docs, ","))
		t.Logf("story %s %v: %s", s.ID, docs, s.Label)
	}
	slices.Sort(groups)
	want := []string{"000,001", "002", "003", "004"}
	if !slices.Equal(groups, want) {
		t.Errorf("stories = %v, want %v", groups, want)
	}
	ns := c.Narratives()
	for _, n := range ns {
		t.Logf("narrative %s %v: %s", n.ID, n.Documents, n.Label)
	}
	if len(ns) != 1 || len(ns[0].Documents) != 5 {
		t.Fatalf("want one narrative of five documents, got %d narratives", len(ns))
	}
	label := strings.ToLower(ns[0].Label)
	if !strings.Contains(label, "france") && !strings.Contains(label, "macron") {
		t.Errorf("narrative label %q names neither France nor Macron", ns[0].Label)
	}
	for _, w := range []string{"ukrain", "troop"} {
		if !strings.Contains(label, w) {
			t.Errorf("narrative label %q does not name %q", ns[0].Label, w)
		}
	}
}
