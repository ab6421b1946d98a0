package cluster

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// eachIndex calls fn(0), …, fn(n-1) on all cores. fn may only read the
// clusterer (summaries, comparisons with scratch of their own) and write
// what belongs to its index.
func eachIndex(n int, fn func(i int)) {
	eachWorker(n, func(int) func(int) { return fn })
}

// scratch is one goroutine's space for comparisons that only read the
// clusterer: candidates and a side to compare with.
type scratch struct {
	cands candidateScratch
	far   side
	// farOf is what far holds, for a caller that keeps it from call to
	// call while the counts stand still: 1 + a story, -1 − a document, 0
	// unknown.
	farOf int32
}

// eachWith is eachIndex with a scratch space for each goroutine, kept in
// the clusterer from call to call: a side's table is as long as the
// vocabulary, and settling calls this thousands of times in a large
// corpus.
func (c *Clusterer) eachWith(n int, fn func(i int, sc *scratch)) {
	for len(c.pool) < runtime.GOMAXPROCS(0) {
		c.pool = append(c.pool, new(scratch))
	}
	eachWorker(n, func(w int) func(int) {
		sc := c.pool[w]
		return func(i int) { fn(i, sc) }
	})
}

// eachWorker runs the calls of eachIndex on min(GOMAXPROCS, n)
// goroutines, worker w calling the function work(w) returns.
func eachWorker(n int, work func(w int) func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		fn := work(0)
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn := work(w)
			for {
				// Indexes go out in runs of a few: one call is small
				// work, and the counter would otherwise bounce between
				// the cores' caches.
				start := int(next.Add(eachRun)) - eachRun
				if start >= n {
					return
				}
				for i := start; i < min(start+eachRun, n); i++ {
					fn(i)
				}
			}
		}()
	}
	wg.Wait()
}

// eachRun is how many indexes an eachIndex worker takes at a time.
const eachRun = 16
