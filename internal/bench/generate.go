package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"time"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/match/neardup"
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
}

// piece is a paragraph of an article under construction: its text and
// where it came from — the index of the source paragraph it copies, or -1
// for new text. Inserted pieces are new text pasted inside a copied span.
type piece struct {
	text     string
	src      int
	inserted bool
}

// article is a generated document kept while it may still be copied.
type article struct {
	id     string
	outlet *outlet
	paras  []string   // paras[0] is the headline
	spans  []doc.Span // byte span of each paragraph in text
	text   string
}

// generator holds the state of one Generate call.
type generator struct {
	cfg     Config
	r       *rand.Rand
	v       *vocabulary
	outlets []*outlet
	pool    []*article // originals not yet copied
	base    time.Time
	jobs    chan job
	failed  atomic.Bool

	// Owned by the writer goroutine.
	out   *json.Encoder
	truth *json.Encoder
	stats Stats
	err   error
}

// job is one document handed from the generating goroutine to the writer
// goroutine, which tokenises for the truth, encodes and writes, so that
// the two halves of the work run on two cores. A job of a copy carries
// what the truth needs; the articles are never changed once composed.
type job struct {
	rec    record
	op     Op // "" for an original
	src    *article
	copy   *article
	pieces []piece
	// jaccard is the pair's similarity for the truth, being computed.
	jaccard *pairJaccard
}

// sourcePool bounds the originals kept for copying: generation streams,
// and copies are made from recent articles as news copies are.
const sourcePool = 512

