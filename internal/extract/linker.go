package extract

import (
	"encoding/binary"
	"encoding/hex"
	"math/bits"
	"slices"

	"github.com/echotrace/echotrace/internal/normalize"
	"github.com/zeebo/xxh3"
)

// Linker joins occurrences into quotes as they come, so that a corpus of
// any size is linked in one pass without holding its occurrences: two are
// the same quote when their words are identical, or when they are of one
// kind, both have at least linkMinWords words, and at least
// linkContainment of the shorter one's words and linkBigrams of its word
// pairs occur in the longer, and those words are at least linkAgreement
// of the longer one's. Candidates come from an index of word
// shingles, never from all pairs.
//
// What it keeps is bounded per occurrence and small: a union-find parent
// and the length and word hash of each group's longest occurrence; for
// one occurrence of each distinct text long enough to be a near match,
// its words and word pairs as sorted 32-bit hashes; the shingle index,
// whose lists stop growing at linkMaxPostings (a shingle that common is
// a stock phrase, not evidence). The work per occurrence is bounded too:
// shingles are looked up rarest first and at most linkMaxTouches postings
// are read, so a quote-heavy document costs time linear in its size, and
// at most the newest linkListReads of one shingle, so that an
// occurrence's cost does not grow with the corpus as the lists do.
//
// Quote ids depend on the group's longest occurrence (of equal length,
// the one with the smaller id hash), so they are known once every
// occurrence has been added.
type Linker struct {
	kinds []Kind  // the kinds met, by code
	kind  []uint8 // per occurrence: code of its kind
	// Union-find over occurrences, and per group root its longest
	// occurrence: text length, index, and hash of kind and words (the id).
	parent   []int32
	bestLen  []int32
	bestIdx  []int32
	bestHash []uint64
	// exact maps the id hash of a text to its first occurrence.
	exact firstTable
	// Occurrences that take part in near matching ("representatives"),
	// with their sorted hashed words followed by their word pairs in
	// arena[repOff[r]:repOff[r+1]], the words being the first
	// reps[r].words.
	reps   []rep
	repOff []int64
	arena  []uint32
	index  shingleIndex
	// scratch: the kind, a zero byte and the keys joined by spaces
	// (idText), the keys beginning at keysAt, each ending at its offset
	// in ends
	idText   []byte
	keysAt   int
	ends     []int
	hashes   []uint64
	words    []uint32
	pairs    []uint32
	sig      uint64    // wordSig of the scratch words
	bitWords [64]int32 // how many of the scratch words have each bit of sig
	shs      []uint64
	homes    []shingleSlot // the slots where l.shs's searches start
	// at is, for each of l.shs, its slot or the empty one where it
	// would go, as linkNear found them, while the index has grown
	// atGrowth times: addRep inserts there without searching again.
	at        []int32
	atGrowth  int
	lookups   []shingleLookup
	cands     []int32 // the representatives of the postings read
	candWords []uint32
	candSigs  []uint64
}

// rep is what a candidate representative is first tested by, in one
// record: once the index outgrows the processor's caches each candidate
// read is a cache miss, and most candidates are refused by these alone.
type rep struct {
	sig   uint64 // wordSig of its words
	words uint32 // how many distinct words
	occ   int32  // the occurrence
	stamp int32  // the occurrence that last read it
	kind  uint8  // code of its kind
}

// linkMaxTouches bounds the index postings one occurrence reads.
const linkMaxTouches = 4096

// linkListReads bounds the postings one occurrence reads of one
// shingle's list: its newest ones. A list that long is of a phrase many
// quotes share; a quote that recurs with variants has its newest ones
// in it, and any one of its group links the occurrence to the group.
// Without this bound the postings an occurrence reads grow with the
// corpus until linkMaxTouches, and so does its cost.
const linkListReads = 64

// NewLinker returns an empty linker.
func NewLinker() *Linker {
	return &Linker{exact: newFirstTable(), repOff: []int64{0}, index: newShingleIndex()}
}

