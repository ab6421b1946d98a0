// Package loadtest drives an echotrace server with many concurrent
// clients over a mix of every page and API route, and reports latency
// percentiles and errors per route. It is how the server's figures in
// doc/performance.md are measured ("echotrace loadtest").
//
// It only ever talks to a server on the loopback interface, and its
// clients, duration and request count are bounded, so it cannot be turned
// on someone else's server or left running.
package loadtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// Bounds on a run.
const (
	MaxClients  = 1000
	MaxDuration = 10 * time.Minute
	// maxRequests bounds the requests of a run whatever its duration.
	maxRequests = 2_000_000
	// requestTimeout fails a request that takes longer.
	requestTimeout = 60 * time.Second
)

// Config describes a run.
type Config struct {
	// Base is the server's URL, e.g. http://127.0.0.1:8080; its host
	// must be a loopback address.
	Base     string
	Clients  int
	Duration time.Duration
	// Think is how long each client waits between its requests (0: none,
	// each client sends its next request as soon as the last is answered).
	Think time.Duration
	// Seed makes the choice of routes repeatable.
	Seed uint64
}

// Stats are the latencies and errors of one route, or of all.
type Stats struct {
	Route    string        `json:"route"`
	Requests int           `json:"requests"`
	Errors   int           `json:"errors"`
	P50      time.Duration `json:"p50_ns"`
	P90      time.Duration `json:"p90_ns"`
	P99      time.Duration `json:"p99_ns"`
	Max      time.Duration `json:"max_ns"`
}

// Result is a run's outcome.
type Result struct {
	Clients  int           `json:"clients"`
	Duration time.Duration `json:"duration_ns"`
	Think    time.Duration `json:"think_ns"`
	// Rate is requests answered per second.
	Rate  float64 `json:"requests_per_second"`
	Total Stats   `json:"total"`
	// Routes are the stats per route, slowest p99 first.
	Routes []Stats `json:"routes"`
	// FirstErrors are a few of the errors seen, for a reader to act on.
	FirstErrors []string `json:"first_errors"`
}

// CheckLoopback refuses a base URL whose host is not a loopback address.
func CheckLoopback(base string) (*url.URL, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("loadtest: base URL %q: %w", base, err)
	}
	if u.Scheme != "http" {
		return nil, fmt.Errorf("loadtest: base URL %q: only http:// to a loopback address", base)
	}
	host := u.Hostname()
	if host == "localhost" {
		return u, nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("loadtest: %q is not a loopback address: the load test only runs against this machine", host)
	}
	return u, nil
}

// sample is one answered request.
type sample struct {
	route string
	took  time.Duration
	err   string // "" when the answer was a success
}

// Run discovers ids to ask about, then runs cfg.Clients clients for
// cfg.Duration.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	base, err := CheckLoopback(cfg.Base)
	if err != nil {
		return nil, err
	}
	if cfg.Clients < 1 || cfg.Clients > MaxClients {
		return nil, fmt.Errorf("loadtest: clients must be 1 to %d, not %d", MaxClients, cfg.Clients)
	}
	if cfg.Duration <= 0 || cfg.Duration > MaxDuration {
		return nil, fmt.Errorf("loadtest: duration must be more than 0 and at most %s, not %s", MaxDuration, cfg.Duration)
	}
	tr := &http.Transport{MaxIdleConnsPerHost: cfg.Clients, MaxConnsPerHost: cfg.Clients, IdleConnTimeout: 30 * time.Second}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: requestTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	mix, err := discover(ctx, client, base)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	var (
		mu      sync.Mutex
		samples []sample
		wg      sync.WaitGroup
	)
	budget := make(chan struct{}, 1)
	sent := 0
	take := func() bool { // one more request within maxRequests
		budget <- struct{}{}
		defer func() { <-budget }()
		sent++
		return sent <= maxRequests
	}
	start := time.Now()
	for c := 0; c < cfg.Clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(cfg.Seed, uint64(c)))
			var mine []sample
			for ctx.Err() == nil && take() {
				t := mix[rng.IntN(len(mix))]
				smp := get(ctx, client, base, t)
				if ctx.Err() != nil && smp.err != "" {
					break // cut off by the end of the run, not an answer
				}
				mine = append(mine, smp)
				if cfg.Think > 0 {
					// Jittered, so that clients do not march in step.
					select {
					case <-time.After(cfg.Think/2 + time.Duration(rng.Int64N(int64(cfg.Think)))):
					case <-ctx.Done():
					}
				}
			}
			mu.Lock()
			samples = append(samples, mine...)
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	elapsed := time.Since(start)
	return summarize(samples, cfg, elapsed), nil
}

