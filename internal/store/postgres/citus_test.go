package postgres_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/echotrace/echotrace/internal/store"
)

// TestCitusReady checks what Citus requires of the document and reuse
// tables: the distribution column exists, every primary key, unique and
// exclusion constraint includes it, and there are no foreign keys.
func TestCitusReady(t *testing.T) {
	ctx := context.Background()
	conn := schemaConn(t)
	tables := []struct{ table, column string }{
		{"documents", "id"},
		{"passages", "a_doc"},
		{"relations", "a"},
		{"chains", "chain"},
	}
	for _, tc := range tables {
		t.Run(tc.table, func(t *testing.T) {
			var n int
			if err := conn.QueryRow(ctx, `SELECT count(*) FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2`, tc.table, tc.column).Scan(&n); err != nil || n != 1 {
				t.Fatalf("no distribution column %s: %v", tc.column, err)
			}
			rows, err := conn.Query(ctx, `SELECT c.conname, c.contype::text,
				EXISTS (SELECT 1 FROM pg_attribute a
					WHERE a.attrelid = c.conrelid AND a.attname = $2 AND a.attnum = ANY (c.conkey))
				FROM pg_constraint c
				WHERE c.conrelid = (quote_ident(current_schema()) || '.' || $1)::regclass
				AND c.contype IN ('p', 'u', 'f', 'x')`, tc.table, tc.column)
			if err != nil {
				t.Fatal(err)
			}
			var name, kind string
			var withColumn bool
			if _, err := pgx.ForEachRow(rows, []any{&name, &kind, &withColumn}, func() error {
				if kind == "f" || !withColumn {
					t.Errorf("constraint %s (type %s) would be refused by Citus", name, kind)
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			// Unique indexes made without a constraint count too.
			var bad []string
			rows, err = conn.Query(ctx, `SELECT i.indexrelid::regclass::text FROM pg_index i
				WHERE i.indrelid = (quote_ident(current_schema()) || '.' || $1)::regclass AND i.indisunique
				AND NOT EXISTS (SELECT 1 FROM pg_attribute a
					WHERE a.attrelid = i.indrelid AND a.attname = $2 AND a.attnum = ANY (i.indkey))`, tc.table, tc.column)
			if err != nil {
				t.Fatal(err)
			}
			if bad, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
				t.Fatal(err)
			}
			if len(bad) > 0 {
				t.Errorf("unique indexes without %s: %v", tc.column, bad)
			}
		})
	}
}

// schemaConn returns a connection to a new scratch schema holding the
// store's tables, for inspecting them; it is closed when the test ends.
func schemaConn(t *testing.T) *pgx.Conn {
	t.Helper()
	ctx := context.Background()
	dsn := newDSN(t)
	st, err := store.Open(ctx, dsn) // applies the schema
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}
