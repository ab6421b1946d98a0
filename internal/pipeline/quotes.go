package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/store"
)

// The quotes stage extracts quotes, claims and entities from every
// document, links the same quote across documents and stores the result.
func init() {
	registerStage(Stage{
		Name:  "quotes",
		Key:   "quotes",
		Order: 10,
		Version: func(ctx context.Context, st store.Store) (int64, error) {
			return st.QuotesVersion(ctx)
		},
		Run: runQuotes,
	})
}

// spilledOccurrence is an occurrence waiting for its quote id: N is its
// number in the linker.
type spilledOccurrence struct {
	N   int
	Row store.OccurrenceRow
}

// occurrenceCodec spills an occurrence: every field, a span pointer as
// whether it is nil and then the span, no parts read back as nil (as gob,
// which the spill files held before, read them).
var occurrenceCodec = spillCodec[spilledOccurrence]{
	put: func(b []byte, v *spilledOccurrence) []byte {
		o := &v.Row
		b = putInt(b, v.N)
		b = putString(putString(putString(b, o.Doc), string(o.Kind)), o.Outlet)
		b = putInt(putInt(b, o.Begin), o.End)
		b = putInt(b, len(o.Parts))
		for _, p := range o.Parts {
			b = putInt(putInt(b, p.Begin), p.End)
		}
		b = putBool(putString(b, o.Text), o.Unclosed)
		b = putString(putString(b, o.Speaker), string(o.SpeakerType))
		b = putSpan(b, o.SpeakerSpan)
		b = putString(putString(b, o.SpeakerText), o.Cue)
		b = putSpan(b, o.CueSpan)
		return putString(b, o.Quote)
	},
	get: func(r *spillRecord, v *spilledOccurrence) {
		o := &v.Row
		v.N = r.int()
		o.Doc, o.Kind, o.Outlet = r.string(), extract.Kind(r.string()), r.string()
		o.Begin, o.End = r.int(), r.int()
		o.Parts = getSlice(r, func() doc.Span { return doc.Span{Begin: r.int(), End: r.int()} })
		o.Text, o.Unclosed = r.string(), r.bool()
		o.Speaker, o.SpeakerType = r.string(), extract.EntityType(r.string())
		o.SpeakerSpan = getSpan(r)
		o.SpeakerText, o.Cue = r.string(), r.string()
		o.CueSpan = getSpan(r)
		o.Quote = r.string()
	},
}

func putSpan(b []byte, s *doc.Span) []byte {
	if s == nil {
		return putBool(b, false)
	}
	return putInt(putInt(putBool(b, true), s.Begin), s.End)
}

func getSpan(r *spillRecord) *doc.Span {
	if !r.bool() {
		return nil
	}
	return &doc.Span{Begin: r.int(), End: r.int()}
}

// mentionCodec spills an entity mention.
var mentionCodec = spillCodec[store.EntityMention]{
	put: func(b []byte, m *store.EntityMention) []byte {
		b = putString(putString(putString(putString(b, m.Doc), m.Outlet), m.Entity), m.Name)
		b = putInt(putInt(putString(b, string(m.Type)), m.Begin), m.End)
		return putBool(putString(b, m.Text), m.Reference)
	},
	get: func(r *spillRecord, m *store.EntityMention) {
		m.Doc, m.Outlet, m.Entity, m.Name = r.string(), r.string(), r.string(), r.string()
		m.Type, m.Begin, m.End = extract.EntityType(r.string()), r.int(), r.int()
		m.Text, m.Reference = r.string(), r.bool()
	},
}

// shortDocCodec spills what extract.ShortNames reads of a document in
// its second pass.
var shortDocCodec = spillCodec[extract.ShortDoc]{
	put: func(b []byte, d *extract.ShortDoc) []byte {
		b = putInt(putString(b, d.Doc), len(d.Orgs))
		for _, o := range d.Orgs {
			b = putString(putString(b, o.ID), o.Name)
		}
		b = putInt(b, len(d.People))
		for _, p := range d.People {
			b = putInt(b, int(p))
		}
		return b
	},
	get: func(r *spillRecord, d *extract.ShortDoc) {
		d.Doc = r.string()
		d.Orgs = getSlice(r, func() extract.ShortOrg { return extract.ShortOrg{ID: r.string(), Name: r.string()} })
		d.People = getSlice(r, func() uint64 { return uint64(r.int()) })
	},
}

// quotedDoc is what the quote stage's workers make of a document: what
// extraction found, its entity mentions as stored, and, when the story
// stage runs next, the document prepared for it (see storyHandoff).
type quotedDoc struct {
	extract.Result
	mentions []store.EntityMention
	story    storyDoc
}

