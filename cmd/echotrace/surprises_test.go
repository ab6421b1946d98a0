package main

import (
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/testutil"
)

func TestVersion(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, errs, code := echotrace(t, dir, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d, stderr %s", args, code, errs)
		}
		for _, want := range []string{"echotrace ", "commit:", runtime.Version(), "schema:  sqlite: ", "documents ", "postgres: "} {
			if !strings.Contains(out, want) {
				t.Errorf("%v does not print %q:\n%s", args, want, out)
			}
		}
	}
	out, _, code := echotrace(t, dir, "version", "--json")
	var b buildInfo
	if err := json.Unmarshal([]byte(out), &b); code != 0 || err != nil {
		t.Fatalf("version --json: exit %d, %v\n%s", code, err, out)
	}
	if b.GoVersion != runtime.Version() || b.Version == "" || b.Schema["sqlite"]["documents"] < 1 || b.Schema["postgres"]["documents"] < 1 {
		t.Errorf("version --json = %+v", b)
	}
}

// TestUnknownFilterValues: a filter naming nothing is a usage error (exit
// 2, saying what is accepted), not an empty result.
func TestUnknownFilterValues(t *testing.T) {
	dir := t.TempDir()
	example := filepath.Join(testutil.RepoRoot(t), "examples", "newsroom")
	if _, errs, code := echotrace(t, dir, "ingest", example); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"quotes", "--kind", "bogus"}, "quote, term or claim"},
		{[]string{"entities", "--type", "alien"}, "person, org or place"},
		{[]string{"stories", "--doc", "nosuch"}, `--doc "nosuch": no document`},
		{[]string{"quotes", "--doc", "nosuch"}, `--doc "nosuch": no document`},
		{[]string{"entities", "--doc", "nosuch"}, `--doc "nosuch": no document`},
		{[]string{"stories", "--narrative", "nosuch"}, `--narrative "nosuch"`},
		{[]string{"quotes", "--speaker", "Nobody Atall"}, `--speaker "Nobody Atall"`},
		{[]string{"export", "--format", "xls", "--out", "x"}, "csv, jsonl, gexf or graphml"},
		{[]string{"export", "--format", "csv", "--out", "x", "--story", "nosuch"}, `--story "nosuch"`},
		{[]string{"export", "--format", "csv", "--out", "x", "--narrative", "nosuch"}, `--narrative "nosuch"`},
		{[]string{"export", "--format", "csv", "--out", "x", "--since", "last week"}, `--since "last week"`},
	} {
		out, errs, code := echotrace(t, dir, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want exit 2 and %q", c.args, code, errs, out, c.want)
		}
	}
	// A known value still works.
	if _, errs, code := echotrace(t, dir, "quotes", "--kind", "claim"); code != 0 {
		t.Errorf("quotes --kind claim: exit %d: %s", code, errs)
	}
}

// TestReadCommandsNeedADatabase: commands that read a database say it does
// not exist, instead of creating an empty one that looks like an empty
// corpus.
func TestReadCommandsNeedADatabase(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"report"}, {"quotes"}, {"entities"}, {"stories"}, {"narratives"}, {"recluster"},
		{"serve", "--addr", "127.0.0.1:0"}, {"export", "--format", "csv", "--out", "out"},
	} {
		args = append([]string{"--db", "mistyped.db"}, args...)
		_, errs, code := echotrace(t, dir, args...)
		if code != 2 || !strings.Contains(errs, "mistyped.db does not exist") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
		if _, err := os.Stat(filepath.Join(dir, "mistyped.db")); err == nil {
			t.Fatalf("%v created the database", args)
		}
	}
}

// TestFetchUnreachable: a host that refuses connections is reported as
// such, and no empty archive is left behind.
func TestFetchUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	dir := t.TempDir()
	_, errs, code := echotrace(t, dir, "--db", "news.db", "fetch", "--allow-private", "--retries", "0", "http://"+addr+"/story")
	if code != 1 || !strings.Contains(errs, "connection refused") || strings.Contains(errs, "robots.txt") {
		t.Errorf("exit %d, stderr %q; want the refused connection named", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "news.warc.gz")); err == nil {
		t.Errorf("an archive was left behind though nothing was fetched")
	}
}

// TestExportCommand: export writes the files of each format and says
// what it wrote.
func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	example := filepath.Join(testutil.RepoRoot(t), "examples", "newsroom")
	if _, errs, code := echotrace(t, dir, "ingest", example); code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errs)
	}
	for _, format := range []string{"csv", "jsonl", "gexf", "graphml"} {
		out, errs, code := echotrace(t, dir, "export", "--json", "--format", format, "--out", "x-"+format, "--since", "2024-03")
		if code != 0 {
			t.Fatalf("export %s: exit %d: %s", format, code, errs)
		}
		var sum struct {
			Documents int
			Files     []struct{ Name string }
		}
		if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Documents == 0 || len(sum.Files) == 0 {
			t.Fatalf("export %s --json: %v\n%s", format, err, out)
		}
		for _, f := range sum.Files {
			if fi, err := os.Stat(filepath.Join(dir, "x-"+format, f.Name)); err != nil || fi.Size() == 0 {
				t.Errorf("%s: %v", f.Name, err)
			}
		}
	}
}
