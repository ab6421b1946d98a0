package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/width"
)

// Width is the number of terminal columns the text report fits in.
const Width = 80

// measure is the number of columns s takes, counted so that a line that
// fits does so in any terminal: per grapheme cluster, the largest of its
// display width as modern terminals draw it (an emoji with a skin tone is
// one wide glyph), the sum of its characters' widths as terminals that
// draw character by character do (wide East Asian characters and emoji
// take two), and its number of runes, which naive tools count.
func measure(s string) int {
	n := 0
	eachCluster(s, func(_ string, w int) bool { n += w; return true })
	return n
}

// fits reports whether s takes at most w columns, looking no further into
// s than it must.
func fits(s string, w int) bool {
	n := 0
	eachCluster(s, func(_ string, cw int) bool { n += cw; return n <= w })
	return n <= w
}

// eachCluster calls f with each grapheme cluster of s and its measure, in
// order, until f returns false.
func eachCluster(s string, f func(cluster string, w int) bool) {
	state := -1
	for len(s) > 0 {
		// Fast path: an ASCII character followed by another (or by
		// nothing) is a cluster of its own, unless it is the CR of CR LF.
		if c := s[0]; c < utf8.RuneSelf && c != '\r' && (len(s) == 1 || s[1] < utf8.RuneSelf) {
			if !f(s[:1], 1) {
				return
			}
			s, state = s[1:], -1
			continue
		}
		cluster, rest, w, st := uniseg.FirstGraphemeClusterInString(s, state)
		perRune, runes := 0, 0
		for _, r := range cluster {
			perRune += runeColumns(r)
			runes++
		}
		if !f(cluster, max(w, perRune, runes)) {
			return
		}
		s, state = rest, st
	}
}

// clusters splits s into grapheme clusters with their measures.
func clusters(s string) (parts []string, widths []int) {
	parts, widths = make([]string, 0, len(s)), make([]int, 0, len(s))
	eachCluster(s, func(c string, w int) bool {
		parts = append(parts, c)
		widths = append(widths, w)
		return true
	})
	return parts, widths
}

// runeColumns is the width of one character drawn on its own: two for
// East Asian wide and fullwidth characters (which include most emoji),
// none for combining marks and format characters, one otherwise.
func runeColumns(r rune) int {
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// clean makes untrusted text fit for one line of a terminal: invalid
// UTF-8 becomes U+FFFD, control and format characters (escape sequences,
// bidirectional overrides, zero-width joiners) are dropped so they cannot
// move the cursor or disguise text, and white space runs become one space.
func clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, most of any text, without the Unicode tables.
			i++
			switch {
			case c == ' ' || ('\t' <= c && c <= '\r'):
				space = b.Len() > 0
				continue
			case c < ' ' || c == 0x7f:
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// truncate shortens s to at most w columns, marking the cut with "…".
func truncate(s string, w int) string {
	if fits(s, w) {
		return s
	}
	if w <= 0 {
		return ""
	}
	cut, used := 0, 0
	eachCluster(s, func(c string, cw int) bool {
		if used+cw > w-1 {
			return false
		}
		used += cw
		cut += len(c)
		return true
	})
	return strings.TrimRight(s[:cut], " ") + "…"
}

// wrap lays out text as words into lines of at most w columns: the first
// line starts with first, the others with rest.
func wrap(text, first, rest string, w int) []string {
	return wrapUnits(strings.Fields(text), first, rest, w)
}

// wrapUnits lays out units into lines of at most w columns, a space
// between units. A unit is broken only when it is wider than a line on
// its own (a long URL or id).
func wrapUnits(units []string, first, rest string, w int) []string {
	var lines []string
	line, used := first, measure(first)
	empty := true // no unit on the current line yet
	for _, u := range units {
		u = clean(u)
		if u == "" {
			continue
		}
		uw := measure(u)
		if !empty && used+1+uw <= w {
			line += " " + u
			used += 1 + uw
			continue
		}
		if !empty {
			lines = append(lines, line)
			line, used = rest, measure(rest)
		}
		// The unit starts a line; break it while it does not fit.
		for used+uw > w {
			parts, widths := clusters(u)
			room, cut := w-used, 0
			for cut < len(parts) && widths[cut] <= room {
				room -= widths[cut]
				cut++
			}
			if cut == 0 && line != rest {
				// Not one character fits after this prefix: go on
				// after the continuation prefix instead.
				lines = append(lines, strings.TrimRight(line, " "))
				line, used = rest, measure(rest)
				continue
			}
			if cut == 0 {
				cut = 1 // a character wider than any line: emit it rather than loop
			}
			lines = append(lines, line+strings.Join(parts[:cut], ""))
			line, used = rest, measure(rest)
			u = strings.Join(parts[cut:], "")
			uw = measure(u)
		}
		line += u
		used += uw
		empty = false
	}
	if !empty || len(lines) == 0 {
		lines = append(lines, strings.TrimRight(line, " "))
	}
	return lines
}
