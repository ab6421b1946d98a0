package cluster

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"time"
)

// docRecord is what the clusterer keeps of a placed document.
type docRecord struct {
	ID       string
	Date     time.Time
	Outlet   string
	Headline string // title, else the text's first sentence
	Story    int32
	// Terms and Ents are the document's most telling terms and entities
	// (unit vectors pruned to DocTerms): story vectors are sums of them,
	// so a story can be rebuilt when documents move between stories.
	Terms  []weighted
	Ents   []weighted
	Quotes []uint32 // sorted ids (Clusterer.quoteIDs)
	// Pinned documents are tied to another by a reuse link; they move
	// only with their whole story.
	Pinned bool
}

// story is one group of documents and its running summary.
type story struct {
	Docs        []int32
	Terms       []weighted // sum of member unit vectors, pruned
	Ents        []weighted
	Quotes      []uint32 // sorted ids
	First, Last time.Time
	// Into is 1 + the story this one was merged into, 0 when it was not;
	// index entries naming a merged story lead on to where its documents
	// went.
	Into int32
}

// Clusterer places documents into stories one at a time. It is not safe
// for concurrent use.
type Clusterer struct {
	p        Params
	terms    vocab
	ents     vocab
	docs     []docRecord
	docIndex map[string]int32
	// quoteIDs number the shared quotes documents carry: a document and
	// a story keep their quotes as sorted numbers, 4 bytes each, not as
	// the store's quote ids.
	quoteIDs map[string]uint32
	stories  []*story
	// hop is, by story, where resolve goes from it: 1 + the story it was
	// merged into, 0 when it holds documents, -1 when it is empty. Index
	// entries are resolved by the thousand for each document placed, and
	// this is 4 bytes a story beside each other, where the stories
	// themselves are scattered through the heap (see noteStory).
	hop []int32
	// holding has, by story, a bit set when hop is 0: the story holds
	// its documents, and resolve returns it without reading hop. It is
	// 1 bit a story, where hop is 32: at a large corpus the bits of all
	// stories sit in the processor's nearest caches, and hop, read at
	// random, does not (see resolve).
	holding []uint64
	// postings map a term or entity id to the stories indexed under it,
	// oldest first; appending keeps them in order of story activity.
	termPostings postings
	entPostings  postings
	// derivedBy maps a document not yet seen to the placed documents that
	// derive from it, so that a source arriving after its copy joins the
	// copy's story.
	derivedBy map[string][]int32
	stems     stemCache
	names     nameIndex
	// dirty are the stories changed since the last Settle.
	dirty map[int32]bool
	// Scratch space of the comparisons, reused from call to call.
	cands candidateScratch
	near  side // the document or story being compared
	// sums is the scratch of summing story vectors (plus).
	sums sumScratch
	// pool is the scratch of the goroutines of eachWith.
	pool []*scratch
	// spare are placed documents' vectors handed back to AddRecords'
	// reader (see handBack).
	spare chan []weighted
	// ahead are the fits of a round of Settle found on all cores.
	ahead aheadFits
	// norms are the vectors' norms of a phase of Settle run on all
	// cores.
	norms phaseNorms
	// maxKey is the latest place in Order's order of a document placed
	// so far, and unordered the documents placed since the last Settle
	// that arrived after a document sorting after them (see replace).
	maxKey    orderKey
	unordered []int32
	// base is how many documents the clusterer held when it was first
	// settled: the size of the corpus it was built from (see Stale).
	base int
}

// New returns an empty clusterer.
func New(p Params) *Clusterer {
	return &Clusterer{
		p:         p,
		terms:     newVocab(),
		ents:      newVocab(),
		docIndex:  make(map[string]int32),
		quoteIDs:  make(map[string]uint32),
		derivedBy: make(map[string][]int32),
		stems:     make(stemCache),
		dirty:     make(map[int32]bool),
	}
}

// Placement says where Add put a document and why.
type Placement struct {
	Story   string  // story id
	New     bool    // the document opened the story
	Score   float64 // similarity to the story it joined (1 for reuse links)
	Reason  string  // "new", "similar", "reuse"
	Scanned int     // stories scored in full
}

