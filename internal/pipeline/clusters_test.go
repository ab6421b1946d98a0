package pipeline

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/store"
	"github.com/echotrace/echotrace/internal/testutil"
)

// storyGroups lists the stored stories as sorted, comma-joined seed
// prefixes.
func storyGroups(t *testing.T, cs store.ClusterStore) []string {
	t.Helper()
	stories, err := cs.Stories(context.Background(), store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var groups []string
	for _, s := range stories {
		var ps []string
		for _, d := range s.Documents {
			ps = append(ps, d[:3])
		}
		slices.Sort(ps)
		groups = append(groups, strings.Join(ps, ","))
	}
	slices.Sort(groups)
	return groups
}

// TestSeedsStories is the acceptance test of story clustering through
// the whole pipeline: the reuse link, the extracted entities and quotes
// are the signals, as in production.
func TestSeedsStories(t *testing.T) {
	dir := testutil.Shared(t, "corpus/seeds")
	st, _ := ingestAndAnalyze(t, dir)
	cs, ok := st.(store.ClusterStore)
	if !ok {
		t.Fatal("the SQLite store does not keep stories")
	}
	want := []string{"000,001", "002", "003", "004"}
	if got := storyGroups(t, cs); !slices.Equal(got, want) {
		t.Errorf("stories = %v, want %v", got, want)
	}
	ns, err := cs.Narratives(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(ns) != 1 || len(ns[0].Documents) != 5 {
		t.Fatalf("want one narrative of five documents, got %+v", ns)
	}
	label := strings.ToLower(ns[0].Label)
	if !strings.Contains(label, "france") && !strings.Contains(label, "macron") {
		t.Errorf("label %q names neither France nor Macron", ns[0].Label)
	}
	for _, w := range []string{"ukrain", "troop"} {
		if !strings.Contains(label, w) {
			t.Errorf("label %q does not name %q", ns[0].Label, w)
		}
	}

	// Rebuilding from scratch agrees with what the analysis stored.
	version, err := st.Version(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	res, err := Cluster(context.Background(), st, version, true)
	if err != nil || !res.Rebuilt || !res.Stored || res.Placed != 5 {
		t.Fatalf("recluster = %+v, %v", res, err)
	}
	if got := storyGroups(t, cs); !slices.Equal(got, want) {
		t.Errorf("after recluster stories = %v, want %v", got, want)
	}
	// An incremental run with nothing new places nothing.
	res, err = Cluster(context.Background(), st, version, false)
	if err != nil || res.Rebuilt || res.Placed != 0 {
		t.Fatalf("incremental run on an unchanged corpus = %+v, %v", res, err)
	}
}
