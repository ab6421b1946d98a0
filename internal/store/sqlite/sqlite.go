// Package sqlite is the default store backend: one SQLite file, written
// through modernc.org/sqlite (pure Go, so the default build needs no cgo).
//
// The database runs in WAL mode with synchronous=NORMAL: a process killed
// at any moment (kill -9) leaves every committed transaction in place and
// no trace of the one it was in; only a power loss may cost the last
// commits, never consistency. Writers take the write lock when their
// transaction begins (BEGIN IMMEDIATE) and wait up to BusyTimeout for one
// another, so several processes may write one file in turn. Every batch of
// documents is one transaction.
//
// The full-text index of the documents is not built as they are stored,
// which would double the cost of an ingest: PutDocuments only notes what
// is to be indexed, and IndexText indexes it, called by a text search
// before it looks, or ahead of time by a server (see fts.go).
//
// The schema is described in package store. Each topic file of this
// package (documents.go, reuse.go, ...) registers its schema steps with
// addTopic in an init function; Open applies the steps not yet recorded in
// schema_versions, in one transaction, so opening is idempotent.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/echotrace/echotrace/internal/store"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// BusyTimeout is how long a statement waits for another connection's
// write lock before it fails.
const BusyTimeout = 60 * time.Second

func init() {
	store.Register("sqlite", func(ctx context.Context, path string) (store.Store, error) {
		return Open(ctx, path)
	})
}

// Connections kept open while idle, and for how long.
const (
	maxIdleConns = 64
	connMaxIdle  = 2 * time.Minute
)

// Page cache sizes, as PRAGMA cache_size takes them (negative: KiB). A
// write transaction's batch of documents should fit its cache, or SQLite
// writes pages out mid-transaction only to write them again; a reader
// needs far less, and at 64 MiB each the idle connections of a busy
// server could hold gigabytes.
const (
	readerCacheKiB = -8 << 10
	writerCacheKiB = -64 << 10
)

// newPageSize is the page size of a database Open creates. The analysis
// writes its results in bulk (hundreds of megabytes of rows, indexes and
// saved clusterer at 100 000 documents), once into the write-ahead log
// and once more into the file, and SQLite's work goes by the page: with
// pages of 16 KiB rather than the default 4 KiB the quote rows' store
// step took a sixth less CPU and the stories' more than a quarter less
// (doc/performance.md, eleventh session), and a document's text mostly
// fits in its row's page instead of a chain of overflow pages. The caches are
// sized in KiB, so they hold as many bytes as before.
const newPageSize = 16 << 10

// DB is a store in one SQLite file.
type DB struct {
	db *sql.DB
	// indexing is held (a value in it) by the one IndexText of this
	// process that runs; a channel rather than a mutex so that a search
	// waiting for it can give up when its context ends.
	indexing chan struct{}
	// checkpoints copies the write-ahead log into the file beside the
	// writer (nil for an in-memory database, which has no log).
	checkpoints *checkpointer
	// document looks up one document by id. Prepared once: reuse
	// analysis looks up every document of every pair that shares text,
	// and parsing the statement each time cost as much as running it.
	document *sql.Stmt
}

var _ store.Store = (*DB)(nil)

// topic is the schema of one topic: statements applied in order. A
// topic's version is the number of its steps applied, so steps are only
// ever appended, never edited.
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

