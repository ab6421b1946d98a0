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
	workers := runtime.GOMAXPROCS(0)
	type job struct {
		n int
		d doc.Document
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
	var results []R
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		for r := range out {
			for len(results) <= r.n {
				var zero R
				results = append(results, zero)
			}
			results[r.n] = r.r
		}
	}()
	n := 0
	err := each(ctx, func(d doc.Document) error {
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
	if err != nil {
		return nil, err
	}
	return results[:n], nil
}
