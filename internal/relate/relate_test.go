package relate

import (
	"reflect"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

func TestClassifyKinds(t *testing.T) {
	text := strings.Repeat("word ", 200) // 1000 bytes, 800 non-space
	a := &doc.Document{ID: "a", Text: text}
	b := &doc.Document{ID: "b", Text: text + strings.Repeat("more ", 200)}
	pass := func(aEnd, bEnd int) []Passage {
		return []Passage{{A: End{"a", 0, aEnd}, B: End{"b", 0, bEnd}, Tokens: aEnd / 5}}
	}
	tests := []struct {
		name     string
		b        *doc.Document
		passages []Passage
		want     Kind
		ok       bool
	}{
		{"duplicate", &doc.Document{ID: "b", Text: text}, pass(1000, 1000), Duplicate, true},
		{"derived", b, pass(1000, 1000), Derived, true},
		{"partial", b, pass(200, 200), Partial, true},
		{"too short", b, pass(50, 50), "", false},
		{"only boilerplate", b, []Passage{{A: End{"a", 0, 1000}, B: End{"b", 0, 1000}, Tokens: 200, Boilerplate: true}}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := Classify(a, tt.b, tt.passages, DefaultThresholds())
			if ok != tt.ok || r.Kind != tt.want {
				t.Fatalf("got %q %v, want %q %v (%+v)", r.Kind, ok, tt.want, tt.ok, r)
			}
		})
	}
}

func TestCoverageIgnoresCommentsAndSpace(t *testing.T) {
	d := &doc.Document{ID: "x", Text: "aaaa bbbb\n\ncccc dddd", Regions: []doc.Region{{Kind: doc.RegionComment, Begin: 11, End: 20}}}
	if got := Coverage(d, []doc.Span{{Begin: 0, End: 4}}); got != 0.5 {
		t.Fatalf("coverage = %v, want 0.5 (4 of 8 own non-space bytes)", got)
	}
}

func TestDirect(t *testing.T) {
	tests := []struct {
		name string
		a, b doc.Document
		want string
	}{
		{"dates", doc.Document{ID: "a", Date: "2024-03-07"}, doc.Document{ID: "b", Date: "2024-03-06"}, BToA},
		{"credit names outlet", doc.Document{ID: "a", Outlet: "Wire", Text: "x"},
			doc.Document{ID: "b", Regions: []doc.Region{{Kind: doc.RegionHint, Note: "Originally published on Wire"}}}, AToB},
		{"comment thread", doc.Document{ID: "a", Regions: []doc.Region{{Kind: doc.RegionComment}}}, doc.Document{ID: "b"}, BToA},
		{"nothing to go on", doc.Document{ID: "a"}, doc.Document{ID: "b"}, Undetermined},
		{"same date", doc.Document{ID: "a", Date: "2024-03-07"}, doc.Document{ID: "b", Date: "2024-03-07"}, Undetermined},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, conf, reason := Direct(&tt.a, &tt.b, Relation{})
			if dir != tt.want {
				t.Fatalf("direction %s (%.2f, %s), want %s", dir, conf, reason, tt.want)
			}
			if reason == "" {
				t.Error("empty reason")
			}
			if (dir == Undetermined) != (conf == 0) {
				t.Errorf("confidence %.2f does not fit direction %s", conf, dir)
			}
		})
	}
}

func TestChains(t *testing.T) {
	rels := []Relation{
		{A: "a", B: "b", Direction: AToB},
		{A: "b", B: "c", Direction: AToB},
		{A: "a", B: "c", Direction: AToB}, // implied by a → b → c
		{A: "d", B: "e", Direction: BToA},
		{A: "x", B: "y", Direction: Undetermined},
	}
	want := []Chain{{"a", "b", "c"}, {"e", "d"}}
	if got := Chains(rels); !reflect.DeepEqual(got, want) {
		t.Fatalf("chains = %v, want %v", got, want)
	}
}

func TestChainsSurviveCycles(t *testing.T) {
	rels := []Relation{{A: "a", B: "b", Direction: AToB}, {A: "b", B: "c", Direction: AToB}, {A: "a", B: "c", Direction: BToA}}
	_ = Chains(rels) // must terminate
}

func TestDirectHintNamingAThirdSourceIsNoEvidence(t *testing.T) {
	a := doc.Document{ID: "a", Outlet: "Ledger"}
	b := doc.Document{ID: "b", Regions: []doc.Region{{Kind: doc.RegionHint, Note: "Northern Wire"}}}
	if dir, _, reason := Direct(&a, &b, Relation{}); dir != Undetermined {
		t.Fatalf("direction %s (%s): a hint crediting a third outlet must not make b a copy of a", dir, reason)
	}
}

func TestDirectArchiveSnapshotIsGenericEvidence(t *testing.T) {
	a := doc.Document{ID: "a"}
	b := doc.Document{ID: "b", Regions: []doc.Region{{Kind: doc.RegionHint, Note: "https://archive.ph/AbCd1"}}}
	if dir, _, reason := Direct(&a, &b, Relation{}); dir != AToB {
		t.Fatalf("direction %s (%s): an archive snapshot link marks b as a copy", dir, reason)
	}
}

func TestCommonSourcesWithdrawSiblingDirection(t *testing.T) {
	rels := []Relation{
		{A: "col", B: "forum", Direction: BToA, Confidence: 0.4, Reason: "forum has comments"},
		{A: "col", B: "wire", Direction: BToA, Confidence: 0.9},
		{A: "forum", B: "wire", Direction: BToA, Confidence: 0.8},
	}
	ps := []Passage{
		{A: End{"col", 100, 200}, B: End{"forum", 1100, 1200}},
		{A: End{"col", 100, 200}, B: End{"wire", 500, 600}},
		{A: End{"forum", 1000, 2000}, B: End{"wire", 400, 1400}},
	}
	CommonSources(rels, ps)
	if rels[0].Direction != Undetermined || !strings.Contains(rels[0].Reason, "wire") {
		t.Fatalf("sibling relation %+v: want undetermined naming wire", rels[0])
	}
	if rels[1].Direction != BToA || rels[2].Direction != BToA {
		t.Fatal("relations with the source must keep their direction")
	}
	// When the siblings share text the source does not hold, one of them
	// did copy the other: keep the direction.
	rels[0] = Relation{A: "col", B: "forum", Direction: BToA}
	ps[0] = Passage{A: End{"col", 100, 400}, B: End{"forum", 1100, 1400}}
	CommonSources(rels, ps)
	if rels[0].Direction != BToA {
		t.Fatalf("direction withdrawn although the source explains only a third of the shared text: %+v", rels[0])
	}
}
