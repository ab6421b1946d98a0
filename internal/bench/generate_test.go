package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/normalize"
)

// generated is a small corpus held in memory for the tests.
type generated struct {
	texts map[string]string
	order []string
	truth Truth
	stats Stats
}

func generate(t *testing.T, cfg Config) generated {
	t.Helper()
	var c, tr bytes.Buffer
	st, err := Generate(context.Background(), cfg, &c, &tr)
	if err != nil {
		t.Fatal(err)
	}
	g := generated{texts: map[string]string{}, stats: st}
	for _, line := range strings.Split(strings.TrimSpace(c.String()), "\n") {
		var r record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("corpus line %q: %v", line, err)
		}
		g.texts[r.ID] = r.Text
		g.order = append(g.order, r.ID)
	}
	if g.truth, err = ReadTruth(&tr); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestGenerateIsDeterministic(t *testing.T) {
	run := func(seed uint64, procs int) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var c, tr bytes.Buffer
		if _, err := Generate(context.Background(), Config{Docs: 300, Seed: seed}, &c, &tr); err != nil {
			t.Fatal(err)
		}
		return c.String() + tr.String()
	}
	one := run(7, 1)
	for _, procs := range []int{1, 2, 5} {
		if run(7, procs) != one {
			t.Fatalf("same seed, different corpus on %d cores and on one", procs)
		}
	}
	if run(8, 2) == one {
		t.Fatal("different seeds, same corpus")
	}
}

func TestGeneratedCorpusShape(t *testing.T) {
	g := generate(t, Config{Docs: 600, Seed: 3})
	if len(g.order) != 600 || g.stats.Docs != 600 {
		t.Fatalf("%d documents, stats say %d", len(g.order), g.stats.Docs)
	}
	for _, op := range []Op{OpEdit, OpInsert, OpReorder, OpPartial, OpNearDup} {
		if g.stats.Ops[op] == 0 {
			t.Errorf("no %s copies planted", op)
		}
	}
	// News-sized: 300 to 1500 words of article, plus a headline and the
	// outlet's lines.
	for _, id := range g.order {
		if n := len(normalize.Tokens(g.texts[id])); n < 300 || n > 2200 {
			t.Errorf("%s has %d tokens", id, n)
		}
	}
	// Boilerplate recurs: some line opens many documents.
	first := map[string]int{}
	for _, id := range g.order {
		first[strings.SplitN(g.texts[id], "\n", 2)[0]]++
	}
	most := 0
	for _, n := range first {
		most = max(most, n)
	}
	if most < 50 {
		t.Errorf("the most frequent header line opens only %d of 600 documents", most)
	}
}

// tokenOverlap is the share of a's tokens that occur in b.
func tokenOverlap(a, b string) float64 {
	in := map[string]bool{}
	for _, tk := range normalize.Tokens(b) {
		in[tk.Key] = true
	}
	toks := normalize.Tokens(a)
	n := 0
	for _, tk := range toks {
		if in[tk.Key] {
			n++
		}
	}
	return float64(n) / float64(len(toks))
}

func TestPlantedPassagesPointAtCopiedText(t *testing.T) {
	g := generate(t, Config{Docs: 400, Seed: 5})
	perPair := map[pairKey]int{}
	for _, p := range g.truth.Passages {
		a, b := g.texts[p.A.Doc], g.texts[p.B.Doc]
		if p.A.Begin < 0 || p.A.End > len(a) || p.A.Begin >= p.A.End || p.B.Begin < 0 || p.B.End > len(b) || p.B.Begin >= p.B.End {
			t.Fatalf("span out of range: %+v", p)
		}
		sa, sb := a[p.A.Begin:p.A.End], b[p.B.Begin:p.B.End]
		if ov := tokenOverlap(sa, sb); ov < 0.85 {
			t.Errorf("%s passage %+v: only %.2f of the source tokens in the copy", p.Op, p, ov)
		}
		// Spans never take in the outlet's header line.
		if strings.Contains(sa, "\n") && strings.HasPrefix(a, sa) {
			t.Errorf("planted span starts at the header: %+v", p)
		}
		perPair[keyOf(p.A.Doc, p.B.Doc)]++
	}
	inserted := 0
	for _, p := range g.truth.Passages {
		sb := g.texts[p.B.Doc][p.B.Begin:p.B.End]
		if p.Op == OpInsert && (strings.Contains(sb, "Photo: ") || strings.Contains(sb, "Related: ") || strings.Contains(sb, "READ MORE: ")) {
			inserted++
		}
	}
	if inserted == 0 {
		t.Error("no insert passage spans a pasted line")
	}
	for _, pr := range g.truth.Pairs {
		if pr.Op == OpReorder && perPair[keyOf(pr.A, pr.B)] < 2 {
			t.Errorf("reordered copy %s→%s has %d passages, want at least 2", pr.A, pr.B, perPair[keyOf(pr.A, pr.B)])
		}
	}
}

func TestPlantedPairSimilarities(t *testing.T) {
	g := generate(t, Config{Docs: 800, Seed: 9})
	sum, n := map[Op]float64{}, map[Op]int{}
	for _, p := range g.truth.Pairs {
		sum[p.Op] += p.Jaccard
		n[p.Op]++
	}
	mean := func(op Op) float64 { return sum[op] / float64(n[op]) }
	if mean(OpNearDup) < 0.8 {
		t.Errorf("near-duplicates have mean Jaccard %.2f", mean(OpNearDup))
	}
	if mean(OpPartial) > 0.3 {
		t.Errorf("partial copies have mean Jaccard %.2f", mean(OpPartial))
	}
	if !(mean(OpNearDup) > mean(OpEdit)) {
		t.Errorf("near-duplicates (%.2f) not closer than edited copies (%.2f)", mean(OpNearDup), mean(OpEdit))
	}
}

// failingWriter fails after n bytes.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestGenerateReportsWriteErrors(t *testing.T) {
	_, err := Generate(context.Background(), Config{Docs: 500, Seed: 1}, &failingWriter{n: 1 << 20}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want the write error", err)
	}
	if _, err := Generate(context.Background(), Config{Docs: -1}, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
		t.Fatal("negative size accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var c bytes.Buffer
	if _, err := Generate(ctx, Config{Docs: 100}, &c, &bytes.Buffer{}); err != context.Canceled || c.Len() > 0 {
		t.Fatalf("cancelled generation: err %v, %d bytes written", err, c.Len())
	}
}

func TestReadTruthNamesBadLine(t *testing.T) {
	_, err := ReadTruth(strings.NewReader("{\"pair\":{\"a\":\"x\",\"b\":\"y\"}}\n{oops\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("err = %v, want one naming line 2", err)
	}
}
