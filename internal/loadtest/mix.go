package loadtest

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"sort"
)

// perRoute is how many different requests the mix holds for each route
// (ids, offsets, words): many more than the few a cache could keep hot,
// so that most requests of a run reach the database.
const perRoute = 400

// route is one route of the mix and the requests it is asked with.
type route struct {
	name  string
	paths []string
}

// mix is every route the server has, each with its requests. Clients
// choose a route first, uniformly, then one of its requests, so each
// route is asked about equally often whatever its number of ids.
func (in *ids) mix(seed uint64) []route {
	rng := rand.New(rand.NewPCG(seed, 0x6d6978))
	var out []route
	// add makes a route of up to perRoute requests; f gives the i-th.
	add := func(name string, n int, f func(i int) string) {
		if n <= 0 {
			return
		}
		r := route{name: name}
		for i := 0; i < min(n, perRoute); i++ {
			r.paths = append(r.paths, f(i))
		}
		out = append(out, r)
	}
	// each asks about every item of xs (up to perRoute).
	each := func(name string, xs []string, f func(x string) string) {
		add(name, len(xs), func(i int) string { return f(xs[i*len(xs)/min(len(xs), perRoute)]) })
	}
	// deep is a route paged at random offsets over a list of total items,
	// in whole pages of size, as a reader clicking on or following a link
	// would ask.
	deep := func(name string, total, size int, f func(off int) string) {
		if total <= 0 {
			total = 1
		}
		pages := (total + size - 1) / size
		add(name, perRoute, func(int) string { return f(rng.IntN(pages) * size) })
	}
	q, p := url.QueryEscape, url.PathEscape
	once := func(name, path string) { add(name, 1, func(int) string { return path }) }

	docs := append(append([]string{}, in.docs...), in.related...)
	once("page /", "/")
	once("api /api/openapi.json", "/api/openapi.json")
	once("api /api/stats", "/api/stats")
	once("page /provenance", "/provenance")
	deep("page /documents", in.nDocs, 50, func(o int) string { return fmt.Sprintf("/documents?offset=%d", o) })
	deep("page /documents?order=newest", in.nDocs, 50, func(o int) string { return fmt.Sprintf("/documents?order=newest&offset=%d", o) })
	deep("api /api/documents", in.nDocs, 100, func(o int) string { return fmt.Sprintf("/api/documents?offset=%d&limit=100", o) })
	each("page /documents?outlet", in.outlets, func(o string) string { return "/documents?outlet=" + q(o) })
	each("page /documents/{id}", docs, func(d string) string { return "/documents/" + p(d) })
	each("api /api/documents/{id}", docs, func(d string) string { return "/api/documents/" + p(d) })
	each("page /provenance?doc", docs, func(d string) string { return "/provenance?doc=" + q(d) })
	each("api /api/graph?doc", docs, func(d string) string { return "/api/graph?doc=" + q(d) })
	each("api /api/pairs?doc", docs, func(d string) string { return "/api/pairs?doc=" + q(d) })
	deep("page /pairs", in.nRelations, 50, func(o int) string { return fmt.Sprintf("/pairs?offset=%d", o) })
	var kinds []string
	for k := range in.kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	add("api /api/pairs?kind", perRoute*min(1, len(kinds)), func(i int) string {
		k := kinds[i%len(kinds)]
		return fmt.Sprintf("/api/pairs?kind=%s&offset=%d", k, rng.IntN((in.kinds[k]+49)/50)*50)
	})
	deep("api /api/chains", in.nChains, 50, func(o int) string { return fmt.Sprintf("/api/chains?offset=%d", o) })
	deep("page /provenance?chain", in.nChains, 1, func(o int) string { return fmt.Sprintf("/provenance?chain=%d", o) })
	add("page /compare", len(in.pairs), func(i int) string {
		pr := in.pairs[i]
		return "/compare?a=" + q(pr[0]) + "&b=" + q(pr[1])
	})
	add("api /api/pair", len(in.pairs), func(i int) string {
		pr := in.pairs[len(in.pairs)-1-i]
		return "/api/pair?a=" + q(pr[0]) + "&b=" + q(pr[1])
	})
	deep("page /quotes", in.nQuotes, 50, func(o int) string { return fmt.Sprintf("/quotes?offset=%d", o) })
	deep("api /api/quotes?kind", in.nQuotes/2, 50, func(o int) string {
		return fmt.Sprintf("/api/quotes?kind=%s&offset=%d", []string{"quote", "claim", "term"}[o/50%3], o)
	})
	each("page /quotes/{id}", in.quotes, func(x string) string { return "/quotes/" + p(x) })
	each("api /api/quotes/{id}", in.quotes, func(x string) string { return "/api/quotes/" + p(x) })
	each("page /quotes?speaker", in.speakers, func(x string) string { return "/quotes?speaker=" + q(x) })
	deep("page /entities", in.nEntities, 50, func(o int) string { return fmt.Sprintf("/entities?offset=%d", o) })
	each("page /entities?entity", in.entities, func(x string) string { return "/entities?entity=" + q(x) })
	each("api /api/entities?entity", in.entities, func(x string) string { return "/api/entities?entity=" + q(x) })
	if in.nStories > 0 {
		deep("page /stories", in.nStories, 50, func(o int) string { return fmt.Sprintf("/stories?order=newest&offset=%d", o) })
		deep("api /api/stories", in.nStories, 50, func(o int) string { return fmt.Sprintf("/api/stories?offset=%d", o) })
	} else {
		once("page /stories", "/stories")
		once("api /api/stories", "/api/stories")
	}
	each("page /stories/{id}", in.stories, func(x string) string { return "/stories/" + p(x) })
	each("api /api/stories/{id}", in.stories, func(x string) string { return "/api/stories/" + p(x) })
	each("page /provenance?story", in.stories, func(x string) string { return "/provenance?story=" + q(x) })
	each("api /api/stories?doc", docs, func(d string) string { return "/api/stories?doc=" + q(d) })
	if in.nNarrs > 0 {
		deep("page /narratives", in.nNarrs, 50, func(o int) string { return fmt.Sprintf("/narratives?offset=%d", o) })
		deep("api /api/narratives", in.nNarrs, 50, func(o int) string { return fmt.Sprintf("/api/narratives?offset=%d", o) })
		deep("api /api/timelines", in.nNarrs, 50, func(o int) string { return fmt.Sprintf("/api/timelines?offset=%d", o) })
	} else {
		once("page /narratives", "/narratives")
		once("api /api/narratives", "/api/narratives")
		once("api /api/timelines", "/api/timelines")
	}
	each("page /narratives/{id}", in.narrs, func(x string) string { return "/narratives/" + p(x) })
	each("api /api/narratives/{id}", in.narrs, func(x string) string { return "/api/narratives/" + p(x) })
	// Searches: every word and pair of words, newest first as the search
	// page shows them, and some a page or two deep.
	add("page /search", len(in.searches)*3, func(i int) string {
		w := in.searches[i%len(in.searches)]
		return fmt.Sprintf("/search?q=%s&order=newest&offset=%d", q(w), 50*(i/len(in.searches)))
	})
	add("api /api/search", len(in.searches)*2, func(i int) string {
		w := in.searches[i%len(in.searches)]
		order := []string{"oldest", "newest"}[i/len(in.searches)]
		return fmt.Sprintf("/api/search?q=%s&order=%s", q(w), order)
	})
	return out
}

// requests is the number of different requests in a mix.
func requests(m []route) int {
	n := 0
	for _, r := range m {
		n += len(r.paths)
	}
	return n
}
