package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/echotrace/echotrace/internal/crosslang"
	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/match"
	"github.com/echotrace/echotrace/internal/relate"
)

// CrossLangOptions turn on and tune the search for translations across
// languages (internal/crosslang). The zero value leaves it off.
type CrossLangOptions struct {
	Enabled bool
	// DictDir holds the FreeDict dictionaries (crosslang.DefaultDictDir
	// when empty); languages without one work from anchors alone.
	DictDir string
	// MaxDF: anchor fingerprints in more documents than this are not
	// followed (a corpus's commonest names and years together).
	MaxDF int
	// MinShared: candidates share at least this many anchor fingerprints.
	MinShared int
	// MinSharedShare: candidates share at least this share of the
	// fingerprints of the one with fewer. A translation repeats most
	// anchors of its original in the same neighbourhoods; two reports
	// that name the same people and years share a few pairs by chance.
	MinSharedShare float64
	// MaxCandidates: at most this many candidates of each document, those
	// sharing the most fingerprints, are aligned.
	MaxCandidates int
	// MinScore: see crosslang.DefaultMinScore.
	MinScore float64
	// BestShare: a match is kept only if its score is at least this share
	// of the best match either document has in the other's language. An
	// article is translated once per language, or a few times alike
	// (several outlets); a far weaker match beside a strong one is a
	// report on the same story, not a translation.
	BestShare float64
	Workers   int // 0: one per CPU
}

// DefaultCrossLangOptions are the defaults with the search turned on.
func DefaultCrossLangOptions() CrossLangOptions {
	return CrossLangOptions{
		Enabled: true, MaxDF: 100, MinShared: 2, MinSharedShare: 0.05, MaxCandidates: 8,
		MinScore: crosslang.DefaultMinScore, BestShare: 0.5,
	}
}

// CrossLangStats count the work of the translation search.
type CrossLangStats struct {
	Documents    int     `json:"documents"`     // with a known language
	Candidates   int64   `json:"candidates"`    // pairs aligned
	Translations int     `json:"translations"`  // relations found
	IndexSeconds float64 `json:"index_seconds"` // wall time of the first pass
	AlignSeconds float64 `json:"align_seconds"` // and of the second
}

// CrossLangResult is what the translation search finds: relations of kind
// translation and their passages (aligned sentences).
type CrossLangResult struct {
	Passages  []relate.Passage
	Relations []relate.Relation
	Stats     CrossLangStats
}

