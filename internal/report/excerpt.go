package report

import (
	"strings"
	"unicode/utf8"
)

// excerptColumns is how much of a passage the text report quotes: about
// two lines, so that a long passage is recognisable by its beginning and
// its end without flooding the terminal.
const excerptColumns = 110

// excerpt returns the original text of [begin, end) ready to be quoted:
// white space folded, control characters dropped and, when it is longer
// than columns wide, its head and tail joined by " … " with the cut made at
// word boundaries where there is one nearby. Offsets outside the text are
// clamped; it never panics.
func excerpt(text string, begin, end, columns int) string {
	begin = min(max0(begin), len(text))
	end = min(max0(end), len(text))
	if end <= begin {
		return ""
	}
	s := text[begin:end]
	// Only the ends of a long passage can be shown, so only the ends are
	// cleaned: a passage may be the whole of a long document. Every
	// column takes at least one byte, so 4·columns bytes from each end are
	// plenty even after white space is folded away.
	if chunk := 4 * columns; len(s) > 2*chunk+8 {
		head := clean(s[:runeStart(s, chunk)])
		tail := clean(s[runeStart(s, len(s)-chunk):])
		return cutHead(head, (columns-3)/2) + " … " + cutTail(tail, (columns-3)/2)
	}
	s = clean(s)
	if fits(s, columns) {
		return s
	}
	return cutHead(s, (columns-3)/2) + " … " + cutTail(s, (columns-3)/2)
}

func max0(n int) int {
	if n < 0 {
		return 0
	}
	return n
}

// runeStart moves i forward to the start of a rune, so that a cut never
// splits a UTF-8 sequence.
func runeStart(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// cutHead returns the beginning of s in at most w columns, ending at a
// word boundary when one falls in the second half of that room.
func cutHead(s string, w int) string {
	cut, used, space := 0, 0, -1
	eachCluster(s, func(c string, cw int) bool {
		if used+cw > w {
			return false
		}
		if c == " " && used > w/2 {
			space = cut
		}
		used += cw
		cut += len(c)
		return true
	})
	if cut < len(s) && s[cut] != ' ' && space > 0 {
		cut = space
	}
	return strings.TrimRight(s[:cut], " ")
}

// cutTail returns the end of s in at most w columns, starting at a word
// boundary when one falls in the first half of that room.
func cutTail(s string, w int) string {
	// Clusters are found from the front; only the last few bytes of s can
	// be shown, so only those are split. A column takes at most four bytes
	// (a flag is two four-byte runes in two columns; a cluster of several
	// runes counts a column per rune), so 4·w bytes are enough.
	if limit := 4 * w; len(s) > limit {
		s = s[runeStart(s, len(s)-limit):]
	}
	parts, widths := clusters(s)
	used, n := 0, len(parts)
	for n > 0 && used+widths[n-1] <= w {
		used += widths[n-1]
		n--
	}
	if n > 0 && parts[n-1] != " " {
		limit := n + (len(parts)-n)/2
		for k := n; k < limit; k++ {
			if parts[k] == " " {
				n = k + 1
				break
			}
		}
	}
	return strings.TrimLeft(strings.Join(parts[n:], ""), " ")
}
