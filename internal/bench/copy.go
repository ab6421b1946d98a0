package bench

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/match/neardup"
	"github.com/echotrace/echotrace/internal/relate"
)

// copyOf makes the document of t as a copy of src by t.op, and its lines.
func (w *worker) copyOf(t *task, src *article) error {
	var ps []piece
	body := len(src.paras) - 1 // paragraphs after the headline
	switch t.op {
	case OpNearDup:
		ps = w.copied(src, 0, len(src.paras), 1.0/400, 0.1)
	case OpInsert:
		ps = w.copied(src, 0, len(src.paras), 1.0/60, 0.3)
		for range 1 + w.r.IntN(2) {
			if len(ps) < 3 {
				break
			}
			at := 2 + w.r.IntN(len(ps)-2) // strictly inside: after the headline and a paragraph
			ps = append(ps[:at], append([]piece{{text: w.insertLine(), src: -1, inserted: true}}, ps[at:]...)...)
		}
	case OpReorder:
		ps = w.copied(src, 0, len(src.paras), 1.0/80, 0.2)
		ps = append(ps[:1], w.shuffleBlocks(ps[1:])...)
	case OpPartial:
		n := min(2+w.r.IntN(3), body)
		from := 1 + w.r.IntN(body-n+1)
		ps = w.freshPieces(true, 60+w.r.IntN(300))
		ps = append(ps, w.copied(src, from, from+n, 1.0/60, 0.2)...)
		ps = append(ps, w.freshPieces(false, 60+w.r.IntN(300))...)
	default: // OpEdit
		ps = w.copied(src, 0, len(src.paras), 1.0/30, 0.5)
	}
	t.art = w.compose(t.i, w.outlets[w.r.IntN(len(w.outlets))], ps)
	w.encodeRecord(t)
	return w.plant(t, src, ps)
}

// copied returns src's paragraphs [from, to) as pieces, each word replaced
// with probability subst and each paragraph's punctuation changed with
// probability punct. The headline is copied without edits.
func (w *worker) copied(src *article, from, to int, subst, punct float64) []piece {
	ps := make([]piece, 0, to-from)
	for j := from; j < to; j++ {
		t := src.paras[j]
		// The copy has the source's tokens unless a word was replaced:
		// punctuation is no token.
		hashes := src.hashes[src.tokens[j].begin:src.tokens[j].end:src.tokens[j].end]
		if j > 0 {
			if edited := w.editWords(t, subst); edited != t {
				t, hashes = edited, nil
			}
			if w.r.Float64() < punct {
				t = w.editPunctuation(t)
			}
		}
		ps = append(ps, piece{text: t, src: j, hashes: hashes})
	}
	return ps
}

// editWords replaces the letters of each word, with probability p, with
// another word, keeping the punctuation around them.
func (w *worker) editWords(t string, p float64) string {
	// The words replaced are drawn as gaps between them (geometric, the
	// number of words kept before the next one replaced): one draw per
	// replacement rather than one per word.
	k := w.wordsKept(p)
	n := strings.Count(t, " ") + 1
	if k >= n {
		return t
	}
	ws := strings.Split(t, " ")
	for ; k < n; k += 1 + w.wordsKept(p) {
		word := ws[k]
		lead := strings.IndexFunc(word, isWordRune)
		if lead < 0 {
			continue
		}
		end := strings.LastIndexFunc(word, isWordRune)
		_, size := utf8.DecodeRuneInString(word[end:])
		ws[k] = word[:lead] + w.v.anyWord(w.r) + word[end+size:]
	}
	return strings.Join(ws, " ")
}

// wordsKept draws how many words are kept before the next one replaced
// when each is replaced with probability p: the geometric law of the
// failures before a first success.
func (w *worker) wordsKept(p float64) int {
	u := 1 - w.r.Float64() // in (0, 1]
	k := math.Floor(math.Log(u) / math.Log1p(-p))
	if k > math.MaxInt32 {
		return math.MaxInt32
	}
	return int(k)
}

