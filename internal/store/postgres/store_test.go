package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/echotrace/echotrace/internal/store/storetest"
	"github.com/echotrace/echotrace/internal/testutil"

	"github.com/echotrace/echotrace/internal/store/postgres"
)

// dsnEnv names the server the tests use; .ci/postgres.sh starts one and
// sets it.
const dsnEnv = "ECHOTRACE_TEST_POSTGRES"

// newDSN is a new, empty schema in the test server, reached through
// search_path, and dropped when the test ends.
func newDSN(tb testing.TB) string { return testutil.PostgresSchema(tb, "storetest_") }

// newScratch makes an object with a new name (prefix and random hex) in
// the test server, by create with the name for its %s, and drops it by
// drop when the test ends. It returns the server's DSN and the name, and
// skips the test when no server is set.
func newScratch(tb testing.TB, prefix, create, drop string) (base, name string, err error) {
	base = os.Getenv(dsnEnv)
	if base == "" {
		tb.Skip(dsnEnv + " is not set: no PostgreSQL server to test against (.ci/postgres.sh starts one)")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatalf("connect to %s: %v", dsnEnv, err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	name = prefix + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, fmt.Sprintf(create, name)); err != nil {
		return base, name, err
	}
	tb.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			tb.Errorf("drop %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, fmt.Sprintf(drop, name)); err != nil {
			tb.Errorf("drop %s: %v", name, err)
		}
	})
	return base, name, nil
}

func TestStore(t *testing.T) { storetest.Run(t, newDSN) }

func TestKill(t *testing.T) { storetest.Kill(t, newDSN) }

func BenchmarkPut(b *testing.B) { storetest.BenchmarkPut(b, newDSN) }

func BenchmarkPutUnchanged(b *testing.B) { storetest.BenchmarkPutUnchanged(b, newDSN) }

func BenchmarkDocuments(b *testing.B) { storetest.BenchmarkDocuments(b, newDSN) }

func TestProcesses(t *testing.T) { storetest.Processes(t, newDSN) }

func TestQuotes(t *testing.T) { storetest.Quotes(t, newDSN) }

// A search of many matches walks the date index (search.go), here from
// 1 000 matches; one of few collects them, as the other suite tests do.
func TestSearchManyMatches(t *testing.T) {
	defer postgres.SetManyMatches(1000)()
	storetest.SearchManyMatches(t, newDSN)
}

// TestLegacyIDs migrates a database made before ids were scoped by source.
func TestLegacyIDs(t *testing.T) {
	storetest.Legacy(t, newDSN, func(tb testing.TB, dsn string) {
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			tb.Fatal(err)
		}
		defer conn.Close(ctx)
		for _, q := range []string{`DROP INDEX documents_legacy`, `ALTER TABLE documents DROP COLUMN legacy_id`,
			`UPDATE schema_versions SET version = version - 1 WHERE topic = 'documents'`} {
			if _, err := conn.Exec(ctx, q); err != nil {
				tb.Fatalf("%s: %v", q, err)
			}
		}
	})
}

// TestOutletIndexDropped migrates a database made while mentions had an
// index by outlet, which no query used.
func TestOutletIndexDropped(t *testing.T) {
	ctx := context.Background()
	dsn := newDSN(t)
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	indexed := func() bool {
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_indexes
			WHERE schemaname = current_schema() AND indexname = 'entity_mentions_outlet'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n > 0
	}
	if indexed() {
		t.Fatal("a new database has an index of mentions by outlet")
	}
	for _, q := range []string{`CREATE INDEX entity_mentions_outlet ON entity_mentions (outlet)`,
		`UPDATE schema_versions SET version = version - 1 WHERE topic = 'quotes'`} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if !indexed() {
		t.Fatal("the index made as before is not found")
	}
	if s, err = postgres.Open(ctx, dsn); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if indexed() {
		t.Error("the migration kept the index of mentions by outlet")
	}
	var version int
	if err := conn.QueryRow(ctx, `SELECT version FROM schema_versions WHERE topic = 'quotes'`).Scan(&version); err != nil || version != postgres.SchemaVersions()["quotes"] {
		t.Errorf("quotes schema version %d (%v), want %d", version, err, postgres.SchemaVersions()["quotes"])
	}
}
