package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"reflect"
	"runtime/debug"
	"sync"
	"time"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// The clusters stage groups documents into stories and stories into
// narratives, after reuse (whose derived and duplicate links tie a copy to
// its source's story) and quotes (whose entities and cross-document
// quotes are signals). It places only the documents the saved clusterer
// has not seen; Recluster rebuilds from scratch.
func init() {
	registerStage(Stage{
		Name:  "stories and narratives",
		Key:   "stories",
		Order: 20,
		Version: func(ctx context.Context, st store.Store) (int64, error) {
			return st.ClustersVersion(ctx)
		},
		Run: func(ctx context.Context, st store.Store, version int64, opt StageOptions) error {
			_, err := clusterStage(ctx, st, version, false, opt)
			return err
		},
	})
}

// ClusterResult says what Cluster did.
type ClusterResult struct {
	Placed     int  `json:"placed"`  // documents placed in this run
	Rebuilt    bool `json:"rebuilt"` // the stories were rebuilt from scratch
	Stories    int  `json:"stories"`
	Narratives int  `json:"narratives"`
	Stored     bool `json:"stored"` // false when a newer analysis was stored meanwhile
}

// Cluster brings the stored stories and narratives up to date with corpus
// version `version`. With rebuild, or when there is no usable saved
// clusterer (none yet, unreadable, made with other parameters, or built
// from a corpus less than half the present one), it starts from scratch;
// otherwise it places only the new documents.
func Cluster(ctx context.Context, st store.Store, version int64, rebuild bool) (ClusterResult, error) {
	return clusterStage(ctx, st, version, rebuild, StageOptions{})
}

// clusterStage is Cluster. The documents not placed yet are prepared for
// placing (cluster.Prepare: the tokens and stems, most of the work) on all
// cores and kept as records in a temporary file, only their dates and ids
// in memory: by the quote stage's pass, which has each document at hand
// already, when it ran just before (opt.stories, see storyHandoff);
// otherwise read from the store page by page with their signals
// (readUnplaced). Then they are placed one by one in date order
// (cluster.OrderOf), each read back ahead of placing
// (cluster.AddRecords), and the stories are settled.
func clusterStage(ctx context.Context, st store.Store, version int64, rebuild bool, opt StageOptions) (res ClusterResult, err error) {
	in := opt.stories.take()
	if in == nil {
		if in, err = readUnplaced(ctx, st, rebuild, opt); err != nil {
			return res, err
		}
	}
	defer func() { err = errors.Join(err, in.close()) }()
	quotesStored := in.startStoringQuotes()
	defer func() { err = errors.Join(err, quotesStored()) }()
	c := in.c
	res.Rebuilt = in.rebuilt
	order := cluster.OrderOf(in.dates, in.ids)
	in.dates, in.ids = nil, nil
	err = c.AddRecords(in.records(order), func() {
		res.Placed++
		opt.progress("stories: placing", int64(res.Placed), int64(len(order)))
	})
	if err != nil {
		return res, err // a spill file error, or an empty or repeated id, which the store never holds
	}
	in.placed()
	// The steps after placing count no documents; a terminal shows
	// which one runs (at a million documents each takes minutes).
	opt.progress("stories: settling", 0, 0)
	c.Settle()
	// The comparisons' scratch and the stories' working copies are
	// garbage now, but the Go heap keeps their pages; the store then
	// copies each part of the state into SQLite's own memory, which the
	// Go heap cannot reuse. Handing the free pages back first keeps the
	// two from adding up.
	debug.FreeOSMemory()
	// The state is encoded while the store writes it, part by part. That
	// makes garbage (the encoder's buffers, the summaries and their JSON) at the
	// moment the live heap is at its largest, and the collector's default
	// pace lets the heap grow by as much again before it collects: at
	// 30 000 documents, a quarter of the peak. A tighter pace for this
	// short step costs a few collections; under the reuse analysis's
	// bound (boundGC) the bound keeps the step's peak instead.
	defer opt.tightenGC()()
	// The narratives are found (on all cores, then Louvain's serial
	// steps) while the store writes the saved state, which does not
	// depend on them (the store writes it first); the summaries of
	// stories and narratives are made batch by batch as the store writes
	// them after it.
	opt.progress("stories: narratives and storing", 0, 0)
	summaries := foundSummaries(c)
	defer summaries.wait() // the clusterer is read until they are found
	// One writer at a time; and as when the stages ran one after the
	// other, no stories are stored after the quotes failed to be.
	if err := quotesStored(); err != nil {
		return res, err
	}
	res.Stored, err = st.ReplaceClusters(ctx, version, summaries, c.WriteState)
	s := summaries.wait()
	res.Stories, res.Narratives = s.Stories(), s.Narratives()
	return res, err
}