// runQuotes is the quotes stage. Documents are read page by page and
// extracted on all cores; one goroutine links their occurrences as they
// come (extract.Linker keeps hashed keys, not occurrences) and spills the
// occurrences and entity mentions to temporary files. Once every document
// is linked, each occurrence's quote is known and the rows go to the
// store in one replacement, read back from the files. When the story
// stage runs next, the workers prepare each document for it as well
// (opt.stories, see storyHandoff), so it is read and tokenised once.
func runQuotes(ctx context.Context, st store.Store, version int64, opt StageOptions) (err error) {
	occs, err := newSpill(opt.TempDir, "occurrences", occurrenceCodec)
	if err != nil {
		return err
	}
	mentions, err := newSpill(opt.TempDir, "mentions", mentionCodec)
	if err != nil {
		return errors.Join(err, occs.Close())
	}
	// What the join of organisations' short names across documents reads
	// in its second pass (extract.ShortNames).
	shortDocs, err := newSpill(opt.TempDir, "short-names", shortDocCodec)
	if err != nil {
		return errors.Join(err, occs.Close(), mentions.Close())
	}
	defer func() { err = errors.Join(err, shortDocs.Close()) }()
	// The spills are closed once their rows are stored: here, or by the
	// story stage when it stores them (handedOff).
	handedOff := false
	defer func() {
		if !handedOff {
			err = errors.Join(err, occs.Close(), mentions.Close())
		}
	}()

	stageCtx := ctx
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	linker := extract.NewLinker()
	short := extract.NewShortNames()
	stories := opt.stories
	if err := stories.begin(ctx, st, opt.TempDir); err != nil {
		return err
	}
	total := opt.total(ctx, st)
	gaz := extract.DefaultGazetteer()
	extracted := func(d *doc.Document) (q quotedDoc) {
		// The story preparation reads the words extraction read.
		extract.DocumentWords(d, gaz, func(res extract.Result, w extract.Words) {
			q.Result = res
			q.mentions = store.MentionsOf(res)
			q.story = stories.prepare(d, q.mentions, cluster.Words{Tokens: w.Tokens, IDs: w.IDs, Keys: w.Keys, Hashes: w.Hashes})
		})
		return q
	}
	// The linker reads the occurrences on a goroutine of its own, in the
	// order they come, so that linking overlaps the spills and the story
	// handoff of this one: at a million documents its cost per
	// occurrence, which grows with the index, would otherwise set the
	// stage's pace. An occurrence's number is the count before it, as
	// Linker.Add would return it.
	toLink := make(chan [2][]extract.Occurrence, 256)
	linking := make(chan struct{})
	go func() {
		defer close(linking)
		for lists := range toLink {
			for _, list := range lists {
				for _, o := range list {
					linker.Add(o)
				}
			}
		}
	}()
	linkedAll := sync.OnceFunc(func() {
		close(toLink)
		<-linking
	})
	defer linkedAll()
	occurrences := 0
	err = eachMapped(ctx, st.EachDocument, extracted, func(n int, r quotedDoc) {
		if context.Cause(ctx) != nil {
			return
		}
		toLink <- [2][]extract.Occurrence{r.Quotes, r.Claims}
		for _, list := range [][]extract.Occurrence{r.Quotes, r.Claims} {
			for _, o := range list {
				rec := spilledOccurrence{N: occurrences, Row: store.OccurrenceRow{Occurrence: o, Outlet: r.Outlet}}
				occurrences++
				if err := occs.add(&rec); err != nil {
					cancel(err)
					return
				}
			}
		}
		if d, ok := short.Add(r.Doc, r.Entities); ok {
			if err := shortDocs.add(&d); err != nil {
				cancel(err)
				return
			}
		}
		for i := range r.mentions {
			if err := mentions.add(&r.mentions[i]); err != nil {
				cancel(err)
				return
			}
		}
		if err := errors.Join(r.story.err, stories.add(r.story, occurrences)); err != nil {
			cancel(err)
			return
		}
		opt.progress("quotes", int64(n+1), total)
	})
	if cause := context.Cause(ctx); cause != nil {
		err = cause
	}
	linkedAll()
	if err != nil {
		return fmt.Errorf("extract quotes: %w", err)
	}
	if err := stories.linked(linker); err != nil {
		return err
	}
	if short.Needed() {
		for d, err := range shortDocs.all() {
			if err != nil {
				return err
			}
			short.Check(d)
		}
	}
	short.Finish()
	rows := store.QuoteRows{
		Occurrences: func(yield func(store.OccurrenceRow, error) bool) {
			for rec, err := range occs.all() {
				if err != nil {
					yield(store.OccurrenceRow{}, err)
					return
				}
				rec.Row.Quote = linker.ID(rec.N)
				if !yield(rec.Row, nil) {
					return
				}
			}
		},
		Mentions: store.JoinShortNames(mentions.all(), short),
	}
	storeRows := func() error {
		// Storing the rows makes garbage (each row's fields, its parts
		// as JSON) while the linker is alive and SQLite fills its
		// writer's cache; at the collector's default pace the heap
		// grows by as much again as is live, and the three add up to
		// the analysis's peak at 10 000 documents. A tighter pace for
		// this step costs a few collections (as for the story stage's
		// store step). Not under the reuse analysis's bound (boundGC),
		// which bounds the step: the step runs beside placing, which
		// would run at that pace too.
		defer opt.tightenGC()()
		_, err := st.ReplaceQuoteRows(stageCtx, version, rows)
		if err != nil {
			err = fmt.Errorf("store quotes: %w", err)
		}
		return err
	}
	// Storing is serial (one writer), and so is placing documents in
	// stories: when the story stage runs next, it stores the rows beside
	// placing instead of after them (storyHandoff.deferStore).
	if stories.deferStore(func() error {
		return errors.Join(storeRows(), occs.Close(), mentions.Close())
	}) {
		handedOff = true
		return nil
	}
	return storeRows()
}