// maxDirty is how many changed stories Add lets pile up before it settles
// them itself.
const maxDirty = 4096

// Add places one document. Documents should arrive in date order; see
// Order. Call Settle after a batch: a later document can show that an
// earlier one belongs elsewhere, and Settle moves it. An item with an empty or already placed
// id is refused with an error and changes nothing.
func (c *Clusterer) Add(it Item) (Placement, error) {
	if err := c.checkNew(it.ID, it.Title); err != nil {
		return Placement{}, err
	}
	return c.AddPrepared(prepare(&it, c.stems, nil, nil, nil, nil))
}

func (c *Clusterer) checkNew(id, title string) error {
	if id == "" {
		return fmt.Errorf("cluster: document without id (title %q)", title)
	}
	if _, dup := c.docIndex[id]; dup {
		return fmt.Errorf("cluster: document %s added twice", id)
	}
	return nil
}

// AddPrepared is Add for an item read by Prepare.
func (c *Clusterer) AddPrepared(it Prepared) (Placement, error) {
	if err := c.checkNew(it.ID, it.Title); err != nil {
		return Placement{}, err
	}
	return c.place(it, it.features(&c.terms, &c.ents, &c.names), 0)
}

// place is AddPrepared with the item's features read. A candidate story
// that cannot score least (scoreCeiling) is passed over: with least the
// threshold, the placement is the same, only a new story's Placement.Score
// (the best score below the threshold) may be lower, and AddAll, which
// reports no scores, passes it.
func (c *Clusterer) place(it Prepared, f features, least float64) (Placement, error) {
	if err := c.checkNew(it.ID, it.Title); err != nil {
		return Placement{}, err
	}
	c.terms.count(f.terms)
	c.ents.count(f.ents)

	di := int32(len(c.docs))
	rec := docRecord{ID: it.ID, Date: it.Date, Outlet: it.Outlet, Headline: it.Headline}
	// The document's coordinates are ranked once: the kept ones, those
	// looked up in the index and those the story is indexed under are
	// the first of one ranking (the counts do not change until Settle).
	terms, ents := c.rank(f.terms, &c.terms), c.rank(f.ents, &c.ents)
	rec.Terms, rec.Ents = terms.kept, ents.kept
	rec.Quotes = c.quoteNumbers(f.quotes)

	pl := Placement{}
	si := c.reuseStory(it)
	switch {
	case si >= 0:
		pl.Reason, pl.Score = "reuse", 1
		rec.Pinned = true
		c.pinSources(it)
	default:
		var scanned int
		c.near.setNormed(c, f.terms, f.ents, [2]float64{terms.norm, ents.norm})
		si, pl.Score, scanned = c.bestNear(rec.Quotes, it.Date, terms.first(c.p.QueryTerms), ents.first(c.p.QueryTerms), least)
		pl.Scanned = scanned
		if si >= 0 && pl.Score >= c.p.Threshold {
			pl.Reason = "similar"
		} else {
			si = -1
		}
	}
	if si < 0 {
		si = c.newStory()
		pl.New, pl.Reason = true, "new"
	}
	rec.Story = si
	c.docs = append(c.docs, rec)
	c.docIndex[it.ID] = di
	c.noteOrder(di)
	c.joinIndexed(si, di, f.terms, f.ents, terms.first(c.p.IndexTerms), ents.first(c.p.IndexTerms))
	for _, src := range it.Sources {
		if _, seen := c.docIndex[src]; !seen {
			c.derivedBy[src] = append(c.derivedBy[src], di)
		}
	}
	delete(c.derivedBy, it.ID)
	pl.Story = storyID(si)
	if len(c.dirty) >= maxDirty {
		c.Settle() // bounds the work a caller that never settles leaves behind
	}
	return pl, nil
}