// pendingSummaries are a clusterer's summaries (cluster.Clusterer.Summaries,
// where the narratives are found) made on a goroutine of their own; a
// store asking for them waits until they are made.
type pendingSummaries struct {
	done chan struct{}
	s    *cluster.Summaries
}

// foundSummaries starts making c's summaries; c must not change until
// they are made (wait).
func foundSummaries(c *cluster.Clusterer) *pendingSummaries {
	p := &pendingSummaries{done: make(chan struct{})}
	go func() {
		defer close(p.done)
		p.s = c.Summaries()
	}()
	return p
}

// wait waits until the summaries are made and returns them.
func (p *pendingSummaries) wait() *cluster.Summaries {
	<-p.done
	return p.s
}

// EachStory is the summaries' EachStory, once they are made.
func (p *pendingSummaries) EachStory(fn func([]cluster.Story) error) error {
	return p.wait().EachStory(fn)
}

// EachNarrative is the summaries' EachNarrative, once they are made.
func (p *pendingSummaries) EachNarrative(fn func([]cluster.Narrative) error) error {
	return p.wait().EachNarrative(fn)
}

// unplaced is what placing takes: the clusterer, and the documents it has
// not placed, prepared, as records in a file in the order they were read,
// with their dates and ids.
type unplaced struct {
	c       *cluster.Clusterer
	rebuilt bool // c is new, not the saved one
	file    *preparedFile
	dates   []time.Time
	ids     []string
	// quotes, when set, gives the ids of the quotes other documents carry
	// too of record n, which was prepared without them (see
	// storyHandoff); otherwise the records carry them.
	quotes func(n int, into []string) []string
	// done, when set, is called once placing has read every record.
	done func()
	// storeQuotes, when set, stores the quote stage's rows, which it
	// handed over to be stored beside placing (storyHandoff.deferStore).
	storeQuotes func() error
}

// startStoringQuotes runs storeQuotes, if set, on a goroutine of its own
// and returns a function that waits for it and returns its error: the
// first call does, later calls return nil.
func (u *unplaced) startStoringQuotes() (wait func() error) {
	if u.storeQuotes == nil {
		return func() error { return nil }
	}
	done := make(chan error, 1)
	go func(store func() error) { done <- store() }(u.storeQuotes)
	u.storeQuotes = nil
	var once sync.Once
	return func() (err error) {
		once.Do(func() { err = <-done })
		return err
	}
}

// records yields the records in the order given, each with its quotes.
func (u *unplaced) records(order []int) iter.Seq2[[]byte, error] {
	return func(yield func([]byte, error) bool) {
		var quotes []string
		var buf []byte
		for _, n := range order {
			rec, err := u.file.read(n)
			if err == nil && u.quotes != nil {
				quotes = u.quotes(n, quotes[:0])
				buf, err = cluster.AppendWithQuotes(buf[:0], rec, quotes)
				rec = buf
			}
			if !yield(rec, err) {
				return
			}
		}
	}
}

// placed says placing has read every record.
func (u *unplaced) placed() {
	if u.done != nil {
		u.done()
		u.done = nil
	}
}

func (u *unplaced) close() error {
	u.placed()
	return u.file.Close()
}

