package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/pipeline"
)

func init() {
	rootCmd.AddCommand(&cobra.Command{
		Use:   "recluster",
		Short: "Rebuild stories and narratives from scratch",
		Long: `recluster forgets the saved clusterer and places every document again, in
date order (within a day and among the undated, an order fixed by the
document ids), settles the stories, then recomputes the narratives. It
gives the same stories whatever order the documents were ingested in.
An analysis places only new documents onto the saved stories, which can
leave them a little different from a rebuild (it rebuilds by itself once
the corpus has doubled); use recluster after changing documents in place,
after an upgrade that changed the clustering, or to get the order-free
stories now.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := openExisting(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			version, err := st.Version(ctx)
			if err != nil {
				return err
			}
			res, err := pipeline.Cluster(ctx, st, version, true)
			if err != nil {
				return err
			}
			if flagJSON {
				return writeJSON(cmd.OutOrStdout(), res)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s placed: %s in %s\n", plural(res.Placed, "document", "documents"),
				plural(res.Stories, "story", "stories"), plural(res.Narratives, "narrative", "narratives"))
			if !res.Stored {
				fmt.Fprintln(cmd.OutOrStdout(), "a newer analysis was stored meanwhile; it was kept")
			}
			return nil
		},
	})
}
