package sqlite_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"reflect"
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
	return tableIndexes(tb, db, "quote_occurrences", "entity_mentions")
}

// tableIndexes lists the indexes of tables with their definitions, as
// SQLite keeps them (the automatic indexes of unique constraints, which
// have none, left out).
func tableIndexes(tb testing.TB, db *sql.DB, tables ...string) []string {
	tb.Helper()
	names, err := json.Marshal(tables)
	if err != nil {
		tb.Fatal(err)
	}
	rows, err := db.Query(`SELECT name || ': ' || sql FROM sqlite_master
		WHERE type = 'index' AND tbl_name IN (SELECT value FROM json_each(?)) AND sql IS NOT NULL ORDER BY name`, string(names))
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
// dropped and the speaker and kind indexes left out the rows no query
// finds through them.
func TestQuoteIndexesAfterReplacement(t *testing.T) {
	ctx := context.Background()
	path := created(t)
	raw := rawFile(t, path)
	fresh := quoteIndexes(t, raw)
	if len(fresh) == 0 || slices.ContainsFunc(fresh, func(s string) bool { return strings.HasPrefix(s, "entity_mentions_outlet") }) {
		t.Fatalf("indexes of a new database: %q", fresh)
	}
	for _, want := range []string{"WHERE speaker IS NOT NULL", "WHERE kind <> 'quote'"} {
		if !slices.ContainsFunc(fresh, func(s string) bool { return strings.HasSuffix(s, want) }) {
			t.Errorf("no index of a new database ends %q: %q", want, fresh)
		}
	}

	// A database of the schema two steps before: the outlet index, and
	// the speaker and kind indexes of every row.
	for _, q := range []string{`CREATE INDEX entity_mentions_outlet ON entity_mentions(outlet)`,
		`DROP INDEX quote_occurrences_speaker`, `DROP INDEX quote_occurrences_kind`,
		`CREATE INDEX quote_occurrences_speaker ON quote_occurrences(speaker, doc, begin)`,
		`CREATE INDEX quote_occurrences_kind ON quote_occurrences(kind, doc, begin)`,
		`UPDATE schema_versions SET version = version - 2 WHERE topic = 'quotes'`} {
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

// The lists by speaker and by kind go through the indexes that leave
// rows out: SQLite uses a partial index only when the query's terms
// imply its WHERE, which it checks on the statement's text, not on the
// values bound. The quotes, nearly all the rows, are listed through the
// index of documents, which holds the lists' order.
func TestQuoteListPlans(t *testing.T) {
	raw := rawFile(t, created(t))
	for _, c := range []struct{ where, index string }{
		{"speaker = ?", "quote_occurrences_speaker"},
		{"kind = ? AND kind <> 'quote'", "quote_occurrences_kind"},
		{"kind = ?", "quote_occurrences_doc"},
		{"doc = ? AND kind = ?", "quote_occurrences_doc"},
	} {
		rows, err := raw.Query(`EXPLAIN QUERY PLAN SELECT quote FROM quote_occurrences WHERE `+c.where+
			` ORDER BY doc, begin, ord LIMIT 51 OFFSET 100`, anyArgs(strings.Count(c.where, "?"))...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		if len(plan) != 1 || !strings.Contains(plan[0], "USING INDEX "+c.index+" ") && !strings.HasSuffix(plan[0], "USING INDEX "+c.index) {
			t.Errorf("%s: plan %q, want one step through %s (no sort)", c.where, plan, c.index)
		}
	}
}

func anyArgs(n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = "x"
	}
	return out
}

// An occurrence whose one part is the whole of it is stored without the
// JSON of its parts, and reads back as it was given, as do occurrences of
// other parts and the rows of a database written before, which hold the
// JSON of every occurrence.
func TestOccurrencePartsReadBack(t *testing.T) {
	ctx := context.Background()
	path := created(t)
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	occ := func(begin, end int, parts []doc.Span) extract.Occurrence {
		return extract.Occurrence{Doc: "a", Kind: extract.KindQuote, Begin: begin, End: end, Text: "x", Parts: parts}
	}
	given := []extract.Occurrence{
		occ(1, 9, []doc.Span{{Begin: 1, End: 9}}),
		occ(10, 30, []doc.Span{{Begin: 10, End: 14}, {Begin: 20, End: 30}}),
		occ(31, 40, []doc.Span{{Begin: 32, End: 40}}),
		occ(41, 50, nil),
		occ(51, 60, []doc.Span{}),
		occ(0, 0, []doc.Span{{}}),
	}
	results := []extract.Result{{Doc: "a", Outlet: "Herald", Quotes: given}}
	if ok, err := s.ReplaceQuoteRows(ctx, 1, store.QuoteRowsOf(results, extract.Link(results))); err != nil || !ok {
		t.Fatalf("replace: %v, %v", ok, err)
	}
	check := func(when string) {
		t.Helper()
		got, err := s.Occurrences(ctx, store.OccurrenceQuery{})
		if err != nil || len(got) != len(given) {
			t.Fatalf("%s: %d occurrences, %v", when, len(got), err)
		}
		for _, o := range got {
			i := slices.IndexFunc(given, func(g extract.Occurrence) bool { return g.Begin == o.Begin })
			if i < 0 || !reflect.DeepEqual(o.Parts, given[i].Parts) {
				t.Errorf("%s: parts of %d–%d read back %#v, want %#v", when, o.Begin, o.End, o.Parts, given[i].Parts)
			}
		}
	}
	check("stored")
	raw := rawFile(t, path)
	var whole int
	if err := raw.QueryRow(`SELECT count(*) FROM quote_occurrences WHERE parts = ''`).Scan(&whole); err != nil || whole != 2 {
		t.Errorf("%d occurrences stored without their parts' JSON (%v), want 2", whole, err)
	}
	// As a database written before stores them.
	if _, err := raw.Exec(`UPDATE quote_occurrences SET parts = json_array(json_object('begin', begin, 'end', end)) WHERE parts = ''`); err != nil {
		t.Fatal(err)
	}
	check("written as before")
}