// loadClusterer returns the saved clusterer to place new documents in,
// or a new one (rebuilt) with rebuild, or when there is no usable saved
// one: none yet, unreadable, made with other parameters, or built from a
// corpus less than half the present one (cluster.Clusterer.Stale).
func loadClusterer(ctx context.Context, st store.Store, rebuild bool) (c *cluster.Clusterer, rebuilt bool, err error) {
	params := cluster.DefaultParams()
	if !rebuild {
		// An unreadable state or one made with other parameters is
		// rebuilt rather than trusted.
		err := st.ClusterState(ctx, func(r io.Reader) error {
			if loaded, err := cluster.Read(r); err == nil && reflect.DeepEqual(loaded.Params(), params) {
				c = loaded
			}
			return nil
		})
		if err != nil {
			return nil, false, err
		}
		if c != nil {
			n, err := st.CountDocuments(ctx)
			if err != nil {
				return nil, false, err
			}
			if c.Stale(int(n)) {
				c = nil
			}
		}
	}
	if c == nil {
		return cluster.New(params), true, nil
	}
	return c, false, nil
}

// readUnplaced reads the documents the clusterer has not placed from the
// store page by page with their signals and prepares them on all cores
// (unplacedPage.prepare), when no quote pass did it (recluster, or the
// stories stage run alone).
func readUnplaced(ctx context.Context, st store.Store, rebuild bool, opt StageOptions) (*unplaced, error) {
	c, rebuilt, err := loadClusterer(ctx, st, rebuild)
	if err != nil {
		return nil, err
	}
	sources, err := reuseSources(ctx, st)
	if err != nil {
		return nil, err
	}
	file, err := newPreparedFile(opt.TempDir)
	if err != nil {
		return nil, err
	}
	in := &unplaced{c: c, rebuilt: rebuilt, file: file}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	total := opt.total(ctx, st)
	walk := func(ctx context.Context, fn func(unplacedPage) error) error {
		return eachUnplaced(ctx, st, c, fn)
	}
	var pr cluster.Preparer
	prepare := func(p *unplacedPage) preparedPage { return p.prepare(ctx, st, &pr, sources) }
	err = eachMappedOf(ctx, walk, prepare, func(_ int, p preparedPage) {
		if context.Cause(ctx) != nil {
			return
		}
		if p.err != nil {
			cancel(p.err)
			return
		}
		start := 0
		for i, end := range p.ends {
			if err := in.add(p.records[start:end], p.dates[i], p.ids[i]); err != nil {
				cancel(err)
				return
			}
			start = end
		}
		opt.progress("stories: reading", int64(len(in.ids)), total)
	})
	if cause := context.Cause(ctx); cause != nil {
		err = cause
	}
	if err == nil {
		err = file.done()
	}
	if err != nil {
		return nil, errors.Join(fmt.Errorf("read documents for clustering: %w", err), in.close())
	}
	return in, nil
}

// add keeps the record of the next document prepared.
func (u *unplaced) add(record []byte, date time.Time, id string) error {
	if err := u.file.append(record); err != nil {
		return err
	}
	u.dates, u.ids = append(u.dates, date), append(u.ids, id)
	return nil
}

// reuseSources maps each copy to its sources, from the stored derived,
// duplicate and translation relations (a translation retells its
// source's story in another language).
func reuseSources(ctx context.Context, st store.Store) (map[string][]string, error) {
	rels, err := st.Relations(ctx, store.RelationQuery{})
	if err != nil {
		return nil, fmt.Errorf("read reuse relations: %w", err)
	}
	sources := map[string][]string{}
	for _, r := range rels {
		if r.Kind != relate.Derived && r.Kind != relate.Duplicate && r.Kind != relate.Translation {
			continue // partial reuse quotes a passage; it does not retell the story
		}
		if src, cp := r.Source(), r.Copy(); src != "" {
			sources[cp] = append(sources[cp], src)
		}
	}
	return sources, nil
}

// signalPage is how many documents make one page of the story stage's
// reading: their entity mentions and shared quotes are read with one
// query each, and a worker prepares the page.
const signalPage = 256

// unplacedPage is a page of stored documents, in ingest order, that the
// clusterer has not placed.
type unplacedPage []doc.Document

// eachUnplaced calls fn with every page of the stored documents the
// clusterer has not placed, in ingest order. Only the walk is serial:
// reading the pages' signals and preparing their documents is left to
// the caller's workers (unplacedPage.prepare), so that neither the
// queries nor the reading of a document's header and date hold back the
// cores.
func eachUnplaced(ctx context.Context, st store.Store, c *cluster.Clusterer, fn func(unplacedPage) error) error {
	var page unplacedPage
	err := st.EachDocument(ctx, func(d doc.Document) error {
		if _, placed := c.StoryOf(d.ID); placed {
			return nil
		}
		page = append(page, d)
		if len(page) == signalPage {
			full := page
			page = make(unplacedPage, 0, signalPage)
			return fn(full)
		}
		return ctx.Err()
	})
	if err != nil || len(page) == 0 {
		return err
	}
	return fn(page)
}

