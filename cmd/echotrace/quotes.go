package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/report"
	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	var q store.OccurrenceQuery
	var kind string
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "Who is quoted where: quotes, quoted terms and claims, most quoted people",
		Long: `quotes lists the direct quotes, quoted terms and reported claims found in
the documents, each with its speaker (or none when the text does not say
who spoke), grouped into quotes that recur across documents with their
variants marked word by word ([-removed-] {+added+}), and the most quoted
speakers. It analyses new documents first.

With --json it prints {"speakers", "quotes", "occurrences"}; every
occurrence has doc, begin, end (byte offsets of the quoted text), text,
speaker (or null), speaker_begin and speaker_end (the mention naming or
referring to the speaker in that document, or null), cue, kind
(quote, term or claim) and quote (the id of the quote it belongs to).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if q.Kind, err = occurrenceKind(kind); err != nil {
				return err
			}
			st, err := openAnalysed(cmd.Context(), cmd.ErrOrStderr(), q.Doc)
			if err != nil {
				return err
			}
			defer st.Close()
			if err := knownSpeaker(cmd.Context(), st, q.Speaker); err != nil {
				return err
			}
			rows, err := st.Occurrences(cmd.Context(), q)
			if err != nil {
				return err
			}
			out := summariseQuotes(rows)
			if flagJSON {
				return writeJSON(cmd.OutOrStdout(), out)
			}
			return printQuotes(cmd.OutOrStdout(), out)
		},
	}
	cmd.Flags().StringVar(&q.Doc, "doc", "", "only this document")
	cmd.Flags().StringVar(&q.Speaker, "speaker", "", "only this speaker (full name as listed)")
	cmd.Flags().StringVar(&kind, "kind", "", "only this kind: quote, term or claim")
	cmd.Flags().IntVar(&q.Limit, "limit", 0, "at most this many occurrences (0: all)")
	rootCmd.AddCommand(cmd)
}

// openAnalysed opens the database named by --db and brings its analysis
// up to date, for the commands that read quotes and entities. A --doc
// filter (doc, when not empty) is checked first, so that a mistyped id is
// told at once, not after the analysis.
func openAnalysed(ctx context.Context, errw io.Writer, doc string) (store.Store, error) {
	st, err := openExisting(ctx)
	if err != nil {
		return nil, err
	}
	if err := knownDocument(ctx, st, "doc", doc); err != nil {
		st.Close()
		return nil, err
	}
	if err := analyze(ctx, st, errw); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// quotesOutput is what `quotes` prints.
type quotesOutput struct {
	Speakers    []report.SpeakerCount `json:"speakers"`
	Quotes      []quoteSummary        `json:"quotes"`
	Occurrences []extract.Occurrence  `json:"occurrences"`
}

type quoteSummary struct {
	ID          string            `json:"id"`
	Kind        extract.Kind      `json:"kind"`
	Speaker     *string           `json:"speaker"`
	Source      string            `json:"source,omitempty"` // the source's words when no occurrence names a speaker ("the environment office")
	Text        string            `json:"text"`
	Documents   []string          `json:"documents"`
	Occurrences int               `json:"occurrences"`
	Variants    []extract.Variant `json:"variants,omitempty"`
}

// occurrences drops the outlets of stored rows.
func occurrences(rows []store.OccurrenceRow) []extract.Occurrence {
	out := make([]extract.Occurrence, len(rows))
	for i, r := range rows {
		out[i] = r.Occurrence
	}
	return out
}

// summariseQuotes groups stored occurrences by quote and speaker (the
// same grouping and counts as the report's quotes section).
func summariseQuotes(rows []store.OccurrenceRow) quotesOutput {
	out := quotesOutput{Occurrences: occurrences(rows)}
	quotes := report.GroupQuotes(out.Occurrences)
	out.Speakers = report.MostQuoted(quotes)
	for _, q := range quotes {
		s := quoteSummary{ID: q.ID, Kind: q.Kind, Text: q.Text, Documents: report.QuoteDocuments(q), Occurrences: len(q.Occurrences)}
		if q.Speaker != "" {
			s.Speaker = &q.Speaker
		} else if q.Kind != extract.KindTerm {
			s.Source = unnamedSource(q.Occurrences)
		}
		if len(q.Occurrences) > 1 {
			s.Variants = extract.Variants(q)
		}
		out.Quotes = append(out.Quotes, s)
	}
	sort.SliceStable(out.Quotes, func(i, j int) bool { return out.Quotes[i].Occurrences > out.Quotes[j].Occurrences })
	return out
}

// unnamedSource is the source's words of the first occurrence that has
// them, for a quote no occurrence gives a named speaker.
func unnamedSource(occs []extract.Occurrence) string {
	for _, o := range occs {
		if t := strings.Join(strings.Fields(o.SpeakerText), " "); t != "" {
			return t
		}
	}
	return ""
}

// printQuotes writes the text form.
func printQuotes(w io.Writer, out quotesOutput) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Most quoted (%s)\n", plural(len(out.Speakers), "speaker", "speakers"))
	for _, s := range out.Speakers {
		fmt.Fprintf(&b, "  %-32s %3d %-13s  %3d %-11s  %3d %s\n", s.Speaker, s.Quotes, noun(s.Quotes, "quote/claim", "quotes/claims"),
			s.Occurrences, noun(s.Occurrences, "occurrence", "occurrences"), s.Documents, noun(s.Documents, "document", "documents"))
	}
	fmt.Fprintf(&b, "\nQuotes (%d)\n", len(out.Quotes))
	for _, q := range out.Quotes {
		speaker := "(speaker unknown)"
		if q.Speaker != nil {
			speaker = *q.Speaker
		} else if q.Source != "" {
			speaker = "(speaker unknown; source “" + clip(q.Source, 60) + "”)"
		}
		if q.Kind == extract.KindTerm {
			speaker = "(term)"
		}
		fmt.Fprintf(&b, "\n[%s] %s %s — %s\n  “%s”\n  in %s\n", q.Kind, q.ID, speaker, plural(q.Occurrences, "occurrence", "occurrences"), clip(q.Text, 300), capped(q.Documents, maxIDsListed, "document", "documents"))
		for _, v := range q.Variants {
			if v.Same {
				continue
			}
			fmt.Fprintf(&b, "  variant in %s: %s\n", v.Doc, clip(extract.MarkDiff(v.Edits), 400))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// clip shortens s to at most n bytes on a rune boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
