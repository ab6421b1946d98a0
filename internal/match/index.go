package match

import (
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// docBits is how many low bits of a posting hold the document number; the
// high bits hold the top of the fingerprint hash. Packing both into one
// uint64 makes a posting 8 bytes and the index a few flat sorted arrays,
// so a corpus of a million documents (some 200 million postings) fits in
// under 2 GB and costs the garbage collector nothing to scan.
const docBits = 24

// MaxDocs is the number of documents one Index can hold.
const MaxDocs = 1 << docBits

const docMask = MaxDocs - 1

// Index is an inverted index from fingerprint hash to the documents that
// contain it, kept as sorted arrays of packed (hash, document) postings.
// Documents are numbered densely by the caller (0, 1, 2, …).
//
// Hashes are compared on their top 40 bits. Two fingerprints that agree
// there by chance only make a candidate pair that alignment, which compares
// whole token hashes, then rejects.
//
// Add appends to pending chunks; the first query after adding sorts them
// into the index (Freeze). Adding and querying must not run concurrently;
// queries may run concurrently with each other.
//
// The postings are split by the top partBits bits of the hash into parts,
// each sorted on its own. Add already appends each posting to its part's
// chunks, so Freeze sorts one part at a time, on all cores, and needs at
// once only the postings plus one sorted copy of a part per core: sorting
// one array of all postings would need a second array of them all, and
// growing one by append copies it again and again, the old copy held with
// the new (the peak at 1 M documents was several times the 1.6 GB the
// postings take). Chunks are never copied either.
//
// Each part has a directory: the offset of every bucket of postings that
// share the next dirBits bits of the hash, with dirBits chosen so a bucket
// holds 8 to 16 postings on average. A lookup reads one directory entry
// and searches a bucket that fits in a few cache lines, instead of some 25
// dependent probes of a binary search over the whole array, most of them
// cache misses.
type Index struct {
	parts    [numParts]part
	pending  int // postings in the parts' chunks, not yet sorted
	frozen   int // postings in the parts' sorted arrays
	dirBits  uint
	docs     int
	template map[uint64]uint32 // fingerprint (top bits) → group it is a template of
}

// part holds the postings whose hash starts with one value of its top
// partBits bits.
type part struct {
	// sorted are the part's postings, sorted and without repeats.
	sorted []uint64
	// dir[b] is the offset in sorted of bucket b, the first posting whose
	// dirBits hash bits after the part's are b or more; dir[1<<dirBits] is
	// len(sorted). Offsets are uint32, half the size of int: a part holds
	// at most math.MaxUint32 postings (Freeze panics beyond), which with
	// evenly spread hashes is some 10^12 postings in all, far more than
	// MaxDocs documents make.
	dir []uint32
	// chunks and tail are the postings added since the last Freeze: full
	// chunks, and the one being filled. A chunk is never grown (which
	// would copy it), only replaced by a larger one while they are small.
	chunks [][]uint64
	tail   []uint64
}

const (
	// partBits is how many top bits of the hash pick a part: 256 parts, so
	// that at a million documents a part is some 6 MB.
	partBits = 8
	numParts = 1 << partBits
	// keyBits is how many top bits of the hash a posting keeps.
	keyBits = 64 - docBits
	// firstChunk and maxChunk bound the postings of one pending chunk:
	// a part's chunks start small, so that small indexes stay small, and
	// double up to maxChunk (128 KiB), so that the chunks being filled
	// waste at most numParts·maxChunk·8 bytes (32 MiB) in all.
	firstChunk = 1 << 6
	maxChunk   = 1 << 14
)

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{} }

func pack(hash uint64, doc uint32) uint64 { return hash&^docMask | uint64(doc) }

// Add indexes a document's fingerprints. Each hash is posted once per
// document, however often it occurs in it. It panics when doc does not fit
// the index (MaxDocs), which the caller checks once for the corpus.
func (x *Index) Add(doc uint32, fps []Fingerprint) {
	if doc >= MaxDocs {
		panic(fmt.Sprintf("match: document number %d exceeds the index limit of %d", doc, MaxDocs))
	}
	x.docs++
	x.pending += len(fps)
	for _, fp := range fps {
		e := pack(fp.Hash, doc)
		p := &x.parts[e>>(64-partBits)]
		if len(p.tail) == cap(p.tail) {
			p.newChunk()
		}
		p.tail = append(p.tail, e)
	}
}

// newChunk sets the full tail aside and starts a new one.
func (p *part) newChunk() {
	n := firstChunk
	if p.tail != nil {
		p.chunks = append(p.chunks, p.tail)
		n = min(2*cap(p.tail), maxChunk)
	}
	p.tail = make([]uint64, 0, n)
}

