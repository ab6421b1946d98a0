package neardup

import (
	"math"
	"slices"
	"sync"

	"github.com/echotrace/echotrace/internal/match"
)

// Defaults of Options.
const (
	DefaultHashes    = 128
	DefaultThreshold = 0.8
	DefaultShingle   = 5
	// DefaultRecallWeight favours recall in the choice of banding, since
	// an Index checks its candidates (see WeightedBands).
	DefaultRecallWeight = 0.9
)

// Options configure an Index. The zero value gives the defaults.
type Options struct {
	Hashes    int     // signature length; 0 means 128
	Threshold float64 // Jaccard similarity of shingle sets; 0 means 0.8
	Shingle   int     // tokens per shingle; 0 means 5
	Seed      uint64  // seed of the shingle hash; indexes compare only with equal seeds
	// Bands and Rows set the LSH banding; when either is 0 both are
	// chosen by WeightedBands(Hashes, Threshold, RecallWeight).
	Bands, Rows int
	// RecallWeight weighs missed near-duplicates against needless
	// candidates in the choice of banding; 0 means DefaultRecallWeight,
	// 0.5 weighs them equally as other LSH implementations do.
	RecallWeight float64
	// Candidates makes Query return every LSH candidate without checking
	// it against the threshold, and the Index keep no signatures. It is
	// for callers that keep signatures themselves.
	Candidates bool
}

// withDefaults fills in the zero fields.
func (o Options) withDefaults() Options {
	if o.Hashes <= 0 {
		o.Hashes = DefaultHashes
	}
	if o.Threshold <= 0 || o.Threshold > 1 {
		o.Threshold = DefaultThreshold
	}
	if o.Shingle <= 0 {
		o.Shingle = DefaultShingle
	}
	if o.RecallWeight <= 0 || o.RecallWeight > 1 {
		o.RecallWeight = DefaultRecallWeight
	}
	if o.Bands <= 0 || o.Rows <= 0 || o.Bands*o.Rows > o.Hashes {
		o.Bands, o.Rows = WeightedBands(o.Hashes, o.Threshold, o.RecallWeight)
	}
	return o
}

// Index finds near-duplicate documents: Add documents by id and token
// hashes, Query with the token hashes of another. Add and Query may be
// called from several goroutines at once.
type Index struct {
	opt      Options
	minAgree int // signature positions that must agree to pass the threshold

	signers sync.Pool // *Signer, so concurrent callers do not share scratch

	mu     sync.RWMutex
	tables []bucketTable // one per band
	next   []uint32      // next[slot*bands+band]: slot+1 of the older entry in the bucket
	ids    []uint32      // slot → id
	sigs   []uint32      // slot*hashes…: signatures, unless opt.Candidates
}

// New returns an empty Index.
func New(opt Options) *Index {
	opt = opt.withDefaults()
	ix := &Index{
		opt:      opt,
		minAgree: int(math.Ceil(opt.Threshold*float64(opt.Hashes) - 1e-9)),
		tables:   make([]bucketTable, opt.Bands),
	}
	ix.signers.New = func() any { return NewSigner(opt.Hashes, opt.Shingle, opt.Seed) }
	return ix
}

// Options are the options in effect, defaults and banding filled in.
func (ix *Index) Options() Options { return ix.opt }

// Len is the number of documents added.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.ids)
}

// Sign computes the signature of tokens as this Index does, into sig of
// Options().Hashes values; false when there are no tokens.
func (ix *Index) Sign(tokens []uint64, sig []uint32) bool {
	s := ix.signers.Get().(*Signer)
	ok := s.Sign(tokens, sig)
	ix.signers.Put(s)
	return ok
}

// Add indexes a document under id. A document without tokens has no
// signature and is not added; Add reports whether it was.
func (ix *Index) Add(id uint32, tokens []uint64) bool {
	sig := make([]uint32, ix.opt.Hashes)
	if !ix.Sign(tokens, sig) {
		return false
	}
	ix.AddSignature(id, sig)
	return true
}

// AddSignature indexes a signature made by Sign under id. Adding the same
// id twice makes it a candidate twice; callers give each document one id.
func (ix *Index) AddSignature(id uint32, sig []uint32) {
	bands, rows := ix.opt.Bands, ix.opt.Rows
	var keys [64]uint64 // bands rarely exceed 64; more spill to the heap
	ks := keys[:0]
	for b := 0; b < bands; b++ {
		ks = append(ks, bandKey(b, sig[b*rows:(b+1)*rows]))
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	slot := uint32(len(ix.ids))
	ix.ids = append(ix.ids, id)
	if !ix.opt.Candidates {
		ix.sigs = append(ix.sigs, sig...)
	}
	for b, k := range ks {
		ix.next = append(ix.next, ix.tables[b].push(k, slot+1))
	}
}

// Query returns the ids of the indexed documents near-identical to tokens:
// those sharing an LSH band whose signature agrees with tokens' in at
// least Threshold of its positions (all band candidates when
// Options.Candidates is set). The ids are in the order they were added.
func (ix *Index) Query(tokens []uint64) []uint32 {
	sig := make([]uint32, ix.opt.Hashes)
	if !ix.Sign(tokens, sig) {
		return nil
	}
	return ix.QuerySignature(sig, nil)
}

// QuerySignature is Query for a signature made by Sign; it appends the ids
// to out and returns it.
func (ix *Index) QuerySignature(sig []uint32, out []uint32) []uint32 {
	bands, rows, hashes := ix.opt.Bands, ix.opt.Rows, ix.opt.Hashes
	var slotBuf [256]uint32
	slots := slotBuf[:0]
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	for b := 0; b < bands; b++ {
		for s1 := ix.tables[b].head(bandKey(b, sig[b*rows:(b+1)*rows])); s1 != 0; s1 = ix.next[int(s1-1)*bands+b] {
			slots = append(slots, s1-1)
		}
	}
	if len(slots) == 0 {
		return out
	}
	slices.Sort(slots)
	slots = slices.Compact(slots)
	for _, s := range slots {
		if !ix.opt.Candidates {
			stored := ix.sigs[int(s)*hashes : int(s+1)*hashes]
			if agree(sig, stored) < ix.minAgree {
				continue
			}
		}
		out = append(out, ix.ids[s])
	}
	return out
}

// bandKey hashes one band of a signature, with the band number mixed in so
// that equal values in different bands never share a key.
func bandKey(band int, vals []uint32) uint64 {
	h := uint64(band+1) * 0x9e3779b97f4a7c15
	i := 0
	for ; i+1 < len(vals); i += 2 {
		h = match.Mix(h ^ (uint64(vals[i])<<32 | uint64(vals[i+1])))
	}
	if i < len(vals) {
		h = match.Mix(h ^ uint64(vals[i]))
	}
	return h
}
