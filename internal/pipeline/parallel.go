package pipeline

import (
	"context"
	"runtime"
	"sync"

	"github.com/echotrace/echotrace/internal/doc"
)

// mapDocuments calls fn on every document of the walk `each` on all cores
// and returns the results in walk order. The walk feeds a bounded queue, so
// only a few documents' texts are in memory at once; the results are kept.
func mapDocuments[R any](ctx context.Context, each func(context.Context, func(doc.Document) error) error, fn func(*doc.Document) R) ([]R, error) {
	var results []R
	err := eachMapped(ctx, each, fn, func(_ int, r R) { results = append(results, r) })
	return results, err
}

// eachMapped calls fn on every document of the walk `each` on all cores
// and hands the results to consume one at a time, in walk order, so that
// a caller can keep less than the whole result.
func eachMapped[R any](ctx context.Context, each func(context.Context, func(doc.Document) error) error, fn func(*doc.Document) R, consume func(n int, r R)) error {
	return eachMappedOf(ctx, each, fn, consume)
}

// eachMappedOf is eachMapped over a walk of any kind of item.
func eachMappedOf[T, R any](ctx context.Context, each func(context.Context, func(T) error) error, fn func(*T) R, consume func(n int, r R)) error {
	workers := runtime.GOMAXPROCS(0)
	type job struct {
		n int
		d T
	}
	type result struct {
		n int
		r R
	}
	jobs := make(chan job, workers*2)
	out := make(chan result, workers*2)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				out <- result{j.n, fn(&j.d)}
			}
		}()
	}
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		// Results arrive out of order; hand them on in order.
		pending := map[int]R{}
		next := 0
		for r := range out {
			pending[r.n] = r.r
			for {
				v, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				consume(next, v)
				next++
			}
		}
	}()
	n := 0
	err := each(ctx, func(d T) error {
		select {
		case jobs <- job{n, d}:
			n++
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	close(jobs)
	wg.Wait()
	close(out)
	<-collected
	return err
}
