package pipeline

import (
	"context"
	"errors"
	"slices"
	"sync"
	"time"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/store"
)

// storyHandoff carries the story stage's preparation through the quote
// stage's pass, when the one runs right after the other (runStages):
// the quote stage's workers have each document at hand, its entity
// mentions just extracted, so they also prepare it for placing
// (storyItem, cluster.Prepare, its record) and the documents are read
// from the store once. What only linking across every document tells,
// which of a document's quotes other documents carry too, is resolved
// when placing: each document's occurrences are numbered in the linker,
// and once every document is linked each occurrence is marked with the
// id of its quote when more than one document carries it (linked).
//
// The quote stage fills it (begin, prepare, add, linked); the story stage
// takes what it made (take). A nil *storyHandoff hands nothing off.
type storyHandoff struct {
	in      *unplaced // nil until begin, and once taken
	prep    *cluster.Preparer
	sources map[string][]string
	// The linker's numbers of the documents' occurrences: those of the
	// n-th document the quote stage read are ends[n-1] (0 for the first)
	// to ends[n]. doc[k] is the quote stage's number of prepared
	// document k.
	ends []int32
	doc  []int32
	// Once linked: the ids of the quotes more than one document carries,
	// and of each occurrence its quote's number in ids, or -1 when no
	// other document carries it.
	ids   []string
	quote []int32
}

// storyDoc is one document prepared by a quote stage's worker: its record,
// date and id; none when the clusterer has placed it already. The record
// is in room lent by recordRoom, given back once it is in the file.
type storyDoc struct {
	record []byte
	room   *[]byte
	date   time.Time
	id     string
	err    error
}

// recordRoom lends the quote stage's workers room for a document's record
// (8 KB or so on the bench): the record is copied into the file's buffer
// on the linking goroutine (storyHandoff.add), and its room was garbage
// the size of the corpus's records.
var recordRoom = sync.Pool{New: func() any { return new([]byte) }}

// maxRecordRoom is the most room a record may have taken to be lent again.
const maxRecordRoom = 1 << 20

// begin readies the handoff before the quote stage reads any document:
// the clusterer the story stage places in (to prepare only the documents
// it has not placed), the reuse sources (reuse ran before), the file the
// records go to.
func (h *storyHandoff) begin(ctx context.Context, st store.Store, tempDir string) error {
	if h == nil {
		return nil
	}
	c, rebuilt, err := loadClusterer(ctx, st, false)
	if err != nil {
		return err
	}
	if h.sources, err = reuseSources(ctx, st); err != nil {
		return err
	}
	file, err := newPreparedFile(tempDir)
	if err != nil {
		return err
	}
	h.in = &unplaced{c: c, rebuilt: rebuilt, file: file}
	h.prep = new(cluster.Preparer)
	return nil
}

// prepare prepares a document for placing from its text and what
// extraction found in it (its entity mentions, the words of its text),
// on the calling worker; nothing when the clusterer has placed it
// already. Safe for concurrent use.
func (h *storyHandoff) prepare(d *doc.Document, mentions []store.EntityMention, words cluster.Words) storyDoc {
	if h == nil || h.in == nil {
		return storyDoc{}
	}
	if _, placed := h.in.c.StoryOf(d.ID); placed {
		return storyDoc{}
	}
	// The store lists a document's mentions in text order, those at one
	// place in the order extraction gave them.
	inText := slices.Clone(mentions)
	slices.SortStableFunc(inText, func(a, b store.EntityMention) int { return a.Begin - b.Begin })
	it := storyItem(d, words, inText, h.sources[d.ID])
	room := recordRoom.Get().(*[]byte)
	rec, err := h.prep.AppendRecord((*room)[:0], it)
	return storyDoc{record: rec, room: room, date: it.Date, id: it.ID, err: err}
}

// add takes the next document of the quote stage's pass, in order: its
// story record, if any, and the linker's number after its last
// occurrence.
func (h *storyHandoff) add(sd storyDoc, occEnd int) error {
	if h == nil || h.in == nil {
		return nil
	}
	n := len(h.ends)
	h.ends = append(h.ends, int32(occEnd))
	if sd.record == nil {
		return nil
	}
	err := h.in.add(sd.record, sd.date, sd.id)
	if sd.room != nil && cap(sd.record) <= maxRecordRoom {
		*sd.room = sd.record[:0]
		recordRoom.Put(sd.room)
	}
	if err != nil {
		return err
	}
	h.doc = append(h.doc, int32(n))
	return nil
}

// linked is told that every document is linked: it notes the ids of the
// quotes more than one document carries, and for each occurrence which
// of them it is, and readies the records for placing. The linker is not
// needed after.
func (h *storyHandoff) linked(l *extract.Linker) error {
	if h == nil || h.in == nil {
		return nil
	}
	h.quote = make([]int32, l.Len())
	for n := range h.quote {
		h.quote[n] = int32(l.Group(n))
	}
	// mark[g]: 1 + the first document that carries group g, or -1 once
	// another does too; then -2 - the group's number in h.ids.
	mark := make([]int32, l.Len())
	from := int32(0)
	for d, end := range h.ends {
		for n := from; n < end; n++ {
			switch g := h.quote[n]; mark[g] {
			case 0:
				mark[g] = int32(d) + 1
			case int32(d) + 1, -1:
			default:
				mark[g] = -1
			}
		}
		from = end
	}
	for n, g := range h.quote {
		if mark[g] == -1 {
			mark[g] = -2 - int32(len(h.ids))
			h.ids = append(h.ids, l.ID(n))
		}
		h.quote[n] = -1
		if mark[g] <= -2 {
			h.quote[n] = -2 - mark[g]
		}
	}
	h.in.quotes = h.quotes
	h.prep = nil // every document is prepared: its caches can go
	return h.in.file.done()
}

// quotes appends to into the ids of the quotes of prepared document k
// that another document carries too, once per occurrence.
func (h *storyHandoff) quotes(k int, into []string) []string {
	d := h.doc[k]
	from := int32(0)
	if d > 0 {
		from = h.ends[d-1]
	}
	for n := from; n < h.ends[d]; n++ {
		if q := h.quote[n]; q >= 0 {
			into = append(into, h.ids[q])
		}
	}
	return into
}

// deferStore hands the quote stage's last step, storing its rows, to the
// story stage, which runs it beside placing (clusterStage), and reports
// whether it did: not when no story stage will take the documents (the
// quote stage then stores the rows itself). Rows handed over are stored
// even when the story stage does not run or fails (close).
func (h *storyHandoff) deferStore(store func() error) bool {
	if h == nil || h.in == nil || h.in.quotes == nil {
		return false
	}
	h.in.storeQuotes = store
	return true
}

// take hands the prepared documents to the story stage; nil when the
// quote stage prepared none (it did not run, or failed).
func (h *storyHandoff) take() *unplaced {
	if h == nil || h.in == nil || h.in.quotes == nil {
		return nil
	}
	in := h.in
	h.in = nil
	in.done = func() { h.ids, h.quote, h.ends, h.doc = nil, nil, nil, nil }
	return in
}

// close removes what was not taken, after storing the quote stage's rows
// if they were handed over.
func (h *storyHandoff) close() error {
	if h == nil || h.in == nil {
		return nil
	}
	in := h.in
	h.in = nil
	var err error
	if in.storeQuotes != nil {
		err = in.storeQuotes()
		in.storeQuotes = nil
	}
	return errors.Join(err, in.close())
}
