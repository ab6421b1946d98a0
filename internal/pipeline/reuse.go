package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/match"
	"github.com/echotrace/echotrace/internal/match/neardup"
	"github.com/echotrace/echotrace/internal/normalize"
	"github.com/echotrace/echotrace/internal/read"
	"github.com/echotrace/echotrace/internal/relate"
)

// Corpus is what reuse analysis reads: every document once in a stable
// order, and any document again by id when a pair of them shares text.
type Corpus interface {
	Each(ctx context.Context, fn func(doc.Document) error) error
	Load(ctx context.Context, id string) (doc.Document, error)
}

// ReuseOptions tune reuse analysis. Start from DefaultReuseOptions.
type ReuseOptions struct {
	Shingle   int // tokens per indexed shingle
	Window    int // winnowing window: runs of Shingle+Window-1 tokens are always found
	MaxDF     int // fingerprints in more documents than this are boilerplate
	MinShared int // fingerprints a pair must share to be aligned
	// BoilerplateShare: a passage more than this share of which is
	// boilerplate — of its fingerprints frequent (above MaxDF), or of its
	// bytes on either side in the reader's boilerplate regions — is marked
	// boilerplate, not reuse. A copy that merely runs into a boilerplate
	// line, or has one inside it, stays reuse.
	BoilerplateShare float64
	Align            match.AlignOptions
	Thresholds       relate.Thresholds
	Workers          int // 0: one per CPU
	// NearDup is the MinHash similarity (Jaccard of 5-token shingle sets)
	// above which two documents are near-identical as a whole and always
	// aligned, even when every fingerprint they share is more frequent than
	// MaxDF (an item reposted by hundreds of outlets); 0 turns it off.
	NearDup float64
	// TempDir is where the token file of the two passes goes ("" for the
	// system's temporary directory); it takes 4 bytes a word of text.
	TempDir string
}

// DefaultReuseOptions are echotrace's defaults: 5-token shingles winnowed
// so that every shared run of 12 tokens (the minimum passage) is found.
func DefaultReuseOptions() ReuseOptions {
	return ReuseOptions{
		Shingle:          5,
		Window:           8,
		MaxDF:            100,
		MinShared:        1,
		BoilerplateShare: 0.5,
		NearDup:          0.8,
		Align:            match.DefaultAlignOptions(),
		Thresholds:       relate.DefaultThresholds(),
	}
}

// ReuseResult is what reuse analysis finds.
type ReuseResult struct {
	Passages  []relate.Passage
	Relations []relate.Relation
	Chains    []relate.Chain
	Stats     ReuseStats
}

// ReuseStats count the work reuse analysis did: how the index and the
// candidate search scale with a corpus, for measuring and tuning.
type ReuseStats struct {
	Documents  int   `json:"documents"`
	Postings   int   `json:"postings"`   // (fingerprint, document) pairs indexed
	Templates  int   `json:"templates"`  // fingerprints found to be an outlet's template
	Candidates int64 `json:"candidates"` // candidate pairs tried by alignment
	Aligned    int64 `json:"aligned"`    // pairs with at least one alignment, loaded and related
	// IndexSeconds and AlignSeconds are the wall time of the two passes.
	IndexSeconds float64 `json:"index_seconds"`
	AlignSeconds float64 `json:"align_seconds"`
}

// fingerprinted is what is kept in memory of a document between the two
// passes: enough to find and name its candidates. Its token hashes wait in
// the token file, its text in the corpus.
type fingerprinted struct {
	id    string
	fps   []match.Fingerprint // only until indexed: recomputed from the tokens when needed
	sig   []uint32            // MinHash signature, until the near-duplicate index takes it
	near  []uint32            // earlier documents near-identical to this one
	group uint32              // the document's outlet, numbered; 0 for none
	lang  string              // for its stopwords
}

// FindReuse finds reused passages, relations and provenance chains in a
// corpus. The first pass indexes every document's fingerprints; the second
// looks up each document's candidates (only documents later in the order,
// so each pair is met once), aligns them, and relates the pairs that share
// passages. Memory holds the index and a few words per document; token
// hashes wait in a temporary file (see tokenFile), texts in the corpus.
func FindReuse(ctx context.Context, c Corpus, opt ReuseOptions) (*ReuseResult, error) {
	return findReuse(ctx, c, opt, reuseProgress{})
}

