package cluster

import (
	"time"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
)

// Item is what the clustering stage needs to know about one document. The
// pipeline builds it from the document and from what earlier stages found
// (entities, quotes, reuse links); only ID and Text are required.
type Item struct {
	ID     string
	Date   time.Time // zero when unknown
	Outlet string
	Title  string
	Text   string
	Lang   string // ISO 639-1 code or language name; empty to guess
	// Tokens of Text, if the caller already has them; nil to tokenise Text.
	Tokens []normalize.Token
	// Entities are canonical entity keys from the extract stage. When
	// empty, entity-like keys are derived from capitalised words.
	// An entity may be listed once per mention, so that its weight
	// follows how often the document names it.
	Entities []string
	// EntityNames gives a display name for entity keys (for labels);
	// keys without one are shown as given.
	EntityNames map[string]string
	// Quotes are ids of quotes that other documents carry too.
	Quotes []string
	// Sources are ids of documents this one derives from (reuse stage);
	// a derived document always joins its source's story.
	Sources []string
}

// NewItem fills an Item from a document: the date from its metadata, else
// from a publication dateline in its text, else unknown.
func NewItem(d doc.Document) Item {
	it := Item{ID: d.ID, Outlet: d.Outlet, Title: d.Title, Text: d.Text, Lang: d.Lang}
	if it.Outlet == "" {
		it.Outlet = d.Series
	}
	if t, ok := d.Time(); ok {
		it.Date = t
	} else if t, ok := Dateline(d.Text); ok {
		it.Date = t
	}
	return it
}
