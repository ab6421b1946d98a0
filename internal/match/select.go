package match

import (
	"slices"
)

// candidate is a chain that made a passage: its alignment, and its runs,
// kept so that the parts of it another passage already holds can be cut
// out.
type candidate struct {
	al   Alignment
	runs []run
}

// newCandidate makes a passage of chain ch if it has enough matched tokens
// and identity, and enough distinct text of A (see distinctText).
func newCandidate(ch []run, x *Aligner) (candidate, bool) {
	opt := x.opt
	if len(ch) == 0 {
		return candidate{}, false
	}
	al := Alignment{A0: ch[0].a0, B0: ch[0].b0, A1: ch[len(ch)-1].a1(), B1: ch[len(ch)-1].b1()}
	for _, r := range ch {
		al.Matched += r.n
	}
	ok := al.Matched >= opt.MinTokens && al.Identity() >= opt.MinIdentity && x.distinctText(ch)
	return candidate{al, ch}, ok
}

// distinctText reports whether the matched runs of a chain hold as many
// different shingles of A as a run of MinTokens different tokens does.
// Text that repeats — sentences made from one template (an offer, a date
// line, a "read more" link), a list printed twice, a refrain — counts
// once: two pages built from the same templates share their fixed words a
// few tokens apart again and again, which chains into a passage of high
// identity that is no copy. A copy has as many different shingles as it
// has tokens, less Seed-1, and a copied refrain counts once, as itself.
func (x *Aligner) distinctText(ch []run) bool {
	k := max(x.opt.Seed, 1)
	need := x.opt.MinTokens - k + 1
	if need <= 1 {
		return true
	}
	seen := make([]uint64, 0, need)
	for _, r := range ch {
		for i := r.a0; i+k <= r.a1() && i < len(x.sa); i++ {
			if !slices.Contains(seen, x.sa[i]) {
				if seen = append(seen, x.sa[i]); len(seen) >= need {
					return true
				}
			}
		}
	}
	return false
}

// span is a range [lo, hi) of token indices.
type span struct{ lo, hi int }

// selectAlignments keeps one passage per stretch of text: candidates are
// taken best first (most matched tokens, then highest identity), and a
// later one whose matched tokens lie for half or more of its length, on
// either side, on tokens a kept passage matched is dropped — it is a
// repeat of the text aligned to the wrong occurrence, or a piece of a copy
// already reported. One that overlaps less is genuine: a kept passage
// whose gap it lies in (a block moved into the gap of a reordered copy)
// is cut there, and it keeps only its runs outside the kept passages; the
// pieces are passages only if they still make one.
func selectAlignments(cands []candidate, x *Aligner) []Alignment {
	if len(cands) == 1 {
		return []Alignment{cands[0].al}
	}
	slices.SortStableFunc(cands, func(p, q candidate) int {
		if p.al.Matched != q.al.Matched {
			return q.al.Matched - p.al.Matched
		}
		switch pi, qi := p.al.Identity(), q.al.Identity(); {
		case pi > qi:
			return -1
		case pi < qi:
			return 1
		}
		if p.al.A0 != q.al.A0 {
			return p.al.A0 - q.al.A0
		}
		return p.al.B0 - q.al.B0
	})
	var kept []candidate
	for _, c := range cands {
		al := c.al
		ovA, ovB := matchedIn(kept, al.A0, al.A1, true), matchedIn(kept, al.B0, al.B1, false)
		if 2*ovA >= al.A1-al.A0 || 2*ovB >= al.B1-al.B0 {
			continue
		}
		ca, cb := []span{{al.A0, al.A1}}, []span{{al.B0, al.B1}}
		var next []candidate
		for _, k := range kept {
			if covered(ca, k.al.A0, k.al.A1) == 0 && covered(cb, k.al.B0, k.al.B1) == 0 {
				next = append(next, k)
				continue
			}
			for _, piece := range splitChain(k.runs, ca, cb) {
				if p, ok := newCandidate(piece, x); ok {
					next = append(next, p)
				}
			}
		}
		kept = next
		keptA, keptB := extents(kept)
		if covered(keptA, al.A0, al.A1) == 0 && covered(keptB, al.B0, al.B1) == 0 {
			kept = append(kept, c)
			continue
		}
		for _, piece := range clipChain(c.runs, keptA, keptB) {
			if p, ok := newCandidate(trimChain(piece, x.opt), x); ok {
				kept = append(kept, p)
			}
		}
	}
	out := make([]Alignment, len(kept))
	for i, k := range kept {
		out[i] = k.al
	}
	return out
}

