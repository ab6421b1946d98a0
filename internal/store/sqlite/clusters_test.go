package sqlite_test

import (
	"context"
	"database/sql"
	"io"
	"slices"
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/store"
	"github.com/echotrace/echotrace/internal/store/sqlite"
	"github.com/echotrace/echotrace/internal/store/storetest"
)

func TestClusters(t *testing.T) { storetest.Clusters(t, newDSN) }

func TestCounts(t *testing.T) { storetest.Counts(t, newDSN) }

// clusterIndexes lists the indexes of the story tables with their
// definitions, as SQLite keeps them.
func clusterIndexes(tb testing.TB, db *sql.DB) []string {
	return tableIndexes(tb, db, "stories", "story_documents", "narratives")
}

// A replacement of the stories drops the story tables' indexes and builds
// them again after its rows: it must leave exactly those a new database
// has, and the lists through them must find what they did.
func TestClusterIndexesAfterReplacement(t *testing.T) {
	ctx := context.Background()
	path := created(t)
	raw := rawFile(t, path)
	fresh := clusterIndexes(t, raw)
	if len(fresh) != 3 {
		t.Fatalf("indexes of a new database: %q", fresh)
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	story := func(id, narrative string, docs ...string) cluster.Story {
		return cluster.Story{Summary: cluster.Summary{ID: id, Documents: docs}, Narrative: narrative}
	}
	noState := func(io.Writer) error { return nil }
	for version, stories := range [][]cluster.Story{
		{story("s1", "n1", "a", "b"), story("s2", "n2", "c"), story("s3", "n1", "d", "e")},
		{story("s9", "n2", "e"), story("s4", "n1", "a", "c", "d"), story("s5", "n2", "b")},
	} {
		narratives := []cluster.Narrative{{Summary: cluster.Summary{ID: "n1"}}, {Summary: cluster.Summary{ID: "n2"}}}
		if ok, err := s.ReplaceClusters(ctx, int64(version+1), store.ClusterList{Stories: stories, Narratives: narratives}, noState); err != nil || !ok {
			t.Fatalf("replace %d: %v, %v", version+1, ok, err)
		}
		if got := clusterIndexes(t, raw); !slices.Equal(got, fresh) {
			t.Errorf("indexes after replacement %d:\n%q\nwant\n%q", version+1, got, fresh)
		}
		ids := func(q store.StoryQuery) []string {
			got, err := s.Stories(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, st := range got {
				out = append(out, st.ID)
			}
			return out
		}
		var all, ofN2, ofC []string
		for _, st := range stories {
			all = append(all, st.ID)
			if st.Narrative == "n2" {
				ofN2 = append(ofN2, st.ID)
			}
			if slices.Contains(st.Documents, "c") {
				ofC = append(ofC, st.ID)
			}
		}
		for _, c := range []struct {
			q    store.StoryQuery
			want []string
		}{{store.StoryQuery{}, all}, {store.StoryQuery{Narrative: "n2"}, ofN2}, {store.StoryQuery{Doc: "c"}, ofC}} {
			if got := ids(c.q); !slices.Equal(got, c.want) {
				t.Errorf("replacement %d, stories of %+v = %q, want %q", version+1, c.q, got, c.want)
			}
		}
	}
}
