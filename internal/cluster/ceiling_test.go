package cluster

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestScoreCeiling: passing over the candidates whose time factor leaves
// them no chance (scoreCeiling) places, settles and links every document
// and story as comparing them all does, Placement scores included; and
// so does AddAll, which also passes over those that cannot reach the
// threshold (its placements' scores are not reported). The
// documents tell few kinds of event in words of a small vocabulary, spread
// over two years, one in ten undated, some sharing quotes, so that most
// candidates a document finds are months from it.
func TestScoreCeiling(t *testing.T) {
	run := func(ceilings, addAll bool) ([]Placement, map[string]string, []Narrative) {
		defer func(was bool) { useCeilings = was }(useCeilings)
		useCeilings = ceilings
		rng := rand.New(rand.NewPCG(5, 6))
		var its []Item
		start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range 1500 {
			kind := rng.IntN(12)
			var words []string
			for range 12 + rng.IntN(20) {
				words = append(words, "w"+itoa(kind*7+rng.IntN(14)))
			}
			it := Item{ID: "d" + itoa(i), Title: strings.Join(words[:4], " "), Text: strings.Join(words, " ") + "."}
			if rng.IntN(10) != 0 {
				it.Date = start.Add(time.Duration(rng.IntN(730*24)) * time.Hour)
			}
			it.Entities = []string{"e" + itoa(kind*3+rng.IntN(4))}
			if rng.IntN(8) == 0 {
				it.Quotes = []string{"q" + itoa(kind*2+rng.IntN(3))}
			}
			its = append(its, it)
		}
		Order(its)
		c := New(DefaultParams())
		var pls []Placement
		if addAll {
			err := c.AddAll(func(yield func(Prepared, error) bool) {
				for _, it := range its {
					if !yield(Prepare(it), nil) {
						return
					}
				}
			}, nil)
			if err != nil {
				t.Fatal(err)
			}
			its = nil
		}
		for _, it := range its {
			pl, err := c.Add(it)
			if err != nil {
				t.Fatal(err)
			}
			pls = append(pls, pl)
		}
		c.Settle()
		return pls, c.Assignments(), c.Narratives()
	}
	pls, stories, narratives := run(true, false)
	allPls, allStories, allNarratives := run(false, false)
	if !slices.Equal(pls, allPls) {
		t.Fatal("placements differ when candidates are passed over")
	}
	_, addAllStories, addAllNarratives := run(true, true)
	same(t, addAllStories, addAllNarratives, allStories, allNarratives)
	same(t, stories, narratives, allStories, allNarratives)
	joined := 0
	for _, pl := range pls {
		if !pl.New {
			joined++
		}
	}
	if joined < 100 {
		t.Fatalf("%d documents joined a story; the test does not exercise placing", joined)
	}
}

// same fails the test unless the stories and narratives are those of
// comparing every candidate.
func same(t *testing.T, stories map[string]string, narratives []Narrative, allStories map[string]string, allNarratives []Narrative) {
	t.Helper()
	if len(stories) != len(allStories) {
		t.Fatal("documents differ")
	}
	for id, s := range allStories {
		if stories[id] != s {
			t.Fatalf("document %s is in story %s, comparing every candidate in %s", id, stories[id], s)
		}
	}
	if len(narratives) != len(allNarratives) {
		t.Fatalf("%d narratives, comparing every candidate %d", len(narratives), len(allNarratives))
	}
	for k := range narratives {
		if !slices.Equal(narratives[k].Stories, allNarratives[k].Stories) {
			t.Fatalf("narrative %d differs", k)
		}
	}
}

// TestFarBeyond: a dated story further than farBeyond(least) from a
// dated document has a ceiling below least, for gaps around the bound
// and far past it, with and without decay, a bonus or a least above
// the bonus' reach; an undated side is never far.
func TestFarBeyond(t *testing.T) {
	day := 24 * time.Hour
	start := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range []Params{
		DefaultParams(),
		{Window: day, Decay: 0, QuoteBonus: 0.15},
		{Window: 2 * day, Decay: 30 * day, QuoteBonus: 0},
		{Window: 0, Decay: day, QuoteBonus: 0.5},
	} {
		c := New(p)
		for _, least := range []float64{0.01, 0.325, 0.9, 1.2, 2} {
			far := c.farBeyond(least)
			for _, gap := range []time.Duration{0, far - time.Second, far, far + time.Nanosecond, far + time.Minute, 2 * far, 400 * day} {
				if gap < 0 {
					continue
				}
				s := &story{First: start, Last: start.Add(3 * day)}
				for _, date := range []time.Time{s.First.Add(-gap), s.Last.Add(gap)} {
					if c.farFrom(date, s, far) && c.scoreCeiling(s, date) >= least {
						t.Fatalf("params %+v, least %v: gap %v is past %v, but the ceiling is %v", p, least, gap, far, c.scoreCeiling(s, date))
					}
				}
				if c.farFrom(time.Time{}, s, far) || c.farFrom(start, &story{}, far) {
					t.Fatal("an undated side is far")
				}
			}
		}
	}
}
