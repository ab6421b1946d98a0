package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/export"
)

func init() {
	var format, out string
	var df docFilterFlags
	cmd := &cobra.Command{
		Use:   "export --format csv|jsonl|gexf|graphml --out DIR",
		Short: "Write the corpus and its analysis for pandas, R, passim or Gephi",
		Long: `export writes the documents and what the analysis found about them into
the folder --out, in one of four formats:

  csv      documents.csv, relations.csv, passages.csv (with both sides' text),
           quotes.csv (one row per occurrence, with speaker and cue),
           entities.csv (one row per mention), stories.csv; RFC 4180, UTF-8,
           a header row; offsets are bytes into a document's text
  jsonl    documents.jsonl: one document a line with passim's fields (id,
           series, date, text, ...) and its passages; echotrace ingest and
           passim read it
  gexf     reuse.gexf and quotes.gexf for Gephi
  graphml  reuse.graphml and quotes.graphml (Gephi, networkx, igraph, yEd)

The reuse graph has a node per document (title, outlet, date, story) and
an edge per relation, from the source to the copy where the direction is
known and undirected otherwise, with kind, coverage and confidence. The
graph of quotes links speakers to what they said and quotes to the outlets
that printed them.

--story, --narrative, --since and --until select documents; relations and
passages are exported when both their documents are selected. Everything
is read from the database a page at a time, so a corpus of a million
documents exports in bounded memory. The analysis is brought up to date
first.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := export.ParseFormat(format)
			if err != nil {
				return fmt.Errorf("--format: %w", err)
			}
			if out == "" {
				return errors.New("--out: name the folder to write the files into")
			}
			filter, err := df.filter()
			if err != nil {
				return err
			}
			st, err := openAnalysed(cmd.Context(), cmd.ErrOrStderr(), "")
			if err != nil {
				return err
			}
			defer st.Close()
			sum, err := export.Write(cmd.Context(), st, f, out, filter)
			var unknown *export.UnknownError
			if errors.As(err, &unknown) {
				return fmt.Errorf("--%w", err) // --story "x": no such story ...
			}
			if err != nil {
				return err
			}
			if flagJSON {
				return writeJSON(cmd.OutOrStdout(), sum)
			}
			printExport(cmd.OutOrStdout(), sum)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "csv, jsonl, gexf or graphml")
	cmd.Flags().StringVar(&out, "out", "", "folder to write the files into (created when missing)")
	df.add(cmd)
	rootCmd.AddCommand(cmd)
}

func printExport(w io.Writer, sum export.Summary) {
	fmt.Fprintf(w, "Exported %s as %s into %s:\n", plural(int(sum.Documents), "document", "documents"), sum.Format, sum.Dir)
	for _, f := range sum.Files {
		if f.Nodes > 0 || f.Edges > 0 || sum.Format == export.GEXF || sum.Format == export.GraphML {
			fmt.Fprintf(w, "  %-16s %s, %s\n", f.Name, plural(int(f.Nodes), "node", "nodes"), plural(int(f.Edges), "edge", "edges"))
			continue
		}
		fmt.Fprintf(w, "  %-16s %s\n", f.Name, plural(int(f.Rows), "row", "rows"))
	}
}
