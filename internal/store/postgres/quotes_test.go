package postgres_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/echotrace/echotrace/internal/store/storetest"
)

// TestQuotesLocale runs the quote conformance suite in databases whose
// collation sorts "Z" after "a" (ICU, en-US), so the results must still
// come back in byte order of document id, as on SQLite.
func TestQuotesLocale(t *testing.T) {
	storetest.Quotes(t, newICUDSN)
}

// newICUDSN is a new, empty database with an English ICU collation,
// dropped when the test ends. It skips when the server cannot make one
// (built without ICU, or older than PostgreSQL 15).
func newICUDSN(tb testing.TB) string {
	// FORCE: pooled connections of the store under test may linger.
	base, name, err := newScratch(tb, "storetest_icu_",
		"CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'",
		"DROP DATABASE %s WITH (FORCE)")
	if err != nil {
		tb.Skipf("server cannot create a database with an ICU collation: %v", err)
	}
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s: %v", dsnEnv, err)
	}
	u.Path = "/" + name
	return u.String()
}

// TestQuotesCitusReady checks what Citus requires of the quote tables:
// a doc column to distribute by, and no primary, unique, foreign or
// exclusion constraint that leaves it out.
func TestQuotesCitusReady(t *testing.T) {
	ctx := context.Background()
	conn := schemaConn(t)
	for _, table := range []string{"quote_occurrences", "entity_mentions"} {
		t.Run(table, func(t *testing.T) {
			var collation string
			err := conn.QueryRow(ctx, `SELECT coalesce(collation_name, '')
				FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = $1 AND column_name = 'doc'`, table).Scan(&collation)
			if err != nil {
				t.Fatalf("no doc column to distribute by: %v", err)
			}
			if collation != "C" {
				t.Errorf("doc collation %q, want C (byte order on every server)", collation)
			}
			rows, err := conn.Query(ctx, `SELECT c.conname, c.contype::text,
				EXISTS (SELECT 1 FROM pg_attribute a
					WHERE a.attrelid = c.conrelid AND a.attname = 'doc' AND a.attnum = ANY (c.conkey))
				FROM pg_constraint c
				WHERE c.conrelid = (quote_ident(current_schema()) || '.' || $1)::regclass
				AND c.contype IN ('p', 'u', 'f', 'x')`, table)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for rows.Next() {
				var name, kind string
				var withDoc bool
				if err := rows.Scan(&name, &kind, &withDoc); err != nil {
					t.Fatal(err)
				}
				if kind == "f" || !withDoc {
					t.Errorf("constraint %s (type %s) would be refused by Citus", name, kind)
				}
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
		})
	}
}
