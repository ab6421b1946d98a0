package server

import (
	"github.com/echotrace/echotrace/internal/normalize"
)

// maxDiffEdits bounds the word diff of two passage sides: aligned passages
// differ in few words, and past this many the two sides are shown as
// wholly different rather than spending quadratic time on them.
const maxDiffEdits = 500

// wordDiff compares two texts word by word on normalised keys (so case and
// punctuation are not differences) and cuts each into pieces whose Class
// is "chg" for words the other side lacks, "" for shared ones. The pieces
// keep the original text, punctuation and spacing included.
func wordDiff(a, b string) (pa, pb []piece) {
	ta, tb := normalize.Tokens(a), normalize.Tokens(b)
	ka, kb := keys(ta), keys(tb)
	sameA, sameB, ok := myers(ka, kb)
	if !ok {
		sameA, sameB = make([]bool, len(ka)), make([]bool, len(kb))
	}
	return diffPieces(a, ta, sameA), diffPieces(b, tb, sameB)
}

func keys(toks []normalize.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Key
	}
	return out
}

// diffPieces cuts text at the edges of runs of changed tokens; the gap
// between two changed tokens belongs to the change.
func diffPieces(text string, toks []normalize.Token, same []bool) []piece {
	var out []piece
	pos := 0
	emit := func(end int, changed bool) {
		if end <= pos {
			return
		}
		class := ""
		if changed {
			class = "chg"
		}
		if n := len(out); n > 0 && out[n-1].Class == class {
			out[n-1].Text += text[pos:end]
		} else {
			out = append(out, piece{Text: text[pos:end], Class: class})
		}
		pos = end
	}
	for i, t := range toks {
		if same[i] {
			continue
		}
		emit(t.Begin, false)
		end := t.End
		// Take the gap to the next token too when that one changed as well.
		if i+1 < len(toks) && !same[i+1] {
			end = toks[i+1].Begin
		}
		emit(end, true)
	}
	emit(len(text), false)
	return out
}

// myers finds a shortest edit script between a and b (Myers 1986) and
// reports which elements of each are kept. It gives up (ok false) past
// maxDiffEdits edits.
func myers(a, b []string) (sameA, sameB []bool, ok bool) {
	n, m := len(a), len(b)
	sameA, sameB = make([]bool, n), make([]bool, m)
	maxD := min(n+m, maxDiffEdits)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				backtrack(trace, off, d, n, m, sameA, sameB)
				return sameA, sameB, true
			}
		}
	}
	return sameA, sameB, false
}

// backtrack walks the saved frontiers back from (x, y) = (n, m), marking
// the diagonal moves (kept elements). trace[d] is the frontier as it was
// when round d began, which is what round d's choices were made on.
func backtrack(trace [][]int, off, d, x, y int, sameA, sameB []bool) {
	for ; d > 0; d-- {
		v := trace[d]
		k := x - y
		prevK := k - 1
		if k == -d || k != d && v[off+k-1] < v[off+k+1] {
			prevK = k + 1
		}
		prevX := v[off+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			sameA[x], sameB[y] = true, true
		}
		x, y = prevX, prevY
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		sameA[x], sameB[y] = true, true
	}
}
