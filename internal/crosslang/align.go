package crosslang

import (
	"math"
	"slices"
)

// bead is one step of an alignment: sentences [a0, a1) of one document
// with sentences [b0, b1) of the other. One side is empty for a sentence
// left unaligned.
type bead struct {
	a0, a1, b0, b1 int
	sim            float64 // evidence found on both sides, 0..1 (see similarity)
}

// Priors of the bead shapes, as Gale and Church measured them on
// translated text: most sentences translate one to one, about one in ten
// is merged with or split from a neighbour, one in a hundred has no
// counterpart.
var (
	logPrior11   = math.Log(0.89)
	logPrior21   = math.Log(0.089 / 2)
	logPriorSkip = math.Log(0.0099 / 2)
)

// lengthVariance is Gale and Church's variance of the length of a
// translation per character of its source (6.8).
const lengthVariance = 6.8

// evidenceWeight scales a bead's similarity (0..1) against the log
// probabilities of the length model: a sentence pair that shares all its
// evidence is worth about as much as a likely length ratio.
const evidenceWeight = 6.0

// alignSentences aligns the sentences of x and y by dynamic programming
// over the bead shapes 1–1, 1–2, 2–1, 1–0 and 0–1, scoring each by the
// Gale–Church length model (the expected ratio of lengths taken from the
// two documents themselves) and by the evidence the two sides share. Long
// documents are aligned within a band around the diagonal.
func alignSentences(x, y *Features, ev *evidenceTable) []bead {
	n, m := len(x.sents), len(y.sents)
	if n == 0 || m == 0 {
		return nil
	}
	lx, ly := 0, 0
	for _, s := range x.sents {
		lx += s.length
	}
	for _, s := range y.sents {
		ly += s.length
	}
	ratio := float64(ly) / float64(max(lx, 1))
	// Within the band, a path can always reach the end only if the band
	// is wider than the documents' difference in length; otherwise, or
	// when the documents are small, the whole table is filled.
	band := max(8, max(n, m)/5)
	full := n*m <= 40000 || band < abs(n-m)+2
	inBand := func(i, j int) bool {
		d := float64(i)*float64(m)/float64(n) - float64(j)
		return full || math.Abs(d) <= float64(band)+1
	}
	negInf := math.Inf(-1)
	w := m + 1
	score := make([]float64, (n+1)*w)
	from := make([]uint8, (n+1)*w)
	for i := range score {
		score[i] = negInf
	}
	score[0] = 0
	shapes := [5][2]int{{1, 1}, {1, 2}, {2, 1}, {1, 0}, {0, 1}}
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			if i+j == 0 || !inBand(i, j) {
				continue
			}
			best, arg := negInf, uint8(0)
			for k, sh := range shapes {
				pi, pj := i-sh[0], j-sh[1]
				if pi < 0 || pj < 0 || score[pi*w+pj] == negInf {
					continue
				}
				v := score[pi*w+pj] + beadScore(x, y, ev, pi, i, pj, j, ratio)
				if v > best {
					best, arg = v, uint8(k)
				}
			}
			score[i*w+j], from[i*w+j] = best, arg
		}
	}
	if score[n*w+m] == negInf {
		return nil
	}
	var out []bead
	for i, j := n, m; i > 0 || j > 0; {
		sh := shapes[from[i*w+j]]
		b := bead{a0: i - sh[0], a1: i, b0: j - sh[1], b1: j}
		if sh[0] > 0 && sh[1] > 0 {
			b.sim = ev.sim(b.a0, b.a1, b.b0, b.b1)
		}
		out = append(out, b)
		i, j = b.a0, b.b0
	}
	slices.Reverse(out)
	return out
}

// beadScore is the log-probability-like score of aligning x's sentences
// [a0, a1) with y's [b0, b1).
func beadScore(x, y *Features, ev *evidenceTable, a0, a1, b0, b1 int, ratio float64) float64 {
	if a1 == a0 || b1 == b0 {
		return logPriorSkip
	}
	la, lb := 0, 0
	for _, s := range x.sents[a0:a1] {
		la += s.length
	}
	for _, s := range y.sents[b0:b1] {
		lb += s.length
	}
	prior := logPrior11
	if a1-a0+b1-b0 > 2 {
		prior = logPrior21
	}
	return prior + lengthLogProb(la, lb, ratio) + evidenceWeight*ev.sim(a0, a1, b0, b1)
}

// lengthLogProb is Gale and Church's log probability that text of length
// lb translates text of length la, when translations are ratio times as
// long as their source on average.
func lengthLogProb(la, lb int, ratio float64) float64 {
	mean := (float64(la) + float64(lb)/ratio) / 2
	delta := (float64(lb) - ratio*float64(la)) / math.Sqrt(max(mean, 1)*lengthVariance)
	p := math.Erfc(math.Abs(delta) / math.Sqrt2) // 2(1 - Φ(|δ|))
	return math.Log(max(p, 1e-9))
}

// similarity is the share of the evidence of two groups of sentences
// (weighted; see slot) that is found on the other side.
func similarity(xs, ys []sentence) float64 {
	total, found := 0.0, 0.0
	for _, s := range xs {
		total += s.weight
		found += foundWeight(s.slots, ys)
	}
	for _, s := range ys {
		total += s.weight
		found += foundWeight(s.slots, xs)
	}
	if total == 0 {
		return 0
	}
	return found / total
}

// foundWeight is the weight of the slots found in any of the sentences.
func foundWeight(slots []slot, in []sentence) float64 {
	w := 0.0
	for _, sl := range slots {
		if slotIn(sl, in) {
			w += sl.weight
		}
	}
	return w
}

func slotIn(sl slot, in []sentence) bool {
	for _, k := range sl.keys {
		for i := range in {
			if _, ok := slices.BinarySearch(in[i].keys, k); ok {
				return true
			}
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