// reuseStory is the story a reuse link ties the item to, or -1: the story
// of a source already placed, else that of a placed copy of this item.
func (c *Clusterer) reuseStory(it Prepared) int32 {
	for _, src := range it.Sources {
		if di, ok := c.docIndex[src]; ok {
			return c.docs[di].Story
		}
	}
	if copies := c.derivedBy[it.ID]; len(copies) > 0 {
		return c.docs[copies[0]].Story
	}
	return -1
}

// newStory opens an empty story and returns its index.
func (c *Clusterer) newStory() int32 {
	c.stories = append(c.stories, &story{})
	c.hop = append(c.hop, -1)
	si := int32(len(c.stories) - 1)
	if int(si>>6) >= len(c.holding) {
		c.holding = append(c.holding, 0)
	}
	return si
}

// noteStory brings hop up to date with story si; call it whenever a
// story's Into or documents change.
func (c *Clusterer) noteStory(si int32) {
	switch s := c.stories[si]; {
	case s.Into > 0:
		c.hop[si] = s.Into
	case len(s.Docs) == 0:
		c.hop[si] = -1
	default:
		c.hop[si] = 0
	}
	if c.hop[si] == 0 {
		c.holding[si>>6] |= 1 << (si & 63)
	} else {
		c.holding[si>>6] &^= 1 << (si & 63)
	}
}

// pinSources pins the placed documents a reuse link ties the item to.
func (c *Clusterer) pinSources(it Prepared) {
	for _, src := range it.Sources {
		if di, ok := c.docIndex[src]; ok {
			c.docs[di].Pinned = true
		}
	}
	for _, di := range c.derivedBy[it.ID] {
		c.docs[di].Pinned = true
	}
}

// resolve follows a story merged into another to the story that holds its
// documents now; -1 when that story is empty. It is called for every
// index entry read (up to 2 048 a lookup), so a story that holds its
// documents, nearly every story an entry names, is told by its bit in
// holding alone: 25 KB for the 200 000 stories of 300 000 bench
// documents, where hop is 800 KB, more than the core's own caches hold.
func (c *Clusterer) resolve(si int32) int32 {
	if c.holding[si>>6]&(1<<(si&63)) != 0 {
		return si
	}
	for {
		switch h := c.hop[si]; {
		case h > 0:
			si = h - 1
		case h < 0:
			return -1
		default:
			return si
		}
	}
}

// ranking is a vector's DocTerms most telling coordinates: kept sorted
// by id, as prune keeps them, and byScore sorted as top sorts them; and
// the vector's norm under the counts it was ranked with (normOf).
type ranking struct {
	kept, byScore []weighted
	norm          float64
}

// rank ranks vec under the vocabulary's current counts. Each coordinate's
// score is its weight × idf, what normOf squares and sums, so the norm is
// summed from the scores, in vec's order as normOf sums it.
func (c *Clusterer) rank(vec []weighted, v *vocab) ranking {
	sc := &c.cands
	sc.ss = appendScored(sc.ss[:0], vec, v)
	sc.scores = appendScores(sc.scores[:0], sc.ss)
	var r ranking
	for _, s := range sc.scores {
		r.norm += s * s
	}
	n := max(0, min(c.p.DocTerms, len(vec)))
	selectFirst(sc.ss, n)
	switch {
	case len(vec) <= c.p.DocTerms:
		r.kept = vec // as prune keeps it
	case n == 0:
	default:
		r.kept = keptBest(vec, sc.scores, worstScored(sc.ss[:n]), n)
	}
	// Only the first few by score are asked for (first): of the best n,
	// those are selected and sorted, not all n.
	f := min(n, max(c.p.QueryTerms, c.p.IndexTerms))
	selectFirst(sc.ss[:n], f)
	r.byScore = sortedTop(sc.ss[:f])
	if n == 0 {
		r.kept = r.byScore
	}
	return r
}

// first is top(vec, n) of the ranked vector, and top(kept, n) too: the
// best n of the best DocTerms are the best n (n at most DocTerms, and at
// most the larger of QueryTerms and IndexTerms, as many as rank sorts).
func (r ranking) first(n int) []weighted {
	return r.byScore[:min(n, len(r.byScore))]
}

