package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestTellsTheUser: an empty file and an empty archive fail the
// command (exit 1), the JSON report lists every input that failed, and
// the summary counts files and records apart.
func TestIngestTellsTheUser(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	files := map[string]string{
		"good.txt":      "A good article about the harbour.\n\nIt has two paragraphs and enough words.",
		"empty.txt":     "",
		"empty.warc":    "",
		"paper.pdf":     "%PDF-1.5\n",
		"records.jsonl": `{"id":"r1","text":"first"}` + "\n" + `{"id":"r2","text":` + "\n",
	}
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errs, code := echotrace(t, dir, "analyze", "--json", "in")
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errs)
	}
	var rep struct{ Problems []string }
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out)
	}
	for _, want := range []string{"empty.txt", "empty.warc", "paper.pdf", "records.jsonl:2"} {
		found := false
		for _, p := range rep.Problems {
			found = found || strings.Contains(p, want)
		}
		if !found {
			t.Errorf("problems %q do not name %s", rep.Problems, want)
		}
	}
	out, _, code = echotrace(t, dir, "ingest", "--json", "in")
	var sum struct {
		Read struct {
			Read    int
			Files   struct{ Read, Skipped, Failed int }
			Records struct{ Read, Skipped, Failed int }
		}
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil || code != 1 {
		t.Fatalf("summary %s, exit %d: %v", out, code, err)
	}
	if sum.Read.Read != 2 || sum.Read.Files.Read != 2 || sum.Read.Files.Failed != 3 || sum.Read.Records.Failed != 1 {
		t.Errorf("counts %+v: want 2 documents from 2 files, 3 files and 1 record failed", sum.Read)
	}
}
