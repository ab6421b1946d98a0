//go:build unix

package sqlite_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/echotrace/echotrace/internal/store"
	"github.com/echotrace/echotrace/internal/store/sqlite"
)

// replayEnv names a database of `echotrace bench --keep` whose results
// TestReplayStoreSteps stores again.
const replayEnv = "ECHOTRACE_REPLAY_DB"

// TestReplayStoreSteps measures the later stages' store steps alone: it
// copies the database named by ECHOTRACE_REPLAY_DB, reads its quote rows,
// stories, narratives and saved clusterer, and replaces them twice with
// themselves (ReplaceQuoteRows, then ReplaceClusters), logging the CPU and
// wall time of each. Skipped unless the variable is set:
//
//	go test -c -o sqlite.test ./internal/store/sqlite
//	ECHOTRACE_REPLAY_DB=DIR/bench.db ./sqlite.test -test.run ReplayStoreSteps -test.v
//
// The copy keeps the original's page size, so a copy converted to
// another one (PRAGMA page_size; VACUUM) compares page sizes.
func TestReplayStoreSteps(t *testing.T) {
	src := os.Getenv(replayEnv)
	if src == "" {
		t.Skip(replayEnv + " is not set")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "replay.db")
	if err := copyFile(src, path); err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	occs, err := s.Occurrences(ctx, store.OccurrenceQuery{})
	if err != nil {
		t.Fatal(err)
	}
	mentions, err := s.EntityMentions(ctx, store.EntityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	stories, err := s.Stories(ctx, store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	narratives, err := s.Narratives(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var state bytes.Buffer
	if err := s.ClusterState(ctx, func(r io.Reader) error { _, err := io.Copy(&state, r); return err }); err != nil {
		t.Fatal(err)
	}
	quotesVersion, err := s.QuotesVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	clustersVersion, err := s.ClustersVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	measure := func(what string, step func() (bool, error)) {
		cpu, wall := cpuTime(t), time.Now()
		if ok, err := step(); err != nil || !ok {
			t.Fatalf("%s: %v, %v", what, ok, err)
		}
		t.Logf("%s: %.2f CPU s, %.2f s", what, (cpuTime(t) - cpu).Seconds(), time.Since(wall).Seconds())
	}
	t.Logf("%d occurrences, %d mentions, %d stories, %d narratives, saved clusterer %d MiB",
		len(occs), len(mentions), len(stories), len(narratives), state.Len()>>20)
	for i := range int64(2) {
		measure("ReplaceQuoteRows", func() (bool, error) {
			return s.ReplaceQuoteRows(ctx, quotesVersion+1+i, store.QuoteRows{
				Occurrences: sliceSeq(occs),
				Mentions:    sliceSeq(mentions),
			})
		})
		measure("ReplaceClusters", func() (bool, error) {
			return s.ReplaceClusters(ctx, clustersVersion+1+i, store.ClusterList{Stories: stories, Narratives: narratives},
				func(w io.Writer) error { _, err := w.Write(state.Bytes()); return err })
		})
	}
}

// sliceSeq yields the rows of a slice.
func sliceSeq[T any](rows []T) func(func(T, error) bool) {
	return func(yield func(T, error) bool) {
		for _, r := range rows {
			if !yield(r, nil) {
				return
			}
		}
	}
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
