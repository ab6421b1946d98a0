package normalize

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// foldRune maps typographic variants to one plain form: every double quote
// to ", every single quote and apostrophe to ', every dash and minus to -.
// It returns -1 when r has no special folding.
func foldRune(r rune) rune {
	switch r {
	case '“', '”', '„', '‟', '«', '»', '〝', '〞', '＂', '″':
		return '"'
	case '‘', '’', '‚', '‛', '‹', '›', '`', '´', '′', 'ʼ':
		return '\''
	case '‐', '‑', '‒', '–', '—', '―', '−', '﹘', '﹣', '－':
		return '-'
	}
	return -1
}

// Fold returns s in NFKC with quotes, dashes and ellipses folded to their
// plain ASCII forms ("…" becomes "...") and white space runs collapsed to
// one space. Case is kept: Fold is for comparing and displaying text, Key
// for matching it.
func Fold(s string) string {
	if isASCII(s) && !strings.ContainsRune(s, '`') {
		// NFKC leaves ASCII as it is and, but for the backtick, no ASCII
		// character folds, so only white space remains to collapse.
		return collapseASCIISpace(s)
	}
	if t, ok := foldTypographic(s); ok {
		return t
	}
	return foldRunes(s)
}

// foldRunes is Fold for any text: NFKC, then rune by rune.
func foldRunes(s string) string {
	s = norm.NFKC.String(s) // NFKC already turns "…" into "..."
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isInvisible(r) {
			continue
		}
		if unicode.IsSpace(r) {
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		if f := foldRune(r); f >= 0 {
			r = f
		}
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " ")
}

// FoldShared is Fold(s), but s itself when s is folded already (ASCII
// without a backtick or white space other than single spaces between
// words, the common case of a quotation in news), found in one pass
// without a copy. The result then shares s's memory and keeps all of it
// alive: for callers whose result lives no longer than the text s is
// cut from (extraction's occurrences of a document), not for a short
// string kept from a long text.
func FoldShared(s string) string {
	prev := byte(' ') // a space first or last is not folded
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '`' || asciiSpace[c] && (c != ' ' || prev == ' ') {
			return Fold(s)
		}
		prev = c
	}
	if prev == ' ' && len(s) > 0 {
		return Fold(s)
	}
	return s
}

// collapseASCIISpace is strings.Join(strings.Fields(s), " ") for an
// ASCII s, in one pass and one allocation: the quote stage folds the text
// of every occurrence, and the list of fields cost more than the text.
func collapseASCIISpace(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if asciiSpace[c] {
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// foldTypographic is Fold(s) for a text of ASCII and the typographic
// quotes, dashes and ellipses of news (‘ ’ “ ” – — …) and nothing else,
// in one pass and one allocation; ok is false for any other text. NFKC
// leaves such a text as it is but for the ellipsis, which it makes
// "..." (the others have no compatibility form, and there is no
// combining mark to compose), so folding is foldRune and collapsing
// white space. Most quotations that are not ASCII are such texts (an
// apostrophe, a dash, an ellipsis), and NFKC's pass cost more than the
// folding.
func foldTypographic(s string) (string, bool) {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			switch r {
			case '‘', '’':
				c = '\''
			case '“', '”':
				c = '"'
			case '–', '—':
				c = '-'
			case '…':
				// NFKC's form; its dots are no white space.
				if space && len(b) > 0 {
					b = append(b, ' ')
				}
				space = false
				b = append(b, '.', '.', '.')
				i += size
				continue
			default:
				return "", false
			}
			i += size
		} else {
			i++
			if asciiSpace[c] {
				space = true
				continue
			}
			if c == '`' {
				c = '\''
			}
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	if len(b) == 0 {
		return "", true
	}
	return unsafe.String(unsafe.SliceData(b), len(b)), true
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports, which
// strings.Fields splits at.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// casers hands out case folders: a cases.Caser keeps state between calls
// and must not be shared by goroutines.
var casers = sync.Pool{New: func() any { return cases.Fold() }}

// Key is the matching form of one word: NFKC and case-folded, invisible
// characters (soft hyphens, zero-width joiners, ...) left out. Words that
// are plain ASCII take a fast path that allocates only when it must lower.
func Key(word string) string {
	ascii := true
	upper := false
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return word
		}
		return lowerASCII(word)
	}
	if strings.ContainsFunc(word, isInvisible) {
		word = strings.Map(func(r rune) rune {
			if isInvisible(r) {
				return -1
			}
			return r
		}, word)
	}
	c := casers.Get().(cases.Caser)
	defer casers.Put(c)
	return c.String(norm.NFKC.String(word))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendLowerASCII appends an ASCII word with its capitals lowered; b
// has room for it.
func appendLowerASCII(b []byte, word string) []byte {
	n := len(b)
	b = b[:n+len(word)]
	dst := b[n:]
	for i := 0; i < len(word) && i < len(dst); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst[i] = c
	}
	return b
}

// lowerASCII is an ASCII word with its capitals lowered, in a new string:
// strings.ToLower without its second pass over the word.
func lowerASCII(word string) string {
	b := make([]byte, len(word))
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
