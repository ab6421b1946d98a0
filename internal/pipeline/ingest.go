package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/read"
	"github.com/echotrace/echotrace/internal/store"
)

// IngestOptions tune Ingest.
type IngestOptions struct {
	Read read.Options
	// Batch is the number of documents stored per transaction. A killed
	// ingest loses at most the batch in flight, and running it again
	// stores that batch: documents are identified by id, so nothing is
	// stored twice.
	Batch int
	// Progress, when set, is called after each stored batch with the
	// number of documents read so far.
	Progress func(read int)
	// Indexing, when set, is called once every document is stored, when
	// the backend builds the indexes it deferred (store.BulkLoader): a
	// step of seconds to a minute at a million documents.
	Indexing func()
}

// IngestSummary says what an ingest did.
type IngestSummary struct {
	Read      read.Stats      `json:"read"`
	Stored    store.PutResult `json:"stored"`
	Rejected  int             `json:"rejected"`
	Documents int64           `json:"documents"` // in the store afterwards
	// Problems are the messages of every problem reported, each naming
	// its file (and line or record), in the order they arose.
	Problems []string `json:"problems"`
}

// Failed reports whether any input, or any document, could not be taken in.
func (s IngestSummary) Failed() bool { return s.Read.Failed > 0 || s.Rejected > 0 }

// Ingest reads paths and stores their documents. Problems with single
// inputs or documents are passed to report and counted; the rest is
// ingested. The error is for failures of the store or the context.
func Ingest(ctx context.Context, st store.Store, paths []string, opt IngestOptions, report read.Report) (IngestSummary, error) {
	bulk, ok := st.(store.BulkLoader)
	if !ok {
		return ingest(ctx, st, paths, opt, report)
	}
	end, err := bulk.BeginBulk(ctx)
	if err != nil {
		return IngestSummary{}, err
	}
	sum, err := ingest(ctx, st, paths, opt, report)
	if opt.Indexing != nil {
		opt.Indexing()
	}
	// The index is built even when the ingest was cancelled.
	return sum, errors.Join(err, end(context.WithoutCancel(ctx)))
}

// ingest is Ingest without the backend's bulk mode.
func ingest(ctx context.Context, st store.Store, paths []string, opt IngestOptions, report read.Report) (IngestSummary, error) {
	if opt.Batch <= 0 {
		opt.Batch = 500
	}
	// Problems come from the reader and from the storer, one goroutine
	// each: the callback sees them one at a time.
	var sum IngestSummary
	sum.Problems = []string{}
	var reportMu sync.Mutex
	report = func(inner read.Report) read.Report {
		return func(p read.Problem) {
			reportMu.Lock()
			defer reportMu.Unlock()
			sum.Problems = append(sum.Problems, p.Error())
			if inner != nil {
				inner(p)
			}
		}
	}(report)

	// Three stages overlap: the reader fills batches; a finisher marks
	// their regions and languages (on all cores); a storer writes them
	// (SQLite writes on one core). While one batch is stored the next is
	// marked and a third read, so the store's core is never idle waiting
	// for the others. Each hand-over holds one batch at most, so memory
	// stays bounded. A store that takes records made beforehand
	// (store.BatchPutter) has them made by the finisher too, off the
	// store's core.
	putter, putsBatches := st.(store.BatchPutter)
	type finishedBatch struct {
		docs []doc.Document
		made store.Batch
	}
	batches := make(chan []doc.Document, 1)
	finished := make(chan finishedBatch, 1)
	stored := make(chan error, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(finished)
		for batch := range batches {
			f := finishedBatch{docs: batch}
			if ctx.Err() == nil {
				f.made = finishBatch(batch, putsBatches)
			}
			finished <- f
		}
	}()
	go func() {
		var err error
		n := 0
		for f := range finished {
			if err == nil {
				err = ctx.Err() // a batch left unfinished is never stored
			}
			if err != nil {
				continue // drain after a failure
			}
			var res store.PutResult
			if putsBatches {
				res, err = putter.PutBatch(ctx, f.made)
			} else {
				res, err = st.PutDocuments(ctx, f.docs)
			}
			var rej *store.RejectedError
			if errors.As(err, &rej) {
				for _, r := range rej.Rejected {
					report(read.Problem{Path: r.Path, Line: r.Line, Err: fmt.Errorf("document %q not stored: %w", r.ID, r.Err)})
				}
				sum.Rejected += len(rej.Rejected)
				err = nil
			}
			if err != nil {
				cancel() // stop the reader
				continue
			}
			sum.Stored.Added += res.Added
			sum.Stored.Updated += res.Updated
			sum.Stored.Unchanged += res.Unchanged
			sum.Stored.Renamed += res.Renamed
			n += len(f.docs)
			if opt.Progress != nil {
				opt.Progress(n)
			}
		}
		stored <- err
	}()

	batch := make([]doc.Document, 0, opt.Batch)
	ropt := opt.Read
	ropt.DeferRegions = !ropt.NoRegions // marked per batch, on all cores
	var clashes idClashes
	clashed, repeats := 0, 0
	roots := newIngestRoots(opt.Read.Root, paths, isDir)
	stats, readErr := read.Paths(ctx, paths, ropt, func(d doc.Document) error {
		repeat, err := clashes.check(d)
		if err != nil {
			report(read.Problem{Path: d.Path, Line: d.Line, Err: err})
			clashed++ // the storer counts its rejections in sum; added at the end
			return nil
		}
		if repeat {
			repeats++
			return nil
		}
		d.Path = roots.rel(d.Path)
		batch = append(batch, d)
		if len(batch) >= opt.Batch {
			select {
			case batches <- batch:
			case <-ctx.Done():
				return ctx.Err()
			}
			batch = make([]doc.Document, 0, opt.Batch)
		}
		return nil
	}, report)
	if readErr == nil && len(batch) > 0 {
		batches <- batch
	}
	close(batches)
	storeErr := <-stored
	sum.Read = stats
	sum.Rejected += clashed
	sum.Stored.Unchanged += repeats // read again in this ingest, stored once
	if storeErr != nil {
		return sum, storeErr
	}
	if readErr != nil {
		return sum, readErr
	}
	var err error
	sum.Documents, err = st.CountDocuments(ctx)
	return sum, err
}

// isDir reports whether path is a directory.
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
