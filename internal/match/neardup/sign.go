package neardup

import (
	"encoding/binary"
	"math"
	"math/bits"

	"github.com/zeebo/xxh3"

	"github.com/echotrace/echotrace/internal/match"
)

// Signer computes MinHash signatures by one-permutation hashing with
// optimal densification. It keeps scratch buffers between calls, so it
// allocates only when a document is longer than any before it; a Signer
// must not be used by two goroutines at once.
type Signer struct {
	hashes  int
	shingle int
	seed    uint64
	buf     []byte   // token hashes as little-endian bytes: shingles are sub-slices
	mins    []uint64 // per-bin minimum, math.MaxUint64 when empty
}

// NewSigner returns a Signer for signatures of the given number of hashes
// over shingles of the given number of tokens. Values below 1 are raised
// to 1.
func NewSigner(hashes, shingle int, seed uint64) *Signer {
	if hashes < 1 {
		hashes = 1
	}
	if shingle < 1 {
		shingle = 1
	}
	return &Signer{hashes: hashes, shingle: shingle, seed: seed, mins: make([]uint64, hashes)}
}

// Hashes is the length of the signatures this Signer makes.
func (s *Signer) Hashes() int { return s.hashes }

// ShingleHashes calls fn with the xxh3 hash of every shingle of tokens: the
// runs of the Signer's shingle length, or the whole sequence when it is
// shorter. It is what Sign feeds on, exposed so that exact Jaccard
// similarities can be computed over the very same sets.
func (s *Signer) ShingleHashes(tokens []uint64, fn func(uint64)) {
	if len(tokens) == 0 {
		return
	}
	need := len(tokens) * 8
	if cap(s.buf) < need {
		s.buf = make([]byte, need)
	}
	buf := s.buf[:need]
	for i, t := range tokens {
		binary.LittleEndian.PutUint64(buf[i*8:], t)
	}
	k := s.shingle
	if len(tokens) < k {
		k = len(tokens)
	}
	width := k * 8
	for off := 0; off+width <= len(buf); off += 8 {
		fn(xxh3.HashSeed(buf[off:off+width], s.seed))
	}
}

// Sign writes the signature of tokens into sig, which must have Hashes()
// elements. It returns false, leaving sig untouched, when there are no
// tokens: an empty document has no signature and is near nothing.
func (s *Signer) Sign(tokens []uint64, sig []uint32) bool {
	if len(tokens) == 0 {
		return false
	}
	if len(sig) != s.hashes {
		panic("neardup: signature length does not match the Signer")
	}
	mins := s.mins
	for i := range mins {
		mins[i] = math.MaxUint64
	}
	n := uint64(s.hashes)
	// The bin comes from the high bits of h (h*n/2^64), the value from
	// its low 32 bits, so bin and value are close to independent.
	s.ShingleHashes(tokens, func(h uint64) {
		bin, _ := bits.Mul64(h, n)
		if h < mins[bin] {
			mins[bin] = h
		}
	})
	for i, m := range mins {
		if m != math.MaxUint64 {
			sig[i] = uint32(m)
			continue
		}
		// Optimal densification: probe bins by a sequence that depends
		// only on (seed, i, attempt) until an originally non-empty one.
		for attempt := uint64(1); ; attempt++ {
			j, _ := bits.Mul64(match.Mix(s.seed^uint64(i)*0x9e3779b97f4a7c15^attempt*0xc2b2ae3d27d4eb4f), n)
			if mins[j] != math.MaxUint64 {
				sig[i] = uint32(mins[j])
				break
			}
		}
	}
	return true
}

// Similarity estimates the Jaccard similarity of the shingle sets behind
// two signatures of equal length: the share of positions where they agree.
func Similarity(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	return float64(agree(a, b)) / float64(len(a))
}

// agree counts the positions where a and b hold the same value.
func agree(a, b []uint32) int {
	b = b[:len(a)]
	n := 0
	for i, v := range a {
		if v == b[i] {
			n++
		}
	}
	return n
}
