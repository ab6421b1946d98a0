package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/store"
)

// Stage is an analysis step that runs after reuse analysis, on the same
// corpus version: quotes and entities, then stories and narratives. Stages
// register themselves from their own files in this package. A stage reads
// what it needs (documents, the stored reuse results) from the store and
// stores its results tagged with the version, in one transaction, so that
// a killed run leaves either the old results or the new ones.
type Stage struct {
	Name  string
	Key   string // the stage's name in AnalyzeOptions.Stages: "quotes", "stories"
	Order int    // stages run in increasing order
	// Version is the corpus version the stage's stored results describe
	// (0 when it has none).
	Version func(ctx context.Context, st store.Store) (int64, error)
	Run     func(ctx context.Context, st store.Store, version int64, opt StageOptions) error
}

// StageOptions are what a stage is given besides the store.
type StageOptions struct {
	// TempDir is where a stage's temporary files go ("" for the system's
	// temporary directory): at a million documents the quote stage spills
	// a few gigabytes there.
	TempDir string
	// Progress, when set, is told how far a stage has got: done of total
	// documents (total 0 when unknown). It is called from one goroutine
	// at a time, often; it should be cheap.
	Progress func(stage string, done, total int64)
	// stories, when set, has the quote stage prepare the documents for
	// the story stage that runs after it (see storyHandoff).
	stories *storyHandoff
	// bounded is set when the stages run under the bound of the reuse
	// analysis's memory (boundGC), which bounds their store steps too.
	bounded bool
}

// tightenGC is tightenGC unless the stages run under a bound.
func (o StageOptions) tightenGC() (restore func()) {
	if o.bounded {
		return func() {}
	}
	return tightenGC()
}

func (o StageOptions) progress(stage string, done, total int64) {
	if o.Progress != nil {
		o.Progress(stage, done, total)
	}
}

// total is the number of documents a stage walks, for progress; 0 when
// no one is told or it cannot be counted.
func (o StageOptions) total(ctx context.Context, st store.Store) int64 {
	if o.Progress == nil {
		return 0
	}
	n, err := st.CountDocuments(ctx)
	if err != nil {
		return 0
	}
	return n
}

var stages []Stage

// registerStage adds a stage; called from init functions.
func registerStage(s Stage) {
	stages = append(stages, s)
	slices.SortStableFunc(stages, func(a, b Stage) int { return a.Order - b.Order })
}

// AnalyzeOptions tune Analyze.
type AnalyzeOptions struct {
	Reuse ReuseOptions
	// CrossLang turns on the search for translations (see crosslang.go).
	CrossLang CrossLangOptions
	// Force analyses even when the stored results describe the current
	// corpus.
	Force bool
	// Log, when set, receives one line per stage.
	Log func(format string, args ...any)
	// Progress, when set, is told how far each stage after reuse has got
	// (see StageOptions).
	Progress func(stage string, done, total int64)
	// Stages, when not nil, are the keys of the later stages to run (see
	// StageKeys); reuse analysis always runs, as they build on it. nil
	// runs them all. A corpus too large to wait for quotes and stories
	// can be analysed for reuse alone.
	Stages []string
}

// AnalyzeResult says what Analyze did.
type AnalyzeResult struct {
	Version int64 // corpus version analysed
	Skipped bool  // the stored results were already current
	Stored  bool  // false when a newer analysis had been stored meanwhile
	Reuse   *ReuseResult
	// CrossLang counts the translation search's work, when it ran.
	CrossLang *CrossLangStats
}

// StageKeys are the keys of the later stages, in the order they run.
func StageKeys() []string {
	keys := make([]string, len(stages))
	for i, s := range stages {
		keys[i] = s.Key
	}
	return keys
}

// StoreCorpus reads a store as the Corpus of reuse analysis: its documents
// in ingest order, and any of them by id.
func StoreCorpus(st store.Store) Corpus { return storeCorpus{st} }

type storeCorpus struct{ st store.Store }

func (c storeCorpus) Each(ctx context.Context, fn func(doc.Document) error) error {
	return c.st.EachDocument(ctx, fn)
}

func (c storeCorpus) Load(ctx context.Context, id string) (doc.Document, error) {
	return c.st.Document(ctx, id)
}