// isWordRune matches the letters and digits of a word.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// editPunctuation makes the changes copy editors and CMSs make: ellipsis
// forms, quote styles, a comma turned into a semicolon.
func (w *worker) editPunctuation(t string) string {
	switch w.r.IntN(3) {
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
func (w *worker) insertLine() string {
	switch w.r.IntN(3) {
	case 0:
		return fmt.Sprintf("Photo: %s %s / %s", w.v.names[w.r.IntN(len(w.v.names))], w.v.names[w.r.IntN(len(w.v.names))], w.outlets[w.r.IntN(len(w.outlets))].name)
	case 1:
		return "Related: " + w.v.titleText(w.r)
	default:
		return "READ MORE: " + w.v.titleText(w.r)
	}
}

// shuffleBlocks cuts ps into two to four blocks and returns them in
// another order.
func (w *worker) shuffleBlocks(ps []piece) []piece {
	if len(ps) < 2 {
		return ps
	}
	k := min(2+w.r.IntN(3), len(ps))
	cuts := []int{0}
	for c := 1; c < k; c++ {
		cuts = append(cuts, c*len(ps)/k)
	}
	cuts = append(cuts, len(ps))
	order := w.r.Perm(k)
	for isIdentity(order) {
		order = w.r.Perm(k)
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

// plant encodes the truth of t, copy b of src: one passage per maximal
// run of pieces that copies consecutive source paragraphs (pasted lines
// inside a run belong to it), and the pair with its exact shingle Jaccard.
func (w *worker) plant(t *task, src *article, ps []piece) error {
	b := t.art
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
	w.buf.Reset()
	for _, r := range runs {
		pp := PlantedPassage{
			Op: t.op,
			A:  relate.End{Doc: src.id, Begin: src.spans[r.aFirst].Begin, End: src.spans[r.aLast].End},
			B:  relate.End{Doc: b.id, Begin: b.spans[r.bFirst].Begin, End: b.spans[r.bLast].End},
		}
		pp.Tokens = int(src.tokens[r.aLast].end - src.tokens[r.aFirst].begin)
		pp.Short = pp.Tokens < MinPassageTokens
		if err := w.tenc.Encode(truthLine{Passage: &pp}); err != nil {
			return fmt.Errorf("bench: encoding truth: %w", err)
		}
		t.passages++
	}
	pair := PlantedPair{Op: t.op, A: src.id, B: b.id, Jaccard: w.jaccard.jaccard(src.hashes, b.hashes, w.cfg.Shingle)}
	if err := w.tenc.Encode(truthLine{Pair: &pair}); err != nil {
		return fmt.Errorf("bench: encoding truth: %w", err)
	}
	t.truth = bytes.Clone(w.buf.Bytes())
	return nil
}

// shingleScratch is what one worker computing Jaccard similarities
// reuses between calls: a signer (which keeps a buffer) and a hash set.
type shingleScratch struct {
	signer  *neardup.Signer
	shingle int
	// set is an open-addressing table of shingle hashes, sets the sets
	// each is in (1 for the first text, 2 for the second, 0 for an
	// empty slot).
	set  []uint64
	sets []uint8
}

// jaccard is the exact Jaccard similarity of the shingle sets of two
// texts given by their token hashes (normalize.TokenHashes), shingled as
// the near-duplicate stage does.
func (s *shingleScratch) jaccard(ha, hb []uint64, shingle int) float64 {
	if s.signer == nil || s.shingle != shingle {
		s.signer, s.shingle = neardup.NewSigner(1, shingle, 0), shingle
	}
	size := 16
	for size < 2*(len(ha)+len(hb)) {
		size *= 2
	}
	if cap(s.set) < size {
		s.set, s.sets = make([]uint64, size), make([]uint8, size)
	}
	s.set, s.sets = s.set[:size], s.sets[:size]
	clear(s.sets)
	mask := uint64(size - 1)
	var count [4]int // distinct shingles by the sets they are in
	add := func(h uint64, in uint8) {
		k := h & mask
		for s.sets[k] != 0 && s.set[k] != h {
			k = (k + 1) & mask
		}
		count[s.sets[k]]--
		s.set[k] = h
		s.sets[k] |= in
		count[s.sets[k]]++
	}
	s.signer.ShingleHashes(ha, func(h uint64) { add(h, 1) })
	s.signer.ShingleHashes(hb, func(h uint64) { add(h, 2) })
	union := count[1] + count[2] + count[3]
	if union == 0 {
		return 0
	}
	return float64(count[3]) / float64(union)
}
