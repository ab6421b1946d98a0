package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/echotrace/echotrace/internal/doc"
	"github.com/echotrace/echotrace/internal/normalize"
)

// abbreviations end with a full stop that does not end a sentence. The
// list is of general titles and Latin abbreviations in the languages
// echotrace reads; single capital letters (initials) are handled apart.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "lt": true, "col": true, "capt": true, "sgt": true,
	"jr": true, "sr": true, "no": true, "vs": true, "etc": true, "inc": true, "co": true,
	"corp": true, "ltd": true, "jan": true, "feb": true, "mar": true, "apr": true, "aug": true,
	"sept": true, "sep": true, "oct": true, "nov": true, "dec": true, "e.g": true, "i.e": true,
	"approx": true, "dept": true, "est": true, "fig": true, "mt": true, "ft": true,
	"г": true, "гг": true, "т": true, "им": true, "тыс": true, "млн": true, "млрд": true,
	"ул": true, "н": true, "р": true, "dir": true, "hr": true, "nr": true, "bzw": true, "sra": true, "sr.": true,
}

// sentences splits each paragraph into sentences. A boundary is a
// terminal mark (. ! ? …), optionally followed by closing quotes or
// brackets, then white space and a capital, digit or opening mark. No
// boundary falls inside a protected span (a quotation), so `“A. B,” he
// said.` is one sentence with its cue.
func sentences(text string, paras []doc.Span, protected []doc.Span) []doc.Span {
	return appendSentences(nil, text, paras, protected)
}

// appendSentences appends the sentences of sentences(text, paras,
// protected) to out.
func appendSentences(out []doc.Span, text string, paras []doc.Span, protected []doc.Span) []doc.Span {
	var cur = -1
	marks := newByteFinder(text, sentenceMarks)
	for pi, p := range paras {
		if cur < 0 {
			cur = p.Begin
		}
		i := p.Begin
		for i < p.End {
			if i = marks.next(i, p.End); i >= p.End {
				break
			}
			r, n := runeAtN(text, i)
			if r != '.' && r != '!' && r != '?' && r != '…' {
				i += n
				continue
			}
			j := i + n
			for j < p.End {
				r2, n2 := runeAtN(text, j)
				if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' || isClosingPunct(r2) || isQuoteRune(r2) {
					j += n2
					continue
				}
				break
			}
			if j >= p.End || !isSpace(runeAt(text, j)) {
				i = j
				continue
			}
			k := j
			for k < p.End && isSpace(runeAt(text, k)) {
				_, n := runeAtN(text, k)
				k += n // a no-break space is two bytes
			}
			next := runeAt(text, k)
			if !(unicode.IsUpper(next) || unicode.IsDigit(next) || isQuoteRune(next) || next == '(' || next == '[') {
				i = k
				continue
			}
			if r == '.' && (isAbbreviationBefore(text, p.Begin, i) || initialsBeforeName(text, p.Begin, i, k, p.End)) {
				i = k
				continue
			}
			// A quotation that opens a sentence opens with a capital; one
			// whose first letter is small goes on the sentence before
			// ("said the U.S. “clearly” needed …").
			if r == '.' && isQuoteRune(next) && lowerAfterMarks(text, k, p.End) {
				i = k
				continue
			}
			// Inside a quotation a full stop ends no sentence, unless the
			// quotation closes with it: after “We won.” a new sentence
			// begins ("She says they…" is no cue clause of the quote).
			if inSpans(protected, i) && !spanEndsBy(protected, i, j) {
				i = k
				continue
			}
			out = append(out, doc.Span{Begin: cur, End: j})
			cur = k
			i = k
		}
		// A paragraph end ends the sentence unless a quotation runs on
		// into the next paragraph.
		if pi+1 < len(paras) && inSpans(protected, p.End) && inSpans(protected, paras[pi+1].Begin) {
			continue
		}
		if cur < p.End {
			out = append(out, doc.Span{Begin: cur, End: p.End})
		}
		cur = -1
	}
	return out
}

