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
		sc := featureScratch{room: c.spareRoom, whole: c.p.DocTerms}
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
	if c.spare == nil {
		c.spare = make(chan []weighted, spareVectors)
	}
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
		if _, err = c.place(x.p, x.f, c.p.Threshold); err != nil {
			break
		}
		c.handBack(x.f)
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

// A placed document's whole vectors (its features) are garbage once it
// is placed, unless the document keeps them (a vector of at most DocTerms
// coordinates is kept as it is, see rank): the reader's next vectors are
// made in them rather than in new memory, some kilobytes a document,
// which at a large corpus set the collector's pace in placing. The spare
// vectors go from the placer to the reader through a channel, as many as
// may be under way between them.
func (c *Clusterer) handBack(f features) {
	c.near.terms.release() // it may hold f.terms
	c.near.ents.release()
	for _, v := range [2][]weighted{f.terms, f.ents} {
		if len(v) <= c.p.DocTerms {
			continue // the document keeps it
		}
		select {
		case c.spare <- v[:0]:
		default:
		}
	}
}

// spareVectors is how many spare vectors handBack keeps.
const spareVectors = 2*feedAhead + 8

// spareRoom is the room the reader makes a vector of up to n coordinates
// in: a spare one when there is one long enough, nil (new memory) when
// the vector may be kept whole (n at most DocTerms) or none is spare.
// Only the reader calls it.
func (c *Clusterer) spareRoom(n int) []weighted {
	if n <= c.p.DocTerms || c.spare == nil {
		return nil
	}
	select {
	case v := <-c.spare:
		if cap(v) >= n {
			return v
		}
	default:
	}
	return make([]weighted, 0, (n+63)&^63)
}
