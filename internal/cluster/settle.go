package cluster

import (
	"cmp"
	"maps"
	"slices"
	"time"
)

// settleRounds bounds the passes of Settle: each pass moves documents and
// merges stories, and a pass that changes nothing ends it early.
const settleRounds = 4

// moveMargin is how much better another story must fit a document than
// its own before the document moves, so that near ties do not make it
// swing between two stories.
const moveMargin = 0.02

// Settle revisits the stories that changed since the last call, so that
// the partition does not depend on the order documents arrived in. A
// document placed early is compared with stories opened after it: it
// moves to the story it now fits best, when that story fits it clearly
// better than its own; and two stories merge when the documents of the
// smaller one would, on average, have joined the larger one (a later
// document that bridges two stories brings this about). Documents tied
// by reuse move only with their story. Work is bounded by the changed
// stories and the stories their documents find through the index, never
// by the whole corpus. It returns how many documents moved.
func (c *Clusterer) Settle() int {
	if c.base == 0 {
		c.base = len(c.docs)
	}
	moved := c.replace()
	for range settleRounds {
		if len(c.dirty) == 0 {
			break
		}
		work := slices.Sorted(maps.Keys(c.dirty))
		clear(c.dirty)
		n := 0
		for _, si := range work {
			n += c.reassign(si)
		}
		n += c.mergeBestFirst(work)
		moved += n
		if n == 0 {
			clear(c.dirty)
			break
		}
	}
	clear(c.dirty)
	return moved
}

// rebuildGrowth is how many times the corpus a clusterer was built from
// may grow before Stale calls for a rebuild.
const rebuildGrowth = 2

// Stale reports whether a corpus of total documents has outgrown the
// clusterer: it holds at least rebuildGrowth times the documents it was
// built from. Settling revisits only the stories new documents touch,
// with the document frequencies of the corpus as it is then; stories
// formed when the corpus was a fraction of its size, when every word
// looked rare, were shaped by weights that no longer hold (two events of
// one kind merged on words that turn out to be common), and no later
// document revisits them. Rebuilding whenever the corpus doubles brings
// them up to date at a cost of at most one more placement per document
// over the corpus's life, so an incremental analysis stays close to what
// Recluster gives.
func (c *Clusterer) Stale(total int) bool {
	return c.base > 0 && total >= rebuildGrowth*c.base
}

// reassign moves each document of story si that fits another story
// clearly better than the rest of its own; it returns the moves.
func (c *Clusterer) reassign(si int32) int {
	s := c.stories[si]
	if len(s.Docs) < 2 {
		return c.reassignSingle(si)
	}
	moved := 0
	var m *members
	for _, di := range slices.Clone(s.Docs) {
		d := &c.docs[di]
		if d.Pinned || d.Story != si || len(s.Docs) < 2 {
			continue
		}
		to, score := c.bestOther(di, si)
		if to < 0 || score < c.p.Threshold {
			continue // no other story could take it, however it fits its own
		}
		if m == nil {
			m = c.membersOf(s)
		}
		own := c.docScore(di, c.restOf(s, di, m))
		if score > own+moveMargin {
			c.move(di, to)
			m = nil // the story changed
			moved++
		}
	}
	return moved
}

// members summarises a story's documents so that the rest of the story
// without any one of them is had without going through all the others:
// on a story of k documents, reassign would otherwise cost k².
type members struct {
	quotes map[string]int // documents carrying each quote
	dates  []time.Time    // the documents' dates, sorted, undated left out
}

func (c *Clusterer) membersOf(s *story) *members {
	m := &members{quotes: make(map[string]int)}
	for _, di := range s.Docs {
		d := &c.docs[di]
		for _, q := range d.Quotes { // sorted and unique in each document
			m.quotes[q]++
		}
		if !d.Date.IsZero() {
			m.dates = append(m.dates, d.Date)
		}
	}
	slices.SortFunc(m.dates, func(a, b time.Time) int { return a.Compare(b) })
	return m
}

