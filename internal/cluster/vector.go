package cluster

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"

	"github.com/zeebo/xxh3"
)

// weighted is one coordinate of a sparse vector: a vocabulary id and its
// weight. Vectors are slices sorted by id, so two of them meet in one
// merge pass and take 8 bytes a coordinate — a million stories fit in
// memory.
type weighted struct {
	ID uint32
	W  float32
}

// vocab interns keys (term stems or entity keys) to ids and counts in how
// many documents each occurs, for inverse document frequency.
//
// Interning (IDs, Surface) and counting (DF, Docs) touch separate fields,
// and DF grows only as ids are counted, so that AddAll can intern the
// next documents' keys in one goroutine while another places documents.
type vocab struct {
	IDs     map[string]uint32
	Surface []string // display form of each id: as first written
	DF      []uint32 // by id; ids never counted may be missing at the end
	Docs    int      // documents counted
	// recent holds keys internBytes met lately, by hash (not saved).
	recent *recentKeys
	// byHash holds the ids of every key internBytes met, by hash (not
	// saved): a lookup in IDs reads the map's slots and the key's bytes
	// besides, most often two or three reads of memory the processor has
	// not cached, where this is one.
	byHash wordTable
	// touched is the sum of the slots touch read.
	touched uint32
	// lnDocs is ln1p(Docs), kept up to date by count (and readDocs when
	// a saved state is read): idf needs it at every coordinate, and past
	// len(lnSmall) documents it is a logarithm.
	lnDocs float64
}

func newVocab() vocab { return vocab{IDs: make(map[string]uint32)} }

// intern returns the id of key, adding it with its surface form if new.
// A new key and surface are copied: a prepared item's are often parts of
// its text, which the vocabulary would otherwise keep whole.
func (v *vocab) intern(key, surface string) uint32 {
	if id, ok := v.IDs[key]; ok {
		return id
	}
	return v.add(strings.Clone(key), strings.Clone(surface))
}

// add adds a key not interned yet.
func (v *vocab) add(key, surface string) uint32 {
	id := uint32(len(v.Surface))
	v.IDs[key] = id
	v.Surface = append(v.Surface, surface)
	return id
}

// internBytes is intern for a key and surface read from a record: a key
// already interned costs no string. A vocabulary of a corpus is far
// larger than the processor's caches, and a lookup in IDs touches the
// key's bytes as well as the map, so the keys met lately are looked for
// first in a small table by their 64-bit hash (taken for the key, as the
// stem cache and the reuse index take a word's hash).
func (v *vocab) internBytes(key, surface []byte) uint32 {
	return v.internHash(xxh3.Hash(key), key, surface)
}

// internHash is internBytes of a key whose hash (xxh3.Hash) is h.
func (v *vocab) internHash(h uint64, key, surface []byte) uint32 {
	if v.recent == nil {
		v.recent = new(recentKeys)
	}
	slot := &v.recent[h&uint64(len(v.recent)-1)]
	if slot.hash == h && slot.id1 > 0 {
		return slot.id1 - 1
	}
	var id uint32
	if ws, ok := v.byHash.get(h); ok {
		id = ws.number
	} else {
		if id, ok = v.IDs[string(key)]; !ok {
			id = v.add(string(key), string(surface))
		}
		v.byHash.put(h, wordStem{number: id})
	}
	*slot = recentKey{h, id + 1}
	return id
}

// touch reads the slots of byHash where the lookups of the entries'
// keys start, so that interning them next finds those slots in the
// processor's caches (see Clusterer.readRecord); the sum of what it
// read is kept so that the reads are made.
func (v *vocab) touch(raw []rawTerm) {
	slots := v.byHash.slots
	if len(slots) == 0 {
		return
	}
	var touched uint32
	shift := 64 - bits.TrailingZeros(uint(len(slots)))
	for i := range raw {
		touched += slots[raw[i].hash>>shift].number1
	}
	v.touched += touched
}

// recentKeys are the slots of vocab.recent, a power of two of them.
type recentKeys [1 << 12]recentKey

// recentKey is a key's hash and its id plus one (0: an empty slot).
type recentKey struct {
	hash uint64
	id1  uint32
}

// fill gives every interned id a document frequency, as a saved state
// needs; call it only when no one is interning.
func (v *vocab) fill() {
	if n := len(v.Surface) - len(v.DF); n > 0 {
		v.DF = append(v.DF, make([]uint32, n)...)
	}
}

