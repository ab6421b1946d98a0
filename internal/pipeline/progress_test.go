package pipeline

import (
	"context"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/echotrace/echotrace/internal/bench"
	"github.com/echotrace/echotrace/internal/read"
	"github.com/echotrace/echotrace/internal/store"
)

// TestAnalyzeProgress: an analysis tells its Progress how far every
// stage has got, reuse analysis's two passes included, from one goroutine
// at a time, in the order they run: each stage's count never goes back,
// and those that count documents end at the corpus's.
func TestAnalyzeProgress(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	const docs = 120
	if _, err := bench.GenerateFiles(ctx, bench.Config{Docs: docs, Seed: 5}, corpus, filepath.Join(dir, "truth.jsonl")); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, filepath.Join(dir, "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := Ingest(ctx, st, []string{corpus}, IngestOptions{}, func(p read.Problem) { t.Error(p) }); err != nil {
		t.Fatal(err)
	}
	type last struct{ done, total int64 }
	seen := map[string]last{}
	var order []string
	var inside atomic.Int32
	opt := AnalyzeOptions{Reuse: DefaultReuseOptions(), Progress: func(stage string, done, total int64) {
		if inside.Add(1) != 1 {
			t.Errorf("progress of %q told while another call ran", stage)
		}
		defer inside.Add(-1)
		prev, ok := seen[stage]
		if !ok {
			order = append(order, stage)
		} else if done < prev.done {
			t.Errorf("%s: %d documents done after %d", stage, done, prev.done)
		}
		seen[stage] = last{done, total}
	}}
	if _, err := Analyze(ctx, st, opt); err != nil {
		t.Fatal(err)
	}
	for _, stage := range []string{"reuse: indexing", "reuse: aligning", "quotes", "stories: placing"} {
		if got, want := seen[stage], (last{docs, docs}); got != want {
			t.Errorf("%s: last told %d of %d documents, want %d of %d", stage, got.done, got.total, want.done, want.total)
		}
	}
	want := []string{"reuse: indexing", "reuse: aligning", "quotes", "stories: placing", "stories: settling", "stories: narratives and storing"}
	if !slices.Equal(order, want) {
		t.Errorf("stages told in the order %q, want %q", order, want)
	}
}
