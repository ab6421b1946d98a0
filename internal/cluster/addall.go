package cluster

import (
	"fmt"
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
	return c.addAll(func(yield func(Prepared, features, error) bool) {
		for p, err := range seq {
			var f features
			if err == nil {
				f = p.features(&c.terms, &c.ents, &c.names)
			}
			if !yield(p, f, err) {
				return
			}
		}
	}, placed)
}

// AddRecords is AddAll for items as records (Prepared.AppendRecord): the
// keys go from each record's bytes into the vocabularies, and only keys
// not interned yet become strings. A record need stay valid only until
// seq asks for the next.
func (c *Clusterer) AddRecords(seq iter.Seq2[[]byte, error], placed func()) error {
	return c.addAll(func(yield func(Prepared, features, error) bool) {
		n := 0
		var sc featureScratch
		for b, err := range seq {
			var p Prepared
			var f features
			if err == nil {
				if p, f, err = c.readRecord(b, &sc); err != nil {
					err = fmt.Errorf("cluster: record %d: %w", n, err)
				}
			}
			if !yield(p, f, err) {
				return
			}
			n++
		}
	}, placed)
}

// addAll places what read yields, read on a goroutine of its own. Only
// that goroutine interns (vocab.IDs, Surface) and reads the name index;
// the placer counts (DF, Docs).
func (c *Clusterer) addAll(read func(yield func(Prepared, features, error) bool), placed func()) error {
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
		read(func(p Prepared, f features, err error) bool {
			select {
			case ch <- fed{p, f, err}:
			case <-stop:
				return false
			}
			return err == nil
		})
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
