package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/pipeline"
	"github.com/echotrace/echotrace/internal/read"
	"github.com/echotrace/echotrace/internal/store"
)

var flagMaxBytes int64

func init() {
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read files, directories or standard input (-) into the database",
		Long: `ingest reads .txt, .md, .jsonl/.ndjson (passim fields id, series, date,
text, url, title, outlet, lang) and the other formats echotrace knows, from
files, directories (recursively) or standard input ("-"), and stores the
documents. A directory may hold a meta.jsonl giving metadata for its files
by name ("file"). Ingesting the same documents again changes nothing.

A file's document is identified by its path relative to the working
directory, extension included, whichever directory is named; a record of a file of many (a
feed item, an archive record, a message, a JSONL line) by its own id
scoped by its source. Texts equal word for word from different sources
stay different documents.

Bad inputs are reported on stderr, naming the file (and line); the rest is
ingested, and the exit code is 1 when any input failed.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			sum, err := ingest(cmd.Context(), st, args, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			if flagJSON {
				if err := writeJSON(cmd.OutOrStdout(), sum); err != nil {
					return err
				}
			} else {
				printIngestSummary(cmd.OutOrStdout(), sum)
			}
			return ingestFailure(sum)
		},
	}
	addIngestFlags(cmd)
	rootCmd.AddCommand(cmd)
}

// addIngestFlags adds the flags of every command that reads inputs.
func addIngestFlags(cmd *cobra.Command) {
	cmd.Flags().Int64Var(&flagMaxBytes, "max-bytes", read.DefaultMaxBytes, "largest input file or JSONL line read, in bytes")
}

// ingest reads paths into the store, printing each problem to errw.
func ingest(ctx context.Context, st store.Store, paths []string, errw io.Writer) (pipeline.IngestSummary, error) {
	opt := pipeline.IngestOptions{Read: read.Options{MaxBytes: flagMaxBytes, Stdin: os.Stdin, Root: "."}}
	progress := newProgress(errw)
	opt.Progress = progress.update
	opt.Indexing = progress.indexing
	sum, err := pipeline.Ingest(ctx, st, paths, opt, func(p read.Problem) {
		progress.clear()
		fmt.Fprintln(errw, "echotrace:", p.Error())
	})
	progress.done()
	return sum, err
}

func ingestFailure(sum pipeline.IngestSummary) error {
	if !sum.Failed() {
		return nil
	}
	var parts []string
	if n := sum.Read.Files.Failed; n > 0 {
		parts = append(parts, plural(n, "file", "files")+" failed")
	}
	if n := sum.Read.Records.Failed; n > 0 {
		parts = append(parts, plural(n, "record", "records")+" failed")
	}
	if sum.Rejected > 0 {
		parts = append(parts, plural(sum.Rejected, "document was", "documents were")+" not stored")
	}
	return partialFailure("%s (see the messages above); the rest was ingested", strings.Join(parts, " and "))
}

func printIngestSummary(w io.Writer, sum pipeline.IngestSummary) {
	fmt.Fprintf(w, "Read %s from %s: %d new, %d updated, %d unchanged; %d in the database.\n",
		plural(sum.Read.Read, "document", "documents"), plural(sum.Read.Files.Read, "file", "files"),
		sum.Stored.Added, sum.Stored.Updated, sum.Stored.Unchanged, sum.Documents)
	if sum.Stored.Renamed > 0 {
		fmt.Fprintf(w, "%s from an older database took the id of the record they hold.\n", plural(sum.Stored.Renamed, "document", "documents"))
	}
	f, r := sum.Read.Files, sum.Read.Records
	if f.Skipped > 0 || f.Failed > 0 || r.Skipped > 0 || r.Failed > 0 || sum.Rejected > 0 {
		fmt.Fprintf(w, "Files: %d skipped, %d failed. Records: %d skipped, %d failed. Documents not stored: %d.\n",
			f.Skipped, f.Failed, r.Skipped, r.Failed, sum.Rejected)
		var reasons []string
		for r := range sum.Read.Reasons {
			reasons = append(reasons, r)
		}
		sort.Strings(reasons)
		for _, r := range reasons {
			fmt.Fprintf(w, "  %5d  %s\n", sum.Read.Reasons[r], r)
		}
	}
}

// plural says "1 input" or "3 inputs".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