// Generate writes cfg.Docs documents as JSONL to corpus and their ground
// truth as JSONL to truth (one {"passage":…} or {"pair":…} per line). Equal
// configurations give byte-identical output. It stops with ctx's error when
// ctx is cancelled.
func Generate(ctx context.Context, cfg Config, corpus, truth io.Writer) (Stats, error) {
	if cfg.Docs < 0 {
		return Stats{}, fmt.Errorf("bench: negative document count %d", cfg.Docs)
	}
	if cfg.Mix == (Mix{}) {
		cfg.Mix = DefaultMix
	}
	if cfg.Shingle <= 0 {
		cfg.Shingle = neardup.DefaultShingle
	}
	cw, tw := bufio.NewWriterSize(corpus, 1<<20), bufio.NewWriterSize(truth, 1<<16)
	r := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	g := &generator{
		cfg:   cfg,
		r:     r,
		v:     newVocabulary(r, 40000),
		base:  time.Date(2024, 1, 1, 6, 0, 0, 0, time.UTC),
		out:   json.NewEncoder(cw),
		truth: json.NewEncoder(tw),
		stats: Stats{Ops: map[Op]int{}},
	}
	g.out.SetEscapeHTML(false)
	nOutlets := min(max(cfg.Docs/150, 3), 400)
	for i := range nOutlets {
		g.outlets = append(g.outlets, g.newOutlet(i))
	}
	g.jobs = make(chan job, 64)
	done := make(chan struct{})
	go g.writeLoop(done)
	for i := range cfg.Docs {
		if g.failed.Load() || ctx.Err() != nil {
			break
		}
		g.document(i)
	}
	close(g.jobs)
	<-done
	if g.err != nil {
		return g.stats, g.err
	}
	if err := ctx.Err(); err != nil {
		return g.stats, err
	}
	if err := cw.Flush(); err != nil {
		return g.stats, fmt.Errorf("bench: writing corpus: %w", err)
	}
	if err := tw.Flush(); err != nil {
		return g.stats, fmt.Errorf("bench: writing truth: %w", err)
	}
	return g.stats, nil
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
func (g *generator) newOutlet(i int) *outlet {
	word := capitalize(g.v.invented[g.r.IntN(len(g.v.invented))])
	name := fmt.Sprintf("The %s %s", word, mastheads[g.r.IntN(len(mastheads))])
	o := &outlet{name: name, slug: fmt.Sprintf("%s-%d", strings.ToLower(word), i)}
	o.header = fmt.Sprintf(headerTemplates[g.r.IntN(len(headerTemplates))], name)
	var slogan strings.Builder
	g.v.sentence(&slogan)
	o.footer = []string{
		fmt.Sprintf(footerTemplates[g.r.IntN(len(footerTemplates))], name),
		slogan.String(),
	}
	return o
}

// document makes the i-th document: a copy of a pooled original with the
// configured probabilities, else a new original.
func (g *generator) document(i int) {
	op := g.chooseOp()
	if op != "" && len(g.pool) > 0 {
		k := g.r.IntN(len(g.pool))
		src := g.pool[k]
		g.pool[k] = g.pool[len(g.pool)-1]
		g.pool = g.pool[:len(g.pool)-1]
		g.copyOf(i, src, op)
		return
	}
	a := g.compose(i, g.outlets[g.r.IntN(len(g.outlets))], g.freshPieces(true, 300+g.r.IntN(1201)))
	if len(g.pool) < sourcePool {
		g.pool = append(g.pool, a)
	} else {
		g.pool[g.r.IntN(sourcePool)] = a
	}
	g.emit(job{rec: g.record(i, a)})
}

// chooseOp draws the kind of the next document; "" is an original.
func (g *generator) chooseOp() Op {
	m := g.cfg.Mix
	x := g.r.Float64()
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

// freshPieces returns new paragraphs of about words words, led by a
// headline when withTitle is set.
func (g *generator) freshPieces(withTitle bool, words int) []piece {
	var ps []piece
	if withTitle {
		ps = append(ps, piece{text: g.v.title(), src: -1})
	}
	for n := 0; n < words; {
		p, w := g.v.paragraph()
		ps = append(ps, piece{text: p, src: -1})
		n += w
	}
	if g.r.Float64() < repeatShare {
		ps = g.withRepeats(ps, withTitle)
	}
	return ps
}

// compose lays out an article: the outlet's header, the paragraphs, the
// outlet's footer, with blank lines between paragraphs.
func (g *generator) compose(i int, o *outlet, ps []piece) *article {
	a := &article{id: fmt.Sprintf("syn-%07d", i), outlet: o}
	var b strings.Builder
	b.WriteString(o.header)
	for _, p := range ps {
		b.WriteString("\n\n")
		a.spans = append(a.spans, doc.Span{Begin: b.Len(), End: b.Len() + len(p.text)})
		a.paras = append(a.paras, p.text)
		b.WriteString(p.text)
	}
	b.WriteString("\n\n")
	b.WriteString(strings.Join(o.footer, "\n"))
	b.WriteByte('\n')
	a.text = b.String()
	return a
}

// record is the corpus record of an article. About one in twenty has no
// date, so that engines meet undated documents too.
func (g *generator) record(i int, a *article) record {
	rec := record{
		ID:     a.id,
		Series: a.outlet.slug,
		Title:  a.paras[0],
		Outlet: a.outlet.name,
		URL:    fmt.Sprintf("https://%s.example/%s", a.outlet.slug, a.id),
		Lang:   "en",
		Text:   a.text,
	}
	if g.r.IntN(20) != 0 {
		rec.Date = g.base.Add(time.Duration(i) * 7 * time.Minute).Format(time.RFC3339)
	}
	return rec
}

// emit hands a document to the writer goroutine.
func (g *generator) emit(j job) { g.jobs <- j }

// writeLoop writes the documents and their truth in order, until the jobs
// run out; after the first error it only drains them.
func (g *generator) writeLoop(done chan<- struct{}) {
	defer close(done)
	for j := range g.jobs {
		if g.err != nil {
			continue
		}
		if g.err = g.write(j); g.err != nil {
			g.failed.Store(true)
		}
	}
}

// write writes one document and, for a copy, its truth.
func (g *generator) write(j job) error {
	if j.op != "" {
		g.stats.Ops[j.op]++
		if err := g.plant(j.op, j.src, j.copy, j.pieces, j.jaccard); err != nil {
			return err
		}
	}
	g.stats.Docs++
	g.stats.Bytes += int64(len(j.rec.Text))
	g.stats.Words += int64(countWords(j.rec.Text))
	if err := g.out.Encode(j.rec); err != nil {
		return fmt.Errorf("bench: writing document %s: %w", j.rec.ID, err)
	}
	return nil
}

// countWords counts runs of bytes that are not ASCII white space.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
