package storetest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/store"
)

// killDSNEnv, when set, makes Kill act as the child that ingests into the
// DSN it names until it is killed.
const killDSNEnv = "ECHOTRACE_STORETEST_KILL_DSN"

// The kill test's corpus: enough batches that the child cannot finish
// between the parent seeing a commit and killing it.
const (
	killDocs      = 5000
	killBatch     = 200
	killDocBytes  = 1000
	killAfterSeen = 3
	killLinePref  = "storetest: committed batch "
)

// ingestAll puts the kill test's corpus in batches; after each commit it
// calls committed with the batch number.
func ingestAll(ctx context.Context, s store.Store, committed func(int)) error {
	for b, from := 0, 0; from < killDocs; b, from = b+1, from+killBatch {
		if _, err := s.PutDocuments(ctx, generatedRange(from, min(from+killBatch, killDocs), killDocBytes)); err != nil {
			return err
		}
		committed(b)
	}
	return nil
}

// Kill starts this test binary again as a child that ingests a corpus,
// kills it with SIGKILL after a few committed batches (so that it dies in
// the middle of a later one), checks that exactly whole batches were kept,
// runs the ingest again to its end, and requires the store to dump exactly
// like one filled by an uninterrupted run. The test calling Kill must be
// runnable on its own by -test.run with its name.
func Kill(t *testing.T, newDSN NewDSN) {
	ctx := context.Background()
	if dsn := os.Getenv(killDSNEnv); dsn != "" {
		killChild(t, dsn)
		return
	}
	if testing.Short() {
		t.Skip("kill test starts a child process; skipped in -short mode")
	}
	killed := newDSN(t)
	open(t, killed) // the schema exists before the child starts

	cmd := exec.Command(os.Args[0], "-test.run="+runPattern(t.Name()), "-test.count=1", "-test.v=false")
	cmd.Env = append(os.Environ(), killDSNEnv+"="+killed)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	seen := 0
	sc := bufio.NewScanner(out)
	for seen < killAfterSeen && sc.Scan() {
		if strings.HasPrefix(sc.Text(), killLinePref) {
			seen++
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatalf("kill child: %v", err)
	}
	go func() { // drain, so the child never blocks on a full pipe
		for sc.Scan() {
		}
	}()
	werr := cmd.Wait()
	if seen < killAfterSeen {
		t.Fatalf("child ended before committing %d batches: %v", killAfterSeen, werr)
	}

	s := open(t, killed)
	n := count(t, s)
	if n < killAfterSeen*killBatch || n >= killDocs {
		t.Fatalf("after the kill the store holds %d documents; want at least %d and fewer than %d", n, killAfterSeen*killBatch, killDocs)
	}
	if n%killBatch != 0 {
		t.Fatalf("after the kill the store holds %d documents, not whole batches of %d: a transaction was torn", n, killBatch)
	}
	if err := ingestAll(ctx, s, func(int) {}); err != nil {
		t.Fatalf("ingest after the kill: %v", err)
	}

	clean := open(t, newDSN(t))
	if err := ingestAll(ctx, clean, func(int) {}); err != nil {
		t.Fatalf("uninterrupted ingest: %v", err)
	}
	if a, b := dump(t, s), dump(t, clean); a != b {
		t.Errorf("store after kill and rerun (%d bytes of dump) differs from an uninterrupted run (%d bytes); first difference near byte %d",
			len(a), len(b), firstDiff(a, b))
	}
}

// killChild is the child side of Kill: ingest and report each commit, until
// killed (or, if never killed, to the end).
func killChild(t *testing.T, dsn string) {
	ctx := context.Background()
	s, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := ingestAll(ctx, s, func(b int) { fmt.Fprintf(os.Stdout, "%s%d\n", killLinePref, b) }); err != nil {
		t.Fatal(err)
	}
}

// runPattern is a -test.run pattern that selects exactly the test named.
func runPattern(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return strings.Join(parts, "/")
}

// firstDiff is the index of the first byte where a and b differ.
func firstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}
