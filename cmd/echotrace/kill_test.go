package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/echotrace/echotrace/internal/store"
)

// TestIngestKilledAndRerun: an ingest killed with SIGKILL at several
// moments and then run again to the end leaves the same store as one
// uninterrupted run.
func TestIngestKilledAndRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes; skipped with -short")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	writeCorpus(t, corpus, 3000)

	clean := filepath.Join(dir, "clean.db")
	if _, errs, code := echotrace(t, dir, "--db", clean, "analyze", "--json", corpus); code != 0 {
		t.Fatalf("uninterrupted run: exit %d\n%s", code, errs)
	}

	killed := filepath.Join(dir, "killed.db")
	for _, after := range []time.Duration{30 * time.Millisecond, 120 * time.Millisecond, 300 * time.Millisecond, 700 * time.Millisecond} {
		cmd := exec.Command(os.Args[0], "--db", killed, "analyze", "--json", corpus)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "ECHOTRACE_RUN_MAIN=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		_ = cmd.Process.Kill() // SIGKILL: no cleanup runs
		_ = cmd.Wait()
	}
	if _, errs, code := echotrace(t, dir, "--db", killed, "analyze", "--json", corpus); code != 0 {
		t.Fatalf("run after kills: exit %d\n%s", code, errs)
	}
	a, b := dumpDB(t, clean), dumpDB(t, killed)
	if !bytes.Equal(a, b) {
		t.Fatalf("store after kills and a rerun differs from an uninterrupted run (%d vs %d bytes of dump)", len(a), len(b))
	}
}

func dumpDB(t *testing.T, path string) []byte {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var buf bytes.Buffer
	if err := store.Dump(ctx, st, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeCorpus writes n JSONL records in which every tenth reposts most of
// the one before it, so the analysis has relations to store.
func writeCorpus(t *testing.T, path string, n int) {
	t.Helper()
	var b strings.Builder
	prev := ""
	for i := 0; i < n; i++ {
		r := rand.New(rand.NewPCG(uint64(i), 1))
		var words []string
		for j := 0; j < 120; j++ {
			words = append(words, fmt.Sprintf("w%d", r.IntN(50000)))
		}
		text := strings.Join(words, " ")
		if i%10 == 9 {
			text = prev + " reposted with a comment"
		}
		prev = text
		fmt.Fprintf(&b, `{"id":"d%05d","outlet":"o%d","text":%q}`+"\n", i, i%5, text)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
