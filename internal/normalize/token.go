package normalize

import (
	"encoding/binary"
	"slices"
	"unicode"
	"unicode/utf8"
	"unsafe"

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

// isInvisible reports whether r is a character that has no width and no
// say in what a word is: soft hyphen, zero-width space, non-joiner and
// joiner, word joiner, and a byte order mark left inside a text. Pages
// sprinkle soft hyphens into long words for line breaking and editors
// leave the others behind; a copy without them is the same text.
func isInvisible(r rune) bool {
	switch r {
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return true
	}
	return false
}

// scan calls fn with the byte range of every word of text, in order. It is
// the one definition of a word that Tokens, Spans and TokenHashes share:
// a maximal run of letters, digits and combining marks, in which
// invisible characters (isInvisible) are passed over: they neither end a
// word nor start one, and a word's range never ends with one. Invalid
// UTF-8 bytes separate words like punctuation does; they never panic and
// never shift offsets.
func scan(text string, fn func(begin, end int)) {
	start, end := -1, -1
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				if start >= 0 {
					fn(start, end)
					start = -1
				}
				i++
				continue
			}
			// Most words are plain ASCII: take the rest of such a run of
			// letters and digits at once.
			if start < 0 {
				start = i
			}
			i++
			for i < len(text) && asciiWord[text[i]] {
				i++
			}
			end = i
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r != utf8.RuneError && isWordRune(r):
			if start < 0 {
				start = i
			}
			end = i + size
		case isInvisible(r):
		case start >= 0:
			fn(start, end)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, end)
	}
}

// asciiWord marks the ASCII bytes that belong inside a word: letters and
// digits. Bytes from utf8.RuneSelf up are never marked.
var asciiWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// asciiClass tells of each byte whether it is an ASCII byte of a word
// (asciiInWord), an ASCII capital too (asciiCapital), or an ASCII byte
// that is no part of a word (asciiNone); bytes from utf8.RuneSelf up
// are none of these (0).
var asciiClass = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = asciiInWord | asciiCapital
		case asciiWord[c]:
			t[c] = asciiInWord
		default:
			t[c] = asciiNone
		}
	}
	return t
}()

const (
	asciiInWord  = 1
	asciiCapital = 2
	asciiNone    = 4
)

// loweredBlock is the size of AppendTokens' blocks of lowered keys: a
// few dozen keys each, and little left unused at a text's end.
const loweredBlock = 256

// Tokens splits text into words with their matching keys.
func Tokens(text string) []Token {
	return AppendTokens(make([]Token, 0, len(text)/6+1), text)
}

// AppendTokens appends the words of text, as Tokens gives them, to dst:
// a caller that splits text after text reuses one slice.
func AppendTokens(dst []Token, text string) []Token {
	// Room for a word every six bytes, as Tokens makes: growing by
	// doubling copies the tokens of a long text several times over.
	dst = slices.Grow(dst, len(text)/6+1)
	// Most words are a run of ASCII letters and digits that an ASCII
	// byte which is no part of a word (or the text's end) follows: such
	// a run is a whole word, and its key (Key) is the run itself or the
	// run lowered, known from the one pass over its bytes. The other
	// words go through scan and Key, from where the fast path stops.
	//
	// A lowered key is cut from a block of lowered keys (lowered), not
	// allocated on its own: a capitalised word is about one word in
	// eight, and its allocation was most of the tokenizer's. A key kept
	// past the text keeps its block alive, as a lower-case key (the
	// text itself) keeps the text: a caller that keeps keys copies them
	// (strings.Clone), as it must for those already.
	var lowered []byte
	for i := 0; i < len(text); {
		c := text[i]
		if asciiClass[c] == asciiNone {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if j, capital, whole := asciiRun(text, i); whole {
				key := text[i:j]
				if capital {
					if cap(lowered)-len(lowered) < len(key) {
						// No larger than the rest of the text: a short
						// text (a name) gets a block of its size.
						lowered = make([]byte, 0, max(min(loweredBlock, len(text)-i), len(key)))
					}
					b := len(lowered)
					lowered = appendLowerASCII(lowered, key)
					key = unsafe.String(&lowered[b], len(key))
				}
				dst = append(dst, Token{Key: key, Begin: i, End: j})
				i = j
				continue
			}
		}
		// A word with other bytes than ASCII, or not a word: scan reads
		// it, up to the next ASCII byte that is no part of a word.
		end := mixedRunEnd(text, i)
		scan(text[i:end], func(b, e int) { dst = append(dst, Token{Key: Key(text[i+b : i+e]), Begin: i + b, End: i + e}) })
		i = end
	}
	return dst
}

