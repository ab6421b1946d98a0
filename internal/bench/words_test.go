package bench

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/echotrace/echotrace/internal/match/neardup"
	"github.com/echotrace/echotrace/internal/normalize"
)

// The alias table draws each outcome as often as its weight says.
func TestAliasTableFrequencies(t *testing.T) {
	for _, weights := range [][]float64{
		{1},
		{1, 1, 1, 1},
		{0.5, 0.25, 0.125, 0.125},
		{3, 0, 1, 0, 6},
		zipfInvented.weights(1000, 1),
	} {
		tab := newAliasTable(weights)
		r := rand.New(rand.NewPCG(1, 2))
		const n = 400000
		got := make([]float64, len(weights))
		for range n {
			got[tab.draw(r)]++
		}
		sum := 0.0
		for _, w := range weights {
			sum += w
		}
		for k, w := range weights {
			p := w / sum
			// Five standard deviations of a binomial count.
			if d := math.Abs(got[k] - p*n); d > 5*math.Sqrt(p*(1-p)*n)+1e-9 {
				t.Fatalf("weights %v: outcome %d drawn %.0f times in %d, want about %.0f", weights[:min(len(weights), 5)], k, got[k], n, p*n)
			}
		}
	}
}

// The tables draw words as math/rand/v2's Zipf generators with the same
// parameters do, which the generator used before.
func TestWordLawsAreRandsZipf(t *testing.T) {
	for _, c := range []struct {
		law zipfLaw
		n   int
	}{{zipfCommon, len(commonWords)}, {zipfName, 4000}, {zipfInvented, 40000}} {
		r := rand.New(rand.NewPCG(3, 4))
		z := rand.NewZipf(r, c.law.s, c.law.v, uint64(c.n-1))
		tab := newAliasTable(c.law.weights(c.n, 1))
		const draws = 300000
		fromZipf, fromTable := make([]float64, c.n), make([]float64, c.n)
		for range draws {
			fromZipf[z.Uint64()]++
			fromTable[tab.draw(r)]++
		}
		// The most frequent outcomes, and the tail as a whole.
		tail := [2]float64{}
		for k := range c.n {
			if k >= 20 {
				tail[0] += fromZipf[k]
				tail[1] += fromTable[k]
				continue
			}
			if d := math.Abs(fromZipf[k] - fromTable[k]); d > 5*math.Sqrt(fromZipf[k]+fromTable[k])+1 {
				t.Errorf("law %+v: outcome %d drawn %.0f times by Zipf, %.0f by the table", c.law, k, fromZipf[k], fromTable[k])
			}
		}
		if d := math.Abs(tail[0] - tail[1]); d > 5*math.Sqrt(tail[0]+tail[1])+1 {
			t.Errorf("law %+v: outcomes from 20 drawn %.0f times by Zipf, %.0f by the table", c.law, tail[0], tail[1])
		}
	}
}

// A running word is common, a name, a number or invented in the shares
// the generator always had.
func TestWordShares(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	v := newVocabulary(r, 40000)
	const draws = 200000
	var kinds [4]float64
	for range draws {
		k := int(v.drawWord(r).k)
		switch {
		case k < len(commonWords):
			kinds[0]++
		case k < len(commonWords)+len(v.names):
			kinds[1]++
		case k < len(commonWords)+len(v.names)+numbers:
			kinds[2]++
		default:
			kinds[3]++
		}
	}
	for k, want := range []float64{0.45, 0.06, 0.02, 0.47} {
		if got := kinds[k] / draws; math.Abs(got-want) > 0.005 {
			t.Errorf("kind %d: share %.3f, want %.2f", k, got, want)
		}
	}
	long, seen := 0, map[uint32]bool{}
	for _, e := range append(slices.Clone(v.head), v.tail...) {
		k := e.k
		seen[k] = true
		if got := string(v.appendWord([]byte("x"), &e, false)); got != "x"+v.words[k] {
			t.Fatalf("word %d written %q, want %q", k, got, "x"+v.words[k])
		}
		if got := string(v.appendWord(nil, &e, true)); got != capitalize(v.words[k]) {
			t.Fatalf("word %d capitalised %q, want %q", k, got, capitalize(v.words[k]))
		}
		if want := normalize.TokenHashes(v.words[k]); len(want) != 1 || e.hash != want[0] {
			t.Fatalf("word %q: hash %x, its tokens' %x", v.words[k], e.hash, want)
		}
		if e.n == 0 {
			long++
		}
	}
	if len(seen) != len(v.words) {
		t.Errorf("the tables hold %d of %d words", len(seen), len(v.words))
	}
	if long == 0 {
		t.Error("no word longer than an entry's text: the other way of writing a word is not tested")
	}
	if v.words[len(commonWords)+len(v.names)] != "1" || v.words[len(commonWords)+len(v.names)+numbers-1] != "2000" {
		t.Error("numbers are not 1 to 2000")
	}
}

