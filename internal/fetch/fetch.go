// Package fetch downloads web pages politely for echotrace: it obeys
// robots.txt, waits between requests to one host, bounds time and size,
// retries transient failures with growing pauses, and refuses addresses
// that are not on the public Internet (checked on the address actually
// dialled, so neither DNS nor a redirect can lead it astray). The raw
// exchanges are kept in a WARC file and the pages become documents through
// the HTML reader.
//
// It sits beside read: it uses read's HTML parser and WARC writer and is
// used only by the command line.
package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/echotrace/echotrace/internal/read"
)

// Options control fetching. Zero fields take the defaults named.
type Options struct {
	// AllowPrivate permits loopback, private and link-local addresses
	// (for a local test server or an intranet).
	AllowPrivate bool
	// Timeout bounds one request, body included (default 30 s).
	Timeout time.Duration
	// MaxBytes is the largest response body kept (default
	// read.DefaultMaxBytes); a larger one is abandoned unread.
	MaxBytes int64
	// Interval is the least time between two requests to one host
	// (default 1 s); a longer robots.txt Crawl-delay (up to a minute) wins.
	Interval time.Duration
	// Retries is how often a request failing for a network error, a 429
	// or a 5xx status is tried again (default 3; negative for none).
	Retries int
	// Backoff is the pause before the first retry, doubled for each next
	// one (default 2 s); a Retry-After header (up to a minute) wins.
	Backoff time.Duration
	// UserAgent identifies echotrace to servers and selects its
	// robots.txt group.
	UserAgent string
	// MaxRedirects bounds a redirect chain (default 10).
	MaxRedirects int
	// WARC receives a request and a response record for every exchange,
	// robots.txt included; nil keeps nothing.
	WARC *read.WARCWriter
}

// DefaultUserAgent names echotrace to the servers it fetches from.
const DefaultUserAgent = "echotrace-fetch/1.0 (+text reuse research; obeys robots.txt)"

func (o *Options) defaults() {
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = read.DefaultMaxBytes
	}
	if o.Interval <= 0 {
		o.Interval = time.Second
	}
	if o.Retries == 0 {
		o.Retries = 3
	}
	if o.Backoff <= 0 {
		o.Backoff = 2 * time.Second
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 10
	}
}

// maxServerDelay caps waits a server asks for (Crawl-delay, Retry-After).
const maxServerDelay = time.Minute

// Fetcher fetches pages. It is safe for concurrent use.
type Fetcher struct {
	opt    Options
	client *http.Client

	mu     sync.Mutex
	next   map[string]time.Time // host → earliest time of its next request
	robots map[string]robotsRules
}

// New makes a Fetcher.
func New(opt Options) *Fetcher {
	opt.defaults()
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opt.AllowPrivate {
		dialer.Control = dialControl
	}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would hide the address really reached
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opt.Timeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       30 * time.Second,
		// Identity bodies are archived and parsed as they came.
		DisableCompression: true,
	}
	f := &Fetcher{opt: opt, next: map[string]time.Time{}, robots: map[string]robotsRules{}}
	f.client = &http.Client{
		Transport: transport,
		Timeout:   opt.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= opt.MaxRedirects {
				return fmt.Errorf("more than %d redirects", opt.MaxRedirects)
			}
			if err := checkScheme(req.URL); err != nil {
				return err
			}
			// Every hop is paced and checked against its host's robots.txt.
			if err := f.robotsAllow(req.Context(), req.URL); err != nil {
				return err
			}
			return f.wait(req.Context(), req.URL.Host)
		},
	}
	return f
}

// Page is one fetched response.
type Page struct {
	URL         string // as asked for
	FinalURL    string // after redirects
	Status      int
	ContentType string
	Body        []byte
	Fetched     time.Time
	WARCID      string // WARC-Record-ID of the response record, if archived
}

// ErrStatus marks a response whose status is not a success.
var ErrStatus = errors.New("unsuccessful HTTP status")

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w: only http and https URLs are fetched, not %q", ErrRefused, u.Scheme)
	}
	if u.Hostname() == "" {
		return fmt.Errorf("%w: the URL has no host", ErrRefused)
	}
	return nil
}

