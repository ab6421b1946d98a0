package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/testutil"
)

// TestMain lets tests run the real command in a child process: the test
// binary re-executes itself with ECHOTRACE_RUN_MAIN set and behaves as
// echotrace, exit code included.
func TestMain(m *testing.M) {
	if os.Getenv("ECHOTRACE_RUN_MAIN") == "1" {
		os.Exit(run(os.Args[1:]))
	}
	os.Exit(m.Run())
}

// echotrace runs the command with args in dir and returns its output and
// exit code.
func echotrace(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ECHOTRACE_RUN_MAIN=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code = 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func TestAnalyzeExampleJSON(t *testing.T) {
	dir := t.TempDir()
	// A copy in the working directory: documents are named by their path
	// relative to it.
	if err := os.CopyFS(filepath.Join(dir, "newsroom"), os.DirFS(filepath.Join(testutil.RepoRoot(t), "examples", "newsroom"))); err != nil {
		t.Fatal(err)
	}
	out, errs, code := echotrace(t, dir, "analyze", "--json", "newsroom")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	var rep struct {
		Documents []struct {
			ID, Path string
			Bytes    int
		}
		Passages []struct {
			A, B struct {
				Doc        string
				Begin, End int
			}
			Tokens   int
			Identity float64
		}
		Relations []struct {
			A, B, Kind, Direction, Reason string
			CoverageA                     float64 `json:"coverage_a"`
			CoverageB                     float64 `json:"coverage_b"`
			Confidence                    float64
		}
		Chains [][]string
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out)
	}
	checkReportFindings(t, out)
	if len(rep.Documents) != 9 || len(rep.Relations) == 0 || len(rep.Passages) == 0 || len(rep.Chains) == 0 {
		t.Fatalf("report lacks content: %d documents, %d relations, %d passages, %d chains",
			len(rep.Documents), len(rep.Relations), len(rep.Passages), len(rep.Chains))
	}
	for _, p := range rep.Passages {
		if p.A.End <= p.A.Begin || p.B.End <= p.B.Begin || p.Tokens < 12 || p.Identity <= 0 {
			t.Errorf("implausible passage %+v", p)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "echotrace.db")); err != nil {
		t.Errorf("no echotrace.db in the working directory: %v", err)
	}
	// The text report fits 80 columns and quotes evidence.
	text, _, code := echotrace(t, dir, "report")
	if code != 0 {
		t.Fatalf("report exit %d", code)
	}
	for _, line := range strings.Split(text, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("line of %d columns: %q", n, line)
		}
	}
	if !strings.Contains(text, "newsroom/wire.txt → newsroom/forum-repost.txt") {
		t.Errorf("text report does not state the direction wire → forum-repost:\n%s", text)
	}
	for _, heading := range []string{"\nQUOTES (", "\nSTORIES (", "\nNARRATIVES ("} {
		if !strings.Contains(text, heading) {
			t.Errorf("text report has no section %q", strings.TrimSpace(heading))
		}
	}
}

// TestBadInput: each bad input is named on stderr, the rest is ingested,
// and the exit code says a part failed.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(in, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", []byte("A perfectly good article about the harbour.\n\nIt has two paragraphs."))
	write("binary.txt", []byte("PK\x03\x04\x00\x00\x00binary\x00\x00data"))
	write("latin1.txt", []byte("Caf\xe9 au lait, na\xefve.")) // read: a legacy encoding is decoded
	write("empty.txt", nil)
	write("records.jsonl", []byte(`{"id":"r1","text":"first record text"}
{"id":"r2","text": broken json
{"id":"r3","text":"third record text"}
`))
	big, err := os.Create(filepath.Join(in, "huge.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 100 MB file: no disk is used, and echotrace must not read it.
	if err := big.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	big.Close()

	out, errs, code := echotrace(t, dir, "ingest", "--json", in)
	if code != 1 {
		t.Fatalf("exit code %d, want 1 (partial failure); stderr:\n%s", code, errs)
	}
	for _, want := range []string{"binary.txt", "empty.txt", "records.jsonl:2", "huge.txt"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not name %s:\n%s", want, errs)
		}
	}
	var sum struct {
		Documents int
		Read      struct{ Read, Failed, Skipped int }
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("summary is not JSON: %v\n%s", err, out)
	}
	if sum.Documents != 4 { // good.txt, latin1.txt, r1, r3
		t.Errorf("%d documents stored, want 4 (good.txt, latin1.txt, r1, r3); summary %s", sum.Documents, out)
	}
}

func TestMemoryLimitFlag(t *testing.T) {
	dir := t.TempDir()
	if _, stderr, code := echotrace(t, dir, "--memory-limit", "lots", "version"); code != 2 || !strings.Contains(stderr, "--memory-limit") || !strings.Contains(stderr, "5GiB") {
		t.Fatalf("a bad limit: exit %d, stderr %q; want it to say what it expects", code, stderr)
	}
	for _, limit := range []string{"800MiB", "0"} {
		if _, stderr, code := echotrace(t, dir, "--memory-limit", limit, "version", "--json"); code != 0 {
			t.Fatalf("--memory-limit %s: exit %d, stderr %q", limit, code, stderr)
		}
	}
}
