package export

import (
	"context"
	"fmt"
	"time"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// Filter selects the documents to export; results (relations, passages,
// quotes, entities, stories) follow the documents: a relation or passage
// is exported when both its documents are selected, a quote or entity
// mention when its document is, a story when it holds a selected
// document. The zero Filter selects everything.
type Filter struct {
	Story     string // the documents of this story
	Narrative string // the documents of this narrative's stories
	// Since and Until select documents dated at or after Since and before
	// Until; undated documents are left out when either is set.
	Since, Until time.Time
	// IDs selects these documents (the server's graph around a document
	// or of a chain); with Story or Narrative, those of them in it.
	IDs []string
}

// IsZero reports whether the filter selects everything.
func (f Filter) IsZero() bool {
	return f.Story == "" && f.Narrative == "" && f.Since.IsZero() && f.Until.IsZero() && len(f.IDs) == 0
}

// UnknownError is a filter naming a story or narrative the store lacks.
// It is a store.ErrNotFound, so that callers answer it as they answer any
// unknown record (the server with 404).
type UnknownError struct {
	Filter string // "story" or "narrative"
	ID     string
}

func (e *UnknownError) Error() string {
	return fmt.Sprintf("%s %q: no such %s in the database", e.Filter, e.ID, e.Filter)
}

// Is makes errors.Is(err, store.ErrNotFound) hold.
func (e *UnknownError) Is(target error) bool { return target == store.ErrNotFound }

// pageSize is how many passages, relations, occurrences or mentions are
// read at a time when the whole corpus is exported, and how many
// documents are read by id at once.
const (
	pageSize    = 50000
	docIDsBatch = 256
)

// storyInfo is what the export keeps of a story: not its document list.
type storyInfo struct {
	ID, Narrative, Label string
	First, Last          string
	Documents, Undated   int
	Outlets              []string
	selected             int // selected documents it holds
}

// selection is the documents a filter selects and the stories that hold
// them.
type selection struct {
	st store.Store
	// ids are the selected documents in the order they are exported, and
	// in their set; both nil when every document is.
	ids []string
	in  map[string]bool
	// storyOf maps a document to its story's index in stories.
	storyOf map[string]int32
	stories []storyInfo
	count   int64 // documents selected
}

// all reports whether every document is selected.
func (s *selection) all() bool { return s.in == nil }

// has reports whether a document is selected.
func (s *selection) has(id string) bool { return s.in == nil || s.in[id] }

// story returns the story and narrative of a document, or "".
func (s *selection) story(id string) (story, narrative string) {
	if i, ok := s.storyOf[id]; ok {
		return s.stories[i].ID, s.stories[i].Narrative
	}
	return "", ""
}

func newSelection(ctx context.Context, st store.Store, f Filter) (*selection, error) {
	s := &selection{st: st, storyOf: map[string]int32{}}
	if f.Narrative != "" {
		ns, err := st.Narratives(ctx)
		if err != nil {
			return nil, err
		}
		found := false
		for _, n := range ns {
			found = found || n.ID == f.Narrative
		}
		if !found {
			return nil, &UnknownError{"narrative", f.Narrative}
		}
	}
	// Stories, a page at a time; with --story or --narrative only theirs.
	var docs []string // of the selected stories, when a story filter is given
	q := store.StoryQuery{ID: f.Story, Narrative: f.Narrative, Limit: 1000}
	for ; ; q.Offset += q.Limit {
		page, err := st.Stories(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("reading stories: %w", err)
		}
		for _, story := range page {
			i := int32(len(s.stories))
			s.stories = append(s.stories, storyInfo{ID: story.ID, Narrative: story.Narrative, Label: story.Label,
				First: story.First, Last: story.Last, Documents: len(story.Documents), Undated: story.Undated, Outlets: story.Outlets})
			for _, d := range story.Documents {
				s.storyOf[d] = i
			}
			if f.Story != "" || f.Narrative != "" {
				docs = append(docs, story.Documents...)
			}
		}
		if len(page) < q.Limit {
			break
		}
	}
	if f.Story != "" && len(s.stories) == 0 {
		return nil, &UnknownError{"story", f.Story}
	}
	if f.IsZero() {
		n, err := st.CountDocuments(ctx)
		if err != nil {
			return nil, err
		}
		s.count = n
		for i := range s.stories {
			s.stories[i].selected = s.stories[i].Documents
		}
		return s, nil
	}
	s.in = map[string]bool{}
	add := func(d doc.Document) {
		if s.in[d.ID] || !dated(d, f) {
			return
		}
		s.in[d.ID] = true
		s.ids = append(s.ids, d.ID)
		if i, ok := s.storyOf[d.ID]; ok {
			s.stories[i].selected++
		}
	}
	if len(f.IDs) > 0 {
		if f.Story != "" || f.Narrative != "" {
			inStories := make(map[string]bool, len(docs))
			for _, id := range docs {
				inStories[id] = true
			}
			docs = nil
			for _, id := range f.IDs {
				if inStories[id] {
					docs = append(docs, id)
				}
			}
		} else {
			docs = f.IDs
		}
	}
	if f.Story != "" || f.Narrative != "" || len(f.IDs) > 0 {
		if err := s.byIDs(ctx, docs, func(d doc.Document) error { add(d); return nil }); err != nil {
			return nil, err
		}
	} else {
		// Dates only: page through the documents in date order.
		dq := store.DocQuery{From: f.Since, To: f.Until, Limit: docIDsBatch}
		for {
			page, err := st.Documents(ctx, dq)
			if err != nil {
				return nil, fmt.Errorf("reading documents: %w", err)
			}
			for _, d := range page {
				add(d)
			}
			if len(page) < dq.Limit {
				break
			}
			dq.After = page[len(page)-1].ID
		}
	}
	s.count = int64(len(s.ids))
	return s, nil
}

// dated reports whether a document's date lies within the filter's bounds.
func dated(d doc.Document, f Filter) bool {
	if f.Since.IsZero() && f.Until.IsZero() {
		return true
	}
	t, ok := d.Time()
	if !ok {
		return false
	}
	return (f.Since.IsZero() || !t.Before(f.Since)) && (f.Until.IsZero() || t.Before(f.Until))
}

// byIDs reads documents by id, a batch at a time, and calls fn for each
// in the order of ids. Ids the store no longer holds are skipped.
func (s *selection) byIDs(ctx context.Context, ids []string, fn func(doc.Document) error) error {
	for start := 0; start < len(ids); start += docIDsBatch {
		batch := ids[start:min(start+docIDsBatch, len(ids))]
		docs, err := s.st.Documents(ctx, store.DocQuery{IDs: batch})
		if err != nil {
			return fmt.Errorf("reading documents: %w", err)
		}
		byID := make(map[string]int, len(docs))
		for i, d := range docs {
			byID[d.ID] = i
		}
		for _, id := range batch {
			if i, ok := byID[id]; ok {
				if err := fn(docs[i]); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// eachDocument calls fn for every selected document: in ingest order when
// all are selected, else in the selection's order.
func (s *selection) eachDocument(ctx context.Context, fn func(doc.Document) error) error {
	if s.all() {
		return s.st.EachDocument(ctx, fn)
	}
	return s.byIDs(ctx, s.ids, fn)
}

// eachSelected calls fn with every selected document id (only when a
// filter selects them: callers read whole tables otherwise).
func (s *selection) eachSelected(ctx context.Context, fn func(id string) error) error {
	for _, id := range s.ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(id); err != nil {
			return err
		}
	}
	return nil
}

// pages reads a table a page at a time by offset and calls fn per record.
func pages[T any](ctx context.Context, fetch func(offset int) ([]T, error), fn func(T) error) error {
	for off := 0; ; off += pageSize {
		if err := ctx.Err(); err != nil {
			return err
		}
		page, err := fetch(off)
		if err != nil {
			return err
		}
		for _, v := range page {
			if err := fn(v); err != nil {
				return err
			}
		}
		if len(page) < pageSize {
			return nil
		}
	}
}

// eachPassage calls fn for the passages whose two documents are selected,
// boilerplate included (marked), each once.
func (s *selection) eachPassage(ctx context.Context, fn func(relate.Passage) error) error {
	if s.all() {
		return pages(ctx, func(off int) ([]relate.Passage, error) {
			return s.st.Passages(ctx, store.PassageQuery{IncludeBoilerplate: true, Limit: pageSize, Offset: off})
		}, fn)
	}
	return s.eachSelected(ctx, func(id string) error {
		ps, err := s.st.Passages(ctx, store.PassageQuery{Doc: id, IncludeBoilerplate: true})
		if err != nil {
			return err
		}
		for _, p := range ps {
			// Each passage once: from the side of its first document.
			if p.A.Doc == id && s.has(p.B.Doc) {
				if err := fn(p); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// eachRelation calls fn for the relations whose two documents are
// selected, each once.
func (s *selection) eachRelation(ctx context.Context, fn func(relate.Relation) error) error {
	if s.all() {
		return pages(ctx, func(off int) ([]relate.Relation, error) {
			return s.st.Relations(ctx, store.RelationQuery{Limit: pageSize, Offset: off})
		}, fn)
	}
	return s.eachSelected(ctx, func(id string) error {
		rs, err := s.st.Relations(ctx, store.RelationQuery{Doc: id})
		if err != nil {
			return err
		}
		for _, r := range rs {
			if r.A == id && s.has(r.B) {
				if err := fn(r); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// eachOccurrence calls fn for the quote occurrences of selected documents.
func (s *selection) eachOccurrence(ctx context.Context, fn func(store.OccurrenceRow) error) error {
	return eachOfDocuments(ctx, s, func(off int) ([]store.OccurrenceRow, error) {
		return s.st.Occurrences(ctx, store.OccurrenceQuery{Limit: pageSize, Offset: off})
	}, func(id string) ([]store.OccurrenceRow, error) {
		return s.st.Occurrences(ctx, store.OccurrenceQuery{Doc: id})
	}, fn)
}

// eachMention calls fn for the entity mentions of selected documents.
func (s *selection) eachMention(ctx context.Context, fn func(store.EntityMention) error) error {
	return eachOfDocuments(ctx, s, func(off int) ([]store.EntityMention, error) {
		return s.st.EntityMentions(ctx, store.EntityQuery{Limit: pageSize, Offset: off})
	}, func(id string) ([]store.EntityMention, error) {
		return s.st.EntityMentions(ctx, store.EntityQuery{Doc: id})
	}, fn)
}

// eachOfDocuments calls fn for the records of the selected documents: the
// whole table a page at a time when every document is selected, else the
// records of each selected document.
func eachOfDocuments[T any](ctx context.Context, s *selection, page func(offset int) ([]T, error), ofDoc func(id string) ([]T, error), fn func(T) error) error {
	if s.all() {
		return pages(ctx, page, fn)
	}
	return s.eachSelected(ctx, func(id string) error {
		rows, err := ofDoc(id)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// ParseBound reads a --since or --until date: YYYY, YYYY-MM, YYYY-MM-DD
// or an RFC 3339 time, in UTC unless it says otherwise. A since bound is
// the start of the period named; an until bound is its end, so that
// "--until 2024-03" keeps all of March.
func ParseBound(s string, until bool) (time.Time, error) {
	layouts := []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{time.RFC3339Nano, func(t time.Time) time.Time { return t.Add(time.Microsecond) }},
		{"2006-01-02T15:04:05", func(t time.Time) time.Time { return t.Add(time.Second) }},
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	}
	for _, l := range layouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if until {
			t = l.next(t)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date: want YYYY-MM-DD, YYYY-MM, YYYY or an RFC 3339 time", s)
}
