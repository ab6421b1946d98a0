package server

import (
	"context"
	"sync"
)

// docCount remembers the number of documents of one corpus version:
// counting them reads a whole index, and the count only changes when the
// version does, which is one counter to read.
type docCount struct {
	mu      sync.Mutex
	version int64
	n       int64
	known   bool
}

// countDocuments is the number of documents of corpus version v.
func (s *Server) countDocuments(ctx context.Context, v int64) (int64, error) {
	c := &s.docCount
	c.mu.Lock()
	if c.known && c.version == v {
		n := c.n
		c.mu.Unlock()
		return n, nil
	}
	c.mu.Unlock()
	n, err := s.st.CountDocuments(ctx)
	if err != nil {
		return 0, err
	}
	// The count may already be of a newer version than v; it is then
	// kept under v until the next request reads the new version, which
	// is no worse than having read it a moment earlier.
	c.mu.Lock()
	c.version, c.n, c.known = v, n, true
	c.mu.Unlock()
	return n, nil
}
