// Package store keeps documents and analysis results between runs. It
// defines one interface, Store, that every backend implements: SQLite
// (internal/store/sqlite, the default, one file) and PostgreSQL
// (internal/store/postgres, for teams and for several writers at once).
// Backends register themselves; a program picks one by the DSN given to
// Open, so it must import the backends it wants:
//
//	import (
//		_ "github.com/echotrace/echotrace/internal/store/postgres"
//		_ "github.com/echotrace/echotrace/internal/store/sqlite"
//	)
//
// # Topics
//
// The interface is split by topic, one file each: documents.go (the corpus
// and its version), reuse.go (passages, relations, chains), quotes.go
// (quotes, claims and entity mentions), clusters.go (stories and
// narratives). Each topic's interface is embedded in Store, and each
// backend has a file with the topic's schema and methods. A backend applies each topic's schema idempotently at Open and
// records the version applied per topic in a table schema_versions(topic,
// version), so a database written by an older build is upgraded in place
// and several processes may open one database at the same time.
//
// # Schema
//
// The same tables exist in both backends (types differ as the engines
// require):
//
//	schema_versions(topic PK, version)         schema steps applied, per topic
//	counters(name PK, value)                   corpus_version, reuse_version, ...
//	documents(id PK/UNIQUE, seq, path, line, series, title, outlet, author,
//	          url, lang, date, date_us, text, regions, extra, bytes,
//	          content_hash, record_hash[, words])
//	passages(ord, a_doc, a_begin, a_end, b_doc, b_begin, b_end, tokens,
//	         identity, boilerplate)
//	relations(ord, a, b, kind, coverage_a, coverage_b, passages, direction,
//	          confidence, reason)
//	chains(chain, pos, doc)
//
// documents.seq is the ingest sequence: it grows with every new document and
// is kept when a document is updated. date_us is the date in microseconds
// since 1970 (UTC), or NoDate when the document has none, so that ordering
// by (date_us, seq) puts undated documents last in both engines. regions and
// extra hold JSON. content_hash is doc.ContentHash of the text; record_hash
// covers every field and is what decides whether a put changes anything.
// Indexes: documents by id, seq, (date_us, seq), (outlet, date_us, seq),
// (lang, date_us, seq), content_hash (on SQLite these four are dropped
// during a bulk ingest into a store of fewer than 100 000 documents and
// built at its end, see BulkLoader), and full text over title and text:
// on SQLite an external-content FTS5 table (unicode61, diacritics removed),
// built after ingest from fts_pending(seq PK), the documents not indexed
// yet (see TextIndexer); on PostgreSQL a GIN index over words, the folded
// word set of title and text (IndexWords), which searches alike. Passages
// are indexed by (a_doc, b_doc) and b_doc; relations by (a, b), b and
// kind; both keep the order they were given in (ord).
//
// On PostgreSQL every large table has a distribution column for Citus
// (documents: id; passages: a_doc; relations: a; chains: chain;
// quote_occurrences and entity_mentions: doc) and no
// constraint or foreign key that Citus would refuse; schema_versions and
// counters are small and suit Citus reference tables.
package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Store is everything echotrace keeps. It is safe for concurrent use by
// several goroutines; whether several processes may write at once depends
// on the backend (both serialise writers; PostgreSQL does so without
// blocking readers or long waits).
type Store interface {
	DocumentStore
	ReuseStore
	QuoteStore
	ClusterStore
	CountStore
	// Close releases the database. The Store must not be used afterwards.
	Close() error
}

// ErrNotFound is returned when a requested record does not exist.
var ErrNotFound = errors.New("not found")

// ErrTextIndexBuilding is returned by a text search that would have to
// wait long for the full-text index to be brought up to date (see
// TextIndexer): the search can be tried again shortly.
var ErrTextIndexBuilding = errors.New("the full-text index is being built; search again shortly")

// Opener opens a backend for a DSN whose scheme it was registered under.
// The DSN is passed as given, scheme included (except for the sqlite:
// prefix, which is removed so the backend sees a path).
type Opener func(ctx context.Context, dsn string) (Store, error)

var (
	registryMu sync.RWMutex
	registry   = map[string]Opener{}
)

// Register makes a backend available to Open under a DSN scheme ("sqlite",
// "postgres"). It is meant for the init function of a backend package and
// panics on a duplicate, which is a programming error.
func Register(scheme string, open Opener) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[scheme]; dup {
		panic("store: backend registered twice for scheme " + scheme)
	}
	registry[scheme] = open
}

// Open opens (and creates or upgrades, where needed) the store a DSN names:
// "postgres://…" or "postgresql://…" for PostgreSQL, "sqlite:PATH" or a
// plain file path for SQLite.
func Open(ctx context.Context, dsn string) (Store, error) {
	scheme, rest := Scheme(dsn)
	registryMu.RLock()
	open, ok := registry[scheme]
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	registryMu.RUnlock()
	if !ok {
		sort.Strings(names)
		return nil, fmt.Errorf("store: no backend for %q databases in this program (have: %s)", scheme, strings.Join(names, ", "))
	}
	return open(ctx, rest)
}

// Scheme tells which backend a DSN is for, and what to pass it: the DSN
// unchanged for URL schemes, the path for "sqlite:PATH" and plain paths.
// Anything that is not a known URL scheme is a file path, so "C:\db" and
// "data/x.db" both mean SQLite.
func Scheme(dsn string) (scheme, rest string) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return "postgres", dsn
	case strings.HasPrefix(dsn, "sqlite:"):
		return "sqlite", strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//")
	}
	return "sqlite", dsn
}
