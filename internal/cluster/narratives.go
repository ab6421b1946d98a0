package cluster

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// storySimilarity is the content similarity of two stories, without time:
// a narrative is carried over months, so only what the stories say and
// whom they name counts.
func (c *Clusterer) storySimilarity(a, b *story) float64 {
	c.near.set(c, a.Terms, a.Ents)
	return c.content(&c.near, b.Terms, b.Ents)
}

// link is an edge of the narrative graph from a story.
type link struct {
	to int32
	w  float64
}

// narrativeLinks finds, for every story, the candidate stories similar
// enough to link to it, in the candidates' order. The stories are shared
// out among all cores: each goroutine has its own scratch space and only
// reads the clusterer, and the links are the same as one goroutine's.
func (c *Clusterer) narrativeLinks() [][]link {
	out := make([][]link, len(c.stories))
	// Each story is compared with the candidates of many others under
	// the same counts: its norms are summed once (see cosineNormed).
	norms := make([][2]float64, len(c.stories))
	eachIndex(len(c.stories), func(i int) {
		if s := c.stories[i]; len(s.Docs) > 0 {
			norms[i] = [2]float64{normOf(s.Terms, &c.terms), normOf(s.Ents, &c.ents)}
		}
	})
	workers := min(runtime.GOMAXPROCS(0), max(1, len(c.stories)/256))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sc candidateScratch
			var near side
			for i := w; i < len(c.stories); i += workers {
				s := c.stories[i]
				if len(s.Docs) == 0 {
					continue
				}
				f := features{terms: s.Terms, ents: s.Ents}
				cands := c.candidatesWith(&sc, &f)
				sc.touched += c.touchVectors(cands)
				near.setNormed(c, s.Terms, s.Ents, norms[i])
				for _, j := range cands {
					if int(j) == i {
						continue
					}
					t := c.stories[j]
					if sim := c.contentNormed(&near, t.Terms, t.Ents, norms[j]); sim >= c.p.NarrativeThreshold {
						out[i] = append(out[i], link{j, sim})
					}
				}
			}
		}()
	}
	wg.Wait()
	return out
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
	groups := c.narrativeGroups()
	out := make([]Narrative, len(groups))
	eachIndex(len(groups), func(k int) { out[k] = c.narrative(k, groups[k]) })
	return out
}

// narrativeGroups are the narratives' stories (see Narratives), each
// sorted, in narrative order.
func (c *Clusterer) narrativeGroups() [][]int32 {
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for i, s := range c.stories {
		if len(s.Docs) > 0 {
			g.AddNode(simple.Node(i))
		}
	}
	// Candidates are not symmetric (each story reads its own index
	// entries), so every pair either side finds is linked; similarity is
	// symmetric, so a pair found twice gets one edge.
	for i, links := range c.narrativeLinks() {
		for _, l := range links {
			g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(i), simple.Node(l.to), l.w))
		}
	}
	var groups [][]int32
	if g.Nodes().Len() > 0 {
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
	groups = c.rejoin(g, groups)
	slices.SortFunc(groups, func(a, b []int32) int { return int(a[0] - b[0]) })
	return groups
}

// narrative is the summary of narrative k, whose stories are members.
func (c *Clusterer) narrative(k int, members []int32) Narrative {
	var docs []int32
	var terms, ents []weighted
	ids := make([]string, 0, len(members))
	for _, si := range members {
		s := c.stories[si]
		docs = append(docs, s.Docs...)
		ids = append(ids, storyID(si))
	}
	if len(members) == 1 {
		// Most narratives are one story: its vectors are the sums, read
		// as they are (summarize does not change them).
		terms, ents = c.stories[members[0]].Terms, c.stories[members[0]].Ents
	} else {
		for _, si := range members {
			s := c.stories[si]
			terms = add(terms, s.Terms)
			ents = add(ents, s.Ents)
		}
	}
	slices.Sort(docs)
	return Narrative{Summary: c.summarize(narrativeID(k), docs, terms, ents), Stories: ids}
}

func narrativeID(k int) string { return "n" + itoa(k+1) }

// rejoinSample bounds the stories of each community compared by rejoin.
const rejoinSample = 48

// rejoin merges communities that are, as wholes, as similar as a single
// link must be: the mean similarity of their stories reaches
// NarrativeThreshold. Modularity prefers to split any small connected
// graph in two, so a handful of stories carrying one line of argument
// would otherwise be cut apart by the order Louvain happened to visit
// them in. Only communities that some link joins are compared; the
// closest pair is merged first, until no pair qualifies.
func (c *Clusterer) rejoin(g *simple.WeightedUndirectedGraph, groups [][]int32) [][]int32 {
	groupOf := make(map[int64]int, len(c.stories))
	for k, members := range groups {
		for _, si := range members {
			groupOf[int64(si)] = k
		}
	}
	pairs := make(map[[2]int]float64)
	edges := g.WeightedEdges()
	for edges.Next() {
		e := edges.WeightedEdge()
		a, b := groupOf[e.From().ID()], groupOf[e.To().ID()]
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		if _, done := pairs[[2]int{a, b}]; !done {
			pairs[[2]int{a, b}] = c.meanSimilarity(groups[a], groups[b])
		}
	}
	alive := make([]bool, len(groups))
	for k := range alive {
		alive[k] = true
	}
	for {
		var best [2]int
		bestSim := -1.0
		for p, sim := range pairs {
			if sim >= c.p.NarrativeThreshold && (sim > bestSim || sim == bestSim && (p[0] < best[0] || p[0] == best[0] && p[1] < best[1])) {
				best, bestSim = p, sim
			}
		}
		if bestSim < 0 {
			break
		}
		a, b := best[0], best[1]
		groups[a] = slices.Sorted(slices.Values(append(groups[a], groups[b]...)))
		groups[b], alive[b] = nil, false
		// Pairs with b now concern a; their similarity is measured anew.
		for p := range pairs {
			if p[0] == a || p[1] == a || p[0] == b || p[1] == b {
				delete(pairs, p)
				o := p[0] + p[1] - a
				if p[0] == b || p[1] == b {
					o = p[0] + p[1] - b
				}
				if o == a || o == b || !alive[o] {
					continue
				}
				x, y := min(a, o), max(a, o)
				pairs[[2]int{x, y}] = c.meanSimilarity(groups[x], groups[y])
			}
		}
	}
	var out [][]int32
	for k, members := range groups {
		if alive[k] {
			out = append(out, members)
		}
	}
	return out
}

// meanSimilarity is the mean story similarity between two groups of
// stories, over at most rejoinSample stories of each.
func (c *Clusterer) meanSimilarity(a, b []int32) float64 {
	a, b = a[:min(len(a), rejoinSample)], b[:min(len(b), rejoinSample)]
	var sum float64
	for _, x := range a {
		for _, y := range b {
			sum += c.storySimilarity(c.stories[x], c.stories[y])
		}
	}
	return sum / float64(len(a)*len(b))
}
