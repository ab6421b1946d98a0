package extract

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
)

func TestLinkVariants(t *testing.T) {
	docs := []string{
		"“We will rebuild every bridge in the region before the winter comes,” Mayor Ivan Sokol said.",
		"Mayor Ivan Sokol said: \"We will rebuild every bridge in the region before winter...\"",
		"“We shall rebuild every single bridge in the region before the winter comes,” said Ivan Sokol.",
		"“Nothing about this budget makes any sense to the farmers,” said Olga Sand.",
	}
	quotes := linkTexts(docs)
	var bridge, budget *Quote
	for i, q := range quotes {
		if strings.Contains(q.Text, "bridge") {
			bridge = &quotes[i]
		}
		if strings.Contains(q.Text, "budget") {
			budget = &quotes[i]
		}
	}
	if bridge == nil || len(bridge.Occurrences) != 3 || bridge.Speaker != "Ivan Sokol" {
		t.Fatalf("bridge quote = %+v, want 3 occurrences by Ivan Sokol", bridge)
	}
	if budget == nil || len(budget.Occurrences) != 1 {
		t.Fatalf("budget quote should stand alone: %+v", budget)
	}
	changed := 0
	for _, v := range Variants(*bridge) {
		if !v.Same {
			changed++
		}
	}
	if changed != 2 {
		t.Errorf("%d variants differ from the quote's text, want 2 (cut, words changed)", changed)
	}
}

