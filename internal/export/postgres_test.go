package export

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/echotrace/echotrace/internal/store"
	"github.com/echotrace/echotrace/internal/store/postgres"
	"github.com/echotrace/echotrace/internal/testutil"
)

// The same corpus analysed in PostgreSQL exports the same files, byte for
// byte, as in SQLite: the exports read the store only through its
// interface, and both backends must answer its queries in the same order.
func TestPostgresExportsMatchSQLite(t *testing.T) {
	dsn := testutil.PostgresSchema(t, "exporttest_")
	ctx := context.Background()
	pg, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	stores := map[string]store.Store{"sqlite": analysed(t), "postgres": analysedIn(t, pg)}
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			dirs := map[string]string{}
			for name, s := range stores {
				dirs[name] = t.TempDir()
				if _, err := Write(ctx, s, f, dirs[name], Filter{}); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
			}
			for _, file := range Files(f) {
				want, err := os.ReadFile(filepath.Join(dirs["sqlite"], file))
				if err != nil {
					t.Fatal(err)
				}
				got, err := os.ReadFile(filepath.Join(dirs["postgres"], file))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					n, g, w := firstDifference(got, want)
					t.Errorf("%s differs: PostgreSQL %d bytes, SQLite %d bytes; first at line %d:\n  postgres: %.300s\n  sqlite:   %.300s",
						file, len(got), len(want), n, g, w)
				}
			}
		})
	}
}

// firstDifference is the number (from 1) of the first line where a and b
// differ, and that line of each.
func firstDifference(a, b []byte) (int, []byte, []byte) {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; ; i++ {
		var x, y []byte
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if !bytes.Equal(x, y) || i >= len(la) || i >= len(lb) {
			return i + 1, x, y
		}
	}
}
