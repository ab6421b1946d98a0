package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/match/neardup"
	"github.com/echotrace/echotrace/internal/normalize"
)

// Mix is the share of documents planted as copies of each kind; the rest
// are original articles (sources, or unrelated to everything).
type Mix struct {
	Edit, Insert, Reorder, Partial, NearDup float64
}

// DefaultMix plants reuse in about half of the documents.
var DefaultMix = Mix{Edit: 0.08, Insert: 0.07, Reorder: 0.07, Partial: 0.15, NearDup: 0.13}

// Config sets the size and shape of a generated corpus.
type Config struct {
	Docs int
	Seed uint64
	// Shingle is the shingle length (tokens) of the Jaccard similarity
	// recorded for planted pairs; 0 means the neardup default.
	Shingle int
	Mix     Mix // zero means DefaultMix
}

// Stats describe a generated corpus.
type Stats struct {
	Docs     int        `json:"docs"`
	Bytes    int64      `json:"bytes"` // of document text
	Words    int64      `json:"words"`
	Ops      map[Op]int `json:"ops"` // planted copies by kind
	Passages int        `json:"passages"`
	Pairs    int        `json:"pairs"`
}

// record is one line of the generated corpus, in passim's fields plus
// echotrace's.
type record struct {
	ID     string `json:"id"`
	Series string `json:"series"`
	Date   string `json:"date,omitempty"`
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	URL    string `json:"url"`
	Lang   string `json:"lang"`
	Text   string `json:"text"`
}

// outlet is an invented publication with boilerplate lines of its own that
// open and close every one of its articles.
type outlet struct {
	name, slug string
	header     string
	footer     []string
	// The token hashes of the header and of the footer's lines.
	headerHashes, footerHashes []uint64
}

// piece is a paragraph of an article under construction: its text and
// where it came from — the index of the source paragraph it copies, or -1
// for new text. Inserted pieces are new text pasted inside a copied span.
type piece struct {
	text     string
	src      int
	inserted bool
	// hashes are the token hashes of text (normalize.TokenHashes), nil
	// when not known: compose then tokenises the text.
	hashes []uint64
}

// article is a generated document kept while it may still be copied.
type article struct {
	id     string
	outlet *outlet
	paras  []string   // paras[0] is the headline
	spans  []doc.Span // byte span of each paragraph in text
	text   string
	// hashes are the token hashes of text, as normalize.TokenHashes gives
	// them, and tokens the range of each paragraph's tokens in them.
	hashes []uint64
	tokens []tokenRange
}

// tokenRange is the tokens [begin, end) of a paragraph.
type tokenRange struct{ begin, end int32 }

// generator holds what the goroutines of one Generate call share: the
// configuration, the vocabulary and the outlets, none of them changed
// once generation starts.
type generator struct {
	ctx     context.Context
	cfg     Config
	v       *vocabulary
	outlets []*outlet
	base    time.Time
	failed  atomic.Bool // writing failed: stop
}

// A corpus is made in three parts, so that it is the same on any number
// of cores. The planner, in order and with the one random source seeded
// by the configuration, decides what each document is: an original, or a
// copy of which earlier original by which operation (a pool of recent
// originals, sourcePool, is all it keeps). Workers, one per core, make
// the documents: each draws everything inside its document (text, edits,
// outlet, date) from a random source seeded by the seed and the
// document's number, so what it makes does not depend on which worker
// makes it or when; a copy waits for its source to be made. They also
// encode the document's corpus line and its truth (token counts, the
// exact Jaccard similarity of the pair). The writer writes the lines in
// the documents' order.

// task is one document, from the planner's decision to its written lines.
type task struct {
	i    int
	op   Op    // "" for an original
	src  *task // the original a copy copies; dropped once copied
	done chan struct{}

	// Set by the worker before done is closed; nil when generation
	// stopped before the document was made.
	art      *article // kept while the task is in the planner's pool
	corpus   []byte   // the corpus line
	truth    []byte   // the truth lines of a copy
	bytes    int      // of text
	words    int
	passages int
	err      error // why the document was not made
}

// sourcePool bounds the originals kept for copying: generation streams,
// and copies are made from recent articles as news copies are.
const sourcePool = 512

