package read

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/testutil"
)

// writeFiles creates files (path relative to dir → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readPaths runs Paths and collects everything it gives.
func readPaths(t *testing.T, paths []string, opt Options) ([]doc.Document, []Problem, Stats) {
	t.Helper()
	var docs []doc.Document
	var problems []Problem
	stats, err := Paths(context.Background(), paths, opt, func(d doc.Document) error {
		docs = append(docs, d)
		return nil
	}, func(p Problem) { problems = append(problems, p) })
	if err != nil {
		t.Fatalf("Paths: %v", err)
	}
	return docs, problems, stats
}

func ids(docs []doc.Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return out
}

const storyA = "Harbour cranes idle\n\nThe cranes of the northern harbour stood still on Monday as dockers stopped work over a pay dispute.\n"
const storyB = "Orchard frost\n\nA late frost damaged apple blossom across the valley, growers said, and the harvest may be half the usual.\n"

func TestPathsDirectoryWalk(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b.txt":                 storyB,
		"a.txt":                 storyA,
		"sub/c.md":              "# Night ferry\n\nThe night ferry resumed service after the storm passed over the strait.\n",
		"sub/deeper/d.TXT":      storyA + "Extra line so the text differs.\n",
		".hidden.txt":           storyA,
		".git/config.txt":       storyA,
		"picture.jpg":           "\xff\xd8\xff\xe0 not really a jpeg",
		"notes.unknownext":      "plain words",
		"sub/records.jsonl":     `{"id":"r1","text":"A record text about tides."}` + "\n",
		"sub/deeper/empty.txt":  "",
		"sub/deeper/spaces.txt": " \n\t\n",
	})
	docs, problems, stats := readPaths(t, []string{dir}, Options{})
	// notes.unknownext is text: read as such.
	want := []string{"a.txt", "b.txt", "notes.unknownext", "sub/c.md", "sub/deeper/d.TXT", "r1"}
	if got := ids(docs); !reflect.DeepEqual(got, want) {
		t.Errorf("ids = %v, want %v (sorted walk, depth first, relative ids with extension)", got, want)
	}
	if stats.Read != 6 || stats.Files.Read != 6 {
		t.Errorf("Read = %d documents from %d files, want 6 from 6", stats.Read, stats.Files.Read)
	}
	// skipped, and named: .hidden.txt, .git, picture.jpg; failed: the two empty files.
	if stats.Skipped != 3 || stats.Files.Skipped != 3 || stats.Reasons["not a document"] != 3 || stats.Reasons["empty"] != 2 ||
		stats.Failed != 2 || stats.Files.Failed != 2 {
		t.Errorf("stats = %+v, want 3 skipped (2 hidden, an image) and 2 empty files failed", stats)
	}
	if len(problems) != 5 {
		t.Errorf("problems = %v, want every file not read named", problems)
	}
	for _, p := range problems {
		if !strings.Contains(p.Error(), "empty") && !strings.Contains(p.Error(), "hidden") && !strings.Contains(p.Error(), "JPEG") {
			t.Errorf("problem %q does not say why", p.Error())
		}
	}
	if docs[0].Path != filepath.Join(dir, "a.txt") || docs[0].Title != "Harbour cranes idle" {
		t.Errorf("first doc path %q title %q", docs[0].Path, docs[0].Title)
	}
	if docs[3].Title != "Night ferry" {
		t.Errorf("markdown title = %q", docs[2].Title)
	}
	// Reading again gives the same documents: identity is stable.
	again, _, _ := readPaths(t, []string{dir}, Options{})
	if !reflect.DeepEqual(docs, again) {
		t.Error("a second read gave different documents")
	}
}

