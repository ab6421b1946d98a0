package server

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// apiRoutes registers the JSON API. Every route here must be described in
// openapi.go; a test holds the two together.
func (s *Server) apiRoutes() {
	s.handle("GET", "/api/openapi.json", s.apiOpenAPI)
	s.handle("GET", "/api/stats", s.apiStats)
	s.handle("GET", "/api/documents", s.apiDocuments)
	s.handle("POST", "/api/documents", s.apiUpload)
	s.handle("GET", "/api/documents/{id}", s.apiDocument)
	s.handle("GET", "/api/uploads/{id}", s.apiUploadStatus)
	s.handle("GET", "/api/search", s.apiSearch)
	s.handle("GET", "/api/pairs", s.apiPairs)
	s.handle("GET", "/api/pair", s.apiPair)
	s.handle("GET", "/api/chains", s.apiChains)
	s.handle("GET", "/api/graph", s.apiGraph)
	s.handle("GET", "/api/quotes", s.apiQuotes)
	s.handle("GET", "/api/quotes/{id}", s.apiQuote)
	s.handle("GET", "/api/entities", s.apiEntities)
	s.handle("GET", "/api/stories", s.apiStories)
	s.handle("GET", "/api/stories/{id}", s.apiStory)
	s.handle("GET", "/api/narratives", s.apiNarratives)
	s.handle("GET", "/api/narratives/{id}", s.apiNarrative)
	s.handle("GET", "/api/timelines", s.apiTimelines)
}

// statsView is the corpus at a glance.
type statsView struct {
	Documents     int64 `json:"documents"`
	CorpusVersion int64 `json:"corpus_version"`
	ReuseVersion  int64 `json:"reuse_version"`
	QuotesVersion int64 `json:"quotes_version"`
	Chains        int64 `json:"chains"`
	Stories       int64 `json:"stories"`
	Narratives    int64 `json:"narratives"`
	// Relations counts relations by kind.
	Relations map[string]int64 `json:"relations"`
}

// stats reads the counts the store keeps with its results; nothing here
// reads the results themselves.
func (s *Server) stats(r *http.Request) (*statsView, error) {
	ctx := r.Context()
	v := &statsView{Relations: map[string]int64{}}
	c, err := s.st.Counts(ctx)
	if err != nil {
		return nil, err
	}
	v.CorpusVersion, v.ReuseVersion, v.QuotesVersion = c.Versions[0], c.Versions[1], c.Versions[2]
	if v.Documents, err = s.countDocuments(ctx, v.CorpusVersion); err != nil {
		return nil, err
	}
	v.Chains, v.Stories, v.Narratives = c.Chains, c.Stories, c.Narratives
	for _, k := range store.RelationKinds {
		v.Relations[string(k)] = c.Relations[k]
	}
	return v, nil
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) {
	v, err := s.stats(r)
	s.answer(w, r, v, err)
}

// docQuery reads the filters of a document list.
func docQuery(q url.Values) (store.DocQuery, page, error) {
	p, err := pageParams(q)
	if err != nil {
		return store.DocQuery{}, p, err
	}
	dq := store.DocQuery{Outlet: q.Get("outlet"), Lang: q.Get("lang"), Text: strings.TrimSpace(q.Get("q")),
		Limit: p.Limit + 1, Offset: p.Offset, After: p.Cursor}
	if dq.From, err = dateParam(q, "from"); err != nil {
		return dq, p, err
	}
	if dq.To, err = dateParam(q, "to"); err != nil {
		return dq, p, err
	}
	switch q.Get("order") {
	case "", "oldest":
	case "newest":
		dq.Desc = true
	default:
		return dq, p, &badParam{`order must be "oldest" or "newest", not "` + q.Get("order") + `"`}
	}
	return dq, p, nil
}

// listDocuments runs a document list request.
func (s *Server) listDocuments(r *http.Request) (listBody[DocSummary], []doc.Document, error) {
	q := r.URL.Query()
	dq, p, err := docQuery(q)
	if err != nil {
		return listBody[DocSummary]{}, nil, err
	}
	if q.Get("story") != "" || q.Get("narrative") != "" {
		ids, _, err := s.storyDocIDs(r.Context(), q.Get("story"), q.Get("narrative"))
		if err != nil {
			return listBody[DocSummary]{}, nil, err
		}
		if len(ids) == 0 {
			return newList[DocSummary](r, p, nil, nil), nil, nil
		}
		dq.IDs = ids
	}
	docs, err := s.st.Documents(r.Context(), dq)
	if errors.Is(err, store.ErrNotFound) && dq.After != "" {
		return listBody[DocSummary]{}, nil, &badParam{"the cursor names a document that is no longer stored; start again without it"}
	}
	if err != nil {
		return listBody[DocSummary]{}, nil, err
	}
	sums := make([]DocSummary, len(docs))
	for i, d := range docs {
		sums[i] = summarize(d)
	}
	list := newList(r, p, sums, func(d DocSummary) string { return d.ID })
	if len(docs) > p.Limit {
		docs = docs[:p.Limit]
	}
	return list, docs, nil
}