// best finds the most similar candidate story; -1 when there is none.
func (c *Clusterer) best(f *features, date time.Time) (int32, float64, int) {
	return c.bestRanked(f, c.quoteNumbers(f.quotes), date, top(f.terms, c.p.QueryTerms, &c.terms), top(f.ents, c.p.QueryTerms, &c.ents))
}

// bestRanked is best with the document's quotes numbered and its most
// telling terms and entities (top QueryTerms) given.
func (c *Clusterer) bestRanked(f *features, quotes []uint32, date time.Time, qTerms, qEnts []weighted) (int32, float64, int) {
	c.near.set(c, f.terms, f.ents)
	return c.bestNear(quotes, date, qTerms, qEnts, 0)
}

// bestNear is bestRanked with c.near set to the document's vectors,
// passing over the candidates that cannot score least either (least 0:
// none): the best of those that can is the same story.
func (c *Clusterer) bestNear(quotes []uint32, date time.Time, qTerms, qEnts []weighted, least float64) (int32, float64, int) {
	cands := c.candidatesOf(&c.cands, qTerms, qEnts)
	bestStory, bestScore := int32(-1), 0.0
	far := c.farBeyond(least)
	// The candidates that can reach least are found first, and what
	// comparing them reads is touched (touchCounts), in loops of nothing
	// else (see touchStories).
	live := c.cands.live[:0]
	for _, si := range cands {
		st := c.stories[si]
		if c.farFrom(date, st, far) || c.scoreCeiling(st, date) < least {
			continue // cannot reach least (see farBeyond, scoreCeiling)
		}
		live = append(live, si)
	}
	c.cands.live = live
	c.cands.touched += c.touchCounts(live)
	for _, si := range live {
		st := c.stories[si]
		if bestStory >= 0 && c.scoreCeiling(st, date) < bestScore {
			continue // cannot beat the best: not compared (see scoreCeiling)
		}
		s := c.scoreNear(quotes, st, date)
		if s > bestScore || (s == bestScore && bestStory >= 0 && si < bestStory) {
			bestStory, bestScore = si, s
		}
	}
	return bestStory, bestScore, len(cands)
}

// candidateScratch is what candidates reuses from call to call: where
// each story's score is, by story, and the stories scored with their
// scores side by side, instead of a map per call.
type candidateScratch struct {
	// at is a table by story of the story's place in hit, so that the
	// scores summed and compared while the best are selected are in hit,
	// one beside the other. It is a hash table (open addressing) as long
	// as twice the entries one call can read, 32 KB for the defaults: a
	// table with a slot for every story was 4 bytes a story, read at
	// random for every entry, 800 KB at 300 000 bench documents, more
	// than the core's own caches hold.
	at  []hitSlot
	hit []candidate
	ss  []scored // topIn's
	// scores are rank's, by coordinate.
	scores []float64
	// out are the stories candidatesOf returns, and qTerms and qEnts
	// the terms and entities candidatesWith looks up: each valid until
	// the next call with this scratch.
	out           []int32
	qTerms, qEnts []weighted
	// live are the candidates bestNear and bestOtherWith may compare.
	live []int32
	// touched sums what touchStories and touchVectors read.
	touched int
}

// hitSlot is a slot of candidateScratch.at: 1 + a story (0: an empty
// slot) and its place in hit. The story is in the slot itself, so that
// a probe compares it there: when the slot held only the place, every
// entry read (some thousand a lookup past 100 000 documents) read the
// story's place in hit too before it could tell a match from a
// collision, one more read that the next step waited for.
type hitSlot struct {
	si1, k int32
}

// candidate is a story found in the index and the idf it shares.
type candidate struct {
	si  int32
	acc float64
}

// betterCandidate orders candidates by the idf they share, highest first,
// ties by story: a total order, so the best n are one set however they
// are found.
func betterCandidate(a, b candidate) bool {
	return a.acc > b.acc || a.acc == b.acc && a.si < b.si
}

