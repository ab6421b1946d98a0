//go:build unix

package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/store"
	"github.com/echotrace/echotrace/internal/store/sqlite"
)

// replayEnv names a database of `echotrace bench --keep` whose results
// TestReplayStoreSteps stores again.
const replayEnv = "ECHOTRACE_REPLAY_DB"

// BenchmarkReplayStoreSteps measures the later stages' store steps alone:
// it copies the database named by ECHOTRACE_REPLAY_DB, reads its quote
// rows, stories, narratives and saved clusterer, and replaces them with
// themselves (ReplaceQuoteRows, then ReplaceClusters) once an iteration,
// reporting the CPU of each step. Skipped unless the variable is set:
//
//	go test -c -o sqlite.test ./internal/store/sqlite
//	ECHOTRACE_REPLAY_DB=DIR/bench.db ./sqlite.test -test.run XXX -test.bench ReplayStoreSteps -test.benchtime 2x
//
// The copy keeps the original's page size, so a copy converted to
// another one (PRAGMA page_size; VACUUM) compares page sizes.
func BenchmarkReplayStoreSteps(b *testing.B) {
	ctx := context.Background()
	r, path := readReplay(b)
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	occs, mentions, stories, narratives, state := r.occs, r.mentions, r.stories, r.narratives, &r.state
	quotesVersion, clustersVersion := r.quotesVersion, r.clustersVersion
	var quoteCPU, clusterCPU time.Duration
	var i int64
	for b.Loop() {
		i++
		cpu := cpuTime(b)
		if ok, err := s.ReplaceQuoteRows(ctx, quotesVersion+i, store.QuoteRows{
			Occurrences: sliceSeq(occs),
			Mentions:    sliceSeq(mentions),
		}); err != nil || !ok {
			b.Fatalf("ReplaceQuoteRows: %v, %v", ok, err)
		}
		mid := cpuTime(b)
		if ok, err := s.ReplaceClusters(ctx, clustersVersion+i, store.ClusterList{Stories: stories, Narratives: narratives},
			func(w io.Writer) error { _, err := w.Write(state.Bytes()); return err }); err != nil || !ok {
			b.Fatalf("ReplaceClusters: %v, %v", ok, err)
		}
		quoteCPU += mid - cpu
		clusterCPU += cpuTime(b) - mid
	}
	b.ReportMetric(quoteCPU.Seconds()/float64(i), "quote-rows-cpu-s/op")
	b.ReportMetric(clusterCPU.Seconds()/float64(i), "clusters-cpu-s/op")
}

// BenchmarkReplayFreshStoreSteps is BenchmarkReplayStoreSteps into a new
// database each iteration, whose quote and story tables are empty, as
// they are in the first analysis of a corpus (every bench's): the rows
// go onto new pages rather than onto the pages of the rows they replace.
// It reports the CPU of each step and of the whole iteration with the
// Close that copies the write-ahead log into the file (the process's
// CPU: the checkpoint after the quote rows runs beside the stories'
// step). Skipped unless ECHOTRACE_REPLAY_DB is set:
//
//	go test -c -o sqlite.test ./internal/store/sqlite
//	ECHOTRACE_REPLAY_DB=DIR/bench.db ./sqlite.test -test.run XXX -test.bench ReplayFreshStoreSteps -test.benchtime 2x
func BenchmarkReplayFreshStoreSteps(b *testing.B) {
	ctx := context.Background()
	r, _ := readReplay(b)
	var quoteCPU, clusterCPU, allCPU time.Duration
	dir := b.TempDir()
	var i int
	for b.Loop() {
		i++
		path := filepath.Join(dir, fmt.Sprintf("fresh%d.db", i))
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		cpu := cpuTime(b)
		if ok, err := s.ReplaceQuoteRows(ctx, 1, store.QuoteRows{
			Occurrences: sliceSeq(r.occs),
			Mentions:    sliceSeq(r.mentions),
		}); err != nil || !ok {
			b.Fatalf("ReplaceQuoteRows: %v, %v", ok, err)
		}
		mid := cpuTime(b)
		if ok, err := s.ReplaceClusters(ctx, 1, store.ClusterList{Stories: r.stories, Narratives: r.narratives},
			func(w io.Writer) error { _, err := w.Write(r.state.Bytes()); return err }); err != nil || !ok {
			b.Fatalf("ReplaceClusters: %v, %v", ok, err)
		}
		end := cpuTime(b)
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		quoteCPU += mid - cpu
		clusterCPU += end - mid
		allCPU += cpuTime(b) - cpu
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
	}
	b.ReportMetric(quoteCPU.Seconds()/float64(i), "quote-rows-cpu-s/op")
	b.ReportMetric(clusterCPU.Seconds()/float64(i), "clusters-cpu-s/op")
	b.ReportMetric(allCPU.Seconds()/float64(i), "with-close-cpu-s/op")
}

// replayRows are the results of a bench database that the replay
// benchmarks store again.
type replayRows struct {
	occs                           []store.OccurrenceRow
	mentions                       []store.EntityMention
	stories                        []cluster.Story
	narratives                     []cluster.Narrative
	state                          bytes.Buffer
	quotesVersion, clustersVersion int64
}

// readReplay reads the results of a copy of the database named by
// ECHOTRACE_REPLAY_DB, and says where the copy is; it skips b when the
// variable is not set.
func readReplay(b *testing.B) (*replayRows, string) {
	ctx := context.Background()
	path := replayCopy(b)
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := &replayRows{}
	if r.occs, err = s.Occurrences(ctx, store.OccurrenceQuery{}); err != nil {
		b.Fatal(err)
	}
	if r.mentions, err = s.EntityMentions(ctx, store.EntityQuery{}); err != nil {
		b.Fatal(err)
	}
	if r.stories, err = s.Stories(ctx, store.StoryQuery{}); err != nil {
		b.Fatal(err)
	}
	if r.narratives, err = s.Narratives(ctx); err != nil {
		b.Fatal(err)
	}
	if err := s.ClusterState(ctx, func(rd io.Reader) error { _, err := io.Copy(&r.state, rd); return err }); err != nil {
		b.Fatal(err)
	}
	if r.quotesVersion, err = s.QuotesVersion(ctx); err != nil {
		b.Fatal(err)
	}
	if r.clustersVersion, err = s.ClustersVersion(ctx); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d occurrences, %d mentions, %d stories, %d narratives, saved clusterer %d MiB",
		len(r.occs), len(r.mentions), len(r.stories), len(r.narratives), r.state.Len()>>20)
	return r, path
}

// BenchmarkReplayIndexBuilds measures the quote tables' index builds
// alone, with the page cache (which bounds the memory of SQLite's sorter)
// of the writer and of the index builds: it copies the database named by
// ECHOTRACE_REPLAY_DB, drops the indexes, and builds them all in a
// transaction rolled back after, with each cache in turn once an
// iteration, reporting the CPU of each. Skipped unless the variable is
// set:
//
//	go test -c -o sqlite.test ./internal/store/sqlite
//	ECHOTRACE_REPLAY_DB=DIR/bench.db ./sqlite.test -test.run XXX -test.bench ReplayIndexBuilds -test.benchtime 4x
func BenchmarkReplayIndexBuilds(b *testing.B) {
	replayIndexBuilds(b, sqlite.QuoteIndexes)
}

// BenchmarkReplayDocumentIndexBuilds is BenchmarkReplayIndexBuilds of
// the documents' indexes that an ingest builds at its end (bulk.go).
func BenchmarkReplayDocumentIndexBuilds(b *testing.B) {
	replayIndexBuilds(b, sqlite.DeferredIndexes())
}

// replayIndexBuilds measures the builds of the indexes defs create, as
// BenchmarkReplayIndexBuilds says.
func replayIndexBuilds(b *testing.B, defs []string) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", replayCopy(b)+"?_pragma=busy_timeout(60000)&_txlock=immediate")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	for _, def := range defs {
		if _, err := conn.ExecContext(ctx, "DROP INDEX IF EXISTS "+sqlite.IndexName(def)); err != nil {
			b.Fatal(err)
		}
	}
	caches := []struct {
		name string
		kib  int
	}{{"writer-cache", sqlite.WriterCacheKiB}, {"sorter-cache", sqlite.SorterCacheKiB}}
	cpu := make([]time.Duration, len(caches))
	n := 0
	for b.Loop() {
		n++
		for i, c := range caches {
			tx, err := conn.BeginTx(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			start := cpuTime(b)
			if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size=%d", c.kib)); err != nil {
				b.Fatal(err)
			}
			for _, def := range defs {
				if _, err := tx.ExecContext(ctx, def); err != nil {
					b.Fatal(err)
				}
			}
			cpu[i] += cpuTime(b) - start
			if err := tx.Rollback(); err != nil {
				b.Fatal(err)
			}
		}
	}
	for i, c := range caches {
		b.ReportMetric(cpu[i].Seconds()/float64(n), c.name+"-cpu-s/op")
	}
}

// replayCopy is the path of a copy, in a temporary directory, of the
// database ECHOTRACE_REPLAY_DB names; it skips b when the variable is not
// set.
func replayCopy(b *testing.B) string {
	src := os.Getenv(replayEnv)
	if src == "" {
		b.Skip(replayEnv + " is not set")
	}
	path := filepath.Join(b.TempDir(), "replay.db")
	if err := copyFile(src, path); err != nil {
		b.Fatal(err)
	}
	return path
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
