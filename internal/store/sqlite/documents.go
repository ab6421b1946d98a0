package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	addTopic("documents",
		// AUTOINCREMENT keeps seq growing even past deleted rows, and
		// its counter lives in the same transaction as the rows, so a
		// killed batch leaves no gap.
		`CREATE TABLE documents (
			seq INTEGER PRIMARY KEY AUTOINCREMENT,
			id TEXT NOT NULL UNIQUE,
			path TEXT NOT NULL DEFAULT '',
			line INTEGER NOT NULL DEFAULT 0,
			series TEXT NOT NULL DEFAULT '',
			title TEXT NOT NULL DEFAULT '',
			outlet TEXT NOT NULL DEFAULT '',
			author TEXT NOT NULL DEFAULT '',
			url TEXT NOT NULL DEFAULT '',
			lang TEXT NOT NULL DEFAULT '',
			date TEXT NOT NULL DEFAULT '',
			date_us INTEGER NOT NULL,
			text TEXT NOT NULL,
			regions TEXT NOT NULL DEFAULT '',
			extra TEXT NOT NULL DEFAULT '',
			bytes INTEGER NOT NULL,
			content_hash TEXT NOT NULL,
			record_hash TEXT NOT NULL
		);
		CREATE INDEX documents_date ON documents(date_us, seq);
		CREATE INDEX documents_outlet ON documents(outlet, date_us, seq);
		CREATE INDEX documents_lang ON documents(lang, date_us, seq);
		CREATE INDEX documents_content_hash ON documents(content_hash);
		INSERT OR IGNORE INTO counters(name, value) VALUES ('corpus_version', 0);`,
		// Full text: an external-content FTS5 index over title and text,
		// so the text is stored once. It is filled by one statement per
		// many documents rather than a trigger per row: FTS5 flushes its
		// pending terms at every statement savepoint, and per-row flushes
		// make indexing several times slower.
		`CREATE VIRTUAL TABLE documents_fts USING fts5(
			title, text, content='documents', content_rowid='seq',
			tokenize='unicode61 remove_diacritics 2');
		CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
			INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
		END;`,
		// The full-text index is deferred (see fts.go): fts_pending holds
		// the documents not indexed yet. A database from before has none
		// (PutDocuments indexed), so the table starts empty. A document
		// that goes leaves the index only if it was in it.
		`CREATE TABLE fts_pending (seq INTEGER PRIMARY KEY);
		DROP TRIGGER documents_fts_delete;
		CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
			INSERT INTO documents_fts(documents_fts, rowid, title, text)
				SELECT 'delete', old.seq, old.title, old.text
				WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE seq = old.seq);
			DELETE FROM fts_pending WHERE seq = old.seq;
		END;`,
		// Ids are scoped by their source now (store/identity.go); the ids
		// given before (file stem, content hash) are marked legacy, and a
		// legacy row takes the new id of the record it holds when that
		// record is ingested again.
		`ALTER TABLE documents ADD COLUMN legacy_id INTEGER NOT NULL DEFAULT 0;
		UPDATE documents SET legacy_id = 1;
		CREATE INDEX documents_legacy ON documents(content_hash) WHERE legacy_id = 1;`,
	)
}

// docColumns are the stored fields of doc.Document, in scanDocument order.
const docColumns = `id, path, line, series, title, outlet, author, url, lang, date, text, regions, extra`

// PutDocuments stores a batch of documents in one transaction.
func (s *DB) PutDocuments(ctx context.Context, docs []doc.Document) (store.PutResult, error) {
	return s.PutBatch(ctx, store.NewBatch(docs))
}

var _ store.BatchPutter = (*DB)(nil)

