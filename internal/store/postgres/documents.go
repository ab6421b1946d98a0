package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// The full-text index is a GIN index over the set of folded words of
// title and text (store.IndexWords), computed here in Go rather than by
// to_tsvector: that tokenises like SQLite's FTS5, has no size limit, and
// costs a fraction of PostgreSQL's text parser at ingest. A large pending
// list lets inserts append and the index merge them in bulk.
func init() {
	addTopic("documents",
		`CREATE SEQUENCE documents_seq;
		CREATE TABLE documents (
			id text PRIMARY KEY,
			seq bigint NOT NULL,
			path text NOT NULL DEFAULT '',
			line integer NOT NULL DEFAULT 0,
			series text NOT NULL DEFAULT '',
			title text NOT NULL DEFAULT '',
			outlet text NOT NULL DEFAULT '',
			author text NOT NULL DEFAULT '',
			url text NOT NULL DEFAULT '',
			lang text NOT NULL DEFAULT '',
			date text NOT NULL DEFAULT '',
			date_us bigint NOT NULL,
			text text NOT NULL,
			regions text NOT NULL DEFAULT '',
			extra text NOT NULL DEFAULT '',
			bytes integer NOT NULL,
			content_hash text NOT NULL,
			record_hash text NOT NULL,
			words text[] NOT NULL
		);
		CREATE INDEX documents_seq_idx ON documents (seq);
		CREATE INDEX documents_date ON documents (date_us, seq);
		CREATE INDEX documents_outlet ON documents (outlet, date_us, seq);
		CREATE INDEX documents_lang ON documents (lang, date_us, seq);
		CREATE INDEX documents_content_hash ON documents (content_hash);
		CREATE INDEX documents_words ON documents USING gin (words) WITH (fastupdate = on, gin_pending_list_limit = 65536);
		INSERT INTO counters (name, value) VALUES ('corpus_version', 0) ON CONFLICT DO NOTHING;`,
		// Ids are scoped by their source now (store/identity.go); the ids
		// given before (file stem, content hash) are marked legacy, and a
		// legacy row takes the new id of the record it holds when that
		// record is ingested again.
		`ALTER TABLE documents ADD COLUMN legacy_id boolean NOT NULL DEFAULT false;
		UPDATE documents SET legacy_id = true;
		CREATE INDEX documents_legacy ON documents (content_hash) WHERE legacy_id;`,
	)
}

// docColumns are the stored fields of doc.Document, in scanDocument order.
const docColumns = `id, path, line, series, title, outlet, author, url, lang, date, text, regions, extra`

// docRowColumns are the columns PutDocuments writes: docColumns and what
// the store derives from a record.
const docRowColumns = docColumns + `, seq, date_us, bytes, content_hash, record_hash, words`

// upsertConflict makes an insert of a document whose ID is stored with
// another record hash an update (keeping its seq), and of one stored
// exactly so no change (no row returned).
const upsertConflict = `ON CONFLICT (id) DO UPDATE SET path = EXCLUDED.path, line = EXCLUDED.line, series = EXCLUDED.series,
		title = EXCLUDED.title, outlet = EXCLUDED.outlet, author = EXCLUDED.author, url = EXCLUDED.url,
		lang = EXCLUDED.lang, date = EXCLUDED.date, text = EXCLUDED.text, regions = EXCLUDED.regions,
		extra = EXCLUDED.extra, date_us = EXCLUDED.date_us, bytes = EXCLUDED.bytes,
		content_hash = EXCLUDED.content_hash, record_hash = EXCLUDED.record_hash, words = EXCLUDED.words
	WHERE documents.record_hash <> EXCLUDED.record_hash`

// upsertDocument inserts or updates one document, returning the stored
// seq for an insert or update and no row when nothing changed.
const upsertDocument = `INSERT INTO documents (` + docRowColumns + `)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
	` + upsertConflict + ` RETURNING seq`

// PutDocuments stores a batch of documents in one transaction.
func (s *DB) PutDocuments(ctx context.Context, docs []doc.Document) (store.PutResult, error) {
	return s.PutBatch(ctx, store.NewBatch(docs))
}

