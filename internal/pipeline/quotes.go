package pipeline

import (
	"context"
	"fmt"

	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/store"
)

// The quotes stage extracts quotes, claims and entities from every
// document, links the same quote across documents and stores the result.
func init() {
	registerStage(Stage{
		Name:  "quotes",
		Order: 10,
		Version: func(ctx context.Context, st store.Store) (int64, error) {
			return st.QuotesVersion(ctx)
		},
		Run: runQuotes,
	})
}

// runQuotes is the quotes stage.
func runQuotes(ctx context.Context, st store.Store, version int64) error {
	results, err := mapDocuments(ctx, st.EachDocument, extract.Document)
	if err != nil {
		return fmt.Errorf("extract quotes: %w", err)
	}
	if _, err := st.ReplaceQuotes(ctx, version, results, extract.Link(results)); err != nil {
		return err
	}
	return nil
}
