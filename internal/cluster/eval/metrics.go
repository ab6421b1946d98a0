package eval

// Scores are precision, recall and F1 of one clustering against gold.
type Scores struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func scores(p, r float64) Scores {
	s := Scores{Precision: p, Recall: r}
	if p+r > 0 {
		s.F1 = 2 * p * r / (p + r)
	}
	return s
}

// Pairwise scores the pairs of items put together: precision is the share
// of predicted same-cluster pairs that gold also puts together, recall the
// share of gold same-cluster pairs that were predicted. Only items present
// in both maps count. With no pair on one side its score is 1 (nothing
// claimed, nothing wrong).
func Pairwise(pred, gold map[string]string) Scores {
	cell, predSize, goldSize, _ := contingency(pred, gold)
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var tp, pp, gp float64
	for _, n := range cell {
		tp += pairs(n)
	}
	for _, n := range predSize {
		pp += pairs(n)
	}
	for _, n := range goldSize {
		gp += pairs(n)
	}
	p, r := 1.0, 1.0
	if pp > 0 {
		p = tp / pp
	}
	if gp > 0 {
		r = tp / gp
	}
	return scores(p, r)
}

// BCubed scores each item by how pure its predicted cluster is (precision:
// the share of it with the item's gold label) and how complete (recall:
// the share of the item's gold cluster that is in it), averaged over items
// (Bagga and Baldwin 1998; Amigó et al. 2009).
func BCubed(pred, gold map[string]string) Scores {
	cell, predSize, goldSize, n := contingency(pred, gold)
	if n == 0 {
		return Scores{}
	}
	var sp, sr float64
	for k, c := range cell {
		// each of the c items in this cell has c same-label items in its
		// predicted cluster and c predicted-mates in its gold cluster
		sp += float64(c) * float64(c) / float64(predSize[k[0]])
		sr += float64(c) * float64(c) / float64(goldSize[k[1]])
	}
	return scores(sp/float64(n), sr/float64(n))
}

// contingency counts the items of each (predicted, gold) cluster pair,
// of each predicted and each gold cluster, over the n items in both maps.
func contingency(pred, gold map[string]string) (cell map[[2]string]int, predSize, goldSize map[string]int, n int) {
	cell = make(map[[2]string]int)
	predSize = make(map[string]int)
	goldSize = make(map[string]int)
	for id, g := range gold {
		p, ok := pred[id]
		if !ok {
			continue
		}
		cell[[2]string{p, g}]++
		predSize[p]++
		goldSize[g]++
		n++
	}
	return cell, predSize, goldSize, n
}
