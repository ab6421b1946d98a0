package bench

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/match/neardup"
	"github.com/echotrace/echotrace/internal/normalize"
	"github.com/echotrace/echotrace/internal/relate"
)

// copyOf makes the i-th document as a copy of src made by op.
func (g *generator) copyOf(i int, src *article, op Op) {
	var ps []piece
	body := len(src.paras) - 1 // paragraphs after the headline
	switch op {
	case OpNearDup:
		ps = g.copied(src, 0, len(src.paras), 1.0/400, 0.1)
	case OpInsert:
		ps = g.copied(src, 0, len(src.paras), 1.0/60, 0.3)
		for range 1 + g.r.IntN(2) {
			if len(ps) < 3 {
				break
			}
			at := 2 + g.r.IntN(len(ps)-2) // strictly inside: after the headline and a paragraph
			ps = append(ps[:at], append([]piece{{text: g.insertLine(), src: -1, inserted: true}}, ps[at:]...)...)
		}
	case OpReorder:
		ps = g.copied(src, 0, len(src.paras), 1.0/80, 0.2)
		ps = append(ps[:1], g.shuffleBlocks(ps[1:])...)
	case OpPartial:
		n := min(2+g.r.IntN(3), body)
		from := 1 + g.r.IntN(body-n+1)
		ps = g.freshPieces(true, 60+g.r.IntN(300))
		ps = append(ps, g.copied(src, from, from+n, 1.0/60, 0.2)...)
		ps = append(ps, g.freshPieces(false, 60+g.r.IntN(300))...)
	default: // OpEdit
		ps = g.copied(src, 0, len(src.paras), 1.0/30, 0.5)
	}
	b := g.compose(i, g.outlets[g.r.IntN(len(g.outlets))], ps)
	g.emit(job{rec: g.record(i, b), op: op, src: src, copy: b, pieces: ps, jaccard: startJaccard(src.text, b.text, g.cfg.Shingle)})
}

// copied returns src's paragraphs [from, to) as pieces, each word replaced
// with probability subst and each paragraph's punctuation changed with
// probability punct. The headline is copied without edits.
func (g *generator) copied(src *article, from, to int, subst, punct float64) []piece {
	ps := make([]piece, 0, to-from)
	for j := from; j < to; j++ {
		t := src.paras[j]
		if j > 0 {
			t = g.editWords(t, subst)
			if g.r.Float64() < punct {
				t = g.editPunctuation(t)
			}
		}
		ps = append(ps, piece{text: t, src: j})
	}
	return ps
}

// editWords replaces the letters of some words with another word, keeping
// the punctuation around them.
func (g *generator) editWords(t string, p float64) string {
	ws := strings.Split(t, " ")
	for k, w := range ws {
		if g.r.Float64() >= p {
			continue
		}
		lead := strings.IndexFunc(w, isWordRune)
		if lead < 0 {
			continue
		}
		end := strings.LastIndexFunc(w, isWordRune)
		_, size := utf8.DecodeRuneInString(w[end:])
		ws[k] = w[:lead] + g.v.word() + w[end+size:]
	}
	return strings.Join(ws, " ")
}

// isWordRune matches the letters and digits of a word.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// editPunctuation makes the changes copy editors and CMSs make: ellipsis
// forms, quote styles, a comma turned into a semicolon.
func (g *generator) editPunctuation(t string) string {
	switch g.r.IntN(3) {
	case 0:
		if strings.Contains(t, "…") {
			return strings.ReplaceAll(t, "…", "...")
		}
		return strings.ReplaceAll(t, "...", "…")
	case 1:
		if strings.Contains(t, "“") {
			return strings.NewReplacer("“", `"`, "”", `"`).Replace(t)
		}
		return strings.Replace(t, `"`, "“", 1)
	default:
		return strings.Replace(t, ", ", "; ", 1)
	}
}

// insertLine is a line pasted into a copied story: a photo caption or a
// link to another article.
func (g *generator) insertLine() string {
	switch g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("Photo: %s %s / %s", g.v.names[g.r.IntN(len(g.v.names))], g.v.names[g.r.IntN(len(g.v.names))], g.outlets[g.r.IntN(len(g.outlets))].name)
	case 1:
		return "Related: " + g.v.title()
	default:
		return "READ MORE: " + g.v.title()
	}
}

// shuffleBlocks cuts ps into two to four blocks and returns them in
// another order.
func (g *generator) shuffleBlocks(ps []piece) []piece {
	if len(ps) < 2 {
		return ps
	}
	k := min(2+g.r.IntN(3), len(ps))
	cuts := []int{0}
	for c := 1; c < k; c++ {
		cuts = append(cuts, c*len(ps)/k)
	}
	cuts = append(cuts, len(ps))
	order := g.r.Perm(k)
	for isIdentity(order) {
		order = g.r.Perm(k)
	}
	out := make([]piece, 0, len(ps))
	for _, b := range order {
		out = append(out, ps[cuts[b]:cuts[b+1]]...)
	}
	return out
}