// PutBatch is PutDocuments of a batch whose records are made.
func (s *DB) PutBatch(ctx context.Context, b store.Batch) (store.PutResult, error) {
	var res store.PutResult
	recs, rejected := b.Records, b.Err()
	if len(recs) == 0 {
		return res, rejected
	}
	var clashes []store.Rejection
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res = store.PutResult{}
		clashes = nil
		lookup, err := tx.PrepareContext(ctx, `SELECT seq, record_hash,
			NOT EXISTS (SELECT 1 FROM fts_pending p WHERE p.seq = documents.seq), path, content_hash FROM documents WHERE id = ?`)
		if err != nil {
			return err
		}
		defer lookup.Close()
		legacy, err := s.legacyAdopter(ctx, tx)
		if err != nil {
			return err
		}
		defer legacy.close()
		insert, err := tx.PrepareContext(ctx, `INSERT INTO documents(`+docColumns+`, date_us, bytes, content_hash, record_hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer insert.Close()
		update, err := tx.PrepareContext(ctx, `UPDATE documents SET path = ?, line = ?, series = ?, title = ?,
			outlet = ?, author = ?, url = ?, lang = ?, date = ?, text = ?, regions = ?, extra = ?,
			date_us = ?, bytes = ?, content_hash = ?, record_hash = ? WHERE seq = ?`)
		if err != nil {
			return err
		}
		defer update.Close()
		unindex, err := tx.PrepareContext(ctx, `INSERT INTO documents_fts(documents_fts, rowid, title, text)
			SELECT 'delete', seq, title, text FROM documents WHERE seq = ?`)
		if err != nil {
			return err
		}
		defer unindex.Close()
		// What this batch has done to each ID so far, so that one ID
		// several times in a batch is taken in order.
		type state struct {
			seq     int64
			hash    string // record hash as stored now, "" when absent
			indexed bool   // is in the full-text index (not pending)
			touched bool   // added or updated by this batch
			stored  store.Stored
		}
		states := map[string]*state{}
		var touched []int64 // seqs to mark pending at the end, once each
		for _, r := range recs {
			d := r.Doc
			st := states[d.ID]
			if st == nil {
				st = &state{}
				states[d.ID] = st
				err := lookup.QueryRowContext(ctx, d.ID).Scan(&st.seq, &st.hash, &st.indexed, &st.stored.Path, &st.stored.ContentHash)
				if err != nil && !errors.Is(err, sql.ErrNoRows) {
					return fmt.Errorf("look up document %q: %w", d.ID, err)
				}
				if st.hash == "" {
					// A legacy row holding this record takes its id.
					found, err := legacy.adopt(ctx, r, &st.seq, &st.hash, &st.indexed, &st.stored)
					if err != nil {
						return err
					}
					if found {
						res.Renamed++
					}
				}
			}
			if st.hash != "" && st.hash != r.RecordHash {
				if err := store.Clash(st.stored, r); err != nil {
					clashes = append(clashes, store.ClashRejection(r, err))
					continue
				}
			}
			switch {
			case st.hash == "":
				added, err := insert.ExecContext(ctx, d.ID, d.Path, d.Line, d.Series, d.Title, d.Outlet, d.Author, d.URL,
					d.Lang, d.Date, d.Text, r.Regions, r.Extra, r.DateMicros, r.Bytes, r.ContentHash, r.RecordHash)
				if err == nil {
					st.seq, err = added.LastInsertId()
				}
				if err != nil {
					return fmt.Errorf("insert document %q: %w", d.ID, err)
				}
				res.Added++
			case st.hash == r.RecordHash:
				res.Unchanged++
				continue
			default:
				if st.indexed {
					// Drop the old terms while the old text is still
					// there to name them; the new text waits for
					// IndexText like a new document.
					if _, err := unindex.ExecContext(ctx, st.seq); err != nil {
						return fmt.Errorf("unindex document %q: %w", d.ID, err)
					}
					st.indexed = false
				}
				if _, err := update.ExecContext(ctx, d.Path, d.Line, d.Series, d.Title, d.Outlet, d.Author, d.URL,
					d.Lang, d.Date, d.Text, r.Regions, r.Extra, r.DateMicros, r.Bytes, r.ContentHash, r.RecordHash, st.seq); err != nil {
					return fmt.Errorf("update document %q: %w", d.ID, err)
				}
				res.Updated++
			}
			st.hash = r.RecordHash
			st.stored = store.Stored{Path: d.Path, ContentHash: r.ContentHash}
			if !st.touched {
				st.touched = true
				touched = append(touched, st.seq)
			}
		}
		if len(touched) > 0 {
			list, err := json.Marshal(touched)
			if err != nil {
				return err
			}
			// OR IGNORE: a document updated while still pending is
			// pending already.
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO fts_pending(seq)
				SELECT value FROM json_each(?)`, string(list)); err != nil {
				return fmt.Errorf("mark documents for the text index: %w", err)
			}
		}
		if n := res.Changed(); n > 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE counters SET value = value + ? WHERE name = 'corpus_version'`, n); err != nil {
				return fmt.Errorf("advance corpus version: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return store.PutResult{}, fmt.Errorf("sqlite: put documents: %w", err)
	}
	return res, store.WithRejections(rejected, clashes)
}

// legacyRows finds and renames the legacy rows of a database migrated
// from ids not scoped by source (see store/identity.go).
type legacyRows struct {
	tx     *sql.Tx
	find   *sql.Stmt // nil when the database has no legacy rows
	rename *sql.Stmt
	forget *sql.Stmt
}

// legacyAdopter prepares the legacy lookup when the database holds any
// legacy row; otherwise adopt finds nothing at no cost.
func (s *DB) legacyAdopter(ctx context.Context, tx *sql.Tx) (*legacyRows, error) {
	l := &legacyRows{tx: tx}
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE legacy_id = 1 LIMIT 1`).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return l, nil
	}
	if err != nil {
		return nil, fmt.Errorf("look for legacy ids: %w", err)
	}
	if l.find, err = tx.PrepareContext(ctx, `SELECT seq, path, line, record_hash,
		NOT EXISTS (SELECT 1 FROM fts_pending p WHERE p.seq = documents.seq)
		FROM documents WHERE legacy_id = 1 AND content_hash = ? ORDER BY seq`); err != nil {
		return nil, err
	}
	if l.rename, err = tx.PrepareContext(ctx, `UPDATE documents SET id = ?, legacy_id = 0 WHERE seq = ?`); err != nil {
		return nil, err
	}
	// Stories name documents by id: the clusterer's state is dropped so
	// that the next analysis places documents under their new ids.
	if l.forget, err = tx.PrepareContext(ctx, `DELETE FROM cluster_state`); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *legacyRows) close() {
	for _, st := range []*sql.Stmt{l.find, l.rename, l.forget} {
		if st != nil {
			st.Close()
		}
	}
}

