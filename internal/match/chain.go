package match

import (
	"slices"
)

// chainScratch is the chaining state an Aligner keeps between pairs.
type chainScratch struct {
	score  []float64
	parent []int
	head   []run // each run as it joins its best predecessor (trimmed where they overlap)
	active []int
	order  []int
	used   []bool
}

// chainRuns links runs (sorted along A) into chains whose consecutive runs
// move forward in both documents with at most MaxGap unmatched tokens
// between them. It is a chaining by dynamic programming: each run follows
// the predecessor that gives the best score (matched tokens, less a cost
// for gaps that shift the diagonal), and chains are read back from the
// best-scoring ends first, each run in one chain only. So when a repeated
// line offers a run on the wrong diagonal, the chain goes on along the
// diagonal the rest of the copy follows, and the stray run is left to a
// chain of its own, which selectAlignments then drops.
func (x *Aligner) chainRuns(runs []run) [][]run {
	s := &x.ch
	n := len(runs)
	s.score = slices.Grow(s.score[:0], n)[:n]
	s.parent = slices.Grow(s.parent[:0], n)[:n]
	s.head = slices.Grow(s.head[:0], n)[:n]
	s.active = s.active[:0]
	for i, r := range runs {
		// Runs that end further back than any gap can bridge are out of
		// reach for this run and every later one (runs start in order).
		keep := s.active[:0]
		for _, j := range s.active {
			if runs[j].a1()+x.opt.MaxGap >= r.a0 {
				keep = append(keep, j)
			}
		}
		s.active = keep
		best, parent, head := float64(r.n), -1, r
		for _, j := range s.active {
			rr, ok := follow(runs[j], r, x.opt)
			if !ok {
				continue
			}
			sc := s.score[j] + float64(rr.n) - gapCost(rr.a0-runs[j].a1(), rr.b0-runs[j].b1())
			if sc > best {
				best, parent, head = sc, j, rr
			}
		}
		s.score[i], s.parent[i], s.head[i] = best, parent, head
		s.active = append(s.active, i)
	}
	s.order = s.order[:0]
	for i := range n {
		s.order = append(s.order, i)
	}
	slices.SortStableFunc(s.order, func(i, j int) int {
		switch {
		case s.score[i] > s.score[j]:
			return -1
		case s.score[i] < s.score[j]:
			return 1
		}
		return 0
	})
	s.used = slices.Grow(s.used[:0], n)[:n]
	clear(s.used)
	var chains [][]run
	for _, end := range s.order {
		if s.used[end] {
			continue
		}
		var ch []run
		first := end
		for k := end; k >= 0 && !s.used[k]; k = s.parent[k] {
			s.used[k] = true
			ch = append(ch, s.head[k])
			first = k
		}
		// The first run of a chain cut off from its predecessor (taken by
		// a better chain) starts where it starts, untrimmed.
		ch[len(ch)-1] = runs[first]
		slices.Reverse(ch)
		chains = append(chains, ch)
	}
	return chains
}

// gapCost is what a gap of ga tokens in A and gb in B costs a chain, in
// matched tokens: mostly the shift of the diagonal (a line pasted on one
// side, or a jump to a repeat elsewhere), a little for the gap itself, so
// that of two ways to go on the nearer one wins.
func gapCost(ga, gb int) float64 {
	shift := ga - gb
	if shift < 0 {
		shift = -shift
	}
	return float64(shift) + 0.1*float64(min(ga, gb))
}

// follow reports whether r can come after last in one passage, and returns
// r trimmed at its start where it overlaps last (repeated tokens make runs
// overlap by a few tokens).
func follow(last, r run, opt AlignOptions) (run, bool) {
	overlap := max(last.a1()-r.a0, last.b1()-r.b0, 0)
	if overlap > 0 {
		if overlap >= r.n || overlap > opt.Seed {
			return r, false
		}
		r.a0 += overlap
		r.b0 += overlap
		r.n -= overlap
	}
	gapA := r.a0 - last.a1()
	gapB := r.b0 - last.b1()
	if gapA < 0 || gapB < 0 || gapA > opt.MaxGap || gapB > opt.MaxGap {
		return r, false
	}
	return r, true
}
