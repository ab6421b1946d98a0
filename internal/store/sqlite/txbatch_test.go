package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// TestTxBatch: rows added to a txBatch are all stored, in order, with
// their values, whether they fill whole batches, part of one or none.
func TestTxBatch(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE t (n INTEGER, s TEXT, z TEXT)`); err != nil {
		t.Fatal(err)
	}
	for _, rows := range []int{0, 1, insertBatch - 1, insertBatch, insertBatch + 1, 3*insertBatch + 5} {
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `DELETE FROM t`); err != nil {
				return err
			}
			b, err := newTxBatch(ctx, tx, "t", "n", "s", "z")
			if err != nil {
				return err
			}
			defer b.close()
			for i := range rows {
				var z any // NULL for even rows
				if i%2 == 1 {
					z = "odd"
				}
				if err := b.add(i, fmt.Sprint("row ", i), z); err != nil {
					return err
				}
			}
			if err := b.add(1, 2); err == nil {
				return fmt.Errorf("a row of 2 values for 3 columns was taken")
			}
			return b.flush()
		})
		if err != nil {
			t.Fatalf("%d rows: %v", rows, err)
		}
		r, err := s.db.QueryContext(ctx, `SELECT n, s, z FROM t ORDER BY rowid`)
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
		if got != rows {
			t.Fatalf("%d rows added, %d stored", rows, got)
		}
	}
}
