package bench

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"time"

	minhashlsh "github.com/ekzhu/minhash-lsh"

	"github.com/echotrace/echotrace/internal/match/neardup"
	"github.com/echotrace/echotrace/internal/normalize"
)

// The near-duplicate implementations the bench compares.
const (
	ImplEchotrace = "echotrace"
	ImplEkzhu     = "ekzhu/minhash-lsh"
)

// NearDupConfig is shared by both implementations in a comparison.
type NearDupConfig struct {
	Hashes    int     `json:"hashes"`
	Threshold float64 `json:"threshold"`
	Shingle   int     `json:"shingle"`
	// RecallWeight is echotrace's choice of banding (see
	// neardup.WeightedBands); 0.5 gives it ekzhu's banding. ekzhu's own
	// choice has no such weight.
	RecallWeight float64 `json:"recall_weight"`
}

func (c NearDupConfig) withDefaults() NearDupConfig {
	if c.Hashes <= 0 {
		c.Hashes = neardup.DefaultHashes
	}
	if c.Threshold <= 0 || c.Threshold > 1 {
		c.Threshold = neardup.DefaultThreshold
	}
	if c.Shingle <= 0 {
		c.Shingle = neardup.DefaultShingle
	}
	if c.RecallWeight <= 0 || c.RecallWeight > 1 {
		c.RecallWeight = neardup.DefaultRecallWeight
	}
	return c
}

// NearDupRun is one implementation's run of the near-duplicate stage over
// a corpus. The stage is: sign every document, index the signatures, query
// the index with every signature, and check each candidate pair against
// the threshold with the signatures. Reading and tokenising is the same
// work for both implementations and is timed apart. Each phase is timed
// in wall seconds and in CPU seconds of the process (all threads, so the
// garbage collection a phase causes counts against it); on a machine busy
// with other work the CPU figures are the steadier ones.
type NearDupRun struct {
	Impl  string `json:"impl"`
	Bands int    `json:"bands"`
	Rows  int    `json:"rows"`
	Docs  int    `json:"docs"`
	Read  Phase  `json:"read"`
	Sign  Phase  `json:"sign"`
	Index Phase  `json:"index"`
	Query Phase  `json:"query"` // querying and checking candidates
	Stage Phase  `json:"stage"` // sign + index + query
	// QueryMicros are percentiles of the wall time of one query and the
	// check of its candidates against the full index, in microseconds.
	QueryMicros Percentiles `json:"query_micros"`
	// PeakRSS and CPUSeconds are the whole process's (reading included).
	PeakRSS    int64   `json:"peak_rss_bytes"`
	CPUSeconds float64 `json:"cpu_seconds"`
	// Candidates are the pairs the LSH bands proposed, Pairs those whose
	// signatures agree in at least the threshold's share of positions.
	Candidates [][2]string `json:"candidates,omitempty"`
	Pairs      [][2]string `json:"pairs,omitempty"`
}

// Percentiles of a distribution of latencies.
type Percentiles struct {
	P50 float64 `json:"p50"`
	P99 float64 `json:"p99"`
	Max float64 `json:"max"`
}

// percentiles of micros, which it sorts.
func percentiles(micros []float64) Percentiles {
	if len(micros) == 0 {
		return Percentiles{}
	}
	slices.Sort(micros)
	at := func(q float64) float64 { return micros[min(len(micros)-1, int(q*float64(len(micros))))] }
	return Percentiles{P50: at(0.50), P99: at(0.99), Max: micros[len(micros)-1]}
}

// Phase is the time spent in one phase of a run.
type Phase struct {
	Seconds    float64 `json:"seconds"`
	CPUSeconds float64 `json:"cpu_seconds"`
}

// clock measures phases: each call to lap charges the time since the
// previous lap to a phase.
type clock struct {
	wall time.Time
	cpu  float64
}

func startClock() clock { return clock{time.Now(), cpuSeconds()} }

func (c *clock) lap(p *Phase) {
	now, cpu := time.Now(), cpuSeconds()
	p.Seconds += now.Sub(c.wall).Seconds()
	p.CPUSeconds += cpu - c.cpu
	c.wall, c.cpu = now, cpu
}

// lsh is one implementation of signing and banding.
type lsh interface {
	sign(tokens []uint64, sig []uint32) bool
	add(ord uint32, sig []uint32)
	build() // make what was added searchable
	query(sig []uint32, out []uint32) []uint32
	params() (bands, rows int)
}

// ours is echotrace's neardup.Index in candidates mode: the bench keeps
// the signatures and verifies, the same for both implementations.
type ours struct{ ix *neardup.Index }

func (o ours) sign(t []uint64, sig []uint32) bool        { return o.ix.Sign(t, sig) }
func (o ours) add(ord uint32, sig []uint32)              { o.ix.AddSignature(ord, sig) }
func (o ours) build()                                    {}
func (o ours) query(sig []uint32, out []uint32) []uint32 { return o.ix.QuerySignature(sig, out) }
func (o ours) params() (int, int)                        { return o.ix.Options().Bands, o.ix.Options().Rows }

// ekzhu is github.com/ekzhu/minhash-lsh, fed the same shingles (each as
// its 8-byte xxh3 hash, which spares it hashing whole shingles) and
// indexed with its 32-bit band keys, so the low 32 bits of its 64-bit
// signature values carry everything it compares.
type ekzhu struct {
	f      *minhashlsh.MinhashLSH
	hashes int
	shing  *neardup.Signer // only for ShingleHashes
	buf    [8]byte
	full   []uint64
}