// idf is the smoothed inverse document frequency, ln((1+N)/(1+df))+1. The
// smoothing keeps it meaningful on a handful of documents, where the
// unsmoothed form would call every shared word common, and it never
// reaches zero, so a word in every document still counts a little.
func (v *vocab) idf(id uint32) float64 {
	return v.lnDocs - ln1p(int(v.DF[id])) + 1
}

// readDocs brings lnDocs up to date with Docs, as a vocabulary read from
// a saved state needs.
func (v *vocab) readDocs() { v.lnDocs = ln1p(v.Docs) }

// lnSmall holds ln(1+n) for the counts most terms have: idf is computed
// for every coordinate of every comparison, and the table spares the
// logarithm.
var lnSmall = func() []float64 {
	t := make([]float64, 1<<16)
	for i := range t {
		t[i] = math.Log(float64(1 + i))
	}
	return t
}()

// ln1p is ln(1+n).
func ln1p(n int) float64 {
	if n < len(lnSmall) {
		return lnSmall[n]
	}
	return math.Log(float64(1 + n))
}

// lnCount is ln(n), from the table of small logarithms when n is in it
// (lnSmall[n-1] is math.Log(n) itself).
func lnCount(n int) float64 {
	if n >= 1 && n <= len(lnSmall) {
		return lnSmall[n-1]
	}
	return math.Log(float64(n))
}

// count adds one document holding the ids of vec to the frequencies.
func (v *vocab) count(vec []weighted) {
	v.Docs++
	v.lnDocs = ln1p(v.Docs)
	if n := len(vec); n > 0 && int(vec[n-1].ID) >= len(v.DF) { // vec is sorted by id
		v.DF = append(v.DF, make([]uint32, int(vec[n-1].ID)+1-len(v.DF))...)
	}
	for _, x := range vec {
		v.DF[x.ID]++
	}
}

// idCount is a vocabulary id and how often a document has it.
type idCount struct {
	id uint32
	n  int
}

// unitVector turns counts into a sorted vector of sublinear term
// frequencies (1 + ln count) scaled to unit length, so that every document
// weighs the same in a story's centroid however long it is. An id may
// occur several times in counts; its counts add up. counts is sorted in
// place.
func unitVector(counts []idCount) []weighted { return unitVectorWith(counts, nil) }

// unitVectorWith is unitVector sorting with keys as scratch (see sortByID).
func unitVectorWith(counts []idCount, keys *[]uint64) []weighted {
	return unitVectorIn(nil, counts, keys)
}

// unitVectorIn is unitVectorWith made in room when room is at least as
// long as counts (else in room of its own).
func unitVectorIn(room []weighted, counts []idCount, keys *[]uint64) []weighted {
	sortByID(counts, keys)
	vec := room[:0]
	if cap(room) < len(counts) {
		vec = make([]weighted, 0, len(counts))
	}
	var norm float64
	for i := 0; i < len(counts); {
		id, n := counts[i].id, 0
		for ; i < len(counts) && counts[i].id == id; i++ {
			n += counts[i].n
		}
		w := 1 + lnCount(n)
		norm += w * w
		vec = append(vec, weighted{id, float32(w)})
	}
	norm = math.Sqrt(norm)
	for i := range vec {
		vec[i].W = float32(float64(vec[i].W) / norm)
	}
	return vec
}

// sortByID sorts counts by id (counts of one id in any order). Each
// packed with its count into one number, they sort as plain integers,
// without a call of a comparison function at every step; and a list of
// radixMin or more is sorted by its ids' bytes (radixByID), a few passes
// over it where a comparison sort's branches are a coin toss at every
// step: on the few hundred terms of a document, which placing's reader
// sorts for every document, a third of the time. The numbers are kept in
// *scratch when it is not nil, grown as needed.
func sortByID(counts []idCount, scratch *[]uint64) {
	n := len(counts)
	var keys []uint64
	if scratch != nil {
		keys = slices.Grow((*scratch)[:0], 2*n)[:2*n]
		*scratch = keys
	} else {
		keys = make([]uint64, 2*n)
	}
	keys, tmp := keys[:n], keys[n:]
	var most uint32
	for i, c := range counts {
		if c.n < 0 || c.n > math.MaxUint32 {
			slices.SortFunc(counts, func(a, b idCount) int { return cmp.Compare(a.id, b.id) })
			return
		}
		keys[i] = uint64(c.id)<<32 | uint64(c.n)
		most |= c.id
	}
	if n < radixMin {
		slices.Sort(keys)
	} else {
		keys = radixByID(keys, tmp, bits.Len32(most))
	}
	for i, k := range keys {
		counts[i] = idCount{uint32(k >> 32), int(uint32(k))}
	}
}

