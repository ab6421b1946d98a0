package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/echotrace/echotrace/internal/bench"
	"github.com/echotrace/echotrace/internal/pipeline"
	"github.com/echotrace/echotrace/internal/read"
	"github.com/echotrace/echotrace/internal/store"
)

func init() {
	var (
		docs      uint
		seed      uint64
		dir       string
		keep      bool
		reuseOnly bool
	)
	benchCmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure the engine on a generated corpus with planted reuse",
		Long: `bench generates a synthetic news corpus with planted reuse of known spans
(edited whole copies, copies with pasted captions, reordered paragraphs,
partial copies, near-duplicates, per-outlet boilerplate, unrelated
articles), runs the whole engine on it (ingest into a fresh SQLite
database, then analyse), and reports documents/s, MB/s, peak memory, and
recall and precision of the planted passages, and PAN's character-level
recall, precision, granularity and plagdet.

A planted passage is found when one reported passage overlaps it on both
sides by at least half of the planted span; a reported passage is correct
when on both sides it overlaps a planted passage of the same pair by at
least half of the shorter span. The corpus is reproduced by --docs and
--seed.

"bench neardup" compares the near-duplicate stage with ekzhu/minhash-lsh.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			d, cleanup, err := benchDir(dir, keep)
			if err != nil {
				return err
			}
			defer cleanup()
			engine := pipelineEngine
			if reuseOnly {
				engine = reuseEngine
			}
			res, err := bench.RunEngine(cmd.Context(), engine, bench.Config{Docs: int(docs), Seed: seed}, d)
			if err != nil {
				return err
			}
			return printResult(cmd.OutOrStdout(), res, printEngineResult)
		},
	}
	benchCmd.Flags().UintVar(&docs, "docs", 10000, "documents to generate")
	benchCmd.Flags().BoolVar(&reuseOnly, "reuse-only", false, "measure ingest and reuse analysis only, without the later stages (quotes, stories)")
	benchCmd.PersistentFlags().Uint64Var(&seed, "seed", 1, "seed of the generated corpus")
	benchCmd.PersistentFlags().StringVar(&dir, "dir", "", "directory for the corpus, truth and database (default: a temporary directory, removed afterwards)")
	benchCmd.PersistentFlags().BoolVar(&keep, "keep", false, "keep the temporary directory")

	var (
		ndDocs    uint
		cfg       bench.NearDupConfig
		inProcess bool
	)
	neardupCmd := &cobra.Command{
		Use:   "neardup",
		Short: "Compare the near-duplicate stage with ekzhu/minhash-lsh",
		Long: `neardup generates a corpus, then runs echotrace's MinHash near-duplicate
stage and github.com/ekzhu/minhash-lsh on it with the same number of
hashes, threshold and shingles, each in a child process of its own so that
each peak memory is its own. It reports time (wall and CPU), peak memory,
query latency, and recall and precision of the planted near-duplicate
pairs (planted pairs whose exact shingle Jaccard reaches the threshold),
and the ratios. echotrace chooses its LSH banding for recall
(--recall-weight); --recall-weight 0.5 gives it ekzhu's banding.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			d, cleanup, err := benchDir(dir, keep)
			if err != nil {
				return err
			}
			defer cleanup()
			runner := childStage
			if inProcess {
				runner = bench.InProcess
			}
			rep, err := bench.CompareNearDup(cmd.Context(), bench.Config{Docs: int(ndDocs), Seed: seed}, cfg, d, runner)
			if err != nil {
				return err
			}
			return printResult(cmd.OutOrStdout(), rep, printNearDupReport)
		},
	}
	neardupCmd.Flags().UintVar(&ndDocs, "docs", 100000, "documents to generate")
	neardupCmd.Flags().IntVar(&cfg.Hashes, "hashes", 128, "MinHash signature length, for both implementations")
	neardupCmd.Flags().Float64Var(&cfg.Threshold, "threshold", 0.8, "Jaccard similarity threshold, for both implementations")
	neardupCmd.Flags().IntVar(&cfg.Shingle, "shingle", 5, "tokens per shingle")
	neardupCmd.Flags().Float64Var(&cfg.RecallWeight, "recall-weight", 0.9, "echotrace's banding: weight of missed pairs against needless candidates (0.5 gives ekzhu's banding)")
	neardupCmd.Flags().BoolVar(&inProcess, "in-process", false, "run both stages in this process (peak memory then less exact)")

	// stageCmd is what childStage runs: one implementation's stage over a
	// corpus, printed as JSON.
	var impl, corpus string
	stageCmd := &cobra.Command{
		Use:    "neardup-stage",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			run, err := bench.NearDupStage(cmd.Context(), impl, corpus, cfg)
			if err != nil {
				return err
			}
			return writeJSON(cmd.OutOrStdout(), run)
		},
	}
	stageCmd.Flags().StringVar(&impl, "impl", bench.ImplEchotrace, "implementation")
	stageCmd.Flags().StringVar(&corpus, "corpus", "", "JSONL corpus")
	stageCmd.Flags().IntVar(&cfg.Hashes, "hashes", 128, "")
	stageCmd.Flags().Float64Var(&cfg.Threshold, "threshold", 0.8, "")
	stageCmd.Flags().IntVar(&cfg.Shingle, "shingle", 5, "")
	stageCmd.Flags().Float64Var(&cfg.RecallWeight, "recall-weight", 0.9, "")

	benchCmd.AddCommand(neardupCmd, stageCmd)
	rootCmd.AddCommand(benchCmd)
}

