package server

import (
	"context"
	"net/http"
	"runtime"
	"strings"
	"time"
)

// Time limits of the HTTP server. A client that sends its headers or body
// slowly, or keeps an idle connection open, must not hold a connection
// (and its goroutine and buffers) for ever: a few hundred such clients
// would otherwise starve everyone else.
const (
	// ReadHeaderTimeout bounds the time to read a request's headers.
	ReadHeaderTimeout = 10 * time.Second
	// ReadTimeout bounds the time to read a whole request, body included:
	// an upload of MaxUploadBytes at a modest 1 MB/s fits.
	ReadTimeout = 2 * time.Minute
	// WriteTimeout bounds the time from the end of the headers to the end
	// of the answer; requestTimeout stops the work well before.
	WriteTimeout = 2 * time.Minute
	// IdleTimeout closes a kept-alive connection that sends nothing.
	IdleTimeout = 60 * time.Second
	// maxHeaderBytes bounds a request's headers.
	maxHeaderBytes = 64 << 10
	// requestTimeout ends the database work of a request that takes this
	// long (its context is cancelled): an answer later than that helps
	// no reader, and the work would slow every other request.
	requestTimeout = 30 * time.Second
)

// HTTPServer is an http.Server for s with the time limits above.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
	}
}

// workers bounds the requests that work on the database at once; the
// rest wait their turn. On a machine with few cores, more at once only
// share the same CPUs more thinly, and every one holds a database
// connection with its page cache (SQLite: up to 64 MiB each), so two
// hundred clients at once would cost gigabytes for nothing.
func workers() int { return max(8, 4*runtime.GOMAXPROCS(0)) }

// searchWorkers bounds the text searches at work at once, in slots of
// their own: a search for a common word reads thousands of index entries,
// and searches that took the shared slots made every other page wait.
const searchWorkers = 2

// acquire takes a slot of pool, or fails when the request's context ends
// first (its client went away or its time ran out).
func acquire(ctx context.Context, pool chan struct{}) bool {
	select {
	case pool <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

// limited wraps a handler so that it works only in a worker slot.
func (s *Server) limited(path string, h http.HandlerFunc) http.HandlerFunc {
	api := strings.HasPrefix(path, "/api/")
	return func(w http.ResponseWriter, r *http.Request) {
		pool := s.slots
		if strings.Contains(path, "search") || r.URL.Query().Get("q") != "" {
			pool = s.searchSlots
		}
		if !acquire(r.Context(), pool) {
			if api {
				writeError(w, http.StatusServiceUnavailable, "busy", "the server was too busy to answer in time; try again")
			} else {
				s.pageError(w, r, http.StatusServiceUnavailable, "The server was too busy to answer in time; try again.")
			}
			return
		}
		defer func() { <-pool }()
		h(w, r)
	}
}
