package neardup

import "math"

// Bands chooses the LSH banding for signatures of the given number of
// hashes and a Jaccard threshold: b bands of r rows with b*r <= hashes.
// Two documents of similarity s share at least one band with probability
// 1-(1-s^r)^b. The choice minimises the probability mass of false
// positives (similarity below the threshold, yet candidates) plus false
// negatives (above it, yet not candidates), each integrated over
// similarity and weighted equally — the usual criterion, so that equal
// inputs give other LSH implementations the same banding.
func Bands(hashes int, threshold float64) (bands, rows int) {
	return WeightedBands(hashes, threshold, 0.5)
}

// WeightedBands is Bands with the false negative mass weighted by
// recallWeight and the false positive mass by 1-recallWeight. When
// candidates are checked against the threshold afterwards, a false
// positive costs one signature comparison while a false negative is a
// near-duplicate lost for good, so a weight above 0.5 is the better trade.
func WeightedBands(hashes int, threshold, recallWeight float64) (bands, rows int) {
	if hashes < 1 {
		return 1, 1
	}
	threshold = math.Min(math.Max(threshold, 0), 1)
	recallWeight = math.Min(math.Max(recallWeight, 0), 1)
	best := math.Inf(1)
	bands, rows = 1, hashes
	for b := 1; b <= hashes; b++ {
		for r := 1; b*r <= hashes; r++ {
			fp := integrate(func(s float64) float64 { return candidateProb(s, b, r) }, 0, threshold)
			fn := integrate(func(s float64) float64 { return 1 - candidateProb(s, b, r) }, threshold, 1)
			if e := (1-recallWeight)*fp + recallWeight*fn; e < best {
				best, bands, rows = e, b, r
			}
		}
	}
	return bands, rows
}

// candidateProb is the probability that two documents of Jaccard
// similarity s agree on all r rows of at least one of b bands.
func candidateProb(s float64, b, r int) float64 {
	return 1 - math.Pow(1-math.Pow(s, float64(r)), float64(b))
}

// integrate is the midpoint rule with steps of 0.01, fine enough to rank
// bandings whose error curves differ smoothly.
func integrate(f func(float64) float64, lo, hi float64) float64 {
	const step = 0.01
	sum := 0.0
	for x := lo; x < hi; x += step {
		sum += f(x+step/2) * step
	}
	return sum
}
