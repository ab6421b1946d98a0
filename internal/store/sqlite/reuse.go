package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	addTopic("reuse",
		`CREATE TABLE passages (
			ord INTEGER PRIMARY KEY,
			a_doc TEXT NOT NULL, a_begin INTEGER NOT NULL, a_end INTEGER NOT NULL,
			b_doc TEXT NOT NULL, b_begin INTEGER NOT NULL, b_end INTEGER NOT NULL,
			tokens INTEGER NOT NULL, identity REAL NOT NULL, boilerplate INTEGER NOT NULL
		);
		CREATE INDEX passages_a ON passages(a_doc, b_doc);
		CREATE INDEX passages_b ON passages(b_doc);
		CREATE TABLE relations (
			ord INTEGER PRIMARY KEY,
			a TEXT NOT NULL, b TEXT NOT NULL, kind TEXT NOT NULL,
			coverage_a REAL NOT NULL, coverage_b REAL NOT NULL, passages INTEGER NOT NULL,
			direction TEXT NOT NULL, confidence REAL NOT NULL, reason TEXT NOT NULL
		);
		CREATE INDEX relations_a ON relations(a, b);
		CREATE INDEX relations_b ON relations(b);
		CREATE INDEX relations_kind ON relations(kind);
		CREATE TABLE chains (
			chain INTEGER NOT NULL, pos INTEGER NOT NULL, doc TEXT NOT NULL,
			PRIMARY KEY (chain, pos)
		);
		INSERT OR IGNORE INTO counters(name, value) VALUES ('reuse_version', 0);`,
		backfillReuseCounts,
		reuseSettingsSchema,
	)
}

// ReplaceReuse replaces all reuse results when version is newer than theirs.
func (s *DB) ReplaceReuse(ctx context.Context, version int64, passages []relate.Passage, relations []relate.Relation, chains []relate.Chain) (bool, error) {
	replaced := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE counters SET value = ? WHERE name = 'reuse_version' AND value < ?`, version, version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err // an older or equal analysis: keep what is stored
		}
		for _, t := range []string{"passages", "relations", "chains"} {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+t); err != nil {
				return fmt.Errorf("clear %s: %w", t, err)
			}
		}
		if err := insertEach(ctx, tx, `INSERT INTO passages(ord, a_doc, a_begin, a_end, b_doc, b_begin, b_end, tokens, identity, boilerplate)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, len(passages), func(i int) []any {
			p := passages[i]
			return []any{i, p.A.Doc, p.A.Begin, p.A.End, p.B.Doc, p.B.Begin, p.B.End, p.Tokens, p.Identity, p.Boilerplate}
		}); err != nil {
			return fmt.Errorf("store passages: %w", err)
		}
		if err := insertEach(ctx, tx, `INSERT INTO relations(ord, a, b, kind, coverage_a, coverage_b, passages, direction, confidence, reason)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, len(relations), func(i int) []any {
			r := relations[i]
			return []any{i, r.A, r.B, string(r.Kind), r.CoverageA, r.CoverageB, r.Passages, r.Direction, r.Confidence, r.Reason}
		}); err != nil {
			return fmt.Errorf("store relations: %w", err)
		}
		var links [][3]any
		for c, chain := range chains {
			for pos, d := range chain {
				links = append(links, [3]any{c, pos, d})
			}
		}
		if err := insertEach(ctx, tx, `INSERT INTO chains(chain, pos, doc) VALUES (?, ?, ?)`, len(links), func(i int) []any {
			return links[i][:]
		}); err != nil {
			return fmt.Errorf("store chains: %w", err)
		}
		if err := writeReuseCounts(ctx, tx, relations, chains); err != nil {
			return err
		}
		replaced = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("sqlite: replace reuse results: %w", err)
	}
	return replaced, nil
}

// insertEach runs one prepared statement n times with the arguments args
// gives for each i.
func insertEach(ctx context.Context, tx *sql.Tx, query string, n int, args func(i int) []any) error {
	if n == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return err
	}
	defer st.Close()
	for i := 0; i < n; i++ {
		if _, err := st.ExecContext(ctx, args(i)...); err != nil {
			return fmt.Errorf("row %d: %w", i, err)
		}
	}
	return nil
}

// ReuseVersion is the corpus version the stored reuse results describe.
func (s *DB) ReuseVersion(ctx context.Context) (int64, error) { return s.counter(ctx, "reuse_version") }

// Passages returns the stored passages a query selects.
func (s *DB) Passages(ctx context.Context, q store.PassageQuery) ([]relate.Passage, error) {
	var where []string
	var args []any
	if q.Doc != "" {
		where, args = append(where, "(a_doc = ? OR b_doc = ?)"), append(args, q.Doc, q.Doc)
	}
	if q.Pair != [2]string{} {
		where = append(where, "((a_doc = ? AND b_doc = ?) OR (a_doc = ? AND b_doc = ?))")
		args = append(args, q.Pair[0], q.Pair[1], q.Pair[1], q.Pair[0])
	}
	if !q.IncludeBoilerplate {
		where = append(where, "boilerplate = 0")
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a_doc, a_begin, a_end, b_doc, b_begin, b_end, tokens, identity, boilerplate
		FROM passages`+whereClause(where)+` ORDER BY ord`+limitClause(q.Limit, q.Offset), args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: query passages: %w", err)
	}
	defer rows.Close()
	var out []relate.Passage
	for rows.Next() {
		var p relate.Passage
		if err := rows.Scan(&p.A.Doc, &p.A.Begin, &p.A.End, &p.B.Doc, &p.B.Begin, &p.B.End, &p.Tokens, &p.Identity, &p.Boilerplate); err != nil {
			return nil, fmt.Errorf("sqlite: read passage: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Relations returns the stored relations a query selects.
func (s *DB) Relations(ctx context.Context, q store.RelationQuery) ([]relate.Relation, error) {
	var where []string
	var args []any
	if q.Doc != "" {
		where, args = append(where, "(a = ? OR b = ?)"), append(args, q.Doc, q.Doc)
	}
	if q.Kind != "" {
		where, args = append(where, "kind = ?"), append(args, string(q.Kind))
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a, b, kind, coverage_a, coverage_b, passages, direction, confidence, reason
		FROM relations`+whereClause(where)+` ORDER BY ord`+limitClause(q.Limit, q.Offset), args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: query relations: %w", err)
	}
	defer rows.Close()
	var out []relate.Relation
	for rows.Next() {
		var r relate.Relation
		if err := rows.Scan(&r.A, &r.B, &r.Kind, &r.CoverageA, &r.CoverageB, &r.Passages, &r.Direction, &r.Confidence, &r.Reason); err != nil {
			return nil, fmt.Errorf("sqlite: read relation: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Chains returns the stored provenance chains.
func (s *DB) Chains(ctx context.Context) ([]relate.Chain, error) {
	return s.queryChains(ctx, `SELECT chain, doc FROM chains ORDER BY chain, pos`)
}

// whereClause joins conditions into a WHERE clause ("" for none).
func whereClause(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}
