package bench

import (
	"context"
	"fmt"
	"path/filepath"
	"time"
)

// NearDupResult is one implementation's run with its scores against the
// planted pairs: Candidates scores the LSH candidates, Pairs the pairs
// that passed the threshold check.
type NearDupResult struct {
	NearDupRun
	CandidateScore PairScore `json:"candidate_score"`
	PairScore      PairScore `json:"pair_score"`
}

// NearDupReport compares echotrace's near-duplicate stage with
// ekzhu/minhash-lsh on one corpus, with the same threshold, number of
// hashes and shingles.
type NearDupReport struct {
	Corpus     Stats           `json:"corpus"`
	Seed       uint64          `json:"seed"`
	GenSeconds float64         `json:"generate_seconds"`
	Config     NearDupConfig   `json:"config"`
	Runs       []NearDupResult `json:"runs"` // echotrace first
	// Ratios of echotrace to ekzhu/minhash-lsh. Speedup is ekzhu's stage
	// time over echotrace's (above 1: echotrace is faster), in wall and in
	// CPU seconds; the others are echotrace's value over ekzhu's.
	Speedup         float64 `json:"speedup"`
	CPUSpeedup      float64 `json:"cpu_speedup"`
	MemoryRatio     float64 `json:"memory_ratio"`
	RecallRatio     float64 `json:"recall_ratio"`
	PrecisionRatio  float64 `json:"precision_ratio"`
	GoalMet         bool    `json:"goal_met"` // at least 2× faster at equal or better recall
	GoalDescription string  `json:"goal"`
}

// StageRunner runs one implementation's near-duplicate stage on a corpus
// and fills in its PeakRSS: in a child process (see RunChild) for a
// per-process peak, or in this process; and its CPUSeconds.
type StageRunner func(ctx context.Context, impl, corpus string, cfg NearDupConfig) (NearDupRun, error)

// InProcess runs the stage in this process, resetting the peak memory count
// before it (see ResetPeak); the peak then still includes whatever this
// process holds besides the stage.
func InProcess(ctx context.Context, impl, corpus string, cfg NearDupConfig) (NearDupRun, error) {
	_ = ResetPeak() // without a reset the peak is the whole process's: still a bound
	cpu := cpuSeconds()
	run, err := NearDupStage(ctx, impl, corpus, cfg)
	if err == nil {
		run.CPUSeconds = cpuSeconds() - cpu
		run.PeakRSS, err = PeakRSS()
	}
	return run, err
}

// CompareNearDup generates a corpus by gen into dir, runs both
// implementations on it through runner, echotrace first, and scores both
// against the planted pairs.
func CompareNearDup(ctx context.Context, gen Config, cfg NearDupConfig, dir string, runner StageRunner) (NearDupReport, error) {
	cfg = cfg.withDefaults()
	gen.Shingle = cfg.Shingle // the truth's Jaccard must be over the stage's shingles
	rep := NearDupReport{Config: cfg, Seed: gen.Seed, GoalDescription: "echotrace at least 2× faster than ekzhu/minhash-lsh at equal or better recall"}
	corpus, truthPath := filepath.Join(dir, "corpus.jsonl"), filepath.Join(dir, "truth.jsonl")
	start := time.Now()
	st, err := GenerateFiles(ctx, gen, corpus, truthPath)
	if err != nil {
		return rep, err
	}
	rep.Corpus, rep.GenSeconds = st, time.Since(start).Seconds()
	truth, err := ReadTruthFile(truthPath)
	if err != nil {
		return rep, err
	}
	truth.Passages = nil // the pairs are all this comparison scores
	for _, impl := range []string{ImplEchotrace, ImplEkzhu} {
		run, err := runner(ctx, impl, corpus, cfg)
		if err != nil {
			return rep, fmt.Errorf("bench: %s: %w", impl, err)
		}
		res := NearDupResult{
			CandidateScore: ScorePairs(truth.Pairs, cfg.Threshold, run.Candidates),
			PairScore:      ScorePairs(truth.Pairs, cfg.Threshold, run.Pairs),
		}
		run.Candidates, run.Pairs = nil, nil
		res.NearDupRun = run
		rep.Runs = append(rep.Runs, res)
	}
	ours, theirs := rep.Runs[0], rep.Runs[1]
	rep.Speedup = div(theirs.Stage.Seconds, ours.Stage.Seconds)
	rep.CPUSpeedup = div(theirs.Stage.CPUSeconds, ours.Stage.CPUSeconds)
	rep.MemoryRatio = div(float64(ours.PeakRSS), float64(theirs.PeakRSS))
	rep.RecallRatio = div(ours.PairScore.Recall, theirs.PairScore.Recall)
	rep.PrecisionRatio = div(ours.PairScore.Precision, theirs.PairScore.Precision)
	// The goal is judged on the smaller of the two speedups.
	rep.GoalMet = min(rep.Speedup, rep.CPUSpeedup) >= 2 && ours.PairScore.Recall >= theirs.PairScore.Recall
	return rep, nil
}

// div is a/b, 0 when b is 0.
func div(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