var _ store.BatchPutter = (*DB)(nil)

// PutBatch is PutDocuments of a batch whose records are made.
func (s *DB) PutBatch(ctx context.Context, b store.Batch) (store.PutResult, error) {
	recs, rejected := b.Records, b.Err()
	renamed, err := s.adoptLegacy(ctx, recs)
	if err != nil {
		return store.PutResult{}, fmt.Errorf("postgres: put documents: %w", err)
	}
	recs, unchanged, clashes, err := s.dropUnchanged(ctx, recs)
	if err != nil {
		return store.PutResult{}, fmt.Errorf("postgres: put documents: %w", err)
	}
	rejected = store.WithRejections(rejected, clashes)
	if len(recs) == 0 {
		return store.PutResult{Unchanged: unchanged, Renamed: renamed}, rejected
	}
	// Sequence numbers in input order, so that ingest order is the order
	// documents were given in; taken outside the transaction because a
	// sequence is not transactional anyway (an aborted batch leaves a gap,
	// which only the order of seq, never its value, may show).
	seqs := make([]int64, 0, len(recs))
	rows, err := s.pool.Query(ctx, `SELECT nextval('documents_seq') FROM generate_series(1, $1)`, len(recs))
	if err != nil {
		return store.PutResult{}, fmt.Errorf("postgres: put documents: %w", err)
	}
	seqs, err = pgx.AppendRows(seqs, rows, pgx.RowTo[int64])
	if err != nil {
		return store.PutResult{}, fmt.Errorf("postgres: put documents: %w", err)
	}
	slices.Sort(seqs)
	// Rows are written in ID order (stable, so one ID twice keeps its
	// order) so that concurrent batches take their row locks in the same
	// order and cannot deadlock.
	order := make([]int, len(recs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(recs[a].Doc.ID, recs[b].Doc.ID) })

	var res store.PutResult
	err = s.inTx(ctx, func(tx pgx.Tx) error {
		res = store.PutResult{Unchanged: unchanged, Renamed: renamed}
		var err error
		if distinctIDs(recs, order) {
			err = putByCopy(ctx, tx, recs, order, seqs, &res)
		} else {
			err = putOneByOne(ctx, tx, recs, order, seqs, &res)
		}
		if err != nil {
			return err
		}
		if n := res.Changed(); n > 0 {
			if _, err := tx.Exec(ctx, `UPDATE counters SET value = value + $1 WHERE name = 'corpus_version'`, n); err != nil {
				return fmt.Errorf("advance corpus version: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return store.PutResult{}, fmt.Errorf("postgres: put documents: %w", err)
	}
	return res, rejected
}

// stagedDocuments is a session's temporary table of the documents of one
// batch on their way in; its rows go at the end of each transaction.
const stagedDocuments = `CREATE TEMP TABLE IF NOT EXISTS documents_in (LIKE documents INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`

// upsertStaged is upsertDocument for every staged document at once, in
// ID order (so that concurrent batches take their row locks in the same
// order), returning the ID and seq of each inserted or updated one.
const upsertStaged = `INSERT INTO documents (` + docRowColumns + `)
	SELECT ` + docRowColumns + ` FROM documents_in ORDER BY id
	` + upsertConflict + ` RETURNING id, seq`

// putByCopy stores a batch of distinct IDs by COPY into a temporary table
// and one INSERT … SELECT from it. Statement by statement, PostgreSQL
// parsed, planned and answered each row, which set the pace of an ingest
// once the word index was no longer kept up to date row by row.
func putByCopy(ctx context.Context, tx pgx.Tx, recs []store.Record, order []int, seqs []int64, res *store.PutResult) error {
	if _, err := tx.Exec(ctx, stagedDocuments); err != nil {
		return fmt.Errorf("stage documents: %w", err)
	}
	cols := strings.Split(strings.ReplaceAll(docRowColumns, " ", ""), ",")
	_, err := tx.CopyFrom(ctx, pgx.Identifier{"documents_in"}, cols, pgx.CopyFromSlice(len(order), func(k int) ([]any, error) {
		i := order[k]
		r, d := recs[i], recs[i].Doc
		return []any{d.ID, d.Path, d.Line, d.Series, d.Title, d.Outlet, d.Author, d.URL, d.Lang,
			d.Date, d.Text, r.Regions, r.Extra, seqs[i], r.DateMicros, r.Bytes, r.ContentHash, r.RecordHash,
			store.IndexWords(d.Title, d.Text)}, nil
	}))
	if err != nil {
		return fmt.Errorf("stage documents: %w", err)
	}
	given := make(map[string]int64, len(recs))
	for i, r := range recs {
		given[r.Doc.ID] = seqs[i]
	}
	rows, err := tx.Query(ctx, upsertStaged)
	if err != nil {
		return fmt.Errorf("store documents: %w", err)
	}
	var id string
	var seq int64
	stored := 0
	if _, err := pgx.ForEachRow(rows, []any{&id, &seq}, func() error {
		stored++
		if seq == given[id] {
			res.Added++
		} else {
			res.Updated++
		}
		return nil
	}); err != nil {
		return fmt.Errorf("store documents: %w", err)
	}
	res.Unchanged += len(recs) - stored
	return nil
}

// distinctIDs says whether no two records of a batch, in ID order, have
// the same ID.
func distinctIDs(recs []store.Record, order []int) bool {
	for k := 1; k < len(order); k++ {
		if recs[order[k]].Doc.ID == recs[order[k-1]].Doc.ID {
			return false
		}
	}
	return true
}

// putOneByOne upserts the documents one statement each (in one round
// trip), in the given order: a batch that holds one ID twice must store
// them in turn, which one INSERT … ON CONFLICT cannot.
func putOneByOne(ctx context.Context, tx pgx.Tx, recs []store.Record, order []int, seqs []int64, res *store.PutResult) error {
	batch := &pgx.Batch{}
	for _, i := range order {
		r, d := recs[i], recs[i].Doc
		batch.Queue(upsertDocument, d.ID, d.Path, d.Line, d.Series, d.Title, d.Outlet, d.Author, d.URL, d.Lang,
			d.Date, d.Text, r.Regions, r.Extra, seqs[i], r.DateMicros, r.Bytes, r.ContentHash, r.RecordHash,
			store.IndexWords(d.Title, d.Text))
	}
	br := tx.SendBatch(ctx, batch)
	for _, i := range order {
		var seq int64
		err := br.QueryRow().Scan(&seq)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			res.Unchanged++
		case err != nil:
			br.Close()
			return fmt.Errorf("store document %q: %w", recs[i].Doc.ID, err)
		case seq == seqs[i]:
			res.Added++
		default:
			res.Updated++
		}
	}
	if err := br.Close(); err != nil {
		return err
	}
	return nil
}

// dropUnchanged leaves out of a batch the documents that are stored
// exactly so already, and counts them, so that re-ingesting a corpus reads
// hashes instead of sending every text, and the documents whose id names
// a different stored record (store.Clash), which it returns as
// rejections. It only decides unchanged documents for IDs that occur once
// in the batch; the upsert decides the rest in order, and also catches a
// document another process stores meanwhile.
func (s *DB) dropUnchanged(ctx context.Context, recs []store.Record) ([]store.Record, int, []store.Rejection, error) {
	if len(recs) == 0 {
		return recs, 0, nil, nil
	}
	times := make(map[string]int, len(recs))
	ids := make([]string, 0, len(recs))
	for _, r := range recs {
		if times[r.Doc.ID]++; times[r.Doc.ID] == 1 {
			ids = append(ids, r.Doc.ID)
		}
	}
	rows, err := s.pool.Query(ctx, `SELECT id, record_hash, path, content_hash FROM documents WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, 0, nil, err
	}
	type row struct {
		hash   string
		stored store.Stored
	}
	stored := make(map[string]row, len(recs))
	var id string
	var r row
	if _, err := pgx.ForEachRow(rows, []any{&id, &r.hash, &r.stored.Path, &r.stored.ContentHash}, func() error {
		stored[id] = r
		return nil
	}); err != nil {
		return nil, 0, nil, err
	}
	keep := recs[:0:0]
	unchanged := 0
	var clashes []store.Rejection
	for _, r := range recs {
		have, ok := stored[r.Doc.ID]
		if ok && have.hash != r.RecordHash {
			if err := store.Clash(have.stored, r); err != nil {
				clashes = append(clashes, store.ClashRejection(r, err))
				continue
			}
		}
		if times[r.Doc.ID] == 1 && have.hash == r.RecordHash {
			unchanged++
			continue
		}
		keep = append(keep, r)
	}
	return keep, unchanged, clashes, nil
}

// adoptLegacy gives the legacy rows that hold records of the batch those
// records' ids (store/identity.go). A row is renamed by copying it under
// the new id and deleting the old, keeping its place (seq): the id is the
// distribution column, which Citus does not let an UPDATE change. It
// returns the number of rows renamed.
func (s *DB) adoptLegacy(ctx context.Context, recs []store.Record) (int, error) {
	var hasLegacy bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM documents WHERE legacy_id)`).Scan(&hasLegacy); err != nil || !hasLegacy {
		return 0, err
	}
	hashes := make([]string, 0, len(recs))
	for _, r := range recs {
		hashes = append(hashes, r.ContentHash)
	}
	renamed := 0
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		renamed = 0
		rows, err := tx.Query(ctx, `SELECT id, path, line, content_hash FROM documents WHERE legacy_id AND content_hash = ANY($1) ORDER BY seq`, hashes)
		if err != nil {
			return err
		}
		type legacyRow struct {
			id, path string
			line     int
		}
		byHash := map[string][]legacyRow{}
		var lr legacyRow
		var hash string
		if _, err := pgx.ForEachRow(rows, []any{&lr.id, &lr.path, &lr.line, &hash}, func() error {
			byHash[hash] = append(byHash[hash], lr)
			return nil
		}); err != nil {
			return err
		}
		taken := map[string]bool{}
		for _, r := range recs {
			var exists bool
			if len(byHash[r.ContentHash]) == 0 {
				continue
			}
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM documents WHERE id = $1)`, r.Doc.ID).Scan(&exists); err != nil {
				return err
			}
			if exists || taken[r.Doc.ID] {
				continue
			}
			for _, l := range byHash[r.ContentHash] {
				if taken[l.id] || !store.SameLegacyRecord(l.path, l.line, r) {
					continue
				}
				if _, err := tx.Exec(ctx, `INSERT INTO documents (`+docColumns+`, seq, date_us, bytes, content_hash, record_hash, words, legacy_id)
					SELECT $1, path, line, series, title, outlet, author, url, lang, date, text, regions, extra, seq, date_us, bytes, content_hash, record_hash, words, false
					FROM documents WHERE id = $2`, r.Doc.ID, l.id); err != nil {
					return fmt.Errorf("rename legacy document %q to %q: %w", l.id, r.Doc.ID, err)
				}
				if _, err := tx.Exec(ctx, `DELETE FROM documents WHERE id = $1`, l.id); err != nil {
					return fmt.Errorf("rename legacy document %q: %w", l.id, err)
				}
				taken[l.id], taken[r.Doc.ID] = true, true
				renamed++
				break
			}
		}
		if renamed > 0 {
			// Stories name documents by id: the next analysis places
			// documents afresh under their new ids.
			if _, err := tx.Exec(ctx, `DELETE FROM cluster_state`); err != nil {
				return err
			}
		}
		return nil
	})
	return renamed, err
}

// scanDocument reads one row of docColumns, after the columns that lead
// scans into, if any.
func scanDocument(row pgx.Row, lead ...any) (doc.Document, error) {
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
	d, err := scanDocument(s.pool.QueryRow(ctx, `SELECT `+docColumns+` FROM documents WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return doc.Document{}, fmt.Errorf("document %q: %w", id, store.ErrNotFound)
	}
	return d, err
}

// Documents returns the documents a query selects.
func (s *DB) Documents(ctx context.Context, q store.DocQuery) ([]doc.Document, error) {
	var where []string
	var p params
	var search []string // the folded words of a text search
	if q.Outlet != "" {
		where = append(where, "outlet = "+p.add(q.Outlet))
	}
	if q.Lang != "" {
		where = append(where, "lang = "+p.add(q.Lang))
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		where = append(where, "date_us <> "+p.add(store.NoDate))
	}
	if !q.From.IsZero() {
		where = append(where, "date_us >= "+p.add(store.TimeMicros(q.From)))
	}
	if !q.To.IsZero() {
		where = append(where, "date_us < "+p.add(store.TimeMicros(q.To)))
	}
	if q.Text != "" {
		words := store.SearchWords(q.Text)
		if len(words) == 0 {
			return nil, nil
		}
		folded := make([]string, 0, len(words))
		for _, w := range words {
			if f := store.FoldWord(w); f != "" { // a word of marks alone folds to nothing
				folded = append(folded, f)
			}
		}
		if len(folded) == 0 {
			return nil, nil
		}
		where = append(where, "words @> "+p.add(folded))
		search = folded
	}
	if len(q.IDs) > 0 {
		where = append(where, "id = ANY("+p.add(q.IDs)+")")
	}
	if q.After != "" {
		var dateUS, seq int64
		err := s.pool.QueryRow(ctx, `SELECT date_us, seq FROM documents WHERE id = $1`, q.After).Scan(&dateUS, &seq)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, fmt.Errorf("page after document %q: %w", q.After, store.ErrNotFound)
		}
		if err != nil {
			return nil, fmt.Errorf("postgres: page after document %q: %w", q.After, err)
		}
		cmp := ">"
		if q.Desc {
			cmp = "<"
		}
		where = append(where, fmt.Sprintf("(date_us, seq) %s (%s, %s)", cmp, p.add(dateUS), p.add(seq)))
	}
	order := ` ORDER BY date_us, seq`
	if q.Desc {
		order = ` ORDER BY date_us DESC, seq DESC`
	}
	if search != nil {
		return s.searchDocuments(ctx, search, whereClause(where)+order+limitClause(q.Limit, q.Offset), p, q.Desc)
	}
	return s.queryDocuments(ctx, `SELECT `+docColumns+` FROM documents`+whereClause(where)+
		order+limitClause(q.Limit, q.Offset), p...)
}

// EachDocument calls fn for every document in ingest order.
func (s *DB) EachDocument(ctx context.Context, fn func(doc.Document) error) error {
	return store.EachByPage(ctx, s.docPage, fn)
}

// docPage reads a page of documents in ingest order.
func (s *DB) docPage(ctx context.Context, after int64, size int) ([]doc.Document, int64, error) {
	rows, err := s.pool.Query(ctx, `SELECT seq, `+docColumns+` FROM documents WHERE seq > $1 ORDER BY seq LIMIT $2`, after, size)
	if err != nil {
		return nil, 0, fmt.Errorf("postgres: read documents: %w", err)
	}
	defer rows.Close()
	page := make([]doc.Document, 0, size)
	for rows.Next() {
		d, err := scanDocument(rows, &after)
		if err != nil {
			return nil, 0, fmt.Errorf("postgres: read document: %w", err)
		}
		page = append(page, d)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("postgres: read documents: %w", err)
	}
	return page, after, nil
}

// CountDocuments is the number of documents stored.
func (s *DB) CountDocuments(ctx context.Context) (int64, error) {
	var n int64
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM documents`).Scan(&n)
	return n, err
}

// Version is the corpus version.
func (s *DB) Version(ctx context.Context) (int64, error) { return s.counter(ctx, "corpus_version") }

// whereClause joins conditions into a WHERE clause ("" for none).
func whereClause(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}