// Len is the number of occurrences added.
func (l *Linker) Len() int { return len(l.parent) }

// Add links the next occurrence and returns its number (0, 1, …), by
// which ID names its quote once every occurrence is added.
func (l *Linker) Add(o Occurrence) int {
	i := int32(len(l.parent))
	// The id hashes the kind, a zero byte and the keys joined by spaces,
	// put together in a reused buffer; the words' hashes are of the keys
	// in it (normalize.AppendKeys: the keys of normalize.Tokens, without
	// a Token or a string for each).
	l.idText = append(append(l.idText[:0], o.Kind...), 0)
	l.keysAt = len(l.idText)
	l.idText, l.ends = normalize.AppendKeys(l.idText, l.ends[:0], o.Text)
	id := xxh3.Hash(l.idText)
	code := slices.Index(l.kinds, o.Kind)
	if code < 0 {
		code = len(l.kinds)
		l.kinds = append(l.kinds, o.Kind)
	}
	l.kind = append(l.kind, uint8(code))
	l.parent = append(l.parent, i)
	l.bestLen = append(l.bestLen, int32(min(len(o.Text), 1<<31-1)))
	l.bestIdx = append(l.bestIdx, i)
	l.bestHash = append(l.bestHash, id)
	if j, added := l.exact.firstOr(id, i); !added {
		// Its copies are linked already; only the first of a text takes
		// part in near matching.
		l.union(i, j)
		return int(i)
	}
	if o.Kind == KindTerm || len(l.ends) < linkMinWords {
		return int(i)
	}
	l.hashWords()
	l.sigWords()
	l.linkNear(i)
	l.addRep(i)
	return int(i)
}

// ID is the id of the quote occurrence n belongs to: a stable hash of the
// kind and words of the group's longest occurrence.
func (l *Linker) ID(n int) string {
	r := l.find(int32(n))
	return quoteID(l.kinds[l.kind[r]], l.bestHash[r])
}

// Group is the number (below Len) of the group of occurrences, the
// quote, occurrence n belongs to once every occurrence is added: two
// occurrences are of one quote when their groups are equal.
func (l *Linker) Group(n int) int { return int(l.find(int32(n))) }

// hashWords fills the scratch word hashes, the sorted sets of hashed
// words and word pairs, and the shingle hashes of the keys in l.idText.
func (l *Linker) hashWords() {
	l.hashes = l.hashes[:0]
	b := l.keysAt
	for _, e := range l.ends {
		l.hashes = append(l.hashes, xxh3.Hash(l.idText[b:e]))
		b = e + 1
	}
	l.words = l.words[:0]
	for _, h := range l.hashes {
		l.words = append(l.words, uint32(h))
	}
	l.pairs = l.pairs[:0]
	for k := 0; k+1 < len(l.hashes); k++ {
		l.pairs = append(l.pairs, uint32(mix(l.hashes[k], l.hashes[k+1])))
	}
	l.words = sortedSet(l.words)
	l.pairs = sortedSet(l.pairs)
	l.shs = l.shs[:0]
	for k := 0; k+linkShingle <= len(l.hashes); k++ {
		h := l.hashes[k]
		for _, x := range l.hashes[k+1 : k+linkShingle] {
			h = mix(h, x)
		}
		l.shs = append(l.shs, h)
	}
	slices.Sort(l.shs)
	l.shs = slices.Compact(l.shs)
}

// shingleLookup is one shingle's posting list, for ordering by length.
type shingleLookup struct {
	head  int32
	count int
}

