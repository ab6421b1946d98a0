package sqlite

import "time"

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
