package eval

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/testutil"
)

// ecbPlusPath is the ECB+ file in ../shared, or skips the test.
func ecbPlusPath(t *testing.T) string {
	return testutil.Shared(t, "data/ecbplus/topics-01-25.jsonl")
}

func fmtScores(s Scores) string {
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f", s.Precision, s.Recall, s.F1)
}

// sweepData is what every sweep runs on: the synthetic streams of seeds
// 1-3 and ECB+ topics 1-25 (records it cannot read are logged).
func sweepData(t *testing.T) (streams [][]Labelled, ecb []Labelled) {
	t.Helper()
	for seed := uint64(1); seed <= 3; seed++ {
		streams = append(streams, Stream(DefaultStream(seed)))
	}
	ecb, bad, err := ReadECBPlus(ecbPlusPath(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range bad {
		t.Log(e)
	}
	return streams, ecb
}

// TestSweep prints the grid the defaults were chosen from. It runs only
// with ECHOTRACE_SWEEP=1, since it clusters the streams many times:
//
//	ECHOTRACE_SWEEP=1 go test ./internal/cluster/eval -run TestSweep -v
func TestSweep(t *testing.T) {
	if os.Getenv("ECHOTRACE_SWEEP") == "" {
		t.Skip("set ECHOTRACE_SWEEP=1 to run the threshold sweep")
	}
	streams, ecb := sweepData(t)
	// Entities as the command line has them, from the extract stage.
	ecb = WithEntities(ecb)
	for _, we := range []float64{0, 0.2, 0.4} {
		for th := 0.275; th <= 0.376; th += 0.025 {
			p := cluster.DefaultParams()
			p.Threshold, p.EntityWeight = th, we
			var synth float64
			for _, s := range streams {
				synth += Run(s, p, false).StoryBCubed.F1
			}
			synth /= float64(len(streams))
			r := Run(ecb, p, false)
			b := RunBatch(ecb, p)
			t.Logf("entity %.1f threshold %.3f  synthetic B3 F1 %.3f  ECB+ B3 F1 arriving in file order %.3f, as a batch %.3f",
				we, th, synth, r.StoryBCubed.F1, b.StoryBCubed.F1)
		}
	}
}

// TestSweepNarratives prints the narrative grid, with the story defaults:
//
//	ECHOTRACE_SWEEP=1 go test ./internal/cluster/eval -run TestSweepNarratives -v
func TestSweepNarratives(t *testing.T) {
	if os.Getenv("ECHOTRACE_SWEEP") == "" {
		t.Skip("set ECHOTRACE_SWEEP=1 to run the threshold sweep")
	}
	streams, ecb := sweepData(t)
	for _, res := range []float64{0.5, 1, 2} {
		for th := 0.05; th <= 0.401; th += 0.05 {
			p := cluster.DefaultParams()
			p.NarrativeThreshold, p.Resolution = th, res
			var synth float64
			for _, s := range streams {
				synth += Run(s, p, true).NarrBCubed.F1
			}
			synth /= float64(len(streams))
			r := Run(ecb, p, true)
			t.Logf("resolution %.1f threshold %.2f  synthetic B3 F1 %.3f  ECB+ topics B3 F1 %.3f  mean %.3f",
				res, th, synth, r.NarrBCubed.F1, (synth+r.NarrBCubed.F1)/2)
		}
	}
}

// TestSweepTime prints story B-cubed F1 over the time window and decay,
// on the synthetic streams (seeds 1-3) and on ECB+ topics 1-25:
//
//	ECHOTRACE_SWEEP=1 go test ./internal/cluster/eval -run TestSweepTime -v
func TestSweepTime(t *testing.T) {
	if os.Getenv("ECHOTRACE_SWEEP") == "" {
		t.Skip("set ECHOTRACE_SWEEP=1 to run the time sweep")
	}
	streams, ecb := sweepData(t)
	dated := 0
	for _, l := range ecb {
		if !l.Item.Date.IsZero() {
			dated++
		}
	}
	t.Logf("ECB+ articles with a date: %d of %d", dated, len(ecb))
	day := 24 * time.Hour
	for _, w := range []int{0, 1, 3, 7, 14} {
		for _, d := range []int{1, 3, 7, 14, 30} {
			p := cluster.DefaultParams()
			p.Window, p.Decay = time.Duration(w)*day, time.Duration(d)*day
			var synth float64
			for _, s := range streams {
				synth += Run(s, p, false).StoryBCubed.F1
			}
			synth /= float64(len(streams))
			r := Run(ecb, p, false)
			t.Logf("window %2d days decay %2d days  synthetic B3 F1 %.3f  ECB+ B3 F1 %.3f", w, d, synth, r.StoryBCubed.F1)
		}
	}
}