// restOf is story s without document di as far as scoring di against it
// goes, the same score as without gives: the vectors without the
// document's, the dated span of the other documents, and of the
// document's own quotes those another document carries too (its only
// use of the others' quotes).
func (c *Clusterer) restOf(s *story, di int32, m *members) *story {
	d := &c.docs[di]
	rest := &story{Terms: sub(s.Terms, d.Terms), Ents: sub(s.Ents, d.Ents), Into: s.Into}
	for _, q := range d.Quotes {
		if m.quotes[q] > 1 {
			rest.Quotes = append(rest.Quotes, q)
		}
	}
	dates := m.dates
	if !d.Date.IsZero() {
		// Take out one date equal to the document's: the first or the
		// last when it is the earliest or the latest, else any (the span
		// stays).
		switch {
		case len(dates) > 0 && dates[0].Equal(d.Date):
			dates = dates[1:]
		case len(dates) > 0 && dates[len(dates)-1].Equal(d.Date):
			dates = dates[:len(dates)-1]
		}
	}
	if len(dates) > 0 {
		rest.First, rest.Last = dates[0], dates[len(dates)-1]
	}
	return rest
}

// reassignSingle moves the only document of a story to another story that
// it fits above the threshold.
func (c *Clusterer) reassignSingle(si int32) int {
	s := c.stories[si]
	if len(s.Docs) != 1 {
		return 0
	}
	di := s.Docs[0]
	if c.docs[di].Pinned {
		return 0
	}
	to, score := c.bestOther(di, si)
	if to < 0 || score < c.p.Threshold {
		return 0
	}
	c.move(di, to)
	return 1
}

