package postgres

import (
	"cmp"
	"context"
	"fmt"
	"slices"

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
// its rows are read by seq.

// manyMatches is the number of matches from which a search walks the date
// index. Collecting costs about a microsecond per match (100 000 in
// 120 ms on a busy machine); walking costs a words test per row walked,
// about a hundred times more, and walks (page depth) × (documents /
// matches) rows: at 100 000 documents and a first page of 51, the two
// meet at some twenty thousand matches.
var manyMatches = 20_000

// Planner settings for each way, local to the transaction: each a list of
// statements, sent in one batch with the query they are for.
var (
	collectMatches = []string{`SET LOCAL enable_seqscan = off`, `SET LOCAL enable_indexscan = off`, `SET LOCAL enable_indexonlyscan = off`}
	walkDateIndex  = []string{`SET LOCAL enable_indexscan = on`, `SET LOCAL enable_indexonlyscan = on`, `SET LOCAL enable_bitmapscan = off`, `SET LOCAL enable_sort = off`}
)

// searchDocuments answers a text search: words are its folded words, tail
// the WHERE, ORDER BY and LIMIT of the page (words among its conditions),
// p the arguments of tail, desc whether the order is newest first.
//
// Every exchange with the server costs a wait for its process, long on a
// busy machine, so the statements go in batches: the settings and the
// estimate, the count where needed, the settings and the page.
func (s *DB) searchDocuments(ctx context.Context, words []string, tail string, p params, desc bool) ([]doc.Document, error) {
	type row struct {
		dateUS, seq int64
		d           doc.Document
	}
	var page []row
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		many, err := manyMatching(ctx, tx, words)
		if err != nil {
			return err
		}
		settings := collectMatches
		if many {
			settings = walkDateIndex
		}
		b := &pgx.Batch{}
		for _, st := range settings {
			b.Queue(st)
		}
		// The page's seqs are chosen by the index alone; only their rows
		// are read.
		b.Queue(`SELECT date_us, seq, `+docColumns+` FROM documents WHERE seq IN (SELECT seq FROM documents`+tail+`)`, p...).
			Query(func(rows pgx.Rows) error {
				for rows.Next() {
					var r row
					d, err := scanDocument(rows, &r.dateUS, &r.seq)
					if err != nil {
						return err
					}
					r.d = d
					page = append(page, r)
				}
				return rows.Err()
			})
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: search: %w", err)
	}
	slices.SortFunc(page, func(a, b row) int {
		c := cmp.Or(cmp.Compare(a.dateUS, b.dateUS), cmp.Compare(a.seq, b.seq))
		if desc {
			return -c
		}
		return c
	})
	out := make([]doc.Document, len(page))
	for i, r := range page {
		out[i] = r.d
	}
	return out, nil
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
// counted through the GIN index, up to manyMatches, which costs about a
// microsecond per match and catches an estimate from stale statistics.
// It leaves the settings that collect matches in place.
func manyMatching(ctx context.Context, tx pgx.Tx, words []string) (bool, error) {
	var plan []struct {
		Plan struct {
			Rows float64 `json:"Plan Rows"`
		}
	}
	b := &pgx.Batch{}
	for _, st := range collectMatches {
		b.Queue(st)
	}
	b.Queue(`EXPLAIN (FORMAT JSON) SELECT 1 FROM documents WHERE words @> $1`, words).QueryRow(func(r pgx.Row) error {
		return r.Scan(&plan)
	})
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
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
