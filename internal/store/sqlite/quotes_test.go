package sqlite_test

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/extract"
	"github.com/echotrace/echotrace/internal/store"
	"github.com/echotrace/echotrace/internal/store/sqlite"
)

// quoteIndexes lists the indexes of the quote tables with their
// definitions, as SQLite keeps them.
func quoteIndexes(tb testing.TB, db *sql.DB) []string {
	tb.Helper()
	rows, err := db.Query(`SELECT name || ': ' || sql FROM sqlite_master
		WHERE type = 'index' AND tbl_name IN ('quote_occurrences', 'entity_mentions') AND sql IS NOT NULL ORDER BY name`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			tb.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// A replacement drops the quote tables' indexes and builds them again:
// it must build exactly those the schema steps leave, on a new database
// and on one migrated from before the outlet index of the mentions was
// dropped.
func TestQuoteIndexesAfterReplacement(t *testing.T) {
	ctx := context.Background()
	path := created(t)
	raw := rawFile(t, path)
	fresh := quoteIndexes(t, raw)
	if len(fresh) == 0 || slices.ContainsFunc(fresh, func(s string) bool { return strings.HasPrefix(s, "entity_mentions_outlet") }) {
		t.Fatalf("indexes of a new database: %q", fresh)
	}

	// A database of the schema before: the outlet index, one step less.
	for _, q := range []string{`CREATE INDEX entity_mentions_outlet ON entity_mentions(outlet)`,
		`UPDATE schema_versions SET version = version - 1 WHERE topic = 'quotes'`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := quoteIndexes(t, raw); !slices.Equal(got, fresh) {
		t.Errorf("indexes after the migration:\n%q\nwant\n%q", got, fresh)
	}
	var version int
	if err := raw.QueryRow(`SELECT version FROM schema_versions WHERE topic = 'quotes'`).Scan(&version); err != nil || version != sqlite.SchemaVersions()["quotes"] {
		t.Errorf("quotes schema version %d (%v), want %d", version, err, sqlite.SchemaVersions()["quotes"])
	}

	results := []extract.Result{{Doc: "a", Outlet: "Herald",
		Quotes:   []extract.Occurrence{{Doc: "a", Kind: extract.KindQuote, Begin: 1, End: 9, Text: "the ferry"}},
		Entities: []extract.Entity{{ID: "place/kolvik", Name: "Kolvik", Type: extract.Place, Mentions: []extract.Mention{{Span: doc.Span{Begin: 20, End: 26}, Text: "Kolvik"}}}}}}
	quotes := extract.Link(results)
	if ok, err := s.ReplaceQuoteRows(ctx, 1, store.QuoteRowsOf(results, quotes)); err != nil || !ok {
		t.Fatalf("replace: %v, %v", ok, err)
	}
	if got := quoteIndexes(t, raw); !slices.Equal(got, fresh) {
		t.Errorf("indexes after a replacement:\n%q\nwant\n%q", got, fresh)
	}
	ms, err := s.EntityMentions(ctx, store.EntityQuery{})
	if err != nil || len(ms) != 1 || ms[0].Outlet != "Herald" {
		t.Errorf("mentions = %+v, %v", ms, err)
	}
}
