package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/echotrace/echotrace/internal/store"
)

// The indexes of documents by date, outlet, language and content hash
// are kept up to date row by row. Their keys come in no order, so once
// the table outgrows the writer's page cache each document of a batch
// dirties a page of each of them, and SQLite writes every dirty page into
// the write-ahead log and then into the file: four pages of 16 KiB a
// document against the document's own few. Ingest grew faster than the
// corpus (18 s for 100 000 generated documents, 76 s for 300 000, 285 s
// for a million), and without these four indexes 300 000 took 39 s
// (doc/performance.md). A bulk ingest into a store that is still small
// drops them and builds them once at the end, each from one sorted scan
// of the table (under a second at 300 000). A query meanwhile reads the
// table without them (slower, same answers); an ingest killed before its
// end leaves them missing, and the next Open builds them again.
//
// The index by id (UNIQUE) stays: ingest looks every document up by id.
// So does the partial index of legacy ids, which ingest reads too and
// which holds only rows from before ids were scoped.

// deferredIndexes are the indexes a bulk ingest drops and builds again,
// as the documents schema creates them.
var deferredIndexes = []struct{ name, columns string }{
	{"documents_date", "date_us, seq"},
	{"documents_outlet", "outlet, date_us, seq"},
	{"documents_lang", "lang, date_us, seq"},
	{"documents_content_hash", "content_hash"},
}

var _ store.BulkLoader = (*DB)(nil)

// BeginBulk drops the deferred indexes when the store holds fewer than
// store.BulkMaxStored documents; the function it returns builds them again.
func (s *DB) BeginBulk(ctx context.Context) (func(context.Context) error, error) {
	n, err := s.CountDocuments(ctx)
	if err != nil {
		return nil, err
	}
	if n >= store.BulkMaxStored {
		return func(context.Context) error { return nil }, nil
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for _, ix := range deferredIndexes {
			if _, err := tx.ExecContext(ctx, `DROP INDEX IF EXISTS `+ix.name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: defer the documents' indexes: %w", err)
	}
	return func(ctx context.Context) error {
		if err := s.buildIndexes(ctx); err != nil {
			return fmt.Errorf("sqlite: %w", err)
		}
		return nil
	}, nil
}

// buildIndexes builds the deferred indexes that are missing, in one
// transaction, their keys sorted as the later stages' index builds sort
// theirs (createIndexes, sorterCacheKiB).
func (s *DB) buildIndexes(ctx context.Context) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		return createIndexes(ctx, tx, deferredIndexDefs())
	})
	if err != nil {
		return fmt.Errorf("build the documents' indexes: %w", err)
	}
	return nil
}

// deferredIndexDefs are the statements that build the deferred indexes
// where they are missing.
func deferredIndexDefs() []string {
	defs := make([]string, len(deferredIndexes))
	for i, ix := range deferredIndexes {
		defs[i] = `CREATE INDEX IF NOT EXISTS ` + ix.name + ` ON documents(` + ix.columns + `)`
	}
	return defs
}

// buildMissingIndexes builds the deferred indexes when an ingest killed
// before its end left any missing; it writes nothing when none is.
func (s *DB) buildMissingIndexes(ctx context.Context) error {
	names := make([]any, len(deferredIndexes))
	for i, ix := range deferredIndexes {
		names[i] = ix.name
	}
	var have int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN (?`+
		strings.Repeat(", ?", len(names)-1)+`)`, names...).Scan(&have)
	if err != nil {
		return fmt.Errorf("the documents' indexes: %w", err)
	}
	if have == len(deferredIndexes) {
		return nil
	}
	return s.buildIndexes(ctx)
}