// Open opens or creates the SQLite database at path and brings its schema
// up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: no database path given")
	}
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("sqlite: database path %q contains '?', which SQLite would read as options", path)
	}
	dsn := path + "?" + strings.Join([]string{
		fmt.Sprintf("_pragma=busy_timeout(%d)", BusyTimeout.Milliseconds()),
		// A new database gets pages of newPageSize; the page size of
		// one that exists is kept (SQLite ignores the pragma then). The
		// driver runs the _pragma values in the order of their text and
		// the journal mode after them: a new database must have its page
		// size before WAL mode writes its first page.
		fmt.Sprintf("_pragma=page_size(%d)", newPageSize),
		"_journal_mode=WAL",
		"_pragma=synchronous(NORMAL)",
		// Each connection has a page cache of its own, and a server keeps
		// many (maxIdleConns): readers get a small one (the operating
		// system caches the file too), the write transaction a large one
		// (inTx).
		fmt.Sprintf("_pragma=cache_size(%d)", readerCacheKiB),
		// The checkpoints run beside the writer (checkpoint.go).
		"_pragma=wal_autocheckpoint(0)",
		"_txlock=immediate",
	}, "&")
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if path == ":memory:" {
		// Every connection to an in-memory database is a database of its
		// own, so keep exactly one.
		db.SetMaxOpenConns(1)
	}
	// Keep the connections a busy reader opened (database/sql keeps two by
	// default): opening one parses the whole schema and starts with an
	// empty page cache, and a server of many concurrent requests spent a
	// fifth of its time opening connections that were closed again right
	// after. Those left idle for long are closed.
	db.SetMaxIdleConns(maxIdleConns)
	db.SetConnMaxIdleTime(connMaxIdle)
	s := &DB{db: db, indexing: make(chan struct{}, 1)}
	if path != ":memory:" {
		s.checkpoints = startCheckpointer(db)
	}
	if err := s.migrate(ctx); err != nil {
		s.close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	if err := s.buildMissingIndexes(ctx); err != nil {
		s.close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	if s.document, err = db.PrepareContext(ctx, `SELECT `+docColumns+` FROM documents WHERE id = ?`); err != nil {
		s.close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database, first letting SQLite refresh the statistics
// its query planner uses (PRAGMA optimize: cheap, and only where the data
// changed much). That is a nicety: it does not wait for another writer,
// and its failure is not an error of Close.
func (s *DB) Close() error {
	ctx := context.Background()
	if conn, err := s.db.Conn(ctx); err == nil {
		conn.ExecContext(ctx, `PRAGMA busy_timeout = 0`)
		conn.ExecContext(ctx, `PRAGMA optimize`)
		conn.Close()
	}
	s.document.Close()
	return s.close()
}

// close stops the checkpoints and closes the connections (the last one
// copies what is left of the log into the file).
func (s *DB) close() error {
	if s.checkpoints != nil {
		s.checkpoints.stop()
	}
	return s.db.Close()
}

// migrate applies the schema steps that are not yet recorded.
func (s *DB) migrate(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `
			CREATE TABLE IF NOT EXISTS schema_versions (topic TEXT PRIMARY KEY, version INTEGER NOT NULL);
			CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);`); err != nil {
			return fmt.Errorf("create schema tables: %w", err)
		}
		for _, t := range topics {
			var have int
			err := tx.QueryRowContext(ctx, `SELECT version FROM schema_versions WHERE topic = ?`, t.name).Scan(&have)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("schema version of %s: %w", t.name, err)
			}
			if have > len(t.steps) {
				return fmt.Errorf("schema of %s is at version %d, newer than this program knows (%d): use a newer echotrace", t.name, have, len(t.steps))
			}
			for i := have; i < len(t.steps); i++ {
				if _, err := tx.ExecContext(ctx, t.steps[i]); err != nil {
					return fmt.Errorf("schema %s step %d: %w", t.name, i+1, err)
				}
			}
			if have < len(t.steps) {
				if _, err := tx.ExecContext(ctx, `INSERT INTO schema_versions(topic, version) VALUES(?, ?)
					ON CONFLICT(topic) DO UPDATE SET version = excluded.version`, t.name, len(t.steps)); err != nil {
					return fmt.Errorf("record schema version of %s: %w", t.name, err)
				}
			}
		}
		return nil
	})
}

// inTx runs fn in a write transaction and commits it when fn returns nil.
// The transaction's connection has the writer's page cache while it
// runs, and the reader's again when it goes back to the pool.
func (s *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.inTxCached(ctx, writerCacheKiB, fn)
}

// inTxCached is inTx with a page cache of cacheKiB (as PRAGMA cache_size
// takes it) while the transaction runs.
func (s *DB) inTxCached(ctx context.Context, cacheKiB int, fn func(*sql.Tx) error) error {
	return s.inTxConn(ctx, cacheKiB, func(_ *sql.Conn, tx *sql.Tx) error { return fn(tx) })
}

// inTxConn is inTxCached for a function that also uses the transaction's
// connection (sql.Conn.Raw, to give the driver its arguments as they are).
func (s *DB) inTxConn(ctx context.Context, cacheKiB int, fn func(*sql.Conn, *sql.Tx) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size=%d", cacheKiB)); err != nil {
		return err
	}
	// Shrinking the cache frees its pages; with a context already ended
	// the pragma would not run, so it gets one of its own.
	defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA cache_size=%d", readerCacheKiB))
	if s.checkpoints != nil {
		defer s.checkpoints.beforeWrite(ctx)()
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(conn, tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if s.checkpoints != nil {
		s.checkpoints.committed()
	}
	return nil
}

// counter reads a named counter (0 when absent).
func (s *DB) counter(ctx context.Context, name string) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, `SELECT value FROM counters WHERE name = ?`, name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return v, err
}

// limitClause is the LIMIT/OFFSET tail of a query; SQLite needs a LIMIT
// (-1: none) before an OFFSET.
func limitClause(limit, offset int) string {
	if limit <= 0 && offset <= 0 {
		return ""
	}
	if limit <= 0 {
		limit = -1
	}
	if offset < 0 {
		offset = 0
	}
	return fmt.Sprintf(" LIMIT %d OFFSET %d", limit, offset)
}