// FindTranslations finds documents that translate each other. The first
// pass reads every document of known language, finds its anchors and
// indexes their fingerprints; the second looks up each document's
// candidates in other languages (later in corpus order, so each pair is
// met once), aligns their sentences and keeps the pairs that align far
// better than chance. Pairs for which skip returns true (those already
// related by shared text) are left alone.
func FindTranslations(ctx context.Context, c Corpus, opt CrossLangOptions, skip func(a, b string) bool) (*CrossLangResult, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	start := time.Now()
	an := crosslang.NewAnalyzer(crosslang.NewDictionaries(opt.DictDir))
	type entry struct {
		id, lang string
		fps      []uint64 // anchor fingerprints, until looked up
		nfps     int
	}
	var docs []entry
	idx := match.NewIndex()
	var mu sync.Mutex
	var featErr error
	err := eachMapped(ctx, c.Each, func(d *doc.Document) entry {
		e := entry{id: d.ID, lang: d.Lang}
		if d.Lang == "" {
			return e // unknown language: never compared across languages
		}
		f, err := an.Anchors(d)
		if err != nil {
			mu.Lock()
			if featErr == nil {
				featErr = err
			}
			mu.Unlock()
			return e
		}
		for _, fp := range f.Fingerprints() {
			e.fps = append(e.fps, fp.Hash)
		}
		e.nfps = len(e.fps)
		return e
	}, func(n int, e entry) {
		if len(e.fps) > 0 {
			fps := make([]match.Fingerprint, len(e.fps))
			for i, h := range e.fps {
				fps[i] = match.Fingerprint{Hash: h}
			}
			idx.Add(uint32(n), fps)
		}
		docs = append(docs, e)
	})
	if err == nil {
		err = featErr
	}
	if err != nil {
		return nil, fmt.Errorf("reading the corpus for translations: %w", err)
	}
	idx.Freeze()
	indexed := time.Now()
	res := &CrossLangResult{}
	for _, e := range docs {
		if e.lang != "" {
			res.Stats.Documents++
		}
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan int)
	var matches []crosslang.Match
	var wg sync.WaitGroup
	fail := func(err error) {
		mu.Lock()
		if featErr == nil {
			featErr = err
		}
		mu.Unlock()
		cancel()
	}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var counts map[uint32]int
			for i := range jobs {
				x := docs[i]
				fps := make([]match.Fingerprint, len(x.fps))
				for k, h := range x.fps {
					fps[k] = match.Fingerprint{Hash: h}
				}
				var cands []match.Candidate
				cands, counts = idx.Candidates(fps, match.CandidateOptions{
					MaxDF: opt.MaxDF, MinShared: opt.MinShared, After: int64(i), Exclude: int64(i),
				}, counts)
				kept := cands[:0]
				for _, cd := range cands {
					y := docs[cd.Doc]
					if y.lang == "" || y.lang == x.lang || (skip != nil && skip(x.id, y.id)) ||
						float64(cd.Shared) < opt.MinSharedShare*float64(min(x.nfps, y.nfps)) {
						continue
					}
					kept = append(kept, cd)
					if len(kept) == opt.MaxCandidates {
						break
					}
				}
				if len(kept) == 0 {
					continue
				}
				dx, err := c.Load(ctx, x.id)
				if err != nil {
					fail(fmt.Errorf("loading %s: %w", x.id, err))
					return
				}
				fx, err := an.Features(&dx)
				if err != nil {
					fail(err)
					return
				}
				for _, cd := range kept {
					dy, err := c.Load(ctx, docs[cd.Doc].id)
					if err != nil {
						fail(fmt.Errorf("loading %s: %w", docs[cd.Doc].id, err))
						return
					}
					fy, err := an.Features(&dy)
					if err != nil {
						fail(err)
						return
					}
					a, b, fa, fb := &dx, &dy, fx, fy
					if b.ID < a.ID {
						a, b, fa, fb = b, a, fb, fa
					}
					m, ok := crosslang.Compare(a, b, fa, fb, opt.MinScore)
					mu.Lock()
					res.Stats.Candidates++
					if ok {
						matches = append(matches, m)
					}
					mu.Unlock()
				}
			}
		}()
	}
	for i := range docs {
		if len(docs[i].fps) == 0 {
			continue
		}
		select {
		case jobs <- i:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	if featErr != nil {
		return nil, featErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, m := range crosslang.KeepBest(matches, opt.BestShare) {
		res.Relations = append(res.Relations, m.Relation)
		res.Passages = append(res.Passages, m.Passages...)
	}
	res.Stats.Translations = len(res.Relations)
	res.Stats.IndexSeconds = indexed.Sub(start).Seconds()
	res.Stats.AlignSeconds = time.Since(indexed).Seconds()
	slices.SortFunc(res.Relations, func(x, y relate.Relation) int {
		if x.A != y.A {
			return cmpStr(x.A, y.A)
		}
		return cmpStr(x.B, y.B)
	})
	slices.SortFunc(res.Passages, func(x, y relate.Passage) int {
		if c := cmpEnd(x.A, y.A); c != 0 {
			return c
		}
		return cmpEnd(x.B, y.B)
	})
	return res, nil
}

// addTranslations runs the translation search when it is turned on and
// adds what it finds to the reuse results, which the store keeps together:
// pairs that already share text keep their relation.
func addTranslations(ctx context.Context, c Corpus, res *ReuseResult, opt CrossLangOptions) (*CrossLangStats, error) {
	if !opt.Enabled {
		return nil, nil
	}
	related := map[[2]string]bool{}
	for _, r := range res.Relations {
		related[[2]string{r.A, r.B}] = true
	}
	tr, err := FindTranslations(ctx, c, opt, func(a, b string) bool {
		if b < a {
			a, b = b, a
		}
		return related[[2]string{a, b}]
	})
	if err != nil {
		return nil, err
	}
	res.Passages = append(res.Passages, tr.Passages...)
	res.Relations = append(res.Relations, tr.Relations...)
	sortResult(res)
	return &tr.Stats, nil
}
