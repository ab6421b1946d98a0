package cluster

import (
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// storySimilarity is the content similarity of two stories, without time:
// a narrative is carried over months, so only what the stories say and
// whom they name counts.
func (c *Clusterer) storySimilarity(a, b *story) float64 {
	sim := cosine(a.Terms, b.Terms, &c.terms)
	if len(a.Ents) > 0 && len(b.Ents) > 0 {
		we := c.p.EntityWeight
		sim = (1-we)*sim + we*cosine(a.Ents, b.Ents, &c.ents)
	}
	return sim
}

// louvainSeed fixes Louvain's random order so that the same stories always
// give the same narratives.
const louvainSeed = 0x6e61727261746976

// Narratives groups the stories into narratives: stories are linked when
// their similarity reaches NarrativeThreshold (candidates found through the
// same index as for documents, never all pairs) and the weighted graph is
// split into Louvain communities. A story without links is a narrative of
// its own. Narratives are ordered by their earliest story.
func (c *Clusterer) Narratives() []Narrative {
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range c.stories {
		g.AddNode(simple.Node(i))
	}
	for i, s := range c.stories {
		f := features{terms: s.Terms, ents: s.Ents}
		// Candidates are not symmetric (each story reads its own index
		// entries), so every pair either side finds is linked;
		// similarity is symmetric, so a pair found twice gets one edge.
		for _, j := range c.candidates(&f) {
			if int(j) == i {
				continue
			}
			if w := c.storySimilarity(s, c.stories[j]); w >= c.p.NarrativeThreshold {
				g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(i), simple.Node(j), w))
			}
		}
	}
	var groups [][]int32
	if len(c.stories) > 0 {
		reduced := community.Modularize(g, c.p.Resolution, rand.NewPCG(louvainSeed, 1))
		for _, comm := range reduced.Communities() {
			var members []int32
			for _, n := range comm {
				members = append(members, int32(n.ID()))
			}
			slices.Sort(members)
			groups = append(groups, members)
		}
	}
	slices.SortFunc(groups, func(a, b []int32) int { return int(a[0] - b[0]) })

	out := make([]Narrative, len(groups))
	for k, members := range groups {
		var docs []int32
		var terms, ents []weighted
		var ids []string
		for _, si := range members {
			s := c.stories[si]
			docs = append(docs, s.Docs...)
			terms = add(terms, s.Terms)
			ents = add(ents, s.Ents)
			ids = append(ids, storyID(si))
		}
		slices.Sort(docs)
		out[k] = Narrative{Summary: c.summarize(narrativeID(k), docs, terms, ents), Stories: ids}
	}
	return out
}

func narrativeID(k int) string { return "n" + itoa(k+1) }
