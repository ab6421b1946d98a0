package storetest

import (
	"context"
	"reflect"
	"testing"

	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// reuseFixture is a small set of results: passages between three
// documents (one marked boilerplate), their relations and a chain.
func reuseFixture() ([]relate.Passage, []relate.Relation, []relate.Chain) {
	passages := []relate.Passage{
		{A: relate.End{Doc: "wire", Begin: 0, End: 420}, B: relate.End{Doc: "paper", Begin: 35, End: 470}, Tokens: 71, Identity: 0.97},
		{A: relate.End{Doc: "wire", Begin: 600, End: 800}, B: relate.End{Doc: "paper", Begin: 700, End: 905}, Tokens: 33, Identity: 0.9},
		{A: relate.End{Doc: "paper", Begin: 10, End: 300}, B: relate.End{Doc: "blog", Begin: 0, End: 290}, Tokens: 48, Identity: 1},
		{A: relate.End{Doc: "blog", Begin: 900, End: 960}, B: relate.End{Doc: "wire", Begin: 1000, End: 1060}, Tokens: 12, Identity: 1, Boilerplate: true},
	}
	relations := []relate.Relation{
		{A: "paper", B: "wire", Kind: relate.Duplicate, CoverageA: 0.93, CoverageB: 0.95, Passages: 2,
			Direction: relate.BToA, Confidence: 0.9, Reason: "wire is dated a day earlier"},
		{A: "blog", B: "paper", Kind: relate.Partial, CoverageA: 0.2, CoverageB: 0.3, Passages: 1,
			Direction: relate.Undetermined, Reason: "no dates and no textual evidence"},
	}
	chains := []relate.Chain{{"wire", "paper", "blog"}, {"agency", "wire"}}
	return passages, relations, chains
}

func testReuse(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	s := open(t, newDSN(t))
	if v, err := s.ReuseVersion(ctx); err != nil || v != 0 {
		t.Fatalf("reuse version of an empty store = %d, %v; want 0", v, err)
	}
	passages, relations, chains := reuseFixture()
	ok, err := s.ReplaceReuse(ctx, 5, passages, relations, chains)
	if err != nil || !ok {
		t.Fatalf("replace at version 5: %v, %v", ok, err)
	}
	check := func(when string, wantV int64, wantP []relate.Passage, wantR []relate.Relation, wantC []relate.Chain) {
		t.Helper()
		if v, err := s.ReuseVersion(ctx); err != nil || v != wantV {
			t.Errorf("%s: reuse version = %d, %v; want %d", when, v, err, wantV)
		}
		p, err := s.Passages(ctx, store.PassageQuery{IncludeBoilerplate: true})
		if err != nil || !sameOrEmpty(p, wantP) {
			t.Errorf("%s: passages = %+v, %v\nwant %+v", when, p, err, wantP)
		}
		r, err := s.Relations(ctx, store.RelationQuery{})
		if err != nil || !sameOrEmpty(r, wantR) {
			t.Errorf("%s: relations = %+v, %v\nwant %+v", when, r, err, wantR)
		}
		c, err := s.Chains(ctx)
		if err != nil || !sameOrEmpty(c, wantC) {
			t.Errorf("%s: chains = %v, %v; want %v", when, c, err, wantC)
		}
	}
	check("after version 5", 5, passages, relations, chains)

	// An older or equal analysis never overwrites a newer one.
	for _, v := range []int64{3, 5, 0, -1} {
		ok, err := s.ReplaceReuse(ctx, v, passages[:1], nil, nil)
		if err != nil || ok {
			t.Errorf("replace at version %d over 5 = %v, %v; want false", v, ok, err)
		}
	}
	check("after older versions", 5, passages, relations, chains)

	// A newer one replaces everything, also with less.
	ok, err = s.ReplaceReuse(ctx, 9, passages[2:3], relations[1:], nil)
	if err != nil || !ok {
		t.Fatalf("replace at version 9: %v, %v", ok, err)
	}
	check("after version 9", 9, passages[2:3], relations[1:], nil)
	ok, err = s.ReplaceReuse(ctx, 10, nil, nil, nil)
	if err != nil || !ok {
		t.Fatalf("replace at version 10 with nothing: %v, %v", ok, err)
	}
	check("after empty version 10", 10, nil, nil, nil)
}

// sameOrEmpty is reflect.DeepEqual that takes nil and empty slices alike.
func sameOrEmpty[T any](got, want []T) bool {
	if len(got) == 0 && len(want) == 0 {
		return true
	}
	return reflect.DeepEqual(got, want)
}

func testReuseQueries(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	s := open(t, newDSN(t))
	passages, relations, chains := reuseFixture()
	if ok, err := s.ReplaceReuse(ctx, 1, passages, relations, chains); err != nil || !ok {
		t.Fatalf("replace: %v, %v", ok, err)
	}
	ptests := []struct {
		name string
		q    store.PassageQuery
		want []relate.Passage
	}{
		{"all but boilerplate", store.PassageQuery{}, passages[:3]},
		{"all", store.PassageQuery{IncludeBoilerplate: true}, passages},
		{"doc on either side", store.PassageQuery{Doc: "blog"}, passages[2:3]},
		{"doc with boilerplate", store.PassageQuery{Doc: "blog", IncludeBoilerplate: true}, passages[2:4]},
		{"pair", store.PassageQuery{Pair: [2]string{"wire", "paper"}}, passages[:2]},
		{"pair reversed", store.PassageQuery{Pair: [2]string{"paper", "wire"}}, passages[:2]},
		{"pair with no passages", store.PassageQuery{Pair: [2]string{"wire", "agency"}}, nil},
		{"limit and offset", store.PassageQuery{IncludeBoilerplate: true, Limit: 2, Offset: 1}, passages[1:3]},
	}
	for _, tc := range ptests {
		got, err := s.Passages(ctx, tc.q)
		if err != nil || !sameOrEmpty(got, tc.want) {
			t.Errorf("passages %s = %+v, %v\nwant %+v", tc.name, got, err, tc.want)
		}
	}
	rtests := []struct {
		name string
		q    store.RelationQuery
		want []relate.Relation
	}{
		{"all", store.RelationQuery{}, relations},
		{"doc as b", store.RelationQuery{Doc: "wire"}, relations[:1]},
		{"doc on both", store.RelationQuery{Doc: "paper"}, relations},
		{"kind", store.RelationQuery{Kind: relate.Partial}, relations[1:]},
		{"doc and kind", store.RelationQuery{Doc: "wire", Kind: relate.Partial}, nil},
		{"offset", store.RelationQuery{Offset: 1}, relations[1:]},
	}
	for _, tc := range rtests {
		got, err := s.Relations(ctx, tc.q)
		if err != nil || !sameOrEmpty(got, tc.want) {
			t.Errorf("relations %s = %+v, %v\nwant %+v", tc.name, got, err, tc.want)
		}
	}
}
