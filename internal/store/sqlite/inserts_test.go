package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestInsertTables: rows added to several tables are all stored, each
// table's in order, with their values, whether they fill whole batches,
// part of one or none; an error of the producer or of a statement rolls
// the work back and is returned, and the producer stops.
func TestInsertTables(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE a (n INTEGER, s TEXT, z TEXT);
		CREATE TABLE b (n INTEGER PRIMARY KEY, s TEXT)`); err != nil {
		t.Fatal(err)
	}
	tables := []insertTable{{head: "INSERT INTO a(n, s, z)", cols: 3}, {head: "INSERT INTO b(n, s)", cols: 2}}
	// fill adds rows of a and, after every third, one of b; n+failAt
	// repeats a key of b when failAt > 0.
	fill := func(rows, failAt int, produceErr error) func(*rowSink) error {
		return func(s *rowSink) error {
			nb := 0
			for i := range rows {
				var z any // NULL for even rows
				if i%2 == 1 {
					z = "odd"
				}
				r := s.row(0)
				if r == nil || !s.put(0, append(r, int64(i), fmt.Sprint("row ", i), z)) {
					return nil
				}
				if i%3 == 2 {
					key := int64(nb)
					if failAt > 0 && nb == failAt {
						key = 0
					}
					r := s.row(1)
					if r == nil || !s.put(1, append(r, key, fmt.Sprint("b ", nb))) {
						return nil
					}
					nb++
				}
			}
			return produceErr
		}
	}
	count := func(table string) int {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, rows := range []int{0, 1, insertBatch - 1, insertBatch, insertBatch + 1, 3*insertBatch + 5, 20 * insertBatch} {
		err := s.inTxConn(ctx, readerCacheKiB, func(conn *sql.Conn, tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `DELETE FROM a; DELETE FROM b`); err != nil {
				return err
			}
			return insertTables(ctx, conn, tables, fill(rows, 0, nil))
		})
		if err != nil {
			t.Fatalf("%d rows: %v", rows, err)
		}
		r, err := s.db.QueryContext(ctx, `SELECT n, s, z FROM a ORDER BY rowid`)
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for r.Next() {
			var n int
			var str string
			var z sql.NullString
			if err := r.Scan(&n, &str, &z); err != nil {
				t.Fatal(err)
			}
			if n != got || str != fmt.Sprint("row ", got) || z.Valid != (got%2 == 1) {
				t.Fatalf("%d rows: row %d is (%d, %q, %v)", rows, got, n, str, z)
			}
			got++
		}
		r.Close()
		if got != rows || count("b") != rows/3 {
			t.Fatalf("%d rows added, %d stored, %d of b (want %d)", rows, got, count("b"), rows/3)
		}
		var bad int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM b WHERE s <> 'b ' || n`).Scan(&bad); err != nil || bad != 0 {
			t.Fatalf("%d rows: %d rows of b differ (%v)", rows, bad, err)
		}
	}

	// Errors: the producer's, and a statement's (a repeated key of b,
	// with the producer far ahead).
	stored := count("a")
	wantErr := errors.New("the rows ended badly")
	for _, c := range []struct {
		fill func(*rowSink) error
		want string
	}{
		{fill(100, 0, wantErr), wantErr.Error()},
		{fill(50*insertBatch, 2*insertBatch, nil), "b: rows 128 to 191: "},
	} {
		err := s.inTxConn(ctx, readerCacheKiB, func(conn *sql.Conn, tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `DELETE FROM a; DELETE FROM b`); err != nil {
				return err
			}
			return insertTables(ctx, conn, tables, c.fill)
		})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want one with %q", err, c.want)
		}
		if n := count("a"); n != stored {
			t.Errorf("after a failed insert, a has %d rows, want the %d from before", n, stored)
		}
	}
}
