package eval

import (
	"math/rand/v2"
	"slices"
	"strconv"
)

// Shuffled returns the items in a random order fixed by seed, for
// measuring how much the stories depend on arrival order.
func Shuffled(items []Labelled, seed uint64) []Labelled {
	out := slices.Clone(items)
	rng := rand.New(rand.NewPCG(seed, 0x6f72646572))
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// Grouped returns the items so that each gold story's items arrive
// together, stories in the order of their first item: the order in which
// a first story is complete before the next, similar one starts, which is
// where incremental placement is most tempted to merge two events.
func Grouped(items []Labelled) []Labelled {
	first := make(map[string]int)
	for i, l := range items {
		if _, ok := first[l.Story]; !ok {
			first[l.Story] = i
		}
	}
	out := slices.Clone(items)
	slices.SortStableFunc(out, func(a, b Labelled) int { return first[a.Story] - first[b.Story] })
	return out
}

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }
