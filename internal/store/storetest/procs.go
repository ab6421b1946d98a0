package storetest

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"reflect"
	"sort"
	"testing"

	"github.com/echotrace/echotrace/internal/store"
)

// writerEnv, when set, makes Processes act as one writer process; it holds
// a JSON writerJob.
const writerEnv = "ECHOTRACE_STORETEST_WRITER"

// writerDocBytes is the size of a document the writers put.
const writerDocBytes = 800

// writerJob is what one writer process puts.
type writerJob struct {
	DSN      string
	From, To int
	Reverse  bool
}

// Processes starts several copies of this test binary that put
// overlapping ranges of documents into one database at the same time, in
// different orders, as several `echotrace ingest` runs would. Afterwards
// every document is stored exactly once and the corpus version counted
// each exactly once. The test calling Processes must be runnable on its
// own by -test.run with its name.
func Processes(t *testing.T, newDSN NewDSN) {
	if job := os.Getenv(writerEnv); job != "" {
		writerChild(t, job)
		return
	}
	if testing.Short() {
		t.Skip("starts child processes; skipped in -short mode")
	}
	dsn := newDSN(t)
	open(t, dsn)
	const writers, span, stride = 4, 1200, 400
	total := (writers-1)*stride + span
	cmds := make([]*exec.Cmd, writers)
	for w := range cmds {
		job, err := json.Marshal(writerJob{DSN: dsn, From: w * stride, To: w*stride + span, Reverse: w%2 == 1})
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run="+runPattern(t.Name()), "-test.count=1")
		cmd.Env = append(os.Environ(), writerEnv+"="+string(job))
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds[w] = cmd
	}
	for w, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("writer %d: %v", w, err)
		}
	}
	s := open(t, dsn)
	got := eachIDs(t, s)
	sort.Strings(got)
	if want := ids(generatedRange(0, total, 0)); !reflect.DeepEqual(got, want) {
		t.Errorf("stored %d documents (%d distinct wanted), not each exactly once", len(got), total)
	}
	if v := version(t, s); v != int64(total) {
		t.Errorf("corpus version = %d, want %d (one per document added)", v, total)
	}
}

// writerChild is one writer process of Processes.
func writerChild(t *testing.T, spec string) {
	var job writerJob
	if err := json.Unmarshal([]byte(spec), &job); err != nil {
		t.Fatalf("%s: %v", writerEnv, err)
	}
	ctx := context.Background()
	s, err := store.Open(ctx, job.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs := generatedRange(job.From, job.To, writerDocBytes)
	if job.Reverse {
		for i, j := 0, len(docs)-1; i < j; i, j = i+1, j-1 {
			docs[i], docs[j] = docs[j], docs[i]
		}
	}
	for from := 0; from < len(docs); from += 100 {
		if _, err := s.PutDocuments(ctx, docs[from:min(from+100, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
}
