package extract

import (
	"cmp"
	"slices"
	"sort"

	"github.com/echotrace/echotrace/internal/doc"
)

// Lookups by position that keep extraction linear in a document's size.
// Every attribution and every quotation asks "which quotation ends just
// here", "which claim holds this offset", "which person was named last
// before here"; answered by a scan of all quotations, claims or mentions,
// each question costs the size of the document and a long document (a
// transcript, a digest of a day's news) takes quadratic time. These are
// the same answers from sorted indexes.

// topQuotes indexes the top-level quotations (Depth 0) of a document.
type topQuotes struct {
	byOpen  []int        // indices into analysis.quotes, by opening offset
	byClose []closeEntry // by closing offset, then index
}

// closeEntry is a top-level quotation's closing offset and its index.
type closeEntry struct{ close, qi int }

func newTopQuotes(quotes []rawQuote) topQuotes {
	var t topQuotes
	n := 0
	for _, q := range quotes {
		if q.Depth == 0 {
			n++
		}
	}
	if n == 0 {
		return t
	}
	// One allocation for both lists (a map of the closing offsets was
	// several, and every offset of a stretch a look-up of it).
	t.byOpen = make([]int, 0, n)
	t.byClose = make([]closeEntry, 0, n)
	for qi, q := range quotes {
		if q.Depth != 0 {
			continue
		}
		t.byOpen = append(t.byOpen, qi)
		t.byClose = append(t.byClose, closeEntry{q.Close, qi})
	}
	// Top-level quotations close in the order they open but for
	// malformed text; sorted by offset and then index either way.
	if !slices.IsSortedFunc(t.byClose, compareCloseEntries) {
		slices.SortFunc(t.byClose, compareCloseEntries)
	}
	return t
}

func compareCloseEntries(a, b closeEntry) int {
	return cmp.Or(cmp.Compare(a.close, b.close), cmp.Compare(a.qi, b.qi))
}

// firstOpeningAt is the first top-level quotation (in document order)
// that opens at or after off, or -1.
func (t topQuotes) firstOpeningAt(quotes []rawQuote, off int) int {
	k := sort.Search(len(t.byOpen), func(k int) bool { return quotes[t.byOpen[k]].Open >= off })
	if k == len(t.byOpen) {
		return -1
	}
	return t.byOpen[k]
}

// firstClosingIn is the first top-level quotation (in document order)
// whose closing offset lies in [lo, hi], or -1.
func (t topQuotes) firstClosingIn(lo, hi int) int {
	best := -1
	k, _ := slices.BinarySearchFunc(t.byClose, lo, func(e closeEntry, off int) int { return cmp.Compare(e.close, off) })
	for ; k < len(t.byClose) && t.byClose[k].close <= hi; k++ {
		if qi := t.byClose[k].qi; best < 0 || qi < best {
			best = qi
		}
	}
	return best
}

// claimIndex finds the innermost claim holding an offset: claims sorted
// by where their content begins, and the longest content, which bounds
// how far back a holding claim can begin.
type claimIndex struct {
	attrs   []int // indices into analysis.attrs, by Content.Begin
	longest int
}

// newClaimIndex indexes the attributions that attribute a claim of their
// own (no quotation, no block, some content).
func newClaimIndex(attrs []attribution) claimIndex {
	var c claimIndex
	for i := range attrs {
		at := &attrs[i]
		if at.Quote >= 0 || at.Block || at.Content.End <= at.Content.Begin {
			continue
		}
		c.attrs = append(c.attrs, i)
		c.longest = max(c.longest, at.Content.Len())
	}
	sort.SliceStable(c.attrs, func(x, y int) bool { return attrs[c.attrs[x]].Content.Begin < attrs[c.attrs[y]].Content.Begin })
	return c
}

// innermost is the claim with the shortest content holding off (the
// first in document order among equals), or nil.
func (c claimIndex) innermost(attrs []attribution, off int) *attribution {
	from := sort.Search(len(c.attrs), func(k int) bool { return attrs[c.attrs[k]].Content.Begin > off-c.longest })
	best := -1
	for k := from; k < len(c.attrs); k++ {
		i := c.attrs[k]
		at := &attrs[i]
		if at.Content.Begin > off {
			break
		}
		if off >= at.Content.End {
			continue
		}
		if best < 0 || at.Content.Len() < attrs[best].Content.Len() || at.Content.Len() == attrs[best].Content.Len() && i < best {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	return &attrs[best]
}

// spansFrom is the index of the first of the sorted, disjoint spans that
// ends after off.
func spansFrom(spans []doc.Span, off int) int {
	return sort.Search(len(spans), func(k int) bool { return spans[k].End > off })
}

// blockSpans are the statements attributed as blocks so far; they are
// paragraphs, so two of them are disjoint or the same.
type blockSpans struct{ spans []doc.Span }

func (b *blockSpans) add(s doc.Span) {
	k := sort.Search(len(b.spans), func(k int) bool { return b.spans[k].Begin > s.Begin })
	b.spans = append(b.spans, doc.Span{})
	copy(b.spans[k+1:], b.spans[k:])
	b.spans[k] = s
}

// holds reports whether off lies in one of the blocks. Blocks being
// disjoint (or equal), only the last one beginning at or before off can.
func (b *blockSpans) holds(off int) bool {
	k := sort.Search(len(b.spans), func(k int) bool { return b.spans[k].Begin > off })
	return k > 0 && off < b.spans[k-1].End
}