func isIdentity(p []int) bool {
	for i, v := range p {
		if i != v {
			return false
		}
	}
	return true
}

// plant writes the truth for copy b of src (on the writer goroutine): one passage per maximal run of
// pieces that copies consecutive source paragraphs (pasted lines inside a
// run belong to it), and the pair with its exact shingle Jaccard.
func (g *generator) plant(op Op, src, b *article, ps []piece, jaccard *pairJaccard) error {
	type run struct{ aFirst, aLast, bFirst, bLast int }
	var runs []run
	open := false
	for k, p := range ps {
		switch {
		case p.src >= 0 && open && p.src == runs[len(runs)-1].aLast+1:
			runs[len(runs)-1].aLast, runs[len(runs)-1].bLast = p.src, k
		case p.src >= 0:
			runs = append(runs, run{p.src, p.src, k, k})
			open = true
		case !p.inserted:
			open = false
		}
	}
	for _, r := range runs {
		pp := PlantedPassage{
			Op: op,
			A:  relate.End{Doc: src.id, Begin: src.spans[r.aFirst].Begin, End: src.spans[r.aLast].End},
			B:  relate.End{Doc: b.id, Begin: b.spans[r.bFirst].Begin, End: b.spans[r.bLast].End},
		}
		pp.Tokens = len(normalize.Tokens(src.text[pp.A.Begin:pp.A.End]))
		pp.Short = pp.Tokens < MinPassageTokens
		if err := g.truth.Encode(truthLine{Passage: &pp}); err != nil {
			return fmt.Errorf("bench: writing truth: %w", err)
		}
		g.stats.Passages++
	}
	pair := PlantedPair{Op: op, A: src.id, B: b.id, Jaccard: jaccard.wait()}
	if err := g.truth.Encode(truthLine{Pair: &pair}); err != nil {
		return fmt.Errorf("bench: writing truth: %w", err)
	}
	g.stats.Pairs++
	return nil
}

// pairJaccard is the exact shingle Jaccard of a copy and its source,
// computed on a goroutine of its own while the generator and the writer
// go on (it was half the writer's work, and the writer set the pace of
// generation); the writer waits for it in order.
type pairJaccard struct {
	done  chan struct{}
	value float64
}

// startJaccard starts computing the Jaccard similarity of a and b.
func startJaccard(a, b string, shingle int) *pairJaccard {
	p := &pairJaccard{done: make(chan struct{})}
	go func() {
		defer close(p.done)
		s := jaccardScratch.Get().(*shingleScratch)
		defer jaccardScratch.Put(s)
		p.value = s.jaccard(a, b, shingle)
	}()
	return p
}

// wait is the similarity, once computed.
func (p *pairJaccard) wait() float64 {
	<-p.done
	return p.value
}

// shingleScratch is what one goroutine computing Jaccard similarities
// reuses between calls: a signer (which keeps a buffer) and two sorted
// slices, cheaper than hash sets.
type shingleScratch struct {
	signer     *neardup.Signer
	shingle    int
	setA, setB []uint64
}

var jaccardScratch = sync.Pool{New: func() any { return new(shingleScratch) }}

// jaccard is the exact Jaccard similarity of the shingle sets of two
// texts, tokenised and shingled as the near-duplicate stage does.
func (s *shingleScratch) jaccard(a, b string, shingle int) float64 {
	if s.signer == nil || s.shingle != shingle {
		s.signer, s.shingle = neardup.NewSigner(1, shingle, 0), shingle
	}
	s.setA = s.shingleSet(a, s.setA[:0])
	s.setB = s.shingleSet(b, s.setB[:0])
	x, y := s.setA, s.setB
	both := 0
	for len(x) > 0 && len(y) > 0 {
		switch {
		case x[0] == y[0]:
			both++
			x, y = x[1:], y[1:]
		case x[0] < y[0]:
			x = x[1:]
		default:
			y = y[1:]
		}
	}
	union := len(s.setA) + len(s.setB) - both
	if union == 0 {
		return 0
	}
	return float64(both) / float64(union)
}

// shingleSet appends the distinct shingle hashes of text to set, sorted.
func (s *shingleScratch) shingleSet(text string, set []uint64) []uint64 {
	s.signer.ShingleHashes(normalize.Hashes(normalize.Tokens(text)), func(h uint64) { set = append(set, h) })
	slices.Sort(set)
	return slices.Compact(set)
}
