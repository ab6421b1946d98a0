package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/cluster"
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
			ctx := cmd.Context()
			cs, closeStore, err := openClusters(ctx, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer closeStore()
			ns, err := cs.Narratives(ctx)
			if err != nil {
				return err
			}
			if flagJSON {
				if ns == nil {
					ns = []cluster.Narrative{}
				}
				return writeJSON(cmd.OutOrStdout(), ns)
			}
			w := cmd.OutOrStdout()
			for _, n := range ns {
				writeSummary(w, n.Summary, "stories "+strings.Join(n.Stories, ", "))
			}
			fmt.Fprintf(w, "%d narratives\n", len(ns))
			return nil
		},
	})
}
