package storetest

import (
	"context"
	"reflect"
	"testing"
)

// testReuseSettings: the settings recorded with reuse results are read
// back only while those results are the stored ones, and marking the
// results stale lets an analysis of the same version replace them.
func testReuseSettings(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	s := open(t, newDSN(t))
	if got, err := s.ReuseSettings(ctx); err != nil || got != nil {
		t.Fatalf("settings of an empty store = %v, %v; want none", got, err)
	}
	if ok, err := s.SetReuseSettings(ctx, 4, map[string]string{"min_tokens": "12"}); err != nil || ok {
		t.Fatalf("settings for results that are not stored accepted: %v, %v", ok, err)
	}
	passages, relations, chains := reuseFixture()
	if ok, err := s.ReplaceReuse(ctx, 4, passages, relations, chains); err != nil || !ok {
		t.Fatalf("replace: %v, %v", ok, err)
	}
	if got, err := s.ReuseSettings(ctx); err != nil || got != nil {
		t.Fatalf("settings of results stored without them = %v, %v; want none", got, err)
	}
	want := map[string]string{"min_tokens": "20", "min_identity": "0.8", "max_gap": "10"}
	if ok, err := s.SetReuseSettings(ctx, 4, want); err != nil || !ok {
		t.Fatalf("set settings: %v, %v", ok, err)
	}
	if got, err := s.ReuseSettings(ctx); err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("settings = %v, %v; want %v", got, err, want)
	}
	// Newer results without settings: the old settings are not theirs.
	if ok, err := s.ReplaceReuse(ctx, 6, passages[:1], nil, nil); err != nil || !ok {
		t.Fatalf("replace at 6: %v, %v", ok, err)
	}
	if got, err := s.ReuseSettings(ctx); err != nil || got != nil {
		t.Fatalf("settings after newer results = %v, %v; want none", got, err)
	}
	// Stale results are replaced by an analysis of the same version.
	if ok, _ := s.ReplaceReuse(ctx, 6, passages, nil, nil); ok {
		t.Fatal("an analysis of the same version replaced current results")
	}
	if err := s.StaleReuse(ctx); err != nil {
		t.Fatal(err)
	}
	if v, err := s.ReuseVersion(ctx); err != nil || v != 0 {
		t.Fatalf("reuse version after StaleReuse = %d, %v; want 0", v, err)
	}
	if ok, err := s.ReplaceReuse(ctx, 6, passages, nil, nil); err != nil || !ok {
		t.Fatalf("replace of stale results: %v, %v", ok, err)
	}
	if ok, err := s.SetReuseSettings(ctx, 6, map[string]string{"max_gap": "32"}); err != nil || !ok {
		t.Fatalf("set settings at 6: %v, %v", ok, err)
	}
	if got, err := s.ReuseSettings(ctx); err != nil || !reflect.DeepEqual(got, map[string]string{"max_gap": "32"}) {
		t.Fatalf("settings = %v, %v; want only max_gap", got, err)
	}
}