// linkNear joins occurrence i with the representatives it matches,
// reading its rarest shingles first, at most linkListReads postings of
// each and linkMaxTouches in all.
//
// Each step reads memory at random once the index outgrows the
// processor's caches, so each is a loop that does nothing but one kind
// of read, whose reads do not wait on one another: the processor then
// has many cache misses in flight at once, not one at a time. The
// shingles' slots first, then the postings of the lists, then the
// candidates' sizes and signatures. The order in which candidates are
// tested does not change the groups: a candidate is skipped only when
// it is in i's group already.
func (l *Linker) linkNear(i int32) {
	x := &l.index
	l.homes = l.homes[:0]
	l.at = l.at[:0]
	for _, sh := range l.shs {
		s := x.home(max(sh, 1))
		l.homes = append(l.homes, x.slots[s])
		l.at = append(l.at, int32(s))
	}
	l.atGrowth = x.growths
	l.lookups = l.lookups[:0]
	for k, sh := range l.shs {
		sl := l.homes[k]
		if sl.key != max(sh, 1) && sl.key != 0 {
			s := x.slot(sh) // further along its probe
			sl, l.at[k] = x.slots[s], int32(s)
		}
		if sl.key == 0 || int(sl.count) > linkMaxPostings {
			continue
		}
		l.lookups = append(l.lookups, shingleLookup{sl.head, int(sl.count)})
	}
	slices.SortFunc(l.lookups, func(a, b shingleLookup) int { return a.count - b.count })
	// The postings, newest first in each list as it was added to, up to
	// linkListReads of a list and linkMaxTouches in all.
	l.cands = l.cands[:0]
	for _, lk := range l.lookups {
		k, used := blockSpan(lk.count)
		stop := min(len(l.cands)+linkListReads, linkMaxTouches)
		for b := int(lk.head); b >= 0 && len(l.cands) < stop; b = int(x.blocks[b]) {
			// The block before this one is full.
			block := x.blocks[b+1 : b+1+used]
			k--
			used = blockCap(max(k, 0))
			for q := len(block) - 1; q >= max(len(block)-(stop-len(l.cands)), 0); q-- {
				l.cands = append(l.cands, block[q])
			}
		}
	}
	l.candWords = slices.Grow(l.candWords[:0], len(l.cands))[:len(l.cands)]
	l.candSigs = slices.Grow(l.candSigs[:0], len(l.cands))[:len(l.cands)]
	for q, r := range l.cands {
		rp := &l.reps[r]
		l.candWords[q], l.candSigs[q] = rp.words, rp.sig
	}
	for q, r := range l.cands {
		// The sizes, then the words' signatures, which bound the overlap
		// from above: they rule out most candidates of a large index (one
		// that shares only a common shingle is rarely close); matches
		// would refuse the same.
		if !sizesCanAgree(len(l.words), int(l.candWords[q])) || !l.sigCanAgree(int(l.candWords[q]), l.candSigs[q]) {
			continue
		}
		if l.nearMatch(i, r) {
			l.union(i, l.reps[r].occ)
		}
	}
}

// nearMatch reports whether representative r, whose size and signature
// may agree with occurrence i's, is of i's kind, in another group, and
// matches i's scratch sets.
func (l *Linker) nearMatch(i, r int32) bool {
	rp := &l.reps[r]
	if rp.stamp == i {
		return false
	}
	rp.stamp = i
	if rp.kind != l.kind[i] || l.find(rp.occ) == l.find(i) {
		return false
	}
	return l.matches(r)
}

// matches applies the linking criterion to the scratch sets and
// representative r: at least linkContainment of the shorter one's words
// and linkBigrams of its word pairs are in the longer, and at least
// linkAgreement of the longer one's words are in the shorter, so that a
// short statement found inside a longer one by the same speaker ("France
// is preparing to send troops" in "his sources close to Macron claim that
// France is preparing to send troops to Ukraine and …") stays a quote of
// its own. The words' overlap is counted once for both of its shares, and
// two occurrences whose numbers of words are too far apart for the
// longer one's share ever to reach linkAgreement are not compared at all
// (TestMatchesIsTheCriterion checks it against the criterion as written).
func (l *Linker) matches(r int32) bool {
	set := l.arena[l.repOff[r]:l.repOff[r+1]]
	words, pairs := set[:l.reps[r].words], set[l.reps[r].words:]
	if !sizesCanAgree(len(l.words), len(words)) {
		return false
	}
	small, large := min(len(l.words), len(words)), max(len(l.words), len(words))
	c, ok := containmentAtLeast(l.words, words, linkContainment)
	if !ok {
		return false
	}
	if _, ok := containmentAtLeast(l.pairs, pairs, linkBigrams); !ok {
		return false
	}
	return c*float64(small)/float64(large) >= linkAgreement
}