func TestPathsIdentity(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"news/item.v2.txt": storyA})
	tests := []struct {
		name  string
		paths []string
		stdin string
		want  string
	}{
		{"file named directly: its name with its extension", []string{filepath.Join(dir, "news", "item.v2.txt")}, "", "item.v2.txt"},
		{"file in a directory argument: relative path", []string{dir}, "", "news/item.v2.txt"},
		{"standard input text: content hash", []string{"-"}, storyB, "stdin:" + HashID(storyB)},
		{"standard input JSONL without id: content hash", []string{"-"}, `{"text":"Tide tables were wrong."}`, "stdin:" + HashID("Tide tables were wrong.")},
		{"standard input JSONL with id", []string{"-"}, ` {"id":"x-1","text":"Tide tables were wrong."}`, "x-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, problems, _ := readPaths(t, tt.paths, Options{Stdin: strings.NewReader(tt.stdin)})
			if len(problems) > 0 || len(docs) != 1 {
				t.Fatalf("docs %v, problems %v", ids(docs), problems)
			}
			if docs[0].ID != tt.want {
				t.Errorf("id = %q, want %q", docs[0].ID, tt.want)
			}
			if tt.paths[0] == "-" && docs[0].Path != "" {
				t.Errorf("stdin document has path %q", docs[0].Path)
			}
		})
	}
}

func TestPathsBadInput(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		content string
		opt     Options
		reason  string
		skipped bool
		says    []string
	}{
		{"NUL byte", "bin.txt", "some text\x00\x01\x02", Options{}, "binary", false, []string{"binary", "offset 9"}},
		{"control bytes", "ctl.txt", strings.Repeat("\x01\x02\x03 ab", 50), Options{}, "binary", false, []string{"control bytes"}},
		{"UTF-16 of white space", "u16.txt", "\xff\xfe \x00\n\x00", Options{}, "empty", false, []string{"white space"}},
		{"empty", "empty.txt", "", Options{}, "empty", false, []string{"empty"}},
		{"white space only", "ws.md", "  \n\n\t ", Options{}, "empty", false, []string{"white space"}},
		{"too large", "big.txt", strings.Repeat("word ", 100), Options{MaxBytes: 200}, "too large", false, []string{"500 bytes", "limit is 200", "--max-bytes"}},
		{"JSONL binary", "bin.jsonl", "\x00\x00\x00\x00", Options{}, "binary", false, []string{"binary"}},
		{"JSONL empty", "none.jsonl", "\n\n", Options{}, "empty", false, []string{"no records"}},
		{"PDF", "paper.pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", Options{}, "unsupported", false, []string{"PDF is not supported"}},
		{"CSV", "table.csv", "id,text\n1,hello\n", Options{}, "unsupported", false, []string{"CSV is not supported", "JSONL"}},
		{"explicit binary of unknown type", "photo.bin", "\x89PNG\r\n\x1a\n\x00\x00", Options{}, "unknown format", false, []string{"unknown input format", ".txt", "binary"}},
		{"explicit meta.jsonl", "meta.jsonl", `{"file":"a.txt"}`, Options{}, "unknown format", false, []string{"metadata"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{tt.file: tt.content, "good.txt": storyA})
			bad, good := filepath.Join(dir, tt.file), filepath.Join(dir, "good.txt")
			docs, problems, stats := readPaths(t, []string{bad, good}, tt.opt)
			if len(docs) != 1 || docs[0].ID != "good.txt" {
				t.Errorf("docs = %v, want the good file read", ids(docs))
			}
			if len(problems) != 1 {
				t.Fatalf("problems = %v, want one", problems)
			}
			msg := problems[0].Error()
			if !strings.HasPrefix(msg, bad+":") {
				t.Errorf("message %q does not start with the file", msg)
			}
			for _, s := range tt.says {
				if !strings.Contains(msg, s) {
					t.Errorf("message %q does not say %q", msg, s)
				}
			}
			if stats.Reasons[tt.reason] != 1 {
				t.Errorf("reasons = %v, want %q counted", stats.Reasons, tt.reason)
			}
			if tt.skipped && (stats.Skipped != 1 || stats.Failed != 0) || !tt.skipped && (stats.Failed != 1 || stats.Skipped != 0) {
				t.Errorf("stats = %+v, skipped=%v wanted", stats, tt.skipped)
			}
		})
	}
}

func TestPathsMissingAndUnreadable(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"locked.txt": storyA, "good.txt": storyB})
	locked := filepath.Join(dir, "locked.txt")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.txt")
	docs, problems, stats := readPaths(t, []string{missing, locked, filepath.Join(dir, "good.txt")}, Options{})
	if len(docs) == 0 || docs[len(docs)-1].ID != "good.txt" {
		t.Fatalf("docs = %v", ids(docs))
	}
	if len(problems) == 0 || problems[0].Path != missing || Reason(problems[0].Err) != "not found" {
		t.Errorf("problems = %v, want the missing file first", problems)
	}
	if f, err := os.Open(locked); err == nil {
		f.Close()
		t.Skip("running with privileges that read any file; permission case not testable")
	}
	if len(problems) != 2 || problems[1].Path != locked || Reason(problems[1].Err) != "unreadable" || stats.Failed != 2 {
		t.Errorf("problems = %v stats %+v, want the locked file unreadable", problems, stats)
	}
}

