package match

import (
	"slices"
)

// AlignOptions tune seed-and-extend alignment. The zero value is not
// useful; start from DefaultAlignOptions.
type AlignOptions struct {
	// Seed is the number of equal consecutive tokens that starts a match.
	Seed int
	// MaxGap is the largest number of unmatched tokens, on either side, that
	// may lie between two matched runs of one passage: an edited phrase, a
	// photo caption or a "related article" line pasted into one copy.
	MaxGap int
	// MinTokens is the least number of matched tokens a passage needs.
	MinTokens int
	// MinIdentity is the least share of a passage's tokens, on both sides
	// together, that must be matched: it keeps scattered common phrases of
	// two texts on one topic from being chained into a false passage.
	MinIdentity float64
	// MaxRepeat skips seeds that occur more often than this in the first
	// document (lists, repeated refrains): they multiply work, not evidence.
	MaxRepeat int
}

// DefaultAlignOptions are the settings echotrace uses unless told otherwise.
func DefaultAlignOptions() AlignOptions {
	return AlignOptions{Seed: 4, MaxGap: 32, MinTokens: 12, MinIdentity: 0.6, MaxRepeat: 16}
}

// Alignment is one passage shared by documents A and B, in token indices:
// tokens [A0, A1) of A correspond to tokens [B0, B1) of B, of which Matched
// tokens (on each side) are equal in step.
type Alignment struct {
	A0, A1  int
	B0, B1  int
	Matched int
}

// Identity is the share of the passage's tokens, both sides together, that
// are matched: 1 for a verbatim copy.
func (al Alignment) Identity() float64 {
	n := (al.A1 - al.A0) + (al.B1 - al.B0)
	if n == 0 {
		return 0
	}
	return float64(2*al.Matched) / float64(n)
}

// run is an exact match of tokens a[a0:a0+n] == b[b0:b0+n].
type run struct{ a0, b0, n int }

func (r run) a1() int { return r.a0 + r.n }
func (r run) b1() int { return r.b0 + r.n }

// Align returns the passages that token sequences a and b share, ordered by
// their position in a. It compares hashes only; callers map token indices
// back to byte offsets. To align one document with many, use an Aligner.
func Align(a, b []uint64, opt AlignOptions) []Alignment {
	return NewAligner(a, opt).Align(b)
}

// Aligner aligns one document, A, with many others in turn. It indexes A's
// seeds once and keeps its scratch space between calls, so aligning a
// document with all its candidates allocates little; Reset readies it for
// another A with the same room. An Aligner is not safe for concurrent use.
type Aligner struct {
	a     []uint64
	opt   AlignOptions
	pos   seedTable // seed hash → positions in a
	sa    []uint64  // a's seeds, by position
	sb    []uint64
	seeds []seed
	ch    chainScratch
}

type seed struct{ d, i int } // diagonal i-j and position in a

// NewAligner prepares to align a with other documents.
func NewAligner(a []uint64, opt AlignOptions) *Aligner {
	x := &Aligner{}
	x.Reset(a, opt)
	return x
}

// Reset prepares x to align a with other documents, reusing its room.
func (x *Aligner) Reset(a []uint64, opt AlignOptions) {
	x.a, x.opt = a, opt
	x.sa = appendShingles(x.sa[:0], a, max(opt.Seed, 1))
	x.pos.build(x.sa)
}

// Align returns the passages that A and b share, ordered by position in A.
// Each stretch of either text belongs to at most one passage (see
// selectAlignments), so a copy with repeated lines inside it is one
// passage, not one per way its repeats can be paired.
func (x *Aligner) Align(b []uint64) []Alignment {
	runs := x.exactRuns(b)
	if len(runs) == 0 {
		return nil
	}
	var cands []candidate
	for _, ch := range x.chainRuns(runs) {
		if c, ok := newCandidate(trimChain(ch, x.opt), x); ok {
			cands = append(cands, c)
		}
	}
	out := selectAlignments(cands, x)
	slices.SortFunc(out, func(p, q Alignment) int {
		if p.A0 != q.A0 {
			return p.A0 - q.A0
		}
		return p.B0 - q.B0
	})
	return mergeAdjacent(out, x.opt)
}

