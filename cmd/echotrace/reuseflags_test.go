package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/testutil"
)

// TestReuseControls: analyze --stages reuse runs reuse alone and says so;
// the settings given are stored and reported, and kept by a later report;
// passages carry their text; a bad value is refused naming the flag.
func TestReuseControls(t *testing.T) {
	dir := t.TempDir()
	example := filepath.Join(testutil.RepoRoot(t), "examples", "newsroom")
	type side struct {
		Doc        string
		Begin, End int
		Text       string
	}
	var rep struct {
		Settings map[string]string
		Passages []struct {
			A, B   side
			Tokens int
		}
		Quotes []any
	}
	out, errs, code := echotrace(t, dir, "analyze", "--json", "--stages", "reuse", "--min-tokens", "20", "--max-gap", "8", example)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errs)
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out)
	}
	if rep.Settings["min_tokens"] != "20" || rep.Settings["max_gap"] != "8" || rep.Settings["stages"] != "reuse" {
		t.Fatalf("settings %v, want min_tokens 20, max_gap 8, stages reuse", rep.Settings)
	}
	if len(rep.Passages) == 0 || len(rep.Quotes) != 0 {
		t.Fatalf("%d passages and %d quotes after reuse alone; want passages and no quotes", len(rep.Passages), len(rep.Quotes))
	}
	for _, p := range rep.Passages {
		if p.Tokens < 20 || p.A.Text == "" || p.B.Text == "" {
			t.Errorf("passage %+v: want at least 20 tokens and the text of both sides", p)
		}
	}
	// report keeps the stored settings, runs the later stages it needs.
	out, errs, code = echotrace(t, dir, "report", "--json")
	if code != 0 {
		t.Fatalf("report exit %d: %s", code, errs)
	}
	rep.Settings, rep.Quotes = nil, nil
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Settings["min_tokens"] != "20" || rep.Settings["stages"] != "" || len(rep.Quotes) == 0 {
		t.Fatalf("report: settings %v and %d quotes; want the stored min_tokens 20 and the quotes run", rep.Settings, len(rep.Quotes))
	}
	for _, bad := range [][]string{{"--stages", "reuse,gossip", example}, {"--min-identity", "1.5", example}, {"--min-tokens", "0", example}} {
		_, errs, code := echotrace(t, dir, append([]string{"analyze"}, bad...)...)
		if code == 0 || !strings.Contains(errs, bad[0]+" "+bad[1][:1]) {
			t.Errorf("analyze %v: exit %d, stderr %q; want a failure naming the flag", bad, code, errs)
		}
	}
}
