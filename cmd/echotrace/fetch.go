package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/fetch"
	"github.com/echotrace/echotrace/internal/read"
	"github.com/echotrace/echotrace/internal/store"
)

// fetchFlags are the settings of the fetch command.
type fetchFlags struct {
	from         string
	warc         string
	allowPrivate bool
	interval     time.Duration
	timeout      time.Duration
	retries      int
}

func init() {
	var ff fetchFlags
	cmd := &cobra.Command{
		Use:   "fetch URL...",
		Short: "Download web pages politely and ingest them",
		Long: `fetch downloads web pages and ingests them like HTML files: the main
text (comments kept apart), title, author, date, outlet and language.

It is polite: it obeys robots.txt, waits --interval between requests to one
host (longer if robots.txt asks), gives up on a request after --timeout,
abandons bodies over --max-bytes, and retries network errors, 429 and 5xx
answers with growing pauses. It refuses loopback, private and link-local
addresses, also when a DNS answer or a redirect leads there, unless
--allow-private is given.

Every request and response is kept in a WARC archive beside the database
(<db>.warc.gz, or --warc PATH), appended to on each run. URLs come from the
arguments and from --from FILE (one per line, "#" comments; "-" for standard
input). Failed URLs are reported on stderr and the exit code is 1; the rest
is ingested.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runFetch(cmd, args, ff)
		},
	}
	cmd.Flags().StringVar(&ff.from, "from", "", "read URLs from this file, one per line (\"-\" for standard input)")
	cmd.Flags().StringVar(&ff.warc, "warc", "", "WARC archive to append the raw responses to (default <db>.warc.gz)")
	cmd.Flags().BoolVar(&ff.allowPrivate, "allow-private", false, "allow loopback, private and link-local addresses")
	cmd.Flags().DurationVar(&ff.interval, "interval", time.Second, "least time between two requests to one host")
	cmd.Flags().DurationVar(&ff.timeout, "timeout", 30*time.Second, "time limit of one request")
	cmd.Flags().IntVar(&ff.retries, "retries", 3, "retries of a request that failed for a transient reason (0 for none)")
	addIngestFlags(cmd)
	rootCmd.AddCommand(cmd)
}

// fetchSummary is what a fetch run did, as printed with --json.
type fetchSummary struct {
	URLs     int               `json:"urls"`
	Fetched  int               `json:"fetched"`
	Failed   int               `json:"failed"`
	Reasons  map[string]int    `json:"reasons,omitempty"`
	Stored   store.PutResult   `json:"stored"`
	Rejected int               `json:"rejected"`
	WARC     string            `json:"warc"`
	Errors   []fetchErrorEntry `json:"errors,omitempty"`
}

type fetchErrorEntry struct {
	URL   string `json:"url"`
	Error string `json:"error"`
}

func runFetch(cmd *cobra.Command, args []string, ff fetchFlags) error {
	ctx := cmd.Context()
	errw := cmd.ErrOrStderr()
	urls := append([]string(nil), args...)
	if ff.from != "" {
		more, err := readURLList(ff.from, cmd.InOrStdin())
		if err != nil {
			return err
		}
		urls = append(urls, more...)
	}
	if len(urls) == 0 {
		return errors.New("no URLs: name them as arguments or in --from FILE")
	}
	warcPath := ff.warc
	if warcPath == "" {
		warcPath = defaultWARCPath(flagDB)
	}
	st, err := openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	wf := &appendOnWrite{path: warcPath}
	defer wf.Close()

	retries := ff.retries
	if retries == 0 {
		retries = -1 // fetch.Options: 0 means the default
	}
	f := fetch.New(fetch.Options{
		AllowPrivate: ff.allowPrivate,
		Timeout:      ff.timeout,
		MaxBytes:     flagMaxBytes,
		Interval:     ff.interval,
		Retries:      retries,
		WARC:         read.NewWARCWriter(wf),
	})
	sum := fetchSummary{URLs: len(urls), WARC: warcPath, Reasons: map[string]int{}}
	progress := newProgress(errw)
	var batch []doc.Document
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := st.PutDocuments(ctx, batch)
		batch = batch[:0]
		sum.Stored.Added += res.Added
		sum.Stored.Updated += res.Updated
		sum.Stored.Unchanged += res.Unchanged
		var rej *store.RejectedError
		if errors.As(err, &rej) {
			for _, r := range rej.Rejected {
				progress.clear()
				fmt.Fprintln(errw, "echotrace:", r.Error())
			}
			sum.Rejected += len(rej.Rejected)
			return nil
		}
		return err
	}
	for _, u := range urls {
		if ctx.Err() != nil {
			break
		}
		d, err := f.Document(ctx, u)
		progress.update(sum.Fetched + sum.Failed + 1)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			sum.Failed++
			sum.Reasons[fetchReason(err)]++
			sum.Errors = append(sum.Errors, fetchErrorEntry{URL: u, Error: err.Error()})
			progress.clear()
			fmt.Fprintf(errw, "echotrace: %s: %v\n", u, err)
			continue
		}
		sum.Fetched++
		batch = append(batch, d)
		if len(batch) >= 50 {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	progress.done()
	if err := flush(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if flagJSON {
		if err := writeJSON(cmd.OutOrStdout(), sum); err != nil {
			return err
		}
	} else {
		printFetchSummary(cmd.OutOrStdout(), sum)
	}
	if sum.Failed > 0 || sum.Rejected > 0 {
		return partialFailure("%s of %d failed (see the messages above); the rest was ingested", plural(sum.Failed+sum.Rejected, "URL", "URLs"), sum.URLs)
	}
	return nil
}

// appendOnWrite is a file opened for appending at its first write, so
// that a run that archives nothing (every host unreachable) leaves no
// empty archive behind.
type appendOnWrite struct {
	path string
	f    *os.File
}

func (a *appendOnWrite) Write(p []byte) (int, error) {
	if a.f == nil {
		f, err := os.OpenFile(a.path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return 0, fmt.Errorf("opening the WARC archive: %w", err)
		}
		a.f = f
	}
	return a.f.Write(p)
}

func (a *appendOnWrite) Close() error {
	if a.f == nil {
		return nil
	}
	return a.f.Close()
}

// fetchReason is the short name of why a URL failed.
func fetchReason(err error) string {
	var dns *net.DNSError
	switch {
	case errors.As(err, &dns):
		return "DNS failure"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, fetch.ErrRefused):
		return "refused"
	case errors.Is(err, fetch.ErrStatus):
		return "http status"
	case errors.Is(err, context.DeadlineExceeded), strings.Contains(err.Error(), "Client.Timeout"):
		return "timeout"
	}
	if r := read.Reason(err); r != "error" {
		return r
	}
	return "network"
}

// defaultWARCPath puts the archive beside a SQLite database file; for a
// database URL it goes into the working directory.
func defaultWARCPath(dsn string) string {
	scheme, rest := store.Scheme(dsn)
	if scheme == "sqlite" && rest != "" && rest != ":memory:" && !strings.Contains(rest, "mode=memory") {
		return strings.TrimSuffix(rest, ".db") + ".warc.gz"
	}
	return "echotrace-fetch.warc.gz"
}

// readURLList reads URLs one per line, skipping blank lines and "#"
// comments.
func readURLList(path string, stdin io.Reader) ([]string, error) {
	var r io.Reader = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("reading the URL list: %w", err)
		}
		defer f.Close()
		r = f
	}
	var urls []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		urls = append(urls, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading the URL list %s: %w", path, err)
	}
	return urls, nil
}

func printFetchSummary(w io.Writer, sum fetchSummary) {
	fmt.Fprintf(w, "Fetched %d of %s: %d new, %d updated, %d unchanged %s. Archive: %s\n",
		sum.Fetched, plural(sum.URLs, "URL", "URLs"), sum.Stored.Added, sum.Stored.Updated, sum.Stored.Unchanged,
		noun(sum.Stored.Changed()+sum.Stored.Unchanged, "document", "documents"), sum.WARC)
	if sum.Failed > 0 || sum.Rejected > 0 {
		fmt.Fprintf(w, "%d failed, %s not stored.\n", sum.Failed, plural(sum.Rejected, "document", "documents"))
		var reasons []string
		for r := range sum.Reasons {
			reasons = append(reasons, r)
		}
		sort.Strings(reasons)
		for _, r := range reasons {
			fmt.Fprintf(w, "  %5d  %s\n", sum.Reasons[r], r)
		}
	}
}