// radixMin is the shortest list sortByID sorts by bytes: below it a
// comparison sort is as fast.
const radixMin = 64

// radixByID sorts keys (id<<32 | count) by id, ids of idBits bits at
// most, a byte of the id a pass (least significant first, each pass
// stable), with tmp (as long as keys) as the other buffer; it returns
// whichever of the two holds the sorted keys. Keys of one id keep their
// order.
func radixByID(keys, tmp []uint64, idBits int) []uint64 {
	for shift := 32; shift < 32+idBits; shift += 8 {
		var at [256]int32
		for _, k := range keys {
			at[byte(k>>shift)]++
		}
		sum := int32(0)
		for b, c := range at {
			at[b] = sum
			sum += c
		}
		for _, k := range keys {
			b := byte(k >> shift)
			tmp[at[b]] = k
			at[b]++
		}
		keys, tmp = tmp, keys
	}
	return keys
}

// cosine is the cosine similarity of a and b with every coordinate scaled
// by the current idf of its id.
func cosine(a, b []weighted, v *vocab) float64 {
	nb := -1.0
	return cosineKept(a, b, v, &nb)
}

// cosineKept is cosine with the norm of b (normOf, Σ (w·idf)² summed as
// cosine sums it) in *nb, or summed into it when *nb is negative and
// the cosine needs it: a caller comparing many vectors with one b sums
// its norm once, the same value to the bit.
func cosineKept(a, b []weighted, v *vocab, nb *float64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	var dot, na float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].ID < b[j].ID:
			i++
		case a[i].ID > b[j].ID:
			j++
		default:
			idf := v.idf(a[i].ID)
			dot += float64(a[i].W) * float64(b[j].W) * idf * idf
			i++
			j++
		}
	}
	if dot == 0 {
		return 0
	}
	for _, x := range a {
		w := float64(x.W) * v.idf(x.ID)
		na += w * w
	}
	if *nb < 0 {
		*nb = normOf(b, v)
	}
	return dot / math.Sqrt(na*(*nb))
}

// query is a vector scored against many others while the vocabulary
// stands still (one placement, one pass of Settle or Narratives): its
// weighted norm is summed once, and a table by id finds its coordinates,
// so each comparison is one pass over the other vector. Its cosines are
// those of cosine to the last bit: the same products summed in the same
// order.
type query struct {
	vec  []weighted
	norm float64 // Σ (w·idf)², summed in id order as cosine does
	at   []int32 // at[id]: 1 + the index of id in vec, 0 when absent
	// has has bit id mod queryBits set for every id of vec: a table of a
	// few KB, in the core's own cache, where at, as long as the
	// vocabulary, is read at random from memory the caches do not hold.
	// Most coordinates of a vector compared are not the query's, and
	// their bit tells so without reading at.
	has *[queryBits / 64]uint64
}

// queryBits is how many bits query.has has (a power of two): a query
// has at most a few hundred ids, so few other ids share a bit with one.
const queryBits = 1 << 15

// mark sets (on) or clears the bits of query.has of the ids of vec.
func (q *query) mark(vec []weighted, on bool) {
	for _, x := range vec {
		b := x.ID & (queryBits - 1)
		if on {
			q.has[b>>6] |= 1 << (b & 63)
		} else {
			q.has[b>>6] &^= 1 << (b & 63)
		}
	}
}

// set makes q the query for vec under the vocabulary's current counts.
func (q *query) set(vec []weighted, v *vocab) {
	q.setNormed(vec, normOf(vec, v), v)
}

// setNormed is set given normOf(vec, v) as norm (the norm set sums, to
// the bit): the same query, the counts not read.
func (q *query) setNormed(vec []weighted, norm float64, v *vocab) {
	for _, x := range q.vec {
		q.at[x.ID] = 0
	}
	if q.has == nil {
		q.has = new([queryBits / 64]uint64)
	}
	q.mark(q.vec, false)
	if n := len(v.DF); len(q.at) < n {
		q.at = append(q.at, make([]int32, n-len(q.at))...)
	}
	q.vec, q.norm = vec, norm
	for i, x := range vec {
		q.at[x.ID] = int32(i + 1)
	}
	q.mark(vec, true)
}

