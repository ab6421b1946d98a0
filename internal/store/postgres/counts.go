package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/relate"
	"github.com/echotrace/echotrace/internal/store"
)

// Schema steps that compute the counts once for a database written before
// they were kept; appended to the topics whose tables they count. The
// narratives index serves NarrativePage by id.
const (
	backfillReuseCounts = `INSERT INTO counters (name, value)
			SELECT 'relations_' || kind, count(*) FROM relations GROUP BY kind
			ON CONFLICT (name) DO UPDATE SET value = excluded.value;
		INSERT INTO counters (name, value) SELECT 'chains', count(DISTINCT chain) FROM chains
			ON CONFLICT (name) DO UPDATE SET value = excluded.value;`
	backfillClusterCounts = `INSERT INTO counters (name, value) SELECT 'stories', count(*) FROM stories
			ON CONFLICT (name) DO UPDATE SET value = excluded.value;
		INSERT INTO counters (name, value) SELECT 'narratives', count(*) FROM narratives
			ON CONFLICT (name) DO UPDATE SET value = excluded.value;
		CREATE INDEX narratives_id ON narratives (id);`
)

var _ store.CountStore = (*DB)(nil)

// setCounters writes counters in tx.
func setCounters(ctx context.Context, tx pgx.Tx, values map[string]int64) error {
	for name, v := range values {
		if _, err := tx.Exec(ctx, `INSERT INTO counters (name, value) VALUES ($1, $2)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, v); err != nil {
			return fmt.Errorf("count %s: %w", name, err)
		}
	}
	return nil
}

// writeReuseCounts keeps the counts of the reuse results being stored.
func writeReuseCounts(ctx context.Context, tx pgx.Tx, relations []relate.Relation, chains []relate.Chain) error {
	values := map[string]int64{store.CounterChains: int64(len(chains))}
	for k, n := range store.CountRelations(relations) {
		values[store.CounterRelationsOf+string(k)] = n
	}
	return setCounters(ctx, tx, values)
}

// writeClusterCounts keeps the counts of the stories and narratives being
// stored.
func writeClusterCounts(ctx context.Context, tx pgx.Tx, stories, narratives int) error {
	return setCounters(ctx, tx, map[string]int64{store.CounterStories: int64(stories), store.CounterNarratives: int64(narratives)})
}

// Counts reads the kept counts.
func (s *DB) Counts(ctx context.Context) (store.Counts, error) {
	c := store.Counts{Relations: map[relate.Kind]int64{}}
	rows, err := s.pool.Query(ctx, `SELECT name, value FROM counters WHERE `+store.CountsQuery)
	if err != nil {
		return c, fmt.Errorf("postgres: counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var v int64
		if err := rows.Scan(&name, &v); err != nil {
			return c, fmt.Errorf("postgres: counts: %w", err)
		}
		store.SetCount(&c, name, v)
	}
	return c, rows.Err()
}

// NarrativePage reads a page of narratives.
func (s *DB) NarrativePage(ctx context.Context, q store.NarrativeQuery) ([]cluster.Narrative, error) {
	var where []string
	var p params
	if q.ID != "" {
		where = append(where, "id = "+p.add(q.ID))
	}
	return queryJSON[cluster.Narrative](ctx, s, "narratives",
		`SELECT id, data FROM narratives`+whereClause(where)+` ORDER BY ord`+limitClause(q.Limit, q.Offset), p...)
}

// ChainRange reads the chains numbered first to first+n-1.
func (s *DB) ChainRange(ctx context.Context, first, n int) ([]relate.Chain, error) {
	return s.queryChains(ctx, `SELECT chain, doc FROM chains WHERE chain >= $1 AND chain < $2 ORDER BY chain, pos`, first, first+n)
}

// queryChains reads chains with a query of (chain, doc) rows.
func (s *DB) queryChains(ctx context.Context, query string, args ...any) ([]relate.Chain, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: query chains: %w", err)
	}
	defer rows.Close()
	out, err := store.ScanChains(rows)
	if err != nil {
		return nil, fmt.Errorf("postgres: read chains: %w", err)
	}
	return out, nil
}
