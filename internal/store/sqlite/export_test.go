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
