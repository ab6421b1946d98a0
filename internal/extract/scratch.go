package extract

import (
	"sync"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
)

// scratch is the working memory of one analysis that no result keeps:
// the tokens, the tables with an entry per token and the name runs. They were most of
// what extracting a document allocated, and the garbage collector's
// work grows with that, so a worker extracting document after document
// takes them from scratchPool and gives them back when its document is
// done (analysis.release).
type scratch struct {
	toks                   []normalize.Token
	wordID                 []int32
	class                  []wordClass
	classes                []wordClass // key number -> its classes (classify)
	keySlots               []keySlot   // classify's table of the document's keys
	keyFound               []int32     // classify's slot of each key number
	keyHashes              []uint64    // classify's hash of each key number
	tokSent, runAt         []int
	starts, inQuote, upper []bool
	runs                   []nameRun
	tokIndex               tokenIndex
	// The lists with an entry per paragraph, sentence, quotation,
	// attribution or name run that no result keeps, and the one-word
	// names' keys (aloneNames): the rest of a document's garbage, most
	// of it room grown by appending.
	paras, sents, qspans []doc.Span
	attrs                []attribution
	top                  []rawQuote // topLevelQuotes, once topDone
	topDone              bool
	titled               []bool       // titleCaseTokens
	titles               []titleCount // analysis.titles
	runKeys              []string     // discourse.keys
	linkKeys             []string     // placeLinks' keys
	linkCands            [][]*GazetteerEntry
	alone                map[string]bool
	single               []bool // discourse.single
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxScratchTokens is the most tokens a scratch may have held to go back
// to the pool: one grown by a huge document is let go.
const maxScratchTokens = 1 << 16

// sized returns s with length n, reusing its room when there is enough.
// The elements are not cleared: every table taken this way is filled
// whole by the step that makes it.
func sized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// release gives the analysis's scratch back to the pool; the analysis
// must not be used after.
func (a *analysis) release() {
	s := a.scratch
	a.scratch = nil
	if s == nil || cap(a.toks) > maxScratchTokens {
		return
	}
	// The keys, names and roles of this document go with it.
	clear(a.toks)
	clear(a.runs)
	clear(a.attrs)
	clear(s.top)
	clear(s.runKeys)
	clear(s.linkKeys)
	clear(s.linkCands)
	clear(s.alone)
	*s = scratch{toks: a.toks[:0], wordID: a.wordID, class: a.class, tokSent: a.tokSent, runAt: a.runAt,
		starts: a.starts, inQuote: a.inQuote, upper: s.upper, runs: a.runs[:0], tokIndex: a.tokIndex, classes: s.classes[:0], keySlots: s.keySlots, keyFound: s.keyFound[:0], keyHashes: a.keyHash[:0],
		paras: a.paras[:0], sents: a.sents[:0], qspans: a.qspans[:0], attrs: a.attrs[:0], top: s.top[:0], titled: s.titled, titles: a.titles,
		runKeys: s.runKeys, linkKeys: s.linkKeys, linkCands: s.linkCands, alone: s.alone, single: s.single}
	scratchPool.Put(s)
}
