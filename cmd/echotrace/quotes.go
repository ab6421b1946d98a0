package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/extract"
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
			q.Kind = extract.Kind(kind)
			st, qs, err := openQuoteStore(cmd.Context(), cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer st.Close()
			rows, err := qs.Occurrences(cmd.Context(), q)
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

// openQuoteStore opens the database, brings its analysis up to date and
// returns its quote topic.
func openQuoteStore(ctx context.Context, errw io.Writer) (store.Store, store.QuoteStore, error) {
	st, err := openStore(ctx)
	if err != nil {
		return nil, nil, err
	}
	qs, ok := st.(store.QuoteStore)
	if !ok {
		st.Close()
		return nil, nil, errors.New("this database backend does not keep quotes and entities yet: use a SQLite database")
	}
	if err := analyze(ctx, st, errw); err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, qs, nil
}

// quotesOutput is what `quotes` prints.
type quotesOutput struct {
	Speakers    []speakerCount       `json:"speakers"`
	Quotes      []quoteSummary       `json:"quotes"`
	Occurrences []extract.Occurrence `json:"occurrences"`
}

type speakerCount struct {
	Speaker     string `json:"speaker"`
	Quotes      int    `json:"quotes"`      // distinct quotes and claims
	Occurrences int    `json:"occurrences"` // in all documents
	Documents   int    `json:"documents"`
}

type quoteSummary struct {
	ID          string            `json:"id"`
	Kind        extract.Kind      `json:"kind"`
	Speaker     *string           `json:"speaker"`
	Text        string            `json:"text"`
	Documents   []string          `json:"documents"`
	Occurrences int               `json:"occurrences"`
	Variants    []extract.Variant `json:"variants,omitempty"`
}

// summariseQuotes groups stored occurrences by quote and speaker.
func summariseQuotes(rows []store.OccurrenceRow) quotesOutput {
	out := quotesOutput{Occurrences: make([]extract.Occurrence, 0, len(rows))}
	byQuote := map[string]*extract.Quote{}
	var order []string
	for _, r := range rows {
		out.Occurrences = append(out.Occurrences, r.Occurrence)
		q := byQuote[r.Quote]
		if q == nil {
			q = &extract.Quote{ID: r.Quote, Kind: r.Kind}
			byQuote[r.Quote] = q
			order = append(order, r.Quote)
		}
		q.Occurrences = append(q.Occurrences, r.Occurrence)
		if len(r.Text) > len(q.Text) {
			q.Text = r.Text
		}
	}
	speakers := map[string]*speakerCount{}
	speakerDocs := map[string]map[string]bool{}
	for _, id := range order {
		q := byQuote[id]
		counts := map[string]int{}
		docs := map[string]bool{}
		for _, o := range q.Occurrences {
			docs[o.Doc] = true
			if o.Speaker != "" {
				counts[o.Speaker]++
			}
		}
		s := quoteSummary{ID: id, Kind: q.Kind, Text: q.Text, Occurrences: len(q.Occurrences)}
		for d := range docs {
			s.Documents = append(s.Documents, d)
		}
		sort.Strings(s.Documents)
		if name := mostFrequent(counts); name != "" {
			s.Speaker = &name
			sc := speakers[name]
			if sc == nil {
				sc = &speakerCount{Speaker: name}
				speakers[name] = sc
				speakerDocs[name] = map[string]bool{}
			}
			if q.Kind != extract.KindTerm {
				sc.Quotes++
				sc.Occurrences += len(q.Occurrences)
				for d := range docs {
					speakerDocs[name][d] = true
				}
			}
		}
		if len(q.Occurrences) > 1 {
			s.Variants = extract.Variants(*q)
		}
		out.Quotes = append(out.Quotes, s)
	}
	for name, sc := range speakers {
		sc.Documents = len(speakerDocs[name])
		if sc.Quotes > 0 {
			out.Speakers = append(out.Speakers, *sc)
		}
	}
	sort.Slice(out.Speakers, func(i, j int) bool {
		a, b := out.Speakers[i], out.Speakers[j]
		if a.Occurrences != b.Occurrences {
			return a.Occurrences > b.Occurrences
		}
		return a.Speaker < b.Speaker
	})
	sort.SliceStable(out.Quotes, func(i, j int) bool { return out.Quotes[i].Occurrences > out.Quotes[j].Occurrences })
	return out
}

func mostFrequent(counts map[string]int) string {
	best, n := "", 0
	for s, c := range counts {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}

// printQuotes writes the text form.
func printQuotes(w io.Writer, out quotesOutput) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Most quoted (%d speakers)\n", len(out.Speakers))
	for _, s := range out.Speakers {
		fmt.Fprintf(&b, "  %-32s %3d quotes/claims  %3d occurrences  %3d documents\n", s.Speaker, s.Quotes, s.Occurrences, s.Documents)
	}
	fmt.Fprintf(&b, "\nQuotes (%d)\n", len(out.Quotes))
	for _, q := range out.Quotes {
		speaker := "(speaker unknown)"
		if q.Speaker != nil {
			speaker = *q.Speaker
		}
		if q.Kind == extract.KindTerm {
			speaker = "(term)"
		}
		fmt.Fprintf(&b, "\n[%s] %s %s — %s\n  “%s”\n  in %s\n", q.Kind, q.ID, speaker, plural(q.Occurrences, "occurrence", "occurrences"), clip(q.Text, 300), strings.Join(q.Documents, ", "))
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
