package crosslang

import "slices"

// evidenceTable holds, for every sentence of one document and every
// sentence (or two neighbouring sentences) of the other, the weight of the
// first's evidence found in the second, so that the aligner scores a bead
// with a few additions instead of looking keys up again: each slot's keys
// are looked up once, in an index of the other document's keys.
type evidenceTable struct {
	n, m   int
	fx1    []float64 // [i*m+j]: weight of x_i's slots found in y_j
	fx2    []float64 // [i*m+j]: … found in y_j or y_j+1
	fy1    []float64 // [j*n+i]: weight of y_j's slots found in x_i
	fy2    []float64 // [j*n+i]: … found in x_i or x_i+1
	wx, wy []float64 // each sentence's total weight
}

func newEvidenceTable(x, y *Features) *evidenceTable {
	n, m := len(x.sents), len(y.sents)
	t := &evidenceTable{n: n, m: m,
		fx1: make([]float64, n*m), fx2: make([]float64, n*m),
		fy1: make([]float64, n*m), fy2: make([]float64, n*m),
		wx: make([]float64, n), wy: make([]float64, m)}
	for i, s := range x.sents {
		t.wx[i] = s.weight
	}
	for j, s := range y.sents {
		t.wy[j] = s.weight
	}
	found(x, y, t.fx1, t.fx2)
	found(y, x, t.fy1, t.fy2)
	return t
}

// found fills one1[i*len(y)+j] with the weight of x_i's slots found in
// y_j, and two[i*len(y)+j] with those found in y_j or y_j+1.
func found(x, y *Features, one, two []float64) {
	m := len(y.sents)
	where := map[uint64][]int32{} // key → the sentences of y holding it, ascending
	for j, s := range y.sents {
		for _, k := range s.keys {
			where[k] = append(where[k], int32(j))
		}
	}
	var in []int32
	for i, s := range x.sents {
		row := i * m
		for _, sl := range s.slots {
			in = in[:0]
			for _, k := range sl.keys {
				in = append(in, where[k]...)
			}
			if len(in) == 0 {
				continue
			}
			if len(sl.keys) > 1 {
				slices.Sort(in)
				in = slices.Compact(in)
			}
			last := int32(-1)
			for _, j := range in {
				one[row+int(j)] += sl.weight
				for _, p := range [2]int32{j - 1, j} {
					if p >= 0 && int(p) < m-1 && p > last {
						two[row+int(p)] += sl.weight
						last = p
					}
				}
			}
		}
	}
}

// sim is the similarity (see similarity) of x's sentences [a0, a1) with
// y's [b0, b1), for the bead shapes 1–1, 1–2 and 2–1.
func (t *evidenceTable) sim(a0, a1, b0, b1 int) float64 {
	var f, w float64
	switch {
	case a1-a0 == 1 && b1-b0 == 1:
		f = t.fx1[a0*t.m+b0] + t.fy1[b0*t.n+a0]
		w = t.wx[a0] + t.wy[b0]
	case a1-a0 == 1 && b1-b0 == 2:
		f = t.fx2[a0*t.m+b0] + t.fy1[b0*t.n+a0] + t.fy1[(b0+1)*t.n+a0]
		w = t.wx[a0] + t.wy[b0] + t.wy[b0+1]
	case a1-a0 == 2 && b1-b0 == 1:
		f = t.fx1[a0*t.m+b0] + t.fx1[(a0+1)*t.m+b0] + t.fy2[b0*t.n+a0]
		w = t.wx[a0] + t.wx[a0+1] + t.wy[b0]
	default:
		return 0
	}
	if w == 0 {
		return 0
	}
	return f / w
}

// chance is the mean similarity of every sentence of x with every
// sentence of y: what the pair shares whatever is aligned with what — its
// names and numbers if both report one story, little if not.
func (t *evidenceTable) chance() float64 {
	if t.n == 0 || t.m == 0 {
		return 0
	}
	sum := 0.0
	for i := 0; i < t.n; i++ {
		for j := 0; j < t.m; j++ {
			sum += t.sim(i, i+1, j, j+1)
		}
	}
	return sum / float64(t.n*t.m)
}
