package report

import (
	"cmp"
	"slices"
)

func init() {
	addSection(section{order: orderDocuments, key: "documents", json: documentsJSON})
}

// jsonDocument is the JSON form of a DocInfo. Unknown values are null.
type jsonDocument struct {
	ID     string  `json:"id"`
	Path   *string `json:"path"`
	Title  *string `json:"title"`
	Outlet *string `json:"outlet"`
	Date   *string `json:"date"`
	URL    *string `json:"url"`
	Bytes  int     `json:"bytes"`
}

func documentsJSON(r *Report) any {
	docs := sortedDocuments(r.Documents)
	out := make([]jsonDocument, len(docs))
	for i, d := range docs {
		out[i] = jsonDocument{
			ID:     d.ID,
			Path:   nullable(d.Path),
			Title:  nullable(d.Title),
			Outlet: nullable(d.Outlet),
			Date:   nullable(d.Date),
			URL:    nullable(d.URL),
			Bytes:  d.Bytes,
		}
	}
	return out
}

// sortedDocuments orders documents by id, then path (ids are unique in a
// store, but a report may be built from several).
func sortedDocuments(docs []DocInfo) []DocInfo {
	out := slices.Clone(docs)
	slices.SortStableFunc(out, func(a, b DocInfo) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.Path, b.Path))
	})
	return out
}

// docIndex finds a document's info by id.
func docIndex(docs []DocInfo) map[string]DocInfo {
	m := make(map[string]DocInfo, len(docs))
	for _, d := range docs {
		if _, dup := m[d.ID]; !dup {
			m[d.ID] = d
		}
	}
	return m
}
