package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// Schema steps that compute the counts once for a database written before
// they were kept; appended to the topics whose tables they count.
const (
	backfillReuseCounts = `INSERT OR REPLACE INTO counters(name, value)
			SELECT 'relations_' || kind, count(*) FROM relations GROUP BY kind;
		INSERT OR REPLACE INTO counters(name, value) SELECT 'chains', count(DISTINCT chain) FROM chains;`
	backfillClusterCounts = `INSERT OR REPLACE INTO counters(name, value) SELECT 'stories', count(*) FROM stories;
		INSERT OR REPLACE INTO counters(name, value) SELECT 'narratives', count(*) FROM narratives;`
)

var _ store.CountStore = (*DB)(nil)

// setCounters writes counters in tx.
func setCounters(ctx context.Context, tx *sql.Tx, values map[string]int64) error {
	for name, v := range values {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO counters(name, value) VALUES (?, ?)`, name, v); err != nil {
			return fmt.Errorf("count %s: %w", name, err)
		}
	}
	return nil
}

// writeReuseCounts keeps the counts of the reuse results being stored.
func writeReuseCounts(ctx context.Context, tx *sql.Tx, relations []relate.Relation, chains []relate.Chain) error {
	values := map[string]int64{store.CounterChains: int64(len(chains))}
	for k, n := range store.CountRelations(relations) {
		values[store.CounterRelationsOf+string(k)] = n
	}
	return setCounters(ctx, tx, values)
}

// writeClusterCounts keeps the counts of the stories and narratives being
// stored.
func writeClusterCounts(ctx context.Context, tx *sql.Tx, stories, narratives int) error {
	return setCounters(ctx, tx, map[string]int64{store.CounterStories: int64(stories), store.CounterNarratives: int64(narratives)})
}

// Counts reads the kept counts.
func (s *DB) Counts(ctx context.Context) (store.Counts, error) {
	c := store.Counts{Relations: map[relate.Kind]int64{}}
	rows, err := s.db.QueryContext(ctx, `SELECT name, value FROM counters WHERE `+store.CountsQuery+` ESCAPE '\'`)
	if err != nil {
		return c, fmt.Errorf("sqlite: counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var v int64
		if err := rows.Scan(&name, &v); err != nil {
			return c, fmt.Errorf("sqlite: counts: %w", err)
		}
		store.SetCount(&c, name, v)
	}
	return c, rows.Err()
}

// NarrativePage reads a page of narratives.
func (s *DB) NarrativePage(ctx context.Context, q store.NarrativeQuery) ([]cluster.Narrative, error) {
	var conds []string
	var args []any
	if q.ID != "" {
		conds, args = append(conds, "id = ?"), append(args, q.ID)
	}
	return queryJSON[cluster.Narrative](ctx, s.db, "narratives",
		`SELECT id, data FROM narratives`+whereClause(conds)+` ORDER BY ord`+limitClause(q.Limit, q.Offset), args...)
}

// ChainRange reads the chains numbered first to first+n-1.
func (s *DB) ChainRange(ctx context.Context, first, n int) ([]relate.Chain, error) {
	return s.queryChains(ctx, `SELECT chain, doc FROM chains WHERE chain >= ? AND chain < ? ORDER BY chain, pos`, first, first+n)
}

// queryChains reads chains with a query of (chain, doc) rows.
func (s *DB) queryChains(ctx context.Context, query string, args ...any) ([]relate.Chain, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: query chains: %w", err)
	}
	defer rows.Close()
	out, err := store.ScanChains(rows)
	if err != nil {
		return nil, fmt.Errorf("sqlite: read chains: %w", err)
	}
	return out, nil
}
