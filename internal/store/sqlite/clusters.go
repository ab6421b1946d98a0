package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	addTopic("clusters",
		`CREATE TABLE stories (
			ord INTEGER PRIMARY KEY,
			id TEXT NOT NULL UNIQUE, narrative TEXT NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL,
			data TEXT NOT NULL
		);
		CREATE INDEX stories_narrative ON stories(narrative, ord);
		CREATE TABLE story_documents (doc TEXT NOT NULL, story TEXT NOT NULL);
		CREATE INDEX story_documents_doc ON story_documents(doc);
		CREATE INDEX story_documents_story ON story_documents(story);
		CREATE TABLE narratives (
			ord INTEGER PRIMARY KEY,
			id TEXT NOT NULL UNIQUE, first TEXT NOT NULL, last TEXT NOT NULL,
			data TEXT NOT NULL
		);
		CREATE TABLE cluster_state (id INTEGER PRIMARY KEY CHECK (id = 1), data BLOB NOT NULL);
		INSERT OR IGNORE INTO counters(name, value) VALUES ('clusters_version', 0);`,
		backfillClusterCounts,
		// The saved clusterer is kept in parts (rows 1, 2, …): at a
		// million documents it is larger than the 1 GB a field holds.
		`CREATE TABLE cluster_state_parts (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
		INSERT INTO cluster_state_parts(id, data) SELECT id, data FROM cluster_state;
		DROP TABLE cluster_state;
		ALTER TABLE cluster_state_parts RENAME TO cluster_state;`,
	)
}

var _ store.ClusterStore = (*DB)(nil)

// clusterIndexes are the indexes of the story tables that
// ReplaceClusters drops before it inserts and builds again after, as
// ReplaceQuoteRows does the quote tables': the keys of every one come
// in no order (each document's story, each story's narrative), and kept
// up to date row by row each insert is a search of its own through a
// tree that outgrows the step's small cache at a million documents.
// (The stories' and narratives' unique ids stay: they are constraints.)
var clusterIndexes = []string{
	`CREATE INDEX stories_narrative ON stories(narrative, ord)`,
	`CREATE INDEX story_documents_doc ON story_documents(doc)`,
	`CREATE INDEX story_documents_story ON story_documents(story)`,
}