// firstCandidates is selectFirst for candidates under betterCandidate:
// it reorders hit so that its first n are the n best, in no particular
// order. The
// best n are kept as a heap whose root is the worst of them, and each
// other candidate is compared with the root alone: a lookup finds some
// thousand stories past 100 000 documents, of which 32 are kept, so
// nearly every candidate is one comparison, where quickselect's
// partitions moved each candidate several times.
func firstCandidates(hit []candidate, n int) {
	if n <= 0 || n >= len(hit) {
		return
	}
	h := hit[:n]
	for i := n/2 - 1; i >= 0; i-- {
		siftWorst(h, i)
	}
	for i := n; i < len(hit); i++ {
		x, r := hit[i], h[0]
		if x.acc > r.acc || x.acc == r.acc && x.si < r.si {
			h[0], hit[i] = x, r
			siftWorst(h, 0)
		}
	}
}

// sortCandidates sorts a lookup's best candidates (Candidates of them,
// 32 by default) under betterCandidate: an insertion sort, its comparison
// inlined, where slices.SortFunc called a function value for each of its
// comparisons, at every lookup. A Candidates set far above the default
// is sorted by slices.SortFunc, so that the sort stays n log n.
func sortCandidates(c []candidate) {
	if len(c) > maxInsertionSort {
		slices.SortFunc(c, func(a, b candidate) int {
			if betterCandidate(a, b) {
				return -1
			}
			return 1
		})
		return
	}
	for i := 1; i < len(c); i++ {
		x, j := c[i], i
		for ; j > 0 && betterCandidate(x, c[j-1]); j-- {
			c[j] = c[j-1]
		}
		c[j] = x
	}
}

// siftWorst moves h[i] down the heap h, whose root is its worst
// candidate (betterCandidate's order), until its children are better.
// The candidate is held aside and each worse child moved up into the
// hole it leaves, one write a level where a swap made two: a lookup
// past 100 000 documents replaces the heap's root a hundred times or
// so, each sifted down five levels.
func siftWorst(h []candidate, i int) {
	x := h[i]
	for {
		c := 2*i + 1
		if c >= len(h) {
			break
		}
		if r := c + 1; r < len(h) && betterCandidate(h[c], h[r]) {
			c = r // the worse child
		}
		if !betterCandidate(x, h[c]) {
			break
		}
		h[i] = h[c]
		i = c
	}
	h[i] = x
}

// candidates are the stories that share the document's most telling
// terms and entities, ranked by the idf they share; only the most recent
// PostingTail stories of each index entry are read, which bounds the work
// however many stories exist (old stories are also far in time).
func (c *Clusterer) candidates(f *features) []int32 {
	return c.candidatesWith(&c.cands, f)
}

// candidatesWith is candidates with the given scratch space: goroutines
// that each have their own may look for candidates at once, as long as
// none changes the clusterer.
func (c *Clusterer) candidatesWith(sc *candidateScratch, f *features) []int32 {
	sc.qTerms = topInto(sc.qTerms[:0], &sc.ss, f.terms, c.p.QueryTerms, &c.terms)
	sc.qEnts = topInto(sc.qEnts[:0], &sc.ss, f.ents, c.p.QueryTerms, &c.ents)
	return c.candidatesOf(sc, sc.qTerms, sc.qEnts)
}

