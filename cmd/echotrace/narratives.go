package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	rootCmd.AddCommand(&cobra.Command{
		Use:   "narratives",
		Short: "List the narratives: lines of argument carried by many stories",
		Long: `narratives lists the groups of stories that carry one line of argument
over weeks or months, found from the similarity of the stories (Louvain
communities), each with a label, its stories, documents and outlets, first
and last date and a timeline. The analysis is brought up to date first when
the corpus has changed. Use --json for every field.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return listClusters(cmd, "narrative", "narratives", func(ctx context.Context, cs store.Store) ([]cluster.Narrative, error) {
				return cs.Narratives(ctx)
			}, func(n cluster.Narrative) (cluster.Summary, string) {
				return n.Summary, "stories " + capped(n.Stories, maxIDsListed, "story", "stories")
			})
		},
	})
}