// target is one request of the mix: a route name and the URL path+query.
type target struct {
	route string
	path  string
}

// get sends one request and reads the answer to the end.
func get(ctx context.Context, client *http.Client, base *url.URL, t target) sample {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base.String()+t.path, nil)
	if err != nil {
		return sample{route: t.route, err: err.Error()}
	}
	begin := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return sample{route: t.route, took: time.Since(begin), err: err.Error()}
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	s := sample{route: t.route, took: time.Since(begin)}
	switch {
	case err != nil:
		s.err = t.path + ": " + err.Error()
	case resp.StatusCode != http.StatusOK:
		s.err = fmt.Sprintf("%s: status %d", t.path, resp.StatusCode)
	}
	return s
}

// summarize computes the stats of a run.
func summarize(samples []sample, cfg Config, elapsed time.Duration) *Result {
	res := &Result{Clients: cfg.Clients, Duration: elapsed, Think: cfg.Think}
	byRoute := map[string][]sample{}
	for _, s := range samples {
		byRoute[s.route] = append(byRoute[s.route], s)
		if s.err != "" && len(res.FirstErrors) < 10 {
			res.FirstErrors = append(res.FirstErrors, s.err)
		}
	}
	res.Total = stats("all", samples)
	for route, ss := range byRoute {
		res.Routes = append(res.Routes, stats(route, ss))
	}
	sort.Slice(res.Routes, func(i, j int) bool {
		if res.Routes[i].P99 != res.Routes[j].P99 {
			return res.Routes[i].P99 > res.Routes[j].P99
		}
		return res.Routes[i].Route < res.Routes[j].Route
	})
	if elapsed > 0 {
		res.Rate = float64(len(samples)) / elapsed.Seconds()
	}
	return res
}

func stats(route string, ss []sample) Stats {
	st := Stats{Route: route, Requests: len(ss)}
	if len(ss) == 0 {
		return st
	}
	ds := make([]time.Duration, len(ss))
	for i, s := range ss {
		ds[i] = s.took
		if s.err != "" {
			st.Errors++
		}
	}
	slices.Sort(ds)
	q := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
	st.P50, st.P90, st.P99, st.Max = q(0.50), q(0.90), q(0.99), ds[len(ds)-1]
	return st
}

// ids are what the mix asks about, found through the API.
type ids struct {
	docs, outlets, stories, narratives, quotes, entities []string
	pairs                                                [][2]string
	words                                                []string
}

// discover reads a sample of ids from the server and builds the mix: every
// page and API route, each with a few different ids.
func discover(ctx context.Context, client *http.Client, base *url.URL) ([]target, error) {
	var in ids
	var docs struct {
		Items []struct{ ID, Outlet, Title string }
	}
	if err := getJSON(ctx, client, base, "/api/documents?order=newest&limit=200", &docs); err != nil {
		return nil, err
	}
	if len(docs.Items) == 0 {
		return nil, errors.New("loadtest: the server holds no documents")
	}
	seenOutlet := map[string]bool{}
	for _, d := range docs.Items {
		in.docs = append(in.docs, d.ID)
		if d.Outlet != "" && !seenOutlet[d.Outlet] {
			seenOutlet[d.Outlet] = true
			in.outlets = append(in.outlets, d.Outlet)
		}
		for _, w := range strings.Fields(d.Title) {
			if len(w) >= 5 && len(in.words) < 50 {
				in.words = append(in.words, strings.ToLower(strings.Trim(w, `.,;:!?"'()`)))
			}
		}
	}
	var pairs struct {
		Items []struct{ A, B string }
	}
	if err := getJSON(ctx, client, base, "/api/pairs?limit=100", &pairs); err != nil {
		return nil, err
	}
	for _, p := range pairs.Items {
		in.pairs = append(in.pairs, [2]string{p.A, p.B})
		in.docs = append(in.docs, p.A, p.B)
	}
	var list struct{ Items []struct{ ID string } }
	for _, l := range []struct {
		path string
		into *[]string
	}{{"/api/stories?order=newest&limit=100", &in.stories}, {"/api/narratives?limit=50", &in.narratives}} {
		if err := getJSON(ctx, client, base, l.path, &list); err != nil {
			return nil, err
		}
		for _, it := range list.Items {
			*l.into = append(*l.into, it.ID)
		}
	}
	var quotes struct{ Items []struct{ Quote string } }
	if err := getJSON(ctx, client, base, "/api/quotes?limit=200", &quotes); err != nil {
		return nil, err
	}
	for _, q := range quotes.Items {
		in.quotes = append(in.quotes, q.Quote)
	}
	var ents struct{ Items []struct{ Entity string } }
	if err := getJSON(ctx, client, base, "/api/entities?limit=200", &ents); err != nil {
		return nil, err
	}
	for _, e := range ents.Items {
		in.entities = append(in.entities, e.Entity)
	}
	return in.mix(), nil
}