// Freeze sorts pending postings into the index. Queries call it; call it
// yourself before querying from several goroutines.
//
// Each part with pending postings is sorted again as a whole: a radix pass
// by bucket, which also counts the directory, then a sort of each small
// bucket. Parts are sorted in parallel on up to runtime.GOMAXPROCS(0)
// goroutines. When the number of postings calls for another directory
// size, the directories of the other parts are rebuilt too.
func (x *Index) Freeze() {
	if x.pending == 0 {
		return
	}
	dirBits := dirBitsFor(x.frozen + x.pending)
	resize := dirBits != x.dirBits
	x.dirBits = dirBits
	var todo []int
	for i := range x.parts {
		p := &x.parts[i]
		if p.tail != nil || resize && len(p.sorted) > 0 {
			todo = append(todo, i)
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			cursor := make([]uint32, 1<<dirBits)
			for {
				i := int(next.Add(1)) - 1
				if i >= len(todo) {
					return
				}
				x.parts[todo[i]].freeze(dirBits, cursor)
			}
		})
	}
	wg.Wait()
	x.pending, x.frozen = 0, 0
	for i := range x.parts {
		x.frozen += len(x.parts[i].sorted)
	}
}

// dirBitsFor is the number of directory bits for n postings: buckets hold
// 8 to 16 postings on average (fewer than 16 a part when there are few),
// so the directory costs at most a sixteenth of the postings' memory.
func dirBitsFor(n int) uint {
	return min(uint(bits.Len64(uint64(n)>>(partBits+4))), keyBits-partBits)
}

// bucket is the directory bucket of posting e with dirBits bits.
func bucket(e uint64, dirBits uint) uint64 {
	return e << partBits >> (64 - dirBits) // a shift by 64 is 0 in Go
}

// freeze merges the part's pending postings into its sorted ones and
// rebuilds its directory for dirBits. cursor is scratch space of
// 1<<dirBits entries.
func (p *part) freeze(dirBits uint, cursor []uint32) {
	n := len(p.sorted)
	for _, c := range p.chunks {
		n += len(c)
	}
	n += len(p.tail)
	if n > math.MaxUint32 {
		panic(fmt.Sprintf("match: %d postings in one part of the index, more than its offsets hold (%d)", n, uint32(math.MaxUint32)))
	}
	dir := make([]uint32, 1<<dirBits+1)
	count := func(s []uint64) {
		for _, e := range s {
			dir[bucket(e, dirBits)+1]++
		}
	}
	count(p.sorted)
	for _, c := range p.chunks {
		count(c)
	}
	count(p.tail)
	for b := 1; b < len(dir); b++ {
		dir[b] += dir[b-1]
	}
	if p.tail == nil { // only the directory size changes
		p.dir = dir
		return
	}
	buf := make([]uint64, n)
	copy(cursor, dir)
	scatter := func(s []uint64) {
		for _, e := range s {
			b := bucket(e, dirBits)
			buf[cursor[b]] = e
			cursor[b]++
		}
	}
	// The sorted postings first: a bucket then starts sorted, and its
	// sort has less to do.
	scatter(p.sorted)
	p.sorted = nil
	for i, c := range p.chunks {
		scatter(c)
		p.chunks[i] = nil // the collector may take it back while others are sorted
	}
	scatter(p.tail)
	p.chunks, p.tail = nil, nil
	// Sort each bucket and drop repeats (a hash twice in a document, or
	// a document added twice), moving buckets down over the gaps.
	w := uint32(0)
	start := dir[0]
	for b := 0; b+1 < len(dir); b++ {
		end := dir[b+1]
		dir[b] = w
		s := buf[start:end]
		sortSmall(s)
		for k, e := range s {
			if k == 0 || e != s[k-1] {
				buf[w] = e
				w++
			}
		}
		start = end
	}
	dir[len(dir)-1] = w
	p.sorted, p.dir = buf[:w], dir
}

// sortSmall sorts s, by insertion when it is as short as a directory
// bucket mostly is.
func sortSmall(s []uint64) {
	if len(s) > 16 {
		slices.Sort(s)
		return
	}
	for i := 1; i < len(s); i++ {
		v := s[i]
		j := i
		for ; j > 0 && s[j-1] > v; j-- {
			s[j] = s[j-1]
		}
		s[j] = v
	}
}

// Docs is the number of documents added.
func (x *Index) Docs() int { return x.docs }

// Postings is the number of (fingerprint, document) postings held.
func (x *Index) Postings() int { return x.frozen + x.pending }

// postings returns the sorted postings whose hash agrees with h. The index
// must be frozen.
func (x *Index) postings(h uint64) []uint64 {
	s := x.bucketOf(h)
	p, _ := postingsIn(s, h&^docMask, middle(s), 0)
	return p
}

