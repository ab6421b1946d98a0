package extract

import (
	"sort"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/normalize"
)

// TestTokenIndexAgreesWithSearch checks the block index against a search
// over all the tokens at every byte offset of texts whose words and gaps
// are shorter and longer than a block, past the ends included.
func TestTokenIndexAgreesWithSearch(t *testing.T) {
	texts := []string{
		"",
		"word",
		"  Mayor Ines Varga said, “We will open the locks.” ",
		strings.Repeat("a ", 300) + strings.Repeat(" ", 700) + strings.Repeat("x", 600) + " end",
		strings.Repeat("Quill said the harbour “is closed” today. ", 40),
	}
	for _, text := range texts {
		a := &analysis{text: text, toks: normalize.Tokens(text)}
		a.tokIndex.build(a.toks, len(text))
		for b := -2; b <= len(text)+tokenBlock*2; b++ {
			wantStart, wantAt := len(a.toks), len(a.toks)
			for i, tok := range a.toks {
				if tok.Begin >= b && wantStart == len(a.toks) {
					wantStart = i
				}
				if tok.End >= b && wantAt == len(a.toks) {
					wantAt = i
				}
			}
			if wantStart == len(a.toks) {
				wantStart = len(a.toks) - 1
			}
			if got, want := a.tokenFrom(b), sort.Search(len(a.toks), func(k int) bool { return a.toks[k].Begin >= b }); got != want {
				t.Fatalf("text of %d bytes: tokenFrom(%d) = %d, want %d", len(text), b, got, want)
			}
			if got := a.tokenStartingAt(b); got != wantStart {
				t.Fatalf("text of %d bytes: tokenStartingAt(%d) = %d, want %d", len(text), b, got, wantStart)
			}
			if got := a.tokenAt(b); got != wantAt {
				t.Fatalf("text of %d bytes: tokenAt(%d) = %d, want %d", len(text), b, got, wantAt)
			}
		}
	}
}

// TestCountWordsAsSplitting compares countWords, which counts the
// document's tokens, with splitting the stretch again, for every stretch
// of texts with words of several scripts, invisible characters inside
// and beside words, quotation marks and invalid bytes, so that stretches
// begin and end inside words, inside characters and beside them.
func TestCountWordsAsSplitting(t *testing.T) {
	texts := []string{
		"",
		"word",
		"  Mayor Ines Varga said, “We will open the locks.” ",
		"Ab\u00adcd e\u200bf \u200bgh ij\u200b. Киев’s café\xffdone « Él » 76ers",
		"“Short,” she said. ‘Tiny’ \"quote\" x\u0301y",
		strings.Repeat("Quill said the harbour “is closed” today. ", 20),
	}
	for _, text := range texts {
		a := &analysis{text: text, toks: normalize.Tokens(text)}
		a.tokIndex.build(a.toks, len(text))
		for b := 0; b <= len(text); b++ {
			for e := b; e <= len(text); e++ {
				if got, want := a.countWords(b, e), normalize.CountWords(text[b:e]); got != want {
					t.Fatalf("countWords(%d, %d) of %q = %d, want %d", b, e, text[b:e], got, want)
				}
			}
		}
	}
}