// release forgets the query's vector (its table cleared), so that the
// caller may reuse the vector's memory: the next set would clear the
// table from it.
func (q *query) release() {
	for _, x := range q.vec {
		q.at[x.ID] = 0
	}
	if q.has != nil {
		q.mark(q.vec, false)
	}
	q.vec = nil
}

// cosine is cosine(q.vec, b, v).
//
// Each coordinate of b reads its count and the query's table by id, at a
// large vocabulary both scattered through memory the caches do not hold,
// and whether the query has the id is a branch the processor mostly
// cannot foresee: in one loop each wrong guess dropped the reads begun
// for the coordinates after it. So the reads of a run of coordinates are
// gathered first, in a loop of nothing else, where they overlap; the
// sums are then those of one loop, in the same order, to the bit.
func (q *query) cosine(b []weighted, v *vocab) float64 {
	if len(q.vec) == 0 || len(b) == 0 {
		return 0
	}
	base := v.lnDocs
	var dot, nb float64
	var g gathered
	for len(b) > 0 {
		part := b[:min(len(b), gatherRun)]
		b = b[len(part):]
		g.counts(part, v)
		g.slots(part, q)
		for i, y := range part {
			idf := base - ln1p(int(g.df[i])) + 1 // v.idf(y.ID)
			if k := g.at[i]; k > 0 {
				dot += float64(q.vec[k-1].W) * float64(y.W) * idf * idf
			}
			w := float64(y.W) * idf
			nb += w * w
		}
	}
	if dot == 0 {
		return 0
	}
	return dot / math.Sqrt(q.norm*nb)
}

// gatherRun is how many coordinates a comparison reads ahead (gathered).
const gatherRun = 64

// gathered holds what a run of a vector's coordinates read from the
// vocabulary's counts and the query's table, by coordinate.
type gathered struct {
	df [gatherRun]uint32
	at [gatherRun]int32
}

// counts reads the counts of part (at most gatherRun coordinates).
func (g *gathered) counts(part []weighted, v *vocab) {
	df := g.df[:len(part)]
	for i, y := range part {
		df[i] = v.DF[y.ID]
	}
}

// slots reads the query's table at the ids of part (at most gatherRun
// coordinates): 0 where the query lacks the id. Only the ids whose bit
// of q.has is set read the table.
func (g *gathered) slots(part []weighted, q *query) {
	at := g.at[:len(part)]
	has := q.has
	for i, y := range part {
		k := int32(0)
		if b := y.ID & (queryBits - 1); has[b>>6]&(1<<(b&63)) != 0 && int(y.ID) < len(q.at) {
			k = q.at[y.ID]
		}
		at[i] = k
	}
}

// normOf is Σ (w·idf)² of b under the vocabulary's current counts, summed
// as cosine sums it, so that cosineNormed with it is cosine to the bit.
func normOf(b []weighted, v *vocab) float64 {
	base := v.lnDocs
	var nb float64
	for _, y := range b {
		idf := base - ln1p(int(v.DF[y.ID])) + 1
		w := float64(y.W) * idf
		nb += w * w
	}
	return nb
}

// cosineNormed is cosine(b, v) given normOf(b, v) as nb. Only the
// coordinates b shares with the query read their counts: when one vector
// is compared many times under the same counts (a story with the
// candidates of each other story), its norm is summed once, and the
// vocabulary's counts, scattered through memory far larger than the
// caches at a large corpus, are read only where the query has the term.
func (q *query) cosineNormed(b []weighted, nb float64, v *vocab) float64 {
	if len(q.vec) == 0 || len(b) == 0 {
		return 0
	}
	base := v.lnDocs
	var dot float64
	var g gathered
	for len(b) > 0 {
		part := b[:min(len(b), gatherRun)]
		b = b[len(part):]
		g.slots(part, q) // read first, as cosine reads them
		for i, y := range part {
			if k := g.at[i]; k > 0 {
				idf := base - ln1p(int(v.DF[y.ID])) + 1
				dot += float64(q.vec[k-1].W) * float64(y.W) * idf * idf
			}
		}
	}
	if dot == 0 {
		return 0
	}
	return dot / math.Sqrt(q.norm*nb)
}

// add returns the sum of two sorted vectors.
func add(a, b []weighted) []weighted {
	return appendSum(make([]weighted, 0, len(a)+len(b)), a, b)
}

