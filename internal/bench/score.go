package bench

import (
	"github.com/echotrace/echotrace/internal/relate"
)

// PassageScore compares reported passages with planted ones.
//
// The rule: a planted passage is found when one reported passage between
// the same two documents overlaps it, on each side, by at least half of the
// planted span's bytes. A reported passage is correct when, on each side,
// it overlaps one planted passage of the same pair by at least half of the
// shorter of the two spans (so a piece of a planted passage is correct, and
// so is a passage that runs on into boilerplate it shares with its copy,
// but a passage of boilerplate alone is not). Recall is found / planted,
// counting planted passages of MinPassageTokens or more; precision is
// correct / reported, counting reported passages not marked boilerplate.
type PassageScore struct {
	Planted   int              `json:"planted"`
	Found     int              `json:"found"`
	Reported  int              `json:"reported"`
	Correct   int              `json:"correct"`
	Recall    float64          `json:"recall"`
	Precision float64          `json:"precision"`
	ByOp      map[Op]*OpRecall `json:"by_op"`
}

// OpRecall is the recall of the planted passages of one kind.
type OpRecall struct {
	Planted int     `json:"planted"`
	Found   int     `json:"found"`
	Recall  float64 `json:"recall"`
}

// pairKey names an unordered pair of documents.
type pairKey struct{ lo, hi string }

func keyOf(a, b string) pairKey {
	if b < a {
		a, b = b, a
	}
	return pairKey{a, b}
}

// overlap is the number of bytes two spans of the same document share.
func overlap(a, b relate.End) int {
	return max(0, min(a.End, b.End)-max(a.Begin, b.Begin))
}

// oriented returns p's ends in the order of q's documents: the side of p in
// q.A's document first.
func oriented(p relate.Passage, q PlantedPassage) (relate.End, relate.End) {
	if p.A.Doc == q.A.Doc {
		return p.A, p.B
	}
	return p.B, p.A
}

// ScorePassages scores reported passages against the planted ones.
func ScorePassages(planted []PlantedPassage, reported []relate.Passage) PassageScore {
	s := PassageScore{ByOp: map[Op]*OpRecall{}}
	byPair := map[pairKey][]int{}
	for i, q := range planted {
		k := keyOf(q.A.Doc, q.B.Doc)
		byPair[k] = append(byPair[k], i)
	}
	found := make([]bool, len(planted))
	for _, p := range reported {
		if p.Boilerplate {
			continue
		}
		s.Reported++
		correct := false
		for _, i := range byPair[keyOf(p.A.Doc, p.B.Doc)] {
			q := planted[i]
			pa, pb := oriented(p, q)
			oa, ob := overlap(pa, q.A), overlap(pb, q.B)
			if 2*oa >= q.A.End-q.A.Begin && 2*ob >= q.B.End-q.B.Begin {
				found[i] = true
			}
			if oa > 0 && ob > 0 &&
				2*oa >= min(pa.End-pa.Begin, q.A.End-q.A.Begin) &&
				2*ob >= min(pb.End-pb.Begin, q.B.End-q.B.Begin) {
				correct = true
			}
		}
		if correct {
			s.Correct++
		}
	}
	for i, q := range planted {
		if q.Short {
			continue
		}
		r := s.ByOp[q.Op]
		if r == nil {
			r = &OpRecall{}
			s.ByOp[q.Op] = r
		}
		s.Planted++
		r.Planted++
		if found[i] {
			s.Found++
			r.Found++
		}
	}
	for _, r := range s.ByOp {
		r.Recall = ratio(r.Found, r.Planted)
	}
	s.Recall, s.Precision = ratio(s.Found, s.Planted), ratio(s.Correct, s.Reported)
	return s
}

// PairScore compares reported near-duplicate pairs with the planted pairs
// whose exact Jaccard similarity reaches the threshold. NearMiss counts
// reported pairs that are planted with a similarity within 0.1 below the
// threshold: they count against precision, but say the miss is narrow.
type PairScore struct {
	Threshold float64 `json:"threshold"`
	Truth     int     `json:"truth"`
	Reported  int     `json:"reported"`
	Correct   int     `json:"correct"`
	NearMiss  int     `json:"near_miss"`
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
}

// ScorePairs scores reported document pairs (in either order, repeats
// counted once) against planted pairs at a Jaccard threshold.
func ScorePairs(planted []PlantedPair, threshold float64, reported [][2]string) PairScore {
	s := PairScore{Threshold: threshold}
	sim := map[pairKey]float64{}
	for _, p := range planted {
		sim[keyOf(p.A, p.B)] = p.Jaccard
		if p.Jaccard >= threshold {
			s.Truth++
		}
	}
	seen := map[pairKey]bool{}
	for _, r := range reported {
		k := keyOf(r[0], r[1])
		if seen[k] || r[0] == r[1] {
			continue
		}
		seen[k] = true
		s.Reported++
		j, ok := sim[k]
		switch {
		case ok && j >= threshold:
			s.Correct++
		case ok && j >= threshold-0.1:
			s.NearMiss++
		}
	}
	s.Recall, s.Precision = ratio(s.Correct, s.Truth), ratio(s.Correct, s.Reported)
	return s
}

// ratio is a/b, and 1 when there is nothing to count: no planted passage
// missed, no reported passage wrong.
func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
