package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store/sqlite"
)

// TestCheckpointsRestartTheLog: with the checkpoints run beside the
// writer, the write-ahead log still starts anew once it is past its
// bound (the next write transaction waits for it to be copied and writes
// from its start), so that it does not grow without end; and every
// document written is there after the store is opened again.
func TestCheckpointsRestartTheLog(t *testing.T) {
	const pages = 64 // 1 MiB of 16 KiB pages
	defer sqlite.SetRestartPages(pages)()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "x.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("Words of a news text. ", 370) // 8 KB
	written := 0
	put := func() {
		t.Helper()
		var batch []doc.Document
		for range 10 {
			batch = append(batch, doc.Document{ID: fmt.Sprintf("d%04d", written), Text: text})
			written++
		}
		if _, err := s.PutDocuments(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	// With no checkpoint after the commits, the log only grows: batches
	// until it is past its bound.
	resume := sqlite.PauseCheckpoints(s, 0)
	for walPages(t, path) < 2*pages {
		if written > 1000 {
			t.Fatalf("the log holds %d pages after %d documents", walPages(t, path), written)
		}
		put()
	}
	before := walPages(t, path)
	// A checkpoint beside the writer would have seen it so: the next
	// write transaction copies the log first and starts a new one, which
	// holds its pages only.
	sqlite.PauseCheckpoints(s, before)
	put()
	resume()
	if after := sqlite.Checkpoint(ctx, s); after >= before/2 {
		t.Errorf("log of %d pages, then %d after one more batch: want a new log", before, after)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openFile(t, path)
	n, err := s.CountDocuments(ctx)
	if err != nil || n != int64(written) {
		t.Fatalf("after reopening: %d documents (%v), want %d", n, err, written)
	}
}

// walPages is the number of pages in the write-ahead log of the database
// at path, from its file's size: right while the log has not started
// anew (it is written from its start again, not made shorter).
func walPages(t *testing.T, path string) int {
	t.Helper()
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	const header, frameHeader, page = 32, 24, 16 << 10
	return int((fi.Size() - header) / (frameHeader + page))
}
