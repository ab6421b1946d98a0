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
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sort"
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
	// InProcess says the server runs in this process: the run then
	// reports the CPU time the process used (see Result.CPU).
	InProcess bool
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
	// CPU is the CPU time this process used during the run, when the
	// server runs in it (0 otherwise): the server's work and the
	// clients'. On a machine busy with other work the latencies grow
	// with the wait for a core, this much less.
	CPU time.Duration `json:"cpu_ns"`
	// CPUPerRequest is CPU divided by the requests answered.
	CPUPerRequest time.Duration `json:"cpu_per_request_ns"`
	// Distinct is the number of different requests (route and
	// parameters) the clients drew from.
	Distinct int `json:"distinct_requests"`
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
	in, err := discover(ctx, client, base)
	if err != nil {
		return nil, err
	}
	mix := in.mix(cfg.Seed)
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
	start, cpu0 := time.Now(), processCPU()
	for c := 0; c < cfg.Clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(cfg.Seed, uint64(c)))
			var mine []sample
			if cfg.Think > 0 {
				// Clients arrive spread over one think time, as they
				// go on, rather than all in the same instant: two
				// hundred requests at once at the start are a burst no
				// later moment of the run has, and they alone made the
				// p99 of a run of 10 000 requests.
				select {
				case <-time.After(time.Duration(rng.Int64N(int64(cfg.Think)))):
				case <-ctx.Done():
				}
			}
			for ctx.Err() == nil && take() {
				rt := mix[rng.IntN(len(mix))]
				smp := get(ctx, client, base, target{rt.name, rt.paths[rng.IntN(len(rt.paths))]})
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
	res := summarize(samples, cfg, elapsed)
	res.Distinct = requests(mix)
	if cfg.InProcess && len(samples) > 0 {
		res.CPU = processCPU() - cpu0
		res.CPUPerRequest = res.CPU / time.Duration(len(samples))
	}
	return res, nil
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
