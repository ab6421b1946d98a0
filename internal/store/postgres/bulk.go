package postgres

import (
	"context"
	"fmt"

	"github.com/echotrace/echotrace/internal/store"
	"github.com/jackc/pgx/v5"
)

// The GIN index over documents' words is kept up to date row by row,
// which capped ingest at a few hundred documents a second. A bulk ingest
// into a store that is still small drops it and builds it once at the
// end, from all the rows at once. A search meanwhile reads the table
// without the index (slower, same answers); an ingest killed before its
// end leaves no index, and the next Open builds it again.

// createWordIndex is the word index as the documents schema creates it.
const createWordIndex = `CREATE INDEX IF NOT EXISTS documents_words ON documents USING gin (words) WITH (fastupdate = on, gin_pending_list_limit = 65536)`

var _ store.BulkLoader = (*DB)(nil)

// BeginBulk drops the word index when the store holds fewer than
// store.BulkMaxStored documents; the function it returns builds it again.
func (s *DB) BeginBulk(ctx context.Context) (func(context.Context) error, error) {
	n, err := s.CountDocuments(ctx)
	if err != nil {
		return nil, err
	}
	if n >= store.BulkMaxStored {
		return func(context.Context) error { return nil }, nil
	}
	if err := s.underSchemaLock(ctx, `DROP INDEX IF EXISTS documents_words`); err != nil {
		return nil, fmt.Errorf("postgres: defer the word index: %w", err)
	}
	return s.buildWordIndex, nil
}

// buildWordIndex builds the word index when it is missing.
func (s *DB) buildWordIndex(ctx context.Context) error {
	if err := s.underSchemaLock(ctx, createWordIndex); err != nil {
		return fmt.Errorf("postgres: build the word index: %w", err)
	}
	return nil
}

// underSchemaLock runs a schema statement holding the lock that schema
// changes take. Several processes ingest into one database at once, and
// two of them creating the same index at the same moment collide in
// PostgreSQL's catalog ("duplicate key value violates unique constraint
// pg_class_relname_nsp_index") even with IF NOT EXISTS.
func (s *DB) underSchemaLock(ctx context.Context, sql string) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
			return fmt.Errorf("lock schema: %w", err)
		}
		_, err := tx.Exec(ctx, sql)
		return err
	})
}