// candidatesOf is candidatesWith for the terms and entities looked up
// (the top QueryTerms of a vector, by score). The stories it returns are
// in sc's room, valid until sc is used again.
func (c *Clusterer) candidatesOf(sc *candidateScratch, qTerms, qEnts []weighted) []int32 {
	// The table holds twice the entries the lookups can read at most, so
	// that probes stay short.
	lg := bits.Len(uint(2*(len(qTerms)+len(qEnts))*max(1, c.p.PostingTail) - 1))
	lg = max(lg, 4)
	size := 1 << lg
	if len(sc.at) < size {
		sc.at = make([]hitSlot, size)
	}
	at, mask, shift := sc.at[:size], uint32(size-1), uint(32-lg)
	sc.touched += c.touchPostings(qTerms, &c.terms, &c.termPostings) + c.touchPostings(qEnts, &c.ents, &c.entPostings)
	collect := func(keys []weighted, v *vocab, postings *postings) {
		for _, x := range keys {
			list := postings.of(x.ID)
			if len(list) > c.p.PostingTail {
				list = list[len(list)-c.p.PostingTail:]
			}
			w := float64(x.W) * v.idf(x.ID)
			for _, si := range list {
				if si = c.resolve(si); si < 0 {
					continue
				}
				for h := uint32(si) * 0x9e3779b1 >> shift; ; h = (h + 1) & mask {
					slot := &at[h]
					if slot.si1 == si+1 {
						sc.hit[slot.k].acc += w
						break
					}
					if slot.si1 == 0 {
						*slot = hitSlot{si + 1, int32(len(sc.hit))}
						sc.hit = append(sc.hit, candidate{si: si, acc: w})
						break
					}
				}
			}
		}
	}
	collect(qTerms, &c.terms, &c.termPostings)
	collect(qEnts, &c.ents, &c.entPostings)
	n := min(len(sc.hit), c.p.Candidates)
	firstCandidates(sc.hit, n)
	best := sc.hit[:n]
	sortCandidates(best)
	out := sc.out[:0]
	for _, h := range best {
		out = append(out, h.si)
	}
	sc.out = out
	sc.touched += c.touchStories(out)
	clear(at)
	sc.hit = sc.hit[:0]
	return out
}

// touchStories reads a word of every cache line of each story's record
// (its dates, the headers of its vectors, its size), in a loop of nothing
// else, and returns a sum of what it read. Every caller of candidatesOf
// reads them next, candidate after candidate: the records lie scattered
// through a heap far larger than the processor's caches, and read one
// after the other each was a miss, where here the reads of all the
// candidates are under way at once.
func (c *Clusterer) touchStories(cands []int32) int {
	n := 0
	for _, si := range cands {
		s := c.stories[si]
		n += len(s.Docs) + len(s.Ents) + len(s.Quotes) + int(s.Into)
		if s.First.IsZero() {
			n++
		}
	}
	return n
}

// touchPostings is touchStories for the index entries a lookup of keys
// reads (candidatesOf): each key's list, the entries of its tail read
// (a word of every cache line), and its count.
func (c *Clusterer) touchPostings(keys []weighted, v *vocab, postings *postings) int {
	n := 0
	for _, x := range keys {
		list := postings.of(x.ID)
		if len(list) > c.p.PostingTail {
			list = list[len(list)-c.p.PostingTail:]
		}
		for i := 0; i < len(list); i += touchStride / 4 {
			n += int(list[i])
		}
		if int(x.ID) < len(v.DF) {
			n += int(v.DF[x.ID])
		}
	}
	return n
}

// touchVectors is touchStories for the vectors of the stories, a word
// of every cache line, for a caller that compares them all.
func (c *Clusterer) touchVectors(cands []int32) int {
	n := 0
	for _, si := range cands {
		s := c.stories[si]
		for i := 0; i < len(s.Terms); i += touchStride / 8 {
			n += int(s.Terms[i].ID)
		}
		for i := 0; i < len(s.Ents); i += touchStride / 8 {
			n += int(s.Ents[i].ID)
		}
	}
	return n
}

// touchCounts is touchVectors for a caller that reads the counts of
// every coordinate as well (query.cosine): it reads those counts, at
// ids scattered through the vocabulary.
func (c *Clusterer) touchCounts(cands []int32) int {
	n := 0
	for _, si := range cands {
		s := c.stories[si]
		for _, y := range s.Terms {
			n += int(c.terms.DF[y.ID])
		}
		for _, y := range s.Ents {
			n += int(c.ents.DF[y.ID])
		}
	}
	return n
}

// touchStride is the bytes between the words the touch functions read:
// a cache line's.
const touchStride = 64

// side is one side of many comparisons, a document or a story, its
// vectors made queries (see query).
type side struct{ terms, ents query }

func (sd *side) set(c *Clusterer, terms, ents []weighted) {
	sd.terms.set(terms, &c.terms)
	sd.ents.set(ents, &c.ents)
}