// adopt renames the legacy row that holds r's record, if any, to r's id,
// and fills in what the caller knows of the stored row.
func (l *legacyRows) adopt(ctx context.Context, r store.Record, seq *int64, hash *string, indexed *bool, stored *store.Stored) (bool, error) {
	if l.find == nil {
		return false, nil
	}
	rows, err := l.find.QueryContext(ctx, r.ContentHash)
	if err != nil {
		return false, fmt.Errorf("look up legacy document for %q: %w", r.Doc.ID, err)
	}
	found := false
	for rows.Next() && !found {
		var path string
		var line int
		if err := rows.Scan(seq, &path, &line, hash, indexed); err != nil {
			rows.Close()
			return false, err
		}
		if store.SameLegacyRecord(path, line, r) {
			found = true
			*stored = store.Stored{Path: path, ContentHash: r.ContentHash}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	if !found {
		*seq, *hash, *indexed = 0, "", false
		return false, nil
	}
	if _, err := l.rename.ExecContext(ctx, r.Doc.ID, *seq); err != nil {
		return false, fmt.Errorf("rename legacy document to %q: %w", r.Doc.ID, err)
	}
	if _, err := l.forget.ExecContext(ctx); err != nil {
		return false, fmt.Errorf("drop the clusterer's state: %w", err)
	}
	return true, nil
}

// scanDocument reads one row of docColumns, after the columns that lead
// scans into, if any.
func scanDocument(row interface{ Scan(...any) error }, lead ...any) (doc.Document, error) {
	var d doc.Document
	var regions, extra string
	dest := append(lead, &d.ID, &d.Path, &d.Line, &d.Series, &d.Title, &d.Outlet, &d.Author, &d.URL,
		&d.Lang, &d.Date, &d.Text, &regions, &extra)
	if err := row.Scan(dest...); err != nil {
		return d, err
	}
	return d, store.DecodeRecord(&d, regions, extra)
}

// Document returns one document by ID.
func (s *DB) Document(ctx context.Context, id string) (doc.Document, error) {
	d, err := scanDocument(s.document.QueryRowContext(ctx, id))
	if errors.Is(err, sql.ErrNoRows) {
		return doc.Document{}, fmt.Errorf("document %q: %w", id, store.ErrNotFound)
	}
	return d, err
}

// queryDocuments runs a query whose columns are docColumns.
func (s *DB) queryDocuments(ctx context.Context, query string, args ...any) ([]doc.Document, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: query documents: %w", err)
	}
	defer rows.Close()
	var out []doc.Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: read document: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Documents returns the documents a query selects.
func (s *DB) Documents(ctx context.Context, q store.DocQuery) ([]doc.Document, error) {
	var where []string
	var args []any
	if q.Outlet != "" {
		where, args = append(where, "outlet = ?"), append(args, q.Outlet)
	}
	if q.Lang != "" {
		where, args = append(where, "lang = ?"), append(args, q.Lang)
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		where, args = append(where, "date_us <> ?"), append(args, store.NoDate)
	}
	if !q.From.IsZero() {
		where, args = append(where, "date_us >= ?"), append(args, store.TimeMicros(q.From))
	}
	if !q.To.IsZero() {
		where, args = append(where, "date_us < ?"), append(args, store.TimeMicros(q.To))
	}
	if q.Text != "" {
		words := store.SearchWords(q.Text)
		if len(words) == 0 {
			return nil, nil
		}
		// The index is deferred (fts.go): catch up first, or documents
		// put since the last search would not be found.
		if err := s.indexForSearch(ctx); err != nil {
			return nil, err
		}
		match := ftsQuery(words)
		// Few matches are looked up by seq and sorted. Many are not: that
		// reads every matching row, seconds for a word of most of 100 000
		// documents. For them "+seq" makes SQLite walk a (…, date_us, seq)
		// index in page order, without the rows, probing the match per
		// entry, which stops after a page for a common word.
		var many bool
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) >= ? FROM
			(SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?)`,
			manyMatches, match, manyMatches).Scan(&many); err != nil {
			return nil, fmt.Errorf("sqlite: search %q: %w", q.Text, err)
		}
		cond := "seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
		if many {
			cond = "+" + cond
		}
		where, args = append(where, cond), append(args, match)
	}
	if len(q.IDs) > 0 {
		ids, err := json.Marshal(q.IDs)
		if err != nil {
			return nil, err
		}
		where, args = append(where, "id IN (SELECT value FROM json_each(?))"), append(args, string(ids))
	}
	if q.After != "" {
		var dateUS, seq int64
		err := s.db.QueryRowContext(ctx, `SELECT date_us, seq FROM documents WHERE id = ?`, q.After).Scan(&dateUS, &seq)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("page after document %q: %w", q.After, store.ErrNotFound)
		}
		if err != nil {
			return nil, fmt.Errorf("sqlite: page after document %q: %w", q.After, err)
		}
		cond := "(date_us > ? OR (date_us = ? AND seq > ?))"
		if q.Desc {
			cond = "(date_us < ? OR (date_us = ? AND seq < ?))"
		}
		where, args = append(where, cond), append(args, dateUS, dateUS, seq)
	}
	order := ` ORDER BY date_us, seq`
	if q.Desc {
		order = ` ORDER BY date_us DESC, seq DESC`
	}
	if q.Text == "" {
		return s.queryDocuments(ctx, `SELECT `+docColumns+` FROM documents`+whereClause(where)+
			order+limitClause(q.Limit, q.Offset), args...)
	}
	// The page of a search is chosen from the index alone (see "+seq"
	// above) and only its rows are read.
	return s.queryDocuments(ctx, `SELECT `+docColumns+` FROM documents WHERE seq IN (SELECT seq FROM documents`+
		whereClause(where)+order+limitClause(q.Limit, q.Offset)+`)`+order, args...)
}

// manyMatches is the number of full-text matches from which a search
// walks the date index rather than sorting its matches: below it, looking
// the matches up costs less than walking an index of 100 000 documents.
const manyMatches = 1000

// ftsQuery is an FTS5 query that requires every word, each quoted so that
// none is read as an operator.
func ftsQuery(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	return strings.Join(quoted, " ")
}

// EachDocument calls fn for every document in ingest order.
func (s *DB) EachDocument(ctx context.Context, fn func(doc.Document) error) error {
	return store.EachByPage(ctx, s.docPage, fn)
}

// docPage reads a page of documents in ingest order.
func (s *DB) docPage(ctx context.Context, after int64, size int) ([]doc.Document, int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, `+docColumns+` FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`, after, size)
	if err != nil {
		return nil, 0, fmt.Errorf("sqlite: read documents: %w", err)
	}
	defer rows.Close()
	page := make([]doc.Document, 0, size)
	for rows.Next() {
		d, err := scanDocument(rows, &after)
		if err != nil {
			return nil, 0, fmt.Errorf("sqlite: read document: %w", err)
		}
		page = append(page, d)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("sqlite: read documents: %w", err)
	}
	return page, after, nil
}

// CountDocuments is the number of documents stored.
func (s *DB) CountDocuments(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM documents`).Scan(&n)
	return n, err
}

// Version is the corpus version.
func (s *DB) Version(ctx context.Context) (int64, error) { return s.counter(ctx, "corpus_version") }
