package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	var q store.StoryQuery
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List the stories: the documents that tell the same news",
		Long: `stories lists the groups of documents that report one event, each with a
label (key entities, terms and a representative headline), its documents
and outlets, first and last date, and a timeline of documents per day per
outlet. The analysis is brought up to date first when the corpus has
changed. Use --json for every field.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return listClusters(cmd, "stories", func(ctx context.Context, cs store.ClusterStore) ([]cluster.Story, error) {
				return cs.Stories(ctx, q)
			}, func(s cluster.Story) (cluster.Summary, string) { return s.Summary, "narrative " + s.Narrative })
		},
	}
	cmd.Flags().StringVar(&q.Narrative, "narrative", "", "only the stories of this narrative")
	cmd.Flags().StringVar(&q.Doc, "doc", "", "only the story holding this document")
	cmd.Flags().IntVar(&q.Limit, "limit", 0, "at most this many stories (0: all)")
	rootCmd.AddCommand(cmd)
}

// listClusters prints stories or narratives: as JSON (an empty list, not
// null, when there are none) or as readable summaries.
func listClusters[T any](cmd *cobra.Command, noun string, fetch func(context.Context, store.ClusterStore) ([]T, error), summary func(T) (cluster.Summary, string)) error {
	ctx := cmd.Context()
	cs, closeStore, err := openClusters(ctx, cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	defer closeStore()
	list, err := fetch(ctx, cs)
	if err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	if flagJSON {
		if list == nil {
			list = []T{}
		}
		return writeJSON(w, list)
	}
	for _, x := range list {
		s, extra := summary(x)
		writeSummary(w, s, extra)
	}
	fmt.Fprintf(w, "%d %s\n", len(list), noun)
	return nil
}

// openClusters opens the database, brings its analysis up to date when the
// stored stories describe an older corpus, and returns its cluster topic.
func openClusters(ctx context.Context, errw io.Writer) (store.ClusterStore, func(), error) {
	st, err := openStore(ctx)
	if err != nil {
		return nil, nil, err
	}
	have, err := st.ClustersVersion(ctx)
	if err == nil {
		var want int64
		if want, err = st.Version(ctx); err == nil && have < want {
			err = analyze(ctx, st, errw)
		}
	}
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, func() { st.Close() }, nil
}

// writeSummary prints one story or narrative as a few readable lines.
func writeSummary(w io.Writer, s cluster.Summary, extra string) {
	span := "undated"
	if s.First != "" {
		span = s.First
		if s.Last != s.First {
			span += " .. " + s.Last
		}
	}
	fmt.Fprintf(w, "%s  %s  %d documents, %d outlets", s.ID, span, len(s.Documents), len(s.Outlets))
	if s.Undated > 0 && s.First != "" {
		fmt.Fprintf(w, " (%d undated)", s.Undated)
	}
	if extra != "" && !strings.HasSuffix(extra, " ") {
		fmt.Fprintf(w, "  %s", extra)
	}
	fmt.Fprintf(w, "\n  %s\n  documents: %s\n", s.Label, strings.Join(s.Documents, ", "))
	if len(s.Outlets) > 0 {
		fmt.Fprintf(w, "  outlets: %s\n", strings.Join(s.Outlets, ", "))
	}
	if len(s.Timeline) > 0 {
		var days []string
		for _, d := range s.Timeline {
			o := d.Outlet
			if o == "" {
				o = "?"
			}
			days = append(days, fmt.Sprintf("%s %s×%d", d.Date, o, d.Documents))
		}
		fmt.Fprintf(w, "  timeline: %s\n", strings.Join(days, "; "))
	}
	fmt.Fprintln(w)
}
