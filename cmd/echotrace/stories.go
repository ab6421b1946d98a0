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
			return listClusters(cmd, "story", "stories", func(ctx context.Context, st store.Store) ([]cluster.Story, error) {
				if err := knownDocument(ctx, st, "doc", q.Doc); err != nil {
					return nil, err
				}
				if err := knownNarrative(ctx, st, q.Narrative); err != nil {
					return nil, err
				}
				return st.Stories(ctx, q)
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
func listClusters[T any](cmd *cobra.Command, one, many string, fetch func(context.Context, store.Store) ([]T, error), summary func(T) (cluster.Summary, string)) error {
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
	fmt.Fprintln(w, plural(len(list), one, many))
	return nil
}

// openClusters opens the database, brings its analysis up to date when the
// stored stories describe an older corpus, and returns its cluster topic.
func openClusters(ctx context.Context, errw io.Writer) (store.Store, func(), error) {
	st, err := openExisting(ctx)
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
	fmt.Fprintf(w, "%s  %s  %s, %s", s.ID, span, plural(len(s.Documents), "document", "documents"), plural(len(s.Outlets), "outlet", "outlets"))
	if s.Undated > 0 && s.First != "" {
		fmt.Fprintf(w, " (%d undated)", s.Undated)
	}
	if extra != "" && !strings.HasSuffix(extra, " ") {
		fmt.Fprintf(w, "  %s", extra)
	}
	fmt.Fprintf(w, "\n  %s\n  documents: %s\n", s.Label, capped(s.Documents, maxIDsListed, "document", "documents"))
	if len(s.Outlets) > 0 {
		fmt.Fprintf(w, "  outlets: %s\n", capped(s.Outlets, maxIDsListed, "outlet", "outlets"))
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
		if len(days) > maxIDsListed {
			days = append(days[:maxIDsListed], fmt.Sprintf("… and %d more (--json lists all)", len(s.Timeline)-maxIDsListed))
		}
		fmt.Fprintf(w, "  timeline: %s\n", strings.Join(days, "; "))
	}
	fmt.Fprintln(w)
}
