package extract

import "github.com/echotrace/echotrace/internal/normalize"

// tokenBlock is the width in bytes of the blocks tokenIndex divides a
// text into.
const tokenBlock = 256

// tokenIndex finds the token at a byte offset in constant time. The
// attribution steps ask for the token at a byte offset again and again
// (a phrase's first word, a sentence's first word); a binary search over
// all the tokens of a long document costs a cache miss a step, so a 4 MB
// document took a fifth longer per byte than a 1 MB one. The index holds,
// for each block of tokenBlock bytes, the first token that begins in it
// or after it, and a search looks only between two neighbouring entries.
type tokenIndex struct {
	first []int32
}

// build indexes toks, the tokens of a text of n bytes in order.
func (ix *tokenIndex) build(toks []normalize.Token, n int) {
	blocks := n/tokenBlock + 2
	ix.first = sized(ix.first, blocks)
	j := 0
	for k := range blocks {
		for j < len(toks) && toks[j].Begin < k*tokenBlock {
			j++
		}
		ix.first[k] = int32(j)
	}
}

// around returns a range [lo, hi] of token indices holding the first token
// that begins at or after byte b and the first that ends at or after it;
// hi is len(toks) when none does.
func (ix *tokenIndex) around(b, ntoks int) (lo, hi int) {
	if b < 0 || len(ix.first) == 0 {
		return 0, ntoks
	}
	k := b / tokenBlock
	if k+1 >= len(ix.first) {
		return max(int(ix.first[len(ix.first)-1])-1, 0), ntoks
	}
	// A token before first[k]-1 ends before the next one begins, which
	// is before block k; first[k+1] begins after b.
	return max(int(ix.first[k])-1, 0), int(ix.first[k+1])
}

// countWords is normalize.CountWords(a.text[b:e]) counted on the
// document's tokens: the tokens inside [b, e), when no token begins
// before b and ends after it, nor begins before e and ends after it.
// A word of the text between b and e is then a token of the whole text
// (words are maximal runs, and neither end cuts one), and the text is
// not split again; a token cut by b or e leaves a piece that is a word
// of the stretch alone, and then the stretch is split again.
func (a *analysis) countWords(b, e int) int {
	if b >= e {
		return normalize.CountWords(a.text[b:e])
	}
	f := a.tokenAt(b + 1) // the first token ending after b
	if f < len(a.toks) && a.toks[f].Begin < b {
		return normalize.CountWords(a.text[b:e])
	}
	l := a.tokenAt(e + 1) // the first token ending after e
	if l < len(a.toks) && a.toks[l].Begin < e {
		return normalize.CountWords(a.text[b:e])
	}
	return l - f
}