// Generate writes cfg.Docs documents as JSONL to corpus and their ground
// truth as JSONL to truth (one {"passage":…} or {"pair":…} per line). Equal
// configurations give byte-identical output, on any machine and any number
// of cores. It stops with ctx's error when ctx is cancelled.
func Generate(ctx context.Context, cfg Config, corpus, truth io.Writer) (Stats, error) {
	if cfg.Docs < 0 {
		return Stats{}, fmt.Errorf("bench: negative document count %d", cfg.Docs)
	}
	g, r := newGenerator(ctx, cfg)
	workers := runtime.GOMAXPROCS(0)
	work := make(chan *task, 4*workers)
	order := make(chan *task, 64*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			w := newWorker(g)
			for t := range work {
				w.make(t)
				close(t.done)
			}
		})
	}
	w := &writer{
		corpus: bufio.NewWriterSize(corpus, 1<<20),
		truth:  bufio.NewWriterSize(truth, 1<<16),
		stats:  Stats{Ops: map[Op]int{}},
	}
	written := make(chan struct{})
	go func() {
		defer close(written)
		w.loop(g, order)
	}()

	g.plan(r, work, order)
	close(work)
	close(order)
	<-written
	wg.Wait()
	if w.err != nil {
		return w.stats, w.err
	}
	if err := ctx.Err(); err != nil {
		return w.stats, err
	}
	if err := w.corpus.Flush(); err != nil {
		return w.stats, fmt.Errorf("bench: writing corpus: %w", err)
	}
	if err := w.truth.Flush(); err != nil {
		return w.stats, fmt.Errorf("bench: writing truth: %w", err)
	}
	return w.stats, nil
}

// newGenerator makes the vocabulary and the outlets of cfg, and returns
// them with the planner's random source.
func newGenerator(ctx context.Context, cfg Config) (*generator, *rand.Rand) {
	if cfg.Mix == (Mix{}) {
		cfg.Mix = DefaultMix
	}
	if cfg.Shingle <= 0 {
		cfg.Shingle = neardup.DefaultShingle
	}
	r := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	g := &generator{
		ctx:  ctx,
		cfg:  cfg,
		v:    newVocabulary(r, 40000),
		base: time.Date(2024, 1, 1, 6, 0, 0, 0, time.UTC),
	}
	nOutlets := min(max(cfg.Docs/150, 3), 400)
	for i := range nOutlets {
		g.outlets = append(g.outlets, g.newOutlet(r, i))
	}
	return g, r
}

// stopped reports whether generation is to stop.
func (g *generator) stopped() bool { return g.failed.Load() || g.ctx.Err() != nil }

// plan decides, in order, what each document is, and hands it to the
// workers and the writer: a copy of a pooled original with the configured
// probabilities, else a new original, which joins the pool.
func (g *generator) plan(r *rand.Rand, work, order chan<- *task) {
	var pool []*task // originals not yet copied
	for i := range g.cfg.Docs {
		if g.stopped() {
			return
		}
		t := &task{i: i, done: make(chan struct{})}
		if op := chooseOp(r, g.cfg.Mix); op != "" && len(pool) > 0 {
			k := r.IntN(len(pool))
			t.op, t.src = op, pool[k]
			pool[k] = pool[len(pool)-1]
			pool = pool[:len(pool)-1]
		} else if len(pool) < sourcePool {
			pool = append(pool, t)
		} else {
			pool[r.IntN(sourcePool)] = t
		}
		order <- t
		work <- t
	}
}

// chooseOp draws the kind of the next document; "" is an original.
func chooseOp(r *rand.Rand, m Mix) Op {
	x := r.Float64()
	for _, c := range []struct {
		op    Op
		share float64
	}{{OpEdit, m.Edit}, {OpInsert, m.Insert}, {OpReorder, m.Reorder}, {OpPartial, m.Partial}, {OpNearDup, m.NearDup}} {
		if x < c.share {
			return c.op
		}
		x -= c.share
	}
	return ""
}

// boilerplate templates: the kind of lines news sites repeat on every page.
var (
	headerTemplates = []string{
		"%s | News, analysis and opinion",
		"Home | World | Business | Opinion | %s",
		"Subscribe to %s for the day's top stories in your inbox.",
	}
	footerTemplates = []string{
		"© 2024 %s. All rights reserved.",
		"Follow %s on social media for live updates.",
		"Support independent journalism: become a member of %s today.",
		"Share this article. Got a tip? Write to the %s newsroom.",
	}
	mastheads = strings.Fields("Herald Courier Post Times Gazette Observer Ledger Dispatch Tribune Review Chronicle Daily Journal Sentinel")
)

