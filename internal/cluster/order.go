package cluster

import (
	"slices"
	"strconv"
	"time"
)

// Order sorts items into the order the clusterer expects: by date, with
// each undated item kept after the dated item that precedes it in the
// input (file order), so undated documents stay where they were read.
// The sort is stable; the slice is sorted in place.
func Order(items []Item) {
	type keyed struct {
		key time.Time
		it  Item
	}
	ks := make([]keyed, len(items))
	var last time.Time
	for i, it := range items {
		if !it.Date.IsZero() {
			last = it.Date
		}
		ks[i] = keyed{last, it}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return a.key.Compare(b.key) })
	for i := range ks {
		items[i] = ks[i].it
	}
}

// Recluster rebuilds the stories from scratch: it orders the items and
// places them one by one in a new clusterer, exactly as the incremental
// path does, so both agree on the same input. Items that cannot be placed
// (no id, a repeated id) are reported in errs and skipped.
func Recluster(items []Item, p Params) (c *Clusterer, errs []error) {
	items = slices.Clone(items)
	Order(items)
	c = New(p)
	for _, it := range items {
		if _, err := c.Add(it); err != nil {
			errs = append(errs, err)
		}
	}
	return c, errs
}

func itoa(n int) string { return strconv.Itoa(n) }
