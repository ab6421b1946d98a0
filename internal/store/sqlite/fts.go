package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/echotrace/echotrace/internal/store"
)

// The full-text index (documents_fts, external content over documents) is
// deferred: PutDocuments does not index, it only records in fts_pending
// the seq of every document added or changed, and IndexText indexes those
// documents later, before a text search or when a server starts. Building
// the FTS5 index cost more CPU than everything else PutDocuments does
// together, while only searches need it. Measured with synthetic 3 KB
// articles in batches of 500 (BenchmarkIngest, BenchmarkIndexText and
// larger runs alike): PutDocuments of 100 000 took 34.8 CPU s indexing
// and takes 13.2 without (20 000: 4.9-5.5 and 2.7-3.8); catching up on
// them afterwards takes 14-19 CPU s (20 000: 2.0-2.2), on 1 000 000 it
// took 215 CPU s (6.5 minutes on a busy machine) after 133 CPU s of
// PutDocuments.
//
// The invariant: a document is in documents_fts exactly when its seq is
// not in fts_pending. So an empty fts_pending means "all indexed", which is
// what a database written before the index was deferred has; and an FTS5
// 'delete', which must name the indexed text exactly or the external
// content index is corrupt, is only ever issued for a row not pending
// (PutDocuments before it changes an indexed document, the delete trigger
// before a document goes).
//
// One pending row per new document rather than a watermark ("everything
// up to seq N is indexed") plus a table for updates: the row costs little
// next to the document's own, and one rule is easier to keep right than
// two.

// textIndexChunk is how many pending documents one transaction of
// IndexText indexes. Each chunk commits, so a killed catch-up loses at most
// one chunk, and the write lock is held about a second at a time (news
// articles of 3 KB). Every transaction costs some merging of its own, so
// larger is cheaper, up to a point: catching up on 100 000 such documents
// took 20-21 CPU seconds in chunks of 1000 or 2000 and 14-19 in chunks of
// 5000 or 10 000 (on a shared 2-core machine; repeated runs of one
// setting differ by a third).
//
// The FTS5 settings stay at their defaults, which measured no worse than
// the alternatives at 100 000 documents: automerge 8 or 16 (14-17 CPU s
// either), automerge 2 (30), crisismerge 64 (17-23), automerge 0 with an
// 'optimize' at the end (16 + 3), a larger hashsize (8 or 32 MB: 25-50%
// slower at 20 000 documents) or a smaller one (256 or 512 kB: 10-50%
// slower). Already at the default, a fifth of the CPU time is modernc's
// allocator handing freed term buffers back to the system (madvise), one
// system call each; larger buffers make more of them.
const textIndexChunk = 5000

// textIndexPause is how long IndexText leaves the write lock free between
// chunks. A writer that waits for the lock (busy_timeout) sleeps up to
// 100 ms between tries, and a catch-up that took the lock again at once
// could shut it out for all its minutes, until it gave up after
// BusyTimeout. (With 3 KB articles that was not seen: each commit writes
// enough pages to checkpoint the WAL, without the lock, which gives
// waiting writers their turn; with smaller documents it need not.)
const textIndexPause = 150 * time.Millisecond

var _ store.TextIndexer = (*DB)(nil)

// IndexText brings the full-text index up to date: it indexes the
// documents pending when it is called, a chunk per transaction. Text
// searches call it first; calling it earlier (a server at start) only
// spares the first search the wait.
//
// Concurrent calls in one process take turns (the second then finds
// nothing left to do); catch-ups in several processes are safe because a
// chunk is indexed and removed from fts_pending in one write transaction,
// which SQLite grants to one connection at a time, and each transaction
// reads fts_pending afresh.
func (s *DB) IndexText(ctx context.Context) error {
	select {
	case s.indexing <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.indexing }()
	return s.indexPending(ctx)
}

// searchIndexWait is how long a search waits for a catch-up that another
// caller of this process runs (a server's, started when it starts) before
// it answers store.ErrTextIndexBuilding: after a large ingest the catch-up
// takes minutes, longer than a request should hang. A variable so that
// tests need not wait as long.
var searchIndexWait = 3 * time.Second

// indexForSearch brings the index up to date before a search, like
// IndexText, unless another catch-up holds it for longer than
// searchIndexWait.
func (s *DB) indexForSearch(ctx context.Context) error {
	// Nothing pending (the usual case once a server has caught up):
	// search at once. Taking the token here would make every search of a
	// busy server wait for the one before it, and answer "being built"
	// when the index is built but the machine merely slow.
	var pending bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM fts_pending)`).Scan(&pending); err != nil {
		return fmt.Errorf("sqlite: text index: %w", err)
	}
	if !pending {
		return nil
	}
	wait := time.NewTimer(searchIndexWait)
	defer wait.Stop()
	select {
	case s.indexing <- struct{}{}:
	case <-wait.C:
		return store.ErrTextIndexBuilding
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.indexing }()
	return s.indexPending(ctx)
}

// indexPending indexes what is pending; the caller holds s.indexing.
func (s *DB) indexPending(ctx context.Context) error {
	// Only what is pending now: documents put meanwhile come later in the
	// ingest order (seq only grows), so a catch-up never chases an ingest
	// that runs at the same time.
	var last sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT max(seq) FROM fts_pending`).Scan(&last); err != nil {
		return fmt.Errorf("sqlite: text index: %w", err)
	}
	for last.Valid {
		var done int64
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			var top sql.NullInt64
			if err := tx.QueryRowContext(ctx, `SELECT max(seq) FROM
				(SELECT seq FROM fts_pending WHERE seq <= ? ORDER BY seq LIMIT ?)`, last.Int64, textIndexChunk).Scan(&top); err != nil || !top.Valid {
				return err
			}
			// In ascending seq order: FTS5 writes its in-memory terms
			// out whenever a rowid is not larger than the one before.
			// The IN list drives the lookup; written as a join with
			// fts_pending, the planner read documents from the start
			// in every chunk, and catching up grew quadratic.
			if _, err := tx.ExecContext(ctx, `INSERT INTO documents_fts(rowid, title, text)
				SELECT seq, title, text FROM documents
				WHERE seq IN (SELECT seq FROM fts_pending WHERE seq <= ?) ORDER BY seq`, top.Int64); err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, `DELETE FROM fts_pending WHERE seq <= ?`, top.Int64)
			if err != nil {
				return err
			}
			done, err = res.RowsAffected()
			return err
		})
		if err != nil {
			return fmt.Errorf("sqlite: text index: %w", err)
		}
		if done < textIndexChunk {
			// All taken (anything pending again meanwhile below last
			// was changed while this ran: the next call has it).
			return nil
		}
		select {
		case <-time.After(textIndexPause):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}
