package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/echotrace/echotrace/internal/doc"
)

// A text search is a condition on the words array (GIN index) and an
// order by date, and the GIN index knows no order. PostgreSQL's planner
// then has two ways to a page, and its costs misjudge both, because they
// leave out what dominates: testing a row's words means reading and
// decompressing its words array (kilobytes, stored out of line), far
// dearer than the planner's price for an operator.
//
//   - Collect every match through the GIN index (a bitmap scan; the index
//     answers @> exactly, so no row's words are read) and sort them: the
//     cost grows with the matches, about a second for a word of every
//     document of 100 000, when the planner even takes a sequential scan
//     that tests every row's words.
//   - Walk the date index and test each row's words until the page is
//     full: the cost grows with the rows walked, the page's depth divided
//     by the share of documents that match, which is a few rows for a
//     common word and the whole table for a rare one.
//
// So a search first tells whether its matches are many (see
// manyMatching), and then takes the way that fits: few matches are
// collected and sorted, many are found by walking the date index. Each
// query is made to take its way with planner settings local to the
// search's read-only transaction. Only the page's seqs are chosen so;
// its rows are read after.

// manyMatches is the number of matches from which a search walks the date
// index. Collecting costs a few microseconds per match; walking costs a
// words test per row walked, two orders of magnitude more, and walks
// (page depth) × (documents / matches) rows: at 100 000 documents and a
// first page of 51, the two meet at about ten thousand matches.
var manyMatches = 10_000

// Planner settings for each way, local to the transaction.
const (
	collectMatches = `SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off`
	walkDateIndex  = `SET LOCAL enable_indexscan = on; SET LOCAL enable_indexonlyscan = on; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off`
)

// searchDocuments answers a text search: words are its folded words, tail
// the WHERE, ORDER BY and LIMIT of the page (words among its conditions),
// order the ORDER BY alone, p the arguments of tail.
func (s *DB) searchDocuments(ctx context.Context, words []string, tail, order string, p params) ([]doc.Document, error) {
	var seqs []int64
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, collectMatches); err != nil {
			return err
		}
		many, err := manyMatching(ctx, tx, words)
		if err != nil {
			return err
		}
		if many {
			if _, err := tx.Exec(ctx, walkDateIndex); err != nil {
				return err
			}
		}
		rows, err := tx.Query(ctx, `SELECT seq FROM documents`+tail, p...)
		if err != nil {
			return err
		}
		seqs, err = pgx.CollectRows(rows, pgx.RowTo[int64])
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: search: %w", err)
	}
	if len(seqs) == 0 {
		return nil, nil
	}
	return s.queryDocuments(ctx, `SELECT `+docColumns+` FROM documents WHERE seq = ANY($1)`+order, seqs)
}

// queryDocuments runs a query whose columns are docColumns.
func (s *DB) queryDocuments(ctx context.Context, query string, args ...any) ([]doc.Document, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: query documents: %w", err)
	}
	defer rows.Close()
	var out []doc.Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, fmt.Errorf("postgres: read document: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// manyMatching tells whether at least manyMatches documents hold every
// word. The planner's estimate answers first: it knows the share of
// documents of every frequent word (ANALYZE's most common elements), and
// reading it costs no row. Where it expects fewer, the matches are
// counted through the GIN index, up to manyMatches, which costs a few
// microseconds per match and catches an estimate from stale statistics.
func manyMatching(ctx context.Context, tx pgx.Tx, words []string) (bool, error) {
	var plan []struct {
		Plan struct {
			Rows float64 `json:"Plan Rows"`
		}
	}
	if err := tx.QueryRow(ctx, `EXPLAIN (FORMAT JSON) SELECT 1 FROM documents WHERE words @> $1`, words).Scan(&plan); err != nil {
		return false, err
	}
	if len(plan) > 0 && plan[0].Plan.Rows >= float64(manyMatches) {
		return true, nil
	}
	var n int
	err := tx.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM documents WHERE words @> $1 LIMIT $2) m`,
		words, manyMatches).Scan(&n)
	return n >= manyMatches, err
}
