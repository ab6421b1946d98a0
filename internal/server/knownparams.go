package server

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
)

// A query parameter a route does not know is an error, not something to
// ignore: /api/graph?format=gexf answered an ordinary graph, and a typo
// in a filter (?outlett=…) answered the whole corpus as if filtered. The
// API routes know the parameters their OpenAPI description lists; the
// pages list theirs here. A route listed nowhere is not checked.

// Parameters shared by the page lists.
var (
	pagePaging     = []string{"limit", "offset"}
	pageDocFilters = []string{"outlet", "lang", "from", "to", "q", "order", "story", "narrative", "cursor"}
)

// pageParams are the query parameters of each page, by path.
var pageParamNames = map[string][]string{
	"/{$}":             nil,
	"/documents":       slices.Concat(pageDocFilters, pagePaging),
	"/documents/{id}":  nil,
	"/compare":         {"a", "b"},
	"/provenance":      slices.Concat([]string{"doc", "depth", "chain", "story", "narrative"}, pagePaging),
	"/pairs":           slices.Concat([]string{"kind", "doc"}, pagePaging),
	"/quotes":          slices.Concat([]string{"kind", "doc", "speaker"}, pagePaging),
	"/quotes/{id}":     nil,
	"/entities":        slices.Concat([]string{"entity", "type", "doc"}, pagePaging),
	"/search":          slices.Concat(pageDocFilters, pagePaging),
	"/stories":         slices.Concat([]string{"narrative", "doc", "order"}, pagePaging),
	"/stories/{id}":    nil,
	"/narratives":      pagePaging,
	"/narratives/{id}": nil,
	"/uploads/{id}":    nil,
}

// knownParams is the set of query parameters of a route, nil when the
// route is not checked.
func knownParams(method, path string) map[string]bool {
	var names []string
	found := false
	if strings.HasPrefix(path, "/api/") {
		for _, op := range operations {
			if op.Method == method && op.Path == path {
				found = true
				for _, p := range op.Params {
					if p.In == "query" {
						names = append(names, p.Name)
					}
				}
			}
		}
	} else {
		names, found = pageParamNames[path]
	}
	if !found {
		return nil
	}
	set := map[string]bool{}
	for _, n := range names {
		set[n] = true
	}
	return set
}

// unknownParams is a bad parameter naming the query parameters of q that
// are not in known, nil when there are none.
func unknownParams(q url.Values, known map[string]bool) error {
	if known == nil {
		return nil
	}
	var bad []string
	for name := range q {
		if !known[name] {
			bad = append(bad, name)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	sort.Strings(bad)
	var ok []string
	for n := range known {
		ok = append(ok, n)
	}
	sort.Strings(ok)
	msg := "unknown parameter " + strings.Join(bad, ", ") + " (this route takes "
	if len(ok) == 0 {
		msg += "no parameters)"
	} else {
		msg += strings.Join(ok, ", ") + ")"
	}
	return &badParam{msg}
}

// checkParams wraps a handler so that unknown query parameters answer 400.
func (s *Server) checkParams(method, path string, h http.HandlerFunc) http.HandlerFunc {
	known := knownParams(method, path)
	if known == nil || method != http.MethodGet {
		return h
	}
	return func(w http.ResponseWriter, r *http.Request) {
		if err := unknownParams(r.URL.Query(), known); err != nil {
			if strings.HasPrefix(path, "/api/") {
				s.fail(w, r, err)
			} else {
				s.pageFail(w, r, err)
			}
			return
		}
		h(w, r)
	}
}