// mergeBestFirst merges each of the given stories with the candidate
// story its documents fit best on average, when that average reaches the
// threshold: the closest pairs first, so that which pair merges does not
// depend on the order the stories were made in. A story that took part in
// a merge is not merged again in this pass; the merged story is changed,
// so the next pass looks at it anew. It returns the documents that
// changed story.
func (c *Clusterer) mergeBestFirst(work []int32) int {
	type proposal struct {
		a, b  int32
		score float64
	}
	// Proposals only read the clusterer, so they are found on all cores.
	found := make([][]proposal, len(work))
	c.eachWith(len(work), func(k int, sc *scratch) {
		si := work[k]
		s := c.stories[si]
		if len(s.Docs) == 0 || s.Into > 0 {
			return
		}
		f := features{terms: s.Terms, ents: s.Ents}
		for _, ti := range c.candidatesWith(&sc.cands, &f) {
			if ti == si {
				continue
			}
			if v := c.mergeScore(&sc.far, si, ti); v >= c.p.Threshold+c.mergeMargin(si, ti) {
				found[k] = append(found[k], proposal{min(si, ti), max(si, ti), v})
			}
		}
	})
	var props []proposal
	for _, p := range found {
		props = append(props, p...)
	}
	slices.SortFunc(props, func(x, y proposal) int {
		return cmp.Or(cmp.Compare(y.score, x.score), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	used := make(map[int32]bool)
	moved := 0
	for _, p := range props {
		if used[p.a] || used[p.b] {
			continue
		}
		used[p.a], used[p.b] = true, true
		moved += c.merge(p.a, p.b)
	}
	return moved
}

// merge puts the smaller of two stories into the larger and returns the
// documents that changed story.
func (c *Clusterer) merge(a, b int32) int {
	// The smaller story goes into the larger, so that the documents that
	// change story are few; on a tie the later one goes into the earlier.
	from, to := a, b
	if n, m := len(c.stories[from].Docs), len(c.stories[to].Docs); n > m || (n == m && from < to) {
		from, to = to, from
	}
	// Story vectors add up: the merged story is the sum of both, and is
	// indexed under the moved documents' terms.
	src := *c.stories[from]
	*c.stories[from] = story{Into: to + 1}
	delete(c.dirty, from)
	dst := c.stories[to]
	dst.Terms = prune(add(dst.Terms, src.Terms), c.p.CentroidTerms, &c.terms)
	dst.Ents = prune(add(dst.Ents, src.Ents), c.p.CentroidTerms, &c.ents)
	for _, di := range src.Docs {
		c.join(to, di, nil, nil)
	}
	return len(src.Docs)
}

// mergeScore is how well the documents of the smaller of two stories fit
// the larger one, on average: the score a document must reach to join a
// story, applied to a whole story arriving late.
func (c *Clusterer) mergeScore(far *side, a, b int32) float64 {
	if len(c.stories[a].Docs) > len(c.stories[b].Docs) {
		a, b = b, a
	}
	return c.fitOf(far, a, b)
}

// fitOf is the mean score of story a's documents against story b, with
// far the scratch side for story b.
func (c *Clusterer) fitOf(far *side, a, b int32) float64 {
	sa, sb := c.stories[a], c.stories[b]
	if len(sa.Docs) == 0 {
		return 0
	}
	// Story b is the side every document is compared with; the content
	// similarity is symmetric, so this is docScore to the last bit.
	far.set(c, sb.Terms, sb.Ents)
	var sum float64
	for _, di := range sa.Docs {
		d := &c.docs[di]
		content := c.content(far, d.Terms, d.Ents)
		sum += c.scoreContent(content, d.Quotes, sb, d.Date)
	}
	return sum / float64(len(sa.Docs))
}

// bestOther is the candidate story other than si that document di fits
// best, and its score; -1 when there is none.
func (c *Clusterer) bestOther(di, si int32) (int32, float64) {
	d := &c.docs[di]
	f := features{terms: d.Terms, ents: d.Ents, quotes: d.Quotes}
	best, bestScore := int32(-1), 0.0
	cands := c.candidates(&f)
	c.near.set(c, f.terms, f.ents)
	for _, ti := range cands {
		if ti == si {
			continue
		}
		if sc := c.scoreNear(f.quotes, c.stories[ti], d.Date); sc > bestScore {
			best, bestScore = ti, sc
		}
	}
	return best, bestScore
}

// docScore is the score of a placed document against a story.
func (c *Clusterer) docScore(di int32, s *story) float64 {
	d := &c.docs[di]
	f := features{terms: d.Terms, ents: d.Ents, quotes: d.Quotes}
	return c.score(&f, s, d.Date)
}

// without is story s with document di taken out: the document's kept
// vectors subtracted, dates and quotes recomputed from the other members.
func (c *Clusterer) without(s *story, di int32) *story {
	d := &c.docs[di]
	rest := &story{Terms: sub(s.Terms, d.Terms), Ents: sub(s.Ents, d.Ents), Into: s.Into}
	for _, dj := range s.Docs {
		if dj != di {
			rest.Docs = append(rest.Docs, dj)
			c.addMeta(rest, dj)
		}
	}
	return rest
}

// move takes document di out of its story and puts it into story to.
func (c *Clusterer) move(di, to int32) {
	from := c.docs[di].Story
	*c.stories[from] = *c.without(c.stories[from], di)
	c.dirty[from] = true
	d := &c.docs[di]
	c.join(to, di, d.Terms, d.Ents)
}

// addMeta adds a document's quotes and date to a story summary.
func (c *Clusterer) addMeta(s *story, di int32) {
	d := &c.docs[di]
	if len(d.Quotes) > 0 {
		s.Quotes = slices.Compact(slices.Sorted(slices.Values(append(slices.Clip(s.Quotes), d.Quotes...))))
	}
	widen(s, d.Date)
}

// widen stretches a story's dated span to include date.
func widen(s *story, date time.Time) {
	if date.IsZero() {
		return
	}
	if s.First.IsZero() || date.Before(s.First) {
		s.First = date
	}
	if s.Last.IsZero() || date.After(s.Last) {
		s.Last = date
	}
}

// mergeMargin is how far above the threshold two stories must fit before
// they merge. Small stories merge as documents join; when both stories
// hold at least mergeMarginDocs documents they merge only with moveMargin
// to spare. Such a merge moves many documents at once, and a fit that
// close to the threshold depends on the weights the documents were given
// when they arrived, that is on the order they came in: in one random
// arrival order of ECB+ two riot stories of 13 and 11 documents (two
// events of one kind) merged at 0.007 above the threshold, which no batch
// did.
func (c *Clusterer) mergeMargin(a, b int32) float64 {
	if min(len(c.stories[a].Docs), len(c.stories[b].Docs)) < mergeMarginDocs {
		return 0
	}
	return moveMargin
}

// mergeMarginDocs is the size from which both stories of a merge must fit
// with moveMargin to spare. Smaller ones merge at the threshold: merging
// the pieces a story was split into early (a few documents each) is how
// settling mends arrival order, and a margin there kept synthetic
// narratives apart.
const mergeMarginDocs = 5