// Fetch gets one URL: robots.txt permitting, paced per host, retried on
// transient failures. A non-2xx final status is an error wrapping
// ErrStatus; a body over MaxBytes one wrapping read.ErrTooLarge.
func (f *Fetcher) Fetch(ctx context.Context, raw string) (Page, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return Page{}, fmt.Errorf("%w: bad URL: %v", ErrRefused, err)
	}
	if err := checkScheme(u); err != nil {
		return Page{}, err
	}
	if err := f.robotsAllow(ctx, u); err != nil {
		return Page{}, err
	}
	var last error
	for attempt := 0; ; attempt++ {
		if err := f.wait(ctx, u.Host); err != nil {
			return Page{}, err
		}
		p, retryAfter, err := f.get(ctx, u)
		if err == nil {
			p.URL = u.String()
			return p, nil
		}
		last = err
		if !retryable(err) || attempt >= f.opt.Retries || f.opt.Retries < 0 {
			return Page{}, last
		}
		pause := f.opt.Backoff << attempt
		if retryAfter > 0 {
			pause = retryAfter
		}
		select {
		case <-ctx.Done():
			return Page{}, ctx.Err()
		case <-time.After(pause):
		}
	}
}

// transientError marks failures worth another try.
type transientError struct{ err error }

func (e transientError) Error() string { return e.err.Error() }
func (e transientError) Unwrap() error { return e.err }

func retryable(err error) bool {
	var t transientError
	return errors.As(err, &t)
}

// get makes one request (following redirects) and archives the exchange.
func (f *Fetcher) get(ctx context.Context, u *url.URL) (Page, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Page{}, 0, fmt.Errorf("%w: %v", ErrRefused, err)
	}
	req.Header.Set("User-Agent", f.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		if errors.Is(err, ErrRefused) || ctx.Err() != nil {
			return Page{}, 0, err
		}
		return Page{}, 0, transientError{err}
	}
	defer resp.Body.Close()
	fetched := time.Now().UTC()
	if resp.ContentLength > f.opt.MaxBytes {
		return Page{}, 0, fmt.Errorf("%w: %s announces %d bytes, the limit is %d", read.ErrTooLarge, resp.Request.URL, resp.ContentLength, f.opt.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opt.MaxBytes+1))
	if err != nil {
		return Page{}, 0, transientError{fmt.Errorf("reading %s: %w", resp.Request.URL, err)}
	}
	if int64(len(body)) > f.opt.MaxBytes {
		return Page{}, 0, fmt.Errorf("%w: %s sends more than %d bytes", read.ErrTooLarge, resp.Request.URL, f.opt.MaxBytes)
	}
	p := Page{
		FinalURL:    resp.Request.URL.String(),
		Status:      resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		Body:        body,
		Fetched:     fetched,
	}
	if p.WARCID, err = f.archive(resp, body, fetched); err != nil {
		return Page{}, 0, fmt.Errorf("writing the WARC: %w", err)
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		return Page{}, retryAfter(resp.Header.Get("Retry-After")), transientError{fmt.Errorf("%w: %s: %s", ErrStatus, p.FinalURL, resp.Status)}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Page{}, 0, fmt.Errorf("%w: %s: %s", ErrStatus, p.FinalURL, resp.Status)
	}
	return p, 0, nil
}

// retryAfter reads a Retry-After header in seconds or as an HTTP date,
// capped at maxServerDelay; 0 when absent or unreadable.
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if s, err := strconv.Atoi(v); err == nil {
		d = time.Duration(s) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = time.Until(t)
	}
	if d < 0 {
		return 0
	}
	return min(d, maxServerDelay)
}

