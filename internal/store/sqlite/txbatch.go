package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// txBatch inserts rows into one table insertBatch at a time within a
// transaction (as insertSeq does for the quote rows: the driver's work per
// statement, not SQLite's per row, is most of what a one-row insert
// costs): full batches by one statement prepared once, the rest by flush.
// Rows go in in the order added. For rows made by callbacks (a story's
// documents beside the story), where insertSeq takes one sequence.
type txBatch struct {
	ctx   context.Context
	tx    *sql.Tx
	head  string // INSERT INTO table(columns)
	cols  int
	full  *sql.Stmt
	args  []any
	added int // rows added, for errors
}

// newTxBatch readies inserts into table's columns.
func newTxBatch(ctx context.Context, tx *sql.Tx, table string, columns ...string) (*txBatch, error) {
	b := &txBatch{
		ctx:  ctx,
		tx:   tx,
		head: "INSERT INTO " + table + "(" + strings.Join(columns, ", ") + ")",
		cols: len(columns),
	}
	var err error
	if b.full, err = tx.PrepareContext(ctx, b.query(insertBatch)); err != nil {
		return nil, err
	}
	b.args = make([]any, 0, insertBatch*b.cols)
	return b, nil
}

// query is the statement inserting n rows.
func (b *txBatch) query(n int) string { return insertStatement(b.head, b.cols, n) }

// add inserts one row, its values in the order of the columns, or keeps it
// for the next full batch.
func (b *txBatch) add(values ...any) error {
	if len(values) != b.cols {
		return fmt.Errorf("sqlite: %d values for %d columns", len(values), b.cols)
	}
	b.args = append(b.args, values...)
	b.added++
	if len(b.args) < insertBatch*b.cols {
		return nil
	}
	_, err := b.full.ExecContext(b.ctx, b.args...)
	clear(b.args)
	b.args = b.args[:0]
	if err != nil {
		return fmt.Errorf("rows %d to %d: %w", b.added-insertBatch+1, b.added, err)
	}
	return nil
}

// flush inserts the rows kept.
func (b *txBatch) flush() error {
	n := len(b.args) / b.cols
	if n == 0 {
		return nil
	}
	_, err := b.tx.ExecContext(b.ctx, b.query(n), b.args...)
	clear(b.args)
	b.args = b.args[:0]
	if err != nil {
		return fmt.Errorf("rows %d to %d: %w", b.added-n+1, b.added, err)
	}
	return nil
}

// close releases the prepared statement.
func (b *txBatch) close() error { return b.full.Close() }
