package eval

import (
	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
)

// WithEntities gives each item the entities the extract stage finds in
// its text, one key per mention, as the pipeline hands them to the
// clusterer; measuring with them rather than with capitalised words
// measures what the command line does.
func WithEntities(items []Labelled) []Labelled {
	out := make([]Labelled, len(items))
	for i, l := range items {
		it := l.Item
		d := doc.Document{ID: it.ID, Title: it.Title, Text: it.Text}
		names := map[string]string{}
		var ents []string
		for _, e := range extract.Document(&d).Entities {
			names[e.ID] = e.Name
			for range e.Mentions {
				ents = append(ents, e.ID)
			}
		}
		it.Entities, it.EntityNames = ents, names
		out[i] = Labelled{Item: it, Story: l.Story, Narrative: l.Narrative}
	}
	return out
}
