package server

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/relate"
)

// The JSON shapes of the API. Field names are snake_case and stable: a
// field is always present (empty string, 0, [] or null) rather than
// omitted, so clients need no guessing.

// DocSummary is a document without its text.
type DocSummary struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	Author string `json:"author"`
	URL    string `json:"url"`
	Lang   string `json:"lang"`
	Date   string `json:"date"`
	Path   string `json:"path"`
	Bytes  int    `json:"bytes"`
}

func summarize(d doc.Document) DocSummary {
	return DocSummary{ID: d.ID, Title: d.Title, Outlet: d.Outlet, Author: d.Author, URL: d.URL,
		Lang: d.Lang, Date: d.Date, Path: publicPath(d.Path), Bytes: len(d.Text)}
}

// publicPath is a stored path as the API shows it: relative to the
// input it was ingested from. Ingest stores it so; a database written
// before it did holds absolute paths, of which only the file name is
// shown — where the server's files lie is nobody's business.
func publicPath(p string) string {
	if p == "" || !(filepath.IsAbs(p) || strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`)) {
		return p
	}
	return path.Base(filepath.ToSlash(p))
}

// named is a document's title (cut to n characters) with what tells it
// apart from others of the same title: its outlet and day, or, when it
// has neither, the end of its id. Lists that show a document by a short
// name (chains, graphs, page titles) use it, since wire copies share
// their titles.
func named(d DocSummary, n int) string {
	var extra []string
	if d.Outlet != "" {
		extra = append(extra, d.Outlet)
	}
	if t, ok := doc.ParseDate(d.Date); ok {
		extra = append(extra, t.UTC().Format("2006-01-02"))
	}
	if len(extra) == 0 && d.Title != "" {
		extra = append(extra, shortID(d.ID))
	}
	name := cut(label(d), n)
	if len(extra) == 0 {
		return name
	}
	return name + " (" + strings.Join(extra, ", ") + ")"
}

// label is what a page calls a document: its title, else its id.
func label(d DocSummary) string {
	if d.Title != "" {
		return d.Title
	}
	return d.ID
}

// endView is one side of a passage with its text.
type endView struct {
	Doc   string `json:"doc"`
	Begin int    `json:"begin"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// passageView is a shared passage; Text is filled when the document's text
// is at hand.
type passageView struct {
	A           endView `json:"a"`
	B           endView `json:"b"`
	Tokens      int     `json:"tokens"`
	Identity    float64 `json:"identity"`
	Boilerplate bool    `json:"boilerplate"`
}

// viewPassage converts p, taking the texts of its sides from texts (by
// document id) where present.
func viewPassage(p relate.Passage, texts map[string]string) passageView {
	side := func(e relate.End) endView {
		v := endView{Doc: e.Doc, Begin: e.Begin, End: e.End}
		if t, ok := texts[e.Doc]; ok && 0 <= e.Begin && e.Begin <= e.End && e.End <= len(t) {
			v.Text = t[e.Begin:e.End]
		}
		return v
	}
	return passageView{A: side(p.A), B: side(p.B), Tokens: p.Tokens, Identity: p.Identity, Boilerplate: p.Boilerplate}
}

// relationView is a relation with its direction spelt out by role.
type relationView struct {
	relate.Relation
	Source string `json:"source"` // "" when the direction is undetermined
	Copy   string `json:"copy"`
}

func viewRelation(r relate.Relation) relationView {
	return relationView{Relation: r, Source: r.Source(), Copy: r.Copy()}
}

// pairView is a relation with both documents summarised.
type pairView struct {
	relationView
	DocA DocSummary `json:"doc_a"`
	DocB DocSummary `json:"doc_b"`
}
