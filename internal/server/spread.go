package server

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"sort"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/store"
)

// How much a story or narrative page reads to tell how it spread: the
// provenance graph of its first documents, and the quotes and entities of
// its first documents (by date), each bounded so that a story of
// thousands of documents costs no more than one of a hundred.
const (
	spreadGraphDocs  = 60
	spreadDocs       = 40
	spreadPerDoc     = 200
	spreadQuotes     = 12
	spreadEntities   = 15
	spreadMinQuoteIn = 2 // documents a quote must appear in to travel
)

// travellingQuote is a quote, term or claim found in several documents of
// a story.
type travellingQuote struct {
	ID, Kind, Text, Speaker string
	Documents               int
	Outlets                 []string
	Variants                int // distinct wordings
}

// keyEntity is an entity named in many documents of a story.
type keyEntity struct {
	Entity, Name, Type string
	Documents          int
	Mentions           int
}

// storyPage is a story or narrative page: how it spread.
type storyPage struct {
	*storyBody
	Kind  string // "Story" or "Narrative"
	Label string
	// Heading is what the page is headed with: the headline that stands
	// for the story, or its label when it has none; About are its key
	// entities and terms, said under the heading.
	Heading   string
	About     []string
	ID        string
	Chart     outletChart
	GraphHref string
	Outlets   []string
	First     string
	Last      string
	// FirstDoc is the earliest dated document: who published first.
	FirstDoc *DocSummary
	Graph    *graphView
	Drawing  drawing
	Quotes   []travellingQuote
	Entities []keyEntity
}

