package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// Counts checks the CountStore topic of a backend: the counts follow every
// replacement of the results they count (an older analysis, refused,
// leaves them), narratives come a page at a time or by id, and chains by
// number range. The versions Counts reads with them are those the
// topics' own Version methods answer.
func Counts(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	s := open(t, newDSN(t))
	want := store.Counts{Relations: map[relate.Kind]int64{}}
	check := func(when string) {
		t.Helper()
		got, err := s.Counts(ctx)
		if err != nil {
			t.Fatalf("%s: Counts: %v", when, err)
		}
		var each [4]int64
		var err1, err2, err3, err4 error
		each[0], err1 = s.Version(ctx)
		each[1], err2 = s.ReuseVersion(ctx)
		each[2], err3 = s.QuotesVersion(ctx)
		each[3], err4 = s.ClustersVersion(ctx)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			t.Fatalf("%s: versions: %v", when, err)
		}
		if got.Versions != each || got.Versions != want.Versions {
			t.Errorf("%s: Counts.Versions = %v; the versions are %v, want %v", when, got.Versions, each, want.Versions)
		}
		for _, k := range store.RelationKinds {
			if got.Relations[k] != want.Relations[k] {
				t.Errorf("%s: %s relations = %d, want %d", when, k, got.Relations[k], want.Relations[k])
			}
		}
		got.Relations, want.Relations = nil, nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Counts = %+v, want %+v", when, got, want)
		}
		want.Relations = map[relate.Kind]int64{}
	}
	check("empty store")

	passages, relations, chains := reuseFixture()
	relations = append(relations, relate.Relation{A: "blog", B: "wire", Kind: relate.Partial, Direction: relate.Undetermined})
	if ok, err := s.ReplaceReuse(ctx, 5, passages, relations, chains); err != nil || !ok {
		t.Fatalf("ReplaceReuse = %v, %v", ok, err)
	}
	want.Relations = map[relate.Kind]int64{relate.Duplicate: 1, relate.Partial: 2}
	want.Chains = 2
	want.Versions[1] = 5
	check("after reuse")
	if ok, err := s.ReplaceReuse(ctx, 4, nil, nil, nil); err != nil || ok {
		t.Fatalf("older ReplaceReuse = %v, %v", ok, err)
	}
	want.Relations = map[relate.Kind]int64{relate.Duplicate: 1, relate.Partial: 2}
	want.Chains = 2
	check("after a refused older analysis")

	for _, tt := range []struct {
		first, n int
		want     []relate.Chain
	}{
		{0, 1, chains[:1]}, {1, 5, chains[1:]}, {0, 2, chains}, {2, 3, nil},
	} {
		got, err := s.ChainRange(ctx, tt.first, tt.n)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ChainRange(%d, %d) = %v, %v; want %v", tt.first, tt.n, got, err, tt.want)
		}
	}

	var narratives []cluster.Narrative
	var stories []cluster.Story
	for _, id := range []string{"n1", "n2", "n3"} {
		narratives = append(narratives, cluster.Narrative{Summary: cluster.Summary{ID: id, Label: "about " + id, Documents: []string{"d" + id}}, Stories: []string{"s" + id}})
		stories = append(stories, cluster.Story{Summary: cluster.Summary{ID: "s" + id, Documents: []string{"d" + id}}, Narrative: id})
	}
	if ok, err := s.ReplaceClusters(ctx, 5, store.ClusterList{Stories: stories, Narratives: narratives}, nil); err != nil || !ok {
		t.Fatalf("ReplaceClusters = %v, %v", ok, err)
	}
	want.Relations = map[relate.Kind]int64{relate.Duplicate: 1, relate.Partial: 2}
	want.Chains, want.Stories, want.Narratives = 2, 3, 3
	want.Versions[3] = 5
	check("after clusters")
	for _, tt := range []struct {
		q    store.NarrativeQuery
		want []string
	}{
		{store.NarrativeQuery{}, []string{"n1", "n2", "n3"}},
		{store.NarrativeQuery{Limit: 2}, []string{"n1", "n2"}},
		{store.NarrativeQuery{Limit: 2, Offset: 2}, []string{"n3"}},
		{store.NarrativeQuery{Offset: 5}, nil},
		{store.NarrativeQuery{ID: "n2"}, []string{"n2"}},
		{store.NarrativeQuery{ID: "zz"}, nil},
	} {
		got, err := s.NarrativePage(ctx, tt.q)
		var ids []string
		for _, n := range got {
			ids = append(ids, n.ID)
		}
		if err != nil || !reflect.DeepEqual(ids, tt.want) {
			t.Errorf("NarrativePage(%+v) = %v, %v; want %v", tt.q, ids, err, tt.want)
		}
	}
	if got, _ := s.NarrativePage(ctx, store.NarrativeQuery{ID: "n3"}); len(got) == 1 && !reflect.DeepEqual(got[0], narratives[2]) {
		t.Errorf("NarrativePage by id = %+v, want %+v", got[0], narratives[2])
	}

	if ok, err := s.ReplaceReuse(ctx, 6, passages[:1], relations[:1], nil); err != nil || !ok {
		t.Fatalf("ReplaceReuse = %v, %v", ok, err)
	}
	if ok, err := s.ReplaceClusters(ctx, 6, store.ClusterList{Stories: stories[:1], Narratives: narratives[:1]}, nil); err != nil || !ok {
		t.Fatalf("ReplaceClusters = %v, %v", ok, err)
	}
	want.Relations = map[relate.Kind]int64{relate.Duplicate: 1}
	want.Chains, want.Stories, want.Narratives = 0, 1, 1
	want.Versions[1], want.Versions[3] = 6, 6
	check("after a newer analysis with fewer results")
}
