package main

import (
	"fmt"
	"io"
	"net"
	"time"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/loadtest"
	"github.com/echotrace/echotrace/internal/server"
	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	var (
		base     string
		clients  int
		duration time.Duration
		think    time.Duration
		seed     uint64
	)
	cmd := &cobra.Command{
		Use:   "loadtest",
		Short: "Drive the web server with many concurrent clients and report latencies",
		Long: `loadtest runs --clients clients for --duration against a server, each
sending requests drawn from a mix of every page and API route (with
documents, stories, narratives, quotes and entities sampled from the
server), and reports requests per second, errors and latency percentiles,
in all and per route.

Without --url it serves --db itself on a loopback port for the run. With
--url it drives a running "echotrace serve"; the URL must be a loopback
address (the load test never runs against another machine). Clients are
at most 1000, the duration at most 10 minutes.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			inProcess := base == ""
			if inProcess {
				st, err := openStore(ctx)
				if err != nil {
					return err
				}
				defer st.Close()
				if ti, ok := st.(store.TextIndexer); ok {
					// As serve does at start, but before the clients:
					// the run measures a server whose index is built.
					if err := ti.IndexText(ctx); err != nil {
						return fmt.Errorf("building the full-text index: %w", err)
					}
				}
				srv, err := server.New(st, server.Options{})
				if err != nil {
					return err
				}
				ln, err := net.Listen("tcp", "127.0.0.1:0")
				if err != nil {
					return err
				}
				hs := srv.HTTPServer()
				go hs.Serve(ln)
				defer hs.Close()
				base = "http://" + ln.Addr().String()
			}
			res, err := loadtest.Run(ctx, loadtest.Config{Base: base, Clients: clients, Duration: duration, Think: think, Seed: seed, InProcess: inProcess})
			if err != nil {
				return err
			}
			if err := printResult(cmd.OutOrStdout(), *res, printLoadResult); err != nil {
				return err
			}
			if res.Total.Errors > 0 {
				return fmt.Errorf("%d of %d requests failed", res.Total.Errors, res.Total.Requests)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&base, "url", "", "base URL of a running server on a loopback address (default: serve --db for the run)")
	cmd.Flags().IntVar(&clients, "clients", 200, "concurrent clients")
	cmd.Flags().DurationVar(&duration, "duration", 60*time.Second, "how long to run")
	cmd.Flags().DurationVar(&think, "think", 0, "mean pause of each client between its requests (0: none)")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "seed of the clients' choice of requests")
	rootCmd.AddCommand(cmd)
}

func printLoadResult(w io.Writer, r loadtest.Result) {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.0f", float64(d)/float64(time.Millisecond)) }
	fmt.Fprintf(w, "%d clients, %.0f s, think %s: %d requests (drawn from %d different ones), %.0f/s, %d errors\n",
		r.Clients, r.Duration.Seconds(), r.Think, r.Total.Requests, r.Distinct, r.Rate, r.Total.Errors)
	if r.CPU > 0 {
		fmt.Fprintf(w, "CPU of this process (server and clients): %.1f s, %.2f ms per request\n", r.CPU.Seconds(), float64(r.CPUPerRequest)/float64(time.Millisecond))
	}
	fmt.Fprintf(w, "%-40s %8s %6s %7s %7s %7s %7s\n", "route", "requests", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms")
	for _, s := range append([]loadtest.Stats{r.Total}, r.Routes...) {
		fmt.Fprintf(w, "%-40s %8d %6d %7s %7s %7s %7s\n", s.Route, s.Requests, s.Errors, ms(s.P50), ms(s.P90), ms(s.P99), ms(s.Max))
	}
	for _, e := range r.FirstErrors {
		fmt.Fprintf(w, "error: %s\n", e)
	}
}
