package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/pipeline"
	"github.com/echotrace/echotrace/internal/server"
	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	var addr, token string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the JSON API and the web pages over the database",
		Long: `serve answers HTTP on --addr (default 127.0.0.1:8080): web pages for
reading the analysis (overview, documents with reused passages marked, side
by side, provenance graphs, quotes, search) and a JSON API under /api/,
described at /api/openapi.json.

It is read-only unless started with --write-token; then POST /api/documents
takes documents to ingest and analyse from requests that send the token as
"Authorization: Bearer <token>".`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			open := openExisting
			if token != "" {
				open = openStore // uploads may fill a new database
			}
			st, err := open(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			// Uploads are analysed with the settings of the stored results.
			reuse, err := pipeline.StoredReuseOptions(cmd.Context(), st, reuseOptions(flagDB))
			if err != nil {
				return err
			}
			srv, err := server.New(st, server.Options{
				WriteToken: token,
				Analyze:    pipeline.AnalyzeOptions{Reuse: reuse, CrossLang: crossLangOptions()},
			})
			if err != nil {
				return err
			}
			defer srv.Close() // uploads at work stop before the store closes
			if ti, ok := st.(store.TextIndexer); ok {
				// The store indexes text after ingest (SQLite): catch up
				// now, so that the first search need not.
				go func() {
					if err := ti.IndexText(cmd.Context()); err != nil && cmd.Context().Err() == nil {
						fmt.Fprintf(cmd.ErrOrStderr(), "echotrace: building the full-text index: %v\n", err)
					}
				}()
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listening on %s: %w", addr, err)
			}
			hs := srv.HTTPServer()
			mode := "read-only"
			if token != "" {
				mode = "uploads accepted with the write token"
			}
			if flagJSON {
				_ = writeJSON(cmd.OutOrStdout(), map[string]string{"url": "http://" + ln.Addr().String() + "/", "mode": mode})
			} else {
				fmt.Fprintf(cmd.OutOrStdout(), "echotrace serving %s on http://%s/ (%s)\n", flagDB, ln.Addr(), mode)
			}
			errc := make(chan error, 1)
			go func() { errc <- hs.Serve(ln) }()
			select {
			case err := <-errc:
				return err
			case <-cmd.Context().Done():
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := hs.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().StringVar(&token, "write-token", "", "accept uploads from requests carrying this bearer token")
	rootCmd.AddCommand(cmd)
}
