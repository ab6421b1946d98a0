package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	addTopic("reuse",
		`CREATE TABLE passages (
			a_doc text NOT NULL, ord bigint NOT NULL,
			a_begin integer NOT NULL, a_end integer NOT NULL,
			b_doc text NOT NULL, b_begin integer NOT NULL, b_end integer NOT NULL,
			tokens integer NOT NULL, identity double precision NOT NULL, boilerplate boolean NOT NULL
		);
		CREATE INDEX passages_ord ON passages (ord);
		CREATE INDEX passages_a ON passages (a_doc, b_doc);
		CREATE INDEX passages_b ON passages (b_doc);
		CREATE TABLE relations (
			a text NOT NULL, ord bigint NOT NULL, b text NOT NULL, kind text NOT NULL,
			coverage_a double precision NOT NULL, coverage_b double precision NOT NULL, passages integer NOT NULL,
			direction text NOT NULL, confidence double precision NOT NULL, reason text NOT NULL
		);
		CREATE INDEX relations_ord ON relations (ord);
		CREATE INDEX relations_a ON relations (a, b);
		CREATE INDEX relations_b ON relations (b);
		CREATE INDEX relations_kind ON relations (kind);
		CREATE TABLE chains (
			chain bigint NOT NULL, pos integer NOT NULL, doc text NOT NULL,
			PRIMARY KEY (chain, pos)
		);
		INSERT INTO counters (name, value) VALUES ('reuse_version', 0) ON CONFLICT DO NOTHING;`,
		backfillReuseCounts,
		reuseSettingsSchema,
	)
}

// ReplaceReuse replaces all reuse results when version is newer than theirs.
func (s *DB) ReplaceReuse(ctx context.Context, version int64, passages []relate.Passage, relations []relate.Relation, chains []relate.Chain) (bool, error) {
	replaced := false
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		replaced = false
		// The counter row's lock serialises replacements: a concurrent
		// one waits here, then sees the newer version and gives up.
		tag, err := tx.Exec(ctx, `UPDATE counters SET value = $1 WHERE name = 'reuse_version' AND value < $1`, version)
		if err != nil || tag.RowsAffected() == 0 {
			return err // an older or equal analysis: keep what is stored
		}
		// TRUNCATE rather than DELETE: results can run to millions of
		// rows. Readers wait for the commit instead of seeing a mix.
		if _, err := tx.Exec(ctx, `TRUNCATE passages, relations, chains`); err != nil {
			return fmt.Errorf("clear reuse results: %w", err)
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"passages"},
			[]string{"a_doc", "ord", "a_begin", "a_end", "b_doc", "b_begin", "b_end", "tokens", "identity", "boilerplate"},
			pgx.CopyFromSlice(len(passages), func(i int) ([]any, error) {
				p := passages[i]
				return []any{p.A.Doc, int64(i), p.A.Begin, p.A.End, p.B.Doc, p.B.Begin, p.B.End, p.Tokens, p.Identity, p.Boilerplate}, nil
			})); err != nil {
			return fmt.Errorf("store passages: %w", err)
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"relations"},
			[]string{"a", "ord", "b", "kind", "coverage_a", "coverage_b", "passages", "direction", "confidence", "reason"},
			pgx.CopyFromSlice(len(relations), func(i int) ([]any, error) {
				r := relations[i]
				return []any{r.A, int64(i), r.B, string(r.Kind), r.CoverageA, r.CoverageB, r.Passages, r.Direction, r.Confidence, r.Reason}, nil
			})); err != nil {
			return fmt.Errorf("store relations: %w", err)
		}
		var links [][]any
		for c, chain := range chains {
			for pos, d := range chain {
				links = append(links, []any{int64(c), pos, d})
			}
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"chains"}, []string{"chain", "pos", "doc"}, pgx.CopyFromRows(links)); err != nil {
			return fmt.Errorf("store chains: %w", err)
		}
		if err := writeReuseCounts(ctx, tx, relations, chains); err != nil {
			return err
		}
		replaced = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("postgres: replace reuse results: %w", err)
	}
	return replaced, nil
}

// ReuseVersion is the corpus version the stored reuse results describe.
func (s *DB) ReuseVersion(ctx context.Context) (int64, error) { return s.counter(ctx, "reuse_version") }

// Passages returns the stored passages a query selects.
func (s *DB) Passages(ctx context.Context, q store.PassageQuery) ([]relate.Passage, error) {
	var where []string
	var p params
	if q.Doc != "" {
		d := p.add(q.Doc)
		where = append(where, fmt.Sprintf("(a_doc = %s OR b_doc = %s)", d, d))
	}
	if q.Pair != [2]string{} {
		x, y := p.add(q.Pair[0]), p.add(q.Pair[1])
		where = append(where, fmt.Sprintf("((a_doc = %s AND b_doc = %s) OR (a_doc = %s AND b_doc = %s))", x, y, y, x))
	}
	if !q.IncludeBoilerplate {
		where = append(where, "NOT boilerplate")
	}
	rows, err := s.pool.Query(ctx, `SELECT a_doc, a_begin, a_end, b_doc, b_begin, b_end, tokens, identity, boilerplate
		FROM passages`+whereClause(where)+` ORDER BY ord`+limitClause(q.Limit, q.Offset), p...)
	if err != nil {
		return nil, fmt.Errorf("postgres: query passages: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (relate.Passage, error) {
		var x relate.Passage
		err := row.Scan(&x.A.Doc, &x.A.Begin, &x.A.End, &x.B.Doc, &x.B.Begin, &x.B.End, &x.Tokens, &x.Identity, &x.Boilerplate)
		return x, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: read passages: %w", err)
	}
	return out, nil
}

// Relations returns the stored relations a query selects.
func (s *DB) Relations(ctx context.Context, q store.RelationQuery) ([]relate.Relation, error) {
	var where []string
	var p params
	if q.Doc != "" {
		d := p.add(q.Doc)
		where = append(where, fmt.Sprintf("(a = %s OR b = %s)", d, d))
	}
	if q.Kind != "" {
		where = append(where, "kind = "+p.add(string(q.Kind)))
	}
	rows, err := s.pool.Query(ctx, `SELECT a, b, kind, coverage_a, coverage_b, passages, direction, confidence, reason
		FROM relations`+whereClause(where)+` ORDER BY ord`+limitClause(q.Limit, q.Offset), p...)
	if err != nil {
		return nil, fmt.Errorf("postgres: query relations: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (relate.Relation, error) {
		var r relate.Relation
		var kind string
		err := row.Scan(&r.A, &r.B, &kind, &r.CoverageA, &r.CoverageB, &r.Passages, &r.Direction, &r.Confidence, &r.Reason)
		r.Kind = relate.Kind(kind)
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: read relations: %w", err)
	}
	return out, nil
}

// Chains returns the stored provenance chains.
func (s *DB) Chains(ctx context.Context) ([]relate.Chain, error) {
	return s.queryChains(ctx, `SELECT chain, doc FROM chains ORDER BY chain, pos`)
}
