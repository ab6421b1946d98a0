package bench

import (
	"math"
	"slices"

	"github.com/echotrace/echotrace/internal/relate"
)

// PANScore is the character-level measure of the PAN text-alignment task
// (Potthast et al., "An Evaluation Framework for Plagiarism Detection",
// 2010), counted in bytes. A planted passage (a case) is detected by a
// reported passage of the same pair that overlaps it on both sides.
//
//   - Recall: the mean over cases of the share of the case's bytes, both
//     sides together, inside passages that detect it.
//   - Precision: the mean over reported passages of the share of their
//     bytes inside cases they detect.
//   - Granularity: the mean number of passages detecting a case, over the
//     cases detected at all: 1 when each copy is reported once.
//   - Plagdet: F1 of recall and precision, divided by log2(1 + granularity).
//
// Cases under MinPassageTokens count for precision (a passage covering one
// is right) but not for recall or granularity; passages marked boilerplate
// are not reported passages.
type PANScore struct {
	Cases       int     `json:"cases"`
	Detected    int     `json:"detected"`
	Reported    int     `json:"reported"`
	Recall      float64 `json:"recall"`
	Precision   float64 `json:"precision"`
	Granularity float64 `json:"granularity"`
	Plagdet     float64 `json:"plagdet"`
}

// ScorePAN scores reported passages against planted ones by PAN's
// character-level measures.
func ScorePAN(planted []PlantedPassage, reported []relate.Passage) PANScore {
	var s PANScore
	byPair := map[pairKey][]int{}
	for i, q := range planted {
		k := keyOf(q.A.Doc, q.B.Doc)
		byPair[k] = append(byPair[k], i)
	}
	// For each case, the parts of it each detecting passage covers.
	type covering struct {
		a, b []relate.End
		n    int // detecting passages
	}
	cov := make([]covering, len(planted))
	var precSum float64
	for _, p := range reported {
		if p.Boilerplate {
			continue
		}
		s.Reported++
		var inA, inB []relate.End // p's bytes inside the cases it detects, by side of p
		for _, i := range byPair[keyOf(p.A.Doc, p.B.Doc)] {
			q := planted[i]
			pa, pb := oriented(p, q)
			oa, ob := intersect(pa, q.A), intersect(pb, q.B)
			if oa.End <= oa.Begin || ob.End <= ob.Begin {
				continue
			}
			cov[i].a = append(cov[i].a, oa)
			cov[i].b = append(cov[i].b, ob)
			cov[i].n++
			inA, inB = append(inA, oa), append(inB, ob)
		}
		if size := p.A.End - p.A.Begin + p.B.End - p.B.Begin; size > 0 {
			precSum += float64(unionLen(inA)+unionLen(inB)) / float64(size)
		}
	}
	var recSum float64
	granSum := 0
	for i, q := range planted {
		if q.Short {
			continue
		}
		s.Cases++
		c := cov[i]
		if c.n == 0 {
			continue
		}
		s.Detected++
		granSum += c.n
		if size := q.A.End - q.A.Begin + q.B.End - q.B.Begin; size > 0 {
			recSum += float64(unionLen(c.a)+unionLen(c.b)) / float64(size)
		}
	}
	s.Recall, s.Precision, s.Granularity = 1, 1, 1
	if s.Cases > 0 {
		s.Recall = recSum / float64(s.Cases)
	}
	if s.Reported > 0 {
		s.Precision = precSum / float64(s.Reported)
	}
	if s.Detected > 0 {
		s.Granularity = float64(granSum) / float64(s.Detected)
	}
	if f := s.Recall + s.Precision; f > 0 {
		s.Plagdet = 2 * s.Recall * s.Precision / f / math.Log2(1+s.Granularity)
	}
	return s
}

// intersect is the part two spans of one document share (empty when
// End <= Begin).
func intersect(a, b relate.End) relate.End {
	return relate.End{Doc: a.Doc, Begin: max(a.Begin, b.Begin), End: min(a.End, b.End)}
}

// unionLen is the number of bytes in the union of spans of one document.
func unionLen(spans []relate.End) int {
	if len(spans) == 0 {
		return 0
	}
	spans = slices.Clone(spans)
	slices.SortFunc(spans, func(x, y relate.End) int { return x.Begin - y.Begin })
	n, lo, hi := 0, spans[0].Begin, spans[0].End
	for _, sp := range spans[1:] {
		if sp.Begin > hi {
			n += hi - lo
			lo, hi = sp.Begin, sp.End
			continue
		}
		hi = max(hi, sp.End)
	}
	return n + hi - lo
}