// pipelineEngine is the whole engine as the bench measures it: ingest the
// corpus into a fresh database and analyse it.
func pipelineEngine(ctx context.Context, corpus, dbPath string) (bench.EngineOutput, error) {
	return onIngested(ctx, corpus, dbPath, func(st store.Store, out *bench.EngineOutput) error {
		// Each step of the analysis is a phase of its own: reuse (with
		// storing its results), then every later stage.
		stop := func() {}
		step := func(format string, args ...any) {
			stop()
			name := fmt.Sprintf(format, args...)
			if strings.HasPrefix(name, "finding reuse") {
				name = "reuse"
			}
			stop = out.Start(name)
		}
		defer func() { stop() }()
		return out.Time("analyze", func() error {
			res, err := pipeline.Analyze(ctx, st, pipeline.AnalyzeOptions{Reuse: reuseOptions(dbPath), Force: true, Log: step})
			stop()
			stop = func() {}
			if err != nil {
				return err
			}
			if res.Reuse == nil {
				return fmt.Errorf("analysis stored no reuse results")
			}
			out.Passages, out.Stats = res.Reuse.Passages, res.Reuse.Stats
			return nil
		})
	})
}

// reuseEngine is ingest, reuse analysis and storing its results: the part
// of the engine the planted passages score, without the stages after it.
func reuseEngine(ctx context.Context, corpus, dbPath string) (bench.EngineOutput, error) {
	return onIngested(ctx, corpus, dbPath, func(st store.Store, out *bench.EngineOutput) error {
		version, err := st.Version(ctx)
		if err != nil {
			return err
		}
		var res *pipeline.ReuseResult
		if err := out.Time("reuse", func() error {
			res, err = pipeline.FindReuse(ctx, pipeline.StoreCorpus(st), reuseOptions(dbPath))
			return err
		}); err != nil {
			return err
		}
		out.Passages, out.Stats = res.Passages, res.Stats
		return out.Time("store reuse", func() error {
			_, err := st.ReplaceReuse(ctx, version, res.Passages, res.Relations, res.Chains)
			return err
		})
	})
}

// onIngested opens the database, ingests the corpus, runs analyse on the
// store and closes it. Closing is a phase of its own: SQLite copies what
// is left of its log into the file then, which after the later stages'
// last transaction (the stories and the clusterer's saved state) is
// gigabytes at a million documents.
func onIngested(ctx context.Context, corpus, dbPath string, analyse func(store.Store, *bench.EngineOutput) error) (out bench.EngineOutput, err error) {
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		return out, err
	}
	defer func() {
		cerr := out.Time("close", st.Close)
		if err == nil && cerr != nil {
			err = fmt.Errorf("closing the database: %w", cerr)
		}
	}()
	if err := out.Time("ingest", func() error { return ingestGenerated(ctx, st, corpus) }); err != nil {
		return out, err
	}
	return out, analyse(st, &out)
}

// ingestGenerated ingests a generated corpus, which must go in whole.
func ingestGenerated(ctx context.Context, st store.Store, corpus string) error {
	var problems []string
	sum, err := pipeline.Ingest(ctx, st, []string{corpus}, pipeline.IngestOptions{}, func(p read.Problem) {
		problems = append(problems, p.Error())
	})
	if err != nil {
		return err
	}
	if sum.Failed() {
		return fmt.Errorf("ingesting the generated corpus: %s", strings.Join(problems, "; "))
	}
	return nil
}

// childStage runs one implementation's near-duplicate stage in a child
// process of this executable, so its peak memory is a process's own.
func childStage(ctx context.Context, impl, corpus string, cfg bench.NearDupConfig) (bench.NearDupRun, error) {
	exe, err := os.Executable()
	if err != nil {
		return bench.NearDupRun{}, err
	}
	args := []string{"bench", "neardup-stage", "--impl", impl, "--corpus", corpus,
		"--hashes", fmt.Sprint(cfg.Hashes), "--threshold", fmt.Sprint(cfg.Threshold), "--shingle", fmt.Sprint(cfg.Shingle), "--recall-weight", fmt.Sprint(cfg.RecallWeight)}
	var run bench.NearDupRun
	use, err := bench.RunChild(ctx, exe, args, &run)
	run.PeakRSS, run.CPUSeconds = use.PeakRSS, use.CPUSeconds
	return run, err
}

// benchDir returns the directory to work in and a function that removes it
// when it is a temporary one that is not to be kept.
func benchDir(dir string, keep bool) (string, func(), error) {
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", nil, err
		}
		return dir, func() {}, nil
	}
	d, err := os.MkdirTemp("", "echotrace-bench-")
	if err != nil {
		return "", nil, err
	}
	if keep {
		fmt.Fprintln(os.Stderr, "echotrace: bench files kept in", d)
		return d, func() {}, nil
	}
	return d, func() { os.RemoveAll(d) }, nil
}

