package main

import (
	"github.com/spf13/cobra"
)

func init() {
	cmd := &cobra.Command{
		Use:   "analyze PATH...",
		Short: "Ingest documents, find reuse, and print the report",
		Long: `analyze is ingest followed by report: it reads the inputs into the
database (--db, default echotrace.db in the working directory), analyses
the whole corpus, and prints which documents copy which, passage by
passage, with the evidence. Use --json for the machine-readable report.

Exit code 0: all inputs read; 1: some inputs failed (named on stderr; the
rest was analysed); 2: the command could not run.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			sum, err := ingest(ctx, st, args, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			opt, err := analyzeOptions(ctx, cmd, st)
			if err != nil {
				return err
			}
			if err := analyzeWith(ctx, st, opt, cmd.ErrOrStderr()); err != nil {
				return err
			}
			if err := printReport(ctx, st, cmd.OutOrStdout(), opt.Stages, sum.Problems...); err != nil {
				return err
			}
			return ingestFailure(sum)
		},
	}
	addIngestFlags(cmd)
	addReuseFlags(cmd)
	addStagesFlag(cmd)
	rootCmd.AddCommand(cmd)
}