// Analyze brings the stored analysis up to date with the stored corpus: it
// finds reuse, then runs the later stages, and stores what they find,
// tagged with the corpus version they describe. Results of an analysis
// that started on an older corpus never replace newer ones, so several
// processes may ingest and analyse one database at once.
func Analyze(ctx context.Context, st store.Store, opt AnalyzeOptions) (AnalyzeResult, error) {
	logf := opt.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	version, err := st.Version(ctx)
	if err != nil {
		return AnalyzeResult{}, err
	}
	have, err := st.ReuseVersion(ctx)
	if err != nil {
		return AnalyzeResult{}, err
	}
	settings, err := analysisSettings(ctx, st, &opt)
	if err != nil {
		return AnalyzeResult{}, err
	}
	if have >= version && !opt.Force {
		same, err := sameReuseSettings(ctx, st, settings)
		if err != nil {
			return AnalyzeResult{}, err
		}
		if same {
			out := AnalyzeResult{Version: version, Skipped: true}
			ran, err := runStages(ctx, st, version, false, opt.Stages, logf, opt.stageOptions())
			out.Skipped = !ran
			return out, err
		}
		// The stored results were made with other settings: replace them.
		if err := st.StaleReuse(ctx); err != nil {
			return AnalyzeResult{}, err
		}
	}
	logf("finding reuse in corpus version %d", version)
	progress := reuseProgress{fn: opt.Progress}
	progress.total = opt.stageOptions().total(ctx, st)
	res, err := findReuse(ctx, storeCorpus{st}, opt.Reuse, progress)
	if err != nil {
		return AnalyzeResult{}, fmt.Errorf("reuse analysis: %w", err)
	}
	cl, err := addTranslations(ctx, storeCorpus{st}, res, opt.CrossLang)
	if err != nil {
		return AnalyzeResult{}, fmt.Errorf("translation search: %w", err)
	}
	stored, err := st.ReplaceReuse(ctx, version, res.Passages, res.Relations, res.Chains)
	if err != nil {
		return AnalyzeResult{}, fmt.Errorf("storing reuse results: %w", err)
	}
	out := AnalyzeResult{Version: version, Stored: stored, Reuse: res, CrossLang: cl}
	if !stored {
		logf("a newer analysis was stored meanwhile; keeping it")
		return out, nil
	}
	if _, err := st.SetReuseSettings(ctx, version, settings); err != nil {
		return out, err
	}
	stageOpt := opt.stageOptions()
	// The reuse analysis's memory is what the whole analysis is allowed
	// to need; the later stages may spend it, less often collecting.
	if restore := boundGC(); restore != nil {
		defer restore()
		stageOpt.bounded = true
	}
	_, err = runStages(ctx, st, version, true, opt.Stages, logf, stageOpt)
	return out, err
}

func (o AnalyzeOptions) stageOptions() StageOptions {
	return StageOptions{TempDir: o.Reuse.TempDir, Progress: o.Progress}
}

// runStages runs the stages whose results are older than version (all of
// them when force is set), of those whose keys are in only (all when only
// is nil), and reports whether any ran. When the quote stage and the story
// stage both run, the quote stage's pass prepares the documents for the
// story stage too (storyHandoff).
func runStages(ctx context.Context, st store.Store, version int64, force bool, only []string, logf func(string, ...any), opt StageOptions) (ran bool, err error) {
	var run []Stage
	for _, s := range stages {
		if only != nil && !slices.Contains(only, s.Key) {
			continue
		}
		if !force && s.Version != nil {
			have, err := s.Version(ctx, st)
			if err != nil {
				return false, fmt.Errorf("%s: %w", s.Name, err)
			}
			if have >= version {
				continue
			}
		}
		run = append(run, s)
	}
	key := func(k string) func(Stage) bool { return func(s Stage) bool { return s.Key == k } }
	if slices.ContainsFunc(run, key("quotes")) && slices.ContainsFunc(run, key("stories")) {
		opt.stories = &storyHandoff{}
		defer func() { err = errors.Join(err, opt.stories.close()) }()
	}
	for _, s := range run {
		logf("%s", s.Name)
		ran = true
		if err := s.Run(ctx, st, version, opt); err != nil {
			return ran, fmt.Errorf("%s: %w", s.Name, err)
		}
	}
	return ran, nil
}