// AppendKeys appends the keys of text's words, as Tokens gives them, to
// dst, a space between one and the next, and to ends the offset in dst
// just past each key: the key of word k is dst[ends[k-1]+1:ends[k]], the
// first beginning where dst ended. It makes no Token and no string for
// a plain ASCII word: for a caller that wants only the keys' bytes (the
// quote linker hashes them, and the kind and the keys joined by spaces).
func AppendKeys(dst []byte, ends []int, text string) ([]byte, []int) {
	first := true
	for i := 0; i < len(text); {
		c := text[i]
		if asciiClass[c] == asciiNone {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if j, capital, whole := asciiRun(text, i); whole {
				if !first {
					dst = append(dst, ' ')
				}
				first = false
				k := len(dst)
				dst = append(dst, text[i:j]...)
				for ; capital && k < len(dst); k++ {
					if asciiClass[dst[k]]&asciiCapital != 0 {
						dst[k] += 'a' - 'A'
					}
				}
				ends = append(ends, len(dst))
				i = j
				continue
			}
		}
		end := mixedRunEnd(text, i)
		scan(text[i:end], func(b, e int) {
			if !first {
				dst = append(dst, ' ')
			}
			first = false
			dst = append(dst, Key(text[i+b:i+e])...)
			ends = append(ends, len(dst))
		})
		i = end
	}
	return dst, ends
}

// asciiRun reads the run of ASCII letters and digits at text[i] (an
// ASCII byte): where it ends, whether it holds a capital, and whether it
// is a whole word, which it is when an ASCII byte that is no part of a
// word, or the text's end, follows it. One table read a byte tells a
// word's byte and a capital.
func asciiRun(text string, i int) (j int, capital, whole bool) {
	seen := uint8(0)
	for j = i; j < len(text); j++ {
		k := asciiClass[text[j]]
		if k&asciiInWord == 0 {
			break
		}
		seen |= k
	}
	return j, seen&asciiCapital != 0, j == len(text) || text[j] < utf8.RuneSelf
}

// mixedRunEnd is the end of the stretch from i up to the next ASCII byte
// that is no part of a word: the words of a run with other bytes than
// ASCII, which scan reads.
func mixedRunEnd(text string, i int) int {
	for i < len(text) && (text[i] >= utf8.RuneSelf || asciiWord[text[i]]) {
		i++
	}
	return i
}

// CountWords is len(Tokens(text)) without building the tokens: the number
// of words, for the many tests of how long a stretch of text is.
func CountWords(text string) int {
	n := 0
	scan(text, func(int, int) { n++ })
	return n
}

// Span is the byte range [Begin, End) of one word.
type Span struct{ Begin, End int32 }

// Spans returns the byte range of every word, as Tokens would, without
// computing keys: enough to map token indices back to the original text.
func Spans(text string) []Span {
	out := make([]Span, 0, len(text)/6+1)
	scan(text, func(b, e int) { out = append(out, Span{int32(b), int32(e)}) })
	return out
}

// Hash is the 64-bit hash of a token key that the index and the aligner
// compare instead of strings.
func Hash(key string) uint64 { return xxh3.HashString(key) }

// KeyHash is the 64-bit hash of a token key that tables of words probed
// for every token use (extraction's word classes, the story stage's
// stems), never 0: extraction hashes each key once and lends the hashes
// with its words (see extract.Words), so a later reader of the same words
// does not hash them again. Most keys are short words, hashed inline:
// the bytes of a key of up to 8 bytes as one number (shortKey: no two
// keys without bytes below 8 give the same), seeded and mixed by
// MurmurHash3's finalizer, a bijection; longer keys by Hash.
func KeyHash(key string) uint64 {
	if len(key) > 8 {
		return Hash(key) | 1
	}
	v := shortKey(key) ^ 0x9e3779b97f4a7c15
	v ^= v >> 33
	v *= 0xff51afd7ed558ccd
	v ^= v >> 33
	v *= 0xc4ceb9fe1a85ec53
	v ^= v >> 33
	return v | 1
}

// shortKey is a key of at most 8 bytes as a number: its bytes, little
// endian, and below 8 bytes its length in the top byte. It reads the
// bytes in at most two loads.
func shortKey(key string) uint64 {
	n := len(key)
	if n == 0 {
		return 0
	}
	b := unsafe.Slice(unsafe.StringData(key), n)
	switch {
	case n == 8:
		return binary.LittleEndian.Uint64(b)
	case n >= 4:
		// The first and the last four bytes, which overlap by 8-n.
		lo, hi := uint64(binary.LittleEndian.Uint32(b)), uint64(binary.LittleEndian.Uint32(b[n-4:]))
		return lo | hi<<(8*(n-4)) | uint64(n)<<56
	default:
		return uint64(b[0]) | uint64(b[n/2])<<8 | uint64(b[n-1])<<16 | uint64(n)<<56
	}
}

// Hashes returns the hash of every token's key, in order.
func Hashes(toks []Token) []uint64 {
	hs := make([]uint64, len(toks))
	for i, t := range toks {
		hs[i] = Hash(t.Key)
	}
	return hs
}

// TokenHashes is Hashes(Tokens(text)) without building the keys: plain
// ASCII words, by far the most common, are lowered into a scratch buffer
// and hashed there. It is the hot path of fingerprinting.
func TokenHashes(text string) []uint64 {
	hs := make([]uint64, 0, len(text)/6+1)
	var buf [64]byte
	scan(text, func(b, e int) {
		w := text[b:e]
		if len(w) <= len(buf) {
			ascii := true
			for i := 0; i < len(w); i++ {
				c := w[i]
				if c >= utf8.RuneSelf {
					ascii = false
					break
				}
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[i] = c
			}
			if ascii {
				hs = append(hs, xxh3.Hash(buf[:len(w)]))
				return
			}
		}
		hs = append(hs, Hash(Key(w)))
	})
	return hs
}