func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) {
	list, _, err := s.listDocuments(r)
	s.answer(w, r, list, err)
}

// documentView is one document with everything stored about it.
type documentView struct {
	DocSummary
	Text      string          `json:"text"`
	Regions   []doc.Region    `json:"regions"`
	Passages  []passageView   `json:"passages"`
	Relations []pairView      `json:"relations"`
	Quotes    []quoteOcc      `json:"quotes"`
	Entities  []entityMention `json:"entities"`
	Truncated bool            `json:"truncated"`
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	b, err := s.loadBundle(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := documentView{DocSummary: summarize(b.Doc), Text: b.Doc.Text, Regions: b.Doc.Regions,
		Quotes: b.Quotes, Entities: b.Entities, Truncated: b.Truncated,
		Passages: make([]passageView, 0, len(b.Passages)), Relations: make([]pairView, 0, len(b.Relations))}
	if v.Regions == nil {
		v.Regions = []doc.Region{}
	}
	texts := map[string]string{b.Doc.ID: b.Doc.Text}
	for _, p := range b.Passages {
		v.Passages = append(v.Passages, viewPassage(p, texts))
	}
	self := summarize(b.Doc)
	for _, rel := range b.Relations {
		v.Relations = append(v.Relations, s.viewPair(rel, map[string]DocSummary{b.Doc.ID: self}, b.Others))
	}
	writeJSON(w, http.StatusOK, v)
}

// viewPair fills a pair's document summaries from the maps given.
func (s *Server) viewPair(rel relate.Relation, docs ...map[string]DocSummary) pairView {
	v := pairView{relationView: viewRelation(rel), DocA: DocSummary{ID: rel.A}, DocB: DocSummary{ID: rel.B}}
	for _, m := range docs {
		if d, ok := m[rel.A]; ok {
			v.DocA = d
		}
		if d, ok := m[rel.B]; ok {
			v.DocB = d
		}
	}
	return v
}

// searchHit is a document found by a search, with a piece of its text
// around the first word found.
type searchHit struct {
	DocSummary
	Snippet string `json:"snippet"`
}

func (s *Server) search(r *http.Request) (listBody[searchHit], error) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		return listBody[searchHit]{}, &badParam{"q must hold the words to search for"}
	}
	if len(store.SearchWords(q)) == 0 {
		return listBody[searchHit]{}, &badParam{"q holds no words (letters or digits) to search for"}
	}
	list, docs, err := s.listDocuments(r)
	if err != nil {
		return listBody[searchHit]{}, err
	}
	hits := make([]searchHit, len(list.Items))
	for i, d := range list.Items {
		hits[i] = searchHit{DocSummary: d, Snippet: snippet(docs[i].Text, store.SearchWords(q), 240)}
	}
	return listBody[searchHit]{Items: hits, Next: list.Next}, nil
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	list, err := s.search(r)
	s.answer(w, r, list, err)
}

// relationKind reads the kind filter of a relation list.
func relationKind(q url.Values) (relate.Kind, error) {
	switch k := relate.Kind(q.Get("kind")); k {
	case "", relate.Duplicate, relate.Derived, relate.Partial, relate.Translation:
		return k, nil
	default:
		return "", &badParam{`kind must be "duplicate", "derived", "partial" or "translation", not "` + string(k) + `"`}
	}
}

// pairs lists relations with their documents summarised.
func (s *Server) pairs(r *http.Request) (listBody[pairView], error) {
	q := r.URL.Query()
	p, err := pageParams(q)
	if err != nil {
		return listBody[pairView]{}, err
	}
	if p.Cursor != "" {
		return listBody[pairView]{}, &badParam{"pairs page by offset, not cursor"}
	}
	kind, err := relationKind(q)
	if err != nil {
		return listBody[pairView]{}, err
	}
	rels, err := s.st.Relations(r.Context(), store.RelationQuery{Doc: q.Get("doc"), Kind: kind, Limit: p.Limit + 1, Offset: p.Offset})
	if err != nil {
		return listBody[pairView]{}, err
	}
	if len(rels) == 0 && q.Get("doc") != "" {
		if _, err := s.st.Document(r.Context(), q.Get("doc")); err != nil {
			return listBody[pairView]{}, err
		}
	}
	var ids []string
	for _, rel := range rels {
		ids = append(ids, rel.A, rel.B)
	}
	docs, err := s.summaries(r.Context(), ids)
	if err != nil {
		return listBody[pairView]{}, err
	}
	views := make([]pairView, len(rels))
	for i, rel := range rels {
		views[i] = s.viewPair(rel, docs)
	}
	return newList(r, p, views, nil), nil
}

func (s *Server) apiPairs(w http.ResponseWriter, r *http.Request) {
	list, err := s.pairs(r)
	s.answer(w, r, list, err)
}

// pairBody is two documents and what they share.
type pairBody struct {
	A        DocSummary    `json:"a"`
	B        DocSummary    `json:"b"`
	Relation *relationView `json:"relation"`
	Passages []passageView `json:"passages"`
}