// appendSum appends the sum of two sorted vectors to out.
func appendSum(out, a, b []weighted) []weighted {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].ID < b[j].ID:
			out = append(out, a[i])
			i++
		case a[i].ID > b[j].ID:
			out = append(out, b[j])
			j++
		default:
			out = append(out, weighted{a[i].ID, a[i].W + b[j].W})
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// sub returns a − b for sorted vectors, dropping coordinates that fall to
// (about) zero or below: b is a part of the sum a that leaves it.
func sub(a, b []weighted) []weighted {
	const eps = 1e-5
	out := make([]weighted, 0, len(a))
	j := 0
	for _, x := range a {
		for j < len(b) && b[j].ID < x.ID {
			j++
		}
		if j < len(b) && b[j].ID == x.ID {
			x.W -= b[j].W
		}
		if x.W > eps {
			out = append(out, x)
		}
	}
	return out
}

// scored is a coordinate with its weight × idf, for ranking.
type scored struct {
	x     weighted
	score float64
}

// betterScored orders coordinates by score, highest first, ties by id: a
// total order, so the best n are one set however they are found.
func betterScored(a, b scored) bool {
	return a.score > b.score || a.score == b.score && a.x.ID < b.x.ID
}

// top returns the n coordinates of vec with the largest weight × idf,
// sorted by that score, highest first (ties by id). It selects the n
// before sorting them: a story's sum has hundreds of coordinates and only
// its first few are asked for.
func top(vec []weighted, n int, v *vocab) []weighted {
	ss := make([]scored, 0, len(vec))
	return topIn(&ss, vec, n, v)
}

// topIn is top with the coordinates scored in *ss, room the caller keeps
// from call to call (grown when too short): only the result is new. A
// document's or story's hundreds of coordinates are scored at every
// placing, lookup of candidates and move.
func topIn(ss *[]scored, vec []weighted, n int, v *vocab) []weighted {
	return topInto(make([]weighted, 0, max(0, min(n, len(vec)))), ss, vec, n, v)
}

// sortedTop is the coordinates of ss sorted by score, highest first (ties
// by id); ss is sorted in place.
func sortedTop(ss []scored) []weighted {
	return appendSortedTop(make([]weighted, 0, len(ss)), ss)
}

// appendSortedTop is sortedTop appended to out.
func appendSortedTop(out []weighted, ss []scored) []weighted {
	sortScored(ss)
	for i := range ss {
		out = append(out, ss[i].x)
	}
	return out
}

// topInto is topIn appended to out (room the caller keeps), not new.
func topInto(out []weighted, ss *[]scored, vec []weighted, n int, v *vocab) []weighted {
	n = max(0, min(n, len(vec)))
	*ss = appendScored((*ss)[:0], vec, v)
	s := *ss
	selectFirst(s, n)
	return appendSortedTop(out, s[:n])
}

// sortScored sorts ss by score, highest first (ties by id). The few
// that ranking and lookups sort (QueryTerms, IndexTerms) are sorted by
// insertion, the comparison inlined, where slices.SortFunc called a
// function value for each comparison.
func sortScored(ss []scored) {
	if len(ss) > maxInsertionSort {
		slices.SortFunc(ss, func(a, b scored) int {
			if betterScored(a, b) {
				return -1
			}
			return 1
		})
		return
	}
	for i := 1; i < len(ss); i++ {
		x, j := ss[i], i
		for ; j > 0 && betterScored(x, ss[j-1]); j-- {
			ss[j] = ss[j-1]
		}
		ss[j] = x
	}
}

// maxInsertionSort is the most coordinates or candidates sortScored and
// sortCandidates sort by insertion; longer lists go to slices.SortFunc.
const maxInsertionSort = 32

// bestScored returns the n best coordinates of vec, in no order.
func bestScored(vec []weighted, n int, v *vocab) []scored {
	n = max(0, min(n, len(vec)))
	ss := appendScored(make([]scored, 0, len(vec)), vec, v)
	selectFirst(ss, n)
	return ss[:n]
}

// appendScored appends the coordinates of vec with their scores to ss.
// The counts, at ids scattered through the vocabulary, are read first in
// a loop of nothing else (see query.cosine), into the scores' room.
func appendScored(ss []scored, vec []weighted, v *vocab) []scored {
	base := v.lnDocs
	from := len(ss)
	ss = slices.Grow(ss, len(vec))[:from+len(vec)]
	out := ss[from:]
	for i, x := range vec {
		out[i] = scored{x, float64(v.DF[x.ID])}
	}
	for i := range out {
		out[i].score = float64(out[i].x.W) * (base - ln1p(int(out[i].score)) + 1) // v.idf, with ln(1+N) read once
	}
	return ss
}

