package pipeline

import (
	"fmt"
	"strconv"

	"github.com/zeebo/xxh3"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// idClashes finds, within one ingest, two different records given the
// same id (a JSONL file that repeats an id, a feed that repeats a GUID,
// two files' records with one "id"). The store would take the second for
// an edit of the first and overwrite it; the second is reported instead.
// The same record read twice (a file named twice) is no clash. It keeps
// 16 bytes per document, not the ids themselves.
type idClashes struct {
	seen map[uint64]uint64 // id hash → record hash (path, line, text)
}

// check remembers d and says why it clashes with a record read before.
func (c *idClashes) check(d doc.Document) error {
	if c.seen == nil {
		c.seen = map[uint64]uint64{}
	}
	id := xxh3.HashString(d.ID)
	h := xxh3.New()
	h.WriteString(d.Path)
	h.WriteString("\x00" + strconv.Itoa(d.Line) + "\x00")
	h.WriteString(d.Text)
	rec := h.Sum64()
	prev, ok := c.seen[id]
	if !ok {
		c.seen[id] = rec
		return nil
	}
	if prev == rec {
		return nil
	}
	return fmt.Errorf("%w: document %q was read before in this ingest from another record; this one is not stored", store.ErrIDClash, d.ID)
}
