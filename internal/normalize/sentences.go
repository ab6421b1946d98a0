package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/sentences"
	"github.com/echotrace/echotrace/internal/doc"
)

// abbreviations are, per language, words that usually end with a full
// stop without ending the sentence. They are keyed by Key of the word
// without its final dot; internal dots are kept ("e.g" for "e.g."). The
// lists are short and general: titles, Latin and common written
// abbreviations, units of counting and calendar words.
var abbreviations = map[string][]string{
	"en": {"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp",
		"gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "no", "jan", "feb", "mar", "apr", "jun", "jul",
		"aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "approx", "dept", "est", "fig", "mt", "ft", "p", "pp"},
	"ru": {"т.е", "т.д", "т.п", "т.к", "т.н", "г", "гг", "ул", "им", "др", "пр", "см", "стр", "рис", "тыс", "млн", "млрд",
		"руб", "коп", "проф", "акад", "ген", "д", "с", "ок", "св"},
	"uk": {"т.д", "т.п", "т.ч", "т.з", "ім", "ін", "вул", "м", "с", "р", "рр", "тис", "млн", "млрд", "грн", "проф",
		"акад", "ген", "див", "д", "св"},
	"fr": {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "etc", "cf", "av", "apr", "j.-c", "p", "ex", "env",
		"janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "n°", "no"},
	"de": {"z.b", "u.a", "d.h", "usw", "bzw", "ca", "dr", "prof", "nr", "str", "hr", "fr", "vgl", "evtl", "ggf", "inkl",
		"s", "jh", "jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez", "mio", "mrd", "v.a"},
	"es": {"sr", "sra", "srta", "dr", "dra", "ud", "uds", "etc", "p.ej", "av", "avda", "pág", "núm", "art", "d", "dña",
		"ene", "feb", "abr", "jun", "jul", "ago", "sept", "oct", "nov", "dic", "ee.uu", "aprox"},
	"it": {"sig", "sigg", "sig.ra", "dott", "prof", "ing", "avv", "ecc", "es", "pag", "n", "art"},
	"pl": {"np", "tj", "tzn", "itd", "itp", "ok", "dr", "prof", "inż", "ul", "r", "w", "tys", "mln", "mld", "godz", "św"},
}

var abbrevSets = func() map[string]map[string]struct{} {
	m := map[string]map[string]struct{}{}
	for lang, words := range abbreviations {
		set := map[string]struct{}{}
		for _, w := range words {
			set[Key(w)] = struct{}{}
		}
		m[lang] = set
	}
	return m
}()

// ordinalDot languages write ordinal numbers with a full stop ("3. März"),
// so a number followed by a dot does not end a sentence there.
var ordinalDot = map[string]bool{"de": true, "pl": true, "cs": true, "da": true, "no": true, "fi": true}

// Sentences splits text into sentences and returns their byte spans, with
// surrounding white space left out. The split follows the Unicode sentence
// rules (UAX #29), then joins pieces the rules split wrongly: after an
// abbreviation or an initial of the language ("Dr.", "т.е.", "J."), and
// across a single line break inside a sentence (wrapped lines). lang is an
// ISO 639-1 code; an unknown or empty one uses only the language-neutral
// rules.
func Sentences(text, lang string) []doc.Span {
	var raw []doc.Span
	it := sentences.FromString(text)
	for it.Next() {
		raw = appendEllipsisSplit(raw, text, it.Start(), it.End())
	}
	if len(raw) < 2 {
		return raw
	}
	abbr := abbrevSets[strings.ToLower(lang)]
	out := raw[:1]
	for _, s := range raw[1:] {
		last := &out[len(out)-1]
		if shouldJoin(text, *last, s, abbr, ordinalDot[strings.ToLower(lang)]) {
			last.End = s.End
			continue
		}
		out = append(out, s)
	}
	return out
}

// appendEllipsisSplit appends the trimmed piece [b, e), split after each
// "…" that is followed by white space and a capital letter: UAX #29 does
// not count the ellipsis character as a sentence end, but news text uses
// it as one as often as "...", which the rules do split.
func appendEllipsisSplit(out []doc.Span, text string, b, e int) []doc.Span {
	for {
		i := strings.Index(text[b:e], "…")
		if i < 0 {
			break
		}
		cut := b + i + len("…")
		j := cut
		for j < e {
			r, n := utf8.DecodeRuneInString(text[j:e])
			if !unicode.IsSpace(r) {
				break
			}
			j += n
		}
		r, _ := utf8.DecodeRuneInString(text[j:e])
		if j > cut && j < e && unicode.IsUpper(r) {
			if tb, te := trimSpan(text, b, cut); tb < te {
				out = append(out, doc.Span{Begin: tb, End: te})
			}
			b = j
			continue
		}
		// not a sentence end: look on after this ellipsis
		rest := appendEllipsisSplit(nil, text, cut, e)
		if len(rest) == 0 {
			break
		}
		if tb, te := trimSpan(text, b, rest[0].End); tb < te {
			out = append(out, doc.Span{Begin: tb, End: te})
		}
		return append(out, rest[1:]...)
	}
	if tb, te := trimSpan(text, b, e); tb < te {
		out = append(out, doc.Span{Begin: tb, End: te})
	}
	return out
}

// trimSpan narrows [b, e) to exclude leading and trailing white space.
func trimSpan(text string, b, e int) (int, int) {
	for b < e {
		r, n := utf8.DecodeRuneInString(text[b:e])
		if !unicode.IsSpace(r) {
			break
		}
		b += n
	}
	for e > b {
		r, n := utf8.DecodeLastRuneInString(text[b:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return b, e
}

// shouldJoin decides whether the piece next continues the sentence prev.
func shouldJoin(text string, prev, next doc.Span, abbr map[string]struct{}, ordinal bool) bool {
	gap := text[prev.End:next.Begin]
	if strings.Count(gap, "\n") >= 2 {
		return false // a blank line is a paragraph break: never joined
	}
	p := text[prev.Begin:prev.End]
	first, _ := utf8.DecodeRuneInString(text[next.Begin:next.End])
	lastRune, _ := utf8.DecodeLastRuneInString(p)

	if isClosing(first) {
		return true // a quote or bracket closing the sentence before
	}
	if strings.Contains(gap, "\n") {
		// A wrapped line: the piece before has no closing punctuation and
		// the next goes on in lower case.
		return !isTerminal(lastRune) && unicode.IsLower(first)
	}
	if unicode.IsLower(first) {
		// "Why?" she asked. / « Pourquoi ? » demanda-t-il.
		return true
	}
	if lastRune != '.' {
		return false
	}
	word := lastWord(p[:len(p)-1])
	if word == "" {
		return false
	}
	if _, ok := abbr[Key(word)]; ok {
		return true
	}
	r, n := utf8.DecodeRuneInString(word)
	if n == len(word) && unicode.IsUpper(r) {
		return true // an initial: "J. Smith"
	}
	if ordinal && isDigits(word) && len(word) <= 2 {
		return true
	}
	return false
}

// lastWord is the run of letters, digits, dots, hyphens and "°" that ends
// s: the word a final full stop belongs to, inner dots included ("e.g").
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '°') {
			break
		}
		i -= n
	}
	return strings.TrimLeft(s[i:], ".-")
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isClosing reports whether r closes a quotation or bracket.
func isClosing(r rune) bool {
	switch r {
	case '»', '”', '’', ')', ']', '›':
		return true
	}
	return false
}

// isTerminal reports whether r can close a sentence, quotes and brackets
// included since a sentence may end inside them.
func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', ':', ';', '"', '\'', '»', '”', '’', ')', ']', '。', '！', '？':
		return true
	}
	return false
}