// preparedPage is a page's documents prepared for placing, in the page's
// order, as records (cluster.Prepared.AppendRecord) one after the other,
// with their dates and ids; or the error that stopped reading the page.
// Records are a fraction of the prepared items' size, and encoding them
// on the workers leaves the serial consumer only their writing.
type preparedPage struct {
	records []byte
	ends    []int // ends[i]: where record i ends in records
	dates   []time.Time
	ids     []string
	err     error
}

// prepare reads the page's signals and prepares its documents
// (cluster.Prepare) on the calling worker.
func (p unplacedPage) prepare(ctx context.Context, st store.Store, pr *cluster.Preparer, sources map[string][]string) preparedPage {
	items, err := p.signalled(ctx, st, sources)
	if err != nil {
		return preparedPage{err: err}
	}
	out := preparedPage{ends: make([]int, 0, len(items)), dates: make([]time.Time, 0, len(items)), ids: make([]string, 0, len(items))}
	for i := range items {
		out.records, err = pr.AppendRecord(out.records, items[i])
		if err != nil {
			return preparedPage{err: err}
		}
		out.ends = append(out.ends, len(out.records))
		out.dates, out.ids = append(out.dates, items[i].Date), append(out.ids, items[i].ID)
		items[i] = cluster.Item{} // its text is not needed any more
	}
	return out
}

// signalled makes an item of each document of the page, carrying what
// earlier stages found about it: its reuse sources, the entities it
// mentions and the quotes other documents carry too.
func (p unplacedPage) signalled(ctx context.Context, st store.Store, sources map[string][]string) ([]cluster.Item, error) {
	ids := make([]string, len(p))
	for i := range p {
		ids[i] = p[i].ID
	}
	mentions, err := st.EntityMentions(ctx, store.EntityQuery{Docs: ids})
	if err != nil {
		return nil, fmt.Errorf("read entity mentions: %w", err)
	}
	occs, err := st.Occurrences(ctx, store.OccurrenceQuery{Docs: ids, Shared: true})
	if err != nil {
		return nil, fmt.Errorf("read quotes: %w", err)
	}
	items := make([]cluster.Item, len(p))
	at := make(map[string]int, len(p))
	for i := range p {
		at[p[i].ID] = i
	}
	// The mentions come by document, each document's in text order.
	byDoc := make([][]store.EntityMention, len(p))
	for _, m := range mentions {
		if i, ok := at[m.Doc]; ok {
			byDoc[i] = append(byDoc[i], m)
		}
	}
	for i := range p {
		items[i] = storyItem(&p[i], cluster.Words{}, byDoc[i], sources[p[i].ID])
	}
	for _, o := range occs {
		if i, ok := at[o.Doc]; ok && o.Quote != "" {
			items[i].Quotes = append(items[i].Quotes, o.Quote)
		}
	}
	return items, nil
}

// storyItem makes the item of a document (cluster.NewItem) with its reuse
// sources and the entities of its mentions, given in text order (of one
// place, in the order extraction found them): once per mention, unless
// in boilerplate or a header line. words are those of d.Text, when the
// caller has read them (cluster.NewItemWords).
func storyItem(d *doc.Document, words cluster.Words, mentions []store.EntityMention, sources []string) cluster.Item {
	it := cluster.NewItemWords(*d, words)
	it.Sources = sources
	for _, m := range mentions {
		// A name only in boilerplate, a comment or a caption (a
		// publisher's own name in its footer), or in a byline, is
		// not what the document is about.
		if d.Excluded(m.Begin) || !it.Kept(m.Begin) {
			continue
		}
		it.Entities = append(it.Entities, m.Entity)
		if it.EntityNames == nil {
			it.EntityNames = map[string]string{}
		}
		if it.EntityNames[m.Entity] == "" {
			it.EntityNames[m.Entity] = m.Name
		}
	}
	return it
}