// sizesCanAgree reports whether two sets of a and b distinct words could
// ever meet linkAgreement: the longer one's share is the overlap over its
// size, at most the smaller size over the larger.
func sizesCanAgree(a, b int) bool {
	small, large := min(a, b), max(a, b)
	return small > 0 && float64(small)/float64(large) >= linkAgreement
}

// wordSig is the bit of a hashed word in a set's signature: a set's
// signature has the bits of all its words.
func wordSig(w uint32) uint64 { return 1 << (w >> 26) }

// sigWords sets l.sig to the signature of the scratch words and
// l.bitWords to how many of them have each of its bits.
func (l *Linker) sigWords() {
	l.sig = 0
	l.bitWords = [64]int32{}
	for _, w := range l.words {
		l.sig |= wordSig(w)
		l.bitWords[w>>26]++
	}
}

// sigCanAgree reports whether the scratch words could share enough
// words with a representative of n words and signature sig to meet
// linkContainment and linkAgreement. A word shared has its bit in both
// signatures, so the scratch words whose bit is in sig bound the overlap
// from above; matches refuses every pair this refuses.
func (l *Linker) sigCanAgree(n int, sig uint64) bool {
	bound := int32(0)
	for both := l.sig & sig; both != 0; both &= both - 1 {
		bound += l.bitWords[bits.TrailingZeros64(both)]
	}
	small, large := min(len(l.words), n), max(len(l.words), n)
	return int(bound) >= needFor(small, linkContainment) && 2*int(bound) >= large
}

// addRep makes occurrence i a representative and indexes its shingles.
func (l *Linker) addRep(i int32) {
	r := int32(len(l.reps))
	l.reps = append(l.reps, rep{sig: l.sig, words: uint32(len(l.words)), occ: i, stamp: i, kind: l.kind[i]})
	l.arena = append(l.arena, l.words...)
	l.arena = append(l.arena, l.pairs...)
	l.repOff = append(l.repOff, int64(len(l.arena)))
	for k, sh := range l.shs {
		hint := -1
		if l.atGrowth == l.index.growths && k < len(l.at) {
			hint = int(l.at[k])
		}
		l.index.add(sh, r, hint)
	}
}

func (l *Linker) find(i int32) int32 {
	for l.parent[i] != i {
		l.parent[i] = l.parent[l.parent[i]]
		i = l.parent[i]
	}
	return i
}

// better reports whether group a's chosen occurrence goes before group
// b's: the longer, and of equal length the one whose id hash is smaller
// (then the earlier). The choice must not depend on the order documents
// come in: several processes that ingest one corpus in another order
// must name its quotes alike.
func (l *Linker) better(a, b int32) bool {
	if l.bestLen[a] != l.bestLen[b] {
		return l.bestLen[a] > l.bestLen[b]
	}
	if l.bestHash[a] != l.bestHash[b] {
		return l.bestHash[a] < l.bestHash[b]
	}
	return l.bestIdx[a] < l.bestIdx[b]
}

// Chosen is the number of the occurrence whose text names the quote of
// occurrence n (see ID).
func (l *Linker) Chosen(n int) int { return int(l.bestIdx[l.find(int32(n))]) }

// union joins two groups under the lower root, which keeps the better
// of their chosen occurrences.
func (l *Linker) union(a, b int32) {
	ra, rb := l.find(a), l.find(b)
	if ra == rb {
		return
	}
	root, other := min(ra, rb), max(ra, rb)
	l.parent[other] = root
	if l.better(other, root) {
		l.bestLen[root], l.bestIdx[root], l.bestHash[root] = l.bestLen[other], l.bestIdx[other], l.bestHash[other]
	}
}