// matchedIn is the number of tokens of [lo, hi), in A (inA) or B, that
// the kept passages' runs match.
func matchedIn(kept []candidate, lo, hi int, inA bool) int {
	n := 0
	for _, k := range kept {
		for _, r := range k.runs {
			r0 := r.b0
			if inA {
				r0 = r.a0
			}
			n += max(0, min(hi, r0+r.n)-max(lo, r0))
		}
	}
	return n
}

// extents are the spans the passages cover in A and in B.
func extents(cs []candidate) (a, b []span) {
	for _, c := range cs {
		a = append(a, span{c.al.A0, c.al.A1})
		b = append(b, span{c.al.B0, c.al.B1})
	}
	return a, b
}

// splitChain cuts a chain between runs whose gap, in A or in B, meets one
// of the spans.
func splitChain(ch []run, inA, inB []span) [][]run {
	var pieces [][]run
	from := 0
	for i := 1; i < len(ch); i++ {
		if covered(inA, ch[i-1].a1(), ch[i].a0) > 0 || covered(inB, ch[i-1].b1(), ch[i].b0) > 0 {
			pieces = append(pieces, ch[from:i])
			from = i
		}
	}
	return append(pieces, ch[from:])
}

// covered is the number of tokens of [lo, hi) inside the spans, which do
// not overlap each other.
func covered(spans []span, lo, hi int) int {
	n := 0
	for _, s := range spans {
		n += max(0, min(hi, s.hi)-max(lo, s.lo))
	}
	return n
}

// clipChain cuts out of a chain every token that lies, on either side,
// inside the spans already taken, and splits it where a taken span lies
// between two of its runs.
func clipChain(ch []run, takenA, takenB []span) [][]run {
	var pieces [][]run
	var cur []run
	var cut []span // scratch: the run's offsets that are taken
	for _, r := range ch {
		cut = cut[:0]
		for _, s := range takenA {
			if lo, hi := max(s.lo-r.a0, 0), min(s.hi-r.a0, r.n); lo < hi {
				cut = append(cut, span{lo, hi})
			}
		}
		for _, s := range takenB {
			if lo, hi := max(s.lo-r.b0, 0), min(s.hi-r.b0, r.n); lo < hi {
				cut = append(cut, span{lo, hi})
			}
		}
		slices.SortFunc(cut, func(x, y span) int { return x.lo - y.lo })
		at := 0
		add := func(lo, hi int) {
			if lo >= hi {
				return
			}
			sub := run{a0: r.a0 + lo, b0: r.b0 + lo, n: hi - lo}
			if len(cur) > 0 {
				last := cur[len(cur)-1]
				if covered(takenA, last.a1(), sub.a0) > 0 || covered(takenB, last.b1(), sub.b0) > 0 {
					pieces = append(pieces, cur)
					cur = nil
				}
			}
			cur = append(cur, sub)
		}
		for _, c := range cut {
			add(at, c.lo)
			at = max(at, c.hi)
		}
		add(at, r.n)
	}
	if len(cur) > 0 {
		pieces = append(pieces, cur)
	}
	return pieces
}

// mergeAdjacent joins passages (sorted along A) that follow each other in
// both documents across a gap a chain could bridge, with no other passage
// between them: pieces of one copy that chaining left apart.
func mergeAdjacent(als []Alignment, opt AlignOptions) []Alignment {
	if len(als) < 2 {
		return als
	}
	out := append(make([]Alignment, 0, len(als)), als[0])
	for _, al := range als[1:] {
		p := &out[len(out)-1]
		gA, gB := al.A0-p.A1, al.B0-p.B1
		if gA >= 0 && gB >= 0 && gA <= opt.MaxGap && gB <= opt.MaxGap && !between(als, p.B1, al.B0) {
			m := Alignment{A0: p.A0, A1: al.A1, B0: p.B0, B1: al.B1, Matched: p.Matched + al.Matched}
			if m.Identity() >= opt.MinIdentity {
				*p = m
				continue
			}
		}
		out = append(out, al)
	}
	return out
}

// between reports whether a passage lies in B between tokens lo and hi.
func between(als []Alignment, lo, hi int) bool {
	for _, al := range als {
		if al.B0 < hi && al.B1 > lo {
			return true
		}
	}
	return false
}
