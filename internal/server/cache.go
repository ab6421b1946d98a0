package server

import (
	"bytes"
	"container/list"
	"context"
	"net/http"
	"strings"
	"sync"
)

// Every page and answer of the server is a function of the stored data,
// which only changes when one of the versions does (corpus, reuse, quotes,
// clusters). So a GET is answered from memory when the same URL was
// answered for the same versions: the overview, the lists and the popular
// documents that many readers ask for at once cost one computation per
// analysis rather than one per request. Reading the versions is one query
// of a few rows (with the counts), in a worker slot like any other
// database work (see limited). Searches are not kept (the text index grows
// after an ingest without a new version), nor uploads' progress.

// cacheBytes bounds the memory the kept answers take.
const cacheBytes = 64 << 20

// maxCachedAnswer is the largest answer kept.
const maxCachedAnswer = 1 << 20

type cachedAnswer struct {
	key         string
	versions    [4]int64
	status      int
	contentType string
	body        []byte
}

// answerCache is a least-recently-used set of answers, bounded in bytes.
type answerCache struct {
	mu    sync.Mutex
	byKey map[string]*list.Element
	lru   list.List
	size  int
}

func (c *answerCache) get(key string, v [4]int64) (*cachedAnswer, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		return nil, false
	}
	a := e.Value.(*cachedAnswer)
	if a.versions != v {
		c.remove(e)
		return nil, false
	}
	c.lru.MoveToFront(e)
	return a, true
}

func (c *answerCache) put(a *cachedAnswer) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byKey == nil {
		c.byKey = map[string]*list.Element{}
	}
	if e, ok := c.byKey[a.key]; ok {
		c.remove(e)
	}
	c.byKey[a.key] = c.lru.PushFront(a)
	c.size += len(a.body)
	for c.size > cacheBytes {
		c.remove(c.lru.Back())
	}
}

func (c *answerCache) remove(e *list.Element) {
	a := e.Value.(*cachedAnswer)
	c.lru.Remove(e)
	delete(c.byKey, a.key)
	c.size -= len(a.body)
}

// versions are the store's versions that decide whether a kept answer is
// current, read in one query with the counts.
func (s *Server) versions(ctx context.Context) ([4]int64, error) {
	c, err := s.st.Counts(ctx)
	return c.Versions, err
}

// cacheable says whether a request's answer may be kept.
func cacheable(r *http.Request, path string) bool {
	if r.Method != http.MethodGet {
		return false
	}
	switch {
	case strings.Contains(path, "search"), strings.Contains(path, "upload"):
		return false
	case r.URL.Query().Has("q"):
		return false
	}
	return true
}

// recorder keeps what a handler writes, to answer and to keep.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (rec *recorder) Header() http.Header { return rec.header }
func (rec *recorder) WriteHeader(status int) {
	if rec.status == 0 {
		rec.status = status
	}
}
func (rec *recorder) Write(p []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return rec.body.Write(p)
}

// cached wraps a GET handler with the answer cache.
func (s *Server) cached(path string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !cacheable(r, path) {
			h(w, r)
			return
		}
		v, err := s.versions(r.Context())
		if err != nil {
			h(w, r)
			return
		}
		key := r.URL.RequestURI()
		if a, ok := s.answers.get(key, v); ok {
			w.Header().Set("Content-Type", a.contentType)
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(a.status)
			_, _ = w.Write(a.body)
			return
		}
		rec := &recorder{header: http.Header{}}
		h(rec, r)
		for k, vs := range rec.header {
			w.Header()[k] = vs
		}
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		w.WriteHeader(rec.status)
		_, _ = w.Write(rec.body.Bytes())
		// Only whole, successful answers, and only when nothing changed
		// while this one was made.
		if rec.status == http.StatusOK && rec.body.Len() <= maxCachedAnswer && r.Context().Err() == nil {
			if after, err := s.versions(r.Context()); err == nil && after == v {
				s.answers.put(&cachedAnswer{key: key, versions: v, status: rec.status,
					contentType: rec.header.Get("Content-Type"), body: bytes.Clone(rec.body.Bytes())})
			}
		}
	}
}