// runeAtN is runeAt with the number of bytes to step over it: 1 at the
// end of text, on an invalid byte and on U+FFFD (which may be the decoding
// of one), else the rune's length.
func runeAtN(text string, i int) (rune, int) {
	if i < 0 || i >= len(text) {
		return 0, 1
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if r == utf8.RuneError {
		n = 1
	}
	return r, n
}

// sentenceMarkBytes are the bytes that may begin a sentence's terminal
// mark: . ! ? and the lead byte of … (U+2026). None is a UTF-8
// continuation byte, so a scan byte by byte meets every mark a scan rune
// by rune would.
var sentenceMarkBytes = byteSet(sentenceMarks)

// sentenceMarks are the bytes of sentenceMarkBytes.
const sentenceMarks = ".!?\xe2"

// byteSet marks the bytes of s.
func byteSet(s string) (set [256]bool) {
	for i := 0; i < len(s); i++ {
		set[s[i]] = true
	}
	return set
}

// byteFinder finds the first byte of a set in [i, end) of one text (or
// end), with strings.IndexByte: it remembers for each byte of the set
// where it occurs next, found from where it was last asked for, so a
// scan that asks from place after place in order reads the text once
// for each byte, many bytes at a time, rather than byte by byte.
type byteFinder struct {
	text  string
	bytes string // the set, at most 8 bytes
	// For each byte of the set: it does not occur in [from, at), and
	// occurs at at (len(text): not after from).
	from, at [8]int
}

func newByteFinder(text, bytes string) byteFinder {
	f := byteFinder{text: text, bytes: bytes}
	for k := range f.from {
		f.from[k], f.at[k] = 1, 0 // known for no place
	}
	return f
}

// next is the first index in [i, end) of f.text whose byte is one of
// f.bytes, or end.
func (f *byteFinder) next(i, end int) int {
	if i >= end {
		return end
	}
	best := end
	for k := 0; k < len(f.bytes); k++ {
		if i < f.from[k] || i > f.at[k] {
			f.from[k], f.at[k] = i, len(f.text)
			if j := strings.IndexByte(f.text[i:], f.bytes[k]); j >= 0 {
				f.at[k] = i + j
			}
		}
		best = min(best, f.at[k])
	}
	return best
}

func isClosingPunct(r rune) bool { return r == ')' || r == ']' || r == '}' }

// lowerAfterMarks reports whether the first letter after the quotation
// marks at byte k (before end) is a small letter.
func lowerAfterMarks(text string, k, end int) bool {
	for k < end {
		r, n := runeAtN(text, k)
		if !isQuoteRune(r) {
			return unicode.IsLower(r)
		}
		k += n
	}
	return false
}

// isAbbreviationBefore reports whether the word ending at the full stop at
// byte dot is an abbreviation or an initial.
func isAbbreviationBefore(text string, floor, dot int) bool {
	b := abbreviationStart(text, floor, dot)
	word := text[b:dot]
	if word == "" {
		return false
	}
	if oneRune(word) && isUpperStart(word) {
		return true // an initial: "J. Smith"
	}
	return isAbbreviation(word)
}

// abbreviationLen is the length in bytes of the longest of abbreviations.
var abbreviationLen = longestKey(abbreviations)

// isAbbreviation is abbreviations[strings.ToLower(word)], asked of the
// word before every full stop; one longer than every abbreviation is
// none, as lowering an ASCII word keeps its length.
func isAbbreviation(word string) bool {
	return loweredIn(abbreviations, word, abbreviationLen, strings.ToLower)
}

// loweredIn is set[lower(word)] for a lower that lowers an ASCII word's
// capitals and nothing else of it (strings.ToLower, normalize.Key),
// without making a string of an ASCII word (most words; lower allocates
// for a capital): it is lowered on the stack, and when it is longer
// than maxLen, the longest key of set, it is in no set. Any other word
// is lower's.
func loweredIn(set map[string]bool, word string, maxLen int, lower func(string) string) bool {
	var buf [16]byte
	if len(word) > len(buf) {
		return set[lower(word)]
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return set[lower(word)]
		}
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return len(word) <= maxLen && set[string(buf[:len(word)])]
}

// longestKey is the length in bytes of the longest key of set.
func longestKey(set map[string]bool) int {
	n := 0
	for k := range set {
		n = max(n, len(k))
	}
	return n
}

// abbreviationStart returns where the word of letters and full stops
// that ends at byte dot begins ("U.S" before the last stop of "U.S.").
func abbreviationStart(text string, floor, dot int) int {
	b := dot
	for b > floor {
		r := runeBefore(text, b)
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		b -= len(string(r))
	}
	return b
}

// initialsBeforeName reports whether the full stop at byte dot ends
// initials of two letters or more ("U.S.", "H.W.", "J.J.") inside their
// sentence, before a name ("the U.S. Senate", "George H.W. Bush", "J.J.
// Goldberg"), the next word starting at byte k: it is no function word
// or adverb that opens a sentence ("… in the U.S. The …", "U.S.
// Initially"), and the initials follow no comma (a state after its city
// ends a sentence: "in Lodi, N.J. Harmony's phone …").
func initialsBeforeName(text string, floor, dot, k, end int) bool {
	if dot-floor < 3 || text[dot-2] != '.' || text[dot-1] < 'A' || text[dot-1] > 'Z' {
		return false // most sentences end in a word, not an initial
	}
	b := abbreviationStart(text, floor, dot)
	for i := b; i < dot; i += 2 {
		if c := text[i]; c < 'A' || c > 'Z' || i+1 < dot && text[i+1] != '.' {
			return false
		}
	}
	if strings.HasSuffix(strings.TrimRight(text[floor:b], " \u00a0"), ",") {
		return false
	}
	e := k
	for e < end {
		r, n := runeAtN(text, e)
		if !unicode.IsLetter(r) {
			break
		}
		e += n
	}
	w := strings.ToLower(text[k:e])
	if w == "" || !isUpperStart(text[k:e]) {
		return false
	}
	return !functionWords[w] && !connectives[w] && !normalize.IsStopword("en", w) && !isAdverb(w, w) && !personPronouns[w] && !pluralPronouns[w]
}

// sentenceAt returns the index of the sentence holding off, or -1.
func sentenceAt(sents []doc.Span, off int) int {
	lo, hi := 0, len(sents)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case off < sents[m].Begin:
			hi = m
		case off >= sents[m].End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// spanEndsBy reports whether the span holding off ends at or before end.
func spanEndsBy(spans []doc.Span, off, end int) bool {
	k := spansFrom(spans, off)
	return k < len(spans) && spans[k].Begin <= off && spans[k].End <= end
}
