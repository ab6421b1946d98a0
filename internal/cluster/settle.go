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
		c.fitsAhead(work)
		n := 0
		for _, si := range work {
			n += c.reassign(si)
		}
		c.ahead.clear()
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
		to, score := c.bestOtherAhead(di, si)
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
	quotes map[uint32]int // documents carrying each quote
	dates  []time.Time    // the documents' dates, sorted, undated left out
}

func (c *Clusterer) membersOf(s *story) *members {
	m := &members{quotes: make(map[uint32]int)}
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
	to, score := c.bestOtherAhead(di, si)
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
	for _, sc := range c.pool {
		sc.farOf = 0 // the counts changed since the last round
	}
	c.norms.begin(c)
	c.eachWith(len(work), func(k int, sc *scratch) {
		si := work[k]
		s := c.stories[si]
		if len(s.Docs) == 0 || s.Into > 0 {
			return
		}
		f := features{terms: s.Terms, ents: s.Ents}
		// The candidates that can reach what a merge must first, their
		// vectors touched (see touchStories).
		live := sc.cands.live[:0]
		for _, ti := range c.candidatesWith(&sc.cands, &f) {
			if ti == si {
				continue
			}
			least := c.p.Threshold + c.mergeMargin(si, ti)
			if c.mergeCeiling(si, ti) < least {
				continue // too far in time to reach it (see scoreCeiling)
			}
			live = append(live, ti)
		}
		sc.cands.live = live
		sc.cands.touched += c.touchVectors(live)
		for _, ti := range live {
			least := c.p.Threshold + c.mergeMargin(si, ti)
			if v := c.mergeScoreWith(sc, si, ti); v >= least {
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
	c.noteStory(from)
	delete(c.dirty, from)
	dst := c.stories[to]
	dst.Terms = c.sums.prunedSum(dst.Terms, src.Terms, c.p.CentroidTerms, &c.terms)
	dst.Ents = c.sums.prunedSum(dst.Ents, src.Ents, c.p.CentroidTerms, &c.ents)
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

// mergeCeiling is more than mergeScore can give for stories a and b: the
// mean of the ceilings (scoreCeiling) of the smaller story's documents
// against the larger.
func (c *Clusterer) mergeCeiling(a, b int32) float64 {
	if len(c.stories[a].Docs) > len(c.stories[b].Docs) {
		a, b = b, a
	}
	sa, sb := c.stories[a], c.stories[b]
	if len(sa.Docs) == 0 {
		return 0
	}
	var sum float64
	for _, di := range sa.Docs {
		sum += c.scoreCeiling(sb, c.docs[di].Date)
	}
	return sum / float64(len(sa.Docs)) * (1 + 1e-9)
}

// mergeScoreWith is mergeScore with a goroutine's scratch, whose side is
// kept from call to call within one round's proposals (the counts stand
// still; sc.farOf says what the side holds), and the round's norms
// (c.norms, begun): the story a, whose candidates b are scored one after
// the other, is made the side once — through its document when it is
// the smaller story and has one, else itself when it is the larger —
// instead of every candidate being made the side in turn; only a larger
// candidate compared with a story of several documents is. The content
// similarity is symmetric to the bit (the same products of the shared
// coordinates, summed in id order, and the same two norms), so the score
// is mergeScore's.
func (c *Clusterer) mergeScoreWith(sc *scratch, a, b int32) float64 {
	keep := a
	if len(c.stories[a].Docs) > len(c.stories[b].Docs) {
		a, b = b, a
	}
	sa, sb := c.stories[a], c.stories[b]
	if len(sa.Docs) == 1 && b != keep {
		di := sa.Docs[0]
		d := &c.docs[di]
		if sc.farOf != -1-di {
			sc.far.setNormed(c, d.Terms, d.Ents, c.norms.doc(c, di))
			sc.farOf = -1 - di
		}
		var sum float64 // as fitOfSet sums, over one document
		sum += c.scoreContent(c.contentNormed(&sc.far, sb.Terms, sb.Ents, c.norms.story(c, b)), d.Quotes, sb, d.Date)
		return sum / float64(len(sa.Docs))
	}
	if sc.farOf != 1+b {
		sc.far.setNormed(c, sb.Terms, sb.Ents, c.norms.story(c, b))
		sc.farOf = 1 + b
	}
	return c.fitOfSet(&sc.far, a, b, &c.norms)
}

// fitOf is the mean score of story a's documents against story b, with
// far the scratch side for story b.
func (c *Clusterer) fitOf(far *side, a, b int32) float64 {
	sb := c.stories[b]
	if len(c.stories[a].Docs) == 0 {
		return 0
	}
	// Story b is the side every document is compared with; the content
	// similarity is symmetric, so this is docScore to the last bit.
	far.set(c, sb.Terms, sb.Ents)
	return c.fitOfSet(far, a, b, nil)
}

// fitOfSet is fitOf with far set for story b already, and the norms of
// the phase when not nil (the same value).
func (c *Clusterer) fitOfSet(far *side, a, b int32, norms *phaseNorms) float64 {
	sa, sb := c.stories[a], c.stories[b]
	if len(sa.Docs) == 0 {
		return 0
	}
	var sum float64
	for _, di := range sa.Docs {
		d := &c.docs[di]
		var content float64
		if norms != nil {
			content = c.contentNormed(far, d.Terms, d.Ents, norms.doc(c, di))
		} else {
			content = c.content(far, d.Terms, d.Ents)
		}
		sum += c.scoreContent(content, d.Quotes, sb, d.Date)
	}
	return sum / float64(len(sa.Docs))
}

// bestOther is the candidate story other than si that document di fits
// best, and its score, when that score reaches the threshold; else -1,
// or a story below the threshold (every caller moves a document only to
// a story it fits at the threshold or above, so candidates that cannot
// reach it are passed over, see scoreCeiling).
func (c *Clusterer) bestOther(di, si int32) (int32, float64) {
	d := &c.docs[di]
	c.near.set(c, d.Terms, d.Ents)
	to, score, _ := c.bestOtherWith(&c.cands, &c.near, nil, di, si, topIn(&c.cands.ss, d.Terms, c.p.QueryTerms, &c.terms), topIn(&c.cands.ss, d.Ents, c.p.QueryTerms, &c.ents))
	return to, score
}

// bestOtherWith is bestOther with the given scratch, near set for the
// document, the norms of the phase when not nil, and the document's terms
// and entities looked up in the index; it also returns the candidates
// (in sc's room, see candidatesOf).
func (c *Clusterer) bestOtherWith(sc *candidateScratch, near *side, norms *phaseNorms, di, si int32, qTerms, qEnts []weighted) (int32, float64, []int32) {
	d := &c.docs[di]
	best, bestScore := int32(-1), 0.0
	cands := c.candidatesOf(sc, qTerms, qEnts)
	far := c.farBeyond(c.p.Threshold)
	// As in bestNear: the candidates that can reach the threshold first,
	// their vectors touched.
	live := sc.live[:0]
	for _, ti := range cands {
		s := c.stories[ti]
		if ti == si || c.farFrom(d.Date, s, far) || c.scoreCeiling(s, d.Date) < c.p.Threshold {
			continue // cannot reach the threshold (see farBeyond, scoreCeiling)
		}
		live = append(live, ti)
	}
	sc.live = live
	sc.touched += c.touchVectors(live)
	for _, ti := range live {
		s := c.stories[ti]
		if c.scoreCeiling(s, d.Date) <= bestScore {
			continue // cannot score more than the best (see scoreCeiling)
		}
		var content float64
		if norms != nil {
			content = c.contentNormed(near, s.Terms, s.Ents, norms.story(c, ti))
		} else {
			content = c.content(near, s.Terms, s.Ents)
		}
		if v := c.scoreContent(content, d.Quotes, s, d.Date); v > bestScore {
			best, bestScore = ti, v
		}
	}
	return best, bestScore, cands
}

// aheadFits are the best other stories of the documents of one round of
// Settle, found on all cores before the round moves any (fitsAhead), and
// what has changed since: a fit found ahead is the one bestOther gives
// as long as no story among its candidates changed and no index entry
// it read gained a story.
type aheadFits struct {
	fits    map[int32]aheadFit // by document
	stories map[int32]bool     // stories changed by the round's moves
	terms   map[uint32]bool    // index entries the moves added to
	ents    map[uint32]bool
}

type aheadFit struct {
	story, to   int32 // the document's story then, its best other
	score       float64
	cands       []int32
	terms, ents []weighted // looked up in the index
}

func (a *aheadFits) clear() {
	clear(a.fits)
	clear(a.stories)
	clear(a.terms)
	clear(a.ents)
}

// fitsAhead finds, on all cores, the best other story of each document
// of the stories in work that reassign will ask about.
func (c *Clusterer) fitsAhead(work []int32) {
	var docs []int32
	for _, si := range work {
		for _, di := range c.stories[si].Docs {
			if !c.docs[di].Pinned {
				docs = append(docs, di)
			}
		}
	}
	if len(docs) < aheadLeast {
		return
	}
	fits := make([]aheadFit, len(docs))
	c.norms.begin(c)
	c.eachWith(len(docs), func(k int, sc *scratch) {
		di := docs[k]
		d := &c.docs[di]
		si := d.Story
		sc.far.set(c, d.Terms, d.Ents)
		qt, qe := topIn(&sc.cands.ss, d.Terms, c.p.QueryTerms, &c.terms), topIn(&sc.cands.ss, d.Ents, c.p.QueryTerms, &c.ents)
		to, score, cands := c.bestOtherWith(&sc.cands, &sc.far, &c.norms, di, si, qt, qe)
		fits[k] = aheadFit{story: si, to: to, score: score, cands: slices.Clone(cands), terms: qt, ents: qe}
	})
	if c.ahead.fits == nil {
		c.ahead = aheadFits{fits: make(map[int32]aheadFit), stories: make(map[int32]bool), terms: make(map[uint32]bool), ents: make(map[uint32]bool)}
	}
	for k, di := range docs {
		c.ahead.fits[di] = fits[k]
	}
}

// aheadLeast is the fewest documents fitsAhead shares out among the cores.
var aheadLeast = 64

// bestOtherAhead is bestOther, from the fit found ahead when it still
// holds.
func (c *Clusterer) bestOtherAhead(di, si int32) (int32, float64) {
	a := &c.ahead
	if f, ok := a.fits[di]; ok && f.story == si && a.holds(f) {
		return f.to, f.score
	}
	return c.bestOther(di, si)
}

// holds reports whether nothing a fit found ahead depends on changed.
func (a *aheadFits) holds(f aheadFit) bool {
	for _, x := range f.terms {
		if a.terms[x.ID] {
			return false
		}
	}
	for _, x := range f.ents {
		if a.ents[x.ID] {
			return false
		}
	}
	for _, si := range f.cands {
		if a.stories[si] {
			return false
		}
	}
	return true
}

// moved notes for the fits found ahead what moving document di from
// story from changed: both stories, and the index entries the document's
// new story was added to (join's).
func (c *Clusterer) moved(di, from int32) {
	a := &c.ahead
	if len(a.fits) == 0 {
		return
	}
	d := &c.docs[di]
	a.stories[from], a.stories[d.Story] = true, true
	for _, x := range topIn(&c.cands.ss, d.Terms, c.p.IndexTerms, &c.terms) {
		a.terms[x.ID] = true
	}
	for _, x := range topIn(&c.cands.ss, d.Ents, c.p.IndexTerms, &c.ents) {
		a.ents[x.ID] = true
	}
}

// docScore is the score of a placed document against a story.
func (c *Clusterer) docScore(di int32, s *story) float64 {
	d := &c.docs[di]
	c.near.set(c, d.Terms, d.Ents)
	return c.scoreNear(d.Quotes, s, d.Date)
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
	c.noteStory(from)
	c.dirty[from] = true
	d := &c.docs[di]
	c.join(to, di, d.Terms, d.Ents)
	c.moved(di, from)
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