// ReplaceClusters replaces stories, narratives and state unless a newer
// analysis is stored.
func (s *DB) ReplaceClusters(ctx context.Context, version int64, summaries store.ClusterSummaries, state store.StateWriter) (bool, error) {
	replaced := false
	// Stories and the saved state are written once, in order, at the end
	// of the analysis, when its memory is at its peak: the writer's large
	// cache would only hold their dirty pages until the commit (64 MiB,
	// the largest part of the store step's own memory).
	err := s.inTxConn(ctx, readerCacheKiB, func(conn *sql.Conn, tx *sql.Tx) error {
		replaced = false
		res, err := tx.ExecContext(ctx, `UPDATE counters SET value = ? WHERE name = 'clusters_version' AND value <= ?`, version, version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		if err := dropIndexes(ctx, tx, clusterIndexes); err != nil {
			return err
		}
		for _, t := range []string{"stories", "story_documents", "narratives", "cluster_state"} {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+t); err != nil {
				return fmt.Errorf("clear %s: %w", t, err)
			}
		}
		// The state first: a caller may still be making the summaries
		// (store.ClusterSummaries), which the state does not need.
		err = store.WriteStateParts(state, func(id int, part []byte) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO cluster_state(id, data) VALUES (?, ?)`, id, part)
			return err
		})
		if err != nil {
			return fmt.Errorf("store cluster state: %w", err)
		}
		nStories, nNarratives, err := insertClusters(ctx, conn, summaries)
		if err != nil {
			return err
		}
		if err := createIndexes(ctx, tx, clusterIndexes); err != nil {
			return err
		}
		if err := writeClusterCounts(ctx, tx, nStories, nNarratives); err != nil {
			return err
		}
		replaced = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("sqlite: replace clusters: %w", err)
	}
	return replaced, nil
}

// insertClusters inserts the stories, the documents each holds and the
// narratives on conn, whose transaction is open, batch by batch as
// summaries gives them, and says how many stories and narratives there
// were. The summaries are read and encoded on insertTables's producer
// goroutine, beside SQLite's writing of the rows before.
func insertClusters(ctx context.Context, conn *sql.Conn, summaries store.ClusterSummaries) (nStories, nNarratives int, err error) {
	const stories, links, narratives = 0, 1, 2
	tables := []insertTable{
		stories:    {head: "INSERT OR FAIL INTO stories(id, narrative, first, last, data)", cols: 5},
		links:      {head: "INSERT OR FAIL INTO story_documents(doc, story)", cols: 2},
		narratives: {head: "INSERT OR FAIL INTO narratives(id, first, last, data)", cols: 4},
	}
	// errStopped ends the summaries' walk when the writer has stopped
	// (its error is insertTables's).
	errStopped := errors.New("stopped")
	err = insertTables(ctx, conn, tables, func(s *rowSink) error {
		err := summaries.EachStory(func(batch []cluster.Story) error {
			for _, st := range batch {
				data, err := json.Marshal(st)
				if err != nil {
					return fmt.Errorf("encode story %s: %w", st.ID, err)
				}
				b := s.row(stories)
				if b == nil || !s.put(stories, append(b, st.ID, st.Narrative, st.First, st.Last, string(data))) {
					return errStopped
				}
				nStories++
				for _, d := range st.Documents {
					b := s.row(links)
					if b == nil || !s.put(links, append(b, d, st.ID)) {
						return errStopped
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		return summaries.EachNarrative(func(batch []cluster.Narrative) error {
			for _, n := range batch {
				data, err := json.Marshal(n)
				if err != nil {
					return fmt.Errorf("encode narrative %s: %w", n.ID, err)
				}
				b := s.row(narratives)
				if b == nil || !s.put(narratives, append(b, n.ID, n.First, n.Last, string(data))) {
					return errStopped
				}
				nNarratives++
			}
			return nil
		})
	})
	if err != nil {
		return 0, 0, fmt.Errorf("store stories: %w", err)
	}
	return nStories, nNarratives, nil
}

// ClustersVersion is the corpus version the stored clusters describe.
func (s *DB) ClustersVersion(ctx context.Context) (int64, error) {
	return s.counter(ctx, "clusters_version")
}

// Stories returns the stored stories a query selects.
func (s *DB) Stories(ctx context.Context, q store.StoryQuery) ([]cluster.Story, error) {
	var conds []string
	var args []any
	if q.ID != "" {
		conds, args = append(conds, "id = ?"), append(args, q.ID)
	}
	if q.Narrative != "" {
		conds, args = append(conds, "narrative = ?"), append(args, q.Narrative)
	}
	if q.Doc != "" {
		conds, args = append(conds, "id IN (SELECT story FROM story_documents WHERE doc = ?)"), append(args, q.Doc)
	}
	order := ` ORDER BY ord`
	if q.Newest {
		order = ` ORDER BY ord DESC`
	}
	query := `SELECT id, data FROM stories` + whereClause(conds) + order + limitClause(q.Limit, q.Offset)
	return queryJSON[cluster.Story](ctx, s.db, "stories", query, args...)
}

// Narratives returns every stored narrative.
func (s *DB) Narratives(ctx context.Context) ([]cluster.Narrative, error) {
	return queryJSON[cluster.Narrative](ctx, s.db, "narratives", `SELECT id, data FROM narratives ORDER BY ord`)
}

// queryJSON reads rows of (id, JSON data) into values, naming the record
// that does not decode.
func queryJSON[T any](ctx context.Context, db *sql.DB, what, query string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", what, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var id, data string
		if err := rows.Scan(&id, &data); err != nil {
			return nil, fmt.Errorf("sqlite: %s: %w", what, err)
		}
		var v T
		if err := json.Unmarshal([]byte(data), &v); err != nil {
			return nil, fmt.Errorf("sqlite: %s %s: %w", what, id, err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// ClusterState calls read with the saved clusterer, part by part.
func (s *DB) ClusterState(ctx context.Context, read func(io.Reader) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT data FROM cluster_state ORDER BY id`)
	if err != nil {
		return fmt.Errorf("sqlite: cluster state: %w", err)
	}
	defer rows.Close()
	if err := store.ReadStateParts(rows, read); err != nil {
		return fmt.Errorf("sqlite: cluster state: %w", err)
	}
	return nil
}