// newOutlet invents a publication with a header line and two footer lines,
// one of them a slogan of invented words, so boilerplate is not all
// template text.
func (g *generator) newOutlet(r *rand.Rand, i int) *outlet {
	word := capitalize(g.v.invented[r.IntN(len(g.v.invented))])
	name := fmt.Sprintf("The %s %s", word, mastheads[r.IntN(len(mastheads))])
	o := &outlet{name: name, slug: fmt.Sprintf("%s-%d", strings.ToLower(word), i)}
	o.header = fmt.Sprintf(headerTemplates[r.IntN(len(headerTemplates))], name)
	slogan, _, _ := g.v.sentence(r, nil, nil)
	o.footer = []string{
		fmt.Sprintf(footerTemplates[r.IntN(len(footerTemplates))], name),
		string(slogan),
	}
	o.headerHashes = normalize.TokenHashes(o.header)
	o.footerHashes = normalize.TokenHashes(strings.Join(o.footer, "\n"))
	return o
}

// worker makes documents; it holds a random source, reseeded for each
// document, and buffers it reuses.
type worker struct {
	*generator
	src     *rand.PCG
	r       *rand.Rand
	text    []byte   // the new text of the document being made
	hashes  []uint64 // and its token hashes
	buf     bytes.Buffer
	tenc    *json.Encoder // into buf, for truth lines
	jaccard shingleScratch
}

func newWorker(g *generator) *worker {
	w := &worker{generator: g, src: rand.NewPCG(0, 0)}
	w.r = rand.New(w.src)
	w.tenc = json.NewEncoder(&w.buf)
	return w
}

// seed sets the random source to the one of the i-th document: a
// function of the configured seed and i alone.
func (w *worker) seed(i int) {
	w.src.Seed(mix64(w.cfg.Seed^0x6a09e667f3bcc908), mix64(uint64(i)^0xbb67ae8584caa73b))
}

// mix64 is SplitMix64's finalizer, a bijection that spreads every input
// bit over the output.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// make makes the document of t, an original or a copy, and its lines.
func (w *worker) make(t *task) {
	src := t.src
	t.src = nil
	if src != nil {
		<-src.done
	}
	if w.stopped() || src != nil && src.art == nil {
		return
	}
	w.seed(t.i)
	w.text, w.hashes = w.text[:0], w.hashes[:0]
	var err error
	if src != nil {
		err = w.copyOf(t, src.art)
	} else {
		t.art = w.compose(t.i, w.outlets[w.r.IntN(len(w.outlets))], w.freshPieces(true, 300+w.r.IntN(1201)))
		w.encodeRecord(t)
	}
	if err != nil {
		// Not expected of these types; stop rather than write a hole.
		t.art, t.corpus, t.err = nil, nil, err
		w.failed.Store(true)
	}
}

// encodeRecord encodes t's article as its corpus line.
func (w *worker) encodeRecord(t *task) {
	a := t.art
	rec := record{
		ID:     a.id,
		Series: a.outlet.slug,
		Title:  a.paras[0],
		Outlet: a.outlet.name,
		URL:    "https://" + a.outlet.slug + ".example/" + a.id,
		Lang:   "en",
		Text:   a.text,
	}
	// About one in twenty has no date, so that engines meet undated
	// documents too.
	if w.r.IntN(20) != 0 {
		rec.Date = w.base.Add(time.Duration(t.i) * 7 * time.Minute).Format(time.RFC3339)
	}
	t.corpus = rec.appendJSON(make([]byte, 0, len(a.text)+len(a.paras[0])+2*len(a.outlet.slug)+len(a.outlet.name)+200))
	t.bytes, t.words = len(a.text), countWords(a.text)
}

// freshPieces returns new paragraphs of about words words, led by a
// headline when withTitle is set.
func (w *worker) freshPieces(withTitle bool, words int) []piece {
	var ps []piece
	fresh := func(text []byte, hashes []uint64, from, hashesFrom int) {
		ps = append(ps, piece{text: string(text[from:]), src: -1, hashes: hashes[hashesFrom:len(hashes):len(hashes)]})
	}
	if withTitle {
		from, hashesFrom := len(w.text), len(w.hashes)
		w.text, w.hashes = w.v.title(w.r, w.text, w.hashes)
		fresh(w.text, w.hashes, from, hashesFrom)
	}
	for n := 0; n < words; {
		var k int
		from, hashesFrom := len(w.text), len(w.hashes)
		w.text, w.hashes, k = w.v.paragraph(w.r, w.text, w.hashes)
		fresh(w.text, w.hashes, from, hashesFrom)
		n += k
	}
	if w.r.Float64() < repeatShare {
		ps = w.withRepeats(ps, withTitle)
	}
	return ps
}

