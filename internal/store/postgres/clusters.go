package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	addTopic("clusters",
		`CREATE TABLE stories (
			id text NOT NULL, ord bigint NOT NULL, narrative text NOT NULL,
			first text NOT NULL, last text NOT NULL, data jsonb NOT NULL
		);
		CREATE INDEX stories_id ON stories (id);
		CREATE INDEX stories_ord ON stories (ord);
		CREATE INDEX stories_narrative ON stories (narrative, ord);
		CREATE TABLE story_documents (doc text NOT NULL, story text NOT NULL);
		CREATE INDEX story_documents_doc ON story_documents (doc);
		CREATE INDEX story_documents_story ON story_documents (story);
		CREATE TABLE narratives (
			id text NOT NULL, ord bigint NOT NULL,
			first text NOT NULL, last text NOT NULL, data jsonb NOT NULL
		);
		CREATE INDEX narratives_ord ON narratives (ord);
		CREATE TABLE cluster_state (id integer PRIMARY KEY CHECK (id = 1), data bytea NOT NULL);
		INSERT INTO counters (name, value) VALUES ('clusters_version', 0) ON CONFLICT DO NOTHING;`,
		backfillClusterCounts,
		// The saved clusterer is kept in parts (rows 1, 2, …): at a
		// million documents it is larger than the 1 GB a field holds.
		`ALTER TABLE cluster_state DROP CONSTRAINT IF EXISTS cluster_state_id_check;`,
	)
}

var _ store.ClusterStore = (*DB)(nil)

// ReplaceClusters replaces stories, narratives and state unless a newer
// analysis is stored.
func (s *DB) ReplaceClusters(ctx context.Context, version int64, stories []cluster.Story, narratives []cluster.Narrative, state store.StateWriter) (bool, error) {
	storyRows := make([][]any, len(stories))
	var linkRows [][]any
	for i, st := range stories {
		data, err := json.Marshal(st)
		if err != nil {
			return false, fmt.Errorf("postgres: encode story %s: %w", st.ID, err)
		}
		storyRows[i] = []any{st.ID, i, st.Narrative, st.First, st.Last, data}
		for _, d := range st.Documents {
			linkRows = append(linkRows, []any{d, st.ID})
		}
	}
	narrRows := make([][]any, len(narratives))
	for i, n := range narratives {
		data, err := json.Marshal(n)
		if err != nil {
			return false, fmt.Errorf("postgres: encode narrative %s: %w", n.ID, err)
		}
		narrRows[i] = []any{n.ID, i, n.First, n.Last, data}
	}
	replaced := false
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		replaced = false
		// The counter row's lock serialises replacements, as for reuse.
		tag, err := tx.Exec(ctx, `UPDATE counters SET value = $1 WHERE name = 'clusters_version' AND value <= $1`, version)
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		if _, err := tx.Exec(ctx, `TRUNCATE stories, story_documents, narratives, cluster_state`); err != nil {
			return fmt.Errorf("clear clusters: %w", err)
		}
		copies := []struct {
			table string
			cols  []string
			rows  [][]any
		}{
			{"stories", []string{"id", "ord", "narrative", "first", "last", "data"}, storyRows},
			{"story_documents", []string{"doc", "story"}, linkRows},
			{"narratives", []string{"id", "ord", "first", "last", "data"}, narrRows},
		}
		for _, c := range copies {
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
				return fmt.Errorf("store %s: %w", c.table, err)
			}
		}
		if err := writeClusterCounts(ctx, tx, len(stories), len(narratives)); err != nil {
			return err
		}
		err = store.WriteStateParts(state, func(id int, part []byte) error {
			_, err := tx.Exec(ctx, `INSERT INTO cluster_state (id, data) VALUES ($1, $2)`, id, part)
			return err
		})
		if err != nil {
			return fmt.Errorf("store cluster state: %w", err)
		}
		replaced = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("postgres: replace clusters: %w", err)
	}
	return replaced, nil
}

// ClustersVersion is the corpus version the stored clusters describe.
func (s *DB) ClustersVersion(ctx context.Context) (int64, error) {
	return s.counter(ctx, "clusters_version")
}

// Stories returns the stored stories a query selects.
func (s *DB) Stories(ctx context.Context, q store.StoryQuery) ([]cluster.Story, error) {
	var where []string
	var p params
	if q.ID != "" {
		where = append(where, "id = "+p.add(q.ID))
	}
	if q.Narrative != "" {
		where = append(where, "narrative = "+p.add(q.Narrative))
	}
	if q.Doc != "" {
		where = append(where, "id IN (SELECT story FROM story_documents WHERE doc = "+p.add(q.Doc)+")")
	}
	order := ` ORDER BY ord`
	if q.Newest {
		order = ` ORDER BY ord DESC`
	}
	return queryJSON[cluster.Story](ctx, s, "stories",
		`SELECT id, data FROM stories`+whereClause(where)+order+limitClause(q.Limit, q.Offset), p...)
}

// Narratives returns every stored narrative.
func (s *DB) Narratives(ctx context.Context) ([]cluster.Narrative, error) {
	return queryJSON[cluster.Narrative](ctx, s, "narratives", `SELECT id, data FROM narratives ORDER BY ord`)
}

// queryJSON reads rows of (id, JSON data) into values, naming the record
// that does not decode.
func queryJSON[T any](ctx context.Context, s *DB, what, query string, args ...any) ([]T, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: query %s: %w", what, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (T, error) {
		var v T
		var id string
		var data []byte
		if err := row.Scan(&id, &data); err != nil {
			return v, err
		}
		if err := json.Unmarshal(data, &v); err != nil {
			return v, fmt.Errorf("%s %s: %w", what, id, err)
		}
		return v, nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: read %s: %w", what, err)
	}
	return out, nil
}

// ClusterState calls read with the saved clusterer, part by part.
func (s *DB) ClusterState(ctx context.Context, read func(io.Reader) error) error {
	rows, err := s.pool.Query(ctx, `SELECT data FROM cluster_state ORDER BY id`)
	if err != nil {
		return fmt.Errorf("postgres: cluster state: %w", err)
	}
	defer rows.Close()
	if err := store.ReadStateParts(rows, read); err != nil {
		return fmt.Errorf("postgres: cluster state: %w", err)
	}
	return nil
}
