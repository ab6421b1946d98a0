package cluster

import (
	"slices"
	"strconv"
	"time"
)

// Order sorts items into the order the clusterer places them in: by
// date, undated items last, and within a day (or among the undated) by a
// hash of the id. The order depends on the items only, not on the order
// they were read in, so one batch of documents always gives the same
// stories; the hash spreads the documents of one event through the batch
// as a live stream would, where ordering by id or by file often brings
// them all together, which tempts the first story to take in a similar
// event. The slice is sorted in place.
func Order(items []Item) {
	dates := make([]time.Time, len(items))
	ids := make([]string, len(items))
	for i, it := range items {
		dates[i], ids[i] = it.Date, it.ID
	}
	sorted := make([]Item, len(items))
	for i, n := range OrderOf(dates, ids) {
		sorted[i] = items[n]
	}
	copy(items, sorted)
}

// OrderOf is the order Order gives items with these dates (zero for
// undated) and ids: their positions, in placing order. A pipeline that
// keeps only dates and ids in memory orders a batch with it.
func OrderOf(dates []time.Time, ids []string) []int {
	type keyed struct {
		k orderKey
		n int
	}
	ks := make([]keyed, len(dates))
	for i, d := range dates {
		ks[i] = keyed{keyOf(d, ids[i]), i}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return a.k.compare(b.k) })
	order := make([]int, len(ks))
	for i, k := range ks {
		order[i] = k.n
	}
	return order
}

// Recluster rebuilds the stories from scratch: it orders the items,
// places them one by one in a new clusterer, exactly as the incremental
// path does, and settles the stories (see Settle). Items that cannot be placed
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
	c.Settle()
	return c, errs
}

func itoa(n int) string { return strconv.Itoa(n) }