// setNormed is set given the vectors' norms under the current counts
// (normOf each): the same side, without reading the counts.
func (sd *side) setNormed(c *Clusterer, terms, ents []weighted, norms [2]float64) {
	sd.terms.setNormed(terms, norms[0], &c.terms)
	sd.ents.setNormed(ents, norms[1], &c.ents)
}

// content is the content similarity of the side to the vectors terms and
// ents: terms and, when both sides name entities, entities.
func (c *Clusterer) content(sd *side, terms, ents []weighted) float64 {
	content := sd.terms.cosine(terms, &c.terms)
	if len(sd.ents.vec) > 0 && len(ents) > 0 {
		we := c.p.EntityWeight
		content = (1-we)*content + we*sd.ents.cosine(ents, &c.ents)
	}
	return content
}

// contentNormed is content with the norms of terms and ents under the
// current counts given (normOf each): the same value to the bit.
func (c *Clusterer) contentNormed(sd *side, terms, ents []weighted, norms [2]float64) float64 {
	content := sd.terms.cosineNormed(terms, norms[0], &c.terms)
	if len(sd.ents.vec) > 0 && len(ents) > 0 {
		we := c.p.EntityWeight
		content = (1-we)*content + we*sd.ents.cosineNormed(ents, norms[1], &c.ents)
	}
	return content
}

// scoreNear is score for the document whose vectors c.near holds, with
// its quotes and date.
func (c *Clusterer) scoreNear(quotes []uint32, s *story, date time.Time) float64 {
	return c.scoreContent(c.content(&c.near, s.Terms, s.Ents), quotes, s, date)
}

// scoreContent completes score from the content similarity.
func (c *Clusterer) scoreContent(content float64, quotes []uint32, s *story, date time.Time) float64 {
	if sharesAny(quotes, s.Quotes) {
		content += c.p.QuoteBonus
	}
	return content * c.timeFactor(date, s)
}

// scoreCeiling is more than scoreContent can give for a document of date
// against story s, whatever their contents: the content similarity is a
// cosine, at most 1, the quote bonus is added once, and the time factor
// does not depend on the contents; the margin is far above the rounding
// of a cosine. Candidates are found by the terms and entities they share,
// whatever their dates, and most of those a document finds past 100 000
// documents lie months from it, where the time factor leaves nothing of
// any similarity: a candidate whose ceiling is below a score already
// found, or below what a merge must reach, can be passed over without
// reading its vectors, and the outcome is the same.
func (c *Clusterer) scoreCeiling(s *story, date time.Time) float64 {
	if !useCeilings {
		return math.Inf(1)
	}
	return (1 + max(0, c.p.QuoteBonus)) * c.timeFactor(date, s) * (1 + 1e-9)
}

// useCeilings is false only in the test that compares every candidate.
var useCeilings = true

// farBeyond is a gap in time past which a dated document cannot score
// least against a dated story, whatever their contents: scoreCeiling is
// below least there, with a margin (a minute) far above the rounding of
// its exponential. Placing and settling pass over most candidates by
// their dates alone this way (farFrom), without that exponential. The
// longest duration when no gap is that far (least 0, or no ceilings).
func (c *Clusterer) farBeyond(least float64) time.Duration {
	const never = time.Duration(math.MaxInt64)
	if !useCeilings || least <= 0 {
		return never
	}
	// The time factor must fall below r.
	r := least / ((1 + max(0, c.p.QuoteBonus)) * (1 + 1e-9))
	if r >= 1 || c.p.Decay <= 0 {
		return c.p.Window + time.Minute // past the window the factor is below 1 (0 without decay)
	}
	g := float64(c.p.Window) + float64(c.p.Decay)*-math.Log(r) + float64(time.Minute)
	if g >= float64(never) {
		return never
	}
	return time.Duration(g)
}

// farFrom reports whether a document of date and story s are both dated
// and further apart than far (see farBeyond).
func (c *Clusterer) farFrom(date time.Time, s *story, far time.Duration) bool {
	return !date.IsZero() && !s.First.IsZero() && gapTo(date, s) > far
}