// containmentAtLeast is the share of the smaller sorted set's elements
// found in the other, and whether it is at least share. The count stops
// as soon as the elements left could no longer bring it to share: the
// answer is the same, the share returned is exact only when it is
// reached.
func containmentAtLeast(a, b []uint32, share float64) (float64, bool) {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0, 0 >= share
	}
	need := needFor(len(a), share)
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		if n+min(len(a)-i, len(b)-j) < need {
			return float64(n) / float64(len(a)), false
		}
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	c := float64(n) / float64(len(a))
	return c, c >= share
}

// needFor is the least count of a set of size elements whose share, as
// containmentAtLeast computes it, reaches share (size+1 when none does).
// It is asked for every candidate a linking occurrence reads, so the
// counts of the linking shares are kept for sets of up to needSizes.
func needFor(size int, share float64) int {
	if size < needSizes {
		switch share {
		case linkContainment:
			return int(needContainment[size])
		case linkBigrams:
			return int(needBigrams[size])
		}
	}
	return needForShare(size, share)
}

const needSizes = 1024

var needContainment, needBigrams = needTable(linkContainment), needTable(linkBigrams)

func needTable(share float64) *[needSizes]int16 {
	var t [needSizes]int16
	for size := range t {
		t[size] = int16(needForShare(size, share))
	}
	return &t
}

func needForShare(size int, share float64) int {
	need := max(int(share*float64(size))-1, 0)
	for need <= size && float64(need)/float64(size) < share {
		need++
	}
	return need
}

func sortedSet(s []uint32) []uint32 {
	slices.Sort(s)
	return slices.Compact(s)
}

// mix combines two hashes into one, order mattering.
func mix(a, b uint64) uint64 {
	var buf [16]byte
	binary.LittleEndian.PutUint64(buf[:8], a)
	binary.LittleEndian.PutUint64(buf[8:], b)
	return xxh3.Hash(buf[:])
}

// quoteID is a stable id from the kind and the hash of the kind and the
// words of the quote's text.
func quoteID(k Kind, h uint64) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], h)
	return string(k[0]) + hex.EncodeToString(b[:])
}

// firstTable maps the id hash of a text to its first occurrence: an
// open-addressing table of hashes and occurrences in one 16-byte slot,
// so that a look-up, most often a miss of the processor's caches once it
// holds millions, reads one slot (a map read a group's control word,
// then its slot).
type firstTable struct {
	slots []firstSlot
	used  int
}

// firstSlot is one slot of a firstTable: a hash and its first
// occurrence; a slot of hash 0 is empty unless zero says the hash is 0.
type firstSlot struct {
	hash  uint64
	first int32
	zero  bool // the hash is 0
}

func newFirstTable() firstTable { return firstTable{slots: make([]firstSlot, 1<<10)} }

// firstOr returns the first occurrence of hash h, or, when h is new,
// makes i its first and returns i and true.
func (t *firstTable) firstOr(h uint64, i int32) (int32, bool) {
	if 10*(t.used+1) > 7*len(t.slots) {
		old := t.slots
		t.slots = make([]firstSlot, 2*len(old))
		for _, sl := range old {
			if sl.hash != 0 || sl.zero {
				t.slots[t.find(sl.hash)] = sl
			}
		}
	}
	s := t.find(h)
	if sl := &t.slots[s]; sl.hash != 0 || sl.zero {
		return sl.first, false
	}
	t.slots[s] = firstSlot{hash: h, first: i, zero: h == 0}
	t.used++
	return i, true
}

// find is the slot of hash h, or the empty one where it would go.
func (t *firstTable) find(h uint64) int {
	mask := len(t.slots) - 1
	s := int(h>>32^h) & mask
	for {
		sl := &t.slots[s]
		if sl.hash == h && (h != 0 || sl.zero) || sl.hash == 0 && !sl.zero {
			return s
		}
		s = (s + 1) & mask
	}
}

