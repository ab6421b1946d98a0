package export

import (
	"context"
	"errors"

	"github.com/echotrace/echotrace/internal/store"
)

// texts keeps the texts of the documents read last, for the passages and
// quotes that quote them: both are stored grouped by document, so a few
// dozen texts serve nearly every lookup, and memory stays bounded.
type texts struct {
	st    store.DocumentStore
	byID  map[string]string
	order []string // ring of the ids held, oldest at next
	next  int
}

const textsHeld = 64

func newTexts(st store.DocumentStore) *texts {
	return &texts{st: st, byID: make(map[string]string, textsHeld)}
}

// text returns a document's text, "" when the store no longer holds it.
func (t *texts) text(ctx context.Context, id string) (string, error) {
	if s, ok := t.byID[id]; ok {
		return s, nil
	}
	d, err := t.st.Document(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		d.Text, err = "", nil
	}
	if err != nil {
		return "", err
	}
	if len(t.order) < textsHeld {
		t.order = append(t.order, id)
	} else {
		delete(t.byID, t.order[t.next])
		t.order[t.next] = id
		t.next = (t.next + 1) % textsHeld
	}
	t.byID[id] = d.Text
	return d.Text, nil
}

// span returns text[begin:end], clamped to the text and moved off the
// middle of a UTF-8 sequence, so that a stored offset that no longer fits
// (a document changed since the analysis) yields less text, not a panic.
func span(text string, begin, end int) string {
	begin = max(0, min(begin, len(text)))
	end = max(begin, min(end, len(text)))
	for begin < end && !runeStart(text[begin]) {
		begin++
	}
	for end < len(text) && end > begin && !runeStart(text[end]) {
		end--
	}
	return text[begin:end]
}

func runeStart(b byte) bool { return b&0xC0 != 0x80 }