func (e *ekzhu) sign(t []uint64, sig []uint32) bool {
	if len(t) == 0 {
		return false
	}
	mh := minhashlsh.NewMinhash(1, e.hashes)
	e.shing.ShingleHashes(t, func(h uint64) {
		binary.LittleEndian.PutUint64(e.buf[:], h)
		mh.Push(e.buf[:])
	})
	for i, v := range mh.Signature() {
		sig[i] = uint32(v)
	}
	return true
}

func (e *ekzhu) widen(sig []uint32) []uint64 {
	for i, v := range sig {
		e.full[i] = uint64(v)
	}
	return e.full
}

func (e *ekzhu) add(ord uint32, sig []uint32) { e.f.Add(ord, e.widen(sig)) }
func (e *ekzhu) build()                       { e.f.Index() }
func (e *ekzhu) query(sig []uint32, out []uint32) []uint32 {
	for _, k := range e.f.Query(e.widen(sig)) {
		out = append(out, k.(uint32))
	}
	return out
}
func (e *ekzhu) params() (int, int) { k, l := e.f.Params(); return l, k }

// newLSH returns the implementation named impl.
func newLSH(impl string, c NearDupConfig) (lsh, error) {
	switch impl {
	case ImplEchotrace:
		return ours{neardup.New(neardup.Options{Hashes: c.Hashes, Threshold: c.Threshold, Shingle: c.Shingle, RecallWeight: c.RecallWeight, Candidates: true})}, nil
	case ImplEkzhu:
		return &ekzhu{
			f:      minhashlsh.NewMinhashLSH32(c.Hashes, c.Threshold),
			hashes: c.Hashes,
			shing:  neardup.NewSigner(1, c.Shingle, 0),
			full:   make([]uint64, c.Hashes),
		}, nil
	}
	return nil, fmt.Errorf("bench: unknown near-duplicate implementation %q (want %q or %q)", impl, ImplEchotrace, ImplEkzhu)
}

// stageBatch is the number of documents read before they are signed and
// indexed: phases alternate per batch, so they can be timed apart without
// a clock reading per document, while memory stays bounded.
const stageBatch = 1024

// NearDupStage runs the near-duplicate stage of impl over the JSONL corpus
// in this process, single-threaded. PeakRSS and CPUSeconds are left for
// the caller, who knows whether this process did anything else.
func NearDupStage(ctx context.Context, impl, corpus string, cfg NearDupConfig) (NearDupRun, error) {
	cfg = cfg.withDefaults()
	run := NearDupRun{Impl: impl}
	l, err := newLSH(impl, cfg)
	if err != nil {
		return run, err
	}
	run.Bands, run.Rows = l.params()
	n := cfg.Hashes
	var (
		ids    []string
		sigs   []uint32 // n per document, in document order
		signed []bool
		batch  [][]uint64
	)
	clk := startClock()
	// flush signs and indexes the batch read so far.
	flush := func() {
		clk.lap(&run.Read)
		first := len(signed)
		for _, toks := range batch {
			sigs = slices.Grow(sigs, n)[:len(sigs)+n]
			signed = append(signed, l.sign(toks, sigs[len(sigs)-n:]))
		}
		clk.lap(&run.Sign)
		for ord := first; ord < len(signed); ord++ {
			if signed[ord] {
				l.add(uint32(ord), sigs[ord*n:(ord+1)*n])
			}
		}
		clk.lap(&run.Index)
		batch = batch[:0]
	}
	err = eachDoc(corpus, func(d corpusDoc) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		ids = append(ids, d.ID)
		batch = append(batch, normalize.Hashes(normalize.Tokens(d.Text)))
		if len(batch) == stageBatch {
			flush()
		}
		return nil
	})
	if err != nil {
		return run, err
	}
	flush()
	run.Docs = len(ids)
	l.build()
	clk.lap(&run.Index)

	minAgree := int(math.Ceil(cfg.Threshold*float64(n) - 1e-9))
	var cands, pairs [][2]uint32
	var out []uint32
	latency := make([]float64, 0, len(ids))
	for ord := range ids {
		if !signed[ord] {
			continue
		}
		t0 := time.Now()
		s := sigs[ord*n : (ord+1)*n]
		out = l.query(s, out[:0])
		for _, c := range out {
			// Every candidate is checked, as a query for a new document
			// would; bands are symmetric, so each pair is kept once, from
			// its first document.
			near := agreeing(s, sigs[int(c)*n:(int(c)+1)*n]) >= minAgree
			if int(c) <= ord {
				continue
			}
			cands = append(cands, [2]uint32{uint32(ord), c})
			if near {
				pairs = append(pairs, [2]uint32{uint32(ord), c})
			}
		}
		latency = append(latency, float64(time.Since(t0).Nanoseconds())/1e3)
	}
	clk.lap(&run.Query)
	run.QueryMicros = percentiles(latency)
	for _, p := range []Phase{run.Sign, run.Index, run.Query} {
		run.Stage.Seconds += p.Seconds
		run.Stage.CPUSeconds += p.CPUSeconds
	}
	run.Candidates, run.Pairs = named(ids, cands), named(ids, pairs)
	return run, nil
}

// agreeing counts positions where two signatures agree.
func agreeing(a, b []uint32) int {
	return int(neardup.Similarity(a, b)*float64(len(a)) + 0.5)
}

// named turns pairs of document ordinals into pairs of ids.
func named(ids []string, ps [][2]uint32) [][2]string {
	out := make([][2]string, len(ps))
	for i, p := range ps {
		out[i] = [2]string{ids[p[0]], ids[p[1]]}
	}
	return out
}
