package normalize

import (
	"unicode"
	"unicode/utf8"

	"github.com/zeebo/xxh3"
)

// Token is one word of a text: its matching key and the byte range
// [Begin, End) of the word in the original text.
type Token struct {
	Key   string
	Begin int
	End   int
}

// isWordRune reports whether r belongs inside a token.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// Tokens splits text into words. Invalid UTF-8 bytes separate tokens like
// punctuation does; they never panic and never shift offsets.
func Tokens(text string) []Token {
	toks := make([]Token, 0, len(text)/6+1)
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		word := false
		if c < utf8.RuneSelf {
			word = ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
		} else if r != utf8.RuneError {
			word = isWordRune(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			toks = append(toks, Token{Key: Key(text[start:i]), Begin: start, End: i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		toks = append(toks, Token{Key: Key(text[start:]), Begin: start, End: len(text)})
	}
	return toks
}

// Hash is the 64-bit hash of a token key that the index and the aligner
// compare instead of strings.
func Hash(key string) uint64 { return xxh3.HashString(key) }

// Hashes returns the hash of every token's key, in order.
func Hashes(toks []Token) []uint64 {
	hs := make([]uint64, len(toks))
	for i, t := range toks {
		hs[i] = Hash(t.Key)
	}
	return hs
}
