package neardup

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/echotrace/echotrace/internal/normalize"
)

// randomTokens returns n token hashes drawn from a stream seeded by seed.
func randomTokens(n int, seed uint64) []uint64 {
	r := rand.New(rand.NewPCG(seed, 7))
	out := make([]uint64, n)
	for i := range out {
		out[i] = r.Uint64()
	}
	return out
}

// edited returns a copy of toks with every step-th token replaced.
func edited(toks []uint64, step int) []uint64 {
	out := slices.Clone(toks)
	for i := step / 2; i < len(out); i += step {
		out[i] ^= 0xdeadbeef
	}
	return out
}

// exactJaccard is the Jaccard similarity of the shingle sets of a and b as
// the Signer sees them.
func exactJaccard(s *Signer, a, b []uint64) float64 {
	sa, sb := map[uint64]bool{}, map[uint64]bool{}
	s.ShingleHashes(a, func(h uint64) { sa[h] = true })
	s.ShingleHashes(b, func(h uint64) { sb[h] = true })
	inter := 0
	for h := range sa {
		if sb[h] {
			inter++
		}
	}
	return float64(inter) / float64(len(sa)+len(sb)-inter)
}

func TestSignatureEstimatesJaccard(t *testing.T) {
	base := randomTokens(1200, 1)
	tests := []struct {
		name string
		step int // replace every step-th token; 0 keeps all
	}{
		{"identical", 0},
		{"light edits", 60},
		{"moderate edits", 15},
		{"heavy edits", 5},
	}
	s := NewSigner(512, 5, 42)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			other := base
			if tt.step > 0 {
				other = edited(base, tt.step)
			}
			want := exactJaccard(s, base, other)
			a, b := make([]uint32, 512), make([]uint32, 512)
			s.Sign(base, a)
			s.Sign(other, b)
			got := Similarity(a, b)
			// 512 positions: the standard error is below 0.023.
			if math.Abs(got-want) > 0.08 {
				t.Errorf("estimate %.3f, exact Jaccard %.3f", got, want)
			}
		})
	}
}

func TestSignShortAndEmpty(t *testing.T) {
	s := NewSigner(64, 5, 0)
	sig := make([]uint32, 64)
	if s.Sign(nil, sig) {
		t.Fatal("empty document signed")
	}
	// Three tokens give one shingle: every bin but one is filled by
	// densification, so the signature is one value repeated, the same for
	// both copies and different from another short text.
	short := []uint64{1, 2, 3}
	if !s.Sign(short, sig) {
		t.Fatal("short document not signed")
	}
	again := make([]uint32, 64)
	s.Sign([]uint64{1, 2, 3}, again)
	if Similarity(sig, again) != 1 {
		t.Fatal("equal short documents differ")
	}
	other := make([]uint32, 64)
	s.Sign([]uint64{4, 5, 6}, other)
	if Similarity(sig, other) != 0 {
		t.Fatalf("different short documents agree in %.2f", Similarity(sig, other))
	}
}

func TestDensificationKeepsSimilarity(t *testing.T) {
	// 40 tokens, 36 shingles in 128 bins: most bins are empty and filled
	// by densification, which must still track the Jaccard similarity.
	s := NewSigner(128, 5, 3)
	var sum, exact float64
	const trials = 40
	for i := range trials {
		a := randomTokens(40, uint64(100+i))
		b := slices.Clone(a)
		b[30] ^= 1 // the last ten shingles differ at most
		x, y := make([]uint32, 128), make([]uint32, 128)
		s.Sign(a, x)
		s.Sign(b, y)
		sum += Similarity(x, y)
		exact += exactJaccard(s, a, b)
	}
	if d := math.Abs(sum/trials - exact/trials); d > 0.05 {
		t.Fatalf("mean estimate %.3f, mean exact %.3f", sum/trials, exact/trials)
	}
}

