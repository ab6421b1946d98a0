package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/doc"
)

// paragraphs splits text into its non-blank lines, trimmed of white space.
// A line is the unit a quotation continues across: news text reaches
// echotrace with one paragraph per line, sometimes with blank lines
// between, and both shapes give the same paragraphs.
func paragraphs(text string) []doc.Span { return appendParagraphs(nil, text) }

// appendParagraphs appends the paragraphs of text to ps.
func appendParagraphs(ps []doc.Span, text string) []doc.Span {
	start := 0
	for start <= len(text) {
		end := len(text)
		if start < len(text) {
			if i := strings.IndexByte(text[start:], '\n'); i >= 0 {
				end = start + i
			}
		}
		if b, e := trimSpace(text, start, end); b < e {
			ps = append(ps, doc.Span{Begin: b, End: e})
		}
		start = end + 1
	}
	return ps
}

// trimSpace narrows [b, e) of text to exclude leading and trailing white
// space (including no-break spaces).
func trimSpace(text string, b, e int) (int, int) {
	for b < e {
		r, n := utf8.DecodeRuneInString(text[b:e])
		if !unicode.IsSpace(r) && r != '\u00a0' && r != '\ufeff' {
			break
		}
		b += n
	}
	for e > b {
		r, n := utf8.DecodeLastRuneInString(text[b:e])
		if !unicode.IsSpace(r) && r != '\u00a0' && r != '\ufeff' {
			break
		}
		e -= n
	}
	return b, e
}

// runeBefore is the rune ending at byte i, or 0 at the start of text.
func runeBefore(text string, i int) rune {
	if i <= 0 || i > len(text) {
		return 0
	}
	if c := text[i-1]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

// runeAt is the rune starting at byte i, or 0 at the end of text.
func runeAt(text string, i int) rune {
	if i < 0 || i >= len(text) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

func isSpace(r rune) bool { return r == 0 || unicode.IsSpace(r) || r == '\u00a0' }

// firstRune is the first rune of s (RuneError when s is empty or opens
// with an invalid byte), without converting s to runes.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isUpperStart reports whether word begins with an upper-case letter.
func isUpperStart(word string) bool {
	if word != "" && word[0] < utf8.RuneSelf {
		return word[0]-'A' < 26 // A–Z, ASCII's upper-case letters
	}
	return upperRuneStart(word) // (apart, so that the ASCII test is inlined)
}

// upperRuneStart is isUpperStart by the decoded first rune.
func upperRuneStart(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r)
}

// isAllCaps reports whether word has two or more letters, all upper case
// (an acronym such as NATO).
func isAllCaps(word string) bool {
	n := 0
	// ASCII bytes first, without decoding: a small letter answers no.
	i := 0
	for ; i < len(word) && word[i] < utf8.RuneSelf; i++ {
		switch c := word[i]; {
		case 'a' <= c && c <= 'z':
			return false
		case 'A' <= c && c <= 'Z':
			n++
		}
	}
	for _, r := range word[i:] {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// spansInOrder reports whether each span ends before the next begins
// (and none is empty), as inSpans reads them.
func spansInOrder(spans []doc.Span) bool {
	for i, s := range spans {
		if s.Begin >= s.End || i > 0 && spans[i-1].End > s.Begin {
			return false
		}
	}
	return true
}

// inSpans reports whether off lies inside one of the sorted spans.
func inSpans(spans []doc.Span, off int) bool {
	lo, hi := 0, len(spans)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case off < spans[m].Begin:
			hi = m
		case off >= spans[m].End:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// isBlank reports whether the text between two words is only spaces on
// one line: one space, a no-break space (which news sites put after
// titles and before names), or a run of them, which copy-editing leaves
// ("said  Republican consultant X") and which separates words no more
// than one space does.
func isBlank(g string) bool {
	if g == " " || g == "\u00a0" {
		return true
	}
	if g == "" {
		return false
	}
	for _, r := range g {
		if r != ' ' && r != '\u00a0' && r != '\t' {
			return false
		}
	}
	return true
}

// oneRune is len([]rune(s)) == 1 without counting the runes of the whole
// of s: the name rules ask it of every word of a capitalised run.
func oneRune(s string) bool {
	if len(s) == 0 || len(s) > utf8.UTFMax {
		return false
	}
	if s[0] < utf8.RuneSelf {
		return len(s) == 1
	}
	_, n := utf8.DecodeRuneInString(s)
	return n == len(s)
}

// twoRunes is len([]rune(s)) >= 2, likewise.
func twoRunes(s string) bool { return len(s) > 0 && !oneRune(s) }

// countFields is len(strings.Fields(s)) when that is below limit, and
// limit otherwise: the rules that ask how many words a name or a stretch
// has count them without making the list.
func countFields(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = c == ' ' || '\t' <= c && c <= '\r'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			in = false
			continue
		}
		if !in {
			in = true
			if n++; n >= limit {
				return limit
			}
		}
	}
	return n
}
