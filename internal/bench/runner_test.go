package bench

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/normalize"
	"github.com/echotrace/echotrace/internal/relate"
)

// paragraphEngine is a deliberately simple engine for testing the runner:
// it reports every paragraph whose folded tokens occur in exactly two
// documents. Edited paragraphs escape it and paragraphs shared by many
// documents (boilerplate) are left out, so its recall is partial and its
// precision high but not perfect (two articles of a small outlet share
// its header).
func paragraphEngine(ctx context.Context, corpus, _ string) (EngineOutput, error) {
	seen := map[string][]relate.End{}
	err := eachDoc(corpus, func(d corpusDoc) error {
		off := 0
		for _, p := range strings.Split(d.Text, "\n\n") {
			var keys []string
			for _, tk := range normalize.Tokens(p) {
				keys = append(keys, tk.Key)
			}
			if len(keys) >= MinPassageTokens {
				k := strings.Join(keys, " ")
				seen[k] = append(seen[k], relate.End{Doc: d.ID, Begin: off, End: off + len(p)})
			}
			off += len(p) + 2
		}
		return nil
	})
	var out EngineOutput
	for _, ends := range seen {
		if len(ends) == 2 && ends[0].Doc != ends[1].Doc {
			out.Passages = append(out.Passages, relate.Passage{A: ends[0], B: ends[1]})
		}
	}
	return out, err
}

func TestRunEngineScoresAndMeasures(t *testing.T) {
	res, err := RunEngine(context.Background(), paragraphEngine, Config{Docs: 300, Seed: 2}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if res.Corpus.Docs != 300 || res.DocsPerSec <= 0 || res.MBPerSec <= 0 {
		t.Fatalf("throughput not measured: %+v", res)
	}
	if res.PeakRSS <= 0 {
		t.Errorf("peak memory not measured: %s", res.PeakNote)
	}
	p := res.Passages
	if p.Reported == 0 || p.Found == 0 {
		t.Fatalf("nothing found: %+v", p)
	}
	// Unedited near-duplicates keep most paragraphs whole, but every
	// paragraph is its own passage, so a whole copy is found only when one
	// paragraph holds half of it: recall must be partial.
	if p.Recall >= 1 || p.Precision < 0.8 {
		t.Errorf("recall %.2f, precision %.2f", p.Recall, p.Precision)
	}
	if r := p.ByOp[OpPartial]; r == nil || r.Planted == 0 {
		t.Errorf("no recall by kind for partial copies: %+v", p.ByOp)
	}
}

func TestRunEngineReportsEngineError(t *testing.T) {
	failing := func(context.Context, string, string) (EngineOutput, error) {
		return EngineOutput{}, errors.New("store locked")
	}
	_, err := RunEngine(context.Background(), failing, Config{Docs: 5, Seed: 1}, t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "store locked") {
		t.Fatalf("err = %v", err)
	}
}

func TestCompareNearDupInProcess(t *testing.T) {
	rep, err := CompareNearDup(context.Background(), Config{Docs: 1500, Seed: 4}, NearDupConfig{Threshold: 0.8}, t.TempDir(), InProcess)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Runs) != 2 || rep.Runs[0].Impl != ImplEchotrace || rep.Runs[1].Impl != ImplEkzhu {
		t.Fatalf("runs: %+v", rep.Runs)
	}
	for _, r := range rep.Runs {
		if r.Docs != 1500 || r.PairScore.Truth == 0 {
			t.Fatalf("%s: %+v", r.Impl, r)
		}
		// Both estimate Jaccard with 128 hashes: pairs well above the
		// threshold must be found, and pairs found must be near it.
		if r.PairScore.Recall < 0.6 || r.PairScore.Precision < 0.85 {
			t.Errorf("%s: recall %.2f precision %.2f", r.Impl, r.PairScore.Recall, r.PairScore.Precision)
		}
		if r.Bands*r.Rows > 128 || r.Bands == 0 {
			t.Errorf("%s: banding %d×%d", r.Impl, r.Bands, r.Rows)
		}
	}
	// echotrace favours recall in its banding: more, shorter bands.
	if rep.Runs[0].Bands <= rep.Runs[1].Bands {
		t.Errorf("echotrace banding %d×%d, ekzhu %d×%d", rep.Runs[0].Bands, rep.Runs[0].Rows, rep.Runs[1].Bands, rep.Runs[1].Rows)
	}
	if rep.Speedup <= 0 || rep.MemoryRatio <= 0 {
		t.Errorf("ratios not computed: %+v", rep)
	}
}

func TestBalancedWeightGivesEqualBanding(t *testing.T) {
	cfg := NearDupConfig{RecallWeight: 0.5}.withDefaults()
	var banding [][2]int
	for _, impl := range []string{ImplEchotrace, ImplEkzhu} {
		l, err := newLSH(impl, cfg)
		if err != nil {
			t.Fatal(err)
		}
		b, r := l.params()
		banding = append(banding, [2]int{b, r})
	}
	if banding[0] != banding[1] {
		t.Fatalf("banding %v vs %v", banding[0], banding[1])
	}
}

func TestNearDupStageRejectsUnknownImpl(t *testing.T) {
	if _, err := NearDupStage(context.Background(), "lsh-forest", "x.jsonl", NearDupConfig{}); err == nil {
		t.Fatal("unknown implementation accepted")
	}
}
