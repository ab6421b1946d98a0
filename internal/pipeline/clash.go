package pipeline

import (
	"fmt"

	"github.com/zeebo/xxh3"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// idClashes finds, within one ingest, two different records given the
// same id (a JSONL file that repeats an id with another text, a feed that
// repeats a GUID, two files' records with one "id"). The store would take
// the second for an edit of the first and overwrite it; the second is
// reported instead. The same record read twice — a file named twice, an
// archive and its compressed copy holding one WARC record — has the same
// text and is no clash. It keeps 16 bytes per document, not the ids.
type idClashes struct {
	seen map[uint64]uint64 // id hash → text hash
}

// check remembers d and says whether it repeats a record read before in
// this ingest (the same id and text: it is not stored again, so that the
// first copy read stays the stored one and ingesting again changes
// nothing), or why it clashes with one.
func (c *idClashes) check(d doc.Document) (repeat bool, err error) {
	if c.seen == nil {
		c.seen = map[uint64]uint64{}
	}
	id := xxh3.HashString(d.ID)
	rec := xxh3.HashString(d.Text)
	prev, ok := c.seen[id]
	if !ok {
		c.seen[id] = rec
		return false, nil
	}
	if prev == rec {
		return true, nil
	}
	return false, fmt.Errorf("%w: document %q was read before in this ingest with another text; this one is not stored", store.ErrIDClash, d.ID)
}
