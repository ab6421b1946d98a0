package pipeline

import (
	"context"
	"maps"
	"path/filepath"
	"testing"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// TestAnalyzeStoresSettingsAndRunsChosenStages: reuse alone runs when no
// later stage is asked for; the settings are stored with the results; new
// settings make the same corpus be analysed again, and the passages
// follow them.
func TestAnalyzeStoresSettingsAndRunsChosenStages(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	story := randomWords(40, 25) // a copied passage of 25 tokens
	docs := []doc.Document{
		{ID: "a", Text: randomWords(41, 80) + " " + story + " " + randomWords(42, 60)},
		{ID: "b", Text: randomWords(43, 70) + " " + story + " " + randomWords(44, 50)},
	}
	if _, err := st.PutDocuments(ctx, docs); err != nil {
		t.Fatal(err)
	}
	opt := AnalyzeOptions{Reuse: DefaultReuseOptions(), Stages: []string{}}
	res, err := Analyze(ctx, st, opt)
	if err != nil || res.Skipped || len(res.Reuse.Passages) != 1 {
		t.Fatalf("first analysis: %+v, %v; want one passage", res, err)
	}
	if v, err := st.QuotesVersion(ctx); err != nil || v != 0 {
		t.Fatalf("quotes version %d, %v after reuse alone; want 0 (not run)", v, err)
	}
	if got, _ := st.ReuseSettings(ctx); !maps.Equal(got, opt.Reuse.Settings()) {
		t.Fatalf("stored settings %v, want %v", got, opt.Reuse.Settings())
	}
	// The same settings: nothing to do for reuse.
	if res, err = Analyze(ctx, st, opt); err != nil || res.Reuse != nil {
		t.Fatalf("second analysis with the same settings ran reuse again: %+v, %v", res, err)
	}
	// A passage of 25 tokens is below a minimum of 30: analysed again,
	// nothing found.
	opt.Reuse.Align.MinTokens = 30
	if res, err = Analyze(ctx, st, opt); err != nil || res.Reuse == nil || !res.Stored || len(res.Reuse.Passages) != 0 {
		t.Fatalf("analysis with --min-tokens 30: %+v, %v; want it run and stored, without passages", res, err)
	}
	if got, _ := st.ReuseSettings(ctx); got[SettingMinTokens] != "30" {
		t.Fatalf("stored settings %v, want min_tokens 30", got)
	}
	// All stages when asked for.
	opt.Stages = nil
	if _, err = Analyze(ctx, st, opt); err != nil {
		t.Fatal(err)
	}
	if v, err := st.QuotesVersion(ctx); err != nil || v == 0 {
		t.Fatalf("quotes version %d, %v after all stages; want current", v, err)
	}
}
