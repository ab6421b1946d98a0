package pipeline

import (
	"runtime"
	"strings"
	"sync"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
	"github.com/echotrace/echotrace/internal/read"
	"github.com/echotrace/echotrace/internal/store"
)

// langSample bounds the article text given to language detection; the
// detector reads only its opening anyway.
const langSample = 2000

// finishBatch marks the regions of every document of a batch (the reader
// left them to us, see read.Options.DeferRegions) and sets the language of
// those whose source did not give one, from their own text (comments,
// captions and boilerplate left out), on all cores. With records, it
// also makes each document's record (store.NewRecord) for a store that
// takes them made (store.BatchPutter), and returns the batch.
func finishBatch(batch []doc.Document, records bool) store.Batch {
	var recs []store.Record
	var errs []error
	if records {
		recs, errs = make([]store.Record, len(batch)), make([]error, len(batch))
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d := &batch[i]
				read.FinishRegions(d)
				if d.Lang == "" {
					d.Lang = normalize.DetectLanguage(ownText(d, langSample))
				}
				if records {
					recs[i], errs[i] = store.NewRecord(*d)
				}
			}
		}()
	}
	for i := range batch {
		next <- i
	}
	close(next)
	wg.Wait()
	var b store.Batch
	if records {
		b.Records = make([]store.Record, 0, len(batch))
		for i, d := range batch {
			b.Add(d, recs[i], errs[i])
		}
	}
	return b
}

// ownText is up to limit bytes of d's text outside comment, caption and
// boilerplate regions.
func ownText(d *doc.Document, limit int) string {
	var b strings.Builder
	at := 0
	add := func(s string) {
		if b.Len() < limit {
			b.WriteString(s[:min(len(s), limit-b.Len())])
		}
	}
	for _, r := range d.Regions {
		if r.Kind == doc.RegionHint || r.Begin < at {
			continue
		}
		add(d.Text[at:r.Begin])
		b.WriteByte('\n')
		at = r.End
	}
	add(d.Text[at:])
	return b.String()
}
