package cluster

import (
	"math"
	"sync/atomic"
)

// phaseNorms are the norms (normOf) of story and document vectors under
// the counts of one phase of settling that only reads the clusterer (a
// round's fits found ahead, a round's merge proposals), each summed the
// first time a comparison needs it. Such a phase compares a story with
// the candidates of many others — a story of the 10 000-document bench
// was the far side of some 30 proposals in one round — and summing its
// norm again at each comparison read the vocabulary's count of every one
// of its up to 200 coordinates each time; with the norm at hand only the
// coordinates it shares with the other side are read (cosineNormed, the
// same value to the bit).
//
// The goroutines of the phase fill it at once: an entry is valid when it
// carries the phase's stamp, stored after its norms, and two goroutines
// that both sum a missing entry store the same bits.
type phaseNorms struct {
	stamp   uint32
	stories []normEntry
	docs    []normEntry
}

type normEntry struct {
	stamp       atomic.Uint32
	terms, ents atomic.Uint64 // math.Float64bits of normOf
}

// begin starts a phase: the counts or vectors may have changed since
// the last, so no norm summed before holds. Call it when no goroutine
// reads the norms.
func (n *phaseNorms) begin(c *Clusterer) {
	n.stamp++
	if n.stamp == 0 { // wrapped: stamps of long ago would look valid
		n.stories, n.docs = nil, nil
		n.stamp = 1
	}
	if k := len(c.stories); len(n.stories) < k {
		n.stories = append(n.stories, make([]normEntry, k-len(n.stories)+k/4)...)
	}
	if k := len(c.docs); len(n.docs) < k {
		n.docs = append(n.docs, make([]normEntry, k-len(n.docs)+k/4)...)
	}
}

// story is the norms of story si's term and entity vectors.
func (n *phaseNorms) story(c *Clusterer, si int32) [2]float64 {
	s := c.stories[si]
	return n.of(c, &n.stories[si], s.Terms, s.Ents)
}

// doc is the norms of document di's kept term and entity vectors.
func (n *phaseNorms) doc(c *Clusterer, di int32) [2]float64 {
	d := &c.docs[di]
	return n.of(c, &n.docs[di], d.Terms, d.Ents)
}

func (n *phaseNorms) of(c *Clusterer, e *normEntry, terms, ents []weighted) [2]float64 {
	if e.stamp.Load() == n.stamp {
		return [2]float64{math.Float64frombits(e.terms.Load()), math.Float64frombits(e.ents.Load())}
	}
	v := [2]float64{normOf(terms, &c.terms), normOf(ents, &c.ents)}
	e.terms.Store(math.Float64bits(v[0]))
	e.ents.Store(math.Float64bits(v[1]))
	e.stamp.Store(n.stamp)
	return v
}
