package server

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// Bounds on a provenance graph: a page shows at most maxGraphNodes
// documents, and reads at most maxNodeRelations relations of each.
const (
	maxGraphNodes    = 120
	maxNodeRelations = 200
)

// graphNode is a document in a provenance graph.
type graphNode struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	Date   string `json:"date"`
	// Focus marks the document the graph was drawn around.
	Focus bool `json:"focus"`
}

// graphEdge is a relation: from the source to the copy when Directed,
// else between two documents whose order is unknown.
type graphEdge struct {
	From       string  `json:"from"`
	To         string  `json:"to"`
	Directed   bool    `json:"directed"`
	Kind       string  `json:"kind"`
	Confidence float64 `json:"confidence"`
	Reason     string  `json:"reason"`
}

// graphView is the who-copied-whom graph of a set of documents.
type graphView struct {
	Title     string      `json:"title"`
	Nodes     []graphNode `json:"nodes"`
	Edges     []graphEdge `json:"edges"`
	Truncated bool        `json:"truncated"`
}

// graphFor reads the graph a request asks for: around a document (doc,
// depth) or of a provenance chain (chain).
func (s *Server) graphFor(r *http.Request) (*graphView, error) {
	q := r.URL.Query()
	switch {
	case q.Get("doc") != "":
		depth, err := intParam(q, "depth", 1, 1, 3)
		if err != nil {
			return nil, err
		}
		return s.neighbourhood(r.Context(), q.Get("doc"), depth)
	case q.Get("story") != "" || q.Get("narrative") != "":
		return s.storyGraph(r.Context(), q.Get("story"), q.Get("narrative"))
	case q.Get("chain") != "":
		n, err := intParam(q, "chain", 0, 0, 1<<30)
		if err != nil {
			return nil, err
		}
		return s.chainGraph(r.Context(), n)
	}
	return nil, &badParam{"one of these parameters is required: doc (a document id), story (a story id), narrative (a narrative id) or chain (a chain number)"}
}

// neighbourhood is the whole spread of a document: every ancestor (its
// source, the source's source, …) and every descendant (its copies, their
// copies, …), followed through directed relations, plus the documents
// within depth relations of unknown direction, and every relation among
// them all.
func (s *Server) neighbourhood(ctx context.Context, id string, depth int) (*graphView, error) {
	focus, err := s.st.Document(ctx, id)
	if err != nil {
		return nil, err
	}
	g := &graphView{Title: "The spread of " + label(summarize(focus))}
	// role says how a document was reached, which decides the relations
	// followed from it: up from ancestors, down from descendants, both
	// from the focus; undirected ones from the focus and its undirected
	// neighbours, up to depth.
	type role struct {
		up, down bool
		level    int // undirected steps from the focus
	}
	roles := map[string]role{id: {up: true, down: true}}
	order := []string{id}
	var rels []relate.Relation
	seen := map[[2]string]bool{}
	for i := 0; i < len(order); i++ {
		n := order[i]
		ro := roles[n]
		rs, err := s.st.Relations(ctx, store.RelationQuery{Doc: n, Limit: maxNodeRelations + 1})
		if err != nil {
			return nil, err
		}
		if len(rs) > maxNodeRelations {
			rs, g.Truncated = rs[:maxNodeRelations], true
		}
		for _, r := range rs {
			if k := [2]string{r.A, r.B}; !seen[k] {
				seen[k] = true
				rels = append(rels, r)
			}
			o := other(r.A, r.B, n)
			if _, ok := roles[o]; ok {
				continue
			}
			var next role
			switch src := r.Source(); {
			case src == o && ro.up:
				next = role{up: true}
			case src == n && ro.down:
				next = role{down: true}
			case src == "" && ro.up && ro.down && ro.level < depth:
				next = role{up: true, down: true, level: ro.level + 1}
			default:
				continue
			}
			if len(order) >= maxGraphNodes {
				g.Truncated = true
				continue
			}
			roles[o] = next
			order = append(order, o)
		}
	}
	var among []relate.Relation
	for _, r := range rels {
		_, a := roles[r.A]
		_, b := roles[r.B]
		if a && b {
			among = append(among, r)
		}
	}
	return s.fillGraph(ctx, g, order, among, id)
}

