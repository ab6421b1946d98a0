package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/testutil"
)

// postgresDSN is a fresh schema on the test server named by
// ECHOTRACE_TEST_POSTGRES (.ci/postgres.sh starts one), dropped when the
// test ends; the test is skipped, saying why, when no server is set.
func postgresDSN(t *testing.T) string { return testutil.PostgresSchema(t, "clitest_") }

// TestConcurrentAnalyzePostgres: several echotrace processes ingest and
// analyse overlapping parts of one corpus into one PostgreSQL database at
// once. Afterwards every document is there once and the relations,
// quotes and stories are those of the whole corpus analysed by one
// process.
func TestConcurrentAnalyzePostgres(t *testing.T) {
	dsn := postgresDSN(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "all.jsonl")
	writeCorpus(t, corpus, 300)
	lines := strings.SplitAfter(strings.TrimSpace(readText(t, corpus)), "\n")
	// Quotes that recur across documents, some with a word changed, so
	// that linking has quotes of several documents to join.
	for i, line := range lines {
		quote := fmt.Sprintf(`Minister Ann Lee%d said: \"We will keep the harbour plan number %d open for every boat this %s.\"`,
			i%3, i%7, []string{"winter", "season"}[i%2])
		lines[i] = strings.Replace(line, `","text":"`, `","text":"`+quote+` `, 1)
	}
	if err := os.WriteFile(corpus, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	// Three overlapping thirds: each process also re-ingests documents
	// another one is ingesting.
	var parts []string
	for p := 0; p < 3; p++ {
		lo, hi := p*len(lines)/3, min((p+1)*len(lines)/3+30, len(lines))
		path := filepath.Join(dir, fmt.Sprintf("part%d.jsonl", p))
		if err := os.WriteFile(path, []byte(strings.Join(lines[lo:hi], "")), 0o644); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, path)
	}
	var cmds []*exec.Cmd
	stderrs := make([]bytes.Buffer, len(parts))
	for i, p := range parts {
		cmd := exec.Command(os.Args[0], "--db", dsn, "analyze", "--json", p)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "ECHOTRACE_RUN_MAIN=1")
		cmd.Stderr = &stderrs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("process %d: %v\n%s", i, err, stderrs[i].String())
		}
	}
	got := reportOf(t, dir, dsn)
	want := reportOf(t, dir, filepath.Join(dir, "single.db"), corpus)
	if len(got.Documents) != 300 {
		t.Fatalf("%d documents in the shared database, want 300", len(got.Documents))
	}
	if !slices.Equal(got.pairs(), want.pairs()) {
		t.Fatalf("relations after concurrent runs differ from one run over the whole corpus:\n got %v\nwant %v", got.pairs(), want.pairs())
	}
	if len(want.pairs()) == 0 {
		t.Fatal("the test corpus has no relations; the comparison proves nothing")
	}
	if !slices.Equal(got.quotes(), want.quotes()) {
		t.Errorf("quotes after concurrent runs differ from one run over the whole corpus:\n got %v\nwant %v", got.quotes(), want.quotes())
	}
	if len(want.quotes()) == 0 {
		t.Error("the test corpus has no quotes; the comparison proves nothing")
	}
	if !slices.Equal(got.stories(), want.stories()) {
		t.Errorf("stories after concurrent runs differ from one run over the whole corpus:\n got %v\nwant %v", got.stories(), want.stories())
	}
}

type miniReport struct {
	Documents []struct{ ID string }
	Relations []struct{ A, B, Kind string }
	Quotes    []struct {
		ID          string
		Occurrences []struct {
			Doc   string
			Begin int
		}
	}
	Stories []struct{ Documents []string }
}

// quotes lists each quote as its id and its occurrences, sorted.
func (r miniReport) quotes() []string {
	var out []string
	for _, q := range r.Quotes {
		var occs []string
		for _, o := range q.Occurrences {
			occs = append(occs, fmt.Sprintf("%s@%d", o.Doc, o.Begin))
		}
		slices.Sort(occs)
		out = append(out, q.ID+" "+strings.Join(occs, " "))
	}
	slices.Sort(out)
	return out
}

// stories lists each story as its documents, sorted.
func (r miniReport) stories() []string {
	var out []string
	for _, s := range r.Stories {
		docs := slices.Clone(s.Documents)
		slices.Sort(docs)
		out = append(out, strings.Join(docs, " "))
	}
	slices.Sort(out)
	return out
}

func (r miniReport) pairs() []string {
	var out []string
	for _, x := range r.Relations {
		out = append(out, x.A+" "+x.B+" "+x.Kind)
	}
	slices.Sort(out)
	return out
}

// reportOf runs `analyze` on inputs (or `report` when there are none) and
// decodes the JSON report.
func reportOf(t *testing.T, dir, db string, inputs ...string) miniReport {
	t.Helper()
	args := []string{"--db", db, "report", "--json"}
	if len(inputs) > 0 {
		args = append([]string{"--db", db, "analyze", "--json"}, inputs...)
	}
	out, errs, code := echotrace(t, dir, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d\n%s", args, code, errs)
	}
	var r miniReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
