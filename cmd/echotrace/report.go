package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/pipeline"
	"github.com/echotrace/echotrace/internal/report"
	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Print what the database holds: reuse relations, passages, chains",
		Long: `report prints the analysis of the documents in the database. When
documents were added since the last analysis, it analyses them first.

Relations: duplicate (each covers 90 % or more of the other's own text),
derived (50 % or more of one document's own text is aligned to the other),
partial (at least one shared passage of 12 tokens or more). Comments,
captions and publisher boilerplate are not counted as a document's own
text, and passages frequent across the corpus are boilerplate, not reuse.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := openExisting(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			opt, err := analyzeOptions(cmd.Context(), cmd, st)
			if err != nil {
				return err
			}
			if err := analyzeWith(cmd.Context(), st, opt, cmd.ErrOrStderr()); err != nil {
				return err
			}
			return printReport(cmd.Context(), st, cmd.OutOrStdout(), nil)
		},
	}
	addReuseFlags(cmd)
	rootCmd.AddCommand(cmd)
}

// analyze brings the stored analysis up to date, with the settings the
// stored results were made with.
func analyze(ctx context.Context, st store.Store, errw io.Writer) error {
	opt, err := analyzeOptions(ctx, nil, st)
	if err != nil {
		return err
	}
	return analyzeWith(ctx, st, opt, errw)
}

// analyzeWith brings the stored analysis up to date with opt, showing the
// progress of its stages on errw.
func analyzeWith(ctx context.Context, st store.Store, opt pipeline.AnalyzeOptions, errw io.Writer) error {
	progress := newStageProgress(errw)
	defer progress.done()
	opt.Log, opt.Progress = progress.step, progress.update
	_, err := pipeline.Analyze(ctx, st, opt)
	return err
}

// reuseOptions are the defaults of reuse analysis for the database db,
// with its token file beside a SQLite database rather than in the system's
// temporary directory: the file takes 4 bytes a word of the corpus (3.7 GB
// for a million articles), /tmp is a disk in memory on many systems, and
// the database's own disk has already shown it has room for the corpus.
func reuseOptions(db string) pipeline.ReuseOptions {
	opt := pipeline.DefaultReuseOptions()
	if scheme, path := store.Scheme(db); scheme == "sqlite" && path != ":memory:" {
		opt.TempDir = filepath.Dir(path)
	}
	return opt
}

// buildReport gathers the stored analysis into a report; stages, when not
// nil, are the later stages that ran (see pipeline.AnalyzeOptions).
func buildReport(ctx context.Context, st store.Store, stages []string) (*report.Report, error) {
	r := &report.Report{}
	err := st.EachDocument(ctx, func(d doc.Document) error {
		r.Documents = append(r.Documents, report.Info(&d))
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Boilerplate passages too, marked: a reader sees which blocks two
	// documents share, and they count in no coverage.
	if r.Passages, err = st.Passages(ctx, store.PassageQuery{IncludeBoilerplate: true}); err != nil {
		return nil, err
	}
	r.Text, r.FullText = documentText(ctx, st), flagFullText
	if r.Relations, err = st.Relations(ctx, store.RelationQuery{}); err != nil {
		return nil, err
	}
	if r.Chains, err = st.Chains(ctx); err != nil {
		return nil, err
	}
	if r.Settings, err = st.ReuseSettings(ctx); err != nil {
		return nil, err
	}
	if stages != nil {
		// Only the stages asked for ran: the others' stored results may
		// describe an older corpus, so they are not shown.
		r.Settings = maps.Clone(r.Settings)
		if r.Settings == nil {
			r.Settings = map[string]string{}
		}
		r.Settings["stages"] = strings.Join(append([]string{"reuse"}, stages...), ",")
		if !slices.Contains(stages, "quotes") && !slices.Contains(stages, "stories") {
			return r, nil
		}
	}
	if err := addQuotesAndClusters(ctx, st, r); err != nil {
		return nil, err
	}
	return r, nil
}

// addQuotesAndClusters fills the report's quotes, stories and narratives.
func addQuotesAndClusters(ctx context.Context, st store.Store, r *report.Report) error {
	rows, err := st.Occurrences(ctx, store.OccurrenceQuery{})
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	r.Quotes = report.GroupQuotes(occurrences(rows))
	if r.Stories, err = st.Stories(ctx, store.StoryQuery{}); err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	if r.Narratives, err = st.Narratives(ctx); err != nil {
		return fmt.Errorf("narratives: %w", err)
	}
	return nil
}

// printReport prints the stored analysis, of the later stages that ran
// (all when stages is nil), with the problems of the ingest that preceded
// it, if any.
func printReport(ctx context.Context, st store.Store, w io.Writer, stages []string, problems ...string) error {
	r, err := buildReport(ctx, st, stages)
	if err != nil {
		return fmt.Errorf("reading the analysis: %w", err)
	}
	r.Problems = problems
	if flagJSON {
		return report.WriteJSON(w, r)
	}
	return report.WriteText(w, r, documentText(ctx, st))
}

// documentText reads a document's text for the report ("" when it cannot
// be read: the report then shows offsets without text).
func documentText(ctx context.Context, st store.Store) func(id string) string {
	return func(id string) string {
		d, err := st.Document(ctx, id)
		if err != nil {
			return ""
		}
		return d.Text
	}
}