// gapTo is how far date lies outside the story's dated span (0 within it).
func gapTo(date time.Time, s *story) time.Duration {
	switch {
	case date.Before(s.First):
		return s.First.Sub(date)
	case date.After(s.Last):
		return date.Sub(s.Last)
	}
	return 0
}

// timeFactor is 1 within Window of the story's dated span and decays
// exponentially beyond it; 1 when either side is undated.
func (c *Clusterer) timeFactor(date time.Time, s *story) float64 {
	if date.IsZero() || s.First.IsZero() {
		return 1
	}
	gap := gapTo(date, s)
	if gap <= c.p.Window {
		return 1
	}
	if c.p.Decay <= 0 {
		return 0
	}
	return math.Exp(-float64(gap-c.p.Window) / float64(c.p.Decay))
}

// join adds document di to story si, with its term and entity vectors
// (whole when it is placed, as kept when it moves), and indexes the story
// under the document's most telling terms and entities.
func (c *Clusterer) join(si, di int32, terms, ents []weighted) {
	d := &c.docs[di]
	c.joinIndexed(si, di, terms, ents, topIn(&c.cands.ss, d.Terms, c.p.IndexTerms, &c.terms), topIn(&c.cands.ss, d.Ents, c.p.IndexTerms, &c.ents))
}

// joinIndexed is join with the document's most telling kept terms and
// entities (top IndexTerms) given.
func (c *Clusterer) joinIndexed(si, di int32, terms, ents, iTerms, iEnts []weighted) {
	s, d := c.stories[si], &c.docs[di]
	d.Story = si
	c.dirty[si] = true
	s.Docs = append(s.Docs, di)
	c.noteStory(si)
	s.Terms = c.plus(s.Terms, terms, &c.terms)
	s.Ents = c.plus(s.Ents, ents, &c.ents)
	c.addMeta(s, di)
	index := func(keys []weighted, postings *postings) {
		for _, x := range keys {
			list := postings.of(x.ID)
			if n := len(list); n > 0 && list[n-1] == si {
				continue
			}
			postings.set(x.ID, append(list, si))
		}
	}
	index(iTerms, &c.termPostings)
	index(iEnts, &c.entPostings)
}

// plus is a story vector with a document's added, pruned to
// CentroidTerms. Nothing to add (the documents of a merged story, whose
// vectors are summed already) leaves a pruned vector as it is.
func (c *Clusterer) plus(story, doc []weighted, v *vocab) []weighted {
	if len(doc) == 0 && len(story) <= c.p.CentroidTerms {
		return story
	}
	return c.sums.prunedSum(story, doc, c.p.CentroidTerms, v)
}

// quoteNumbers numbers a document's quotes (sorted store ids), sorted.
func (c *Clusterer) quoteNumbers(quotes []string) []uint32 {
	if len(quotes) == 0 {
		return nil
	}
	out := make([]uint32, len(quotes))
	for i, q := range quotes {
		id, ok := c.quoteIDs[q]
		if !ok {
			id = uint32(len(c.quoteIDs))
			c.quoteIDs[q] = id
		}
		out[i] = id
	}
	slices.Sort(out)
	return out
}

// sharesAny reports whether two sorted lists have an element in common.
func sharesAny(a, b []uint32) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			return true
		}
	}
	return false
}

// storyID names the story at index si.
func storyID(si int32) string { return "s" + itoa(int(si)+1) }

// Len is the number of documents placed.
func (c *Clusterer) Len() int { return len(c.docs) }

// StoryOf is the id of the story holding a document, and false when the
// document was never added.
func (c *Clusterer) StoryOf(docID string) (string, bool) {
	di, ok := c.docIndex[docID]
	if !ok {
		return "", false
	}
	return storyID(c.docs[di].Story), true
}

// Assignments maps every placed document id to its story id.
func (c *Clusterer) Assignments() map[string]string {
	m := make(map[string]string, len(c.docs))
	for _, d := range c.docs {
		m[d.ID] = storyID(d.Story)
	}
	return m
}