func (s *Server) pageStory(w http.ResponseWriter, r *http.Request) {
	b, err := s.loadStory(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.renderSpread(w, r, b, "Story", b.Story.Summary, url.Values{"story": {b.Story.ID}})
}

func (s *Server) pageNarrative(w http.ResponseWriter, r *http.Request) {
	b, err := s.loadNarrative(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	// A narrative's stories in the order they began.
	slices.SortStableFunc(b.Stories, func(x, y cluster.Story) int {
		switch {
		case x.First == y.First:
			return 0
		case x.First == "":
			return 1
		case y.First == "":
			return -1
		case x.First < y.First:
			return -1
		}
		return 1
	})
	s.renderSpread(w, r, b, "Narrative", b.Narrative.Summary, url.Values{"narrative": {b.Narrative.ID}})
}

// renderSpread fills and renders a story or narrative page.
func (s *Server) renderSpread(w http.ResponseWriter, r *http.Request, b *storyBody, kind string, sum cluster.Summary, graphQuery url.Values) {
	ctx := r.Context()
	p := storyPage{storyBody: b, Kind: kind, Label: sum.Label, ID: sum.ID, Chart: chartOutletTimeline(sum.Timeline),
		Outlets: sum.Outlets, First: sum.First, Last: sum.Last, GraphHref: "/provenance?" + graphQuery.Encode(),
		Heading: sum.Details.Headline, About: slices.Concat(sum.Details.Entities, sum.Details.Terms)}
	if p.Heading == "" {
		p.Heading, p.About = sum.Label, nil
	}
	// Documents come in date order, undated last.
	for i := range b.Documents {
		if b.Documents[i].Date != "" {
			p.FirstDoc = &b.Documents[i]
			break
		}
	}
	ids := make([]string, 0, len(b.Documents))
	for _, d := range b.Documents {
		ids = append(ids, d.ID)
	}
	g := &graphView{}
	graphIDs := ids[:min(len(ids), spreadGraphDocs)]
	rels, err := s.relationsAmong(ctx, graphIDs, g)
	if err == nil && len(rels) > 0 {
		// Only the documents that take part in a relation: the rest
		// would stand alone.
		var linked []string
		in := map[string]bool{}
		for _, r := range rels {
			in[r.A], in[r.B] = true, true
		}
		for _, id := range graphIDs {
			if in[id] {
				linked = append(linked, id)
			}
		}
		g.Truncated = g.Truncated || len(ids) > spreadGraphDocs
		if g, err = s.fillGraph(ctx, g, linked, rels, ""); err == nil {
			p.Graph, p.Drawing = g, layout(g)
		}
	}
	if err == nil {
		p.Quotes, p.Entities, err = s.travelling(ctx, ids[:min(len(ids), spreadDocs)])
	}
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "story.html", pageData{Title: kind + ": " + cut(p.Heading, 60), Nav: "stories", Body: p})
}

// travelling finds the quotes that appear in several of the documents and
// the entities they name most.
func (s *Server) travelling(ctx context.Context, ids []string) ([]travellingQuote, []keyEntity, error) {
	qs := s.quotes()
	if qs == nil {
		return nil, nil, nil
	}
	type acc struct {
		q        travellingQuote
		docs     map[string]bool
		outlets  map[string]bool
		wordings map[string]bool
		speakers map[string]int
	}
	quotes := map[string]*acc{}
	type entAcc struct {
		e    keyEntity
		docs map[string]bool
	}
	ents := map[string]*entAcc{}
	for _, id := range ids {
		occs, err := qs.Occurrences(ctx, store.OccurrenceQuery{Doc: id, Limit: spreadPerDoc})
		if err != nil {
			return nil, nil, err
		}
		for _, o := range occs {
			a := quotes[o.Quote]
			if a == nil {
				a = &acc{q: travellingQuote{ID: o.Quote, Kind: string(o.Kind), Text: o.Text}, docs: map[string]bool{},
					outlets: map[string]bool{}, wordings: map[string]bool{}, speakers: map[string]int{}}
				quotes[o.Quote] = a
			}
			a.docs[o.Doc] = true
			if o.Outlet != "" {
				a.outlets[o.Outlet] = true
			}
			a.wordings[o.Text] = true
			if o.Speaker != "" {
				a.speakers[o.Speaker]++
			}
			if len(o.Text) > len(a.q.Text) {
				a.q.Text = o.Text
			}
		}
		ms, err := qs.EntityMentions(ctx, store.EntityQuery{Doc: id, Limit: spreadPerDoc})
		if err != nil {
			return nil, nil, err
		}
		for _, m := range ms {
			if m.Type == extract.Unknown {
				continue
			}
			e := ents[m.Entity]
			if e == nil {
				e = &entAcc{e: keyEntity{Entity: m.Entity, Name: m.Name, Type: string(m.Type)}, docs: map[string]bool{}}
				ents[m.Entity] = e
			}
			e.docs[m.Doc] = true
			e.e.Mentions++
		}
	}
	var tq []travellingQuote
	for _, a := range quotes {
		if len(a.docs) < spreadMinQuoteIn {
			continue
		}
		a.q.Documents, a.q.Variants = len(a.docs), len(a.wordings)
		for o := range a.outlets {
			a.q.Outlets = append(a.q.Outlets, o)
		}
		sort.Strings(a.q.Outlets)
		best := 0
		for sp, n := range a.speakers {
			if n > best || n == best && sp < a.q.Speaker {
				a.q.Speaker, best = sp, n
			}
		}
		tq = append(tq, a.q)
	}
	sort.Slice(tq, func(i, j int) bool {
		if tq[i].Documents != tq[j].Documents {
			return tq[i].Documents > tq[j].Documents
		}
		return tq[i].ID < tq[j].ID
	})
	var ke []keyEntity
	for _, e := range ents {
		e.e.Documents = len(e.docs)
		ke = append(ke, e.e)
	}
	sort.Slice(ke, func(i, j int) bool {
		if ke[i].Documents != ke[j].Documents {
			return ke[i].Documents > ke[j].Documents
		}
		if ke[i].Mentions != ke[j].Mentions {
			return ke[i].Mentions > ke[j].Mentions
		}
		return ke[i].Entity < ke[j].Entity
	})
	return tq[:min(len(tq), spreadQuotes)], ke[:min(len(ke), spreadEntities)], nil
}