// compose lays out an article: the outlet's header, the paragraphs, the
// outlet's footer, with blank lines between paragraphs. Tokens never run
// over a line break, so the text's token hashes are those of its parts
// one after the other.
func (w *worker) compose(i int, o *outlet, ps []piece) *article {
	a := &article{id: fmt.Sprintf("syn-%07d", i), outlet: o, paras: make([]string, 0, len(ps)), spans: make([]doc.Span, 0, len(ps)), tokens: make([]tokenRange, 0, len(ps))}
	n, nh := len(o.header)+2*len(ps)+3, len(o.headerHashes)+len(o.footerHashes)
	for k, p := range ps {
		n += len(p.text)
		if p.hashes == nil {
			ps[k].hashes = normalize.TokenHashes(p.text)
		}
		nh += len(ps[k].hashes)
	}
	for _, f := range o.footer {
		n += len(f) + 1
	}
	var b strings.Builder
	b.Grow(n)
	a.hashes = make([]uint64, 0, nh)
	b.WriteString(o.header)
	a.hashes = append(a.hashes, o.headerHashes...)
	for _, p := range ps {
		b.WriteString("\n\n")
		a.spans = append(a.spans, doc.Span{Begin: b.Len(), End: b.Len() + len(p.text)})
		b.WriteString(p.text)
		a.tokens = append(a.tokens, tokenRange{int32(len(a.hashes)), int32(len(a.hashes) + len(p.hashes))})
		a.hashes = append(a.hashes, p.hashes...)
	}
	b.WriteString("\n\n")
	for k, f := range o.footer {
		if k > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(f)
	}
	b.WriteByte('\n')
	a.hashes = append(a.hashes, o.footerHashes...)
	a.text = b.String()
	for _, s := range a.spans {
		a.paras = append(a.paras, a.text[s.Begin:s.End])
	}
	return a
}

// writer writes the documents' lines in order and counts them.
type writer struct {
	corpus, truth *bufio.Writer
	stats         Stats
	err           error
}

// loop writes the documents of order as they are made, until order is
// closed; after the first error, or once generation stopped, it only
// waits for them.
func (w *writer) loop(g *generator, order <-chan *task) {
	for t := range order {
		<-t.done
		if w.err == nil && t.err != nil {
			w.err = t.err
		}
		if w.err != nil || t.corpus == nil {
			continue
		}
		if w.err = w.write(t); w.err != nil {
			g.failed.Store(true)
		}
		t.corpus, t.truth = nil, nil
	}
}

// write writes one document and, for a copy, its truth.
func (w *writer) write(t *task) error {
	if t.op != "" {
		w.stats.Ops[t.op]++
		w.stats.Passages += t.passages
		w.stats.Pairs++
		if _, err := w.truth.Write(t.truth); err != nil {
			return fmt.Errorf("bench: writing truth: %w", err)
		}
	}
	w.stats.Docs++
	w.stats.Bytes += int64(t.bytes)
	w.stats.Words += int64(t.words)
	if _, err := w.corpus.Write(t.corpus); err != nil {
		return fmt.Errorf("bench: writing document %s: %w", t.art.id, err)
	}
	return nil
}

// countWords counts runs of bytes that are not ASCII white space (space,
// line feed, tab, carriage return), eight bytes at a time.
func countWords(s string) int {
	n := 0
	prev := uint64(1) // whether the byte before is white space (or the start)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		white := zeroBytes(x^(lanes*' ')) | zeroBytes(x^(lanes*'\n')) | zeroBytes(x^(lanes*'\t')) | zeroBytes(x^(lanes*'\r'))
		// One bit per byte, the first byte lowest.
		ws := (white >> 7) * 0x0102040810204080 >> 56
		// A word starts at a byte that is no white space after one that is.
		n += bits.OnesCount64(^ws & (ws<<1 | prev) & 0xff)
		prev = ws >> 7 & 1
	}
	for ; i < len(s); i++ {
		c := s[i]
		white := uint64(0)
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			white = 1
		}
		n += int(prev &^ white)
		prev = white
	}
	return n
}

// lanes times a byte repeats the byte in every byte of a uint64.
const lanes = 0x0101010101010101

// zeroBytes has the top bit of each byte of x that is zero set, and no
// other bit.
func zeroBytes(x uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	return ^((x&low7 + low7) | x | low7)
}