// archive writes the request and the response as WARC records. The
// response is written as received after transfer decoding: its body is
// whole, so a Content-Length replaces any Transfer-Encoding.
func (f *Fetcher) archive(resp *http.Response, body []byte, fetched time.Time) (string, error) {
	if f.opt.WARC == nil {
		return "", nil
	}
	target := resp.Request.URL.String()
	var reqBuf bytes.Buffer
	fmt.Fprintf(&reqBuf, "%s %s HTTP/1.1\r\nHost: %s\r\n", resp.Request.Method, resp.Request.URL.RequestURI(), resp.Request.URL.Host)
	_ = resp.Request.Header.Write(&reqBuf)
	reqBuf.WriteString("\r\n")

	var respBuf bytes.Buffer
	fmt.Fprintf(&respBuf, "HTTP/%d.%d %s\r\n", resp.ProtoMajor, resp.ProtoMinor, resp.Status)
	h := resp.Header.Clone()
	h.Del("Transfer-Encoding")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	_ = h.Write(&respBuf)
	respBuf.WriteString("\r\n")
	respBuf.Write(body)

	id, err := f.opt.WARC.Write(read.WARCFields{Type: "response", TargetURI: target, Date: fetched,
		ContentType: "application/http; msgtype=response"}, respBuf.Bytes())
	if err != nil {
		return "", err
	}
	_, err = f.opt.WARC.Write(read.WARCFields{Type: "request", TargetURI: target, Date: fetched,
		ContentType: "application/http; msgtype=request", ConcurrentTo: id}, reqBuf.Bytes())
	return id, err
}

// wait blocks until the host may be asked again and books the next slot.
func (f *Fetcher) wait(ctx context.Context, host string) error {
	f.mu.Lock()
	interval := f.opt.Interval
	if r, ok := f.robots[host]; ok && r.crawlDelay > interval {
		interval = min(r.crawlDelay, maxServerDelay)
	}
	now := time.Now()
	at := f.next[host]
	if at.Before(now) {
		at = now
	}
	f.next[host] = at.Add(interval)
	f.mu.Unlock()
	if d := time.Until(at); d > 0 {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(d):
		}
	}
	return nil
}

// robotsAllow fetches the host's robots.txt once and checks u against it.
// A missing robots.txt (4xx) allows everything; one that cannot be had for
// a server or network error disallows the host, as RFC 9309 asks.
func (f *Fetcher) robotsAllow(ctx context.Context, u *url.URL) error {
	host := u.Host
	f.mu.Lock()
	rules, ok := f.robots[host]
	f.mu.Unlock()
	if !ok {
		var err error
		rules, err = f.fetchRobots(ctx, u)
		if err != nil {
			return err
		}
		f.mu.Lock()
		f.robots[host] = rules
		f.mu.Unlock()
	}
	if !rules.allowed(u.EscapedPath() + queryPart(u)) {
		if rules.unreachable != nil {
			return rules.unreachable
		}
		return fmt.Errorf("%w: robots.txt of %s disallows %s", ErrRefused, host, u.EscapedPath())
	}
	return nil
}

func queryPart(u *url.URL) string {
	if u.RawQuery == "" {
		return ""
	}
	return "?" + u.RawQuery
}

func (f *Fetcher) fetchRobots(ctx context.Context, u *url.URL) (robotsRules, error) {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	if err := f.wait(ctx, u.Host); err != nil {
		return robotsRules{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ru.String(), nil)
	if err != nil {
		return robotsRules{}, err
	}
	req.Header.Set("User-Agent", f.opt.UserAgent)
	// robots.txt is fetched without the redirect hook's robots check
	// (which would recurse); redirects within the same site are common.
	client := *f.client
	client.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= 5 {
			return errors.New("too many redirects")
		}
		return checkScheme(req.URL)
	}
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(err, ErrRefused) || ctx.Err() != nil {
			return robotsRules{}, err
		}
		// The host is not crawled; say why in the words of the network
		// (no such host, connection refused), which is what the user can
		// act on, rather than blaming robots.txt.
		return robotsRules{disallowAll: true, unreachable: fmt.Errorf("%s: %w", u.Host, NetworkCause(err))}, nil
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512<<10))
	if _, err := f.archive(resp, body, time.Now().UTC()); err != nil {
		return robotsRules{}, fmt.Errorf("writing the WARC: %w", err)
	}
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode <= 299:
		return parseRobots(bytes.NewReader(body), agentToken(f.opt.UserAgent)), nil
	case resp.StatusCode >= 400 && resp.StatusCode <= 499:
		return robotsRules{}, nil
	default:
		return robotsRules{disallowAll: true, unreachable: fmt.Errorf("%w: %s answered %s for its robots.txt, so the host is not crawled (RFC 9309)", ErrRefused, u.Host, resp.Status)}, nil
	}
}

// agentToken is the product token of a User-Agent ("echotrace-fetch").
func agentToken(ua string) string {
	tok, _, _ := strings.Cut(ua, "/")
	tok, _, _ = strings.Cut(tok, " ")
	return tok
}
