package sqlite

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// Checkpoints run beside the writer, not in it.
//
// In WAL mode every page written goes into the write-ahead log first and
// into the database file at a checkpoint, which SQLite by default runs in
// the connection that commits once the log holds 1000 pages: it copies
// the log's pages into the file and syncs both, and the disk's syncs are
// waits of tens of milliseconds each in which the writer writes nothing.
// A large analysis writes gigabytes (a million documents' text alone is
// six), a sync every 16 MB, and the writer is the one core the ingest
// and the stores' steps go at the pace of.
//
// So the store turns the automatic checkpoint off (wal_autocheckpoint
// 0, every connection of this process) and a goroutine of its own
// checkpoints after commits (at most every checkpointGap), PASSIVE (it
// never blocks a reader or the writer), on a connection of its own,
// while the writer goes on with its next transaction. A checkpoint that
// runs beside a writer cannot restart the log (a writer does that, at the start of a transaction
// that finds every page of the log copied), so the log would only grow:
// once it holds restartPages, the next write transaction waits for the
// checkpointer to copy what is left (most of it was copied already)
// before it begins, and begins a fresh log. (The log may pass the bound
// by what the writer writes during one checkpoint beside it: the writer
// learns the log's size from the checkpoints.) Durability is what it was:
// with synchronous=NORMAL a commit never waited for the disk; a
// checkpoint syncs what it copies, wherever it runs.
//
// Other processes writing the same file keep their own automatic
// checkpoints (the setting is per connection).

// restartPages is the size of log, in pages, past which a writer waits
// for the log to be copied and starts a new one: 4096 pages of 16 KiB,
// 64 MiB, a few seconds of the ingest's writes. A variable for tests.
var restartPages = 4096

// checkpointer runs the checkpoints of one DB.
type checkpointer struct {
	db   *sql.DB
	wake chan struct{} // a commit happened (capacity 1: wakes coalesce)
	quit chan struct{} // closed by stop
	done chan struct{} // the goroutine has ended
	once sync.Once
	// mu is held while a checkpoint runs, so that a writer waiting for
	// the log to be copied runs its own after the background one.
	mu sync.Mutex
	// logPages is the size of the log the last checkpoint saw.
	logMu    sync.Mutex
	logPages int
	// paused stops the checkpoints after commits (tests); guarded by mu.
	paused bool
}

// startCheckpointer starts the checkpoints of db; stop ends them.
func startCheckpointer(db *sql.DB) *checkpointer {
	c := &checkpointer{db: db, wake: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c
}

func (c *checkpointer) run() {
	defer close(c.done)
	for {
		select {
		case <-c.wake:
			c.afterCommit()
		case <-c.quit:
			return
		}
		// Commits that come faster than checkpointGap share one
		// checkpoint (their wakes coalesce meanwhile): a checkpoint
		// syncs the disk, and one per commit would sync for every small
		// write a server makes, where SQLite's own waited for 1000 pages.
		gap := time.NewTimer(checkpointGap)
		select {
		case <-gap.C:
		case <-c.quit:
			gap.Stop()
			return
		}
	}
}

// checkpointGap is the least time from one checkpoint after commits to
// the next: an ingest commits a batch of 500 documents, some megabytes,
// about every tenth of a second.
const checkpointGap = 250 * time.Millisecond

// committed wakes the checkpointer after a write transaction committed.
func (c *checkpointer) committed() {
	select {
	case c.wake <- struct{}{}:
	default: // a checkpoint is due already
	}
}

// beforeWrite is called before a write transaction begins, and the
// function it returns once the transaction has ended. When the log has
// grown past restartPages, it copies what is left of it into the file,
// so that the transaction starts a new log; until the transaction ends
// no checkpoint runs beside it, for a checkpoint reads the log, and the
// log starts anew only when no one reads it as the transaction writes.
func (c *checkpointer) beforeWrite(ctx context.Context) (ended func()) {
	c.logMu.Lock()
	large := c.logPages >= restartPages
	c.logMu.Unlock()
	if !large {
		return func() {}
	}
	c.mu.Lock()
	c.checkpointLocked(ctx)
	return c.mu.Unlock
}

// afterCommit runs the checkpoint after commits unless they are paused.
// It looks at paused with mu held, so that once a pause has taken mu
// (tests), no checkpoint after commits begins or is still running.
func (c *checkpointer) afterCommit() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.paused {
		c.checkpointLocked(context.Background())
	}
}

// checkpointLocked copies the log's pages into the file (PASSIVE: as
// many as no reader still needs) and notes the log's size. A failed
// checkpoint is no error of anyone's: the pages stay in the log, which
// SQLite reads as well, and the next one copies them.
func (c *checkpointer) checkpointLocked(ctx context.Context) {
	var busy, logPages, copied int
	if err := c.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &logPages, &copied); err != nil {
		return
	}
	c.logMu.Lock()
	c.logPages = logPages
	c.logMu.Unlock()
}

// stop ends the checkpointer once a checkpoint it runs is done; the
// connections' close copies what is left. Calling it again does nothing.
func (c *checkpointer) stop() {
	c.once.Do(func() { close(c.quit) })
	<-c.done
}