// printResult prints v as JSON with --json, else as text by text.
func printResult[T any](w io.Writer, v T, text func(io.Writer, T)) error {
	if flagJSON {
		return writeJSON(w, v)
	}
	text(w, v)
	return nil
}

// mib formats bytes as MiB.
func mib(b int64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

func printEngineResult(w io.Writer, r bench.EngineResult) {
	c := r.Corpus
	fmt.Fprintf(w, "corpus     %d documents, %.1f MB, %d words (seed %d, generated in %.1f s)\n",
		c.Docs, float64(c.Bytes)/1e6, c.Words, r.Seed, r.GenSeconds)
	fmt.Fprintf(w, "planted    %d passages in %d pairs\n", c.Passages, c.Pairs)
	fmt.Fprintf(w, "engine     %.1f s (%.1f s CPU): %.0f documents/s, %.2f MB/s\n", r.Seconds, r.CPUSeconds, r.DocsPerSec, r.MBPerSec)
	for _, ph := range r.Phases {
		fmt.Fprintf(w, "  %-12s %.1f s (%.1f s CPU; collector %.1f s CPU in %d cycles; Go memory mapped %s so far)\n",
			ph.Name, ph.Seconds, ph.CPUSeconds, ph.GC.CPUSeconds, ph.GC.Cycles, mib(int64(ph.GC.GoBytes)))
	}
	fmt.Fprintf(w, "memory     peak %s (%s)\n", mib(r.PeakRSS), r.PeakNote)
	p := r.Passages
	fmt.Fprintf(w, "recall     %.3f (%d of %d planted passages found)\n", p.Recall, p.Found, p.Planted)
	fmt.Fprintf(w, "precision  %.3f (%d of %d reported passages correct)\n", p.Precision, p.Correct, p.Reported)
	pan := r.PAN
	fmt.Fprintf(w, "PAN        plagdet %.4f: recall %.4f, precision %.4f, granularity %.4f (%d of %d cases detected, %d passages)\n",
		pan.Plagdet, pan.Recall, pan.Precision, pan.Granularity, pan.Detected, pan.Cases, pan.Reported)
	for _, op := range []bench.Op{bench.OpEdit, bench.OpInsert, bench.OpReorder, bench.OpPartial, bench.OpNearDup} {
		if o := p.ByOp[op]; o != nil {
			fmt.Fprintf(w, "  %-8s recall %.3f (%d of %d)\n", op, o.Recall, o.Found, o.Planted)
		}
	}
}

func printNearDupReport(w io.Writer, r bench.NearDupReport) {
	c := r.Corpus
	fmt.Fprintf(w, "corpus     %d documents, %.1f MB (seed %d, generated in %.1f s)\n", c.Docs, float64(c.Bytes)/1e6, r.Seed, r.GenSeconds)
	fmt.Fprintf(w, "config     %d hashes, threshold %.2f, %d-token shingles, echotrace recall weight %.2f\n",
		r.Config.Hashes, r.Config.Threshold, r.Config.Shingle, r.Config.RecallWeight)
	fmt.Fprintf(w, "truth      %d planted pairs at or above the threshold\n\n", r.Runs[0].PairScore.Truth)
	fmt.Fprintf(w, "seconds, wall (CPU)  %-5s %13s %13s %13s %13s %8s %7s %9s\n", "bands", "sign", "index", "query", "stage", "peak", "recall", "precision")
	for _, run := range r.Runs {
		ph := func(p bench.Phase) string { return fmt.Sprintf("%5.1f (%5.1f)", p.Seconds, p.CPUSeconds) }
		fmt.Fprintf(w, "%-20s %2d×%-2d %13s %13s %13s %13s %8s %7.3f %9.3f\n", run.Impl, run.Bands, run.Rows,
			ph(run.Sign), ph(run.Index), ph(run.Query), ph(run.Stage), mib(run.PeakRSS),
			run.PairScore.Recall, run.PairScore.Precision)
	}
	for _, run := range r.Runs {
		q := run.QueryMicros
		fmt.Fprintf(w, "%-20s one query against the whole index: p50 %.0f µs, p99 %.0f µs, max %.0f µs\n", run.Impl, q.P50, q.P99, q.Max)
	}
	fmt.Fprintf(w, "\nreading and tokenising, the same work for both, took %.1f s and %.1f s;\nthe whole processes used %.1f s and %.1f s of CPU\n",
		r.Runs[0].Read.Seconds, r.Runs[1].Read.Seconds, r.Runs[0].CPUSeconds, r.Runs[1].CPUSeconds)
	fmt.Fprintf(w, "speedup %.1f× wall, %.1f× CPU; memory ratio %.2f; recall ratio %.3f; precision ratio %.3f\n",
		r.Speedup, r.CPUSpeedup, r.MemoryRatio, r.RecallRatio, r.PrecisionRatio)
	verdict := "NOT met"
	if r.GoalMet {
		verdict = "met"
	}
	fmt.Fprintf(w, "goal (%s): %s\n", r.GoalDescription, verdict)
}
