package store

import (
	"context"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
)

// Rows is the part of a query result that database/sql and pgx share, so
// that backends can hand rows to the helpers here.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// ScanChains reads rows of (chain number, document ID), ordered by chain
// and position, into chains.
func ScanChains(rows Rows) ([]relate.Chain, error) {
	var out []relate.Chain
	last := int64(-1)
	for rows.Next() {
		var c int64
		var d string
		if err := rows.Scan(&c, &d); err != nil {
			return nil, err
		}
		if c != last {
			out = append(out, nil)
			last = c
		}
		out[len(out)-1] = append(out[len(out)-1], d)
	}
	return out, rows.Err()
}

// DocPage reads the documents whose ingest sequence comes after `after`,
// in ingest order, at most size of them, and the sequence of the last.
// The backend must have released its connection when it returns.
type DocPage func(ctx context.Context, after int64, size int) (docs []doc.Document, last int64, err error)

// EachPageSize is how many documents EachDocument reads at a time.
const EachPageSize = 256

// EachByPage implements EachDocument over a DocPage: a page is read
// whole before fn sees any of it, so fn may use the store meanwhile. The
// next page is read while fn works through the current one — reading is
// a good part of a pass over a large corpus, and a caller that hands
// documents to other cores would otherwise leave them idle during every
// read — so memory holds two pages at a time.
func EachByPage(ctx context.Context, page DocPage, fn func(doc.Document) error) error {
	type result struct {
		docs []doc.Document
		last int64
		err  error
	}
	fetch := func(after int64) <-chan result {
		ch := make(chan result, 1) // the reader never waits, even if fn fails
		go func() {
			docs, last, err := page(ctx, after, EachPageSize)
			ch <- result{docs, last, err}
		}()
		return ch
	}
	next := fetch(0)
	for {
		r := <-next
		if r.err != nil {
			return r.err
		}
		full := len(r.docs) >= EachPageSize
		if full {
			next = fetch(r.last)
		}
		for _, d := range r.docs {
			if err := fn(d); err != nil {
				return err
			}
		}
		if !full {
			return nil
		}
	}
}