func TestDiff(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"We will win", "We will win", "We will win"},
		{"We will win the war", "We shall win the war!", "We [-will-] {+shall+} win the war"},
		{"one two three", "one three", "one [-two-] three"},
		{"", "new words", "{+new words+}"},
	}
	for _, tt := range tests {
		if got := MarkDiff(Diff(tt.a, tt.b)); got != tt.want {
			t.Errorf("Diff(%q, %q) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestLinkKeepsStatementsApart: a short statement found inside a longer
// one by the same speaker is a different statement, not a variant.
func TestLinkKeepsStatementsApart(t *testing.T) {
	docs := []string{
		"Senator Lina Dorsey claimed that sources close to the governor say the state is preparing to send engineers to the flooded valley next month, and that the cost will be shared with the neighbouring counties.",
		"Senator Lina Dorsey claimed that the state is preparing to send engineers to the flooded valley.",
	}
	for _, q := range linkTexts(docs) {
		docs := map[string]bool{}
		for _, o := range q.Occurrences {
			docs[o.Doc] = true
		}
		if len(docs) > 1 {
			t.Fatalf("%q and its part were joined into one quote", q.Text)
		}
	}
}

// TestLinkIDsIndependentOfOrder: variants of equal length name their
// quote alike whichever document comes first, so processes that read a
// corpus in different orders store the same quote ids.
func TestLinkIDsIndependentOfOrder(t *testing.T) {
	texts := []string{
		"“We will keep the harbour plan open for every boat this winter,” Minister Ann Lee said.",
		"“We will keep the harbour plan open for every boat this season,” Minister Ann Lee said.",
		"“We will keep the harbour plan open for every ship this winter,” Minister Ann Lee said.",
	}
	ids := func(order []int) map[string]string {
		var results []Result
		for _, i := range order {
			results = append(results, Document(&doc.Document{ID: string(rune('a' + i)), Text: texts[i]}))
		}
		out := map[string]string{}
		for _, q := range Link(results) {
			for _, o := range q.Occurrences {
				out[o.Doc] = q.ID + " " + q.Text
			}
		}
		return out
	}
	first := ids([]int{0, 1, 2})
	if len(first) != 3 || first["a"] != first["b"] || first["a"] != first["c"] {
		t.Fatalf("the variants are not one quote: %v", first)
	}
	for _, order := range [][]int{{1, 0, 2}, {2, 1, 0}, {1, 2, 0}} {
		if got := ids(order); !reflect.DeepEqual(got, first) {
			t.Errorf("order %v: %v, want %v", order, got, first)
		}
	}
}

// containment is the share of the smaller sorted set's elements found in
// the other, as the criterion was first written.
func containment(a, b []uint32) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	n := 0
	for _, x := range a {
		if _, found := slices.BinarySearch(b, x); found {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// agreement is the share of the larger sorted set's elements found in
// the other, the criterion's third share as first written.
func agreement(a, b []uint32) float64 {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	return containment(a, b) * float64(len(b)) / float64(len(a))
}

// Linker.matches decides as the criterion written share by share, over
// sets of all sizes and overlaps around its thresholds.
func TestMatchesIsTheCriterion(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	set := func(n, universe int) []uint32 {
		s := make([]uint32, n)
		for i := range s {
			s[i] = uint32(rng.IntN(universe))
		}
		return sortedSet(s)
	}
	agree := 0
	for range 200000 {
		universe := 1 + rng.IntN(60)
		l := &Linker{words: set(rng.IntN(40), universe), pairs: set(rng.IntN(40), universe), repOff: []int64{0}}
		words, pairs := set(rng.IntN(40), universe), set(rng.IntN(40), universe)
		l.arena = append(append(l.arena, words...), pairs...)
		l.reps = []rep{{words: uint32(len(words))}}
		l.repOff = append(l.repOff, int64(len(l.arena)))
		want := containment(l.words, words) >= linkContainment && containment(l.pairs, pairs) >= linkBigrams &&
			agreement(l.words, words) >= linkAgreement
		if got := l.matches(0); got != want {
			t.Fatalf("words %v and %v, pairs %v and %v: matches %v, the criterion %v", l.words, words, l.pairs, pairs, got, want)
		}
		if want {
			agree++
		}
	}
	if agree < 1000 {
		t.Fatalf("only %d of the random pairs match: the test does not reach the thresholds", agree)
	}
}

// The signature test refuses only pairs that matches refuses, and it
// refuses most pairs of unrelated sets (were it to refuse none, the
// linker would read every candidate's words again).
func TestSigCanAgreeRefusesOnlyMismatches(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	set := func(n int) []uint32 {
		s := make([]uint32, n)
		for i := range s {
			s[i] = rng.Uint32()
		}
		return sortedSet(s)
	}
	// from returns a set of n elements, about share of them taken from
	// base, the others new.
	from := func(base []uint32, n int, share float64) []uint32 {
		s := make([]uint32, 0, n)
		for range n {
			if len(base) > 0 && rng.Float64() < share {
				s = append(s, base[rng.IntN(len(base))])
			} else {
				s = append(s, rng.Uint32())
			}
		}
		return sortedSet(s)
	}
	refused, unrelated, agree := 0, 0, 0
	for k := range 200000 {
		words := set(linkMinWords + rng.IntN(60))
		share := rng.Float64()
		if k%4 == 0 {
			share = 0
		}
		other := from(words, linkMinWords+rng.IntN(60), share)
		l := &Linker{words: words, pairs: words, repOff: []int64{0}}
		l.arena = append(append(l.arena, other...), other...)
		l.reps = []rep{{words: uint32(len(other))}}
		l.repOff = append(l.repOff, int64(len(l.arena)))
		l.sigWords()
		var sig uint64
		for _, w := range other {
			sig |= wordSig(w)
		}
		can := l.sigCanAgree(len(other), sig)
		if l.matches(0) {
			agree++
			if !can {
				t.Fatalf("words %v and %v match, but their signatures are said not to", words, other)
			}
		}
		if share == 0 {
			unrelated++
			if !can {
				refused++
			}
		}
	}
	if agree < 1000 {
		t.Fatalf("only %d of the random pairs match: the test does not reach the thresholds", agree)
	}
	if refused < unrelated/2 {
		t.Fatalf("the signatures refused %d of %d unrelated pairs", refused, unrelated)
	}
	t.Logf("%d pairs match; the signatures refused %d of %d unrelated pairs", agree, refused, unrelated)
}

// firstTable answers as a map of first occurrences, zero hashes and
// colliding homes among them, across its growths.
func TestFirstTableIsAMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	tab, want := newFirstTable(), map[uint64]int32{}
	for i := range int32(20000) {
		h := rng.Uint64N(6000)
		switch i % 3 {
		case 1:
			h <<= 32 // the same home as h>>32 ^ h spreads less
		case 2:
			h = h * 0x9e3779b97f4a7c15
		}
		first, added := tab.firstOr(h, i)
		w, seen := want[h]
		if !seen {
			want[h], w = i, i
		}
		if first != w || added == seen {
			t.Fatalf("hash %#x at %d: first %d (added %v), want %d (added %v)", h, i, first, added, w, !seen)
		}
	}
}

// The index's slot hints, as linkNear finds them, land where a search
// does.
func TestShingleIndexHints(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	hinted, searched := newShingleIndex(), newShingleIndex()
	for r := range int32(3000) {
		var shs []uint64
		for range 1 + rng.IntN(30) {
			shs = append(shs, rng.Uint64N(5000)<<(rng.UintN(2)*32))
		}
		slices.Sort(shs)
		shs = slices.Compact(shs)
		growths := hinted.growths
		var at []int
		for _, sh := range shs {
			at = append(at, hinted.slot(sh))
		}
		for k, sh := range shs {
			hint := -1
			if hinted.growths == growths {
				hint = at[k]
			}
			hinted.add(sh, r, hint)
			searched.add(sh, r, -1)
		}
	}
	if !slices.Equal(hinted.slots, searched.slots) || !slices.Equal(hinted.blocks, searched.blocks) {
		t.Fatal("the index built with hints differs from the one built by searching")
	}
}
