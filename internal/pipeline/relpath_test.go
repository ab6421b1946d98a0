package pipeline

import (
	"path/filepath"
	"testing"
)

func TestIngestRootsRel(t *testing.T) {
	base := t.TempDir()
	corpus := filepath.Join(base, "corpus")
	feed := filepath.Join(base, "feeds", "a.jsonl")
	dirs := map[string]bool{corpus: true}
	r := newIngestRoots("", []string{corpus, feed}, func(p string) bool { return dirs[p] })
	for _, tt := range []struct{ in, want string }{
		{filepath.Join(corpus, "wire", "x.html"), "wire/x.html"},
		{filepath.Join(corpus, "y.txt"), "y.txt"},
		{feed, "a.jsonl"},
		{filepath.Join(base, "corpus2", "z.txt"), filepath.Join(base, "corpus2", "z.txt")}, // a sibling, not under corpus
		{"", ""},
	} {
		if got := r.rel(tt.in); got != tt.want {
			t.Errorf("rel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIngestRootsRelToRoot(t *testing.T) {
	base := t.TempDir()
	r := newIngestRoots(base, []string{filepath.Join(base, "examples", "newsroom")}, func(string) bool { return true })
	if got := r.rel(filepath.Join(base, "examples", "newsroom", "a.txt")); got != "examples/newsroom/a.txt" {
		t.Errorf("rel = %q, want the path from the ingest root", got)
	}
}