// mix is the list of requests clients draw from: every route once per id
// sampled, so each route is asked about equally often whatever its ids.
func (in ids) mix() []target {
	var out []target
	add := func(route, path string) { out = append(out, target{route, path}) }
	pick := func(xs []string, i int) string { return xs[i%len(xs)] }
	q := url.QueryEscape
	for i := 0; i < 8; i++ {
		add("page /", "/")
		add("page /documents", "/documents")
		add("page /documents?order=newest&offset", fmt.Sprintf("/documents?order=newest&offset=%d", 50*i))
		add("page /documents/{id}", "/documents/"+url.PathEscape(pick(in.docs, i*7)))
		add("page /provenance", "/provenance")
		add("page /provenance?doc", "/provenance?doc="+q(pick(in.docs, i*5)))
		add("page /pairs", fmt.Sprintf("/pairs?offset=%d", 50*i))
		add("page /quotes", "/quotes")
		add("page /entities", "/entities")
		add("page /stories", "/stories")
		add("page /narratives", "/narratives")
		add("api /api/openapi.json", "/api/openapi.json")
		add("api /api/stats", "/api/stats")
		add("api /api/documents", fmt.Sprintf("/api/documents?offset=%d", 100*i))
		add("api /api/documents/{id}", "/api/documents/"+url.PathEscape(pick(in.docs, i*3)))
		add("api /api/pairs", "/api/pairs?kind=derived")
		add("api /api/chains", fmt.Sprintf("/api/chains?offset=%d", 50*i))
		add("api /api/graph?doc", "/api/graph?doc="+q(pick(in.docs, i*11)))
		add("api /api/quotes", "/api/quotes?kind=quote")
		add("api /api/entities", "/api/entities")
		add("api /api/stories", "/api/stories?order=newest")
		add("api /api/narratives", "/api/narratives")
		add("api /api/timelines", "/api/timelines")
		if len(in.outlets) > 0 {
			add("page /documents?outlet", "/documents?outlet="+q(pick(in.outlets, i)))
		}
		if len(in.words) > 0 {
			add("page /search", "/search?q="+q(pick(in.words, i)))
			add("api /api/search", "/api/search?q="+q(pick(in.words, i+3)))
		}
		if len(in.pairs) > 0 {
			p := in.pairs[i%len(in.pairs)]
			add("page /compare", "/compare?a="+q(p[0])+"&b="+q(p[1]))
			add("api /api/pair", "/api/pair?a="+q(p[0])+"&b="+q(p[1]))
		}
		if len(in.quotes) > 0 {
			add("page /quotes/{id}", "/quotes/"+url.PathEscape(pick(in.quotes, i*13)))
			add("api /api/quotes/{id}", "/api/quotes/"+url.PathEscape(pick(in.quotes, i*17)))
		}
		if len(in.entities) > 0 {
			add("page /entities?entity", "/entities?entity="+q(pick(in.entities, i*3)))
		}
		if len(in.stories) > 0 {
			add("page /stories/{id}", "/stories/"+url.PathEscape(pick(in.stories, i*3)))
			add("api /api/stories/{id}", "/api/stories/"+url.PathEscape(pick(in.stories, i*5)))
			add("page /provenance?story", "/provenance?story="+q(pick(in.stories, i*7)))
		}
		if len(in.narratives) > 0 {
			add("page /narratives/{id}", "/narratives/"+url.PathEscape(pick(in.narratives, i)))
			add("api /api/narratives/{id}", "/api/narratives/"+url.PathEscape(pick(in.narratives, i+1)))
		}
	}
	return out
}

// getJSON reads one API answer during discovery, when every error is the
// end of the run.
func getJSON(ctx context.Context, client *http.Client, base *url.URL, path string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base.String()+path, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("loadtest: %s: %w", path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotImplemented {
		return nil // the store keeps no such results: the mix goes without
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("loadtest: %s: status %d", path, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return fmt.Errorf("loadtest: %s: %w", path, err)
	}
	return nil
}
