package cluster

import (
	"bytes"
	"maps"
	"math"
	"math/rand/v2"
	"testing"
)

// TestSettleAhead: settling with the fits found ahead on all cores moves
// the same documents into the same stories as finding each fit when it
// is asked for.
func TestSettleAhead(t *testing.T) {
	settled := func(least int) (*Clusterer, int) {
		defer func(was int) { aheadLeast = was }(aheadLeast)
		aheadLeast = least
		c := New(DefaultParams())
		fillNear(c, 3000, rand.New(rand.NewPCG(3, 4)))
		return c, c.Settle()
	}
	ahead, movedAhead := settled(1)
	each, moved := settled(math.MaxInt)
	if moved < 100 {
		t.Fatalf("settling moved %d documents; the test does not exercise it", moved)
	}
	if movedAhead != moved || !maps.Equal(ahead.Assignments(), each.Assignments()) {
		t.Fatalf("with fits found ahead settling moved %d documents, without %d, into other stories", movedAhead, moved)
	}
	checkHops(t, ahead)
	// A clusterer read back from its saved state resolves merged stories
	// as the one saved.
	var saved bytes.Buffer
	if err := ahead.WriteState(&saved); err != nil {
		t.Fatal(err)
	}
	back, err := Read(&saved)
	if err != nil {
		t.Fatal(err)
	}
	checkHops(t, back)
}

// checkHops checks that hop says of every story what the story says:
// where it was merged into, or whether it is empty; and holding, whether
// it holds its documents.
func checkHops(t *testing.T, c *Clusterer) {
	t.Helper()
	merged := 0
	for si, s := range c.stories {
		want := int32(0)
		switch {
		case s.Into > 0:
			want = s.Into
			merged++
		case len(s.Docs) == 0:
			want = -1
		}
		if c.hop[si] != want {
			t.Fatalf("hop of story %d is %d, want %d", si, c.hop[si], want)
		}
		if held := c.holding[si>>6]&(1<<(si&63)) != 0; held != (want == 0) {
			t.Fatalf("holding says %v of story %d, whose hop is %d", held, si, want)
		}
	}
	if merged == 0 {
		t.Fatal("no story was merged; the test does not exercise it")
	}
}

// fillNear is fill with documents of few terms drawn from a small
// vocabulary, so that many fit stories other than their own, and every
// story changed.
func fillNear(c *Clusterer, n int, rng *rand.Rand) {
	for i := range n {
		var tc, ec []idCount
		topic := rng.IntN(n / 4)
		for range 6 {
			k := "t" + itoa(topic*3+rng.IntN(5))
			tc = append(tc, idCount{c.terms.intern(k, k), 1})
		}
		k := "e" + itoa(topic+rng.IntN(3))
		ec = append(ec, idCount{c.ents.intern(k, k), 1})
		f := features{terms: unitVector(tc), ents: unitVector(ec)}
		c.terms.count(f.terms)
		c.ents.count(f.ents)
		si := c.newStory()
		di := int32(len(c.docs))
		id := "d" + itoa(i)
		c.docs = append(c.docs, docRecord{ID: id, Story: si, Terms: f.terms, Ents: f.ents})
		c.docIndex[id] = di
		c.join(si, di, f.terms, f.ents)
	}
}