func TestBandsFollowThreshold(t *testing.T) {
	tests := []struct {
		hashes    int
		threshold float64
	}{{128, 0.8}, {128, 0.5}, {256, 0.9}, {64, 0.7}}
	for _, tt := range tests {
		b, r := Bands(tt.hashes, tt.threshold)
		if b*r > tt.hashes || b < 1 || r < 1 {
			t.Fatalf("Bands(%d, %.1f) = %d×%d", tt.hashes, tt.threshold, b, r)
		}
		hi := candidateProb(math.Min(tt.threshold+0.15, 1), b, r)
		lo := candidateProb(tt.threshold-0.3, b, r)
		if hi < 0.9 || lo > 0.2 {
			t.Errorf("Bands(%d, %.1f) = %d×%d: P(candidate) %.2f just above, %.2f well below", tt.hashes, tt.threshold, b, r, hi, lo)
		}
	}
}

func TestIndexFindsNearDuplicatesOnly(t *testing.T) {
	ix := New(Options{Threshold: 0.7})
	orig := randomTokens(800, 10)
	ix.Add(1, orig)
	ix.Add(2, edited(orig, 100)) // near-duplicate of 1
	ix.Add(3, randomTokens(800, 11))
	ix.Add(4, append(slices.Clone(orig[:300]), randomTokens(500, 12)...)) // shares a part only
	if ix.Add(5, nil) {
		t.Fatal("empty document added")
	}
	tests := []struct {
		name  string
		query []uint64
		want  []uint32
	}{
		{"copy of 1", slices.Clone(orig), []uint32{1, 2}},
		{"lightly edited copy", edited(orig, 80), []uint32{1, 2}},
		{"unrelated", randomTokens(800, 13), nil},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ix.Query(tt.query); !slices.Equal(got, tt.want) {
				t.Fatalf("Query = %v, want %v", got, tt.want)
			}
		})
	}
	if ix.Len() != 4 {
		t.Fatalf("Len = %d, want 4", ix.Len())
	}
}

func TestCandidatesModeSkipsVerification(t *testing.T) {
	// One band of one row: signatures that agree in their first position
	// only are candidates, far below any threshold.
	opt := Options{Hashes: 16, Threshold: 0.9, Bands: 1, Rows: 1}
	sa, sb := make([]uint32, 16), make([]uint32, 16)
	for i := range sa {
		sa[i], sb[i] = uint32(i), uint32(100+i)
	}
	sb[0] = sa[0]
	for _, cand := range []bool{false, true} {
		opt.Candidates = cand
		ix := New(opt)
		ix.AddSignature(9, sa)
		got := ix.QuerySignature(sb, nil)
		if cand && !slices.Equal(got, []uint32{9}) {
			t.Fatalf("candidates mode: %v, want [9]", got)
		}
		if !cand && len(got) != 0 {
			t.Fatalf("verified mode returned %v below the threshold", got)
		}
		if got := ix.QuerySignature(sa, nil); !slices.Equal(got, []uint32{9}) {
			t.Fatalf("candidates %v: identical signature gives %v", cand, got)
		}
	}
}

func TestIndexConcurrentUse(t *testing.T) {
	ix := New(Options{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				toks := randomTokens(200, uint64(w*1000+i))
				ix.Add(uint32(w*1000+i), toks)
				if got := ix.Query(toks); !slices.Contains(got, uint32(w*1000+i)) {
					t.Errorf("document %d not found right after Add", w*1000+i)
				}
			}
		}()
	}
	wg.Wait()
	if ix.Len() != 200 {
		t.Fatalf("Len = %d, want 200", ix.Len())
	}
}

func ExampleIndex() {
	tokens := func(s string) []uint64 { return normalize.Hashes(normalize.Tokens(s)) }
	story := "The harbour council of Velmora voted on Tuesday to close the old ferry pier " +
		"after engineers found that its timber piles had rotted below the waterline, " +
		"and the ferry will dock at the cargo quay until a new pier is built next spring."
	ix := New(Options{Threshold: 0.6})
	ix.Add(1, tokens(story))
	ix.Add(2, tokens("Grain prices rose for a third week as dry weather in the east cut the expected harvest."))
	repost := "REPOST: " + story + " (Photo: archive)"
	fmt.Println(ix.Query(tokens(repost)))
	// Output: [1]
}
