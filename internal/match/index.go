package match

import (
	"slices"
)

// Index is an inverted index from fingerprint hash to the documents that
// contain it. Documents are numbered densely by the caller (0, 1, 2, …).
//
// An Index is not safe for concurrent use while documents are added;
// queries may run concurrently once adding has finished.
type Index struct {
	postings map[uint64][]uint32
	docs     int
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{postings: make(map[uint64][]uint32)}
}

// Add indexes a document's fingerprints. Each hash is posted once per
// document, however often it occurs in it.
func (x *Index) Add(doc uint32, fps []Fingerprint) {
	x.docs++
	for _, fp := range fps {
		p := x.postings[fp.Hash]
		if n := len(p); n > 0 && p[n-1] == doc {
			continue
		}
		x.postings[fp.Hash] = append(p, doc)
	}
}

// Docs is the number of documents added.
func (x *Index) Docs() int { return x.docs }

// DF is the number of documents that contain the hash.
func (x *Index) DF(hash uint64) int { return len(x.postings[hash]) }

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
}

// Candidates returns the documents that share at least opt.MinShared
// fingerprints with fps, most shared first. counts is scratch space that
// may be passed back on the next call to avoid allocation; it may be nil.
func (x *Index) Candidates(fps []Fingerprint, opt CandidateOptions, counts map[uint32]int) ([]Candidate, map[uint32]int) {
	if counts == nil {
		counts = make(map[uint32]int)
	} else {
		clear(counts)
	}
	seen := make(map[uint64]struct{}, len(fps))
	for _, fp := range fps {
		if _, dup := seen[fp.Hash]; dup {
			continue
		}
		seen[fp.Hash] = struct{}{}
		p := x.postings[fp.Hash]
		if opt.MaxDF > 0 && len(p) > opt.MaxDF {
			continue
		}
		for _, d := range p {
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
