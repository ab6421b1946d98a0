package server

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// assets are the page templates and the static files (style sheet,
// script), built into the binary so that the pages work offline.
//
//go:embed templates static
var assets embed.FS

// palette is how many colours tell linked documents apart on a page
// (classes c0…c11 in the style sheet); more documents reuse colours.
const palette = 12

func parseTemplates() (*template.Template, error) {
	funcs := template.FuncMap{
		"docHref":     docHref,
		"compareHref": compareHref,
		"quoteHref":   quoteHref,
		"entityHref":  entityHref,
		"graphHref":   graphHref,
		"label":       label,
		"named":       named,
		"sureness":    sureness,
		"add":         func(a, b int) int { return a + b },
		"sub":         func(a, b int) int { return a - b },
		"pct":         func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
		"cut":         cut,
		"count":       count,
		"when":        when,
	}
	return template.New("").Funcs(funcs).ParseFS(assets, "templates/*.html")
}

// count is n with a noun, singular for one ("1 document", "2 documents");
// a noun whose plural is not noun+"s" gives it after ("story", "stories").
func count(n int, noun string, plural ...string) string {
	if n == 1 {
		return "1 " + noun
	}
	if len(plural) > 0 {
		return strconv.Itoa(n) + " " + plural[0]
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// when is a document date as a reader reads it: the day, and the time of
// day (UTC) when the date has one ("2024-01-03 01:59", not
// "2024-01-03T01:59:00Z"); a date that does not parse is shown as given.
func when(date string) string {
	t, ok := doc.ParseDate(date)
	if !ok {
		return date
	}
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format("2006-01-02 15:04")
}

// pageData is what every page template gets.
type pageData struct {
	Title string
	Nav   string // which menu entry is current
	Query string // the search box's text
	Body  any
	// Refresh reloads the page every few seconds (an upload at work).
	Refresh bool
}

// render executes a page template into a buffer first, so that a failing
// template gives an error page rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data pageData) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, data); err != nil {
		s.opt.Logf("server: %s %s: template %s: %v", r.Method, r.URL, name, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// pageError shows an error as a page with a fitting status.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error.html", pageData{Title: http.StatusText(status), Body: msg})
}

// pageFail shows the page error that fits err.
func (s *Server) pageFail(w http.ResponseWriter, r *http.Request, err error) {
	var bp *badParam
	switch {
	case errors.As(err, &bp):
		s.pageError(w, r, http.StatusBadRequest, bp.msg)
	case errors.Is(err, store.ErrNotFound):
		s.pageError(w, r, http.StatusNotFound, "Not found: "+err.Error())
	case errors.Is(err, errUnavailable):
		s.pageError(w, r, http.StatusNotImplemented, "This database keeps no such results.")
	case errors.Is(err, store.ErrTextIndexBuilding):
		w.Header().Set("Retry-After", retryIndexSeconds)
		s.pageError(w, r, http.StatusServiceUnavailable, "The search index is still being built after the last ingest. Try again in a minute.")
	case errors.Is(err, context.DeadlineExceeded) && r.Context().Err() != nil:
		w.Header().Set("Retry-After", retryBusySeconds)
		s.pageError(w, r, http.StatusServiceUnavailable, "The server was too busy to answer in time; try again.")
	default:
		if r.Context().Err() != nil {
			return
		}
		s.opt.Logf("server: %s %s: %v", r.Method, r.URL, err)
		s.pageError(w, r, http.StatusInternalServerError, "The database could not answer; see the server log.")
	}
}

func (s *Server) pageRoutes() {
	s.handle("GET", "/{$}", s.pageOverview)
	s.handle("GET", "/documents", s.pageDocuments)
	s.handle("GET", "/documents/{id}", s.pageDocument)
	s.handle("GET", "/compare", s.pageCompare)
	s.handle("GET", "/provenance", s.pageProvenance)
	s.handle("GET", "/pairs", s.pagePairs)
	s.handle("GET", "/quotes", s.pageQuotes)
	s.handle("GET", "/quotes/{id}", s.pageQuote)
	s.handle("GET", "/entities", s.pageEntities)
	s.handle("GET", "/search", s.pageSearch)
	s.handle("GET", "/stories", s.pageStories)
	s.handle("GET", "/stories/{id}", s.pageStory)
	s.handle("GET", "/narratives", s.pageNarratives)
	s.handle("GET", "/narratives/{id}", s.pageNarrative)
	s.handle("GET", "/uploads/{id}", s.pageUpload)
}

// overviewBody is the front page: counts, the newest documents, the
// strongest relations and the longest chains.
type overviewBody struct {
	Stats      *statsView
	Clusters   bool // the store keeps stories
	Narratives []narrativeRow
	Stories    []cluster.Story
	Latest     []DocSummary
	Strongest  []pairView
	Chains     []chainView
}

// minDate is a From bound that only leaves out undated documents.
var minDate = time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC)

// overviewRows is how many of each list the front page shows.
const overviewRows = 12

func (s *Server) pageOverview(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	stats, err := s.stats(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	body := overviewBody{Stats: stats, Clusters: s.clusters() != nil}
	if body.Clusters {
		ns, err := s.narrativeList(requestWith(r, fmt.Sprintf("limit=%d", overviewRows/2)))
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		for _, n := range ns.Items {
			body.Narratives = append(body.Narratives, narrativeRow{Narrative: n, Chart: chartTimeline(n.Timeline)})
		}
		sts, err := s.storyList(requestWith(r, fmt.Sprintf("order=newest&limit=%d", overviewRows)))
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		body.Stories = sts.Items
	}
	// Newest dated documents first; a corpus with no dates at all shows
	// its first documents instead.
	latest, err := s.st.Documents(ctx, store.DocQuery{Desc: true, From: minDate, Limit: overviewRows})
	if err == nil && len(latest) == 0 {
		latest, err = s.st.Documents(ctx, store.DocQuery{Limit: overviewRows})
	}
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	for _, d := range latest {
		body.Latest = append(body.Latest, summarize(d))
	}
	var rels []relate.Relation
	for _, k := range []relate.Kind{relate.Duplicate, relate.Derived, relate.Partial, relate.Translation} {
		if len(rels) >= overviewRows {
			break
		}
		rs, err := s.st.Relations(ctx, store.RelationQuery{Kind: k, Limit: overviewRows - len(rels)})
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		rels = append(rels, rs...)
	}
	var ids []string
	for _, rel := range rels {
		ids = append(ids, rel.A, rel.B)
	}
	docs, err := s.summaries(ctx, ids)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	for _, rel := range rels {
		body.Strongest = append(body.Strongest, s.viewPair(rel, docs))
	}
	chains, err := s.chains(requestWith(r, "limit=8"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	body.Chains = chains.Items
	s.render(w, r, http.StatusOK, "overview.html", pageData{Title: "Overview", Nav: "overview", Body: body})
}

// requestWith is r with its query replaced, for reusing a list reader.
func requestWith(r *http.Request, rawQuery string) *http.Request {
	r2 := r.Clone(r.Context())
	u := *r.URL
	u.RawQuery = rawQuery
	r2.URL = &u
	return r2
}

// documentsBody is a page of a document list or search.
type documentsBody struct {
	Filters  map[string]string
	Items    []searchHit
	Next     string
	Searched bool
}

func (s *Server) pageDocuments(w http.ResponseWriter, r *http.Request) {
	list, docs, err := s.listDocuments(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	body := documentsBody{Filters: filters(r, "outlet", "lang", "from", "to", "q", "order")}
	words := store.SearchWords(r.URL.Query().Get("q"))
	for i, d := range list.Items {
		body.Items = append(body.Items, searchHit{DocSummary: d, Snippet: snippet(docs[i].Text, words, 200)})
	}
	body.Next = deref(list.Next)
	s.render(w, r, http.StatusOK, "documents.html", pageData{Title: "Documents", Nav: "documents", Query: r.URL.Query().Get("q"), Body: body})
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) {
	body := documentsBody{Filters: filters(r, "q"), Searched: true}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q != "" {
		list, err := s.search(r)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		body.Items, body.Next = list.Items, deref(list.Next)
	}
	s.render(w, r, http.StatusOK, "documents.html", pageData{Title: "Search", Nav: "search", Query: q, Body: body})
}

// filters are the request's values of the named parameters.
func filters(r *http.Request, names ...string) map[string]string {
	out := map[string]string{}
	for _, n := range names {
		out[n] = r.URL.Query().Get(n)
	}
	return out
}

// linkedDoc is a document that shares text with the one shown, with the
// colour its passages have.
type linkedDoc struct {
	DocSummary
	Color    string
	Relation *relationView
}

// documentBody is the document page.
type documentBody struct {
	Doc      DocSummary
	Pieces   []piece
	Linked   []linkedDoc
	Quotes   []quoteOcc
	Entities []entityMention
	// Named are the entities named in the text, each once, most
	// mentioned first.
	Named     []namedEntity
	Truncated bool
	Regions   int
}

// namedEntity is an entity of a document with its number of mentions.
type namedEntity struct {
	Entity, Name, Type string
	Mentions           int
}

// namedEntities groups a document's mentions by entity, most mentioned
// first (then by name), each under its display name (a mention by
// pronoun counts, but never names it).
func namedEntities(ms []entityMention) []namedEntity {
	byID := map[string]*namedEntity{}
	var out []*namedEntity
	for _, m := range ms {
		e := byID[m.Entity]
		if e == nil {
			e = &namedEntity{Entity: m.Entity, Name: m.Name, Type: m.Type}
			byID[m.Entity] = e
			out = append(out, e)
		}
		e.Mentions++
	}
	slices.SortStableFunc(out, func(a, b *namedEntity) int {
		if a.Mentions != b.Mentions {
			return b.Mentions - a.Mentions
		}
		return strings.Compare(a.Name, b.Name)
	})
	res := make([]namedEntity, len(out))
	for i, e := range out {
		res[i] = *e
	}
	return res
}

func (s *Server) pageDocument(w http.ResponseWriter, r *http.Request) {
	b, err := s.loadBundle(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	id := b.Doc.ID
	body := documentBody{Doc: summarize(b.Doc), Quotes: b.Quotes, Entities: b.Entities, Named: namedEntities(b.Entities),
		Truncated: b.Truncated, Regions: len(b.Doc.Regions)}
	// Colours go to linked documents in the order of their relations
	// (strongest kind first), then of passages without a relation.
	colors := map[string]string{}
	addLinked := func(o string, rel *relate.Relation) {
		if _, ok := colors[o]; ok {
			return
		}
		colors[o] = fmt.Sprintf("c%d", len(colors)%palette)
		ld := linkedDoc{DocSummary: b.Others[o], Color: colors[o]}
		if ld.ID == "" {
			ld.DocSummary = DocSummary{ID: o}
		}
		if rel != nil {
			rv := viewRelation(*rel)
			ld.Relation = &rv
		}
		body.Linked = append(body.Linked, ld)
	}
	rels := slices.Clone(b.Relations)
	slices.SortStableFunc(rels, func(x, y relate.Relation) int { return kindRank(x.Kind) - kindRank(y.Kind) })
	for i := range rels {
		addLinked(other(rels[i].A, rels[i].B, id), &rels[i])
	}
	var marks []mark
	for _, reg := range b.Doc.Regions {
		marks = append(marks, mark{Kind: markRegion, Begin: reg.Begin, End: reg.End, Class: "region region-" + string(reg.Kind), Title: string(reg.Kind)})
	}
	farTexts, err := s.linkedTexts(r.Context(), b)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	for _, p := range b.Passages {
		own, far := p.A, p.B
		if own.Doc != id {
			own, far = p.B, p.A
		}
		addLinked(far.Doc, nil)
		title := "shared with " + label(b.Others[far.Doc])
		class := "reuse " + colors[far.Doc]
		if p.Boilerplate {
			class, title = "reuse boiler", "boilerplate shared with "+label(b.Others[far.Doc])
		}
		for _, sp := range sharedSpans(b.Doc.Text, own, farTexts[far.Doc], far) {
			marks = append(marks, mark{Kind: markReuse, Begin: sp.Begin, End: sp.End, Class: class,
				Href: compareHref(id, far.Doc), Title: title})
		}
	}
	for _, q := range b.Quotes {
		title := q.Kind
		if q.Speaker != "" {
			title += " by " + q.Speaker
		}
		for i, part := range q.Parts {
			m := mark{Kind: markQuote, Begin: part.Begin, End: part.End, Class: "quote", Href: quoteHref(q.Quote), Title: title}
			if i == 0 {
				m.Anchor = quoteAnchor(q.Begin)
			}
			marks = append(marks, m)
		}
	}
	for _, e := range b.Entities {
		marks = append(marks, mark{Kind: markEntity, Begin: e.Begin, End: e.End, Class: "entity entity-" + e.Type,
			Href: entityHref(e.Entity), Title: e.Type + ": " + e.Name})
	}
	body.Pieces = markText(b.Doc.Text, marks)
	s.render(w, r, http.StatusOK, "document.html", pageData{Title: named(body.Doc, 80), Nav: "documents", Body: body})
}

// kindRank orders relation kinds strongest first.
func kindRank(k relate.Kind) int {
	switch k {
	case relate.Duplicate:
		return 0
	case relate.Derived:
		return 1
	}
	return 2
}

// compareRow is one aligned passage of the side-by-side page: the text of
// each side with the words that differ marked, and the unaligned text
// before it on each side, folded away.
type compareRow struct {
	N               int
	A, B            []piece
	GapA, GapB      string
	Tokens          int
	Identity        float64
	Boilerplate     bool
	BeginA, BeginB  int
	Reordered       bool // B's side comes before the previous row's
	IdentityPercent string
}

// compareBody is the side-by-side page.
type compareBody struct {
	A, B       DocSummary
	Relation   *relationView
	Rows       []compareRow
	TailA      string
	TailB      string
	SwapHref   string
	GraphHrefA string
	// Translation: the pair is in two languages (see translation.go).
	Translation bool
}

// gapPreview bounds the unaligned text shown between passages.
const gapPreview = 600

func (s *Server) pageCompare(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	pd, err := s.loadPair(r.Context(), q.Get("a"), q.Get("b"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	body := compareBody{A: summarize(pd.A), B: summarize(pd.B), SwapHref: compareHref(pd.B.ID, pd.A.ID), GraphHrefA: graphHref(pd.A.ID)}
	if pd.Relation != nil {
		rv := viewRelation(*pd.Relation)
		body.Relation = &rv
	}
	body.Translation = isTranslation(pd.Relation)
	posA, posB := 0, 0
	for i, p := range pd.Passages {
		a, b := clampSpan(pd.A.Text, p.A.Begin, p.A.End), clampSpan(pd.B.Text, p.B.Begin, p.B.End)
		row := compareRow{N: i + 1, Tokens: p.Tokens, Identity: p.Identity, Boilerplate: p.Boilerplate,
			BeginA: a.Begin, BeginB: b.Begin, IdentityPercent: fmt.Sprintf("%.0f%%", p.Identity*100)}
		if a.Begin > posA {
			row.GapA = preview(pd.A.Text[posA:a.Begin])
		}
		if b.Begin >= posB {
			row.GapB = preview(pd.B.Text[posB:b.Begin])
		} else {
			row.Reordered = true
		}
		if body.Translation {
			row.A, row.B = translationSides(pd.A.Text[a.Begin:a.End], pd.B.Text[b.Begin:b.End])
		} else {
			row.A, row.B = wordDiff(pd.A.Text[a.Begin:a.End], pd.B.Text[b.Begin:b.End])
		}
		posA = max(posA, a.End)
		posB = max(posB, b.End)
		body.Rows = append(body.Rows, row)
	}
	body.TailA, body.TailB = preview(pd.A.Text[posA:]), preview(pd.B.Text[posB:])
	s.render(w, r, http.StatusOK, "compare.html", pageData{Title: "Side by side", Nav: "pairs", Body: body})
}

// clampSpan fits a stored span to the text.
func clampSpan(text string, b, e int) doc.Span {
	b, e = runeStart(text, b), runeStart(text, e)
	if e < b {
		e = b
	}
	return doc.Span{Begin: b, End: e}
}

// preview shortens unaligned text to its start and end.
func preview(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= gapPreview {
		return s
	}
	head := s[:runeStart(s, gapPreview/2)]
	tail := s[runeStart(s, len(s)-gapPreview/2):]
	return head + " … " + tail
}

// provenanceBody is the provenance page.
type provenanceBody struct {
	Graph   *graphView
	Drawing drawing
	Chains  []chainView
	Pager   pager
	Focus   string
}

func (s *Server) pageProvenance(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	body := provenanceBody{Focus: q.Get("doc")}
	given := q.Get("doc") != "" || q.Get("chain") != "" || q.Get("story") != "" || q.Get("narrative") != ""
	if !given {
		chains, err := s.chains(r)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		counts, err := s.st.Counts(r.Context())
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		p, _ := pageParams(q) // read without error by chains
		body.Chains = chains.Items
		body.Pager = makePager(r, p, len(chains.Items), chains.Next, counts.Chains)
		if len(body.Chains) > 0 {
			r = requestWith(r, "chain="+strconv.Itoa(body.Chains[0].Index))
		}
	}
	if len(body.Chains) > 0 || given {
		g, err := s.graphFor(r)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		body.Graph = g
		body.Drawing = layout(g)
	}
	s.render(w, r, http.StatusOK, "provenance.html", pageData{Title: "Provenance", Nav: "provenance", Body: body})
}

// pairsBody is a page of relations.
type pairsBody struct {
	Kind  string
	Items []pairView
	Pager pager
}

func (s *Server) pagePairs(w http.ResponseWriter, r *http.Request) {
	list, err := s.pairs(r)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	body := pairsBody{Kind: r.URL.Query().Get("kind"), Items: list.Items}
	total := int64(-1)
	if r.URL.Query().Get("doc") == "" {
		counts, err := s.st.Counts(r.Context())
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		total = 0
		for k, n := range counts.Relations {
			if body.Kind == "" || string(k) == body.Kind {
				total += n
			}
		}
	}
	p, _ := pageParams(r.URL.Query()) // read without error by pairs
	body.Pager = makePager(r, p, len(list.Items), list.Next, total)
	s.render(w, r, http.StatusOK, "pairs.html", pageData{Title: "Pairs", Nav: "pairs", Body: body})
}

// quotesBody is a page of quote occurrences.
type quotesBody struct {
	Available bool
	Items     []quoteOcc
	Docs      map[string]DocSummary
	Pager     pager
	Speaker   string
	// Counts is how many documents each quote of the page appears in.
	Counts map[string]string
}

func (s *Server) pageQuotes(w http.ResponseWriter, r *http.Request) {
	body := quotesBody{Available: s.quotes() != nil, Speaker: r.URL.Query().Get("speaker")}
	if body.Available {
		list, err := s.quoteList(r)
		if err == nil {
			p, _ := pageParams(r.URL.Query()) // read without error by quoteList
			body.Items, body.Pager = list.Items, makePager(r, p, len(list.Items), list.Next, -1)
			body.Counts, err = s.quoteDocCounts(r.Context(), list.Items)
			if err == nil {
				body.Docs, err = docsOf(s, r.Context(), list.Items, func(o quoteOcc) string { return o.Doc })
			}
		}
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "quotes.html", pageData{Title: "Quotes", Nav: "quotes", Body: body})
}

// quoteBody is one quote with every place it appears, oldest document
// first: the words as each document has them, and how they differ from
// the quote's text.
type quoteBody struct {
	Quote     *quoteView
	Rows      []quoteRow
	Documents int
	Outlets   int
	Wordings  int
}

type quoteRow struct {
	Occ     quoteOcc
	Doc     DocSummary
	Variant []piece
	Same    bool
	Href    string // the place in the document
}

func (s *Server) pageQuote(w http.ResponseWriter, r *http.Request) {
	v, err := s.loadQuote(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	body := quoteBody{Quote: v}
	docs, outlets, wordings := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i, o := range v.Occurrences {
		row := quoteRow{Occ: o, Doc: v.Documents[o.Doc], Href: docHref(o.Doc) + "#" + quoteAnchor(o.Begin)}
		if row.Doc.ID == "" {
			row.Doc = DocSummary{ID: o.Doc}
		}
		docs[o.Doc] = true
		if o.Outlet != "" {
			outlets[o.Outlet] = true
		}
		wordings[o.Text] = true
		if i < len(v.Variants) {
			row.Same = v.Variants[i].Same
			for _, e := range v.Variants[i].Edits {
				class := ""
				switch e.Op {
				case "-":
					class = "del"
				case "+":
					class = "ins"
				}
				row.Variant = append(row.Variant, piece{Text: e.Text + " ", Class: class})
			}
		}
		body.Rows = append(body.Rows, row)
	}
	body.Documents, body.Outlets, body.Wordings = len(docs), len(outlets), len(wordings)
	// Oldest document first, undated last: the order the words travelled.
	slices.SortStableFunc(body.Rows, func(a, b quoteRow) int { return compareDates(a.Doc.Date, b.Doc.Date) })
	title := "Quote"
	switch v.Kind {
	case "claim":
		title = "Claim"
	case "term":
		title = "Term"
	}
	s.render(w, r, http.StatusOK, "quote.html", pageData{Title: title, Nav: "quotes", Body: body})
}

// compareDates orders two document dates, undated last.
func compareDates(a, b string) int {
	ta, okA := doc.ParseDate(a)
	tb, okB := doc.ParseDate(b)
	switch {
	case okA && okB:
		return ta.Compare(tb)
	case okA:
		return -1
	case okB:
		return 1
	}
	return 0
}

// quoteAnchor is the id of the place on a document page where a quote
// occurrence starts.
func quoteAnchor(begin int) string { return "q" + strconv.Itoa(begin) }

// entitiesBody is a page of entity mentions, or, for one entity, the
// documents that name it with how often.
type entitiesBody struct {
	Available bool
	Entity    string
	Name      string // the entity's display name
	Type      string
	Items     []entityMention
	Docs      map[string]DocSummary
	Groups    []entityDoc
	Pager     pager
}

// entityDoc is one document's mentions of an entity.
type entityDoc struct {
	Doc      DocSummary
	Mentions int
	Written  []string // the distinct spellings, in order of appearance
	First    int      // offset of the first mention
}

// maxEntityMentions bounds the mentions read for one entity's page.
const maxEntityMentions = 5000

func (s *Server) pageEntities(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	body := entitiesBody{Available: s.quotes() != nil, Entity: q.Get("entity")}
	if !body.Available {
		s.render(w, r, http.StatusOK, "entities.html", pageData{Title: "Entities", Nav: "entities", Body: body})
		return
	}
	if body.Entity == "" {
		list, err := s.entityList(r)
		if err == nil {
			p, _ := pageParams(q) // read without error by entityList
			body.Items, body.Pager = list.Items, makePager(r, p, len(list.Items), list.Next, -1)
			body.Docs, err = docsOf(s, r.Context(), list.Items, func(m entityMention) string { return m.Doc })
		}
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		s.render(w, r, http.StatusOK, "entities.html", pageData{Title: "Entities", Nav: "entities", Body: body})
		return
	}
	p, err := pageParams(q)
	if err == nil && p.Cursor != "" {
		err = &badParam{"entities page by offset, not cursor"}
	}
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	ms, err := s.quotes().EntityMentions(r.Context(), store.EntityQuery{Entity: body.Entity, Limit: maxEntityMentions})
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	if len(ms) == 0 {
		s.pageFail(w, r, notFound("entity", body.Entity))
		return
	}
	names := map[string]int{}
	byDoc := map[string]*entityDoc{}
	var order []string
	for _, m := range ms {
		if !m.Reference {
			names[m.Name]++
		}
		g := byDoc[m.Doc]
		if g == nil {
			g = &entityDoc{Doc: DocSummary{ID: m.Doc}, First: m.Begin}
			byDoc[m.Doc] = g
			order = append(order, m.Doc)
		}
		g.Mentions++
		if !slices.Contains(g.Written, m.Text) {
			g.Written = append(g.Written, m.Text)
		}
		body.Type = string(m.Type)
	}
	for n, k := range names {
		if k > names[body.Name] || k == names[body.Name] && n < body.Name {
			body.Name = n
		}
	}
	if body.Name == "" {
		body.Name = ms[0].Name
	}
	// Most mentions first: where the entity matters most.
	slices.SortStableFunc(order, func(a, b string) int { return byDoc[b].Mentions - byDoc[a].Mentions })
	end := min(len(order), p.Offset+p.Limit)
	var pageIDs []string
	if p.Offset < len(order) {
		pageIDs = order[p.Offset:end]
	}
	docs, err := s.summaries(r.Context(), pageIDs)
	if err != nil {
		s.pageFail(w, r, err)
		return
	}
	for _, id := range pageIDs {
		g := *byDoc[id]
		if d, ok := docs[id]; ok {
			g.Doc = d
		}
		body.Groups = append(body.Groups, g)
	}
	var next *string
	if end < len(order) {
		n := nextLink(r, p, "")
		next = &n
	}
	body.Pager = makePager(r, p, len(pageIDs), next, int64(len(order)))
	s.render(w, r, http.StatusOK, "entities.html", pageData{Title: body.Name, Nav: "entities", Body: body})
}

// deref is the next link of a list page, "" on the last.
func deref(next *string) string {
	if next == nil {
		return ""
	}
	return *next
}

// docsOf summarises the documents a page of items refers to.
func docsOf[T any](s *Server, ctx context.Context, items []T, docOf func(T) string) (map[string]DocSummary, error) {
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = docOf(it)
	}
	return s.summaries(ctx, ids)
}

// narrativeRow is a narrative with its timeline drawn.
type narrativeRow struct {
	Narrative cluster.Narrative
	Chart     timelineChart
}

// storiesBody is a page of stories.
type storiesBody struct {
	Available bool
	Narrative string
	Items     []cluster.Story
	Pager     pager
}

func (s *Server) pageStories(w http.ResponseWriter, r *http.Request) {
	body := storiesBody{Available: s.clusters() != nil, Narrative: r.URL.Query().Get("narrative")}
	if body.Available {
		list, err := s.storyList(r)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		total := int64(-1)
		if r.URL.Query().Get("narrative") == "" && r.URL.Query().Get("doc") == "" {
			counts, err := s.st.Counts(r.Context())
			if err != nil {
				s.pageFail(w, r, err)
				return
			}
			total = counts.Stories
		}
		p, _ := pageParams(r.URL.Query()) // read without error by storyList
		body.Items, body.Pager = list.Items, makePager(r, p, len(list.Items), list.Next, total)
	}
	s.render(w, r, http.StatusOK, "stories.html", pageData{Title: "Stories", Nav: "stories", Body: body})
}

// narrativesBody is a page of narratives.
type narrativesBody struct {
	Available bool
	Items     []narrativeRow
	Pager     pager
}

func (s *Server) pageNarratives(w http.ResponseWriter, r *http.Request) {
	body := narrativesBody{Available: s.clusters() != nil}
	if body.Available {
		p, err := pageParams(r.URL.Query())
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		list, err := s.narrativeList(r)
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		counts, err := s.st.Counts(r.Context())
		if err != nil {
			s.pageFail(w, r, err)
			return
		}
		for _, n := range list.Items {
			body.Items = append(body.Items, narrativeRow{Narrative: n, Chart: chartTimeline(n.Timeline)})
		}
		body.Pager = makePager(r, p, len(list.Items), list.Next, counts.Narratives)
	}
	s.render(w, r, http.StatusOK, "narratives.html", pageData{Title: "Narratives", Nav: "narratives", Body: body})
}