// reuseProgress tells fn, when set, how far each pass of reuse analysis
// has got: "reuse: indexing" and "reuse: aligning", done of total
// documents (the first pass's total is total, 0 when unknown). fn is
// called from one goroutine at a time.
type reuseProgress struct {
	fn    func(stage string, done, total int64)
	total int64
}

func (p reuseProgress) indexed(done int) {
	if p.fn != nil {
		p.fn("reuse: indexing", int64(done), p.total)
	}
}

func (p reuseProgress) aligning(done, total int) {
	if p.fn != nil {
		p.fn("reuse: aligning", int64(done), int64(total))
	}
}

// findReuse is FindReuse, telling progress how far it has got.
func findReuse(ctx context.Context, c Corpus, opt ReuseOptions, progress reuseProgress) (*ReuseResult, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // a failing worker stops the others and the feeder
	start := time.Now()
	docs, idx, rec, tf, err := indexCorpus(ctx, c, opt, progress)
	if err != nil {
		return nil, err
	}
	indexed := time.Now()
	defer tf.Close()
	// Near-identical pairs, by their earlier document: always aligned.
	nearLater := map[uint32][]uint32{}
	for m := range docs {
		for _, i := range docs[m].near {
			nearLater[i] = append(nearLater[i], uint32(m))
		}
		docs[m].near = nil
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type pairResult struct {
		passages []relate.Passage
		relation *relate.Relation
	}
	jobs := make(chan int)
	results := make(chan pairResult, 64)
	errs := make(chan error, workers)
	fail := func(err error) {
		errs <- err
		cancel()
	}
	var candidates, aligned atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var counts map[uint32]int
			var xtok, ytok []uint64
			var xbuf, ybuf []byte
			// One aligner per worker, reset for each document: its seeds
			// are indexed once for all the document's candidates, in room
			// kept from one document to the next.
			aligner := new(match.Aligner)
			for i := range jobs {
				var err error
				if xtok, xbuf, err = tf.read(i, xtok, xbuf); err != nil {
					fail(err)
					return
				}
				var cands []match.Candidate
				fps := fingerprints(xtok, docs[i].lang, opt)
				cands, counts = idx.Candidates(fps, match.CandidateOptions{
					MaxDF: opt.MaxDF, MinShared: opt.MinShared, After: int64(i), Exclude: int64(i), Group: docs[i].group,
				}, counts)
				near := nearLater[uint32(i)]
				for _, m := range near {
					if _, seen := counts[m]; !seen {
						cands = append(cands, match.Candidate{Doc: m})
					}
				}
				if len(cands) == 0 {
					continue
				}
				candidates.Add(int64(len(cands)))
				x := &pairSide{fp: &docs[i], tokens: xtok, fps: fps, rec: rec}
				aligner.Reset(xtok, opt.Align)
				for _, cand := range cands {
					if ytok, ybuf, err = tf.read(int(cand.Doc), ytok, ybuf); err != nil {
						fail(err)
						return
					}
					als := aligner.Align(ytok)
					if len(als) == 0 {
						continue
					}
					aligned.Add(1)
					y := &pairSide{fp: &docs[cand.Doc], tokens: ytok, rec: rec}
					ps, rel, err := relatePair(ctx, c, idx, x, y, als, slices.Contains(near, cand.Doc), opt)
					if err != nil {
						fail(err)
						return
					}
					if len(ps) > 0 {
						results <- pairResult{ps, rel}
					}
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		// A document is handed out when a worker is free, so the count
		// handed out is the count done, give or take one per worker.
		for i := range docs {
			select {
			case jobs <- i:
				progress.aligning(i+1, len(docs))
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	res := &ReuseResult{}
	for r := range results {
		res.Passages = append(res.Passages, r.passages...)
		if r.relation != nil {
			res.Relations = append(res.Relations, *r.relation)
		}
	}
	select {
	case err := <-errs:
		return nil, err
	default:
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res.Stats = ReuseStats{
		Documents: len(docs), Postings: idx.Postings(), Templates: idx.TemplateCount(),
		Candidates: candidates.Load(), Aligned: aligned.Load(),
		IndexSeconds: indexed.Sub(start).Seconds(), AlignSeconds: time.Since(indexed).Seconds(),
	}
	sortResult(res)
	relate.CommonSources(res.Relations, res.Passages)
	res.Chains = relate.Chains(res.Relations)
	return res, nil
}

// indexCorpus is the first pass: tokenize and fingerprint every document
// (in parallel), index the fingerprints in corpus order and write the
// token hashes to the token file. It also counts the lines of each
// outlet's documents, so that lines recurring across an outlet (its
// templates) are known as boilerplate in the second pass.
func indexCorpus(ctx context.Context, c Corpus, opt ReuseOptions, progress reuseProgress) (docs []fingerprinted, idx *match.Index, rec *read.RecurringIndex, tf *tokenFile, err error) {
	rec = read.NewRecurringIndex(read.DefaultRecurringShare, read.DefaultRecurringDocs)
	var nd *neardup.Index
	if opt.NearDup > 0 {
		nd = neardup.New(neardup.Options{Threshold: opt.NearDup})
	}
	if tf, err = newTokenFile(opt.TempDir); err != nil {
		return nil, nil, nil, nil, err
	}
	defer func() {
		if err != nil {
			tf.Close()
		}
	}()
	// The walk itself is serial: it numbers the outlets. Tokenizing,
	// fingerprinting, signing and hashing lines run on all cores; the
	// results are indexed and counted in corpus order.
	groups := map[string]uint32{}
	var groupOf []uint32 // appended by the walk, read by the consumer
	var groupMu sync.Mutex
	walk := func(ctx context.Context, fn func(doc.Document) error) error {
		return c.Each(ctx, func(d doc.Document) error {
			groupMu.Lock()
			n := len(groupOf)
			groupMu.Unlock()
			if n >= match.MaxDocs {
				return fmt.Errorf("the corpus holds more than %d documents, the most one reuse index takes", match.MaxDocs)
			}
			var g uint32
			if o := strings.ToLower(strings.TrimSpace(cmp.Or(d.Outlet, d.Series))); o != "" {
				if g = groups[o]; g == 0 {
					g = uint32(len(groups) + 1)
					groups[o] = g
				}
			}
			groupMu.Lock()
			groupOf = append(groupOf, g)
			groupMu.Unlock()
			return fn(d)
		})
	}
	type hashed struct {
		f      fingerprinted
		tokens []uint32
		lines  read.DocLines
	}
	idx = match.NewIndex()
	var writeErr error
	err = eachMapped(ctx, walk, func(d *doc.Document) hashed {
		hs := normalize.TokenHashes(d.Text)
		h := hashed{f: fingerprinted{id: d.ID, lang: d.Lang}, tokens: make([]uint32, len(hs)), lines: read.LinesOf(d)}
		wide := make([]uint64, len(hs))
		for i, v := range hs {
			h.tokens[i] = uint32(v)
			wide[i] = uint64(uint32(v))
		}
		h.f.fps = fingerprints(wide, d.Lang, opt)
		if nd != nil {
			h.f.sig = make([]uint32, nd.Options().Hashes)
			if !nd.Sign(hs, h.f.sig) {
				h.f.sig = nil
			}
		}
		return h
	}, func(n int, h hashed) {
		// In corpus order: document numbers are stable.
		rec.AddLines(h.lines)
		f := h.f
		groupMu.Lock()
		f.group = groupOf[n]
		groupMu.Unlock()
		idx.Add(uint32(n), f.fps)
		f.fps = nil // 16 bytes a fingerprint: recomputing is cheaper than keeping
		if f.sig != nil {
			// Each document asks for its near-identical predecessors
			// before it joins them, so every pair is found once, by its
			// later document.
			f.near = nd.QuerySignature(f.sig, nil)
			nd.AddSignature(uint32(n), f.sig)
			f.sig = nil
		}
		if writeErr == nil {
			writeErr = tf.append(h.tokens)
		}
		docs = append(docs, f)
		progress.indexed(len(docs))
	})
	if err == nil {
		err = writeErr
	}
	if err == nil {
		err = tf.done()
	}
	if err != nil {
		return nil, nil, nil, nil, fmt.Errorf("reading the corpus: %w", err)
	}
	// Only the recurring lines are needed from here on, and the workers
	// mark documents concurrently.
	rec.Seal()
	// Sort the postings now, and find each outlet's templates: the workers
	// then only read the index.
	idx.Templates(func(d uint32) uint32 { return docs[d].group }, read.DefaultRecurringDocs, read.DefaultRecurringShare)
	return docs, idx, rec, tf, nil
}

// pairSide is one document of a pair being related: its token hashes and
// fingerprints, and once loaded its text and word spans (loaded once per
// worker job for the document whose candidates are being aligned).
type pairSide struct {
	fp     *fingerprinted
	tokens []uint64
	fps    []match.Fingerprint // computed when first needed
	rec    *read.RecurringIndex
	d      *doc.Document
	spans  []normalize.Span
}

func (s *pairSide) load(ctx context.Context, c Corpus) error {
	if s.d != nil {
		return nil
	}
	d, err := c.Load(ctx, s.fp.id)
	if err != nil {
		return fmt.Errorf("loading %s: %w", s.fp.id, err)
	}
	if s.rec != nil {
		s.rec.Mark(&d) // the outlet's recurring lines are boilerplate
	}
	s.d = &d
	s.spans = normalize.Spans(d.Text)
	if len(s.spans) != len(s.tokens) {
		return fmt.Errorf("document %s changed during analysis", s.fp.id)
	}
	return nil
}

func (s *pairSide) fingerprints(opt ReuseOptions) []match.Fingerprint {
	if s.fps == nil {
		s.fps = fingerprints(s.tokens, s.fp.lang, opt)
	}
	return s.fps
}

// relatePair maps the alignments of two candidate documents to byte
// offsets and relates the documents.
//
// The text of a near-identical pair is never boilerplate for being frequent:
// a widely reposted item is frequent because it travelled.
func relatePair(ctx context.Context, c Corpus, idx *match.Index, x, y *pairSide, als []match.Alignment, nearDup bool, opt ReuseOptions) ([]relate.Passage, *relate.Relation, error) {
	if err := x.load(ctx, c); err != nil {
		return nil, nil, err
	}
	if err := y.load(ctx, c); err != nil {
		return nil, nil, err
	}
	// Relations are stored with A < B by id.
	if y.fp.id < x.fp.id {
		x, y = y, x
		swapped := make([]match.Alignment, len(als))
		for i, al := range als {
			swapped[i] = match.Alignment{A0: al.B0, A1: al.B1, B0: al.A0, B1: al.A1, Matched: al.Matched}
		}
		als = swapped
	}
	a, b := x.d, y.d
	ps := make([]relate.Passage, 0, len(als))
	for _, al := range als {
		p := relate.Passage{
			A:        relate.End{Doc: a.ID, Begin: int(x.spans[al.A0].Begin), End: int(x.spans[al.A1-1].End)},
			B:        relate.End{Doc: b.ID, Begin: int(y.spans[al.B0].Begin), End: int(y.spans[al.B1-1].End)},
			Tokens:   al.Matched,
			Identity: float64(int(al.Identity()*1000+0.5)) / 1000,
		}
		p.A.Begin, p.A.End = widenToPunctuation(a.Text, p.A.Begin, p.A.End)
		p.B.Begin, p.B.End = widenToPunctuation(b.Text, p.B.Begin, p.B.End)
		p.Boilerplate = (!nearDup && frequentShare(x.fingerprints(opt), al.A0, al.A1, idx, opt.MaxDF) > opt.BoilerplateShare) ||
			boilerplateShare(a, p.A.Begin, p.A.End) > opt.BoilerplateShare ||
			boilerplateShare(b, p.B.Begin, p.B.End) > opt.BoilerplateShare
		ps = append(ps, p)
	}
	rel, ok := relate.Classify(a, b, ps, opt.Thresholds)
	if !ok {
		// Only boilerplate is shared: keep the passages, marked as such,
		// but no relation.
		return ps, nil, nil
	}
	return ps, &rel, nil
}

// fingerprints are the winnowed shingles of a document's token hashes (32
// bits each, widened), less those made of stopwords only. The same 32-bit
// hashes are kept for the second pass, so indexing and querying agree.
func fingerprints(tokens []uint64, lang string, opt ReuseOptions) []match.Fingerprint {
	fps := match.Winnow(match.Shingles(tokens, opt.Shingle), opt.Window)
	return dropStopShingles(fps, tokens, opt.Shingle, stopwordHashes(lang))
}

// frequentShare is the share of a document's fingerprints within tokens
// [lo, hi) that occur in more documents than the frequency limit.
func frequentShare(fps []match.Fingerprint, lo, hi int, idx *match.Index, maxDF int) float64 {
	total, frequent := 0, 0
	for _, fp := range fps {
		if int(fp.Pos) < lo || int(fp.Pos) >= hi {
			continue
		}
		total++
		if idx.DF(fp.Hash) > maxDF {
			frequent++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(frequent) / float64(total)
}

// boilerplateShare is the share of bytes [begin, end) of d that lie in
// regions the reader recognised as publisher boilerplate.
func boilerplateShare(d *doc.Document, begin, end int) float64 {
	if end <= begin {
		return 0
	}
	in := 0
	for _, r := range d.Regions {
		if r.Kind != doc.RegionBoilerplate {
			continue
		}
		lo, hi := max(r.Begin, begin), min(r.End, end)
		if hi > lo {
			in += hi - lo
		}
	}
	return float64(in) / float64(end-begin)
}

// widenToPunctuation stretches a passage over the punctuation glued to its
// first and last words — an opening quote, a closing quote and full stop —
// so that the quoted evidence reads as the text does.
func widenToPunctuation(text string, begin, end int) (int, int) {
	for begin > 0 && !isSpaceByte(text[begin-1]) && isPunctStart(text, begin) {
		begin--
	}
	for end < len(text) && !isSpaceByte(text[end]) && isPunctAt(text, end) {
		end++
	}
	// Never end inside a multi-byte character.
	for end < len(text) && text[end]&0xC0 == 0x80 {
		end++
	}
	for begin > 0 && text[begin]&0xC0 == 0x80 {
		begin--
	}
	return begin, end
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// isPunctStart reports whether the byte before begin belongs to punctuation
// (ASCII or a multi-byte mark such as a curly quote), not a letter.
func isPunctStart(text string, begin int) bool {
	c := text[begin-1]
	if c < 0x80 {
		return !isWordByte(c)
	}
	// Inside or at the end of a multi-byte rune: punctuation if the rune
	// it belongs to is not a word rune.
	i := begin - 1
	for i > 0 && text[i]&0xC0 == 0x80 {
		i--
	}
	return len(normalize.Tokens(text[i:begin])) == 0
}

func isPunctAt(text string, end int) bool {
	c := text[end]
	if c < 0x80 {
		return !isWordByte(c)
	}
	if c&0xC0 == 0x80 {
		return true // continuation of the rune begun before
	}
	j := end + 1
	for j < len(text) && text[j]&0xC0 == 0x80 {
		j++
	}
	return len(normalize.Tokens(text[end:j])) == 0
}

func isWordByte(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// sortResult orders results deterministically: the same corpus always
// gives the same report and the same store.
func sortResult(r *ReuseResult) {
	slices.SortFunc(r.Passages, func(x, y relate.Passage) int {
		if c := cmpEnd(x.A, y.A); c != 0 {
			return c
		}
		return cmpEnd(x.B, y.B)
	})
	slices.SortFunc(r.Relations, func(x, y relate.Relation) int {
		if x.A != y.A {
			return cmpStr(x.A, y.A)
		}
		return cmpStr(x.B, y.B)
	})
}

func cmpEnd(x, y relate.End) int {
	if x.Doc != y.Doc {
		return cmpStr(x.Doc, y.Doc)
	}
	if x.Begin != y.Begin {
		return x.Begin - y.Begin
	}
	return x.End - y.End
}

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
