package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/echotrace/echotrace/internal/store/storetest"

	_ "github.com/echotrace/echotrace/internal/store/postgres"
)

// dsnEnv names the server the tests use; .ci/postgres.sh starts one and
// sets it.
const dsnEnv = "ECHOTRACE_TEST_POSTGRES"

// newDSN is a new, empty schema in the test server, reached through
// search_path, and dropped when the test ends.
func newDSN(tb testing.TB) string {
	base := os.Getenv(dsnEnv)
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
	schema := "storetest_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s: %v", dsnEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestStore(t *testing.T) { storetest.Run(t, newDSN) }

func TestKill(t *testing.T) { storetest.Kill(t, newDSN) }

func BenchmarkPut(b *testing.B) { storetest.BenchmarkPut(b, newDSN) }

func BenchmarkPutUnchanged(b *testing.B) { storetest.BenchmarkPutUnchanged(b, newDSN) }

func BenchmarkDocuments(b *testing.B) { storetest.BenchmarkDocuments(b, newDSN) }

func TestProcesses(t *testing.T) { storetest.Processes(t, newDSN) }