// The gaps between replaced words make each word replaced with the
// given probability.
func TestWordsKeptIsGeometric(t *testing.T) {
	w := newWorker(&generator{})
	w.seed(1)
	for _, p := range []float64{1.0 / 400, 1.0 / 30, 0.5} {
		const n = 200000
		sum := 0.0
		for range n {
			sum += float64(w.wordsKept(p))
		}
		if mean, want := sum/n, (1-p)/p; math.Abs(mean-want) > 0.02*want+0.01 {
			t.Errorf("p %.4f: %.3f words kept on average, want %.3f", p, mean, want)
		}
	}
}

// jaccardBySorting is the similarity computed the plain way: sorted,
// deduplicated shingle sets of the texts' tokens, merged.
func jaccardBySorting(a, b string, shingle int) float64 {
	signer := neardup.NewSigner(1, shingle, 0)
	set := func(text string) []uint64 {
		var s []uint64
		signer.ShingleHashes(normalize.Hashes(normalize.Tokens(text)), func(h uint64) { s = append(s, h) })
		slices.Sort(s)
		return slices.Compact(s)
	}
	x, y := set(a), set(b)
	both := 0
	for _, h := range x {
		if _, ok := slices.BinarySearch(y, h); ok {
			both++
		}
	}
	if union := len(x) + len(y) - both; union > 0 {
		return float64(both) / float64(union)
	}
	return 0
}

func TestJaccardAsBySorting(t *testing.T) {
	g := generate(t, Config{Docs: 300, Seed: 11})
	var s shingleScratch
	for _, p := range g.truth.Pairs {
		if want := jaccardBySorting(g.texts[p.A], g.texts[p.B], neardup.DefaultShingle); p.Jaccard != want {
			t.Fatalf("%s→%s: Jaccard %v, by sorting %v", p.A, p.B, p.Jaccard, want)
		}
	}
	for _, c := range []struct{ a, b string }{
		{"", ""},
		{"one two", ""},
		{"a b c d e f", "a b c d e f"},
		{"a b c d e f a b c d e f", "a b c d e"},
		{"Ünïcode wörds … and “quotes” here now", "unicode words and quotes here now"},
	} {
		if got, want := s.jaccard(normalize.TokenHashes(c.a), normalize.TokenHashes(c.b), 5), jaccardBySorting(c.a, c.b, 5); got != want {
			t.Errorf("jaccard(%q, %q) = %v, by sorting %v", c.a, c.b, got, want)
		}
	}
}

// An article's token hashes, which the generator builds from its parts
// without tokenising, are those of its text, and so are the token ranges
// of its paragraphs.
func TestArticleHashesAreTheTextsTokens(t *testing.T) {
	const docs = 500
	g, r := newGenerator(context.Background(), Config{Docs: docs, Seed: 13})
	work, order := make(chan *task, docs), make(chan *task, docs)
	g.plan(r, work, order)
	close(work)
	w := newWorker(g)
	copies := 0
	for task := range work {
		w.make(task)
		close(task.done)
		a := task.art
		if !slices.Equal(a.hashes, normalize.TokenHashes(a.text)) {
			t.Fatalf("%s (%q): token hashes differ from the text's", a.id, task.op)
		}
		for k, s := range a.spans {
			if got, want := a.tokens[k].end-a.tokens[k].begin, normalize.CountWords(a.text[s.Begin:s.End]); int(got) != want {
				t.Fatalf("%s paragraph %d: %d tokens, the text has %d", a.id, k, got, want)
			}
			if k > 0 && a.tokens[k].begin != a.tokens[k-1].end {
				t.Fatalf("%s paragraph %d: tokens between paragraphs", a.id, k)
			}
		}
		if task.op != "" {
			copies++
		}
	}
	if copies < docs/3 {
		t.Fatalf("only %d copies checked", copies)
	}
}

func TestCountWords(t *testing.T) {
	plain := func(s string) int {
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
	r := rand.New(rand.NewPCG(1, 1))
	alphabet := []byte(" \n\t\r\x00\x0b\x0c!a~\x80\xe2\xff\x1f\x21\x20")
	for _, s := range []string{"", " ", "a", "a b", "  lead and trail  ", "one\ttwo\rthree\nfour", "“Curly” quotes … and … more words here"} {
		if got, want := countWords(s), plain(s); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for k := range b {
			b[k] = alphabet[r.IntN(len(alphabet))]
		}
		if got, want := countWords(string(b)), plain(string(b)); got != want {
			t.Fatalf("countWords(%q) = %d, want %d", b, got, want)
		}
	}
}
