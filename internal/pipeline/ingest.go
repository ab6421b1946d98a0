package pipeline

import (
	"context"
	"errors"
	"fmt"

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
}

// IngestSummary says what an ingest did.
type IngestSummary struct {
	Read      read.Stats      `json:"read"`
	Stored    store.PutResult `json:"stored"`
	Rejected  int             `json:"rejected"`
	Documents int64           `json:"documents"` // in the store afterwards
}

// Failed reports whether any input, or any document, could not be taken in.
func (s IngestSummary) Failed() bool { return s.Read.Failed > 0 || s.Rejected > 0 }

// Ingest reads paths and stores their documents. Problems with single
// inputs or documents are passed to report and counted; the rest is
// ingested. The error is for failures of the store or the context.
func Ingest(ctx context.Context, st store.Store, paths []string, opt IngestOptions, report read.Report) (IngestSummary, error) {
	if opt.Batch <= 0 {
		opt.Batch = 500
	}
	var sum IngestSummary
	batch := make([]doc.Document, 0, opt.Batch)
	n := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		detectLanguages(batch)
		res, err := st.PutDocuments(ctx, batch)
		var rej *store.RejectedError
		if errors.As(err, &rej) {
			for _, r := range rej.Rejected {
				report(read.Problem{Path: r.Path, Line: r.Line, Err: fmt.Errorf("document %q not stored: %w", r.ID, r.Err)})
			}
			sum.Rejected += len(rej.Rejected)
			err = nil
		}
		if err != nil {
			return err
		}
		sum.Stored.Added += res.Added
		sum.Stored.Updated += res.Updated
		sum.Stored.Unchanged += res.Unchanged
		batch = batch[:0]
		if opt.Progress != nil {
			opt.Progress(n)
		}
		return nil
	}
	stats, err := read.Paths(ctx, paths, opt.Read, func(d doc.Document) error {
		n++
		batch = append(batch, d)
		if len(batch) >= opt.Batch {
			return flush()
		}
		return nil
	}, report)
	sum.Read = stats
	if err == nil {
		err = flush()
	}
	if err != nil {
		return sum, err
	}
	sum.Documents, err = st.CountDocuments(ctx)
	return sum, err
}
