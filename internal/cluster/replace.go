package cluster

import (
	"cmp"
	"hash/fnv"
	"maps"
	"slices"
	"time"
)

// orderKey is where a document stands in the order Order places a batch
// in: its day (undated last), then a hash of its id, then the id.
type orderKey struct {
	Day  int64 // Unix seconds of the UTC day; undated is far in the future
	Hash uint64
	ID   string
}

// undatedDay sorts undated documents after every dated one.
var undatedDay = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

func keyOf(date time.Time, id string) orderKey {
	day := undatedDay
	if !date.IsZero() {
		day = date.UTC().Truncate(24 * time.Hour)
	}
	h := fnv.New64a()
	h.Write([]byte(id))
	return orderKey{day.Unix(), h.Sum64(), id}
}

func (a orderKey) compare(b orderKey) int {
	return cmp.Or(cmp.Compare(a.Day, b.Day), cmp.Compare(a.Hash, b.Hash), cmp.Compare(a.ID, b.ID))
}

// noteOrder records whether document di arrived in the order a batch of
// all documents would have placed it in; one that arrived after a
// document that sorts after it is out of order, and Settle places its
// neighbourhood again (see replace).
func (c *Clusterer) noteOrder(di int32) {
	k := keyOf(c.docs[di].Date, c.docs[di].ID)
	if len(c.docs) > 1 && k.compare(c.maxKey) < 0 {
		c.unordered = append(c.unordered, di)
		return
	}
	c.maxKey = k
}

// replace makes the stories around documents that arrived out of order
// what a batch would have made of them. Greedy placement is a local
// optimum that depends on which documents came first: a story that took
// in two similar events early stays one, each of its documents fitting
// it, whatever Settle's moves and merges try; and a document that bridges
// two stories joins one of them. So the region the late documents touch
// — their stories and every story they fit at the threshold — is taken
// apart, and its documents are placed again, in the order Order gives,
// with the document frequencies of now, into the emptied stories. A
// region reached by every document (all arrived in a random order) is
// rebuilt whole, which gives the same stories in any order; a stream
// that arrives in date order rebuilds only what its late documents touch,
// and a batch placed in order (Recluster, a first analysis) nothing.
// Documents tied by reuse stay in their story and seed it. It returns
// how many documents were placed again.
func (c *Clusterer) replace() int {
	if len(c.unordered) == 0 {
		return 0
	}
	region := make(map[int32]bool)
	for _, di := range c.unordered {
		si := c.docs[di].Story
		region[si] = true
		d := &c.docs[di]
		f := features{terms: d.Terms, ents: d.Ents}
		cands := c.candidates(&f)
		c.near.set(c, f.terms, f.ents)
		for _, ti := range cands {
			if ti != si && c.scoreNear(d.Quotes, c.stories[ti], d.Date) >= c.p.Threshold {
				region[ti] = true
			}
		}
	}
	c.unordered = c.unordered[:0]

	// A story's vector is the sum of its documents' whole vectors, while
	// a document keeps only its DocTerms most telling terms: what is left
	// when the kept ones are taken away (words common to many documents,
	// a narrative's theme) goes back to the story that takes most of the
	// old story's documents, so that story-to-story links survive.
	type residue struct {
		old         int32
		terms, ents []weighted
	}
	var rests []residue
	was := make(map[int32]int32) // document → its story before
	var docs, free []int32
	for _, si := range slices.Sorted(maps.Keys(region)) {
		s := c.stories[si]
		r := residue{old: si, terms: s.Terms, ents: s.Ents}
		for _, di := range s.Docs {
			r.terms, r.ents = sub(r.terms, c.docs[di].Terms), sub(r.ents, c.docs[di].Ents)
			was[di] = si
		}
		rests = append(rests, r)
		var pinned []int32
		for _, di := range s.Docs {
			if c.docs[di].Pinned {
				pinned = append(pinned, di)
			} else {
				docs = append(docs, di)
			}
		}
		*s = story{}
		c.noteStory(si)
		c.dirty[si] = true
		for _, di := range pinned {
			d := &c.docs[di]
			c.join(si, di, d.Terms, d.Ents)
		}
		if len(pinned) == 0 {
			free = append(free, si)
		}
	}
	keys := make(map[int32]orderKey, len(docs))
	for _, di := range docs {
		keys[di] = keyOf(c.docs[di].Date, c.docs[di].ID)
	}
	slices.SortFunc(docs, func(a, b int32) int { return keys[a].compare(keys[b]) })
	for _, di := range docs {
		to, score := c.bestOther(di, -1)
		if to < 0 || score < c.p.Threshold {
			if len(free) > 0 {
				to, free = free[0], free[1:]
			} else {
				to = c.newStory()
			}
		}
		d := &c.docs[di]
		c.join(to, di, d.Terms, d.Ents)
	}
	votes := make(map[int32]map[int32]int) // old story → new story → documents
	for di, old := range was {
		if votes[old] == nil {
			votes[old] = make(map[int32]int)
		}
		votes[old][c.docs[di].Story]++
	}
	for _, r := range rests {
		to, most := int32(-1), 0
		for si, n := range votes[r.old] {
			if n > most || n == most && si < to {
				to, most = si, n
			}
		}
		if to >= 0 {
			st := c.stories[to]
			st.Terms = c.sums.prunedSum(st.Terms, r.terms, c.p.CentroidTerms, &c.terms)
			st.Ents = c.sums.prunedSum(st.Ents, r.ents, c.p.CentroidTerms, &c.ents)
		}
	}
	for _, si := range free {
		if len(c.stories[si].Docs) == 0 {
			delete(c.dirty, si)
		}
	}
	c.compactPostings(docs)
	return len(docs)
}

// compactPostings tidies the index entries the documents are indexed
// under after they were placed again: each story is listed once, where it
// was last active, and emptied stories not at all, so that the tail of
// PostingTail stories an entry is read by still holds that many live ones.
func (c *Clusterer) compactPostings(docs []int32) {
	tidy := func(vec []weighted, v *vocab, postings *postings, done map[uint32]bool) {
		for _, x := range topIn(&c.cands.ss, vec, c.p.IndexTerms, v) {
			if done[x.ID] {
				continue
			}
			done[x.ID] = true
			list := postings.of(x.ID)
			seen := make(map[int32]bool, len(list))
			keep := list[:0:0]
			for i := len(list) - 1; i >= 0; i-- {
				si := list[i]
				s := c.stories[si]
				if seen[si] || (len(s.Docs) == 0 && s.Into == 0) {
					continue
				}
				seen[si] = true
				keep = append(keep, si)
			}
			slices.Reverse(keep)
			postings.set(x.ID, keep)
		}
	}
	doneTerms, doneEnts := make(map[uint32]bool), make(map[uint32]bool)
	for _, di := range docs {
		d := &c.docs[di]
		tidy(d.Terms, &c.terms, &c.termPostings, doneTerms)
		tidy(d.Ents, &c.ents, &c.entPostings, doneEnts)
	}
}