// selectFirst reorders s so that its first n elements are the n best
// under betterScored, a strict total order, in no particular order
// (quickselect, linear on average). It is written for scored alone, so
// that the comparison, made several times for each element, is inlined
// rather than called through a function value.
func selectFirst(s []scored, n int) {
	lo, hi := 0, len(s)
	for n > lo && n < hi && hi-lo > 1 {
		// Median of three as pivot, moved to the end.
		a, b, c := lo, lo+(hi-lo)/2, hi-1
		if betterScored(s[b], s[a]) {
			a, b = b, a
		}
		if betterScored(s[c], s[b]) {
			b = c
			if betterScored(s[b], s[a]) {
				b = a
			}
		}
		s[b], s[hi-1] = s[hi-1], s[b]
		pivot := s[hi-1]
		at := lo
		for i := lo; i < hi-1; i++ {
			if betterScored(s[i], pivot) {
				s[at], s[i] = s[i], s[at]
				at++
			}
		}
		s[at], s[hi-1] = s[hi-1], s[at]
		// s[lo:at] are better than the pivot, now at s[at].
		switch {
		case at == n || at == n-1:
			return
		case at > n:
			hi = at
		default:
			lo = at + 1
		}
	}
}

// prune keeps the n most telling coordinates of vec, sorted by id again.
func prune(vec []weighted, n int, v *vocab) []weighted {
	if len(vec) <= n {
		return vec
	}
	return pruned(bestScored(vec, n, v))
}

// pruned is the coordinates of ss sorted by id.
func pruned(ss []scored) []weighted {
	out := make([]weighted, len(ss))
	for i := range ss {
		out[i] = ss[i].x
	}
	sortWeighted(out)
	return out
}

// sortWeighted sorts coordinates of one vector (unique ids) by id. Each
// packed with its weight's bits below its id, they sort as plain
// integers, without a call of a comparison function at every step.
func sortWeighted(vec []weighted) {
	keys := make([]uint64, len(vec))
	for i, x := range vec {
		keys[i] = uint64(x.ID)<<32 | uint64(math.Float32bits(x.W))
	}
	slices.Sort(keys)
	for i, k := range keys {
		vec[i] = weighted{uint32(k >> 32), math.Float32frombits(uint32(k))}
	}
}

// sumScratch is the room a sum of two vectors takes before it is pruned
// (prunedSum), kept by the clusterer for its serial steps: a story's
// vector is summed and pruned at every document it takes.
type sumScratch struct {
	sum    []weighted
	ss     []scored
	scores []float64
}

// prunedSum is prune(add(a, b), n, v), in a new slice.
func (sc *sumScratch) prunedSum(a, b []weighted, n int, v *vocab) []weighted {
	sc.sum = appendSum(sc.sum[:0], a, b)
	if len(sc.sum) <= n {
		return slices.Clone(sc.sum)
	}
	sc.ss = appendScored(sc.ss[:0], sc.sum, v)
	sc.scores = appendScores(sc.scores[:0], sc.ss)
	selectFirst(sc.ss, n)
	return keptBest(sc.sum, sc.scores, worstScored(sc.ss[:n]), n)
}

// appendScores appends the scores of ss to out.
func appendScores(out []float64, ss []scored) []float64 {
	for _, s := range ss {
		out = append(out, s.score)
	}
	return out
}

// worstScored is the last of ss (not empty) under betterScored.
func worstScored(ss []scored) scored {
	w := ss[0]
	for _, s := range ss[1:] {
		if betterScored(w, s) {
			w = s
		}
	}
	return w
}

// keptBest is the n coordinates of vec (sorted by id, scores[i] the
// score of vec[i]) that are worst or better than it, in a new slice
// sorted by id: pruned of the best n, without sorting them again (the
// order of betterScored is total, so these are the best n).
func keptBest(vec []weighted, scores []float64, worst scored, n int) []weighted {
	out := make([]weighted, 0, n)
	for i, x := range vec {
		if x.ID == worst.x.ID || betterScored(scored{x, scores[i]}, worst) {
			out = append(out, x)
		}
	}
	return out
}
