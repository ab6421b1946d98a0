package cluster

import (
	"iter"
	"sync"
)

// feedAhead is how many items AddAll reads ahead of placing.
const feedAhead = 64

// AddAll places the items seq yields, in that order, exactly as
// AddPrepared would one at a time, and calls placed (when not nil) after
// each. Placing is serial; what comes before it need not be: one goroutine
// runs seq (a pipeline reads each item back from a file) and reads each
// item's keys into the vocabularies (interning, the entities its title
// names), ahead of the goroutine that places. It stops at the first error
// of seq or of placing (an empty or repeated id) and returns it; the
// clusterer then holds the items placed before, and its vocabularies may
// name keys of the items read ahead.
func (c *Clusterer) AddAll(seq iter.Seq2[Prepared, error], placed func()) error {
	type fed struct {
		p   Prepared
		f   features
		err error
	}
	ch := make(chan fed, feedAhead)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(ch)
		for p, err := range seq {
			x := fed{p: p, err: err}
			if err == nil {
				// Only this goroutine interns (vocab.IDs, Surface) and
				// reads the name index; the placer counts (DF, Docs).
				x.f = x.p.features(&c.terms, &c.ents, &c.names)
			}
			select {
			case ch <- x:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	var err error
	for x := range ch {
		if err = x.err; err != nil {
			break
		}
		if _, err = c.place(x.p, x.f); err != nil {
			break
		}
		if placed != nil {
			placed()
		}
	}
	close(stop)
	for range ch {
	}
	wg.Wait()
	return err
}