// exactRuns finds maximal runs of equal tokens that contain at least one
// shared seed, by looking up every seed of b among A's.
func (x *Aligner) exactRuns(b []uint64) []run {
	a, opt := x.a, x.opt
	k := max(opt.Seed, 1)
	x.sb = appendShingles(x.sb[:0], b, k)
	if len(x.sa) == 0 || len(x.sb) == 0 {
		return nil
	}
	seeds := x.seeds[:0]
	for j, h := range x.sb {
		n, first := x.pos.find(h)
		if n == 0 || (opt.MaxRepeat > 0 && int(n) > opt.MaxRepeat) {
			continue
		}
		for i := first; i >= 0; i = x.pos.next[i] {
			seeds = append(seeds, seed{int(i) - j, int(i)})
		}
	}
	x.seeds = seeds
	if len(seeds) == 0 {
		return nil
	}
	slices.SortFunc(seeds, func(p, q seed) int {
		if p.d != q.d {
			return p.d - q.d
		}
		return p.i - q.i
	})
	var runs []run
	cur := run{a0: seeds[0].i, b0: seeds[0].i - seeds[0].d, n: k}
	for _, s := range seeds[1:] {
		if s.d == cur.a0-cur.b0 && s.i <= cur.a1() {
			cur.n = max(cur.n, s.i+k-cur.a0)
			continue
		}
		runs = append(runs, cur)
		cur = run{a0: s.i, b0: s.i - s.d, n: k}
	}
	runs = append(runs, cur)
	// Shingle hashes can collide and seeds only find runs of k tokens or
	// more; verify every run token by token and stretch it over equal
	// tokens at both ends, so a run ends exactly where the texts differ.
	out := runs[:0]
	for _, r := range runs {
		if !equalRange(a, b, r) {
			continue
		}
		for r.a0 > 0 && r.b0 > 0 && a[r.a0-1] == b[r.b0-1] {
			r.a0--
			r.b0--
			r.n++
		}
		for r.a1() < len(a) && r.b1() < len(b) && a[r.a1()] == b[r.b1()] {
			r.n++
		}
		out = append(out, r)
	}
	return dedupeRuns(out)
}

func equalRange(a, b []uint64, r run) bool {
	if r.a1() > len(a) || r.b1() > len(b) {
		return false
	}
	for i := 0; i < r.n; i++ {
		if a[r.a0+i] != b[r.b0+i] {
			return false
		}
	}
	return true
}

// dedupeRuns drops runs that stretching made identical.
func dedupeRuns(runs []run) []run {
	slices.SortFunc(runs, func(x, y run) int {
		if x.a0 != y.a0 {
			return x.a0 - y.a0
		}
		if x.b0 != y.b0 {
			return x.b0 - y.b0
		}
		return y.n - x.n
	})
	return slices.CompactFunc(runs, func(x, y run) bool { return x.a0 == y.a0 && x.b0 == y.b0 })
}

// trimChain drops short runs at either end of a chain that lie across a
// gap longer than themselves: a stray common phrase next to a passage must
// not stretch the passage over text that was not reused.
func trimChain(ch []run, opt AlignOptions) []run {
	short := 2 * max(opt.Seed, 1)
	gap := func(x, y run) int { return max(y.a0-x.a1(), y.b0-x.b1()) }
	for len(ch) > 1 && ch[0].n < short && gap(ch[0], ch[1]) > ch[0].n {
		ch = ch[1:]
	}
	for n := len(ch); n > 1 && ch[n-1].n < short && gap(ch[n-2], ch[n-1]) > ch[n-1].n; n = len(ch) {
		ch = ch[:n-1]
	}
	return ch
}
