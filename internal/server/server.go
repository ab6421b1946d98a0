package server

import (
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"github.com/echotrace/echotrace/internal/pipeline"
	"github.com/echotrace/echotrace/internal/store"
)

// Options configure a Server.
type Options struct {
	// WriteToken enables the routes that change the store: a request must
	// carry it as "Authorization: Bearer <token>". Empty: read-only, those
	// routes answer 403.
	WriteToken string
	// Analyze tunes the analysis run after an upload.
	Analyze pipeline.AnalyzeOptions
	// MaxUploadBytes bounds the body of an upload (default 64 MiB).
	MaxUploadBytes int64
	// Logf receives one line per failed request (default log.Printf).
	Logf func(format string, args ...any)
}

// Server serves the API and the web pages over one store. It is an
// http.Handler.
type Server struct {
	st     store.Store
	opt    Options
	mux    *http.ServeMux
	routes []route
	pages  *template.Template
	// writeMu serialises uploads: the pipeline may run concurrently with
	// other processes, but two analyses started by one server would only
	// repeat each other's work.
	writeMu sync.Mutex
	// docCount is the document count of the last corpus version read.
	docCount docCount
	// answers are kept answers (see cache.go).
	answers answerCache
	// slots holds a value for every request at work (see workers).
	slots chan struct{}
	// searchSlots holds a value for every text search at work.
	searchSlots chan struct{}
	// uploads are the uploads taken, at work in the background under bg.
	uploads uploadJobs
	bg      context.Context
	stopBG  context.CancelFunc
	bgWait  sync.WaitGroup
}

// route is one method on one path. Path is written as in OpenAPI
// ("/api/documents/{id}"), pattern as http.ServeMux wants it.
type route struct {
	method  string
	path    string
	pattern string
	handler http.HandlerFunc
}

// New makes a server over st.
func New(st store.Store, opt Options) (*Server, error) {
	if opt.MaxUploadBytes <= 0 {
		opt.MaxUploadBytes = 64 << 20
	}
	if opt.Logf == nil {
		opt.Logf = log.Printf
	}
	if opt.Analyze.Reuse == (pipeline.ReuseOptions{}) {
		opt.Analyze.Reuse = pipeline.DefaultReuseOptions()
	}
	s := &Server{st: st, opt: opt, mux: http.NewServeMux(), slots: make(chan struct{}, workers()), searchSlots: make(chan struct{}, searchWorkers)}
	s.bg, s.stopBG = newBackground()
	pages, err := parseTemplates()
	if err != nil {
		return nil, fmt.Errorf("server: templates: %w", err)
	}
	s.pages = pages
	s.apiRoutes()
	s.pageRoutes()
	s.register()
	return s, nil
}

// handle adds a route.
func (s *Server) handle(method, path string, h http.HandlerFunc) {
	pattern := path
	// The last path parameter takes the rest of the path, so that
	// document ids may hold slashes.
	if i := strings.LastIndex(pattern, "{"); i >= 0 && strings.HasSuffix(pattern, "}") && pattern[i:] != "{$}" {
		pattern = pattern[:len(pattern)-1] + "...}"
	}
	s.routes = append(s.routes, route{method: method, path: path, pattern: pattern, handler: h})
}

// register puts the routes on the mux: one handler per pattern that picks
// the method, so that a wrong method gets the JSON 405 of the API rather
// than the mux's plain-text one.
func (s *Server) register() {
	byPattern := map[string]map[string]http.HandlerFunc{}
	var order []string
	for _, r := range s.routes {
		m := byPattern[r.pattern]
		if m == nil {
			m = map[string]http.HandlerFunc{}
			byPattern[r.pattern] = m
			order = append(order, r.pattern)
		}
		// The slot is taken before the versions are read: every request
		// reads them, and two hundred at once outside the slots held
		// as many database connections.
		h := s.checkParams(r.method, r.path, s.limited(r.path, s.cached(r.path, r.handler)))
		m[r.method] = h
		if r.method == http.MethodGet {
			m[http.MethodHead] = h
		}
	}
	for _, p := range order {
		methods := byPattern[p]
		var allow []string
		for m := range methods {
			allow = append(allow, m)
		}
		sort.Strings(allow)
		api := strings.HasPrefix(p, "/api/")
		s.mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			h, ok := methods[r.Method]
			if !ok {
				w.Header().Set("Allow", strings.Join(allow, ", "))
				if api {
					writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", fmt.Sprintf("%s is not allowed on %s (allowed: %s)", r.Method, r.URL.Path, strings.Join(allow, ", ")))
				} else {
					s.pageError(w, r, http.StatusMethodNotAllowed, "This page only answers "+strings.Join(allow, ", ")+".")
				}
				return
			}
			h(w, r)
		})
	}
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", "no API route "+r.URL.Path)
	})
	static, err := fs.Sub(assets, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.pageError(w, r, http.StatusNotFound, "There is no page at "+r.URL.Path+".")
	})
}

// ServeHTTP sets the security headers every response carries, recovers
// from a failing handler, and routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// Article text is untrusted: no inline script, no plugins, no framing,
	// nothing loaded from elsewhere.
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
	defer cancel()
	r = r.WithContext(ctx)
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.opt.Logf("server: %s %s: panic: %v\n%s", r.Method, r.URL, v, debug.Stack())
			writeError(w, http.StatusInternalServerError, "internal", "internal error")
		}
	}()
	s.mux.ServeHTTP(w, r)
}

// APIRoutes lists the API routes as "METHOD /path" with OpenAPI-style
// parameters, sorted; the OpenAPI document describes exactly these.
func (s *Server) APIRoutes() []string {
	var out []string
	for _, r := range s.routes {
		if strings.HasPrefix(r.path, "/api/") {
			out = append(out, r.method+" "+r.path)
		}
	}
	sort.Strings(out)
	return out
}

// internalError logs err and answers 500, or 499-like silence when the
// client went away.
func (s *Server) internalError(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() == context.Canceled {
		return
	}
	s.opt.Logf("server: %s %s: %v", r.Method, r.URL, err)
	writeError(w, http.StatusInternalServerError, "internal", "the database could not answer; see the server log")
}
