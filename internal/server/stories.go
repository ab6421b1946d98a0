package server

import (
	"context"
	"net/http"
	"time"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// maxStoryDocs bounds the documents of one story or narrative that a
// request reads (a filter, a graph, a page).
const maxStoryDocs = 2000

// clusters is the story topic of the store, or nil when its backend has none.
func (s *Server) clusters() store.ClusterStore {
	cs, _ := s.st.(store.ClusterStore)
	return cs
}

// storyDocIDs is the documents of a story or narrative (capped), and
// whether it was cut.
func (s *Server) storyDocIDs(ctx context.Context, story, narrative string) ([]string, bool, error) {
	cs := s.clusters()
	if cs == nil {
		return nil, false, errUnavailable
	}
	var ids []string
	switch {
	case story != "":
		st, err := s.story(ctx, story)
		if err != nil {
			return nil, false, err
		}
		ids = st.Documents
	case narrative != "":
		n, err := s.narrative(ctx, narrative)
		if err != nil {
			return nil, false, err
		}
		ids = n.Documents
	}
	if len(ids) > maxStoryDocs {
		return ids[:maxStoryDocs], true, nil
	}
	return ids, false, nil
}

func (s *Server) story(ctx context.Context, id string) (*cluster.Story, error) {
	cs := s.clusters()
	if cs == nil {
		return nil, errUnavailable
	}
	if id == "" {
		return nil, notFound("story", id)
	}
	sts, err := cs.Stories(ctx, store.StoryQuery{ID: id, Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(sts) == 0 {
		return nil, notFound("story", id)
	}
	return &sts[0], nil
}

func (s *Server) narrative(ctx context.Context, id string) (*cluster.Narrative, error) {
	if s.clusters() == nil {
		return nil, errUnavailable
	}
	if id == "" {
		return nil, notFound("narrative", id)
	}
	ns, err := s.st.NarrativePage(ctx, store.NarrativeQuery{ID: id, Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(ns) == 0 {
		return nil, notFound("narrative", id)
	}
	return &ns[0], nil
}

// storyList lists stories, by narrative or document, oldest or newest first.
func (s *Server) storyList(r *http.Request) (listBody[cluster.Story], error) {
	cs := s.clusters()
	if cs == nil {
		return listBody[cluster.Story]{}, errUnavailable
	}
	q := r.URL.Query()
	p, err := pageParams(q)
	if err != nil {
		return listBody[cluster.Story]{}, err
	}
	if p.Cursor != "" {
		return listBody[cluster.Story]{}, &badParam{"stories page by offset, not cursor"}
	}
	sq := store.StoryQuery{Narrative: q.Get("narrative"), Doc: q.Get("doc"), Limit: p.Limit + 1, Offset: p.Offset}
	switch q.Get("order") {
	case "", "oldest":
	case "newest":
		sq.Newest = true
	default:
		return listBody[cluster.Story]{}, &badParam{`order must be "oldest" or "newest", not "` + q.Get("order") + `"`}
	}
	sts, err := cs.Stories(r.Context(), sq)
	if err != nil {
		return listBody[cluster.Story]{}, err
	}
	// An empty page for a narrative or document that does not exist
	// would read as "no stories"; say that it does not exist instead.
	if len(sts) == 0 && sq.Narrative != "" {
		if _, err := s.narrative(r.Context(), sq.Narrative); err != nil {
			return listBody[cluster.Story]{}, err
		}
	}
	if len(sts) == 0 && sq.Doc != "" {
		if _, err := s.st.Document(r.Context(), sq.Doc); err != nil {
			return listBody[cluster.Story]{}, err
		}
	}
	return newList(r, p, sts, nil), nil
}

// narrativeList lists narratives a page at a time.
func (s *Server) narrativeList(r *http.Request) (listBody[cluster.Narrative], error) {
	cs := s.clusters()
	if cs == nil {
		return listBody[cluster.Narrative]{}, errUnavailable
	}
	p, err := pageParams(r.URL.Query())
	if err != nil {
		return listBody[cluster.Narrative]{}, err
	}
	if p.Cursor != "" {
		return listBody[cluster.Narrative]{}, &badParam{"narratives page by offset, not cursor"}
	}
	ns, err := s.st.NarrativePage(r.Context(), store.NarrativeQuery{Limit: p.Limit + 1, Offset: p.Offset})
	if err != nil {
		return listBody[cluster.Narrative]{}, err
	}
	return newList(r, p, ns, nil), nil
}

// storyBody is one story or narrative with a page of its documents.
type storyBody struct {
	Story     *cluster.Story     `json:"story"`
	Narrative *cluster.Narrative `json:"narrative"`
	// Stories are a narrative's stories (null for a story).
	Stories   []cluster.Story `json:"stories"`
	Documents []DocSummary    `json:"documents"`
	Truncated bool            `json:"truncated"`
}

// maxStoryPage is how many documents of a story its page and answer list.
const maxStoryPage = 200

func (s *Server) loadStory(ctx context.Context, id string) (*storyBody, error) {
	st, err := s.story(ctx, id)
	if err != nil {
		return nil, err
	}
	b := &storyBody{Story: st}
	return b, s.storyDocuments(ctx, b, st.Documents)
}

func (s *Server) loadNarrative(ctx context.Context, id string) (*storyBody, error) {
	n, err := s.narrative(ctx, id)
	if err != nil {
		return nil, err
	}
	b := &storyBody{Narrative: n}
	if b.Stories, err = s.clusters().Stories(ctx, store.StoryQuery{Narrative: id, Limit: maxStoryPage}); err != nil {
		return nil, err
	}
	return b, s.storyDocuments(ctx, b, n.Documents)
}

// storyDocuments fills the first documents of a story or narrative, in
// date order.
func (s *Server) storyDocuments(ctx context.Context, b *storyBody, ids []string) error {
	if len(ids) > maxStoryPage {
		ids, b.Truncated = ids[:maxStoryPage], true
	}
	docs, err := s.st.Documents(ctx, store.DocQuery{IDs: ids, Limit: len(ids)})
	if err != nil {
		return err
	}
	b.Documents = make([]DocSummary, len(docs))
	for i, d := range docs {
		b.Documents[i] = summarize(d)
	}
	return nil
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	list, err := s.storyList(r)
	s.answer(w, r, list, err)
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	b, err := s.loadStory(r.Context(), r.PathValue("id"))
	s.answer(w, r, b, err)
}

func (s *Server) apiNarratives(w http.ResponseWriter, r *http.Request) {
	list, err := s.narrativeList(r)
	s.answer(w, r, list, err)
}

func (s *Server) apiNarrative(w http.ResponseWriter, r *http.Request) {
	b, err := s.loadNarrative(r.Context(), r.PathValue("id"))
	s.answer(w, r, b, err)
}

// timelineView is the dated course of a narrative: documents per day and
// outlet.
type timelineView struct {
	Narrative string                `json:"narrative"`
	Label     string                `json:"label"`
	First     string                `json:"first"`
	Last      string                `json:"last"`
	Timeline  []cluster.TimelineDay `json:"timeline"`
}

func (s *Server) timelines(r *http.Request) (listBody[timelineView], error) {
	list, err := s.narrativeList(r)
	if err != nil {
		return listBody[timelineView]{}, err
	}
	out := listBody[timelineView]{Items: make([]timelineView, len(list.Items)), Next: list.Next}
	for i, n := range list.Items {
		out.Items[i] = timelineView{Narrative: n.ID, Label: n.Label, First: n.First, Last: n.Last, Timeline: n.Timeline}
		if out.Items[i].Timeline == nil {
			out.Items[i].Timeline = []cluster.TimelineDay{}
		}
	}
	return out, nil
}

func (s *Server) apiTimelines(w http.ResponseWriter, r *http.Request) {
	list, err := s.timelines(r)
	s.answer(w, r, list, err)
}

// timelineBar is one day of a drawn timeline.
type timelineBar struct {
	X, Y, W, H int
	Date       string
	Documents  int
}

// timelineChart is a narrative's timeline drawn as bars, one per day
// between its first and last date (days without documents left empty).
type timelineChart struct {
	Width, Height int
	Bars          []timelineBar
	First, Last   string
}

// maxTimelineDays bounds the days a chart spans; longer timelines are
// drawn by their last days.
const maxTimelineDays = 120

func chartTimeline(days []cluster.TimelineDay) timelineChart {
	perDay := map[string]int{}
	var first, last time.Time
	for _, d := range days {
		t, ok := doc.ParseDate(d.Date)
		if !ok {
			continue
		}
		perDay[t.Format("2006-01-02")] += d.Documents
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	c := timelineChart{Height: 36}
	if len(perDay) == 0 {
		return c
	}
	if span := int(last.Sub(first).Hours()/24) + 1; span > maxTimelineDays {
		first = last.AddDate(0, 0, -(maxTimelineDays - 1))
	}
	peak := 1
	for _, n := range perDay {
		peak = max(peak, n)
	}
	const barW = 6
	i := 0
	for t := first; !t.After(last); t = t.AddDate(0, 0, 1) {
		day := t.Format("2006-01-02")
		if n := perDay[day]; n > 0 {
			h := max(2, n*(c.Height-2)/peak)
			c.Bars = append(c.Bars, timelineBar{X: i * (barW + 1), Y: c.Height - h, W: barW, H: h, Date: day, Documents: n})
		}
		i++
	}
	c.Width = max(i*(barW+1), 40)
	c.First, c.Last = first.Format("2006-01-02"), last.Format("2006-01-02")
	return c
}
