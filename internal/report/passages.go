package report

import (
	"cmp"
	"slices"

	"github.com/echotrace/echotrace/internal/relate"
)

func init() {
	addSection(section{order: orderPassages, key: "passages", json: passagesJSON})
}

// jsonEnd is one side of a passage: byte offsets into the original text.
type jsonEnd struct {
	Doc   string `json:"doc"`
	Begin int    `json:"begin"`
	End   int    `json:"end"`
}

type jsonPassage struct {
	A           jsonEnd `json:"a"`
	B           jsonEnd `json:"b"`
	Tokens      int     `json:"tokens"`
	Identity    float64 `json:"identity"`
	Boilerplate bool    `json:"boilerplate"`
}

func passagesJSON(r *Report) any {
	ps := sortedPassages(r.Passages)
	out := make([]jsonPassage, len(ps))
	for i, p := range ps {
		out[i] = jsonPassage{
			A:           jsonEnd(p.A),
			B:           jsonEnd(p.B),
			Tokens:      p.Tokens,
			Identity:    ratio(p.Identity),
			Boilerplate: p.Boilerplate,
		}
	}
	return out
}

// sortedPassages orders passages by document pair, then by position in A,
// then in B.
func sortedPassages(ps []relate.Passage) []relate.Passage {
	out := slices.Clone(ps)
	slices.SortStableFunc(out, comparePassages)
	return out
}

func comparePassages(p, q relate.Passage) int {
	return cmp.Or(
		cmp.Compare(p.A.Doc, q.A.Doc), cmp.Compare(p.B.Doc, q.B.Doc),
		cmp.Compare(p.A.Begin, q.A.Begin), cmp.Compare(p.A.End, q.A.End),
		cmp.Compare(p.B.Begin, q.B.Begin), cmp.Compare(p.B.End, q.B.End),
		cmp.Compare(p.Tokens, q.Tokens), cmp.Compare(p.Identity, q.Identity),
		boolCompare(p.Boilerplate, q.Boilerplate),
	)
}

func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// pairKey names an unordered pair of documents.
type pairKey struct{ lo, hi string }

func pairOf(a, b string) pairKey {
	if b < a {
		a, b = b, a
	}
	return pairKey{a, b}
}

// passagesByPair groups passages by their unordered document pair.
func passagesByPair(ps []relate.Passage) map[pairKey][]relate.Passage {
	m := make(map[pairKey][]relate.Passage)
	for _, p := range ps {
		k := pairOf(p.A.Doc, p.B.Doc)
		m[k] = append(m[k], p)
	}
	return m
}

// oriented returns p with its A side in document a (swapping sides when the
// passage was recorded the other way round).
func oriented(p relate.Passage, a string) relate.Passage {
	if p.A.Doc != a && p.B.Doc == a {
		p.A, p.B = p.B, p.A
	}
	return p
}
