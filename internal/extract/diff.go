package extract

import (
	"strings"

	"github.com/echotrace/echotrace/internal/normalize"
)

// Op is one step of a word-level difference.
type Op string

// Diff operations.
const (
	OpEqual  Op = "="
	OpDelete Op = "-" // in the first text only
	OpInsert Op = "+" // in the second text only
)

// Edit is a run of words that the two texts share, or that only one has.
type Edit struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// maxDiffCells bounds the dynamic-programming table of Diff; longer texts
// are compared in one replace step rather than word by word.
const maxDiffCells = 4_000_000

// Diff compares two texts word by word (on normalised keys, so case,
// quotes and punctuation do not count as changes) and returns the edits
// that turn a into b, with the words as written.
func Diff(a, b string) []Edit {
	ta, tb := normalize.Tokens(a), normalize.Tokens(b)
	word := func(text string, t normalize.Token) string { return text[t.Begin:t.End] }
	if len(ta)*len(tb) > maxDiffCells {
		return []Edit{{OpDelete, a}, {OpInsert, b}}
	}
	// lcs[i][j] is the length of the longest common subsequence of
	// ta[i:] and tb[j:].
	n, m := len(ta), len(tb)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ta[i].Key == tb[j].Key {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []Edit
	push := func(op Op, w string) {
		if len(out) > 0 && out[len(out)-1].Op == op {
			out[len(out)-1].Text += " " + w
			return
		}
		out = append(out, Edit{op, w})
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && ta[i].Key == tb[j].Key:
			push(OpEqual, word(b, tb[j]))
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			push(OpDelete, word(a, ta[i]))
			i++
		default:
			push(OpInsert, word(b, tb[j]))
			j++
		}
	}
	return out
}

// MarkDiff renders edits as text with [-deleted-] and {+inserted+} words.
func MarkDiff(edits []Edit) string {
	var sb strings.Builder
	for i, e := range edits {
		if i > 0 {
			sb.WriteByte(' ')
		}
		switch e.Op {
		case OpDelete:
			sb.WriteString("[-" + e.Text + "-]")
		case OpInsert:
			sb.WriteString("{+" + e.Text + "+}")
		default:
			sb.WriteString(e.Text)
		}
	}
	return sb.String()
}
