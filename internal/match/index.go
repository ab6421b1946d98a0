package match

import (
	"fmt"
	"slices"
)

// docBits is how many low bits of a posting hold the document number; the
// high bits hold the top of the fingerprint hash. Packing both into one
// uint64 makes a posting 8 bytes and the index one flat sorted array, so a
// corpus of a million documents (some 200 million postings) fits in under
// 2 GB and costs the garbage collector nothing to scan.
const docBits = 24

// MaxDocs is the number of documents one Index can hold.
const MaxDocs = 1 << docBits

const docMask = MaxDocs - 1

// Index is an inverted index from fingerprint hash to the documents that
// contain it, kept as one sorted array of packed (hash, document) postings.
// Documents are numbered densely by the caller (0, 1, 2, …).
//
// Hashes are compared on their top 40 bits. Two fingerprints that agree
// there by chance only make a candidate pair that alignment, which compares
// whole token hashes, then rejects.
//
// Add appends to a pending buffer; the first query after adding sorts it
// into the index. Adding and querying must not run concurrently; queries
// may run concurrently with each other.
type Index struct {
	sorted   []uint64
	pending  []uint64
	docs     int
	template map[uint64]uint32 // fingerprint (top bits) → group it is a template of
}

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
	for _, fp := range fps {
		x.pending = append(x.pending, pack(fp.Hash, doc))
	}
}

// Freeze sorts pending postings into the index. Queries call it; call it
// yourself before querying from several goroutines.
func (x *Index) Freeze() {
	if len(x.pending) == 0 {
		return
	}
	slices.Sort(x.pending)
	x.pending = slices.Compact(x.pending)
	if len(x.sorted) == 0 {
		x.sorted, x.pending = x.pending, nil
		return
	}
	merged := make([]uint64, 0, len(x.sorted)+len(x.pending))
	i, j := 0, 0
	for i < len(x.sorted) && j < len(x.pending) {
		if x.sorted[i] <= x.pending[j] {
			merged = append(merged, x.sorted[i])
			i++
		} else {
			merged = append(merged, x.pending[j])
			j++
		}
	}
	merged = append(merged, x.sorted[i:]...)
	merged = append(merged, x.pending[j:]...)
	x.sorted, x.pending = slices.Compact(merged), nil
}

// Docs is the number of documents added.
func (x *Index) Docs() int { return x.docs }

// Postings is the number of (fingerprint, document) postings held.
func (x *Index) Postings() int { return len(x.sorted) + len(x.pending) }

// postings returns the sorted postings whose hash agrees with h.
func (x *Index) postings(h uint64) []uint64 {
	lo := h &^ docMask
	i, _ := slices.BinarySearch(x.sorted, lo)
	j := i
	for j < len(x.sorted) && x.sorted[j]&^docMask == lo {
		j++
	}
	return x.sorted[i:j]
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
	for _, h := range hs {
		if opt.Group != 0 && x.template != nil {
			if g, ok := x.template[h]; ok && g == opt.Group {
				continue
			}
		}
		p := x.postings(h)
		if opt.MaxDF > 0 && len(p) > opt.MaxDF {
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