// bucketOf is the directory bucket h falls in: a key's postings all lie in
// one bucket. The index must be frozen.
func (x *Index) bucketOf(h uint64) []uint64 {
	p := &x.parts[h>>(64-partBits)]
	if p.dir == nil {
		return nil
	}
	b := bucket(h, x.dirBits)
	return p.sorted[p.dir[b]:p.dir[b+1]]
}

// middle is the middle element of s, the first a search of s reads, or 0.
func middle(s []uint64) uint64 {
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

// postingsIn returns the postings of key in its bucket s, whose middle
// element is mid, if there are at most limit of them (or limit is 0 or
// less), and false if there are more. Telling that needs a look at one
// posting, not a search for the end of a long list.
func postingsIn(s []uint64, key, mid uint64, limit int) ([]uint64, bool) {
	// The first posting of key, or where it would be.
	i := 0
	if h := len(s) / 2; key > 0 && len(s) > 0 {
		if mid < key {
			i = h + 1 + firstAbove(s[h+1:], key-1)
		} else {
			i = firstAbove(s[:h], key-1)
		}
	}
	if limit > 0 && limit < len(s)-i {
		if s[i+limit]&^docMask == key {
			return nil, false
		}
		s = s[:i+limit]
	}
	return s[i : i+firstAbove(s[i:], key|docMask)], true
}

// firstAbove is the index of the first element of sorted s above v.
func firstAbove(s []uint64, v uint64) int {
	i, j := 0, len(s)
	for i < j {
		h := int(uint(i+j) >> 1)
		if s[h] <= v {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// DF is the number of documents that contain the hash.
func (x *Index) DF(hash uint64) int {
	x.Freeze()
	return len(x.postings(hash))
}

// Candidate is a document that shares fingerprints with the query.
type Candidate struct {
	Doc    uint32
	Shared int // distinct shared fingerprints below the frequency limit
}

// CandidateOptions bound the work done for one query.
type CandidateOptions struct {
	// MaxDF: fingerprints found in more documents than this are not
	// followed; they are boilerplate or set phrases.
	MaxDF int
	// MinShared: candidates must share at least this many fingerprints.
	MinShared int
	// After: only documents numbered above this are returned, so that a
	// caller walking all documents meets each pair once. Use -1 for all.
	After int64
	// Exclude is never returned (the query document itself); -1 for none.
	Exclude int64
	// Group is the query document's group (its outlet; see Templates):
	// that group's template fingerprints are not followed. 0 for none.
	Group uint32
}

// Candidates returns the documents that share at least opt.MinShared
// fingerprints with fps, most shared first. counts is scratch space that
// may be passed back on the next call to avoid allocation; it may be nil.
func (x *Index) Candidates(fps []Fingerprint, opt CandidateOptions, counts map[uint32]int) ([]Candidate, map[uint32]int) {
	x.Freeze()
	if counts == nil {
		counts = make(map[uint32]int)
	} else {
		clear(counts)
	}
	// Fingerprints of one document repeat; count each hash once.
	hs := make([]uint64, len(fps))
	for i, fp := range fps {
		hs[i] = fp.Hash &^ docMask
	}
	slices.Sort(hs)
	hs = slices.Compact(hs)
	// The keys are looked up a batch at a time: first the bucket of each
	// and its middle posting, then the postings in each bucket. The reads
	// of the first step are independent of each other, so the processor
	// overlaps their cache misses (and page-table walks, as many as the
	// postings are large) instead of waiting for each in turn; a search
	// then finds its bucket in the cache.
	var buckets [16][]uint64
	var mids [16]uint64
	for len(hs) > 0 {
		n := min(len(hs), len(buckets))
		for k, h := range hs[:n] {
			buckets[k] = x.bucketOf(h)
			mids[k] = middle(buckets[k])
		}
		for k, h := range hs[:n] {
			if opt.Group != 0 && x.template != nil {
				if g, ok := x.template[h]; ok && g == opt.Group {
					continue
				}
			}
			p, ok := postingsIn(buckets[k], h, mids[k], opt.MaxDF)
			if !ok {
				continue
			}
			for _, e := range p {
				d := uint32(e & docMask)
				if int64(d) <= opt.After || int64(d) == opt.Exclude {
					continue
				}
				counts[d]++
			}
		}
		hs = hs[n:]
	}
	minShared := max(opt.MinShared, 1)
	var out []Candidate
	for d, n := range counts {
		if n >= minShared {
			out = append(out, Candidate{d, n})
		}
	}
	slices.SortFunc(out, func(a, b Candidate) int {
		if a.Shared != b.Shared {
			return b.Shared - a.Shared
		}
		return int(a.Doc) - int(b.Doc)
	})
	return out, counts
}
