package server

import (
	"context"
	"fmt"
	"slices"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// Bounds on what one request reads about one document: a document copied
// everywhere has many relations, and a page listing thousands of them is
// no use to a reader; the API says when a list was cut.
const (
	maxDocPassages  = 2000
	maxDocRelations = 500
)

// bundle is one document with everything stored about it.
type bundle struct {
	Doc       doc.Document
	Passages  []relate.Passage
	Relations []relate.Relation
	// Others summarises the documents at the other end of the passages
	// and relations, by id.
	Others map[string]DocSummary
	// Truncated is set when passages or relations were cut at their bound.
	Truncated bool
	Quotes    []quoteOcc
	Entities  []entityMention
}

// loadBundle reads a document and what is stored about it.
func (s *Server) loadBundle(ctx context.Context, id string) (*bundle, error) {
	d, err := s.st.Document(ctx, id)
	if err != nil {
		return nil, err
	}
	b := &bundle{Doc: d}
	// Boilerplate passages too: the page shows them greyed, so a reader
	// sees which blocks a document shares without taking them for reuse.
	if b.Passages, err = s.st.Passages(ctx, store.PassageQuery{Doc: id, IncludeBoilerplate: true, Limit: maxDocPassages + 1}); err != nil {
		return nil, err
	}
	if b.Relations, err = s.st.Relations(ctx, store.RelationQuery{Doc: id, Limit: maxDocRelations + 1}); err != nil {
		return nil, err
	}
	if len(b.Passages) > maxDocPassages {
		b.Passages, b.Truncated = b.Passages[:maxDocPassages], true
	}
	if len(b.Relations) > maxDocRelations {
		b.Relations, b.Truncated = b.Relations[:maxDocRelations], true
	}
	var ids []string
	for _, r := range b.Relations {
		ids = append(ids, other(r.A, r.B, id))
	}
	for _, p := range b.Passages {
		ids = append(ids, other(p.A.Doc, p.B.Doc, id))
	}
	if b.Others, err = s.summaries(ctx, ids); err != nil {
		return nil, err
	}
	if b.Quotes, b.Entities, err = s.docQuotes(ctx, id); err != nil {
		return nil, err
	}
	return b, nil
}

// other is the end of a pair that is not id.
func other(a, b, id string) string {
	if a == id {
		return b
	}
	return a
}

// summaries reads the documents with these ids, by id; unknown ids are
// left out.
func (s *Server) summaries(ctx context.Context, ids []string) (map[string]DocSummary, error) {
	docs, err := s.documentsByID(ctx, ids)
	out := make(map[string]DocSummary, len(docs))
	for id, d := range docs {
		out[id] = summarize(d)
	}
	return out, err
}

// documentsByID reads the documents with these ids, by id.
func (s *Server) documentsByID(ctx context.Context, ids []string) (map[string]doc.Document, error) {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	out := make(map[string]doc.Document, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	docs, err := s.st.Documents(ctx, store.DocQuery{IDs: ids, Limit: len(ids)})
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		out[d.ID] = d
	}
	return out, nil
}

// pairData is two documents, their relation and their shared passages.
type pairData struct {
	A, B     doc.Document
	Relation *relate.Relation // nil when the analysis relates them not at all
	Passages []relate.Passage // ordered along A
}

// loadPair reads two documents and what they share.
func (s *Server) loadPair(ctx context.Context, a, b string) (*pairData, error) {
	if a == "" || b == "" {
		return nil, &badParam{"both a and b must name a document"}
	}
	if a == b {
		return nil, &badParam{fmt.Sprintf("a and b are the same document %q", a)}
	}
	da, err := s.st.Document(ctx, a)
	if err != nil {
		return nil, err
	}
	db, err := s.st.Document(ctx, b)
	if err != nil {
		return nil, err
	}
	p := &pairData{A: da, B: db}
	// A document's relations are few next to the corpus; read them a page
	// at a time until the pair's turns up.
	const pageSize = 1000
	for off := 0; ; off += pageSize {
		rels, err := s.st.Relations(ctx, store.RelationQuery{Doc: a, Limit: pageSize, Offset: off})
		if err != nil {
			return nil, err
		}
		for _, r := range rels {
			if r.A == b || r.B == b {
				r := r
				p.Relation = &r
				break
			}
		}
		if p.Relation != nil || len(rels) < pageSize {
			break
		}
	}
	ps, err := s.st.Passages(ctx, store.PassageQuery{Pair: [2]string{a, b}, IncludeBoilerplate: true, Limit: maxDocPassages})
	if err != nil {
		return nil, err
	}
	// Orient every passage so that its A side is in document a.
	for i, x := range ps {
		if x.A.Doc != a {
			ps[i].A, ps[i].B = x.B, x.A
		}
	}
	slices.SortFunc(ps, func(x, y relate.Passage) int {
		if x.A.Begin != y.A.Begin {
			return x.A.Begin - y.A.Begin
		}
		return x.B.Begin - y.B.Begin
	})
	p.Passages = ps
	return p, nil
}
