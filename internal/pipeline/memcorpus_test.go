package pipeline

import (
	"context"
	"fmt"

	"github.com/echotrace/echotrace/internal/doc"
)

// memCorpus is a Corpus over documents in memory, for tests.
type memCorpus []doc.Document

func (m memCorpus) Each(ctx context.Context, fn func(doc.Document) error) error {
	for _, d := range m {
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

func (m memCorpus) Load(ctx context.Context, id string) (doc.Document, error) {
	for _, d := range m {
		if d.ID == id {
			return d, nil
		}
	}
	return doc.Document{}, fmt.Errorf("no document %q", id)
}