// shingleIndex maps shingle hashes to the representatives holding them:
// an open-addressing table of keys, each with the newest block of its
// list of postings and the list's length in the same 16-byte slot (one
// cache line read for a lookup, not one each), the blocks in one flat
// array. A map of slices would cost several times the memory at
// millions of shingles.
//
// A list is a chain of blocks, newest first, of 1, 2, 4, … up to
// postBlockMax representatives each (blockSpan), so that reading it is
// a few jumps and otherwise consecutive memory. As a chain of single
// postings it was a walk from one cache miss to the next, each waiting
// for the one before: at a million documents most of linking's time.
type shingleIndex struct {
	slots   []shingleSlot
	used    int
	growths int // how many times slots has grown
	// blocks holds each block as the offset of the block before it in
	// its list (-1: none) followed by its representatives in the order
	// they were added.
	blocks []int32
}

// shingleSlot is one slot of the table: a key (0 marks an empty slot; a
// zero hash is stored as 1), the offset in blocks of its list's newest
// block, and the list's length, which saturates above linkMaxPostings.
type shingleSlot struct {
	key   uint64
	head  int32
	count uint16
}

// postBlockMax is the largest block of a list: large enough that a long
// list is mostly consecutive reads, small enough that the room left in
// a list's newest block is little beside the list.
const postBlockMax = 64

// blockCap is the number of representatives of a list's k-th block.
func blockCap(k int) int { return min(1<<k, postBlockMax) }

// blockSpan is the index of the newest block of a list of n > 0
// postings and how many representatives that block holds.
func blockSpan(n int) (k, used int) {
	for n > blockCap(k) {
		n -= blockCap(k)
		k++
	}
	return k, n
}

func newShingleIndex() shingleIndex {
	return shingleIndex{slots: make([]shingleSlot, 1<<10)}
}

// home is the slot where a search for key h (never 0) starts.
func (x *shingleIndex) home(h uint64) int { return int(h>>32^h) & (len(x.slots) - 1) }

// slot is the slot of key h, or the empty slot where it would go.
func (x *shingleIndex) slot(h uint64) int {
	h = max(h, 1)
	mask := len(x.slots) - 1
	s := x.home(h)
	for x.slots[s].key != 0 && x.slots[s].key != h {
		s = (s + 1) & mask
	}
	return s
}

// lookup returns the head of h's postings and how many there are.
func (x *shingleIndex) lookup(h uint64) (int32, int) {
	s := x.slot(h)
	if x.slots[s].key == 0 {
		return -1, 0
	}
	return x.slots[s].head, int(x.slots[s].count)
}

// add appends representative r to h's postings, unless the list is
// already past linkMaxPostings. hint, unless negative, is h's slot or
// the empty one where h would go, as found since the table last grew
// (linkNear found them all): then that slot is h's unless another key
// has taken it since, and the search is not made again. The slot is the
// same either way: a search goes from h's home to the first slot that
// is h's or empty, and slots are only ever filled.
func (x *shingleIndex) add(h uint64, r int32, hint int) {
	if 10*(x.used+1) > 7*len(x.slots) {
		x.grow()
		hint = -1
	}
	s := hint
	if s < 0 || x.slots[s].key != max(h, 1) && x.slots[s].key != 0 {
		s = x.slot(h)
	}
	sl := &x.slots[s]
	if sl.key == 0 {
		sl.key = max(h, 1)
		sl.head = -1
		x.used++
	}
	if int(sl.count) > linkMaxPostings {
		return
	}
	sl.count++
	n := int(sl.count)
	if n > linkMaxPostings {
		return // from now on a stock phrase: its list is no longer read
	}
	k, used := blockSpan(n)
	if used == 1 {
		// The newest block is full (or there is none): start the next.
		b := len(x.blocks)
		x.blocks = append(x.blocks, sl.head)
		x.blocks = slices.Grow(x.blocks, blockCap(k))[:b+1+blockCap(k)]
		sl.head = int32(b)
	}
	x.blocks[int(sl.head)+used] = r
}

func (x *shingleIndex) grow() {
	x.growths++
	old := x.slots
	x.slots = make([]shingleSlot, 2*len(old))
	for _, sl := range old {
		if sl.key != 0 {
			x.slots[x.slot(sl.key)] = sl
		}
	}
}
