package relate

import (
	"slices"
)

// maxChains bounds the chains listed for one corpus: a widely reposted item
// has a combinatorial number of paths, and the longest ones say the most.
const maxChains = 1000

// Chains returns provenance chains: maximal paths source → copy → copy of
// the copy through relations whose direction is known. A direct edge that a
// longer path already explains (A → C beside A → B → C) adds no chain of its
// own. Chains are ordered longest first, then by their documents.
func Chains(rels []Relation) []Chain {
	next := map[string][]string{}
	hasParent := map[string]bool{}
	nodes := map[string]bool{}
	for _, r := range rels {
		src, cp := r.Source(), r.Copy()
		if src == "" || src == cp {
			continue
		}
		next[src] = append(next[src], cp)
		hasParent[cp] = true
		nodes[src], nodes[cp] = true, true
	}
	for k := range next {
		slices.Sort(next[k])
		next[k] = slices.Compact(next[k])
	}
	var roots []string
	for n := range nodes {
		if !hasParent[n] {
			roots = append(roots, n)
		}
	}
	slices.Sort(roots)
	var out []Chain
	var walk func(path []string, onPath map[string]bool)
	walk = func(path []string, onPath map[string]bool) {
		if len(out) >= maxChains*4 {
			return
		}
		last := path[len(path)-1]
		extended := false
		for _, n := range next[last] {
			if onPath[n] { // a cycle from contradictory dates and signs
				continue
			}
			extended = true
			onPath[n] = true
			walk(append(path, n), onPath)
			delete(onPath, n)
		}
		if !extended && len(path) >= 2 {
			out = append(out, Chain(slices.Clone(path)))
		}
	}
	for _, r := range roots {
		walk([]string{r}, map[string]bool{r: true})
	}
	out = dropImplied(out)
	slices.SortFunc(out, func(x, y Chain) int {
		if len(x) != len(y) {
			return len(y) - len(x)
		}
		return slices.Compare(x, y)
	})
	if len(out) > maxChains {
		out = out[:maxChains]
	}
	return out
}

// dropImplied removes chains whose documents appear, in the same order, in
// a longer chain: A → C is implied by A → B → C.
func dropImplied(chains []Chain) []Chain {
	slices.SortFunc(chains, func(x, y Chain) int { return len(y) - len(x) })
	var out []Chain
	for _, c := range chains {
		implied := false
		for _, longer := range out {
			if len(longer) > len(c) && subsequence(c, longer) {
				implied = true
				break
			}
		}
		if !implied {
			out = append(out, c)
		}
	}
	return out
}

func subsequence(short, long Chain) bool {
	i := 0
	for _, x := range long {
		if i < len(short) && short[i] == x {
			i++
		}
	}
	return i == len(short)
}
