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
date order (file order when undated), then recomputes the narratives. On
the same corpus it gives the same stories as the incremental placement
that analyze does; use it after changing documents in place or after an
upgrade that changed the clustering.`,
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