func TestPathsHugeFileNotRead(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 100 MB file: reading it whole would take 100 MB of memory.
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	docs, problems, stats := readPaths(t, []string{p}, Options{})
	if len(docs) != 0 || len(problems) != 1 || Reason(problems[0].Err) != "too large" || stats.Failed != 1 {
		t.Fatalf("docs %d problems %v stats %+v", len(docs), problems, stats)
	}
	if !strings.Contains(problems[0].Error(), "104857600 bytes") {
		t.Errorf("message %q does not give the size", problems[0].Error())
	}
}

func TestPathsStdinTooLarge(t *testing.T) {
	docs, problems, _ := readPaths(t, []string{"-"}, Options{MaxBytes: 10, Stdin: strings.NewReader(strings.Repeat("x", 50))})
	if len(docs) != 0 || len(problems) != 1 || Reason(problems[0].Err) != "too large" || problems[0].Path != "-" {
		t.Errorf("docs %d problems %v", len(docs), problems)
	}
}

func TestPathsNoStdin(t *testing.T) {
	_, problems, stats := readPaths(t, []string{"-"}, Options{})
	if len(problems) != 1 || stats.Failed != 1 {
		t.Errorf("problems %v", problems)
	}
}

func TestPathsStopsOnEmitError(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": storyA, "b.txt": storyB})
	stop := errors.New("store is full")
	n := 0
	_, err := Paths(context.Background(), []string{dir}, Options{}, func(doc.Document) error {
		n++
		return stop
	}, nil)
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err = %v after %d documents, want the emit error after 1", err, n)
	}
}

func TestPathsStopsOnCancel(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": storyA, "b.jsonl": `{"text":"one"}` + "\n" + `{"text":"two"}`})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	stats, err := Paths(ctx, []string{dir}, Options{}, func(doc.Document) error { return nil }, nil)
	if !errors.Is(err, context.Canceled) || stats.Read != 0 {
		t.Errorf("err = %v, read %d", err, stats.Read)
	}
}

func TestPathsExplicitUnknownExtensionText(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"README": storyA, "rec.log": `{"id":"l1","text":"Logged record."}`})
	docs, problems, _ := readPaths(t, []string{filepath.Join(dir, "README"), filepath.Join(dir, "rec.log")}, Options{})
	if len(problems) != 0 || len(docs) != 2 {
		t.Fatalf("docs %v problems %v", ids(docs), problems)
	}
	if docs[0].ID != "README" || docs[0].Text != storyA || docs[1].ID != "l1" {
		t.Errorf("docs = %v", ids(docs))
	}
}

func TestPathsSharedSeeds(t *testing.T) {
	seeds := testutil.Shared(t, filepath.Join("corpus", "seeds"))
	entries, err := os.ReadDir(seeds)
	if err != nil {
		t.Fatal(err)
	}
	docs, problems, stats := readPaths(t, []string{seeds}, Options{})
	if len(problems) != 0 || stats.Failed != 0 {
		t.Errorf("problems reading real files: %v", problems)
	}
	if len(docs) != len(entries) {
		t.Errorf("read %d documents from %d files", len(docs), len(entries))
	}
	for i := range docs {
		d := &docs[i]
		checkRegions(t, d)
		raw, err := os.ReadFile(d.Path)
		if err != nil || string(raw) != d.Text {
			t.Errorf("%s: text not kept byte for byte", d.ID)
		}
		// Regions never swallow most of a real article.
		excluded := 0
		for _, r := range d.Regions {
			if r.Kind != doc.RegionHint {
				excluded += r.End - r.Begin
			}
		}
		if excluded*2 > len(d.Text) {
			t.Errorf("%s: %d of %d bytes marked as not article text", d.ID, excluded, len(d.Text))
		}
	}
}
