package relate

import (
	"fmt"

	"github.com/echotrace/echotrace/internal/doc"
)

// commonShare is how much of two siblings' shared text a common source must
// account for, on both sides, before their own direction is withdrawn.
const commonShare = 0.9

// CommonSources withdraws the direction of relations between siblings:
// when X and Y both take text from a source Z (Z → X and Z → Y) and
// Z's passages hold nearly all the text X and Y share, the shared text is
// explained by Z, and whether X or Y copied the other cannot be told —
// a later date or a comment thread on one of them says nothing about it.
// Such relations keep their kind and passages; their direction becomes
// Undetermined with a reason naming Z. rels is changed in place.
func CommonSources(rels []Relation, passages []Passage) {
	sources := map[string][]string{} // copy → its sources
	for _, r := range rels {
		if s := r.Source(); s != "" {
			sources[r.Copy()] = append(sources[r.Copy()], s)
		}
	}
	byPair := map[[2]string][]Passage{}
	for _, p := range passages {
		if p.Boilerplate {
			continue
		}
		byPair[pairKey(p.A.Doc, p.B.Doc)] = append(byPair[pairKey(p.A.Doc, p.B.Doc)], p)
	}
	for i := range rels {
		r := &rels[i]
		for _, z := range sources[r.A] {
			if z == r.B || !contains(sources[r.B], z) {
				continue
			}
			shared := byPair[pairKey(r.A, r.B)]
			if explained(shared, r.A, byPair[pairKey(z, r.A)]) && explained(shared, r.B, byPair[pairKey(z, r.B)]) {
				r.Direction, r.Confidence = Undetermined, 0
				r.Reason = fmt.Sprintf("both carry this text from %s; which, if either, copied the other cannot be told", z)
				break
			}
		}
	}
}

// explained reports whether the side in doc d of the shared passages lies,
// for at least commonShare of its bytes, inside d's side of the passages
// d shares with the common source.
func explained(shared []Passage, d string, fromSource []Passage) bool {
	var in, total int
	var src []doc.Span
	for _, p := range fromSource {
		src = append(src, side(p, d))
	}
	src = mergeSpans(src)
	for _, p := range shared {
		s := side(p, d)
		total += s.Len()
		for _, q := range src {
			lo, hi := max(s.Begin, q.Begin), min(s.End, q.End)
			if hi > lo {
				in += hi - lo
			}
		}
	}
	return total > 0 && float64(in) >= commonShare*float64(total)
}

// side is the span of passage p in document d.
func side(p Passage, d string) doc.Span {
	if p.A.Doc == d {
		return doc.Span{Begin: p.A.Begin, End: p.A.End}
	}
	return doc.Span{Begin: p.B.Begin, End: p.B.End}
}

func pairKey(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
