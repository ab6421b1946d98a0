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
func (s *DB) ReplaceClusters(ctx context.Context, version int64, summaries store.ClusterSummaries, state store.StateWriter) (bool, error) {
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
		// The state first: a caller may still be making the summaries
		// (store.ClusterSummaries), which the state does not need.
		err = store.WriteStateParts(state, func(id int, part []byte) error {
			_, err := tx.Exec(ctx, `INSERT INTO cluster_state (id, data) VALUES ($1, $2)`, id, part)
			return err
		})
		if err != nil {
			return fmt.Errorf("store cluster state: %w", err)
		}
		nStories, nNarratives, err := copyClusters(ctx, tx, summaries)
		if err != nil {
			return err
		}
		if err := writeClusterCounts(ctx, tx, nStories, nNarratives); err != nil {
			return err
		}
		replaced = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("postgres: replace clusters: %w", err)
	}
	return replaced, nil
}

// copyClusters copies the stories, the documents each holds and the
// narratives, one COPY of each kind per batch summaries gives, and says
// how many stories and narratives there were.
func copyClusters(ctx context.Context, tx pgx.Tx, summaries store.ClusterSummaries) (nStories, nNarratives int, err error) {
	copyRows := func(table string, cols []string, rows [][]any) error {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows)); err != nil {
			return fmt.Errorf("store %s: %w", table, err)
		}
		return nil
	}
	var rows, links [][]any
	err = summaries.EachStory(func(batch []cluster.Story) error {
		rows, links = rows[:0], links[:0]
		for _, st := range batch {
			data, err := json.Marshal(st)
			if err != nil {
				return fmt.Errorf("encode story %s: %w", st.ID, err)
			}
			rows = append(rows, []any{st.ID, nStories, st.Narrative, st.First, st.Last, data})
			nStories++
			for _, d := range st.Documents {
				links = append(links, []any{d, st.ID})
			}
		}
		if err := copyRows("stories", []string{"id", "ord", "narrative", "first", "last", "data"}, rows); err != nil {
			return err // the transaction is aborted: a second COPY would only say so
		}
		return copyRows("story_documents", []string{"doc", "story"}, links)
	})
	if err != nil {
		return 0, 0, err
	}
	err = summaries.EachNarrative(func(batch []cluster.Narrative) error {
		rows = rows[:0]
		for _, n := range batch {
			data, err := json.Marshal(n)
			if err != nil {
				return fmt.Errorf("encode narrative %s: %w", n.ID, err)
			}
			rows = append(rows, []any{n.ID, nNarratives, n.First, n.Last, data})
			nNarratives++
		}
		return copyRows("narratives", []string{"id", "ord", "first", "last", "data"}, rows)
	})
	return nStories, nNarratives, err
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
