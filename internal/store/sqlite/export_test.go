package sqlite

import (
	"context"
	"database/sql"
	"time"
)

// HoldTextIndex takes the text index's lock of s as a running catch-up
// would, until release is called.
func HoldTextIndex(s *DB) (release func()) {
	s.indexing <- struct{}{}
	return func() { <-s.indexing }
}

// SetRestartPages sets the size of write-ahead log past which a writer
// starts a new one, until restore is called.
func SetRestartPages(n int) (restore func()) {
	old := restartPages
	restartPages = n
	return func() { restartPages = old }
}

// Checkpoint runs a checkpoint of s as its checkpointer does and returns
// the size of the write-ahead log in pages.
func Checkpoint(ctx context.Context, s *DB) int {
	s.checkpoints.mu.Lock()
	s.checkpoints.checkpointLocked(ctx)
	s.checkpoints.mu.Unlock()
	s.checkpoints.logMu.Lock()
	defer s.checkpoints.logMu.Unlock()
	return s.checkpoints.logPages
}

// PauseCheckpoints stops the checkpoints after commits until resume is
// called, and has s take the write-ahead log as pages long (as if a
// checkpoint had seen it so). A checkpoint after commits that runs when
// it is called ends first, so that the size it saw does not overwrite
// pages.
func PauseCheckpoints(s *DB, pages int) (resume func()) {
	c := s.checkpoints
	c.mu.Lock()
	c.paused = true
	c.logMu.Lock()
	c.logPages = pages
	c.logMu.Unlock()
	c.mu.Unlock()
	return func() {
		c.mu.Lock()
		c.paused = false
		c.mu.Unlock()
	}
}

// SetSearchIndexWait shortens how long a search waits for a catch-up,
// until restore is called.
func SetSearchIndexWait(d time.Duration) (restore func()) {
	old := searchIndexWait
	searchIndexWait = d
	return func() { searchIndexWait = old }
}

// CacheSizes are the page cache sizes (PRAGMA cache_size) of the idle
// connections of s's pool, each read on a connection of its own held
// until all are read, so that every idle one is asked.
func CacheSizes(ctx context.Context, s *DB, n int) ([]int, error) {
	var sizes []int
	var conns []*sql.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range n {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return nil, err
		}
		conns = append(conns, c)
		var size int
		if err := c.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&size); err != nil {
			return nil, err
		}
		sizes = append(sizes, size)
	}
	return sizes, nil
}

// QuoteIndexes are the indexes ReplaceQuoteRows builds after its rows.
var QuoteIndexes = quoteIndexes

// Page caches of the write transaction and of the index builds, in
// KiB as PRAGMA cache_size takes them.
const WriterCacheKiB, SorterCacheKiB = writerCacheKiB, sorterCacheKiB

// IndexName is the name of the index a CREATE INDEX statement creates.
var IndexName = indexName

// DeferredIndexes are the statements that build the documents' indexes
// an ingest defers.
var DeferredIndexes = deferredIndexDefs
