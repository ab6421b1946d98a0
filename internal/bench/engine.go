package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/echotrace/echotrace/internal/relate"
)

// Engine is echotrace's reuse engine as the bench sees it: analyse the
// JSONL corpus at corpus, storing into a database at dbPath, and return the
// passages found. The command passes the real pipeline; bench does not
// import it.
type Engine func(ctx context.Context, corpus string, dbPath string) (EngineOutput, error)

// EngineOutput is what an engine run returns: the passages it found, and
// optionally where its time went and its own counts.
type EngineOutput struct {
	Passages []relate.Passage
	Phases   []NamedPhase
	Stats    any // engine-specific counts, reported as they are
}

// NamedPhase is one timed phase of an engine run, with what the garbage
// collector did in it.
type NamedPhase struct {
	Name string `json:"name"`
	Phase
	GC GCUse `json:"gc"`
}

// Time runs fn and records its wall and CPU time as the phase name.
func (o *EngineOutput) Time(name string, fn func() error) error {
	stop := o.Start(name)
	err := fn()
	stop()
	return err
}

// Start begins the phase name; the function it returns ends it and
// records its wall and CPU time and the collector's work. The calling
// goroutine, and every goroutine it starts in the phase, carries the
// profiler label phase=name, so a --cpuprofile splits by phase
// (go tool pprof -tagfocus phase=quotes).
func (o *EngineOutput) Start(name string) func() {
	start, cpu, gc := time.Now(), cpuSeconds(), readGC()
	pprof.SetGoroutineLabels(pprof.WithLabels(context.Background(), pprof.Labels("phase", name)))
	return func() {
		pprof.SetGoroutineLabels(context.Background())
		ph := Phase{time.Since(start).Seconds(), cpuSeconds() - cpu}
		o.Phases = append(o.Phases, NamedPhase{name, ph, readGC().since(gc)})
	}
}

// EngineResult is one measured run of an Engine on a generated corpus.
type EngineResult struct {
	Corpus     Stats   `json:"corpus"`
	Seed       uint64  `json:"seed"`
	GenSeconds float64 `json:"generate_seconds"`
	Seconds    float64 `json:"seconds"`     // wall time of the engine alone
	CPUSeconds float64 `json:"cpu_seconds"` // user + system CPU time of the engine run, all threads
	DocsPerSec float64 `json:"docs_per_second"`
	MBPerSec   float64 `json:"mb_per_second"` // of document text, 10^6 bytes
	// PeakRSS is the process's peak resident set during the engine run,
	// in bytes; PeakNote says how it was measured.
	PeakRSS  int64        `json:"peak_rss_bytes"`
	PeakNote string       `json:"peak_note"`
	Passages PassageScore `json:"passages"`
	// PAN is the character-level score of the same passages.
	PAN    PANScore     `json:"pan"`
	Phases []NamedPhase `json:"phases,omitempty"`
	Stats  any          `json:"engine_stats,omitempty"`
}

// RunEngine generates a corpus by cfg into dir (corpus.jsonl, truth.jsonl,
// and the engine's database bench.db), runs eng on it, and scores the
// passages it returns against the planted ones. The truth is read only
// after the run, so it does not count in the engine's memory.
func RunEngine(ctx context.Context, eng Engine, cfg Config, dir string) (EngineResult, error) {
	res := EngineResult{Seed: cfg.Seed}
	corpus, truthPath := filepath.Join(dir, "corpus.jsonl"), filepath.Join(dir, "truth.jsonl")
	start := time.Now()
	st, err := GenerateFiles(ctx, cfg, corpus, truthPath)
	if err != nil {
		return res, err
	}
	res.Corpus, res.GenSeconds = st, time.Since(start).Seconds()

	db := filepath.Join(dir, "bench.db")
	for _, p := range []string{db, db + "-wal", db + "-shm", db + "-journal"} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return res, fmt.Errorf("bench: removing old database: %w", err)
		}
	}
	res.PeakNote = "VmHWM of the bench process, reset before the engine run"
	if err := ResetPeak(); err != nil {
		res.PeakNote = "VmHWM of the whole bench process (peak reset unavailable: " + err.Error() + ")"
	}
	start, cpu := time.Now(), cpuSeconds()
	out, err := eng(ctx, corpus, db)
	res.Seconds, res.CPUSeconds = time.Since(start).Seconds(), cpuSeconds()-cpu
	if err != nil {
		return res, fmt.Errorf("bench: engine: %w", err)
	}
	if res.PeakRSS, err = PeakRSS(); err != nil {
		res.PeakNote = err.Error()
	}
	if res.Seconds > 0 {
		res.DocsPerSec = float64(st.Docs) / res.Seconds
		res.MBPerSec = float64(st.Bytes) / 1e6 / res.Seconds
	}
	truth, err := ReadTruthFile(truthPath)
	if err != nil {
		return res, err
	}
	res.Phases, res.Stats = out.Phases, out.Stats
	res.Passages = ScorePassages(truth.Passages, out.Passages)
	res.PAN = ScorePAN(truth.Passages, out.Passages)
	return res, nil
}

// GenerateFiles generates a corpus into the file corpus and its truth into
// the file truth.
func GenerateFiles(ctx context.Context, cfg Config, corpus, truth string) (Stats, error) {
	cf, err := os.Create(corpus)
	if err != nil {
		return Stats{}, fmt.Errorf("bench: %w", err)
	}
	defer cf.Close()
	tf, err := os.Create(truth)
	if err != nil {
		return Stats{}, fmt.Errorf("bench: %w", err)
	}
	defer tf.Close()
	st, err := Generate(ctx, cfg, cf, tf)
	if err != nil {
		return st, err
	}
	if err := cf.Close(); err != nil {
		return st, fmt.Errorf("bench: %s: %w", corpus, err)
	}
	if err := tf.Close(); err != nil {
		return st, fmt.Errorf("bench: %s: %w", truth, err)
	}
	return st, nil
}

// ReadTruthFile reads the truth file at path.
func ReadTruthFile(path string) (Truth, error) {
	f, err := os.Open(path)
	if err != nil {
		return Truth{}, fmt.Errorf("bench: %w", err)
	}
	defer f.Close()
	t, err := ReadTruth(f)
	if err != nil {
		return t, fmt.Errorf("bench: %s: %w", path, err)
	}
	return t, nil
}