// chainGraph is the graph of one provenance chain and the relations among
// its documents.
func (s *Server) chainGraph(ctx context.Context, n int) (*graphView, error) {
	chains, err := s.st.ChainRange(ctx, n, 1)
	if err != nil {
		return nil, err
	}
	if len(chains) == 0 {
		return nil, notFound("chain", strconv.Itoa(n))
	}
	g := &graphView{Title: "Provenance chain " + strconv.Itoa(n)}
	rels, err := s.relationsAmong(ctx, chains[0], g)
	if err != nil {
		return nil, err
	}
	return s.fillGraph(ctx, g, chains[0], rels, "")
}

// storyGraph is the graph of the documents of a story or narrative.
func (s *Server) storyGraph(ctx context.Context, story, narrative string) (*graphView, error) {
	ids, cut, err := s.storyDocIDs(ctx, story, narrative)
	if err != nil {
		return nil, err
	}
	g := &graphView{Title: "Story " + story, Truncated: cut}
	if story == "" {
		g.Title = "Narrative " + narrative
	}
	rels, err := s.relationsAmong(ctx, ids, g)
	if err != nil {
		return nil, err
	}
	if len(ids) > maxGraphNodes {
		ids = ids[:maxGraphNodes]
	}
	return s.fillGraph(ctx, g, ids, rels, "")
}

// relationsAmong reads the relations between documents of a set.
func (s *Server) relationsAmong(ctx context.Context, ids []string, g *graphView) ([]relate.Relation, error) {
	if len(ids) > maxGraphNodes {
		ids, g.Truncated = ids[:maxGraphNodes], true
	}
	in := map[string]bool{}
	for _, id := range ids {
		in[id] = true
	}
	seen := map[[2]string]bool{}
	var out []relate.Relation
	for _, id := range ids {
		rs, err := s.st.Relations(ctx, store.RelationQuery{Doc: id, Limit: maxNodeRelations + 1})
		if err != nil {
			return nil, err
		}
		if len(rs) > maxNodeRelations {
			rs, g.Truncated = rs[:maxNodeRelations], true
		}
		for _, r := range rs {
			k := [2]string{r.A, r.B}
			if in[r.A] && in[r.B] && !seen[k] {
				seen[k] = true
				out = append(out, r)
			}
		}
	}
	return out, nil
}

// fillGraph adds the nodes (with their dates and titles) and edges.
func (s *Server) fillGraph(ctx context.Context, g *graphView, ids []string, rels []relate.Relation, focus string) (*graphView, error) {
	docs, err := s.summaries(ctx, ids)
	if err != nil {
		return nil, err
	}
	g.Nodes = make([]graphNode, 0, len(ids))
	for _, id := range ids {
		d := docs[id]
		g.Nodes = append(g.Nodes, graphNode{ID: id, Title: label(DocSummary{ID: id, Title: d.Title}), Outlet: d.Outlet, Date: d.Date, Focus: id == focus})
	}
	g.Edges = make([]graphEdge, 0, len(rels))
	for _, r := range rels {
		e := graphEdge{From: r.A, To: r.B, Kind: string(r.Kind), Confidence: r.Confidence, Reason: r.Reason}
		if src := r.Source(); src != "" {
			e.From, e.To, e.Directed = src, r.Copy(), true
		}
		g.Edges = append(g.Edges, e)
	}
	slices.SortFunc(g.Edges, func(a, b graphEdge) int {
		if a.From != b.From {
			return strings.Compare(a.From, b.From)
		}
		return strings.Compare(a.To, b.To)
	})
	return g, nil
}