func (s *Server) apiPair(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	pd, err := s.loadPair(r.Context(), q.Get("a"), q.Get("b"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	body := pairBody{A: summarize(pd.A), B: summarize(pd.B), Passages: []passageView{}}
	if pd.Relation != nil {
		rv := viewRelation(*pd.Relation)
		body.Relation = &rv
	}
	texts := map[string]string{pd.A.ID: pd.A.Text, pd.B.ID: pd.B.Text}
	for _, p := range pd.Passages {
		body.Passages = append(body.Passages, viewPassage(p, texts))
	}
	writeJSON(w, http.StatusOK, body)
}

// chainView is one provenance chain: each document copies the one before.
type chainView struct {
	Index     int          `json:"index"`
	Documents []DocSummary `json:"documents"`
}

func (s *Server) chains(r *http.Request) (listBody[chainView], error) {
	p, err := pageParams(r.URL.Query())
	if err != nil {
		return listBody[chainView]{}, err
	}
	if p.Cursor != "" {
		return listBody[chainView]{}, &badParam{"chains page by offset, not cursor"}
	}
	sel, err := s.st.ChainRange(r.Context(), p.Offset, p.Limit+1)
	if err != nil {
		return listBody[chainView]{}, err
	}
	var ids []string
	for _, c := range sel {
		ids = append(ids, c...)
	}
	docs, err := s.summaries(r.Context(), ids)
	if err != nil {
		return listBody[chainView]{}, err
	}
	views := make([]chainView, len(sel))
	for i, c := range sel {
		views[i] = chainView{Index: p.Offset + i}
		for _, id := range c {
			d, ok := docs[id]
			if !ok {
				d = DocSummary{ID: id}
			}
			views[i].Documents = append(views[i].Documents, d)
		}
	}
	return newList(r, p, views, nil), nil
}

func (s *Server) apiChains(w http.ResponseWriter, r *http.Request) {
	list, err := s.chains(r)
	s.answer(w, r, list, err)
}

func (s *Server) apiGraph(w http.ResponseWriter, r *http.Request) {
	if f := r.URL.Query().Get("format"); f != "" && f != "json" {
		s.graphFile(w, r, f)
		return
	}
	g, err := s.graphFor(r)
	s.answer(w, r, g, err)
}

// quoteList lists quote occurrences.
func (s *Server) quoteList(r *http.Request) (listBody[quoteOcc], error) {
	qs := s.quotes()
	if qs == nil {
		return listBody[quoteOcc]{}, errUnavailable
	}
	q := r.URL.Query()
	p, err := pageParams(q)
	if err != nil {
		return listBody[quoteOcc]{}, err
	}
	if p.Cursor != "" {
		return listBody[quoteOcc]{}, &badParam{"quotes page by offset, not cursor"}
	}
	kind := extract.Kind(q.Get("kind"))
	switch kind {
	case "", extract.KindQuote, extract.KindTerm, extract.KindClaim:
	default:
		return listBody[quoteOcc]{}, &badParam{`kind must be "quote", "term" or "claim", not "` + string(kind) + `"`}
	}
	occs, err := qs.Occurrences(r.Context(), store.OccurrenceQuery{Doc: q.Get("doc"), Speaker: q.Get("speaker"),
		Kind: kind, Limit: p.Limit + 1, Offset: p.Offset})
	if err != nil {
		return listBody[quoteOcc]{}, err
	}
	views := make([]quoteOcc, len(occs))
	for i, o := range occs {
		views[i] = viewOcc(o)
	}
	return newList(r, p, views, nil), nil
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) {
	list, err := s.quoteList(r)
	s.answer(w, r, list, err)
}

func (s *Server) apiQuote(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadQuote(r.Context(), r.PathValue("id"))
	s.answer(w, r, v, err)
}

// entityList lists entity mentions.
func (s *Server) entityList(r *http.Request) (listBody[entityMention], error) {
	qs := s.quotes()
	if qs == nil {
		return listBody[entityMention]{}, errUnavailable
	}
	q := r.URL.Query()
	p, err := pageParams(q)
	if err != nil {
		return listBody[entityMention]{}, err
	}
	if p.Cursor != "" {
		return listBody[entityMention]{}, &badParam{"entities page by offset, not cursor"}
	}
	typ := extract.EntityType(q.Get("type"))
	switch typ {
	case "", extract.Person, extract.Org, extract.Place, extract.Unknown:
	default:
		return listBody[entityMention]{}, &badParam{`type must be "person", "org", "place" or "unknown", not "` + string(typ) + `"`}
	}
	ms, err := qs.EntityMentions(r.Context(), store.EntityQuery{Doc: q.Get("doc"), Entity: q.Get("entity"),
		Type: typ, Limit: p.Limit + 1, Offset: p.Offset})
	if err != nil {
		return listBody[entityMention]{}, err
	}
	views := make([]entityMention, len(ms))
	for i, m := range ms {
		views[i] = viewMention(m)
	}
	return newList(r, p, views, nil), nil
}

func (s *Server) apiEntities(w http.ResponseWriter, r *http.Request) {
	list, err := s.entityList(r)
	s.answer(w, r, list, err)
}
