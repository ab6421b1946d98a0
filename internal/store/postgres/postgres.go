// Package postgres is the store backend for PostgreSQL (through pgx/v5),
// for teams and for several echotrace processes writing one database at
// once.
//
// Concurrent writers are safe by construction: documents are inserted with
// ON CONFLICT on their ID (a document put by two processes at once is
// stored once and counted as added once); each batch locks its rows in ID
// order so batches cannot deadlock on each other, and takes the corpus
// version's counter row last, so that counter is increased in the same
// transaction as the rows and never loses an increment. A transaction that
// PostgreSQL still aborts for a deadlock or serialization failure is
// retried.
//
// The schema (see package store) is ready for Citus: documents are
// distributed by id, passages by a_doc, relations by a, chains by chain;
// every unique constraint includes the distribution column and there are
// no foreign keys; schema_versions and counters are small reference
// tables. Nothing here calls Citus functions: distributing the tables is a
// deployment step (create_distributed_table / create_reference_table).
//
// Each topic file (documents.go, reuse.go, ...) registers its schema steps
// with addTopic; Open applies those not yet recorded in schema_versions,
// under an advisory lock, so any number of processes may open at once.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	open := func(ctx context.Context, dsn string) (store.Store, error) { return Open(ctx, dsn) }
	store.Register("postgres", open)
}

// DB is a store in a PostgreSQL database.
type DB struct {
	pool *pgxpool.Pool
}

var _ store.Store = (*DB)(nil)

// topic is the schema of one topic: statements applied in order. Its
// version is the number of steps applied, so steps are only appended.
type topic struct {
	name  string
	steps []string
}

// topics are the registered topic schemas, in registration order.
var topics []topic

// addTopic registers a topic's schema; topic files call it from init.
func addTopic(name string, steps ...string) {
	topics = append(topics, topic{name: name, steps: steps})
}

// SchemaVersions is the schema version of each topic this build writes:
// what `echotrace version` shows, and what a database opened by this build
// is brought up to.
func SchemaVersions() map[string]int {
	out := make(map[string]int, len(topics))
	for _, t := range topics {
		out[t.name] = len(t.steps)
	}
	return out
}

// migrationLock is the advisory lock key that serialises schema changes.
const migrationLock = 0x6563686f74726163 // "echotrac"

// Open connects to the database a postgres:// DSN names and brings its
// schema up to date. Runtime parameters in the DSN (such as search_path)
// apply to every connection.
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	s := &DB{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %s:%d/%s: %w", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database, err)
	}
	// An ingest killed while it deferred the word index left none.
	if err := s.buildWordIndex(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// Close closes every connection.
func (s *DB) Close() error {
	s.pool.Close()
	return nil
}

// migrate applies the schema steps that are not yet recorded.
func (s *DB) migrate(ctx context.Context) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
			return fmt.Errorf("lock schema: %w", err)
		}
		if _, err := tx.Exec(ctx, `
			CREATE TABLE IF NOT EXISTS schema_versions (topic text PRIMARY KEY, version integer NOT NULL);
			CREATE TABLE IF NOT EXISTS counters (name text PRIMARY KEY, value bigint NOT NULL);`); err != nil {
			return fmt.Errorf("create schema tables: %w", err)
		}
		for _, t := range topics {
			var have int
			err := tx.QueryRow(ctx, `SELECT version FROM schema_versions WHERE topic = $1`, t.name).Scan(&have)
			if err != nil && !errors.Is(err, pgx.ErrNoRows) {
				return fmt.Errorf("schema version of %s: %w", t.name, err)
			}
			if have > len(t.steps) {
				return fmt.Errorf("schema of %s is at version %d, newer than this program knows (%d): use a newer echotrace", t.name, have, len(t.steps))
			}
			for i := have; i < len(t.steps); i++ {
				if _, err := tx.Exec(ctx, t.steps[i]); err != nil {
					return fmt.Errorf("schema %s step %d: %w", t.name, i+1, err)
				}
			}
			if have < len(t.steps) {
				if _, err := tx.Exec(ctx, `INSERT INTO schema_versions(topic, version) VALUES ($1, $2)
					ON CONFLICT (topic) DO UPDATE SET version = EXCLUDED.version`, t.name, len(t.steps)); err != nil {
					return fmt.Errorf("record schema version of %s: %w", t.name, err)
				}
			}
		}
		return nil
	})
}

// maxAttempts bounds the retries of a transaction PostgreSQL aborted.
const maxAttempts = 8

// inTx runs fn in a transaction and commits it when fn returns nil. A
// transaction aborted for a deadlock or a serialization failure is run
// again from the start, after a short pause that grows with each attempt.
func (s *DB) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := pgx.BeginFunc(ctx, s.pool, fn)
		if err == nil || !retryable(err) || attempt == maxAttempts {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(attempt*attempt) * 10 * time.Millisecond):
		}
	}
}

// retryable tells whether an error aborted a transaction that may succeed
// when run again.
func retryable(err error) bool {
	var pg *pgconn.PgError
	if !errors.As(err, &pg) {
		return false
	}
	switch pg.Code {
	case "40001", "40P01": // serialization_failure, deadlock_detected
		return true
	}
	return false
}

// counter reads a named counter (0 when absent).
func (s *DB) counter(ctx context.Context, name string) (int64, error) {
	var v int64
	err := s.pool.QueryRow(ctx, `SELECT value FROM counters WHERE name = $1`, name).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

// params collects query arguments and names their placeholders.
type params []any

// add appends an argument and returns its placeholder.
func (p *params) add(v any) string {
	*p = append(*p, v)
	return fmt.Sprintf("$%d", len(*p))
}

// limitClause is the LIMIT/OFFSET tail of a query.
func limitClause(limit, offset int) string {
	s := ""
	if limit > 0 {
		s += fmt.Sprintf(" LIMIT %d", limit)
	}
	if offset > 0 {
		s += fmt.Sprintf(" OFFSET %d", offset)
	}
	return s
}
