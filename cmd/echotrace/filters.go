package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/export"
	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/store"
)

// A filter value that names nothing (a kind that does not exist, a
// document the database lacks) is a usage error, not an empty result: an
// empty list would say "there are none" when the question was mistyped.

// oneOf accepts value when it is empty or one of allowed; otherwise its
// error names the flag and what it accepts.
func oneOf(flag, value string, allowed ...string) error {
	if value == "" {
		return nil
	}
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return fmt.Errorf("--%s %q: want %s", flag, value, orList(allowed))
}

// orList says "a, b or c".
func orList(xs []string) string {
	if len(xs) == 1 {
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// occurrenceKind checks a --kind of quotes.
func occurrenceKind(s string) (extract.Kind, error) {
	return extract.Kind(s), oneOf("kind", s, string(extract.KindQuote), string(extract.KindTerm), string(extract.KindClaim))
}

// entityType checks a --type of entities.
func entityType(s string) (extract.EntityType, error) {
	return extract.EntityType(s), oneOf("type", s, string(extract.Person), string(extract.Org), string(extract.Place))
}

// knownDocument checks that a --doc filter names a stored document.
func knownDocument(ctx context.Context, st store.DocumentStore, flag, id string) error {
	if id == "" {
		return nil
	}
	_, err := st.Document(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("--%s %q: no document with this id in %s", flag, id, flagDB)
	}
	return err
}

// knownSpeaker checks that a --speaker filter names someone quoted.
func knownSpeaker(ctx context.Context, st store.QuoteStore, name string) error {
	if name == "" {
		return nil
	}
	rows, err := st.Occurrences(ctx, store.OccurrenceQuery{Speaker: name, Limit: 1})
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return fmt.Errorf("--speaker %q: nobody of this name is quoted (the text output of quotes lists the speakers by full name)", name)
	}
	return nil
}

// knownNarrative checks that a --narrative filter names a stored narrative.
func knownNarrative(ctx context.Context, st store.ClusterStore, id string) error {
	if id == "" {
		return nil
	}
	ns, err := st.Narratives(ctx)
	if err != nil {
		return err
	}
	for _, n := range ns {
		if n.ID == id {
			return nil
		}
	}
	return fmt.Errorf("--narrative %q: no narrative with this id (narratives lists them)", id)
}

// openExisting opens the database named by --db for a command that reads
// it. A SQLite file that does not exist is an error rather than a new,
// empty database: a mistyped --db must not look like an empty corpus, nor
// leave an empty file behind.
func openExisting(ctx context.Context) (store.Store, error) {
	if scheme, path := store.Scheme(flagDB); scheme == "sqlite" && path != ":memory:" && !strings.HasPrefix(path, "file:") {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("database %s does not exist: ingest documents into it first (echotrace --db %s ingest PATH...), or name another with --db", flagDB, flagDB)
		}
	}
	return openStore(ctx)
}

// docFilterFlags are the flags that select documents by story, narrative
// and date, shared by the commands that take them.
type docFilterFlags struct {
	story, narrative, since, until string
}

func (d *docFilterFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&d.story, "story", "", "only the documents of this story")
	cmd.Flags().StringVar(&d.narrative, "narrative", "", "only the documents of this narrative's stories")
	cmd.Flags().StringVar(&d.since, "since", "", "only documents dated on or after this date (YYYY-MM-DD, YYYY-MM, YYYY or RFC 3339)")
	cmd.Flags().StringVar(&d.until, "until", "", "only documents dated on or before this date (the whole day, month or year named)")
}

// filter checks the flags' values.
func (d *docFilterFlags) filter() (export.Filter, error) {
	f := export.Filter{Story: d.story, Narrative: d.narrative}
	var err error
	if d.since != "" {
		if f.Since, err = export.ParseBound(d.since, false); err != nil {
			return f, fmt.Errorf("--since %w", err)
		}
	}
	if d.until != "" {
		if f.Until, err = export.ParseBound(d.until, true); err != nil {
			return f, fmt.Errorf("--until %w", err)
		}
	}
	return f, nil
}
